"""Golden cases: "on Friday last week" / "Monday next week" is that week's day; two weekdays joined as a range ("from Thursday to Sunday", "the night of Friday to
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
    # A weekday with its week after it: that week's day.
    ("weekday_last_week", FRI, "The convoy was ambushed on Thursday last week near Gao.", [("on Thursday last week", D(2024, 5, 2), D(2024, 5, 2))]),
    ("weekday_next_week", TUE, "The verdict is expected on Monday next week.", [("on Monday next week", D(2024, 5, 13), D(2024, 5, 13))]),
    ("weekday_this_week", FRI, "Markets fell sharply on Tuesday this week.", [("on Tuesday this week", D(2024, 5, 7), D(2024, 5, 7))]),
    ("weekday_then_last_weeks_noun", FRI, "The court ruled on Monday, last week's appeal notwithstanding.",
     [("on Monday", D(2024, 5, 6), D(2024, 5, 6)), ("last week", D(2024, 4, 29), D(2024, 5, 5))]),
    # Runs already in order are unchanged.
    ("sunday_to_tuesday_in_order", FRI, "Fighting raged from Sunday to Tuesday.", [("from Sunday to Tuesday", D(2024, 5, 5), D(2024, 5, 7))]),
]


@pytest.mark.parametrize(("published", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_weekday_ranges(published: dt.date, text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)] == expected
