"""News usages of dates (issue #4): present-tense scheduled events and future cues beyond
"will", ranges that must join two dates, "the 18th instant", split and fiscal years, dates
anchored to another date of the text. Each case: a sentence of our own, its publication date,
and the one mention (surface, start, end) expected."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date


def _found(text: str, published: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


FUTURE = [
    ("present_reopens", "The stadium reopens on May 3 after repairs.", D(2024, 4, 10), ("on May 3", D(2024, 5, 3), D(2024, 5, 3))),
    ("present_vote", "Malawians vote on Tuesday in a presidential run-off.", D(2025, 9, 11), ("on Tuesday", D(2025, 9, 16), D(2025, 9, 16))),
    ("present_begins", "The trial begins on Monday in the capital.", D(2025, 9, 11), ("on Monday", D(2025, 9, 15), D(2025, 9, 15))),
    ("set_for", "The verdict is set for March 2.", D(2025, 11, 20), ("March 2", D(2026, 3, 2), D(2026, 3, 2))),
    ("due_on", "The central bank's next decision is due on Oct. 30.", D(2025, 9, 11), ("on Oct. 30", D(2025, 10, 30), D(2025, 10, 30))),
    ("to_begin", "Voter registration is to begin in late November, officials said.", D(2025, 9, 11),
     ("in late November", D(2025, 11, 16), D(2025, 11, 30))),
    ("pending", "The judge froze the accounts pending a ruling on January 9.", D(2025, 12, 2), ("on January 9", D(2026, 1, 9), D(2026, 1, 9))),
    ("ahead_of", "Troops were deployed ahead of polling on Sunday.", D(2025, 9, 11), ("on Sunday", D(2025, 9, 14), D(2025, 9, 14))),
    ("expects", "The fair expects record crowds in mid-June.", D(2026, 2, 5), ("in mid-June", D(2026, 6, 10), D(2026, 6, 20))),
    # A noun after a determiner is no cue: "the vote on Saturday" happened.
    ("noun_vote_past", "After the vote on Saturday, counting was slow.", D(2025, 9, 11), ("on Saturday", D(2025, 9, 6), D(2025, 9, 6))),
    ("past_reopened", "The museum reopened on April 20 after a renovation.", D(2024, 5, 5), ("on April 20", D(2024, 4, 20), D(2024, 4, 20))),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in FUTURE], ids=[c[0] for c in FUTURE])
def test_future_clauses(text: str, published: dt.date, expected: tuple[str, dt.date, dt.date]) -> None:
    assert _found(text, published) == [expected]


# Each: text, published, every mention expected.
ANCHORS = [
    ("dateline_dash_duration", "KABUL, Oct 9 - Three weeks after the Sept. 18 landslide, aid has yet to arrive.", D(2025, 10, 9),
     [("Oct 9", D(2025, 10, 9), D(2025, 10, 9)), ("Sept. 18", D(2025, 9, 18), D(2025, 9, 18))]),
    ("dash_days_after", "The port shut on June 2 - ten days after the strike began.", D(2025, 7, 1),
     [("on June 2", D(2025, 6, 2), D(2025, 6, 2))]),
    ("dash_still_range", "The fair will run from June 2 - June 9.", D(2025, 5, 1),
     [("from June 2 - June 9", D(2025, 6, 2), D(2025, 6, 9))]),
    # "N units after the <date> <event>": a duration since a dated event; the date is the event's,
    # in the year that puts it nearest the publication date moved by the duration.
    ("event_after_new_year", "Two weeks after the Dec. 28 floods, roads are still closed.", D(2026, 1, 12),
     [("Dec. 28", D(2025, 12, 28), D(2025, 12, 28))]),
    ("event_before_future", "Campaigning ended on Thursday, three days before the Jan. 4 runoff.", D(2025, 12, 30),
     [("on Thursday", D(2025, 12, 25), D(2025, 12, 25)), ("Jan. 4", D(2026, 1, 4), D(2026, 1, 4))]),
    ("event_after_month", "Nearly a month after the April 2 blast, the plant reopened.", D(2024, 5, 3),
     [("April 2", D(2024, 4, 2), D(2024, 4, 2))]),
    # Without "the <date> <noun>" the shift stays: the date of the text is the shifted day.
    ("shift_kept", "The office reopened two weeks after 3 February.", D(2025, 2, 20),
     [("two weeks after 3 February", D(2025, 2, 17), D(2025, 2, 17))]),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in ANCHORS], ids=[c[0] for c in ANCHORS])
def test_ranges_and_event_dates(text: str, published: dt.date, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _found(text, published) == expected
