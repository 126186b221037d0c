"""The fast scans of the quantities extractor find exactly what the plain patterns they replace find.

Each scan tries a pattern only at some positions (digit starts, word starts, clusters of digits)
for speed; a property test checks it against the whole-text ``finditer`` it stands for.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract import numbers_mask as mask
from etl.stages.extract.numbers_lexicon import LEXICON, _last_word_starts
from etl.stages.extract.numbers_runs import find_runs
from etl.stages.extract.numbers_vague import DEFAULT_POLICY
from etl.stages.extract.numwords import RUN_BODY, RUN_PATTERN, digit_value
from etl.stages.extract.numwords_grammar import read_run

# Pieces that start or stop the scanned forms, with digits and letters outside ASCII.
_PIECES = st.sampled_from([
    "12", "3", "2024", "1,081", ".5", "2 1/2", "½", "\u0663", "\u0966\u0967", "+44", "(555)", "'98", "1990s",
    "March", "Sept.", "May", "Dec", "august", "Resolution", "Jun.", "ab-", "x.", "F-16", "G7", "COVID-19", "Rs5bn", "N2.3", "a", "an", "A", "one", "Twenty",
    "NINE", "dozen", "half", "thirds", "and", "point", "of", "the", "at least", "more than", "(", ")", "\"",
    "'", "\u201c", "-", "\u2013", ".", ",", ":", "/", " ", "  ", "\n", "\t", "\u00a0", "\x1f", "\u2019", "é",
    "\u0130", "\u017f", "_", "9/11", "3:30 p.m.", "12 Main Street", "No", "x", "+86 2010-2015-86",
    "(555) 123-4567", "+1-222-2222/2222", "'99",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map(" ".join) | st.lists(
    _PIECES, max_size=30).map("".join)
# Where a word starts, as the phrase look-ups before a number define it.
_WORD_START = re.compile(r"(?:(?<=\s)|^|(?<=[(\[\"'\u201c]))[^\s]")


def _merged(runs: list[tuple[int, int]], glued: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in sorted(runs + glued):
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged


def _runs_reference(masked: str) -> list[tuple[int, int]]:
    glued = [run.span() for m in re.finditer(r"\d(?<=[A-Za-z]\d)", masked)
             if (run := re.compile(RUN_PATTERN).match(masked, m.start())) is not None]
    runs = [(m.start(), m.end() - 1) for m in re.finditer(rf"\W{RUN_BODY}", " " + masked)]
    return _merged(runs, glued) if glued else runs


def _mask_reference(text: str) -> list[tuple[int, int]]:
    letter_led = re.compile(r"(?=[A-Za-z])(?<!\w)(?=[A-Za-z]+(?:[-.]?\d|\.?\s+\d))(?:"
                            + "|".join(f"(?:{p})" for p in mask._LETTER_LED) + ")")
    spans = [m.span() for m in mask._DIGIT_LED.finditer(text)]  # a whole-text scan
    for cluster in re.finditer(rf"\d(?:\D{{0,{mask.CLUSTER_GAP}}}\d)*", text):
        start, end = max(0, cluster.start() - mask.LEFT_WINDOW), cluster.end() + mask.RIGHT_WINDOW
        spans.extend(m.span() for m in letter_led.finditer(text, start, end))
    return spans


def _fast_mask_spans(text: str) -> list[tuple[int, int]]:
    starts, clusters = mask._leads(text)
    spans = mask._digit_led(text, starts)
    for start, end, digits in clusters:
        window = (max(0, start - mask.LEFT_WINDOW), end + mask.RIGHT_WINDOW)
        spans.extend(mask._letter_led(text, " " + text, window, digits))
    return spans


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_runs_match_a_whole_text_scan(text: str) -> None:
    masked = mask.mask_non_quantities(text)
    assert find_runs(masked) == _runs_reference(masked)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_masks_match_a_whole_text_scan(text: str) -> None:
    assert _fast_mask_spans(text) == _mask_reference(text)


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=40), st.integers(min_value=1, max_value=6))
def test_last_word_starts_match_a_regex(text: str, window: int, count: int) -> None:
    window = min(window, len(text))
    end = len(text.rstrip())
    expected = [m.start() for m in _WORD_START.finditer(text, window, end)][-count:]
    assert _last_word_starts(text, window, end, count) == expected


def test_vague_lookup_is_the_first_entry_with_that_phrase() -> None:
    for entry in DEFAULT_POLICY.entries:
        assert DEFAULT_POLICY.lookup(entry.phrase.upper().replace(" ", " \n ")) is next(
            e for e in DEFAULT_POLICY.entries if e.phrase == entry.phrase)
    assert DEFAULT_POLICY.lookup("no such phrase") is None


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[0-9]{1,15}", fullmatch=True))
def test_plain_digits_read_as_digit_value_reads_them(run: str) -> None:
    parsed = read_run(run, 0, len(run))
    assert [p.value for p in parsed] == [digit_value(run)]


_QUALIFIER_PIECES = st.sampled_from([
    "about", "around", "nearly", "at least", "more than", "no more than", "up to", "less than", "fewer than",
    "over", "under", "some", "estimated", "an estimated", "as many as", "close to", "approx.", "~", ">", ">=",
    "<=", "\u2265", "the", "how", "what", "shot", "to", "than", "x", "No", "(", "\u201c", "-", "_", "\u00e9",
    "\u212a", "\u017f", "ABOUT", "At Least", "=", " ", "  ", "\n", "\t",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_QUALIFIER_PIECES, max_size=8).map(" ".join) | st.lists(_QUALIFIER_PIECES, max_size=8).map("".join))
def test_qualifier_patterns_by_last_token_find_what_the_whole_one_finds(text: str) -> None:
    whole = replace(LEXICON.qualifier_before, by_token={})
    got, want = LEXICON.qualifier_before.search(text), whole.search(text)
    assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup))
