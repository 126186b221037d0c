"""factor() regroups a word alternation by first letter without changing what it matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract.events_regex import factor

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
