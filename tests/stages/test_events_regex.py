"""factor() regroups a word alternation by first letter, and searcher() puts the first characters of a
match ahead of a pattern, without changing what they match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract.events_regex import (
    factor,
    required_literal,
    required_tokens,
    required_word_options,
    required_words,
    searcher,
    tried_order,
    wrapped,
)

CASES = [
    ("were|was|is", "w(?:ere|as)|is"),
    ("a|b(?:c|d)|ab", "a|b(?:c|d)|ab"),
    ("x[|]y|xz", "x(?:[|]y|z)"),
    (r"\w+ed|kill|killed", r"\w+ed|k(?:ill|illed)"),
]


@pytest.mark.parametrize(("alternation", "want"), CASES, ids=["words", "single-letter-breaks", "class-with-bar", "escape-first"])
def test_factor_groups_neighbours_by_first_letter(alternation: str, want: str) -> None:
    assert factor(alternation) == want


WORDS = st.lists(st.text(alphabet="abcs ", min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(words=WORDS, text=st.text(alphabet="abcs ", max_size=30))
def test_factor_finds_the_same_matches(words: list[str], text: str) -> None:
    plain = "|".join(re.escape(w) for w in words)
    original = re.compile(f"(?:{plain})")
    grouped = re.compile(f"(?:{factor(plain)})")
    assert [m.span() for m in original.finditer(text)] == [m.span() for m in grouped.finditer(text)]


SEARCH_CASES = [
    (r"\b(?:no|none|without)\b", re.I, "(?=[\\x6e\\x77])"),
    (r"(?<![\w-])(?:al|ISIS)(?!\w)", 0, "(?=[\\x61\\x49])"),
    (r"\b[A-Z]\w*", 0, "(?=[\\x41-\\x5a])"),
    (r"(?:the\s+)?toll", re.I, "(?=[\\x74])"),
]


@pytest.mark.parametrize(("source", "flags", "ahead"), SEARCH_CASES, ids=["words", "lookbehind", "class", "optional-first"])
def test_searcher_puts_the_first_characters_ahead(source: str, flags: int, ahead: str) -> None:
    assert searcher(source, flags).pattern.startswith(ahead)


@pytest.mark.parametrize("source", [r"\w+ed", r"x*", r"(?i)abc", r"(?:a|.)b", r"[^a]b", r"(?:\d|a)b"])
def test_searcher_keeps_patterns_it_cannot_speed_up(source: str) -> None:
    assert searcher(source).pattern == source


PIECES = st.lists(st.sampled_from(["a", "b", "S", r"\b", r"\s", "(?:a|bs)", "(?:b)?", "[ab]", "a*", "(?<!b)", "(?=s)", " "]), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(pieces=PIECES, text=st.text(alphabet="abSs ", max_size=30), flags=st.sampled_from([0, re.I]))
def test_searcher_finds_the_same_matches(pieces: list[str], text: str, flags: int) -> None:
    source = "".join(pieces)
    original, fast = re.compile(source, flags), searcher(source, flags)
    assert [m.span() for m in original.finditer(text)] == [m.span() for m in fast.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(words=WORDS, text=st.text(alphabet="abcs ", max_size=30))
def test_tried_order_is_the_order_factor_tries(words: list[str], text: str) -> None:
    plain = "|".join(re.escape(w) for w in words)
    grouped = re.compile(f"(?:{factor(plain)})")
    listed = re.compile(f"(?:{'|'.join(tried_order(plain))})")
    assert [m.span() if (m := grouped.match(text, i)) else None for i in range(len(text))] == [
        m.span() if (m := listed.match(text, i)) else None for i in range(len(text))
    ]


def test_wrapped_splits_one_group_only() -> None:
    assert wrapped("(?:killed|slain|[)]x)") == ["killed", "slain", "[)]x"]
    assert wrapped("(?:a)|(?:b)") == ["(?:a)|(?:b)"]
    assert wrapped("(?:a|b)?") == ["(?:a|b)?"]


@pytest.mark.parametrize(
    ("source", "want"), [(r"\w+(?:ed|en) to death", " to death"), (r"\w+ kills", "ll"), (r"(?:a|b)", None), (r"\w+ Hit", " h")]
)
def test_required_literal_is_plain_text_every_match_holds(source: str, want: str | None) -> None:
    assert required_literal(source, re.I) == want


@pytest.mark.parametrize(
    ("source", "flags", "want"),
    [
        (r"\b(?:killed|died)\b", re.I, {"killed", "died"}),
        (r"\bno (?:immediate )?(?:deaths|fatalities)\b", re.I, {"deaths", "fatalities"}),  # the rarer-looking set
        (r"(?-i:Earlier) this", re.I, {" this"}),  # (a group that changes flags gives nothing)
        (r"(?:ab)?cd", 0, {"cd"}),  # an optional part gives nothing
        (r"a|bc", 0, None),  # one branch with no word
        (r"(?=killed)\w+", re.I, None),  # lookarounds give nothing
    ],
    ids=["branch", "best-set", "flag-group", "optional", "no-word", "lookahead"],
)
def test_required_words_are_words_one_of_which_every_match_holds(source: str, flags: int, want: set[str] | None) -> None:
    assert required_words(source, flags) == (frozenset(want) if want is not None else None)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.text(alphabet="abk? ()|", min_size=1, max_size=5), min_size=1, max_size=5), text=st.text(alphabet="abkAB ", max_size=30))
def test_required_words_never_miss_a_match(pieces: list[str], text: str) -> None:
    source = "|".join(pieces)
    try:
        pattern = re.compile(source, re.I)
    except re.error:
        return
    needs = required_words(source, re.I)
    if needs is not None and pattern.search(text) is not None:
        assert any(word in text.lower() for word in needs)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.text(alphabet="abk? ()|", min_size=1, max_size=5), min_size=1, max_size=5), text=st.text(alphabet="abkAB ", max_size=30))
def test_every_required_word_option_holds_in_a_match(pieces: list[str], text: str) -> None:
    source = "|".join(pieces)
    try:
        pattern = re.compile(source, re.I)
    except re.error:
        return
    if pattern.search(text) is not None:
        assert all(any(word in text.lower() for word in option) for option in required_word_options(source, re.I))


def test_required_word_options_hold_the_chosen_set() -> None:
    source = r"\bno (?:immediate )?(?:deaths|fatalities)\b"
    assert required_words(source, re.I) in required_word_options(source, re.I)
    assert frozenset({"no "}) in required_word_options(source, re.I)


@pytest.mark.parametrize(
    ("source", "want"),
    [
        (r"\b(?:the|a)\s+(?:soldier|police officer)\b", [{"the", "a"}, {"soldier", "officer"}]),  # the last word of each wording
        (r"\b(?:neighbou?r|guard)\s", [{"neighbour", "neighbor", "guard"}]),
        (r"x(?:soldier|man)\b", []),  # a letter may stand right before: no whole word
        (r"\b(?:soldier|man)s", []),  # ... or right after
        (r"\b(?:Sgt\.?|Cpl)\s", []),  # a wording that ends with a dot
        (r"(?:^|[|;:]\s*)(?:man|boy)\s+(?:also\s+)?(?:killed|died)\b", [{"man", "boy"}, {"killed", "died"}]),
        (r"\b(?:[\w-]+\s+){0,2}?(?:guard|man)\b", [{"guard", "man"}]),
    ],
    ids=["two-lists", "optional-letter", "letter-before", "letter-after", "dot", "after-start-or-colon", "after-optional-words"],
)
def test_required_tokens_are_whole_words_of_word_lists(source: str, want: list[set[str]]) -> None:
    assert list(required_tokens(source, re.I)) == [frozenset(w) for w in want]

