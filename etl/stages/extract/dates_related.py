"""Dates related to the date written before them: "the next day", "five years later", "the same
month last year", "the same day", "later that year", "That night,", "the following year", "the
month before", "on the 15th", "the previous three months" (after a period of the same sentence).
Each counts from the last close date before it (``ANCHOR_REACH``, same paragraph; a comparison
base such as "up 9% from 2023" is skipped), never from publication, except "on the 15th" with no
date before it."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import NUMBER, Ctx, Hit, number_value

_I = re.IGNORECASE
_PERIOD_BEFORE = re.compile(
    rf"\bthe\s+(?:previous|preceding)\s+(?:(?P<n>{NUMBER})\s+)?(?P<unit>months?|quarters?|half)", _I
)
# "on the 15th" (lowercase text), then punctuation or a word that cannot make the ordinal a
# noun's ("the 15th floor", "the 15th Brigade", "the 15th of the siege" are no days).
_BARE_DAY = re.compile(r"on the (?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b")
_BARE_DAY_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:and|or|when|as|at|in|morning|afternoon|evening|night)\b")
# Before a date that is a comparison base ("up 9% from 2023", "higher than in 2022").
_COMPARED = re.compile(
    r"(?:\b(?:up|down|increase|decrease|rise|rose|fall|fell|drop|dropped|jump|jumped|gain|decline|declined)\b|%)"
    r"[^.;:]{0,30}?\bfrom\s+(?:the\s+)?$|\b(?:than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:in\s+|on\s+)?$",
    _I,
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
# How far (characters) before "the next day" / "five years later" its anchor date may end.
ANCHOR_REACH = 250
_SAME = re.compile(r"\bthe\s+same\s+(?P<unit>day|week|month|quarter|period|season|time)\s+(?:of\s+|in\s+)?$", _I)
_YEAR_BACK = re.compile(r"last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior)\s+year", _I)
# The granularities of the date that "the same <unit>" refers back to.
_SAME_UNITS = {"period": ("day", "week", "month", "quarter", "season", "half", "range"), "time": ("day", "month", "quarter"),
               "season": ("season",)}
# After "the same day": words that tie it to something else than the date before it ("the same
# day as the vote", "the same month last year", "the same week each year").
_NOT_SAME = (r"\s+(?:as|of|in|last|next|this|each|every|a\s+year|an?\s+\w+\s+(?:earlier|ago|before)"
             r"|(?:the\s+)?(?:previous|prior|preceding|following)|['\u2019]s)\b|['\u2019]s\b")
# The granularities of the date that "the same day" / "later that year" lies in (a day lies in its
# week, month and year; a month in its year).
_WITHIN_GRAINS = {"day": ("day",), "week": ("day", "week"), "month": ("day", "month"),
                  "year": ("day", "week", "month", "quarter", "half", "year")}
_DAY_PARTS = "night|evening|morning|afternoon"
_LATER = re.compile(
    rf"\b(?:(?P<n>{NUMBER})\s+(?P<unit>day|week|fortnight|month|year|decade)s?\s+(?P<dir>later|earlier)(?!\s+than\b)"
    r"|the\s+(?P<which>next|following|previous|preceding)\s+(?:(?P<unit2>week|month|year)|day|morning|afternoon|evening|night)"  # "the previous evening"
    r"|the\s+(?:(?P<unit3>week|month|year)|day|night|evening)\s+(?P<dir2>before|after)(?=\s*(?:[,.;:!?)]|$))"
    rf"|(?:the|that)\s+same\s+(?P<same>day|week|month|year|{_DAY_PARTS})\b(?!{_NOT_SAME})"  # "released the same day"
    rf"|(?:(?<=later\s)|(?<=earlier\s)|(?<=on\s))that\s+(?P<that>day|week|month|year|{_DAY_PARTS})\b(?!['\u2019])"  # "later that year"
    rf"|(?:^|(?<=[.!?]\s)|(?<=\n))(?-i:That)\s+(?P<that2>day|week|month|year|{_DAY_PARTS})(?=,)"  # "That night, ..."
    r")\b",
    _I,
)
# The granularities of an anchor each unit can be counted from (a day from a day, a year from a year...).
_ANCHOR_GRAINS = {"day": ("day",), "week": ("day",), "fortnight": ("day",), "month": ("day", "month"), "year": ("day", "month", "year"),
                  "decade": ("day", "month", "year")}
# Every wording of ``_LATER`` and ``_SAME`` contains one of these (lower case), or a period word
# and " before"/" after" ("the week before"), or "that " and a period word ("That night,"): a
# text without any is not searched (the whole search costs ~7 times the test, on synth news).
_RELATED_WORDS = ("later", "earlier", "same", " day", "previous", "preceding", "following", "next")
_PERIOD_ENDS = ("week", "month", "year", "night", "evening")
_THAT_PERIODS = ("night", "evening", "morning", "afternoon", "week", "month", "year")


def _may_relate(low: str) -> bool:
    """Whether lowercase ``low`` may hold a wording of ``_LATER`` (see ``_RELATED_WORDS``)."""
    if any(word in low for word in _RELATED_WORDS):
        return True
    for word in (" before", " after"):
        at = low.find(word)
        while at >= 0:
            if low.endswith(_PERIOD_ENDS, max(0, at - 7), at):
                return True
            at = low.find(word, at + 1)
    at = low.find("that ")
    while at >= 0:
        if low.startswith(_THAT_PERIODS, at + 5):
            return True
        at = low.find("that ", at + 1)
    return False


def relate(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """Resolve "the same month last year" and "the next day" / "five years later" against the
    date before them (after ranges are merged: a range is no anchor)."""
    low = ctx.lowered
    if low is None or "on the " in low:
        hits = _days_of_month(hits, ctx)
    if hits and (low is None or "previous" in low or "preceding" in low):
        hits = _period_before(hits, ctx)
    if not hits or (low is not None and not _may_relate(low)):
        return hits
    return _related(_same_period(hits, ctx), ctx)


def _days_of_month(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """"on the 15th": day 15 of the month of the day or month written before it ("In March ...
    on the 15th"); with no date before it, of the publication's month by tense (the latest 15th
    on or before publication, or in a future clause the first after it); after a date of
    another kind ("in 2019 ... on the 15th"), none."""
    out = list(hits)
    for found in _BARE_DAY.finditer(ctx.lowered if ctx.lowered is not None else ctx.text.lower()):
        start, end = found.start(), found.end()
        if (start and ctx.text[start - 1].isalnum()) or not _BARE_DAY_AFTER.match(ctx.text, end):
            continue
        if any(hit.start < end and start < hit.end for hit in out):
            continue
        before = [hit for hit in out if hit.end <= start]
        anchor = _previous(out, start, ctx)
        day = _day_in_month(int(found["day"]), anchor, ctx, start) if anchor is not None or not before else None
        span = cal.day_span(day) if day is not None else None
        if span is not None:
            bisect.insort(out, Hit(start + 3, end, span, True), key=lambda hit: hit.start)  # "on" joins as a prefix
    return out


def _day_in_month(day: int, anchor: Hit | None, ctx: Ctx, position: int) -> dt.date | None:
    if anchor is not None:
        first = anchor.span.start
        return cal.make_day(first.year, first.month, day) if anchor.span.granularity in ("day", "month") else None
    pub = ctx.published
    if pub is None:
        return None
    future = ctx.future(position)
    if future == (day > pub.day):
        return cal.make_day(pub.year, pub.month, day)
    other = cal.add_months(pub.replace(day=1), 1 if future else -1)
    return cal.make_day(other.year, other.month, day)


def _period_before(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """"in the January-March quarter ... from 8.6% in the previous three months", "in June from
    the previous month": the months before that period, not before publication (the anchor is
    a period in the same sentence)."""
    out = list(hits)
    for found in _PERIOD_BEFORE.finditer(ctx.text):
        before = [hit for hit in out if hit.end <= found.start()]
        anchor = before[-1] if before else None
        if anchor is None or anchor.span.granularity not in ("month", "quarter", "half", "range"):
            continue
        if _SENTENCE_BREAK.search(ctx.text, anchor.end, found.start()) or (found["n"] and not found["unit"].startswith("month")):
            continue
        count = number_value(found["n"]) if found["n"] else 1
        months = (count or 0) * {"month": 1, "quarter": 3, "half": 6}[found["unit"].lower().rstrip("s")]
        span = _like_months(cal.add_months(anchor.span.start, -months), anchor.span.start, found["unit"].lower()) if 0 < months <= 24 else None
        if span is None:
            continue
        out = [hit for hit in out if not (hit.start < found.end() and found.start() < hit.end)]
        bisect.insort(out, Hit(found.start(), found.end(), span, True), key=lambda hit: hit.start)
    return out


def _like_months(first: dt.date, after: dt.date, unit: str) -> cal.Span | None:
    """The months from ``first`` to the day before ``after``, as a month or quarter when they are one."""
    aligned = unit == "month" or (unit == "quarter" and first.month % 3 == 1)
    return _over(unit if aligned else "range", first, after - dt.timedelta(days=1))


def _previous(hits: list[Hit], position: int, ctx: Ctx) -> Hit | None:
    """The last hit ending before ``position``, if it is close (same paragraph, a sentence or two)."""
    before = [hit for hit in hits if hit.end <= position]
    if not before or position - before[-1].end > ANCHOR_REACH or "\n\n" in ctx.text[before[-1].end : position]:
        return None
    return before[-1]


def _narrative_anchor(hits: list[Hit], position: int, ctx: Ctx) -> Hit | None:
    """The date a relation ("the year before", "two days later") counts from: the last close one
    that is no comparison base ("In 2024 ... a 45% increase from 2023 ... rose to 521 from 367
    the year before": 2024's year before, not 2023's)."""
    while (anchor := _previous(hits, position, ctx)) is not None:
        if not _COMPARED.search(ctx.text, max(0, anchor.start - 40), anchor.start):
            return anchor
        position = anchor.start
    return None


def _same_period(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """"in June, 33% more than in the same month last year": June of the year before."""
    out = list(hits)
    for index, hit in enumerate(out):
        same = _SAME.search(ctx.text, max(0, hit.start - 30), hit.start)
        if same is None or not _YEAR_BACK.fullmatch(ctx.text, hit.start, hit.end):
            continue
        span = _year_before(_previous(out[:index], same.start(), ctx), same["unit"].lower())
        if span is not None:
            out[index] = Hit(same.start(), hit.end, span, True)
    return out


def _year_before(anchor: Hit | None, unit: str) -> cal.Span | None:
    """The period of ``anchor`` a year earlier, when it is a period of the kind ``unit`` names."""
    if anchor is None or anchor.span.granularity not in _SAME_UNITS.get(unit, (unit,)):
        return None
    first, last = cal.shift(anchor.span.start, -1, "year"), cal.shift(anchor.span.end, -1, "year")
    return _like(anchor.span, first, last) if first and last else None


def _like(span: cal.Span, first: dt.date, last: dt.date) -> cal.Span | None:
    """A span of the same kind as ``span`` over ``first``..``last`` (a year earlier)."""
    return _over(span.granularity, first, last)


def _over(granularity: str, first: dt.date, last: dt.date) -> cal.Span | None:
    """The day, month, quarter or half that starts on ``first``, else the range ``first``..``last``."""
    if granularity == "day":
        return cal.day_span(first)
    if granularity == "month":
        return cal.month_span(first.year, first.month)
    if granularity == "quarter":
        return cal.quarter_span(first.year, (first.month - 1) // 3 + 1)
    if granularity == "half":
        return cal.half_span(first.year, (first.month - 1) // 6 + 1)
    return cal.range_span(first, last)


def _related(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """"the next day" after a dated arrest, "five years later" after "in 2009" (= 2014); each
    found one is an anchor for the next ("three days later ..., and the next day")."""
    hits = list(hits)
    for m in _LATER.finditer(ctx.text):
        if any(hit.start < m.end() and m.start() < hit.end for hit in hits):
            continue
        same = _SAME.search(ctx.text, max(0, m.start() - 30), m.start())
        if same is not None and _YEAR_BACK.fullmatch(m.group()):  # "the same period a year earlier"
            span = _year_before(_previous(hits, same.start(), ctx), same["unit"].lower())
            start = same.start()
        else:
            anchor = _narrative_anchor(hits, m.start(), ctx)
            span, start = (_moved(anchor, m) if anchor is not None else None), m.start()
        if span is not None and ctx.published is not None and span.start > ctx.published and not ctx.future(m.start()):
            continue  # "arrested on Monday and charged the following week", written that Friday: not yet told
        if span is not None:
            bisect.insort(hits, Hit(start, m.end(), span, True), key=lambda hit: hit.start)
    return hits


def _within(anchor: Hit, unit: str) -> cal.Span | None:
    """"the same month" / "later that year": the ``unit`` that holds the anchor date."""
    span, start = anchor.span, anchor.span.start
    if span.granularity not in _WITHIN_GRAINS[unit]:
        return None
    if unit == "year" and span.end.year != start.year:  # a week over New Year
        return None
    if unit == "day" or span.granularity == unit:
        return span
    if unit == "week":
        return cal.week_span(start)
    return cal.month_span(start.year, start.month) if unit == "month" else cal.year_span(start.year)


def _next_period(anchor: Hit, unit: str, sign: int) -> cal.Span | None:
    """"the following year" / "the previous month" / "the week before": the calendar period next
    to the one holding the anchor."""
    span = anchor.span
    base = span.end if sign > 0 else span.start
    if unit == "year":
        return cal.year_span(base.year + sign)
    if unit == "month" and span.granularity in ("day", "month"):
        moved = cal.add_months(base.replace(day=1), sign)
        return cal.month_span(moved.year, moved.month)
    if unit == "week" and span.granularity in ("day", "week"):
        return cal.week_span(base + dt.timedelta(days=7 * sign))
    return None


def _moved(anchor: Hit, m: re.Match[str]) -> cal.Span | None:
    within = m["same"] or m["that"] or m["that2"]
    if within:
        unit = within.lower()
        return _within(anchor, "day" if unit in _DAY_PARTS.split("|") else unit)
    if m["unit2"] or m["unit3"]:
        sign = -1 if (m["which"] or m["dir2"]).lower() in ("previous", "preceding", "before") else 1
        return _next_period(anchor, (m["unit2"] or m["unit3"]).lower(), sign)
    if m["n"]:
        count, unit = number_value(m["n"]), m["unit"].lower()
        sign = -1 if m["dir"].lower() == "earlier" else 1
    else:
        count, unit = 1, "day"
        sign = -1 if (m["which"] or m["dir2"] or "").lower() in ("previous", "preceding", "before") else 1
    granularity, start = anchor.span.granularity, anchor.span.start
    if count is None or granularity not in _ANCHOR_GRAINS[unit]:
        return None
    if unit in ("year", "decade"):
        return cal.year_span(start.year + sign * count * (10 if unit == "decade" else 1))
    moved = cal.shift(start, sign * count, unit)
    if moved is None:
        return None
    return cal.month_span(moved.year, moved.month) if unit == "month" else cal.day_span(moved)
