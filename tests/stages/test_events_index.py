"""events_index.gated picks, with one scan of the whole text, the sentences passes_gate picks one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.records import Sentence
from etl.stages.extract.events import load_vocabulary
from etl.stages.extract.events_index import gated
from etl.stages.extract.events_vocab import passes_gate

VOCAB = load_vocabulary()
WORDS = ["killed", "Killed", "kill", "skill", "wounded", "dead", "toll", "the", "Soldiers", "İstanbul", "ΣΑΣ", "x", "bod", "body", "kia"]


def _by_one(text: str, sentences: list[Sentence]) -> list[Sentence]:
    return [s for s in sentences if passes_gate(text, s.char_start, s.char_end, VOCAB)]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "", ". ", "\n", "-"])), min_size=1, max_size=14),
    cuts=st.lists(st.integers(min_value=0, max_value=120), max_size=6),
)
def test_gated_picks_what_passes_gate_picks(words: list[tuple[str, str]], cuts: list[int]) -> None:
    text = "".join(w + sep for w, sep in words)
    bounds = sorted({0, len(text), *(c for c in cuts if c < len(text))})  # sentences may start or end inside a word
    sentences = [Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False)) if a < b]
    assert gated(text, sentences, VOCAB.gate) == _by_one(text, sentences)


def test_gated_on_plain_sentences() -> None:
    text = "Gunmen killed six. The market reopened. Two were wounded."
    sentences = [Sentence(0, 0, 18, text[0:18]), Sentence(1, 19, 39, text[19:39]), Sentence(2, 40, len(text), text[40:])]
    assert [s.index for s in gated(text, sentences, VOCAB.gate)] == [0, 2]
