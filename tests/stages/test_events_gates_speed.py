"""The derived gates added for speed (singular patterns, later deaths, aftermaths, other incidents)
only skip texts their patterns cannot match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract.events import load_vocabulary
from etl.stages.extract.events_after import AFTERMATH, LATER_DEATH
from etl.stages.extract.events_gates import gate_pieces, may_hold, searched_alternatives, word_gates
from etl.stages.extract.events_implicit import _has_pieces
from etl.stages.extract.events_regex import searcher

VOCAB = load_vocabulary()
WORDS = st.sampled_from(
    "one two killed killing abducted wounded and while but the other was is had been were a soldier died later in hospital "
    "of his injuries succumbed more bodies found recovered funeral buried mourners trial respects paid their , . ; "
    "Constable Ali who them as when".split()
)


def test_searched_alternatives_unwrap_the_lead() -> None:
    pattern = searcher(r"\b(?:funerals?|buried|trial)\b")
    assert pattern.pattern.startswith("(?=[")
    assert searched_alternatives(pattern.pattern) == ["funerals?", "buried", "trial"]
    assert searched_alternatives("a|b") == ["a", "b"]


def test_gate_pieces_are_the_word_gates_pieces() -> None:
    wordings = searched_alternatives(AFTERMATH.pattern)
    pieces = gate_pieces(wordings, AFTERMATH.flags)
    assert pieces and len(pieces) == len(word_gates(wordings, AFTERMATH.flags))
    assert all("funeral" in p for p in pieces)
    assert not may_hold(pieces, "Gunmen killed 12 people on Monday.", "gunmen killed 12 people on monday.")
    assert may_hold(pieces, "Açaí: 12 killed", "açaí: 12 killed")  # (not ASCII: no gate)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(WORDS, max_size=14))
def test_gates_keep_every_match(words: list[str]) -> None:
    text = " ".join(words)
    lowered = text.lower()
    for pattern in (LATER_DEATH, AFTERMATH):
        if pattern.search(text):
            assert may_hold(gate_pieces(searched_alternatives(pattern.pattern), pattern.flags), text, lowered)
    for _group, pattern, _gate in VOCAB.singular:
        if pattern.search(text):
            assert _has_pieces(pattern, " " + lowered)


def test_singular_one_needs_a_harm_verb() -> None:
    one = next(p for g, p, _ in VOCAB.singular if g == "one")
    assert one.search("They abducted 26 passengers and killed one who tried to flee.")
    assert _has_pieces(one, " they abducted 26 passengers and killed one who tried to flee.")
    assert not _has_pieces(one, " one of the passengers said the bus was late.")
