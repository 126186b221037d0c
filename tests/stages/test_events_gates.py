"""The word gates in front of the costly link patterns only skip texts the patterns cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract.events import load_vocabulary
from etl.stages.extract.events_gates import alternatives, lead, may_match, word_gates, word_start
from etl.stages.extract.events_regex import factor
from etl.stages.extract.events_vocab import match_after, passes_gate

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


@pytest.mark.parametrize(
    ("source", "want"),
    [
        (r"a|b(?:c|d)", ["a", "b(?:c|d)"]),
        (r"\b(?:killed|died)\b", ["killed", "died"]),
        (r"\b(?:killed|died)\s+in", [r"\b(?:killed|died)\s+in"]),  # one wording: the group is only a part
        (r"x\\b", [r"x\\b"]),  # (an escaped backslash and a "b" are no boundary)
    ],
    ids=["top", "one-group", "group-then-more", "escaped-backslash"],
)
def test_alternatives_are_the_wordings_of_one_alternation(source: str, want: list[str]) -> None:
    assert alternatives(source) == want


def test_word_gates_rule_out_texts_without_a_piece() -> None:
    gates = word_gates([r"(?:rushed|taken) to (?:the )?hospital", r"in hospital"])
    assert may_match(gates, "were taken to hospital", "were taken to hospital")
    assert not may_match(gates, "according to hospital staff", "according to hospital staff")  # the second gate: no verb
    assert may_match(gates, "ſtaff", "ſtaff")  # not ASCII: no gate
    assert word_gates([r"\w+", "killed"]) == ()  # a wording with no piece: no gate


AGGREGATE = st.sampled_from(
    "since January have been killed in the conflict remain displaced in recent years this year so far the war insurgency "
    "has killed more than 2,000 people during the past month , . ; 12 civilians attacks Killed Since".split()
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(AGGREGATE, max_size=16))
def test_aggregate_gates_keep_every_match(words: list[str]) -> None:
    text = " ".join(words)
    if VOCAB.aggregate.search(text) is not None:
        assert may_match(VOCAB.aggregate_gates, text, text.lower())


@pytest.mark.parametrize(
    ("source", "want"),
    [
        (r"slain|killed", {"kil", "sla"}),
        (r"(?:have |had )?died", {"hav", "had", "die"}),
        (r"a\w+b", {"a"}),  # cut short where the text is no longer known
        (r"burn[te]d?", {"bur"}),
        (r"\w+ed to death", None),  # a match may start with any letter
        (r"(?:a|)b", {"ab", "b"}),
    ],
    ids=["words", "optional-aux", "cut", "class", "unknown-start", "empty-branch"],
)
def test_lead_holds_the_starts_of_every_match(source: str, want: set[str] | None) -> None:
    found = lead(source, re.I)
    if want is None:
        assert found is None
    else:
        assert found is not None
        assert {s for s in want if re.match(found, s, re.I)} == want


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(st.text(alphabet="abk? ()|", min_size=1, max_size=6) | st.sampled_from(["[ab]", "[kb]?", r"\w", "a+"]), min_size=1, max_size=5),
    text=st.text(alphabet="abkAB ", max_size=12),
)
def test_lead_never_rejects_a_match(pieces: list[str], text: str) -> None:
    source = "|".join(pieces)
    try:
        pattern = re.compile(source, re.I)
    except re.error:
        return
    found = lead(source, re.I)
    if found is not None:
        for at in range(len(text) + 1):
            if pattern.match(text, at):
                assert re.compile(found, re.I).match(text, at), (source, text, at)


def test_the_link_patterns_carry_leads() -> None:
    after, before = VOCAB.strong[0], next(link for link in VOCAB.strong if link.kind == "before")
    assert after.quick is not None and "(?=(?=" in after.quick.pattern
    assert before.quick is not None and "(?=(?=" in before.quick.pattern


HYPOTHETICAL = st.sampled_from("could would threatened to planned tried to be been have killed kill them 12 people , Could TO".split())


@settings(max_examples=300, deadline=None)
@given(words=st.lists(HYPOTHETICAL, max_size=8))
def test_hypothetical_gates_keep_every_match(words: list[str]) -> None:
    text = " ".join(words) + " "
    if VOCAB.hypothetical.search(text) is not None:
        assert may_match(VOCAB.hypothetical_gates, text, text.lower())


GATE_TEXT = st.lists(st.sampled_from("killed Killed skill kia both bother dead - , . 12 ſ the buried a\n".split(" ")), max_size=10).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=GATE_TEXT, start=st.integers(0, 4), end=st.integers(0, 60))
def test_the_measure_word_gate_finds_a_stem_at_aword_start(text: str, start: int, end: int) -> None:
    assert VOCAB.gate.pattern.startswith("[^a-z]")
    behind = re.compile("(?<![a-z])" + VOCAB.gate.pattern[len("[^a-z]") :])  # the same gate as a look-behind
    assert passes_gate(text, start, end, VOCAB) == (behind.search(text[start:end].lower()) is not None)


TITLED = st.lists(st.sampled_from(["Constable", "Sgt.", "Sgt", "PCpl", "xConstable", "_Sgt", "ÉConstable", "Ali", " ", ". ", "(", "9"]), max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=TITLED)
def test_a_word_start_checked_behind_the_first_letter_finds_the_same_words(text: str) -> None:
    alternation = factor(r"Constable|Sgt\.?|PCpl|Private")
    assert not word_start(alternation).startswith(r"\b")
    fast, plain = re.compile(word_start(alternation)), re.compile(rf"\b(?:{alternation})")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in fast.finditer(text, 1)] == [m.span() for m in plain.finditer(text, 1)]
