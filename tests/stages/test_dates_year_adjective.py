"""Golden cases for a year used as an adjective ("a 2022 bombing", "the 2019 attack"): a date of
the noun it qualifies, at year granularity; not after "a" when the noun is a unit or a currency."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 4, 10)


def _all(text: str) -> list[tuple[str, dt.date, dt.date, str]]:
    return [(m.surface, m.start_date, m.end_date, m.granularity) for m in extract_dates(text, published=PUB)]


CASES = [
    ("a_year_massacre", "Survivors of a 2017 massacre in Yemen marched.", [("2017", D(2017, 1, 1), D(2017, 12, 31), "year")]),
    ("sentence_opening_a_year", "A 2021 ambush killed nine soldiers near Kidal.", [("2021", D(2021, 1, 1), D(2021, 12, 31), "year")]),
    ("a_year_report", "The figures come from a 2019 report by the agency.", [("2019", D(2019, 1, 1), D(2019, 12, 31), "year")]),
    ("the_year_car_bombing", "Officials recalled the 2016 car bombing in Baghdad.", [("2016", D(2016, 1, 1), D(2016, 12, 31), "year")]),
    # A unit, a currency or a hyphen after "a 2000": a size, not a year.
    ("a_number_km", "They built a 2000 km road across the desert.", []),
    ("a_number_rupee", "Police seized a 1500 rupee note.", []),
    ("a_number_strong", "A 2000-strong force moved into the valley.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_year_adjective(text: str, expected: list[tuple[str, dt.date, dt.date, str]]) -> None:
    assert _all(text) == expected
