"""Property tests: the dates extractor never raises and its output always keeps its invariants."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract.dates import extract_dates

# Fragments that steer random text towards the extractor's rules (and their edges).
_FRAGMENTS = st.sampled_from([
    " in ", " on ", " since ", " from ", " to ", " between ", " and ", " - ", "/", ".", ",", " ",
    "May", "march", "Aug.", "Sept", "Tuesday", "Sun", "Q3", "H1", "the first half of", "mid-", "early ",
    "last", "next", "this", "week", "month", "year", "years ago", "the past", "three", "a", "Christmas",
    "summer", "the 1990s", "'90s", "2024", "1999", "2100", "1899", "31", "29", "02", "12", "00", "24th",
    "twenty-first", "15th", "century", "2023/24", "2014-2018", "w/c", "the week beginning", "weeks after",
    "yesterday", "today", "now", "date", "(Reuters)", "\n", "%", "$", "'", "\u2019",
])
_TEXT = st.one_of(st.text(max_size=80), st.lists(_FRAGMENTS, max_size=14).map("".join))
_PUBLISHED = st.one_of(
    st.none(),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(1901, 1, 1), dt.date(2099, 12, 31), dt.date(2024, 2, 29)]),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, published=_PUBLISHED, day_first=st.booleans())
def test_never_raises_and_keeps_invariants(text: str, published: dt.date | None, day_first: bool) -> None:
    found = extract_dates(text, published=published, day_first=day_first)
    starts = [m.char_start for m in found]
    assert starts == sorted(starts)
    for mention in found:
        assert 0 <= mention.char_start < mention.char_end <= len(text)
        assert text[mention.char_start : mention.char_end] == mention.surface
        assert mention.start_date <= mention.end_date
        # only a century ("the 15th century") may start before 1900
        assert 1900 <= mention.start_date.year or "century" in mention.surface.lower()
        assert mention.end_date.year <= 2100
        if published is None:
            assert not mention.relative
    for left, right in zip(found, found[1:], strict=False):
        assert left.char_end <= right.char_start


_EDGE_TEXT = (
    "yesterday today tomorrow on Tuesday next Friday last week next month the past three years in two "
    "years' time next weekend 3 days from today a week ago since 2021 Q3 the first quarter this summer "
    "last winter the nineties in March will meet on June 10 earlier this week later this year the end of "
    "the month the last week of next month week 53 the next 7 quarters 3/18/24 Monday 21! from 2019 to date"
)


def test_extreme_publication_dates_are_safe() -> None:
    for published in (dt.date.min, dt.date.max, dt.date(1901, 1, 1), dt.date(2099, 12, 31), None):
        for mention in extract_dates(_EDGE_TEXT, published=published):
            assert 1900 <= mention.start_date.year and mention.end_date.year <= 2100


def test_many_dates_stay_fast() -> None:
    import time

    text = "Raids on 2024-01-01 and in March 2024, on Tuesday, last week. " * 1000
    began = time.process_time()
    found = extract_dates(text, published=dt.date(2024, 5, 5))
    assert len(found) == 4000
    assert time.process_time() - began < 10.0  # about 0.5 s when linear; quadratic selection took minutes
