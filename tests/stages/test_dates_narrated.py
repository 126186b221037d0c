"""Golden cases: in a narrative, "the following year", "the previous month", "the week before",
"That night," count from the date written before them (dates_related), even in the sentence
before, skipping a comparison base ("up 12% from 2020"); publication is the reference only when
no date comes before them, and a past clause's relation that would fall after publication is no
date."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 3, 14)  # a Thursday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    # The next or previous calendar period of the anchor, across a sentence break.
    ("following_year_next_sentence", "The bridge opened in 2016. The following year, cracks appeared in its piers.",
     [("in 2016", D(2016, 1, 1), D(2016, 12, 31)), ("The following year", D(2017, 1, 1), D(2017, 12, 31))]),
    ("following_week_after_day", "Looting began on 7 June 2022. The following week, the curfew was tightened.",
     [("on 7 June 2022", D(2022, 6, 7), D(2022, 6, 7)), ("The following week", D(2022, 6, 13), D(2022, 6, 19))]),
    ("following_month_after_day", "The plant shut on 9 October 2023; the following month, 400 workers were laid off.",
     [("on 9 October 2023", D(2023, 10, 9), D(2023, 10, 9)), ("the following month", D(2023, 11, 1), D(2023, 11, 30))]),
    ("previous_month_after_day", "The governor was sacked on 2 May 2019. The previous month, auditors had flagged the accounts.",
     [("on 2 May 2019", D(2019, 5, 2), D(2019, 5, 2)), ("The previous month", D(2019, 4, 1), D(2019, 4, 30))]),
    ("next_month_after_day", "Rebels reached the suburbs on 11 January 2021 and took the airport the next month.",
     [("on 11 January 2021", D(2021, 1, 11), D(2021, 1, 11)), ("the next month", D(2021, 2, 1), D(2021, 2, 28))]),
    # "the week/month/year before/after" closing a phrase.
    ("week_before", "The militia entered Bunia on 12 August 2020. The week before, it had burned two villages.",
     [("on 12 August 2020", D(2020, 8, 12), D(2020, 8, 12)), ("The week before", D(2020, 8, 3), D(2020, 8, 9))]),
    ("month_before", "Inflation hit 9% in July 2022, up from 8.1% the month before.",
     [("in July 2022", D(2022, 7, 1), D(2022, 7, 31)), ("the month before", D(2022, 6, 1), D(2022, 6, 30))]),
    ("year_after", "The dam failed in 2009 and was rebuilt the year after.",
     [("in 2009", D(2009, 1, 1), D(2009, 12, 31)), ("the year after", D(2010, 1, 1), D(2010, 12, 31))]),
    # A comparison base ("up 12% from 2020", "than in 2018") is no narrative anchor.
    ("year_before_skips_from_base", "Exports reached $4bn in 2021, up 12% from 2020. Imports rose to $6bn from $5bn the year before.",
     [("in 2021", D(2021, 1, 1), D(2021, 12, 31)), ("2020", D(2020, 1, 1), D(2020, 12, 31)),
      ("the year before", D(2020, 1, 1), D(2020, 12, 31))]),
    ("year_after_skips_than_base", "Turnout in 2019 was lower than in 2014, and the year after, it fell again.",
     [("in 2019", D(2019, 1, 1), D(2019, 12, 31)), ("in 2014", D(2014, 1, 1), D(2014, 12, 31)),
      ("the year after", D(2020, 1, 1), D(2020, 12, 31))]),
    ("month_before_skips_compared_base", "Sales in May 2023 were flat compared with April 2023; the month before, they had slumped.",
     [("in May 2023", D(2023, 5, 1), D(2023, 5, 31)), ("April 2023", D(2023, 4, 1), D(2023, 4, 30)),
      ("the month before", D(2023, 4, 1), D(2023, 4, 30))]),
    # "That night," / "that same evening": the anchor's day.
    ("that_night_sentence_start", "Shelling resumed on 3 February 2023. That night, the power station was hit.",
     [("on 3 February 2023", D(2023, 2, 3), D(2023, 2, 3)), ("That night", D(2023, 2, 3), D(2023, 2, 3))]),
    ("that_same_evening", "The verdict came on 30 November 2021, and that same evening crowds gathered.",
     [("on 30 November 2021", D(2021, 11, 30), D(2021, 11, 30)), ("that same evening", D(2021, 11, 30), D(2021, 11, 30))]),
    ("later_that_morning", "The ferry left on 6 April 2022; later that morning it capsized.",
     [("on 6 April 2022", D(2022, 4, 6), D(2022, 4, 6)), ("that morning", D(2022, 4, 6), D(2022, 4, 6))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_narrated_relations(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


KEPT_OR_DROPPED = [
    # No date before: publication is the reference.
    ("following_week_unanchored", "Prices are expected to ease the following week.", [("the following week", D(2024, 3, 18), D(2024, 3, 24))]),
    # A past clause cannot tell of a period after publication: no date.
    ("past_relation_after_publication", "Two men were detained on Tuesday and charged the following week.",
     [("on Tuesday", D(2024, 3, 12), D(2024, 3, 12))]),
    # "the week before last" and "the year after the war" are not closed phrases.
    ("week_before_last", "The bank raised rates on 1 February 2024 and the week before last.", [("on 1 February 2024", D(2024, 2, 1), D(2024, 2, 1))]),
    ("year_after_event", "The town was founded in 1950, the year after the war.", [("in 1950", D(1950, 1, 1), D(1950, 12, 31))]),
    # "That morning's" is a noun's determiner; lowercase "that night" needs later/earlier/on.
    ("said_that_night", "The mayor spoke on 5 March 2024. He said that night shifts would end.", [("on 5 March 2024", D(2024, 3, 5), D(2024, 3, 5))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in KEPT_OR_DROPPED], ids=[c[0] for c in KEPT_OR_DROPPED])
def test_unanchored_or_dropped(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected
