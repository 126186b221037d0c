"""Golden cases:

- "on the 15th" is day 15 of the month of the date written before it, or with no date before
  it, of the publication's month by tense; never after a year or range ("in 2019 ... on the
  15th"), nor for an ordinal that names something ("the 15th floor", "the 15th Brigade");
- a present-tense period that runs to a date ("runs until 30 September", "lasts until Monday",
  "was extended until Sunday") speaks of that date ahead, not of the last one; "until
  Friday" written on a Friday ends that day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 5, 8)  # a Wednesday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    # Bare day of the month.
    ("bare_day_this_month", "Water supplies were restored on the 3rd, the utility said.", [("on the 3rd", D(2024, 5, 3), D(2024, 5, 3))]),
    ("bare_day_last_month", "The two boys went missing on the 27th.", [("on the 27th", D(2024, 4, 27), D(2024, 4, 27))]),
    ("bare_day_future", "The new cabinet will be sworn in on the 20th.", [("on the 20th", D(2024, 5, 20), D(2024, 5, 20))]),
    ("bare_day_of_month_before", "Protests spread through January 2023; on the 26th, police fired on a crowd.",
     [("January 2023", D(2023, 1, 1), D(2023, 1, 31)), ("on the 26th", D(2023, 1, 26), D(2023, 1, 26))]),
    ("bare_day_of_day_before", "The minister resigned on 21 February 2022, a week after his arrest on the 14th.",
     [("on 21 February 2022", D(2022, 2, 21), D(2022, 2, 21)), ("on the 14th", D(2022, 2, 14), D(2022, 2, 14))]),
    # A period running to a date ahead.
    ("runs_until_month_day", "The exhibition runs until 12 January at the national museum.", [("12 January", D(2025, 1, 12), D(2025, 1, 12))]),
    ("runs_till_weekday", "The book fair runs till Saturday in Accra.", [("Saturday", D(2024, 5, 11), D(2024, 5, 11))]),
    ("lasts_until_weekday", "The state of emergency lasts until Monday.", [("Monday", D(2024, 5, 13), D(2024, 5, 13))]),
    ("extended_until", "The curfew was extended until Friday, police said.", [("Friday", D(2024, 5, 10), D(2024, 5, 10))]),
    ("valid_until", "Old banknotes are valid until 30 April.", [("30 April", D(2025, 4, 30), D(2025, 4, 30))]),
    ("until_weekday_of_publication", "The fuel subsidy lasts until Wednesday.", [("Wednesday", D(2024, 5, 8), D(2024, 5, 8))]),
    # ... but not once it is over.
    ("ran_until_past", "The strike ran until 2 April and cost millions.", [("2 April", D(2024, 4, 2), D(2024, 4, 2))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bare_day_and_until(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


NOT_DAYS = [
    ("floor", "The fire started on the 15th floor of the tower."),
    ("brigade", "Shelling resumed on the 4th Brigade's positions."),
    ("after_a_year", "Parliament was dissolved in 2019, and on the 15th the old guard left."),
    ("capital_name", "They met on the 5th Avenue side of the park."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_DAYS], ids=[c[0] for c in NOT_DAYS])
def test_not_bare_days(text: str) -> None:
    assert not any("the" in surface for surface, _, _ in _all(text)), _all(text)
