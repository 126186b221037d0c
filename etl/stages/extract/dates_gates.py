"""Cheap tests that let a date rule skip a window of text its regex cannot match in.

Every rule's regex runs on windows around its trigger tokens (see ``dates.py``); most windows
hold no match of most rules, and trying an IGNORECASE regex at every position of a window costs
far more than these tests. A gate states something every match of its rule contains, so a window
it rejects cannot hold a match: skipping the window changes no output. Gates read
``Ctx.lowered``, the lowercased text, which is only set when its ASCII letters sit exactly where
the text's do; without it the rules run everywhere, as before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

Spans = dict[str, list[tuple[int, int]]]
_ASCII_DIGIT = re.compile("[0-9]")


@dataclass(frozen=True, slots=True)
class Gate:
    """Every match contains at least ``count`` of ``words`` (lowercase ASCII); with ``digits``,
    an ASCII digit also does. Substring tests on the window: for one word of several, one search
    of a pattern of them all (a trie of literals, which the engine skips to by their first
    characters), not a test per word (a gate on the ordinal day words, with dozens, cost more
    than the rule's own regex)."""

    words: tuple[str, ...]
    count: int = 1
    digits: bool = False
    # Any of ``words`` as a substring.
    any_word: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "any_word", re.compile(_literal_trie(self.words)))

    def admits(self, lowered: str, start: int, end: int, triggers: Spans) -> bool:
        if self.digits and _ASCII_DIGIT.search(lowered, start, end) is not None:
            return True
        if self.count == 1:
            return self.any_word.search(lowered, start, end) is not None
        return sum(map(lowered[start:end].count, self.words)) >= self.count


def _literal_trie(words: tuple[str, ...]) -> str:
    """A regex that matches exactly the strings of ``words``, shaped as a trie."""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[:1], []).append(word[1:])
    alternatives = [re.escape(first) + _literal_trie(tuple(rests)) for first, rests in sorted(branches.items()) if first]
    if "" in branches:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


@dataclass(frozen=True, slots=True)
class NextTo:
    """Every match contains a trigger token of kind ``kind`` (at most ``longest`` letters long)
    whose nearest character before it (``before``: whitespace skipped) or after it (``after``:
    whitespace, "." and "," skipped), inside the window, is one of the given characters, and
    where ``follow`` matches the text from the token's end."""

    kind: str
    before: frozenset[str] | None = None
    after: frozenset[str] | None = None
    longest: int = 99
    follow: re.Pattern[str] | None = None

    def admits(self, lowered: str, start: int, end: int, triggers: Spans) -> bool:
        spans = triggers.get(self.kind, [])
        for first, last in spans[bisect.bisect_left(spans, (start, start)) :]:
            if last > end:
                break
            if last - first > self.longest:
                continue
            if self.before is not None and lowered[start:first].rstrip()[-1:] not in self.before:
                continue
            if self.after is not None and lowered[last:end].lstrip(".,").lstrip()[:1] not in self.after:
                continue
            if self.follow is not None and self.follow.match(lowered, last, end) is None:
                continue
            return True
        return False


@dataclass(frozen=True, slots=True)
class Seen:
    """Every match contains a match of ``pattern`` (a regex over the lowercased text, best with
    a literal prefix, which the engine finds without trying every position)."""

    pattern: re.Pattern[str]

    def admits(self, lowered: str, start: int, end: int, triggers: Spans) -> bool:
        return self.pattern.search(lowered, start, end) is not None


# Gates shared by several rules (token kinds: see ``dates_triggers.trigger_positions``).
# A day of month right before a month name ("12 March", "3rd of May", "12-Mar"): the DAY ends in
# a digit, "st"/"nd"/"rd"/"th" or an ordinal word (t, d, h), "of" ends in f, or a separator.
DAY_BEFORE_MONTH = NextTo("month", before=frozenset("0123456789tdhf-/."))
# A day of month right after a weekday ("Tuesday the 11th", "Friday, 3"): a digit, or "the".
DAY_AFTER_WEEKDAY = NextTo("weekday", after=frozenset("0123456789t"))
# A day of month right after a month name ("March 12", "May-3", "June the fifth"): a digit, a
# separator, "the" or an ordinal word (f, s, t, e, n) starts it.
DAY_AFTER_MONTH = NextTo("month", after=frozenset("0123456789-/tfsen"))
# A year: YEAR starts "19", "20" or "2100".
YEAR_GATE = Gate(("19", "20", "2100"))


def gate(*words: str, digits: bool = False) -> Gate:
    """A :class:`Gate` on ``words``, leaving out any word that contains another one ("fourth"
    contains "four"): a window without the shorter word has neither."""
    keys = set(words)
    return Gate(tuple(sorted(key for key in keys if not any(other != key and other in key for other in keys))),
                digits=digits)
