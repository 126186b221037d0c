"""Shared pieces of the dates extractor: the vocabulary, regex fragments, hit records and the
tense test used to resolve underspecified dates (see ``dates.py`` for the policy)."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from etl.stages.extract.dates_calendar import Span
from etl.stages.extract.dates_gates import Gate, NextTo, Seen

_LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "dates_lexicon.toml"

# How far back (characters) the tense test looks for a cue inside the clause of a date (and,
# for a date opening its sentence, how far ahead).
TENSE_WINDOW = 80
# A present-tense scheduled-event verb is a cue only this close before the date ("reopens on
# April 20", "vote on Saturday in elections"); further on, the clause may have moved on ("talks
# that begin on Monday follow a round in April"). Set on our own news sentences (test_dates_news).
SCHEDULED_REACH = 12
# The readers of a number, day, month or part word ("22nd", "Sept.", "the end of") are pure
# functions of a few characters, called for every reading: memoised, up to this many words each
# (news names far fewer distinct spellings; calibrated on the sample corpus and synthetic news).
NORMALISED_CACHE_SIZE = 1024


def _load() -> dict[str, dict[str, object]]:
    with _LEXICON_PATH.open("rb") as handle:
        return tomllib.load(handle)


LEX = _load()
MONTHS: dict[str, int] = {str(k): int(v) for k, v in LEX["months"].items()}  # type: ignore[call-overload]
AMBIGUOUS_MONTHS = frozenset(str(w) for w in LEX["ambiguous_months"]["words"])  # type: ignore[attr-defined]
WEEKDAYS: dict[str, int] = {str(k): int(v) for k, v in LEX["weekdays"].items()}  # type: ignore[call-overload]
ORDINALS: dict[str, int] = {str(k): int(v) for k, v in LEX["ordinals"].items()}  # type: ignore[call-overload]
CARDINALS: dict[str, int] = {str(k): int(v) for k, v in LEX["cardinals"].items()}  # type: ignore[call-overload]
SEASONS: dict[str, tuple[int, str]] = {
    str(k): (int(v[0]), str(v[1])) for k, v in LEX["seasons"].items()  # type: ignore[index]
}
HOLIDAYS: dict[str, tuple[int, int]] = {
    str(k): (int(v[0]), int(v[1])) for k, v in LEX["holidays"].items()  # type: ignore[index]
}
# Every holiday name (``dates_holidays``): fixed days, days counted by weekday, "independence day".
HOLIDAY_NAMES = (*HOLIDAYS, *(str(k) for k in LEX["weekday_holidays"]), "independence day")
DECADE_WORDS: dict[str, int] = {str(k): int(v) for k, v in LEX["decades"].items()}  # type: ignore[call-overload]


def alternation(words: object) -> str:
    """One regex for a word list: a space matches any whitespace run, a hyphen a hyphen or a
    space. Shaped as a trie ("sep(?:tember|t|)"): the engine tries a few branches per position
    instead of every word, with the same matches and preferences as the flat alternation of
    the words sorted longest first (siblings start with different characters, and a word comes
    after the longer words that extend it)."""
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return _trie([[_ATOMS.get(ch) or re.escape(ch) for ch in word] for word in items])


_ATOMS = {" ": r"\s+", "-": r"[-\s]"}


def _trie(words: list[list[str]]) -> str:
    branches: dict[str, list[list[str]]] = {}
    for atoms in words:
        if atoms:
            branches.setdefault(atoms[0], []).append(atoms[1:])
    if len(set(_ATOMS.values()) & set(branches)) > 1:
        raise ValueError(f"ambiguous word list for a trie: {words}")  # both branches match a space
    alternatives = [first + _trie(rest) for first, rest in branches.items()]
    if [] in words:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return f"(?:{'|'.join(alternatives)})" if alternatives else ""


MONTH = (
    rf"(?:{alternation(k for k in MONTHS if len(k) > 4 or k in ('may', 'june', 'july'))})\b"
    rf"|(?:{alternation(k for k in MONTHS if len(k) <= 4 and k not in ('may', 'june', 'july'))})\b\.?"
)
MONTH = rf"(?:{MONTH})"
FULL_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY = rf"(?:{alternation(WEEKDAYS)})\b\.?"
ORDINAL_WORD = rf"(?:{alternation(k for k in ORDINALS if k != 'last')})"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d)(?!\s*%)"
DAY = rf"(?:{DAY_NUM}|{ORDINAL_WORD})"
YEAR = r"(?:19\d\d|20\d\d|2100)(?![\d%])"
NUMBER = rf"(?:\d{{1,3}}|{alternation(CARDINALS)})"
SEASON = rf"(?:{alternation(SEASONS)})"
# One pass finds the clause breaks and both kinds of tense cue ("'ll" attaches to the word before it).
DATE_NAME_AFTER = re.compile(
    rf"\s+(?:{alternation(LEX['date_names']['after'])})\b", re.I  # type: ignore[index]
)
# A scheduled-event verb is a cue only when no determiner or possessive makes it a noun, and no
# "was"/"were" puts it in the past.
_NOT_A_NOUN = r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)(?<!['\u2019]s\s)"
# A modal of possibility before a verb speaks of the future ("may issue a red alert on Thursday"),
# but not before "have"/"been" ("may have died on Sunday"), nor in the press idiom that recalls
# the past ("It may be recalled that on 12 March ..."); lowercase only ("May" is a month).
_MODAL = (r"(?-i:\b(?:may|might)\s+(?!have\b|been\b|had\b)"
          r"(?!be\s+(?:recalled|noted|mentioned|added|pointed|remembered|recollected|stated|reiterated|worth)\b)[a-z])")
_TENSE = re.compile(
    rf"(?P<brk>[.;!?,:\n](?!\d))|(?P<fut>(?<=\w)(?:'ll|\u2019ll)\b|\b(?:{alternation(LEX['tense']['future'])})\b"  # type: ignore[index]
    rf"|{_MODAL})|(?P<sch>\b{_NOT_A_NOUN}(?:{alternation(LEX['tense']['scheduled'])})\b)"  # type: ignore[index]
    rf"|(?P<past>\b(?:{alternation(LEX['tense']['past'])})\b)",  # type: ignore[index]
    re.I,
)


_GLUE = frozenset(("to", "for", "on", "in", "by", "of", "is", "are"))  # too common to be a cue's key


def _future_keys(cues: list[str]) -> tuple[str, ...]:
    """The longest word of each future cue but ``_GLUE`` (lowercased; ties: the later word, "are
    due" -> "due"), minus words that contain another key: a clause with none of them has no
    future cue."""
    keys = {max(reversed([w for w in re.split(r"[\s-]+", cue.lower()) if w not in _GLUE] or [cue]), key=len) for cue in cues}
    return tuple(sorted(key for key in keys if not any(other != key and other in key for other in keys)))


# The same gate on an ASCII clause by whole words (a set test: faster than a substring test per
# key): one piece of each cue but "'ll" (the longest, apostrophes and ``_GLUE`` aside). A cue is
# matched between word boundaries, so a clause whose \w-runs include none of them has none.
_FUTURE_WORDS = frozenset(
    max(reversed([w for w in re.split(r"[\s\-'\u2019]+", str(cue).lower()) if w and w not in _GLUE]), key=len)
    for cue in [*LEX["tense"]["future"], *LEX["tense"]["scheduled"]]  # type: ignore[misc]
    if str(cue) not in ("'ll", "\u2019ll")
) | {"may", "might"}
# The same words as bytes, and the table that makes every byte but an ASCII letter, digit or "_"
# a space: an ASCII clause is cut into its \w-runs as bytes (str.translate took three times as long).
_FUTURE_BYTES = frozenset(word.encode("ascii") for word in _FUTURE_WORDS)
_NOT_WORD_BYTES = bytes(byte if byte < 128 and (chr(byte).isalnum() or byte == 95) else 32 for byte in range(256))
_FUTURE_KEYS = _future_keys(
    [str(cue) for cue in [*LEX["tense"]["future"], *LEX["tense"]["scheduled"]]] + ["may", "might"]  # type: ignore[misc]
)
# The characters other than A-Z and a-z that IGNORECASE matches to an ASCII letter. In a text
# without them, a caseless ASCII word matches exactly where ``text.lower()`` contains it.
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")
# The ASCII characters other than [ \t\n\r\f\v] that Unicode \s matches.
_ASCII_SPACE_TRAPS = re.compile("[\x1c-\x1f]")
WEEKDAY_NAME_BEFORE = re.compile(
    rf"\b(?:{alternation(LEX['weekday_names']['before'])})\s+$", re.I  # type: ignore[index]
)
WEEKDAY_NAME_AFTER = re.compile(
    rf"^\s+(?:{alternation(LEX['weekday_names']['after'])})\b", re.I  # type: ignore[index]
)
# After a weekday: "'s" and an incident noun, perhaps behind one adjective ("Monday's deadly blast").
WEEKDAY_INCIDENT_AFTER = re.compile(
    rf"^['\u2019]s\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:{alternation(LEX['weekday_names']['incidents'])})\b", re.I  # type: ignore[index]
)
# Thirds of a period: "early 2024", "the end of the month", "mid-March".
PART = r"(?:early|mid|late|end(?=-\w)|(?:the\s+|at\s+the\s+)?(?:end|beginning|start|middle)\s+of(?:\s+the)?)"  # "end-March": late March
PART_WORDS = ("early", "mid", "late", "the", "at", "end", "beginning", "start", "middle")  # a PART starts with one
_PART_WORDS = {
    "early": "early", "mid": "mid", "late": "late", "end": "late", "beginning": "early",
    "start": "early", "middle": "mid",
}


# Before a date that opens its sentence or clause: a sentence end (or the text's start, see
# _TEXT_OPENING), perhaps a conjunction, perhaps a preposition ("On Monday, ...", "By September 30, ...").
_OPENING_WORDS = r"(?:(?:and|but|then|so|yet|also)\s+)?(?:(?:by|on|in|from|until|till|through|at|during|before|after)\s+)?(?:the\s+)?$"
_CLAUSE_OPENING = re.compile(rf"(?:[.!?;]\s+|\n\s*){_OPENING_WORDS}", re.I)
_TEXT_OPENING = re.compile(rf"\s*{_OPENING_WORDS}", re.I)


class Hit(NamedTuple):
    """A date found in text: its offsets, interval, and (for yearless calendar dates) the parts
    needed to re-resolve it inside a range ("from Nov to March 2024").

    An immutable named tuple rather than a frozen dataclass: one is built for every reading of
    every rule, and the frozen dataclass's __init__ cost about 2.5 times as much."""

    start: int
    end: int
    span: Span
    relative: bool
    month: int | None = None
    day: int | None = None
    year_given: bool = True
    # A span that reads as a date but is impossible ("31 April 2024"): it wins over shorter
    # readings inside it ("April 2024") and is then dropped.
    blocked: bool = False


def blocker(start: int, end: int) -> Hit:
    day = dt.date(2000, 1, 1)
    return Hit(start, end, Span("", day, day, "day"), False, blocked=True)


@dataclass(frozen=True, slots=True)
class Ctx:
    text: str
    published: dt.date | None
    day_first: bool
    # ``text.lower()`` when it lines up with ``text`` for caseless ASCII words, else None.
    lowered: str | None = None
    # Memo of ``future`` by position: several rules ask about the same date.
    tense: dict[int, bool] = field(default_factory=dict, compare=False, repr=False)
    # ``text`` is ASCII without the characters \x1c-\x1f (Unicode \s matches them, ASCII \s
    # does not): a pattern compiled with re.ASCII finds exactly what it finds without.
    plain: bool = False

    @classmethod
    def of(cls, text: str, published: dt.date | None, *, day_first: bool) -> Ctx:
        ascii_text = text.isascii()
        lowered = None if not ascii_text and _CASE_TRAPS.search(text) else text.lower()
        if lowered is not None and len(lowered) != len(text):
            lowered = None
        plain = ascii_text and _ASCII_SPACE_TRAPS.search(text) is None
        return cls(text, published, day_first, lowered, plain=plain)

    def may_follow(self, position: int, words: tuple[str, ...]) -> bool:
        """False when the last of the 40 characters before ``position``, whitespace aside,
        are none of ``words`` (lowercase): then an end-anchored regex such as ``after\\s+$``
        on a shorter slice before ``position`` cannot match. True when unsure."""
        if self.lowered is None:
            return True
        return self.lowered[max(0, position - 40) : position].rstrip().endswith(words)

    def future(self, position: int) -> bool:
        """True when the clause before ``position`` speaks of the future (a future cue not
        followed by a past/reporting cue)."""
        known = self.tense.get(position)
        if known is None:
            known = self.tense[position] = self._future(position)
        return known

    def _future(self, position: int) -> bool:
        if position < 24 and _TEXT_OPENING.match(self.text, 0, position) is not None:
            return self._future_after(position)
        before = self.text[max(0, position - 24) : position]
        if ("." in before or "\n" in before or ";" in before or "?" in before or "!" in before) and _CLAUSE_OPENING.search(before):
            return self._future_after(position)
        start = max(0, position - TENSE_WINDOW)
        if self.lowered is not None:  # cheap exact gate: most clauses hold no future cue at all
            window = self.lowered[max(0, start - 12) : position]
            if window.isascii():
                if _FUTURE_BYTES.isdisjoint(window.encode("ascii").translate(_NOT_WORD_BYTES).split()) and "'ll" not in window:
                    return False
            elif not any(key in window for key in _FUTURE_KEYS):
                return False
        future = past = 0
        for match in _TENSE.finditer(self.text, start, position):
            kind = match.lastgroup
            if kind == "brk":
                future = past = 0
            elif kind == "fut" or (kind == "sch" and position - match.end() <= SCHEDULED_REACH):
                future = match.end()
            elif self.text[max(0, match.start() - 3) : match.start()].lower() != "be ":
                past = match.end()  # not a participle after "be" ("will be announced on Friday")
        return future > past


    def _future_after(self, position: int) -> bool:
        """A date that opens its sentence or clause ("On Monday, the council will vote"): the first
        tense cue after it, up to the end of the sentence, decides (none: the past)."""
        for match in _TENSE.finditer(self.text, position, min(len(self.text), position + TENSE_WINDOW)):
            kind = match.lastgroup
            if kind == "brk" and match.group() not in ",:":
                return False
            if kind == "fut" and match.group().lower() != "would":  # "In March, the ministry would not comment": the past's future
                return True
            if kind == "past" and self.text[max(0, match.start() - 3) : match.start()].lower() != "be ":
                return False
        return False


Handler = Callable[[re.Match[str], Ctx], Hit | None]


class Rule(NamedTuple):
    """A rule: its regex, its handler, the names of the trigger tokens (``TRIGGERS``) every match
    of the regex contains, so that the regex only runs on windows around those tokens, and
    optionally a gate (``dates_gates``) that every match passes: a window it rejects is skipped."""

    pattern: re.Pattern[str]
    handler: Handler
    triggers: str
    needs: Gate | NextTo | Seen | None = None


def initials(*groups: object) -> str:
    """A lookahead for the first character of a match, for a regex whose every match starts
    with the first character of a word of ``groups`` (word lists, or strings of characters).
    In front of the regex it rejects other positions with one class test, where the engine
    would otherwise try every branch of the regex at every word (same matches)."""
    firsts = sorted({str(word)[0] for group in groups for word in group})  # type: ignore[attr-defined]
    return f"(?=[{''.join(re.escape(char) for char in firsts)}])"


def _heads(words: object) -> list[str]:
    """The first piece of each word ("twenty-first" -> "twenty"): one is in every match of it."""
    return [re.split(r"[\s-]+", str(word))[0] for word in words]  # type: ignore[attr-defined]


# ORDINAL_HEADS: one is in every ordinal day word. Two month names: each starts with a
# three-letter abbreviation (more gates in ``dates_gates``).
ORDINAL_HEADS = tuple(_heads(k for k in ORDINALS if k != "last"))
TWO_MONTHS_GATE = Gate(tuple(sorted({k[:3] for k in MONTHS})), count=2)

@lru_cache(maxsize=NORMALISED_CACHE_SIZE)
def number_value(word: str) -> int | None:
    """A small cardinal from digits or words ("three", "a"); None if not a number."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return CARDINALS.get(word)


@lru_cache(maxsize=NORMALISED_CACHE_SIZE)
def day_value(word: str) -> int | None:
    """A day of month from "22", "22nd" or "twenty-second"."""
    word = word.lower().replace(" ", "-")
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    value = ORDINALS.get(word)
    return value if value and value > 0 else None


@lru_cache(maxsize=NORMALISED_CACHE_SIZE)
def month_value(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".").strip())


@lru_cache(maxsize=NORMALISED_CACHE_SIZE)
def part_word(word: str | None) -> str | None:
    """"early"/"mid"/"late" from a part phrase ("the end of" is "late")."""
    if not word:
        return None
    for key, part in _PART_WORDS.items():
        if key in word.lower():
            return part
    return None
