"""Property tests: the quantities extractor never raises and its output always keeps its invariants."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.stages.extract.numbers import extract_quantities

# Pieces of news-like text that exercise the grammar and the joins, mixed with random characters.
_PIECES = st.sampled_from([
    "1,081", "1.2 million", "$4.5bn", "3,000-strong", "10.5%", "twenty-one", "a dozen", "half a million",
    "a third of", "2 1/2", "about", "more than", "at least", "up to", "fewer than", "between", "and", "to",
    "-", "from", "rose", "fell by", "percent", "per cent", "dozens", "several", "hundred", "point", "minus",
    "in 2024", "March 3", "3/4/2023", "3:30 p.m.", "13th", "F-16", "Flight", "No.", "10^100", "1e999",
    "9" * 60, "¾", "½", "~", ">", "<=", "+/-", "or more", "-odd", "km", "kg", "€", "£", "Rs", "bn", "k",
    "one", "out of", "over", "the", ",", ".", " ", "\n", "(", ")", "/", "^", "e",
])
# Digit literals of every shape the grammar reads: long, signed, decimal, exponents, fractions.
_LITERALS = st.from_regex(r"-?\d{1,30}(?:[.,]\d{1,5})?(?:[eE^][+-]?\d{1,3}|/\d{1,4})?[kmbKMBT%]?", fullmatch=True)
_GROUPED = st.from_regex(r"\d{1,3}(?:[ ,]\d{3}){1,3}(?:\.\d{1,2})?(?: \d{1,2}/\d{1,3}|[½¾]|e\d)?", fullmatch=True)
_TEXT = st.lists(st.one_of(_PIECES, _LITERALS, _GROUPED, st.text(max_size=6)), max_size=25).map(" ".join)


def _check(text: str) -> None:
    got = extract_quantities(text)
    previous_end = 0
    for q in got:
        assert text[q.char_start:q.char_end] == q.surface
        assert q.char_start >= previous_end
        previous_end = q.char_end
        assert q.number_start is not None and q.number_end is not None
        assert q.char_start <= q.number_start <= q.number_end <= q.char_end
        if q.low is not None and q.value is not None:
            assert q.low <= q.value
        if q.high is not None and q.value is not None:
            assert q.value <= q.high
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_news_like_text_keeps_invariants(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_keeps_invariants(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    "unit",
    ["one hundred and ", "one and a half and ", "twenty ", "1 ", "1,", "1/", "1.", "1e1", "a third of ",
     "one point ", "twenty-", "hundred thousand ", "dozens ", "-", "about 1,000-2,000 people, up 45%; "],
    ids=["and_chain", "and_fraction", "tens_chain", "digits", "commas", "slashes", "dots", "exponents",
         "fractions", "points", "hyphens_words", "scales", "vague", "dashes", "mixed"],
)
def test_long_repetitive_text(unit: str) -> None:
    """Long runs of one pattern: no recursion error, no quadratic blow-up, invariants kept."""
    text = unit * 1500
    start = time.process_time()
    _check(text)
    assert time.process_time() - start < 5.0
