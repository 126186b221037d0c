"""The whole-word gate of singular_candidates never skips a pattern that could match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.records import Sentence
from etl.stages.extract.events import load_vocabulary
from etl.stages.extract.events_implicit import _WORDS_ONLY, _has_words, singular_candidates

VOCAB = load_vocabulary()
PIECES = ["a", "an", "A", "the", "The", "his", "their", "one", "another", "both", "soldier", "Soldier", "police officer", "officer",
          "police", "village head", "head", "passer-by", "neighbour", "neighbor", "MP", "villager", "local", "rights", "group", "man",
          "killed", "Killed", "was", "were", "shot", "dead", "died", "wounded", "injuring", "kidnapped", "and", "also", "later",
          "Constable", "Ali", "Khan", "(32)", "embraced", "martyrdom", "attacker", "himself", "couple", "twin", "sisters", "second"]
SEPARATORS = [" ", "  ", ", ", ". ", ": ", "; ", "|", "-", "\n", "'s "]
TEXTS = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=10).map(
    lambda parts: "".join(w + sep for w, sep in parts)
)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS)
def test_a_pattern_that_matches_passes_the_word_gate(text: str) -> None:
    words = frozenset(text.lower().translate(_WORDS_ONLY).split())
    for group, pattern, _ in VOCAB.singular:
        if pattern.search(text) is not None:
            assert _has_words(pattern, words), group


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, start=st.integers(min_value=0, max_value=20))
def test_the_gate_keeps_every_candidate_inside_a_span(text: str, start: int) -> None:
    """Words are counted inside the scanned span only, as the patterns match inside it."""
    start = min(start, len(text) - 1)
    span = Sentence(0, start, len(text), text[start:])
    found = singular_candidates(text, span, [], VOCAB)
    words = frozenset(text[start:].lower().translate(_WORDS_ONLY).split())
    for group, pattern, _ in VOCAB.singular:
        if any(True for _ in pattern.finditer(text, start, len(text))):
            assert _has_words(pattern, words), group
    assert all(start <= c.start < len(text) for c in found)
