"""The speed devices of the dates extractor change no output: trie-shaped word alternations match
like the flat ones, and the gates (``dates_gates``, ``Ctx.may_follow``, the tense pre-test) only
skip work that could not have produced anything."""

from __future__ import annotations

import datetime as dt
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract import dates as dates_module
from etl.stages.extract.dates_base import CARDINALS, LEX, MONTHS, ORDINALS, WEEKDAYS, Ctx, alternation
from etl.stages.extract.dates_explicit import _PREP_WORDS
from etl.stages.extract.dates_triggers import trigger_positions

_FRAGMENTS = st.sampled_from([
    " in ", " on ", " since ", " from ", " to ", " between ", " and ", " - ", "-", "/", ".", ",", " ", "  ",
    "May", "march", "Aug.", "Sept", "Tuesday", "Tues", "Sun", "on Fri", " night", "Q3", "H1", "2Q",
    "the first half of", "mid-", "early", "the end of", "last", "next", "this", "week", "weeks", "month",
    "year", "years ago", "the past", "three", "a", "Christmas", "summer", "the 1990s", "'90s", "2024",
    "1999", "2100", "31", "29", "02", "12", "3/4", "24th", "the", "third", "twenty-first", "twenty nine",
    "two thousand and five", "century", "2023/24", "2014-2018", "w/c", "the week beginning", "weeks after",
    "in three weeks", "yesterday", "today", "now", "date", "will", "said", "\n", "%", "'", "\u2019", "\u00a0",
    "\u017f", "\u212a", "\u0130", "\u00e9", "\u0662\u0660\u0662\u0664", "1Q", "h2", "90s", "5.3.", "MAYday",
])
_TEXT = st.lists(_FRAGMENTS, max_size=24).map("".join)
_PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))


def _flat(words: list[str]) -> str:
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]") for w in items)


def test_trie_alternation_matches_like_the_flat_one() -> None:
    lists = [list(MONTHS), list(WEEKDAYS), list(ORDINALS), list(CARDINALS), sorted(_PREP_WORDS),
             [str(w) for w in LEX["tense"]["future"]], [str(w) for w in LEX["tense"]["past"]]]  # type: ignore[attr-defined]
    rnd = random.Random(7)
    for words in lists:
        flat = re.compile(rf"(?:{_flat(words)})(?:\b\.?)?", re.I)
        trie = re.compile(rf"(?:{alternation(words)})(?:\b\.?)?", re.I)
        for _ in range(2000):
            parts = [rnd.choice(words) if rnd.random() < 0.6 else rnd.choice(["x", "s", "-", "'", "\u017f"])
                     for _ in range(rnd.randint(1, 5))]
            text = "".join(rnd.choice(["", " ", "-", "."]) + (p.upper() if rnd.random() < 0.2 else p) for p in parts)
            assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)], text


def _ungated(ctx: Ctx) -> Ctx:
    """The same context without the lowercased text: every gate and pre-test is off."""
    return Ctx(ctx.text, ctx.published, ctx.day_first)


@settings(max_examples=500, deadline=None)
@given(text=_TEXT, published=_PUBLISHED, day_first=st.booleans())
def test_gates_skip_nothing_that_matches(text: str, published: dt.date | None, day_first: bool) -> None:
    ctx = Ctx.of(text, published, day_first=day_first)
    gated = sorted(dates_module._candidates(ctx), key=repr)
    assert gated == sorted(dates_module._candidates(_ungated(ctx)), key=repr)
    for position in range(len(text) + 1):
        assert ctx.future(position) == _ungated(ctx).future(position)
    if ctx.lowered is not None:
        assert trigger_positions(text, ctx.lowered) == trigger_positions(text)
        assert (dates_module._GATE.search(text) is None) == (dates_module._GATE_LOWERED.search(ctx.lowered) is None)


# One or more texts for each gated rule and pre-tested context regex.
_EXAMPLES = [
    "Troops left on 12 March, on the 3rd of May 2024 and on 12-Mar-2024.",
    "Talks ran November 18-19 and from 9 to 12 June, then the 3rd to the 5th of July.",
    "He spoke on Tuesday the 11th and on Friday, 3, and again on Fri night and on Sat.",
    "Polls open on 3/4 and close by 06/2024; the 2014-2018 plan and 1999/2000 figures.",
    "It will happen in three weeks, in the first week of July, between March and May 2023.",
    "Output fell in the third quarter of 2023 and the first half, last week, two years ago.",
    "Two weeks after 3 March 2024, the week beginning 4 February, since 2021, after 2018.",
    "Before 2010 there was no data; from 2019 to date it grew, 2021 to the present.",
    "Born May twenty nine, nineteen eighty six, in October two thousand and five.",
    "The March 8 alliance met on March 8, at the end of this month and early next year.",
    "Earlier this year, the past three months, the weekend, yesterday, this morning, tonight.",
    "Elections are due on Sunday; voters said on Monday they will vote next Friday.",
    "On 2024-03-05, three days from now, in May this year, the first nine months of 2024.",
    "Sales in week 12 of 2024 beat the next two years of forecasts and the 3 previous years.",
]


def test_gates_skip_nothing_on_examples() -> None:
    for text in _EXAMPLES:
        for published in (None, dt.date(2024, 6, 14)):
            ctx = Ctx.of(text, published, day_first=False)
            assert trigger_positions(text, ctx.lowered) == trigger_positions(text)
            gated = sorted(dates_module._candidates(ctx), key=repr)
            assert gated == sorted(dates_module._candidates(_ungated(ctx)), key=repr), text
            hits = [hit for _, hit in gated]
            assert [dates_module.dates_ranges.open_bound(h, ctx) for h in hits] == [
                dates_module.dates_ranges.open_bound(h, _ungated(ctx)) for h in hits
            ]
            assert dates_module.dates_anchored.apply_anchors(hits, ctx) == dates_module.dates_anchored.apply_anchors(
                hits, _ungated(ctx)
            )


_INITIALS = re.compile(r"\(\?=\[[^\]]*\]\)")


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_TEXT, st.sampled_from(_EXAMPLES)))
def test_initials_lookaheads_change_no_match(text: str) -> None:
    for rule in dates_module._RULES:
        if _INITIALS.match(rule.pattern.pattern):
            bare = re.compile(_INITIALS.sub("", rule.pattern.pattern, count=1), rule.pattern.flags)
            for start in range(0, len(text), 7):
                assert [m.span() for m in rule.pattern.finditer(text, start)] == [m.span() for m in bare.finditer(text, start)]


def test_case_trap_letters_turn_the_gates_off() -> None:
    for text in ("\u017fince 2020", "next wee\u212a", "\u0130n May"):
        assert Ctx.of(text, None, day_first=False).lowered is None
    assert Ctx.of("Since May", None, day_first=False).lowered == "since may"


def test_may_follow_is_true_when_the_word_ends_the_text_before() -> None:
    ctx = Ctx.of("Two weeks AFTER  12 March", dt.date(2024, 5, 1), day_first=False)
    assert ctx.may_follow(ctx.text.index("12"), ("after",))
    assert not ctx.may_follow(ctx.text.index("12"), ("before",))
    assert _ungated(ctx).may_follow(0, ("before",))


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(_FRAGMENTS, st.sampled_from(["\x1c", "\x1f", "\x0b", "\t"])), max_size=24).map("".join))
def test_ascii_patterns_match_like_the_unicode_ones_on_plain_text(text: str) -> None:
    ctx = Ctx.of(text, None, day_first=False)
    assert ctx.plain == (text.isascii() and not any("\x1c" <= ch <= "\x1f" for ch in text))
    if not ctx.plain:
        return
    for rules in dates_module._BY_TRIGGERS.values():
        for _, rule, ascii_pattern in rules:
            unicode_found = [(m.span(), m.groups()) for m in rule.pattern.finditer(text)]
            assert [(m.span(), m.groups()) for m in ascii_pattern.finditer(text)] == unicode_found, text
