"""Golden cases for the event date: a loose period of the claim's own sentence ("at the weekend", "last
week", "earlier this week") is narrowed to the one day inside it that the same sentence tells the deed
on ("struck at the weekend, killing two when their truck hit a mine on Saturday morning"); a day told
after a verb of saying ("killed last week, the army said in a statement read on Monday") is the
statement's and leaves the period whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from etl.records import Event

D = dt.date
TUE = D(2023, 3, 7)  # a Tuesday: the weekend before is 4-5 March
NARROWED = [
    ("when_weekend_then_day_same_sentence", TUE,
     "Militants struck a convoy near Garissa at the weekend, killing three soldiers when a bomb went off under their truck on Saturday morning.",
     D(2023, 3, 4)),
    ("when_over_weekend_then_day", TUE,
     "Bandits attacked Kadisau village over the weekend, shooting dead 11 farmers who were working their fields on Sunday afternoon.",
     D(2023, 3, 5)),
    ("when_last_week_then_weekday", TUE,
     "Fighters ambushed an army patrol last week, killing seven soldiers as their convoy was leaving Monguno on Thursday.",
     D(2023, 3, 2)),
    ("when_over_weekend_sunday_night", TUE,
     "Over the weekend, bandits raided Kadisau village, shooting dead 11 farmers in an attack that began late on Sunday night.",
     D(2023, 3, 5)),
]
KEPT = [
    ("when_last_week_said_monday_kept", TUE,
     "Twelve soldiers were killed in an ambush near Menaka last week, the army said in a statement read on state radio on Monday.",
     D(2023, 2, 27), D(2023, 3, 5)),
]


@pytest.mark.parametrize(("case", "published", "text", "day"), NARROWED, ids=[c[0] for c in NARROWED])
def test_loose_period_narrowed_to_own_day(case: str, published: dt.date, text: str, day: dt.date, headline: Callable[[str, dt.date], Event]) -> None:
    first = headline(text, published)
    assert (first.period_start, first.period_end) == (day, day)


@pytest.mark.parametrize(("case", "published", "text", "start", "end"), KEPT, ids=[c[0] for c in KEPT])
def test_statement_day_keeps_period(case: str, published: dt.date, text: str, start: dt.date, end: dt.date, headline: Callable[[str, dt.date], Event]) -> None:
    first = headline(text, published)
    assert (first.period_start, first.period_end) == (start, end)
