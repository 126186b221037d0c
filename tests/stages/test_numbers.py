"""Golden cases and contract checks for the quantities extractor (etl/stages/extract/numbers.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.stages.extract.numbers import VaguePolicyError, extract_quantities, load_vague_policy

CASES = json.loads((Path(__file__).parents[1] / "golden" / "numbers" / "cases.json").read_text(encoding="utf-8"))


def _row(q: object) -> dict[str, object]:
    row = {k: getattr(q, k) for k in ("surface", "kind", "value", "low", "high", "qualifier")}
    for key in ("unit", "change_direction", "base_value"):
        if getattr(q, key) is not None:
            row[key] = getattr(q, key)
    return row


def _approx(row: dict[str, object]) -> dict[str, object]:
    return {k: pytest.approx(v, rel=1e-6) if isinstance(v, float | int) and not isinstance(v, bool) else v
            for k, v in row.items()}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(case: dict) -> None:
    got = [_row(q) for q in extract_quantities(case["text"])]
    assert got == [_approx(e) for e in case["expected"]]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_point_back_to_text(case: dict) -> None:
    text = case["text"]
    for q in extract_quantities(text):
        assert text[q.char_start:q.char_end] == q.surface
        assert q.number_start is not None and q.number_end is not None
        assert q.char_start <= q.number_start < q.number_end <= q.char_end


def test_sorted_and_not_overlapping() -> None:
    text = " ".join(c["text"] for c in CASES)
    got = extract_quantities(text)
    assert got, "the joined golden texts contain quantities"
    for a, b in zip(got, got[1:], strict=False):
        assert a.char_end <= b.char_start


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("at least 12 killed", 12, 12, None),
        ("more than 500 arrested", 500, 500, None),
        ("up to 20 fighters", 20, None, 20),
        ("fewer than 10 doctors", 10, None, 10),
        ("about 300 homes", 300, 300, 300),
        ("between 20 and 30 hurt", None, 20, 30),
    ],
    ids=["at_least", "more_than", "at_most", "less_than", "approx", "range"],
)
def test_bounds_policy(text: str, value: float | None, low: float | None, high: float | None) -> None:
    (q,) = extract_quantities(text)
    assert (q.value, q.low, q.high) == (value, low, high)


def test_vague_policy_default_is_acled() -> None:
    policy = load_vague_policy(None)
    assert policy.lookup("dozens") is not None and policy.lookup("dozens").value == 12  # type: ignore[union-attr]
    assert policy.lookup("hundreds").value == 100  # type: ignore[union-attr]
    assert policy.lookup("several").value == 3  # type: ignore[union-attr]


def test_vague_policy_override(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('[phrases."dozens"]\nvalue = 24\nlow = 24\nhigh = 99\n[phrases."many"]\nvalue = 10\n', encoding="utf-8")
    policy = load_vague_policy(path)
    got = extract_quantities("Dozens were hurt and many fled.", policy=policy)
    assert [(q.surface, q.value, q.low, q.high) for q in got] == [("Dozens", 24, 24, 99), ("many", 10, 10, None)]
    assert [q.surface for q in extract_quantities("Dozens were hurt and many fled.")] == ["Dozens"]


def test_vague_policy_rejects_bad_bounds(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[phrases."dozens"]\nvalue = 5\nlow = 12\n', encoding="utf-8")
    with pytest.raises(VaguePolicyError):
        load_vague_policy(path)


@pytest.mark.parametrize(
    "text",
    ["9" * 500, "10^100 grains", "1e999 stars", "$" + "9" * 40 + "bn", "1/0 of it", "9" * 24 + "^24"],
    ids=["500_digits", "power_100", "exp_999", "money_40_digits", "divide_by_zero", "power_overflow"],
)
def test_pathological_numbers_are_capped(text: str) -> None:
    got = extract_quantities(text)
    assert all(q.value is None or abs(q.value) <= 1e18 for q in got)
    assert all(text[q.char_start:q.char_end] == q.surface for q in got)


def test_empty_and_numberless_text() -> None:
    assert extract_quantities("") == []
    assert extract_quantities("No numbers here at all.") == []
