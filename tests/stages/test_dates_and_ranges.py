"""Golden cases for two consecutive dates joined by "and" (etl/stages/extract/dates_ranges.py):
one period, as a reader takes "on April 10 and 11"; non-consecutive ones stay apart."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 11, 20)


def _all(text: str) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=PUB)]


CASES = [
    ("month_day_and_day", "Voting took place on November 2 and 3.", [("on November 2 and 3", D(2024, 11, 2), D(2024, 11, 3))]),
    ("ordinal_days_and_month", "Storms hit on 14th and 15th September.", [("on 14th and 15th September", D(2024, 9, 14), D(2024, 9, 15))]),
    ("days_and_month_year", "Clashes on 8 and 9 May 2023 left 12 dead.", [("on 8 and 9 May 2023", D(2023, 5, 8), D(2023, 5, 9))]),
    ("consecutive_months", "Exports fell in August and September.", [("in August and September", D(2024, 8, 1), D(2024, 9, 30))]),
    ("consecutive_months_over_new_year", "Snow fell in December and January.", [("in December and January", D(2023, 12, 1), D(2024, 1, 31))]),
    # Not consecutive: separate dates, as before.
    ("months_apart", "Exports fell in August and October.",
     [("in August", D(2024, 8, 1), D(2024, 8, 31)), ("October", D(2024, 10, 1), D(2024, 10, 31))]),
    # The second day of the list is a day of the same month (dates_daylists), never a count.
    ("days_apart", "Voting took place on November 2 and 9.",
     [("on November 2", D(2024, 11, 2), D(2024, 11, 2)), ("9", D(2024, 11, 9), D(2024, 11, 9))]),
    # The last two of a list are no period.
    ("list_of_months", "Exports fell in July, August and September.",
     [("in July", D(2024, 7, 1), D(2024, 7, 31)), ("August", D(2024, 8, 1), D(2024, 8, 31)), ("September", D(2024, 9, 1), D(2024, 9, 30))]),
    # "and 11 others" is a count, not a day.
    ("count_after_and", "Police killed one man on November 2 and 3 others fled.", [("on November 2", D(2024, 11, 2), D(2024, 11, 2))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_consecutive_and(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected
