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
