"""Dates defined from another date: "two weeks after 12 March" (anchored to 12 March, not to
the publication date), "the week beginning 4 February", and "Tuesday the 11th" (a weekday with
a day of month: the nearest month, in the clause's tense, where that day is that weekday)."""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import (
    DAY,
    NUMBER,
    WEEKDAY,
    WEEKDAYS,
    Ctx,
    Hit,
    Rule,
    day_value,
    number_value,
)
from etl.stages.extract.dates_gates import DAY_AFTER_WEEKDAY

_I = re.IGNORECASE
# How many months either side of publication a "Tuesday the 11th" may be looked for.
WEEKDAY_DAY_SEARCH_MONTHS = 24

_SHIFT = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?P<unit>day|week|fortnight|month|year)s?\s+"
    r"(?P<dir>after|before|from|later\s+than|earlier\s+than|prior\s+to)\s+(?:the\s+)?$",
    _I,
)
# The last words _SHIFT can end with (a cheap test before each end-anchored search).
_SHIFT_ENDS = ("after", "before", "from", "than", "to", "the")
# After "N weeks after the <date>": a lowercase noun makes the date an event's ("the Feb. 6 earthquakes").
_NOUN_AFTER = re.compile(r"\s+(?!of\b)[a-z]")
# "for 3 days starting Monday", "a two-week curfew beginning 20 May": that many days from the day
# (a bare "3 days from Monday" is the day three days on: see _SHIFT; "from" counts only after "for").
_LASTING = re.compile(
    rf"\b(?P<for>for\s+)?(?P<n>{NUMBER})[\s-]+(?P<unit>day|week|month)s?(?:\s+[a-z]+){{0,2}},?\s+"
    r"(?P<how>starting|beginning|commencing|from)(?:\s+(?:on|from))?\s+$",
    _I,
)
_LASTING_ENDS = ("starting", "beginning", "commencing", "from", "ing on")  # "ing on": "starting on", "beginning on"...
_WEEK_ENDED = re.compile(r"\b(?:the\s+)?week\s+(?:ended|ending|that\s+ended|to)(?:\s+on)?\s+$", _I)
# The last words "the week beginning" / "the week ended" can end with (one cheap test for both).
_WEEK_ENDS = ("beginning", "commencing", "starting", "of", "on", "w/c", "ended", "ending", "to")
_WEEK_OF = re.compile(r"(?:\b(?:the\s+)?week\s+(?:beginning|commencing|starting|of)(?:\s+on)?|\bw/c)\s+$", _I)


def apply_anchors(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """Replace day hits preceded by a shift ("3 days after") or "the week beginning"."""
    return [_anchor(hit, ctx) for hit in hits]


def _anchor(hit: Hit, ctx: Ctx) -> Hit:
    if hit.span.granularity != "day":
        return hit
    before = ctx.text[max(0, hit.start - 40) : hit.start]
    if ctx.may_follow(hit.start, _WEEK_ENDS):
        week = _WEEK_OF.search(before)
        if week is not None:
            span = cal.week_span(hit.span.start)
            return Hit(hit.start - len(week.group()), hit.end, span, hit.relative) if span else hit
        ended = _WEEK_ENDED.search(before)
        if ended is not None:  # "the week ended June 3": the seven days ending that day
            span = cal.range_span(hit.span.start - dt.timedelta(days=6), hit.span.start)
            return Hit(hit.start - len(ended.group()), hit.end, span, hit.relative) if span else hit
    lasting = _LASTING.search(ctx.text, max(0, hit.start - 60), hit.start) if ctx.may_follow(hit.start, _LASTING_ENDS) else None
    if lasting is not None and (lasting["for"] or lasting["how"].lower() != "from"):
        return _lasting(hit, lasting)
    shift = _SHIFT.search(before) if ctx.may_follow(hit.start, _SHIFT_ENDS) else None
    if shift is None:
        return hit
    count = number_value(shift["n"])
    if count is None:
        return hit
    sign = -1 if shift["dir"].lower().startswith(("before", "earlier", "prior")) else 1
    if shift.group().lower().rstrip().endswith("the") and _NOUN_AFTER.match(ctx.text, hit.end):
        return _event_date(hit, ctx, -sign * count, shift["unit"].lower())
    moved = cal.shift(hit.span.start, sign * count, shift["unit"].lower())
    span = cal.day_span(moved) if moved else None
    if span is None:
        return hit
    return Hit(hit.start - len(shift.group()), hit.end, span, hit.relative)


def _lasting(hit: Hit, lasting: re.Match[str]) -> Hit:
    """"3 days starting Monday": Monday and the two days after it."""
    count = number_value(lasting["n"])
    end = cal.shift(hit.span.start, count, lasting["unit"].lower()) if count and count <= 100 else None
    span = cal.range_span(hit.span.start, end - dt.timedelta(days=1)) if end else None
    return Hit(lasting.start("n"), hit.end, span, hit.relative) if span else hit


def _event_date(hit: Hit, ctx: Ctx, amount: int, unit: str) -> Hit:
    """"five weeks after the Feb. 6 earthquakes": a duration since an event dated Feb. 6, so the
    date is the event's, not shifted; a yearless one is the one nearest the publication date
    moved by the duration (the clause speaks of about the publication date)."""
    pub = ctx.published
    if hit.year_given or pub is None or hit.month is None or hit.day is None:
        return hit
    target = cal.shift(pub, amount, unit)
    days = [cal.make_day(year, hit.month, hit.day) for year in (pub.year - 1, pub.year, pub.year + 1)] if target else []
    options = [day for day in days if day is not None]
    if target is None or not options:
        return hit
    span = cal.day_span(min(options, key=lambda day: abs((day - target).days)))
    return Hit(hit.start, hit.end, span, True, hit.month, hit.day, False) if span else hit


# A weekday written out in full before a dot ends its sentence (an abbreviation's dot does not: "Wed. 3").
_SENTENCE_END = re.compile(r"\w{4,}day\.", _I)
# "on Sunday the first anniversary of the bombing": an ordinal before a noun is no day of the month.
_NOT_NOUN_AFTER = r"(?!\s+(?!(?:of|at|in|on|and|or|when|as|morning|afternoon|evening|night)\b)[a-z])"


def _weekday_day(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub, day = ctx.published, day_value(m["day"])
    if pub is None or day is None or _SENTENCE_END.match(m["wd"]):
        return None  # "on Wednesday. The first, at a market, ...": the dot ends a sentence
    weekday = WEEKDAYS[m["wd"].lower().rstrip(".")]
    future = ctx.future(m.start())
    step = 1 if future else -1
    for offset in range(WEEKDAY_DAY_SEARCH_MONTHS):
        month = cal.add_months(pub.replace(day=1), step * offset)
        found = cal.make_day(month.year, month.month, day)
        if found is None or found.weekday() != weekday:
            continue
        if (found > pub) if future else (found <= pub):
            span = cal.day_span(found)
            return Hit(m.start(), m.end(), span, True) if span else None
    return None


RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"\b(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
                rf"|(?:[12]\d|3[01]|0?[1-9])(?=\s*[.!?,;]|\s*$)|(?<=the ){DAY}{_NOT_NOUN_AFTER})\b", _I), _weekday_day, "weekday", DAY_AFTER_WEEKDAY),
)

