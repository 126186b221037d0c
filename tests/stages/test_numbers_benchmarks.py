"""The quantities scorer (etl/eval/quantities.py) on small hand-made records.

Score floors on the shared development sets are not unit tests: they live in
benchmarks/ratchet.json and are checked by ``python benchmarks/quality.py``.
"""

from __future__ import annotations

from etl.eval.quantities import score_quantities
from etl.records import QuantityMention


def _q(value: float | None, low: float | None, high: float | None, start: int = 0, end: int = 1) -> QuantityMention:
    qualifier = "range" if value is None else "exact"
    return QuantityMention(start, end, "x" * (end - start), "count", value, low, high, qualifier)  # type: ignore[arg-type]


def _gold(value: float | None, low: float | None = None, high: float | None = None) -> dict:
    return {"span": "x", "start": 0, "end": 1, "value": value, "low": low, "high": high}


def test_scorer_matches_value_and_ranges() -> None:
    records: list[dict] = [
        {"id": "a", "text": "x", "gold": [_gold(12), _gold(None, 20, 30), _gold(None, 5, None)]},
        {"id": "b", "text": "x", "gold": []},
    ]
    emitted = {"a": [_q(12.0000001, 12, 12), _q(None, 20, 30), _q(5, 5, None)], "b": [_q(3, 3, 3)]}
    texts = iter(["a", "b"])
    report = score_quantities(records, gold_file="t", extractor=lambda _text: emitted[next(texts)])
    assert (report.tp, report.fp, report.fn) == (3, 1, 0)
    assert [m.kind for m in report.misses] == ["spurious"]


def test_scorer_each_emitted_matches_once() -> None:
    records = [{"id": "a", "text": "x", "gold": [_gold(7), _gold(7)]}]
    report = score_quantities(records, gold_file="t", extractor=lambda _text: [_q(7, 7, 7)])
    assert (report.tp, report.fp, report.fn) == (1, 0, 1)
    assert report.misses[0].kind == "missed"


def test_scorer_ignores_date_kinds() -> None:
    year = QuantityMention(0, 4, "2024", "year", 2024, 2024, 2024, "exact")  # type: ignore[arg-type]
    records = [{"id": "a", "text": "2024", "gold": []}]
    report = score_quantities(records, gold_file="t", extractor=lambda _text: [year])
    assert (report.tp, report.fp, report.fn) == (0, 0, 0)
