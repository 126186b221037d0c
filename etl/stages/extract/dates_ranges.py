"""Ranges: rules for ranges whose first end is incomplete ("Jan-Feb 2017", "November 18-19",
"9 to 12 June") and the merge of two adjacent dates joined by "to", "-", "between ... and".

A range "from A to B" is read as English does: through the end of B ("from March to May" is
1 March .. 31 May); a yearless end takes its year from the other end, else from the tense."""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract import dates_numeric
from etl.stages.extract.dates_base import (
    AMBIGUOUS_MONTHS,
    DAY,
    MONTH,
    MONTHS,
    NUMBER,
    TWO_MONTHS_GATE,
    WEEKDAY,
    YEAR,
    Ctx,
    Hit,
    Rule,
    day_value,
    initials,
    month_value,
)
from etl.stages.extract.dates_daylists import COUNT_AFTER
from etl.stages.extract.dates_explicit import month_day_hit, resolve_bare_month
from etl.stages.extract.dates_gates import DAY_BEFORE_MONTH, YEAR_GATE, NextTo

_I = re.IGNORECASE
_TO_AND = r"\s*(?P<conn>-|\u2013|\u2014|~|to|till|until|through|thru|and)\s*"
# "the night of 17/18 March": a slash joins two consecutive days before a month (see ``_days``).
_TO_AND_SLASH = r"\s*(?P<conn>-|\u2013|\u2014|~|/|to|till|until|through|thru|and)\s*"
_CONNECTOR = re.compile(r"\s*(?:-|\u2013|\u2014|~|to|till|until|through|thru|and)\s*", _I)
_COORDINATION = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or)\s*", _I)
_OPENER = re.compile(r"\b(?P<word>from|between)\s+$", _I)
_NOW = re.compile(
    r"\s*(?:-|to|till|until|through|and)\s+(?:now|(?:the\s+)?(?:current\s+)?date|the\s+present(?:\s+day)?|present|today)\b"
    r"|\s+(?:or|and)\s+(?:later|after)(?=\s*(?:[.,;:!?)]|$))", _I
)
_FROM = r"(?:(?:from|between)\s+)?"
# A range joins two dates: a hit that starts with a duration ("March 14 - Five weeks after the
# Feb. 6 earthquakes", a dateline's dash) is a clause of its own, not a range's end.
_DURATION_HEAD = re.compile(rf"(?:{NUMBER})\s+(?:day|week|fortnight|month|year|decade)s?\b", _I)
# Gate of "November 18-19": after the month name, a day (digits or an ordinal word) and a connector.
_DAY_RANGE_AFTER_MONTH = NextTo("month", follow=re.compile(
    r"\.?\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)?|[a-z]+(?:[-\s][a-z]+)?)\s*(?:-|\u2013|\u2014|~|to|till|until|through|thru|and)"
))
_LISTED_BEFORE = re.compile(r",\s*$")
_SINCE = re.compile(r"\bsince\s+$", _I)
# "after 2018" runs from the day after the period to the publication date (an open interval closed
# at publication, like "since"); "before 2010" has no start, so it is not a date interval at all.
_AFTER = re.compile(r"\b(?:after|later\s+than|beyond)\s+$", _I)
_BEFORE = re.compile(r"\b(?:before|prior\s+to|no\s+later\s+than|earlier\s+than)\s+$", _I)
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_WEEKDAY_ALONE = re.compile(rf"(?:on\s+)?{WEEKDAY}", _I)
_WEEK = dt.timedelta(days=7)
# "before the end of February" is a deadline in late February: the period stays a date.
_END_OF = re.compile(r"(?:at\s+)?(?:the\s+)?end\b", _I)


def _word_not_month(token: str, has_year: bool) -> bool:
    """A lowercase "may"/"march" without a year is the verb ("between 10 and 15 may die")."""
    return not has_year and token[0].islower() and token.rstrip(".").lower() in AMBIGUOUS_MONTHS


def _and_rejects(m: re.Match[str], ctx: Ctx, *, consecutive: bool) -> bool:
    """Two dates joined by "and" without "between" are one period only when consecutive ("in
    March and April", "on April 10 and 11"), and never as the last two of a list ("January,
    February and March 2023")."""
    if m["conn"].lower() != "and" or m.group().lower().startswith("between"):
        return False
    return not consecutive or _LISTED_BEFORE.search(ctx.text, max(0, m.start() - 3), m.start()) is not None


def _months(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first, last = month_value(m["m1"]), month_value(m["m2"])
    if first is None or last is None:
        return None
    if _word_not_month(m["m1"], bool(m["year"])) or _word_not_month(m["m2"], bool(m["year"])):
        return None
    if _and_rejects(m, ctx, consecutive=last == first % 12 + 1):
        return None
    if m["year"]:
        year = int(m["year"])
        start_year = year if first <= last else year - 1
    else:
        resolved = resolve_bare_month(first, "", m.start(), ctx)
        if resolved is None:
            return None
        start_year, year = resolved, resolved if first <= last else resolved + 1
    if not cal.valid_year(start_year) or not cal.valid_year(year):
        return None
    span = cal.range_span(dt.date(start_year, first, 1), cal.month_end(year, last))
    return Hit(m.start(), m.end(), span, not m["year"]) if span else None


def _days(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month, first, last = month_value(m["mon"]), day_value(m["d1"]), day_value(m["d2"])
    if month is None or first is None or last is None or _word_not_month(m["mon"], bool(m["year"])):
        return None
    # "April 10 and 11 others": a plural noun after the second number makes it a count ("and 11 hit": a day)
    count = m.start("mon") < m.start("d1") and COUNT_AFTER.match(ctx.text, m.end()) is not None
    if _and_rejects(m, ctx, consecutive=last == first + 1 and not count):
        return None
    if m["conn"] == "/" and last != first + 1:
        return None
    year = int(m["year"]) if m["year"] else None
    head = month_day_hit(m.start(), m.end(), month, first, year, ctx)
    if head is None:
        return None
    end_month = month if last >= first else month % 12 + 1
    end_year = head.span.start.year + (1 if end_month < month else 0)
    tail = cal.make_day(end_year, end_month, last)
    span = cal.range_span(head.span.start, tail) if tail else None
    return Hit(m.start(), m.end(), span, head.relative) if span else None


def _numeric_days(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"10/1-11/2/2017", "from 6/12-6/15": two numeric days in one order (see ``dates_numeric``),
    the year written after the second or, without one, the first resolved by tense."""
    a1, b1, a2, b2 = int(m["a1"]), int(m["b1"]), int(m["a2"]), int(m["b2"])
    if max(a1, a2) > 12 or max(b1, b2) > 12:
        first_day = max(a1, a2) > 12
    else:
        year_hint = int(m["year"]) if m["year"] and len(m["year"]) == 4 else None
        first_day = dates_numeric.day_first(a1, b1, ctx, year=year_hint, start=m.start())
    (d1, m1), (d2, m2) = ((a1, b1), (a2, b2)) if first_day else ((b1, a1), (b2, a2))
    if m["year"]:
        year = int(m["year"]) if len(m["year"]) == 4 else dates_numeric.two_digit_year(m["year"], m.start(), ctx)
        tail = cal.make_day(year, m2, d2) if year else None
        head = cal.make_day(year if (m1, d1) <= (m2, d2) else year - 1, m1, d1) if tail and year else None
    else:
        if _NUMERIC_OPENER.search(ctx.text, max(0, m.start() - 10), m.start()) is None:
            return None  # "1/2-3/4 cup": a yearless pair needs a date word before it
        first = month_day_hit(m.start(), m.end(), m1, d1, None, ctx)
        head = first.span.start if first else None
        tail = cal.make_day(head.year + ((m2, d2) < (m1, d1)), m2, d2) if head else None
    span = cal.range_span(head, tail) if head and tail and head < tail else None
    return Hit(m.start(), m.end(), span, not m["year"]) if span else None


def _full_days(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"10/1/2018-10/7/2018", "10-1-2018-10-7-2018", ISO "2018-10-01/2018-10-07": two whole
    numeric days joined without spaces, read in one day/month order."""
    if m["iy1"]:
        head = cal.make_day(int(m["iy1"]), int(m["im1"]), int(m["id1"]))
        tail = cal.make_day(int(m["iy2"]), int(m["im2"]), int(m["id2"]))
    else:
        a1, b1, a2, b2 = int(m["a1"]), int(m["b1"]), int(m["a2"]), int(m["b2"])
        if max(a1, a2) > 12 or max(b1, b2) > 12:
            first_day = max(a1, a2) > 12
        else:
            first_day = dates_numeric.day_first(a1, b1, ctx, year=int(m["y1"]), start=m.start())
        (d1, m1), (d2, m2) = ((a1, b1), (a2, b2)) if first_day else ((b1, a1), (b2, a2))
        head, tail = cal.make_day(int(m["y1"]), m1, d1), cal.make_day(int(m["y2"]), m2, d2)
    span = cal.range_span(head, tail) if head and tail and head < tail else None
    return Hit(m.start(), m.end(), span, False) if span else None


_Y4 = r"(?:19|20)\d\d"
_FULL_DAYS = re.compile(
    rf"(?<![\w/.:,-])(?:(?P<a1>[0-3]?\d)(?P<sep>[/-])(?P<b1>[0-3]?\d)(?P=sep)(?P<y1>{_Y4})\s*[-\u2013]\s*"
    rf"(?P<a2>[0-3]?\d)(?P=sep)(?P<b2>[0-3]?\d)(?P=sep)(?P<y2>{_Y4})"
    rf"|(?P<iy1>{_Y4})-(?P<im1>[01]\d)-(?P<id1>[0-3]\d)\s*(?:/|--?|\u2013)\s*(?P<iy2>{_Y4})-(?P<im2>[01]\d)-(?P<id2>[0-3]\d))"
    r"(?![\w/]|[-.]\d)"
)
# Words after which a yearless "6/12-6/15" is a range of days (as for a yearless "on 6/12").
_NUMERIC_OPENER = re.compile(r"\b(?:on|from|between|during|over|dated|until|till|by)\s+$", _I)
RULES: tuple[Rule, ...] = (
    Rule(re.compile(r"(?<![\w/.:,-])(?P<a1>[0-3]?\d)/(?P<b1>[0-3]?\d)\s*[-\u2013]\s*(?P<a2>[0-3]?\d)/(?P<b2>[0-3]?\d)"
                    r"(?:/(?P<year>(?:19|20)\d\d|\d\d))?(?![\w/%]|[-.,]\d)"), _numeric_days, "numeric",
         NextTo("numeric", after=frozenset("/"), longest=2)),
    Rule(_FULL_DAYS, _full_days, "numeric", YEAR_GATE),
    Rule(re.compile(rf"{initials(('from', 'between'), MONTHS)}\b{_FROM}(?P<m1>{MONTH}){_TO_AND}(?P<m2>{MONTH})(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?", _I), _months, "month", TWO_MONTHS_GATE),
    Rule(re.compile(rf"{initials(('from', 'between'), MONTHS)}\b{_FROM}(?P<mon>{MONTH})\s+(?:the\s+)?(?P<d1>{DAY}){_TO_AND}(?:the\s+)?(?P<d2>{DAY})\b"
                rf"(?:,?\s+(?P<year>{YEAR}))?", _I), _days, "month", _DAY_RANGE_AFTER_MONTH),
    Rule(re.compile(rf"\b{_FROM}(?:the\s+)?(?P<d1>(?<![\d.,/]){DAY}){_TO_AND_SLASH}(?:the\s+)?(?P<d2>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})"
                rf"(?:,?\s+(?P<year>{YEAR}))?", _I), _days, "month", DAY_BEFORE_MONTH),
)


def _align(head: Hit, tail: Hit) -> tuple[Hit, Hit]:
    """Give a yearless end the year of the other end (or the first year after the start)."""
    if not head.year_given and tail.year_given:
        head = _with_year(head, tail.span.end.year, before=tail.span.end) or head
    elif not tail.year_given:
        tail = _with_year(tail, head.span.start.year, after=head.span.start) or tail
    return head, tail


def _reyear(hit: Hit, year: int) -> cal.Span | None:
    """The same calendar part as ``hit`` in another year (day, month, quarter or half)."""
    if hit.day and hit.month:
        day = cal.make_day(year, hit.month, hit.day)
        return cal.day_span(day) if day else None
    if hit.month:
        return cal.month_span(year, hit.month)
    season = re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", hit.span.value)
    if season is not None:
        return cal.season_span(year, hit.span.start.month, season.group(1))
    code = re.fullmatch(r"\d{4}-([QH])(\d)", hit.span.value)
    if code is None:
        return None
    make = cal.quarter_span if code.group(1) == "Q" else cal.half_span
    return make(year, int(code.group(2)))


def _with_year(hit: Hit, year: int, *, before: dt.date | None = None, after: dt.date | None = None) -> Hit | None:
    for candidate_year in (year, year - 1 if before else year + 1):
        span = _reyear(hit, candidate_year)
        if span is None:
            continue
        if (before is None or span.start <= before) and (after is None or span.end >= after):
            return Hit(hit.start, hit.end, span, hit.relative, hit.month, hit.day, True)
    return None


def coordinate_years(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """A yearless month or season listed before one with a year takes that year ("January,
    February and March 2023", "the summer and autumn of 2024")."""
    out = list(hits)
    for index in range(len(out) - 2, -1, -1):
        hit, nxt = out[index], out[index + 1]
        if not hit.year_given and nxt.year_given and _COORDINATION.fullmatch(ctx.text[hit.end : nxt.start]):
            out[index] = _with_year(hit, nxt.span.start.year) or hit
    return out


def merge_ranges(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """Join neighbours written as a range; close "since X" and "X to date" at publication."""
    out: list[Hit] = []
    index = 0
    while index < len(hits):
        hit = hits[index]
        nxt = hits[index + 1] if index + 1 < len(hits) else None
        merged = _pair(hit, nxt, ctx) if nxt else None
        if merged is not None:
            out.append(merged)
            index += 2
            continue
        opened = _open_end(hit, ctx)
        out.append(opened)
        index += 1
        while index < len(hits) and hits[index].start < opened.end:
            index += 1  # "yesterday and today": the "today" is the range's own end, not a date of its own
    return out


def _weekdays(head: Hit, tail: Hit, ctx: Ctx) -> bool:
    """Whether both ends are weekdays named alone (each resolved on its own: "Friday to Saturday"
    written on a Friday is last Friday to last Saturday, not today to last Saturday)."""
    return all(hit.span.granularity == "day" and _WEEKDAY_ALONE.fullmatch(ctx.text, hit.start, hit.end) for hit in (head, tail))


def _pair(head: Hit, tail: Hit | None, ctx: Ctx) -> Hit | None:
    if tail is None:
        return None
    between = ctx.text[head.end : tail.start]
    if not _CONNECTOR.fullmatch(between) or _DURATION_HEAD.match(ctx.text, tail.start):
        return None
    opener = _OPENER.search(ctx.text[max(0, head.start - 10) : head.start])
    if between.strip().lower() == "and" and not (opener and opener["word"].lower() == "between"):
        return None
    head, tail = _align(head, tail)
    first, last = head.span.start, tail.span.end
    if last < first and _weekdays(head, tail, ctx):  # "from Thursday to Sunday" read as two weeks
        first, last = (first, last + _WEEK) if ctx.future(head.start) else (first - _WEEK, last)
    span = cal.range_span(first, last)
    if span is None:
        return None
    start = head.start - len(opener.group()) if opener else head.start
    return Hit(start, tail.end, span, head.relative or tail.relative)


def open_bound(hit: Hit, ctx: Ctx) -> Hit | None:
    """"after X" becomes X's end + 1 day .. publication; "before X" is dropped (None): a year or
    day stands for a bound there, not for the period the text talks about."""
    before = ctx.text[max(0, hit.start - 16) : hit.start]
    if _POSSESSIVE.match(ctx.text, hit.end):  # "after Monday's attack": the event, not a bound
        return hit
    if ctx.may_follow(hit.start, ("before", "to", "than")) and _BEFORE.search(before) and not _END_OF.match(ctx.text, hit.start):
        return None
    after = _AFTER.search(before) if ctx.may_follow(hit.start, ("after", "than", "beyond")) else None
    pub = ctx.published
    if after is None or pub is None or hit.span.end >= pub:
        return hit
    span = cal.range_span(hit.span.end + dt.timedelta(days=1), pub)
    if span is None:
        return hit
    return Hit(hit.start - len(after.group()), hit.end, span, True)


def _open_end(hit: Hit, ctx: Ctx) -> Hit:
    pub = ctx.published
    if pub is None or hit.span.start > pub:
        return hit
    now = _NOW.match(ctx.text, hit.end)
    since = _SINCE.search(ctx.text[max(0, hit.start - 8) : hit.start]) if ctx.may_follow(hit.start, ("since",)) else None
    if now is None and since is None:
        return hit
    opener = _OPENER.search(ctx.text[max(0, hit.start - 10) : hit.start])
    span = cal.range_span(hit.span.start, pub)
    if span is None:
        return hit
    prefix = opener if now is not None else since
    start = hit.start - len(prefix.group()) if prefix else hit.start
    return Hit(start, now.end() if now else hit.end, span, True)
