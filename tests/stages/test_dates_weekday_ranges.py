"""Golden cases: two weekdays joined as a range ("from Thursday to Sunday", "the night of Friday to
Saturday") are one run of days: in a past clause the latest such run before publication, in a
future one the next (each end resolved alone used to give an end before the start, so the
range was dropped and the first day could be publication's own)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
FRI = D(2024, 5, 10)  # a Friday
TUE = D(2024, 5, 7)  # a Tuesday


CASES = [
    ("night_friday_to_saturday_on_friday", FRI, "Drones struck overnight Friday to Saturday, the governor said.",
     [("Friday to Saturday", D(2024, 5, 3), D(2024, 5, 4))]),
    ("thursday_to_sunday_past", TUE, "Heavy rain fell from Thursday to Sunday across the delta.",
     [("from Thursday to Sunday", D(2024, 5, 2), D(2024, 5, 5))]),
    ("wednesday_until_saturday_past", FRI, "The blockade lasted from Wednesday until Saturday.",
     [("from Wednesday until Saturday", D(2024, 5, 1), D(2024, 5, 4))]),
    ("saturday_to_tuesday_future", FRI, "Polling stations will open from Saturday to Tuesday.",
     [("from Saturday to Tuesday", D(2024, 5, 11), D(2024, 5, 14))]),
    # Runs already in order are unchanged.
    ("sunday_to_tuesday_in_order", FRI, "Fighting raged from Sunday to Tuesday.", [("from Sunday to Tuesday", D(2024, 5, 5), D(2024, 5, 7))]),
]


@pytest.mark.parametrize(("published", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_weekday_ranges(published: dt.date, text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)] == expected
