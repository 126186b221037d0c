"""Golden cases for days listed under one month (etl/stages/extract/dates_daylists.py) and for a
month that already has its day before it ("2 Apr. 11 fatalities"): every listed day is a day of
that month, and a number after a day-month date is not a second day of it."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 4, 10)


def _all(text: str) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=PUB)]


CASES = [
    ("three_days_after_month", "Troops shelled the town on March 3, 4 and 7.",
     [("on March 3", D(2024, 3, 3), D(2024, 3, 3)), ("4", D(2024, 3, 4), D(2024, 3, 4)), ("7", D(2024, 3, 7), D(2024, 3, 7))]),
    ("two_days_before_month", "Curfews were imposed on 12 and 15 March in the capital.",
     [("on 12", D(2024, 3, 12), D(2024, 3, 12)), ("15 March", D(2024, 3, 15), D(2024, 3, 15))]),
    ("days_or_before_month", "The vote took place on 9 or 10 February, officials said.",
     [("on 9", D(2024, 2, 9), D(2024, 2, 9)), ("10 February", D(2024, 2, 10), D(2024, 2, 10))]),
    ("consecutive_days_or", "Protesters marched on January 5 or 6 in the capital.",
     [("on January 5", D(2024, 1, 5), D(2024, 1, 5)), ("6", D(2024, 1, 6), D(2024, 1, 6))]),
    # "and 6 hit": a verb after the second day keeps the consecutive pair one period.
    ("consecutive_pair_before_verb", "Strikes on March 5 and 6 hit Kharkiv.",
     [("on March 5 and 6", D(2024, 3, 5), D(2024, 3, 6))]),
    # A plural noun after the second number makes it a count, not a listed day.
    ("count_noun_after_list", "Police arrested a man on March 2 and 3 others later.", [("on March 2", D(2024, 3, 2), D(2024, 3, 2))]),
    ("count_after_day_list_with_comma", "Raids on March 2, 3 and 4 soldiers were wounded.", [("on March 2", D(2024, 3, 2), D(2024, 3, 2))]),
    # A month after its day: the number that follows starts the next sentence or is a count.
    ("abbreviated_month_then_count", "Fighters attacked a base in Lower Shabelle, 2 Apr. 11 fatalities.",
     [("2 Apr.", D(2024, 4, 2), D(2024, 4, 2))]),
    ("full_month_then_count", "Gunmen stormed a church in Kaduna on 1 March 2 worshippers were killed.",
     [("on 1 March", D(2024, 3, 1), D(2024, 3, 1))]),
    ("ordinal_day_month_then_count", "A mine exploded on the 3rd March 2 deminers died.",
     [("on the 3rd March", D(2024, 3, 3), D(2024, 3, 3))]),
    # "the night of 17/18 March": two consecutive days joined by a slash are one period.
    ("slash_day_pair", "On the night of 17/18 March, shelling hit Kharkiv.", [("17/18 March", D(2024, 3, 17), D(2024, 3, 18))]),
    ("slash_day_pair_year", "On the night of 30/31 January 2023 gunmen raided Kpor.", [("30/31 January 2023", D(2023, 1, 30), D(2023, 1, 31))]),
    ("slash_day_pair_late", "Airstrikes during the night of 5/6 April killed 9.", [("5/6 April", D(2024, 4, 5), D(2024, 4, 6))]),
    ("slash_days_apart_not_a_pair", "On 3/9 March talks were held.", [("9 March", D(2024, 3, 9), D(2024, 3, 9))]),
    # A dash after a whole day-month date, then a count: no range.
    ("dash_then_count", "On 10 March - 6 fatalities in an ambush near Djibo.", [("On 10 March", D(2024, 3, 10), D(2024, 3, 10))]),
    # A month made a period by "in", "last", "early", "mid-", then a count: no day of that month.
    ("month_as_period_then_count", "In March 5 soldiers were killed near Gao.", [("In March", D(2024, 3, 1), D(2024, 3, 31))]),
    ("abbreviated_month_as_period", "Gunmen attacked a bus in Sept. 6 fatalities.", [("in Sept.", D(2023, 9, 1), D(2023, 9, 30))]),
    ("last_month_then_count", "Floods hit Niamey last July 9 people drowned.", [("last July", D(2023, 7, 1), D(2023, 7, 31))]),
    ("in_month_day_without_count", "The vote in March 5 was delayed.", [("in March 5", D(2024, 3, 5), D(2024, 3, 5))]),
    ("amount_before_month_day", "The ticket cost $12 December 27, the shop said.", [("December 27", D(2023, 12, 27), D(2023, 12, 27))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_day_lists(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected
