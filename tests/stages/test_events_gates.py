"""The word gates in front of the costly link patterns only skip texts the patterns cannot match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract.events import load_vocabulary
from etl.stages.extract.events_vocab import match_after

VOCAB = load_vocabulary()
WORDS = st.sampled_from(
    "12 five people soldiers civilians were was have been later reportedly killed died dead wounded injured hurt "
    "taken to hospital in hospital remained according staff shot in the leg abducted kidnapped missing fled homes "
    "the of a and , ; — ( ) burnt to death laid down their lives breathed his last toll number displaced Dead KILLED".split()
)


@settings(max_examples=400, deadline=None)
@given(words=st.lists(WORDS, max_size=14), start=st.integers(0, 3))
def test_after_gates_keep_every_match(words: list[str], start: int) -> None:
    text = " ".join(words)
    start = min(start, len(text))
    for link in VOCAB.strong + VOCAB.weak:
        if link.kind == "before":
            continue
        want = link.pattern.match(text, start, len(text))
        got = match_after(link, text, start, len(text))
        assert (got.span(), got.lastgroup) == (want.span(), want.lastgroup) if want is not None else got is None


def test_the_after_pattern_has_gates() -> None:
    assert VOCAB.strong[0].kind == "after" and len(VOCAB.strong[0].gates) == 2
    assert match_after(VOCAB.strong[0], "12, according to hospital staff.", 2, 32) is None
    assert match_after(VOCAB.strong[0], "12 people were taken to hospital.", 2, 33) is not None
