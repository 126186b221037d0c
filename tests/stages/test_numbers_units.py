"""Measures named by quantulum3's unit table when our own lexicon has no such unit."""

from pathlib import Path

import pytest

from etl.stages.extract.numbers import extract_quantities
from etl.stages.extract.numbers_units import unit_table


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("The blast left a crater 3 fathoms deep.", "3 fathoms", "fathom"),
        ("The reactor was rated at 12 gigawatt-hours a year.", "12 gigawatt-hours", "gigawatt hour"),
    ],
    ids=["fathoms", "gigawatt-hours"],
)
def test_unit_from_quantulum3_table(text: str, surface: str, unit: str) -> None:
    [q] = extract_quantities(text)
    assert (q.surface, q.kind, q.unit) == (surface, "measure", unit)
    assert text[q.char_start : q.char_end] == q.surface


@pytest.mark.parametrize("text", ["He carried 12 people across.", "Four pairs of shoes were found.", "Some 40 heads of cattle died."], ids=["people", "pairs", "heads"])
def test_counted_nouns_stay_counts(text: str) -> None:
    assert all(q.kind == "count" for q in extract_quantities(text))


def test_table_has_no_dimensionless_or_currency_surfaces() -> None:
    table = unit_table()
    assert "people" not in table and "dollars" not in table and "usd" not in table
    assert table["fathoms"] == "fathom"


def test_unit_table_is_cached_on_disk_and_rebuilt_when_damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from etl.stages.extract import numbers_units

    monkeypatch.setenv("ETL_CACHE_DIR", str(tmp_path))
    built = numbers_units.unit_table.__wrapped__()
    [cache_file] = tmp_path.glob("quantulum3-*-units-*.json")
    assert numbers_units.unit_table.__wrapped__() == built  # read back from the file

    calls: list[int] = []
    real_build = numbers_units._build_unit_table

    def counted_build() -> dict[str, str]:
        calls.append(1)
        return real_build()

    monkeypatch.setattr(numbers_units, "_build_unit_table", counted_build)
    cache_file.write_text('{"fathoms": ')  # a write cut short
    assert numbers_units.unit_table.__wrapped__() == built and calls == [1]
    assert numbers_units.unit_table.__wrapped__() == built and calls == [1]  # the rebuilt file is used again
