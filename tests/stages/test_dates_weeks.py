"""Golden cases for weeks and weekdays (etl/stages/extract/dates_weeks.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 10, 16)  # a Wednesday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    # A weekday that ends its sentence takes no day of month from the next one ("The first, ...").
    ("weekday_then_the_first", "Two bombs exploded in the city on Wednesday. The first, at a market, killed four.",
     [("on Wednesday", D(2024, 10, 16), D(2024, 10, 16))]),
    ("weekday_then_the_second", "Gunmen struck twice on Sunday. The second raid hit a clinic.", [("on Sunday", D(2024, 10, 13), D(2024, 10, 13))]),
    ("weekday_then_the_third", "The protests began on Friday. The third day saw clashes.", [("on Friday", D(2024, 10, 11), D(2024, 10, 11))]),
    ("abbreviated_weekday_day", "Polls close on Wed. 16th, officials said.", [("on Wed. 16th", D(2024, 10, 16), D(2024, 10, 16))]),
    # A weekday of a named week, and the weekdays listed after it in the same week.
    ("next_week_short_weekday", "The court sits next week Mon, lawyers said.", [("next week Mon", D(2024, 10, 21), D(2024, 10, 21))]),
    ("next_week_on_or", "Talks will resume next week on Tuesday or Thursday.",
     [("next week on Tuesday", D(2024, 10, 22), D(2024, 10, 22)), ("Thursday", D(2024, 10, 24), D(2024, 10, 24))]),
    ("last_week_list", "Strikes hit the port last week on Monday, Wednesday and Friday.",
     [("last week on Monday", D(2024, 10, 7), D(2024, 10, 7)), ("Wednesday", D(2024, 10, 9), D(2024, 10, 9)),
      ("Friday", D(2024, 10, 11), D(2024, 10, 11))]),
    ("next_weekday_or", "The minister visits next Tuesday or Wednesday.",
     [("next Tuesday", D(2024, 10, 22), D(2024, 10, 22)), ("Wednesday", D(2024, 10, 23), D(2024, 10, 23))]),
    ("next_weekday_to_weekday", "Schools close from next Monday to Friday.",
     [("from next Monday to Friday", D(2024, 10, 21), D(2024, 10, 25))]),
    # The bracketed date fixes the weekday's day.
    ("weekday_bracket_date_future", "The vote will be held on Friday (Nov. 1).", [("on Friday (Nov. 1)", D(2024, 11, 1), D(2024, 11, 1))]),
    ("weekday_bracket_date_past", "Police said the raid on Sunday (October 13) killed two.",
     [("on Sunday (October 13)", D(2024, 10, 13), D(2024, 10, 13))]),
    ("weekday_bracket_date_nearest_year", "The summit opens on Monday (Oct. 20).", [("on Monday (Oct. 20)", D(2025, 10, 20), D(2025, 10, 20))]),
    # "the week ended X": the seven days ending that day.
    ("week_ended_date", "Jobless claims fell in the week ended Oct. 5.", [("in the week ended Oct. 5", D(2024, 9, 29), D(2024, 10, 5))]),
    ("week_ending_weekday", "The week ending Friday saw heavy selling.", [("The week ending Friday", D(2024, 10, 5), D(2024, 10, 11))]),
    ("week_to_date", "Sales in the week to 28 September rose 4%.", [("in the week to 28 September", D(2024, 9, 22), D(2024, 9, 28))]),
    ("weekday_bracket_lowercase_abbreviation", "Shops shut this friday (oct-11) for the strike.",
     [("this friday (oct-11)", D(2024, 10, 11), D(2024, 10, 11))]),
    ("lowercase_ambiguous_month_joined_to_day", "The office reopens on jun-3.", [("on jun-3", D(2025, 6, 3), D(2025, 6, 3))]),
    # Working weeks and business days (Monday to Friday).
    ("this_working_week", "Ballots arrive this working week.", [("this working week", D(2024, 10, 14), D(2024, 10, 18))]),
    ("next_work_week", "Repairs will take the next work week.", [("the next work week", D(2024, 10, 21), D(2024, 10, 25))]),
    ("next_business_days", "Refunds are due within the next 3 business days.", [("the next 3 business days", D(2024, 10, 17), D(2024, 10, 21))]),
    ("past_working_days", "Trading was halted in the past five working days.", [("in the past five working days", D(2024, 10, 9), D(2024, 10, 15))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_weeks(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


NOT_LISTED = [
    # A bare weekday after an unrelated one keeps its own reading.
    ("plain_weekday_list", "Clashes on Monday and Tuesday left 3 dead.",
     [("on Monday", D(2024, 10, 14), D(2024, 10, 14)), ("Tuesday", D(2024, 10, 15), D(2024, 10, 15))]),
    # Brackets holding another weekday's date are two dates.
    ("bracket_disagrees", "The market fell on Monday (Oct. 10).", [("on Monday", D(2024, 10, 14), D(2024, 10, 14)), ("Oct. 10", D(2024, 10, 10), D(2024, 10, 10))]),
    ("lowercase_may_before_number", "Prices may 15 times exceed costs.", []),
    ("business_days_too_many", "It takes the next 400 business days.", []),
    ("working_week_as_topic", "The four-day working week is popular.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in NOT_LISTED], ids=[c[0] for c in NOT_LISTED])
def test_not_same_week(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected
