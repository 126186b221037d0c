"""Property-based tests of the whole extraction chain (``Extractor.extract``), not of one extractor.

For any text and publication date: no exception; every span points into the text and its surface
is the text there; bounds are ordered (low <= value <= high, start <= end); enumerations hold; and
the `etl extract` JSON line is valid JSON (no NaN or Infinity).
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import json
import math
import time
from collections.abc import Iterator
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl.config import Config
from etl.records import ChangeDirection, DateSource, Extraction, Granularity, Measure, Qualifier, QuantityKind, Reject, Scope
from etl.stages.ingest import make_article

pytestmark = pytest.mark.usefixtures("needs_extraction")

# Words and shapes that exercise numbers, dates, events and their edges, glued at random.
FRAGMENTS = [
    "killed", "were killed", "injured", "wounded", "arrested", "abducted", "missing", "displaced", "attacks",
    "at least", "about", "nearly", "more than", "up to", "between", "and", "to", "from", "-", "\u2013", "or",
    "%", "per cent", "percent", "rose", "fell", "increase", "decrease", "compared with", "a", "the", "of",
    "in 2024", "in 2023", "last year", "this year", "on Tuesday", "in March", "March 3", "3 March 2024",
    "Q3", "the first half of 2024", "summer", "the 1990s", "2023/24", "12/31/2024", "13/13/2024", "Feb 29, 2023",
    "31 December 9999", "9999", "0001", "10000", "10^100", "1e309", "$", "\u20ac", "\u00bd", "1/0",
    "thirteen", "two dozen", "dozens", "hundreds", "a third of", "several", "zero", "million", "billion",
    "people", "civilians", "soldiers", "militants", "police", "said", "Pakistan", "Kabul", "Boko Haram",
    ".", ",", ";", "(", ")", '"', "'", "\u201c", "\u201d", "\n", "\n\n", " ", "\u200b", "\u202e", "\u0661\u0662",
]
numbers = st.one_of(
    st.integers(min_value=-10**6, max_value=10**30).map(str),
    st.integers(min_value=1000, max_value=10**12).map("{:,}".format),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: f"{f:g}"),
    st.integers(min_value=1, max_value=500).map(lambda n: "9" * n),
)
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), numbers, st.text(max_size=4)), max_size=40).map(" ".join)
texts = st.one_of(news_text, st.text(max_size=300))
published = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
# No generated text (a few kB at most) may take this long: catches runaway regular expressions.
SLOW_SECONDS = 5.0
# A whole property test (150 examples, plus shrinking) that runs this long is stuck in one example.
WATCHDOG_SECONDS = 240
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def _watchdog() -> Iterator[None]:
    """A runaway pattern cannot be interrupted from Python: rather than hang CI, exit with a traceback."""
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(scope="module")
def extractor() -> Any:
    from etl.extractor import Extractor

    return Extractor.from_config(Config())


def _span_ok(text: str, start: int, end: int) -> bool:
    return 0 <= start < end <= len(text)


def _ordered(*values: Any) -> bool:
    present = [v for v in values if v is not None]
    return all(a <= b for a, b in zip(present, present[1:], strict=False))


def check_quantities(text: str, extraction: Extraction) -> None:
    for q in extraction.quantities:
        assert _span_ok(text, q.char_start, q.char_end) and text[q.char_start : q.char_end] == q.surface, q
        assert q.kind in get_args(QuantityKind) and q.qualifier in get_args(Qualifier), q
        assert q.change_direction in (None, *get_args(ChangeDirection)), q
        assert all(v is None or not math.isnan(v) for v in (q.value, q.low, q.high)), q
        assert _ordered(q.low, q.value, q.high) and _ordered(q.low, q.high), q
        if q.number_start is not None and q.number_end is not None:
            assert q.char_start <= q.number_start < q.number_end <= q.char_end, q


def check_dates(text: str, extraction: Extraction) -> None:
    for d in extraction.dates:
        assert _span_ok(text, d.char_start, d.char_end) and text[d.char_start : d.char_end] == d.surface, d
        assert d.start_date <= d.end_date, d
        assert d.granularity in get_args(Granularity), d


def check_events(text: str, extraction: Extraction) -> None:
    for e in extraction.events:
        assert _span_ok(text, e.char_start, e.char_end), e
        assert e.measure in get_args(Measure) and e.scope in get_args(Scope) and e.date_source in get_args(DateSource), e
        assert e.qualifier in get_args(Qualifier) and e.granularity in (None, *get_args(Granularity)), e
        assert _ordered(e.value_low, e.value_best, e.value_high) and _ordered(e.value_low, e.value_high), e
        assert _ordered(e.period_start, e.period_end) and _ordered(e.base_period_start, e.base_period_end), e
        if e.quantity_start is not None and e.quantity_end is not None:
            assert _span_ok(text, e.quantity_start, e.quantity_end), e
        assert e.article_id == extraction.article.article_id


def check_contract_json(extraction: Extraction) -> None:
    from etl.contract import extraction_json

    json.dumps(extraction_json("x", extraction), allow_nan=False)  # ValueError on NaN / Infinity


def run_chain(extractor: Any, text: str, day: dt.date | None, *, clean: bool) -> None:
    meta = {"published": day.isoformat() if day else None}
    article = make_article(text, name="prop", max_chars=100_000, meta=meta, clean=clean)
    if isinstance(article, Reject):
        assert article.reason in ("empty", "encoding"), article
        return
    t0 = time.perf_counter()
    result = extractor.extract(article)
    assert time.perf_counter() - t0 < SLOW_SECONDS, f"{len(text)} characters took {time.perf_counter() - t0:.1f} s"
    if isinstance(result, Reject):
        assert result.reason == "too_many_numbers", result
        return
    assert result.article is article
    for check in (check_quantities, check_dates, check_events):
        check(article.text, result)
    check_contract_json(result)


@SETTINGS
@given(text=texts, day=published)
@example(text="About 10^100 people, 1e309 dollars and " + "7" * 500 + " soldiers were killed.", day=None)
@example(text="On 31 December 9999, the year 9999 and 10000 AD, 12 were killed; next year more.", day=dt.date(2100, 12, 31))
@example(text="Between 30 and 20 people were killed, down from 50% to -20% in the 1990s.", day=dt.date(1900, 1, 1))
@example(text="\u202e12 \u0642\u062a\u0644\u202c 1\u200b000 killed \u201c\u2018nested\u2019\u201d", day=dt.date(2024, 2, 29))
def test_chain_on_raw_text(extractor: Any, text: str, day: dt.date | None) -> None:
    """`etl extract` path: the caller's text, byte for byte."""
    run_chain(extractor, text, day, clean=False)


@SETTINGS
@given(text=news_text, day=published)
def test_chain_on_cleaned_text(extractor: Any, text: str, day: dt.date | None) -> None:
    """`etl run` path: text cleaned by ingest first."""
    run_chain(extractor, text, day, clean=True)


@settings(max_examples=40, deadline=None)
@given(chunks=st.lists(st.sampled_from(FRAGMENTS[:60]), min_size=200, max_size=400))
def test_chain_on_long_articles(extractor: Any, chunks: list[str]) -> None:
    run_chain(extractor, " ".join(chunks), dt.date(2024, 6, 30), clean=True)
