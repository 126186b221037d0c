"""Rules for periods written out in the text: decades, centuries, quarters, halves and seasons
(days, months and years: ``dates_explicit``). Each rule is a compiled regex and a handler that
returns a :class:`Hit` or None (not a date, or not resolvable without a publication date)."""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import DECADE_WORDS, PART, SEASON, SEASONS, YEAR, Ctx, Hit, Rule, initials, part_word
from etl.stages.extract.dates_explicit import prep_before
from etl.stages.extract.dates_gates import gate

_I = re.IGNORECASE
_PART = PART
_part = part_word
_SEASON_PREP = re.compile(r"\b(?:over|across|all|through)\s+$", _I)  # "over the summer"


def _decade(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if m["dec"]:
        first = int(m["dec"])
    else:
        tens = DECADE_WORDS.get((m["word"] or "").lower()) if m["word"] else int(m["short"]) * 10
        if tens is None or ctx.published is None:
            return None
        first = 2000 + tens if 2000 + tens <= ctx.published.year else 1900 + tens
    part = _part(m["part"])
    if part:
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[part]
        span = cal.range_span(dt.date(first + lo, 1, 1), dt.date(first + hi, 12, 31))
    else:
        span = cal.decade_span(first)
    return Hit(m.start(), m.end(), span, m["dec"] is None) if span else None


def _century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first = {"20": 1900, "twentieth": 1900, "21": 2000, "twenty-first": 2000}[m["n"].lower()]
    span = cal.range_span(dt.date(first, 1, 1), dt.date(first + 99, 12, 31))
    return Hit(m.start(), m.end(), span, False) if span else None


def _short_year(text: str | None, ctx: Ctx) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'\u2019")
    if len(digits) == 4:
        return int(digits)
    if ctx.published is None:
        return None
    year = 2000 + int(digits)
    return year if year <= ctx.published.year + 1 else year - 100


def quarter_or_half(kind: str, number: int, year: int | None, start: int, ctx: Ctx) -> Hit | None:
    """A quarter or half of a given year, or (without a year) the latest one not after
    publication, or the next one in a future clause."""
    make = cal.quarter_span if kind == "quarter" else cal.half_span
    size = 3 if kind == "quarter" else 6
    if year is not None:
        span = make(year, number)
        return Hit(start, start, span, False) if span else None
    pub = ctx.published
    if pub is None:
        return None
    current = (pub.month - 1) // size + 1
    future = ctx.future(start)
    year = pub.year if (number >= current if future else number <= current) else pub.year + (1 if future else -1)
    span = make(year, number)
    return Hit(start, start, span, True, year_given=False) if span else None


def _with_end(hit: Hit | None, m: re.Match[str]) -> Hit | None:
    if hit is None:
        return None
    return Hit(m.start(), m.end(), hit.span, hit.relative, year_given=hit.year_given)


def _quarter_code(m: re.Match[str], ctx: Ctx) -> Hit | None:
    groups = m.groupdict()
    number = int(groups.get("q") or groups.get("q2") or groups.get("h") or groups.get("h2") or 0)
    kind = "quarter" if (groups.get("q") or groups.get("q2")) else "half"
    year_text = groups.get("year") or groups.get("yearb")
    year = _short_year(year_text, ctx)
    if year is None and year_text:
        return None
    return _with_end(quarter_or_half(kind, number, year, m.start(), ctx), m)


_ORDINAL_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                   "fourth": 4, "4th": 4, "final": 4, "last": 4}


def _quarter_words(m: re.Match[str], ctx: Ctx) -> Hit | None:
    kind = m["unit"].lower()
    number = _ORDINAL_NUMBER[m["ord"].lower()]
    if kind == "half" and number > 2:
        number = 2 if m["ord"].lower() in ("final", "last") else 0
    pub = ctx.published
    year: int | None = int(m["year"] or m["year2"]) if (m["year"] or m["year2"]) else None
    rel = (m["rel"] or "").lower()
    if rel:
        if pub is None:
            return None
        year = pub.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
    if year is None and (kind == "half" or m["ord"].lower() in ("final", "last")):
        return None
    return _with_end(quarter_or_half(kind, number, year, m.start(), ctx), m)


def season_occurrence(first_month: int, code: str, mod: str, start: int, ctx: Ctx) -> cal.Span | None:
    pub = ctx.published
    if pub is None:
        return None
    spans = [cal.season_span(y, first_month, code) for y in range(pub.year - 2, pub.year + 2)]
    known = [s for s in spans if s is not None]
    if mod == "this":
        year = pub.year - 1 if first_month == 12 and pub.month <= 2 else pub.year
        return cal.season_span(year, first_month, code)
    if mod in ("last", "past"):
        return max((s for s in known if s.end < pub), key=lambda s: s.start, default=None)
    if mod == "next" or (mod == "" and ctx.future(start)):
        return min((s for s in known if s.start > pub), key=lambda s: s.start, default=None)
    return max((s for s in known if s.start <= pub), key=lambda s: s.start, default=None)


def _season(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first_month, code = SEASONS[m["season"].lower()]
    mod = (m["mod"] or "").lower()
    after = ctx.text[m.end() : m.end() + 4].lower()
    if m["year"] or m["rel"]:  # "the summer of 2022", "the spring of last year"
        pub = ctx.published
        year = int(m["year"]) if m["year"] else pub.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()] if pub else None
        span = cal.season_span(year, first_month, code) if year else None
        return Hit(m.start(), m.end(), span, not m["year"]) if span else None
    if after.startswith(" of") or m["season"][0].isupper() and not mod and not m["the"]:
        return None
    if not mod and not (m["the"] and (prep_before(ctx, m.start()) or _SEASON_PREP.search(ctx.text, max(0, m.start() - 12), m.start()))):
        return None
    if mod in ("early", "mid", "late") and (m["season"][0].isupper() or not prep_before(ctx, m.start())):
        return None
    if m["season"].lower() == "fall" and not mod and not m["the"]:
        return None
    span = season_occurrence(first_month, code, mod, m.start(), ctx)
    return Hit(m.start(), m.end(), span, True, year_given=bool(mod)) if span else None


RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"\b(?:the\s+)?(?:(?P<part>{_PART})[-\s]*)?(?:(?P<dec>(?:19|20)\d0)'?s\b|"
                rf"(?<=the |.in )(?P<word>{'|'.join(DECADE_WORDS)})\b|['\u2019](?P<short>\d)0s\b)", _I),
     _decade, "decade decadeword"),
    Rule(re.compile(r"\b(?:the\s+)?(?P<n>20|21|twentieth|twenty-first)(?:st|th)?\s+century\b", _I), _century, "century"),
    Rule(re.compile(rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H)(?:\s*[-/]?\s*(?:of\s+)?"
                rf"(?P<year>{YEAR}|['\u2019]\d\d(?!\d)))?\b", _I), _quarter_code, "code"),
    Rule(re.compile(rf"\b(?P<yearb>{YEAR})\s*[-/]?\s*(?:Q(?P<q>[1-4])|H(?P<h>[12]))\b",
                _I), _quarter_code, "code"),
    Rule(re.compile(rf"{initials(['the', 'first', 'second', 'third', 'fourth', 'final', 'last'], '1234')}"
                rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+"
                rf"(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year)"
                rf"|,?\s+(?P<year2>{YEAR}))?(?!\s+of\b)", _I), _quarter_words, "relword", gate("quarter", "half")),
    Rule(re.compile(rf"\b(?:(?P<mod>this|last|next|past|early|late|mid)[-\s]+|(?P<the>the\s+))?"
                rf"(?P<season>{SEASON})\b(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year\b))?", _I), _season, "season"),
)
