"""Weeks and weekdays beyond the plain ones of ``dates_relative``: "next week Mon", "last week on
Tuesday or Thursday" (the weekdays listed after a week's weekday are in that same week),
"Friday (June 15)" (the date in brackets fixes the weekday's day), "this working week" (Monday
to Friday) and "the next 4 business days" (Monday to Friday days counted from the day after
publication; "the previous 4 business days" end the day before it). Public holidays are not
skipped: which ones apply depends on the country and the employer."""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import NUMBER, WEEKDAY, WEEKDAYS, Ctx, Hit, Rule, number_value
from etl.stages.extract.dates_gates import gate

_I = re.IGNORECASE
# At most this many business days are counted ("the next 400 business days" is no date).
MAX_BUSINESS_DAYS = 60
_STEP = {"this": 0, "current": 0, "next": 1, "coming": 1, "following": 1, "last": -1, "past": -1, "previous": -1}
_WEEK_WEEKDAY = re.compile(
    rf"\b(?P<which>next|last|this|coming|previous)\s+week\s*,?\s+(?:on\s+)?(?P<wd>{WEEKDAY})", _I
)
# "on Friday last week", "Monday next week", "Wednesday this week" (not "last week's").
_WEEKDAY_WEEK = re.compile(
    rf"\b(?P<wd>{WEEKDAY})\s+(?:of\s+)?(?P<which>next|last|this|coming|previous)\s+week\b(?!['\u2019])", _I
)
# After a week's weekday: ", Wednesday", " or Thu", " and on Friday" (same week).
_LISTED = re.compile(rf"\s*(?:,\s*(?:or|and)?|or|and|to|till|until|through|-)\s*(?<=\s)(?:on\s+)?(?P<wd>{WEEKDAY})(?!\w)", _I)
# A weekday fixed to a week: "next week Mon", "last week on Tuesday", "next Monday".
_WEEK_HEAD = re.compile(rf"(?:{_WEEK_WEEKDAY.pattern}|\b(?:next|last|this|coming)\s+(?P<wd2>{WEEKDAY}))", _I)
_BRACKETED = re.compile(r"\s*\(\s*")
_WEEKDAY_NAMED = re.compile(rf"(?:(?:on|this|next|last|coming)\s+)?{WEEKDAY}", _I)


def _monday(pub: dt.date, step: int) -> dt.date:
    return pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)


def _weekday_key(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def _week_weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"next week Mon", "last week, on Thursday"."""
    pub = ctx.published
    if pub is None:
        return None
    day = _monday(pub, _STEP[m["which"].lower()]) + dt.timedelta(days=_weekday_key(m["wd"]))
    span = cal.day_span(day)
    trim = m.end("wd") == m.end() and m["wd"].endswith(".")
    return Hit(m.start(), m.end() - trim, span, True) if span else None


def _working_week(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub = ctx.published
    if pub is None:
        return None
    monday = _monday(pub, _STEP[m["which"].lower()])
    span = cal.range_span(monday, monday + dt.timedelta(days=4))
    return Hit(m.start(), m.end(), span, True) if span else None


def _business_days(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub, count = ctx.published, number_value(m["n"])
    if pub is None or not count or count > MAX_BUSINESS_DAYS:
        return None
    step = 1 if _STEP[m["which"].lower()] > 0 else -1
    days: list[dt.date] = []
    day = pub
    while len(days) < count:
        day += dt.timedelta(days=step)
        if day.weekday() < 5:
            days.append(day)
    span = cal.range_span(min(days), max(days))
    return Hit(m.start(), m.end(), span, True) if span else None


def same_week(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """Weekdays listed after a week's weekday ("next week on Tuesday or Thursday") take that week;
    "Friday (June 15)" becomes one day: the bracketed date's."""
    if ctx.published is None or not hits:
        return hits
    out, text = list(hits), ctx.text
    for index, hit in enumerate(out):
        # a head starts with next/last/this/coming: one character test before the regex
        if text[hit.start] in "nNlLtTcC" and hit.span.granularity == "day" and _WEEK_HEAD.fullmatch(text, hit.start, hit.end):
            out = _list_after(out, index, hit, ctx)
    return _bracketed(out, ctx) if "(" in text else out


def _list_after(hits: list[Hit], index: int, head: Hit, ctx: Ctx) -> list[Hit]:
    monday, end = head.span.start - dt.timedelta(days=head.span.start.weekday()), head.end
    while (listed := _LISTED.match(ctx.text, end)) is not None:
        day = monday + dt.timedelta(days=_weekday_key(listed["wd"]))
        span = cal.day_span(day)
        if span is None:
            break
        start, stop = listed.start("wd"), listed.end() - listed["wd"].endswith(".")
        kept = [hit for hit in hits if not (hit.start < listed.end() and start < hit.end)]
        if len(kept) < len(hits) - 1 or any(hit.start < listed.end() and hit.end > listed.end() for hit in hits):
            break  # the listed weekday is part of a longer date ("or Thursday, May 3")
        kept.append(Hit(start, stop, span, True))
        hits, end = sorted(kept, key=lambda hit: hit.start), listed.end()
    return hits


def _bracketed(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """A weekday hit right before "(", a day hit and ")": one hit, the bracketed day (a yearless
    one in the year nearest publication where it is that weekday); none if they never agree."""
    out: list[Hit] = []
    for hit in hits:
        previous = out[-1] if out else None
        if previous is not None and previous.span.granularity == "day" and hit.span.granularity == "day":
            gap = _BRACKETED.fullmatch(ctx.text, previous.end, hit.start)
            close = ctx.text[hit.end : hit.end + 1] == ")"
            named = _WEEKDAY_NAMED.fullmatch(ctx.text, previous.start, previous.end)
            day = _agreeing(hit, previous.span.start.weekday(), ctx) if gap and close and named else None
            if day is not None:
                out[-1] = Hit(previous.start, hit.end + 1, day, True)
                continue
        out.append(hit)
    return out


def _agreeing(hit: Hit, weekday: int, ctx: Ctx) -> cal.Span | None:
    if hit.span.start.weekday() == weekday:
        return hit.span
    pub = ctx.published
    if hit.year_given or hit.month is None or hit.day is None or pub is None:
        return None
    days = [cal.make_day(pub.year + offset, hit.month, hit.day) for offset in (-1, 0, 1)]
    agree = [day for day in days if day is not None and day.weekday() == weekday]
    return cal.day_span(min(agree, key=lambda day: abs((day - pub).days))) if agree else None


_WORK_GATE = gate("work", "business")  # shared: one verdict per window for both rules
RULES: tuple[Rule, ...] = (
    Rule(_WEEK_WEEKDAY, _week_weekday, "weekday", gate("week")),
    Rule(_WEEKDAY_WEEK, _week_weekday, "weekday", gate("week")),
    Rule(re.compile(r"\b(?:the\s+)?(?P<which>this|current|next|coming|following|last|previous)\s+(?:working|work|business)[-\s]week\b", _I),
         _working_week, "relword", _WORK_GATE),
    Rule(re.compile(rf"\b(?:the\s+)?(?P<which>next|coming|following|last|past|previous)\s+(?P<n>{NUMBER})\s+(?:business|working|work)\s+days\b", _I),
         _business_days, "relword", _WORK_GATE),
)
