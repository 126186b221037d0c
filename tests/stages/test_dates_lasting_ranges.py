"""Golden cases: a duration that starts on a day ("for three days starting Monday") is that many
days from it (dates_anchored); two numeric days joined by a dash ("10/1-11/2/2017") are one
range (dates_ranges)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 3, 14)  # a Thursday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    # "N days/weeks starting <day>": inclusive, counted from that day.
    ("days_of_mourning_starting", "The president declared three days of mourning starting Tuesday.",
     [("three days of mourning starting Tuesday", D(2024, 3, 12), D(2024, 3, 14))]),
    ("weeks_beginning_on", "Schools were shut for two weeks beginning on 5 February.",
     [("two weeks beginning on 5 February", D(2024, 2, 5), D(2024, 2, 18))]),
    ("hyphenated_curfew_starting", "Police imposed a 5-day curfew starting 1 March in the old city.",
     [("5-day curfew starting 1 March", D(2024, 3, 1), D(2024, 3, 5))]),
    ("for_days_from", "Markets will stay closed for 10 days from 1 April, the mayor said.",
     [("10 days from 1 April", D(2024, 4, 1), D(2024, 4, 10))]),
    ("month_commencing", "Talks ran for one month commencing 8 January 2023.",
     [("one month commencing 8 January 2023", D(2023, 1, 8), D(2023, 2, 7))]),
    # Two numeric days joined by a dash.
    ("numeric_days_with_year", "The promotion ran 10/1-11/2/2017 in all branches.",
     [("10/1-11/2/2017", D(2017, 10, 1), D(2017, 11, 2))]),
    ("numeric_days_across_new_year", "Meter readings for 12/28-1/3/2024 were lost.",
     [("12/28-1/3/2024", D(2023, 12, 28), D(2024, 1, 3))]),
    ("numeric_days_day_first", "The period 25/12-02/01/2023 was quiet in Kano.",
     [("25/12-02/01/2023", D(2022, 12, 25), D(2023, 1, 2))]),
    ("full_days_slash_no_spaces", "Early voting ran 10/1/2018-10/7/2018 in most counties.",
     [("10/1/2018-10/7/2018", D(2018, 10, 1), D(2018, 10, 7))]),
    ("full_days_hyphens", "Bookings for 3-20-2023-3-26-2023 were cancelled.",
     [("3-20-2023-3-26-2023", D(2023, 3, 20), D(2023, 3, 26))]),
    ("iso_interval", "The survey window (2023-05-02/2023-05-09) was short.",
     [("2023-05-02/2023-05-09", D(2023, 5, 2), D(2023, 5, 9))]),
    ("numeric_days_yearless_after_on", "The market was closed on 2/26-2/28 for repairs.",
     [("on 2/26-2/28", D(2024, 2, 26), D(2024, 2, 28))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_lasting_and_numeric_ranges(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


POINTS_OR_NOTHING = [
    # "3 days from Monday" without "for" is the day three days on, not a range.
    ("days_from_is_a_day", "The vote is three days from Monday.", [("three days from Monday", D(2024, 3, 14), D(2024, 3, 14))]),
    # A yearless dash pair with no date word before it: fractions, scores.
    ("fraction_range", "Add 1/2-3/4 cup of stock.", []),
    ("set_scores", "She won 6/4-6/3 in the final.", []),
    ("digits_run_on", "Ref. 10-1-2018-10-7-2018-55 was filed.", []),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in POINTS_OR_NOTHING], ids=[c[0] for c in POINTS_OR_NOTHING])
def test_not_lasting_ranges(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected
