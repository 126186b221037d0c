"""Where a date can start: the trigger tokens of a text (month and weekday names, relative words,
seasons, holidays, years, numeric dates, decades, quarter codes), found in one pass so that each
rule's regex runs only on windows around the tokens it needs (``dates_base.Rule.triggers``)."""

from __future__ import annotations

import re
from itertools import accumulate

from etl.stages.extract.dates_base import DECADE_WORDS, HOLIDAY_NAMES, MONTHS, SEASONS, WEEKDAYS, alternation

__all__ = ["trigger_positions"]

_RELWORDS = (
    "today tonight yesterday tomorrow morning afternoon evening night day days week weeks weekend "
    "fortnight month months quarter quarters half year years decade decades ago"
).split()


def _word_triggers() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    groups = {
        "month": list(MONTHS), "weekday": list(WEEKDAYS), "relword": _RELWORDS, "season": list(SEASONS),
        "decadeword": list(DECADE_WORDS), "century": ["century"],
        "feast": ["easter", "good", "holy", "palm", "ash", "pentecost", "whit"],
        # the longest word of each name but a weekday ("black" for "black friday": every Friday
        # would open a window for the holiday rule)
        "holiday": [max((w for w in re.findall(r"[a-z]+", name) if w not in WEEKDAYS), key=len) for name in HOLIDAY_NAMES],
        "instword": ["instant", "inst", "ultimo", "ult", "proximo", "prox"],
        "fiscalword": ["fiscal", "financial", "budget"],
    }
    for name, words in groups.items():
        for word in words:
            table.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in table.items()}


_WORD_TRIGGERS = _word_triggers()
# Lowercased word tokens worth classifying: trigger words and the letters of quarter codes.
_CANDIDATE_WORDS = frozenset(_WORD_TRIGGERS) | {"q", "h"}
# Words and digit runs. ``split`` cuts the text into separators and tokens in C; only the few
# candidate tokens reach Python code (classifying every token was half the stage's time).
_TOKEN = re.compile(r"([A-Za-z]+|\d+)")


def trigger_positions(text: str, lowered: str | None = None) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of trigger token sits in ``text`` (tokens are runs of ASCII letters and
    runs of digits): month and weekday names, relative words, seasons, holidays, decade words,
    "century", years, numeric dates (digit, separator, digit), decades ("1990s") and quarter
    codes ("Q3"). ``lowered`` (``Ctx.lowered``) makes it faster; the result is the same."""
    found: dict[str, list[tuple[int, int]]] = {}
    spans = _token_spans(text) if lowered is None else _candidate_spans(text, lowered)
    for start, end in spans:
        for name in _token_kinds(text, text[start:end], start, end):
            found.setdefault(name, []).append((start, end))
    return found


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Every digit run and every candidate word, in text order (a superset of the triggers)."""
    parts = _TOKEN.split(text)  # separators at even indexes, tokens at odd ones
    offsets = list(accumulate(map(len, parts), initial=0))
    return [
        (offsets[index], offsets[index + 1])
        for index in range(1, len(parts), 2)
        if parts[index][0].isdigit() or parts[index].lower() in _CANDIDATE_WORDS
    ]


def _candidate_spans(text: str, lowered: str) -> list[tuple[int, int]]:
    """The trigger words, quarter-code letters and the digit runs that can be triggers, in text
    order. Words: ``lowered`` as ASCII bytes, every byte but a-z made a space (one byte per
    character, so positions hold), searched for trigger words between spaces."""
    ascii_text = lowered.encode("ascii", "replace")
    letters = ascii_text.translate(_LETTERS_ONLY)
    # (offsets in the padded bytes are one more than in the text: the match starts at the space)
    spans = [(word.start(), word.end() - 1) for word in _TRIGGER_WORD.finditer(b" " + letters + b" ")]
    for code in _CODE_DIGIT.finditer(ascii_text):  # the letter is the character before the digit
        letter = code.start() - 1
        if letter == 0 or letters[letter - 1] == _SPACE:
            spans.append((letter, letter + 1))
    for digits in (_ASCII_DIGIT_TRIGGER if text.isascii() else _DIGIT_TRIGGER).finditer(text):
        if digits.start() == 0 or not text[digits.start() - 1].isdecimal():  # not the tail of a run
            spans.append(digits.span())
    return sorted(spans)


# A trigger word between spaces in ``b" " + letters + b" "``: a pattern that starts with a
# literal space, which the engine finds at C speed (a set met with the text's words, then
# ``bytes.find``, cost more), then a trie of the words.
_TRIGGER_WORD = re.compile(rf" (?:{alternation(_WORD_TRIGGERS)})(?= )".encode("ascii"))
_LETTERS_ONLY = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))
_SPACE = 32
# Digit runs that can be triggers: four digits, eight (a compact date), or before a separator, "s"
# or a quarter letter.
_DIGIT_TRIGGER = re.compile(r"\d(?:\d*(?=[/.\-sQqHh'\u2019])|\d{3}(?!\d)|\d{7}(?!\d))")
# The same on ASCII text, where \d is [0-9]: a set of ten characters is a third faster to scan.
_ASCII_DIGIT_TRIGGER = re.compile(_DIGIT_TRIGGER.pattern.replace(r"\d", "[0-9]"))
# A quarter or half code's digit after its letter ("q3", "h1"): digits are much rarer than "h".
_CODE_DIGIT = re.compile(rb"[1-4](?<=[qh][1-4])")


def _token_kinds(text: str, token: str, start: int, end: int) -> tuple[str, ...]:
    nxt = text[end : end + 2]
    if not token[0].isdigit():
        kinds = _WORD_TRIGGERS.get(token.lower(), ())
        if len(token) == 1 and token in "QqHh" and nxt[:1] in ("1", "2", "3", "4"):
            kinds = (*kinds, "code")
        return kinds
    out: list[str] = []
    if len(token) == 4 and 1900 <= int(token) <= 2100:
        out.append("year")
    elif len(token) == 8 and token[:2] in ("19", "20"):
        out.append("compact")
    if len(nxt) == 2 and nxt[0] in "/.-" and nxt[1].isdigit():
        out.append("numeric")
    if nxt[:1] in ("s", "'", "\u2019") and token.endswith("0"):
        out.append("decade")
    if len(token) == 1 and nxt[:1] in ("Q", "q", "H", "h"):
        out.append("code")
    return tuple(out)
