"""Golden cases: "the same day/week/month/year" and "later that year" are the period that holds
the date written before them (dates_related), never the publication's; "two decades ago" is a
year, not a day (dates_relative)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 3, 14)  # a Thursday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    # The same period as the date before it.
    ("same_day_after_day", "The envoy landed in Juba on 9 November 2022 and met rebel leaders the same day.",
     [("on 9 November 2022", D(2022, 11, 9), D(2022, 11, 9)), ("the same day", D(2022, 11, 9), D(2022, 11, 9))]),
    ("same_day_followed_by_clause", "The dam burst on 2 February, the same day engineers had warned of cracks.",
     [("on 2 February", D(2024, 2, 2), D(2024, 2, 2)), ("the same day", D(2024, 2, 2), D(2024, 2, 2))]),
    ("on_the_same_day_next_sentence", "A lorry bomb hit the market on Tuesday. On the same day, two soldiers were shot in the north.",
     [("on Tuesday", D(2024, 3, 12), D(2024, 3, 12)), ("On the same day", D(2024, 3, 12), D(2024, 3, 12))]),
    ("same_month_of_a_day", "The clinic opened on 4 August 2021 and was looted the same month.",
     [("on 4 August 2021", D(2021, 8, 4), D(2021, 8, 4)), ("the same month", D(2021, 8, 1), D(2021, 8, 31))]),
    ("same_year_of_a_year", "Her first novel appeared in 1998; in the same year she left the paper.",
     [("in 1998", D(1998, 1, 1), D(1998, 12, 31)), ("in the same year", D(1998, 1, 1), D(1998, 12, 31))]),
    ("same_week_of_a_day", "Fuel ran out on 6 June 2023 and the bakeries shut the same week.",
     [("on 6 June 2023", D(2023, 6, 6), D(2023, 6, 6)), ("the same week", D(2023, 6, 5), D(2023, 6, 11))]),
    ("that_same_day", "Voting closed on 28 May 2023. That same day, the count began in Ankara.",
     [("on 28 May 2023", D(2023, 5, 28), D(2023, 5, 28)), ("That same day", D(2023, 5, 28), D(2023, 5, 28))]),
    # "later/earlier that ...", "on that day".
    ("later_that_year", "The mill was sold in 2017. Later that year its new owners cut 300 jobs.",
     [("in 2017", D(2017, 1, 1), D(2017, 12, 31)), ("that year", D(2017, 1, 1), D(2017, 12, 31))]),
    ("earlier_that_month", "Talks collapsed on 19 October 2022; earlier that month both sides had agreed a truce.",
     [("on 19 October 2022", D(2022, 10, 19), D(2022, 10, 19)), ("that month", D(2022, 10, 1), D(2022, 10, 31))]),
    ("later_that_day", "The suspect was detained on Jan. 5, 2024 and later that day charged with arson.",
     [("on Jan. 5, 2024", D(2024, 1, 5), D(2024, 1, 5)), ("that day", D(2024, 1, 5), D(2024, 1, 5))]),
    ("on_that_day", "Parliament met on 3 July 2020, and on that day the speaker resigned.",
     [("on 3 July 2020", D(2020, 7, 3), D(2020, 7, 3)), ("on that day", D(2020, 7, 3), D(2020, 7, 3))]),
    # "N decades ago" names a year, not a day.
    ("two_decades_ago", "Two decades ago the valley had no school.", [("Two decades ago", D(2004, 1, 1), D(2004, 12, 31))]),
    ("a_decade_ago", "The bridge was built a decade ago by a Chinese firm.", [("a decade ago", D(2014, 1, 1), D(2014, 12, 31))]),
    ("four_decades_ago", "The last wolf here was shot four decades ago.", [("four decades ago", D(1984, 1, 1), D(1984, 12, 31))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_same_period(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


NOT_ANCHORED = [
    # Nothing written before it: no date at all (publication is not the anchor).
    ("same_day_without_anchor", "Three bombs exploded on the same day."),
    ("that_year_without_anchor", "Later that year the mill closed."),
    # Tied to something else than the date before it.
    ("same_day_as_event", "The runoff was held on 4 June 2023, the same day as the cup final."),
    ("same_week_each_year", "The fair opened on 2 May 2023; it opens the same week every year."),
    # A noun compound, not a period.
    ("that_day_laborers", "The mayor said on Monday that day laborers would be paid."),
    ("that_days_attack", "The raid came on 8 May 2023. That day's toll was the worst of the war."),
    # A year holds no single month or day.
    ("same_month_after_year", "The party was founded in 2011 and split the same month."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_ANCHORED], ids=[c[0] for c in NOT_ANCHORED])
def test_not_anchored(text: str) -> None:
    found = [m.surface for m in extract_dates(text, published=PUB)]
    assert not any("same" in s.lower() or "that" in s.lower() for s in found), found
