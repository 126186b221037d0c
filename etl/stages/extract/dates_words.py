"""Dates with their numbers written in words: "May twenty nine", "January twenty five nineteen
eighty six", "October two thousand and five". A cardinal-word day ("May twenty nine") needs a
year after it or the end of the clause, so "in May one year" or "May two" stay undated."""

from __future__ import annotations

import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import (
    MONTH,
    MONTHS,
    ORDINAL_HEADS,
    ORDINAL_WORD,
    Ctx,
    Hit,
    Rule,
    day_value,
    initials,
    month_value,
)
from etl.stages.extract.dates_explicit import month_day_hit
from etl.stages.extract.dates_gates import gate

_I = re.IGNORECASE
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_U, _T, _X = "|".join(_UNITS), "|".join(_TEENS), "|".join(_TENS)
_NUM99 = rf"(?:(?:{_X})(?:[\s-]+(?:{_U}))?|{_T}|{_U})"
SPELLED_YEAR = (
    rf"(?:two\s+thousand(?:\s+and)?(?:\s+{_NUM99})?|(?:nineteen|twenty)[\s-]+(?:hundred|oh[\s-]+(?:{_U})|{_NUM99}))"
)
SPELLED_DAY = rf"(?:(?:twenty|thirty)[\s-]+(?:{_U})|{_T}|twenty|thirty|{_U})"
_END = re.compile(r"\s*(?:[.,;:!?)]|$)")


def spelled_number(text: str) -> int | None:
    """1..99 from words ("twenty nine", "fifteen", "oh five")."""
    total = 0
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word in ("and", "oh"):
            continue
        value = _UNITS.get(word) or _TEENS.get(word) or _TENS.get(word)
        if value is None:
            return None
        total += value
    return total or None


def spelled_year(text: str) -> int | None:
    words = text.lower().split()
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(words[2:])
        return 2000 + (spelled_number(rest) or 0) if rest.strip() not in ("and",) else None
    century = 1900 if words[0] == "nineteen" else 2000
    rest = " ".join(words[1:])
    if rest == "hundred":
        return century
    tail = spelled_number(rest)
    return century + tail if tail is not None and tail < 100 else None


def _words_mdy(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month = month_value(m["mon"])
    day = day_value(m["ord"]) if m["ord"] else (spelled_number(m["card"]) if m["card"] else None)
    year = spelled_year(m["wyear"]) if m["wyear"] else None
    if month is None or day is None or (m["wyear"] and year is None):
        return None
    if m["card"] and year is None and not _END.match(ctx.text, m.end()):
        return None
    return month_day_hit(m.start(), m.end(), month, day, year, ctx)


def _words_month_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month, year = month_value(m["mon"]), spelled_year(m["wyear"])
    span = cal.month_span(year, month) if month and year else None
    return Hit(m.start(), m.end(), span, False) if span else None


RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"{initials(MONTHS)}\b(?P<mon>{MONTH})\s+(?:the\s+)?(?:(?P<ord>{ORDINAL_WORD})|(?P<card>{SPELLED_DAY}))\b"
                rf"(?:,?\s+(?:of\s+)?(?P<wyear>{SPELLED_YEAR})\b)?", _I), _words_mdy, "month",
         gate(*ORDINAL_HEADS, *_UNITS, *_TEENS, "twenty", "thirty")),
    Rule(re.compile(rf"{initials(MONTHS)}\b(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<wyear>{SPELLED_YEAR})\b", _I), _words_month_year, "month",
         gate("thousand", "nineteen", "twenty")),
)
