"""Golden cases: "this <weekday>" is this week's day, but in a past clause it is the latest such
day on or before publication ("lost their lives in the early hours of this Sunday", written on a
Monday, is the day before, not six days ahead)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 8, 12)  # a Monday


def _all(text: str) -> list[tuple[str, dt.date]]:
    return [(m.surface, m.start_date) for m in extract_dates(text, published=PUB)]


CASES = [
    ("past_clause_sunday", "Two soldiers lost their lives in the early hours of this Sunday, the army reported.",
     [("this Sunday", D(2024, 8, 11))]),
    ("past_clause_friday", "Police said the suspect was arrested this Friday in Cali.", [("this Friday", D(2024, 8, 9))]),
    ("past_clause_saturday", "Gunmen killed a community leader this Saturday, residents said.", [("this Saturday", D(2024, 8, 10))]),
    ("today_is_that_day", "The market was bombed this Monday morning.", [("this Monday", D(2024, 8, 12))]),
    ("future_clause_keeps_week", "Voters will go to the polls this Sunday.", [("this Sunday", D(2024, 8, 18))]),
    ("scheduled_keeps_week", "The summit opens this Thursday.", [("this Thursday", D(2024, 8, 15))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_this_weekday(text: str, expected: list[tuple[str, dt.date]]) -> None:
    assert _all(text) == expected
