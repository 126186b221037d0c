"""Ordinal parts of a period: "the third month of 2021", "the 15th day of June", "the last day of
March", "the first 10 days of this month", "the last 3 weeks of this year", and centuries ("the
15th century", "a 19th-century church").

Weeks run Monday to Sunday as in ``dates_relative._week_of``: the first weeks of a month start
with the week holding its first day (of a year: ISO week 1), the last ones end with the last
Sunday inside the period. A period
without a year is resolved like a yearless month (by tense), "this/the month/year" is the
publication's, "last/next" the one before or after it.

Centuries are the only periods allowed before ``dates_calendar.MIN_YEAR``: "the 15th century"
is 1400..1499 (the usual reading, as "the 20th century" is 1900..1999); the 1st to the 21st.
"""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import (
    MONTH,
    NUMBER,
    ORDINAL_WORD,
    ORDINALS,
    YEAR,
    Ctx,
    Hit,
    Rule,
    blocker,
    day_value,
    month_value,
    number_value,
)
from etl.stages.extract.dates_gates import Seen, gate

_I = re.IGNORECASE
_OF = (
    rf"\s+of\s+(?:(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?|(?P<yonly>{YEAR})"
    r"|(?P<rel>this|last|next|the)\s+(?P<relunit>year|month))(?!\w)"
)
_NEXT = {"this": 0, "the": 0, "last": -1, "next": 1}
LAST_CENTURY = 21


def _period(m: re.Match[str], ctx: Ctx) -> tuple[dt.date, dt.date, str] | None:
    """First day, last day and kind ("month"/"year") of the period after "of"."""
    pub, groups = ctx.published, m.groupdict()
    if groups.get("mon"):
        month = month_value(m["mon"])
        if month is None:
            return None
        if m["year"]:
            year = int(m["year"])
        elif pub is not None:
            year = cal.resolve_month(month, pub, future=ctx.future(m.start()))
        else:
            return None
        return (dt.date(year, month, 1), cal.month_end(year, month), "month") if cal.valid_year(year) else None
    if groups.get("yonly"):
        year = int(m["yonly"])
        return (dt.date(year, 1, 1), dt.date(year, 12, 31), "year") if cal.valid_year(year) else None
    if pub is None:
        return None
    moved = cal.shift(pub, _NEXT[m["rel"].lower()], m["relunit"].lower())
    if moved is None or not cal.valid_year(moved.year):
        return None
    if m["relunit"].lower() == "year":
        return dt.date(moved.year, 1, 1), dt.date(moved.year, 12, 31), "year"
    return moved.replace(day=1), cal.month_end(moved.year, moved.month), "month"


def _hit(m: re.Match[str], span: cal.Span | None, relative: bool) -> Hit | None:
    return Hit(m.start(), m.end(), span, relative) if span else None


def _first_last(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the first 10 days of March", "the last 3 weeks of this year", "the last day of June"."""
    plural = m["unit"].lower().endswith("s")
    if bool(m["n"]) != plural:  # "the first days of March" is vague; "the first 3 day of" is no English
        return None
    period = _period(m, ctx)
    count = number_value(m["n"]) if m["n"] else 1
    if period is None or not count:
        return None
    first, last, kind = period
    unit, from_end = m["unit"].lower().rstrip("s"), m["which"].lower() != "first"
    if unit == "month":
        if kind != "year" or count != 1:
            return None
        month = 12 if from_end else 1
        return _hit(m, cal.month_span(first.year, month), not (m["year"] or m["yonly"]))
    days = count * (7 if unit == "week" else 1)
    if unit == "week":  # the weeks of a year are ISO weeks, as in "the first week of 2021"
        first = dt.date.fromisocalendar(first.year, 1, 1) if kind == "year" else first - dt.timedelta(days=first.weekday())
        last = last - dt.timedelta(days=(last.weekday() + 1) % 7)
    if days > (last - first).days + 1:
        return None
    lo, hi = (last - dt.timedelta(days=days - 1), last) if from_end else (first, first + dt.timedelta(days=days - 1))
    span = cal.day_span(lo) if lo == hi else cal.range_span(lo, hi)
    return _hit(m, span, not (m["year"] or m["yonly"]))


def _nth(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the third month of 2021", "the 15th day of June", "the 100th day of 2020"."""
    number = day_value(m["ord"]) if m["ord"][0].isdigit() else ORDINALS.get(m["ord"].lower().replace(" ", "-"))
    period = _period(m, ctx)
    if period is None or not number or number < 1:
        return None
    first, last, kind = period
    relative = not (m["year"] or m["yonly"])
    if m["unit"].lower() == "month":
        return _hit(m, cal.month_span(first.year, number), relative) if kind == "year" and number <= 12 else None
    day = first + dt.timedelta(days=number - 1)
    return _hit(m, cal.day_span(day), relative) if day <= last else blocker(m.start(), m.end())  # "the 31st day of June"


def _day_of_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the 5th of this month", "the 20th of last month"."""
    day, period = day_value(m["ord"]), _period(m, ctx)
    if day is None or period is None:
        return None
    found = cal.make_day(period[0].year, period[0].month, day)
    return _hit(m, cal.day_span(found), True) if found else blocker(m.start(), m.end())


def _year_end(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"year-end 2025"; "by year-end": the late part of a year (as "the end of the year"), the
    publication year's unless the clause is past or neutral and that part has not begun."""
    pub = ctx.published
    if m["year"]:
        year: int | None = int(m["year"])
    elif pub is not None:
        late = cal.part_of_year(pub.year, "late")
        year = pub.year if ctx.future(m.start()) or (late is not None and late.start <= pub) else pub.year - 1
    else:
        year = None
    span = cal.part_of_year(year, "late") if year else None
    return _hit(m, span, not m["year"])


def _century(m: re.Match[str], ctx: Ctx) -> Hit | None:
    raw = m["n"].lower().replace(" ", "-")
    number = day_value(raw) if raw[0].isdigit() else ORDINALS.get(raw)
    if not number or not 1 <= number <= LAST_CENTURY:
        return None
    first = (number - 1) * 100
    start, end = dt.date(max(1, first), 1, 1), dt.date(first + 99, 12, 31)
    return Hit(m.start(), m.end(), cal.Span(f"{start.isoformat()}/{end.isoformat()}", start, end, "range"), False)


# One gate for both rules (its verdict is shared per window): a unit, then "of".
_OF_GATE = Seen(re.compile(r"(?:days?|weeks|month)\s+of\s"))
_ORD_NUM = r"(?:[1-9]\d{0,2}(?:st|nd|rd|th))"
RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"\b(?:the\s+)?(?P<which>first|last|final)\s+(?:(?P<n>{NUMBER})\s+)?(?P<unit>days|weeks|day|month)" + _OF, _I),
         _first_last, "relword", _OF_GATE),
    Rule(re.compile(rf"\b(?:the\s+)?(?P<ord>{_ORD_NUM}|{ORDINAL_WORD})\s+(?P<unit>day|month)" + _OF, _I), _nth, "relword", _OF_GATE),
    Rule(re.compile(rf"\b(?:the\s+)?(?P<ord>{_ORD_NUM}|{ORDINAL_WORD})\s+of\s+(?P<rel>this|last|next|the)\s+(?P<relunit>month)\b", _I),
         _day_of_month, "relword", Seen(re.compile(r"of\s+(?:this|last|next|the)\s+month"))),
    Rule(re.compile(rf"\b(?:the\s+)?(?:year[-\s]end|end[-\s]year)\b(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?", _I), _year_end, "relword", gate("end")),
    Rule(re.compile(rf"\b(?:the\s+)?(?P<n>(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|{ORDINAL_WORD})[\s-]+century\b(?!\s*(?:BCE?\b|B\.C))", _I), _century, "century",
         gate("century")),
)
