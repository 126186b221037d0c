"""Golden cases for fortnights and compound offsets (dates_relative, dates_anchored)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 3, 14)  # a Thursday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    # Fortnights: rolling windows either side of publication, a day two weeks back, or anchored.
    ("past_fortnight", "Food prices have doubled over the past fortnight.", [("the past fortnight", D(2024, 2, 29), D(2024, 3, 13))]),
    ("next_fortnight", "The rains are expected within the next fortnight.", [("the next fortnight", D(2024, 3, 15), D(2024, 3, 28))]),
    ("following_fortnight", "Aid is due to arrive in the following fortnight.", [("in the following fortnight", D(2024, 3, 15), D(2024, 3, 28))]),
    ("fortnight_ago", "The ferry sank a fortnight ago off Zanzibar.", [("a fortnight ago", D(2024, 2, 29), D(2024, 2, 29))]),
    ("fortnight_later_anchored", "Troops entered the town on 3 February and a fortnight later they withdrew.",
     [("on 3 February", D(2024, 2, 3), D(2024, 2, 3)), ("a fortnight later", D(2024, 2, 17), D(2024, 2, 17))]),
    ("two_fortnights_later", "The dam failed on Jan. 2, 2023; two fortnights later repairs began.",
     [("on Jan. 2, 2023", D(2023, 1, 2), D(2023, 1, 2)), ("two fortnights later", D(2023, 1, 30), D(2023, 1, 30))]),
    # "the day before/after" at the end of a text counts from the date before it too.
    ("day_before_at_end_of_text", "Troops entered Kharkiv on 3 March. They had shelled it the day before",
     [("on 3 March", D(2024, 3, 3), D(2024, 3, 3)), ("the day before", D(2024, 3, 2), D(2024, 3, 2))]),
    ("day_after_before_question_mark", "Was the deal signed on 1 March or the day after?",
     [("on 1 March", D(2024, 3, 1), D(2024, 3, 1)), ("the day after", D(2024, 3, 2), D(2024, 3, 2))]),
    # Compound offsets back from publication.
    ("weeks_and_days_ago", "The strike began 3 weeks and 4 days ago.", [("3 weeks and 4 days ago", D(2024, 2, 18), D(2024, 2, 18))]),
    ("years_and_months_ago", "The mine closed one year and two months ago.", [("one year and two months ago", D(2023, 1, 14), D(2023, 1, 14))]),
    ("window_then_ago", "Crews worked for the last 3 months and 2 days ago they broke through.",
     [("the last 3 months", D(2023, 12, 14), D(2024, 3, 13)), ("2 days ago", D(2024, 3, 12), D(2024, 3, 12))]),
    ("months_comma_and_weeks_ago", "He vanished six months, and two weeks ago.", [("six months, and two weeks ago", D(2023, 8, 31), D(2023, 8, 31))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_offsets(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


NOT_DATES = [
    # Unanchored "later" is a narrative step, not a day counted from publication.
    ("fortnight_later_without_anchor", "A fortnight later, the same thing happened in Accra."),
    ("day_before_without_anchor", "They had shelled the town the day before"),
    ("fortnight_as_duration", "The festival lasts a fortnight."),
    ("weeks_and_days_without_ago", "The talks took 3 weeks and 4 days."),
    ("ago_without_publication", "The strike began 3 weeks and 4 days ago."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES])
def test_not_offsets(text: str) -> None:
    assert _all(text, None if "strike" in text else PUB) == []
