"""News usages of dates: fiscal and split years ("2025-26", "the 2023/24 crop year", "FY2024-25",
"the current fiscal year", "the fiscal year that ended in March"), periods ending with a month
("the year to October", "the three months to June"), "the September quarter", and the South
Asian and African press's "Monday next" / "Monday last" and "the 18th instant" / "the 12th
ultimo".

A fiscal year is 12 months from the month its country starts it in: ``[fiscal_year_start]`` in
``etl/data/dates_lexicon.toml`` lists the words naming a country (the first in the text decides)
and the default (July) when none is named. "2025-26" is never the 24 months 2025-01..2026-12:
a split year names one year that straddles two calendar years."""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import (
    CARDINALS,
    DAY_NUM,
    FULL_WEEKDAY,
    LEX,
    MONTH,
    NUMBER,
    ORDINAL_WORD,
    WEEKDAYS,
    YEAR,
    Ctx,
    Hit,
    Rule,
    alternation,
    day_value,
    initials,
    month_value,
    number_value,
)
from etl.stages.extract.dates_gates import Seen, gate

_I = re.IGNORECASE
_FISCAL: dict[str, object] = dict(LEX["fiscal_year_start"])  # type: ignore[call-overload]
_STARTS: dict[str, int] = {
    str(word): int(month_value(month) or 0)
    for month, words in _FISCAL.items()
    if month != "default" and isinstance(words, list)
    for word in words
}
DEFAULT_FISCAL_START = int(month_value(str(_FISCAL["default"])) or 7)
_COUNTRY = re.compile(rf"(?<![\w.])(?:{alternation(_STARTS)})(?!\w)", _I)
_KIND = r"(?:fiscal|financial|budget|tax|crop|marketing|harvest|academic|school|season)"
# "FY2024-25", "fiscal 2023/24", "the 2025/26 financial year", "2025-26": a split year.
_SPLIT = re.compile(
    rf"{initials(('the', 'fy', 'FY', 'fiscal', 'financial'), '12')}(?:\bthe\s+)?(?:(?P<fy>\bFY\s*|\b(?:fiscal|financial)\s+(?:year\s+)?)|(?<![\w$.,/+-]))(?P<y1>{YEAR})\s*"
    rf"(?P<sep>[-\u2013/])\s*(?P<y2>{YEAR}|\d\d)(?![\w/%]|[.,-]\d)(?:\s+(?P<kind>{_KIND}\s+years?|seasons?)\b)?",
    _I,
)
_THIS_FISCAL = re.compile(
    rf"{initials(('the', 'current', 'this', 'last', 'previous', 'past', 'next', 'coming'))}"
    r"\b(?:the\s+)?(?P<which>current|this|last|previous|past|next|coming)\s+(?:fiscal|financial|budget)\s+year\b"
    r"(?!\s+(?:that|which|ended|ending|ends|to|through)\b)",
    _I,
)
# "the year to October", "the fiscal year that ended in March", "the 12 months to the end of June",
# "the quarter ended June 30", "the half-year to September".
_ENDING = re.compile(
    rf"{initials(('the', 'year', 'fiscal', 'financial', 'budget', 'tax', 'crop', 'marketing', 'harvest', 'academic', 'school', 'season'), '123456789', CARDINALS)}\b(?:the\s+)?(?:(?P<n>{NUMBER})\s+months|(?:{_KIND}\s+)?(?:(?P<q>quarter)|(?P<h>half)(?:[-\s]year)?|year))\s+(?:that\s+|which\s+)?"
    rf"(?:to|through|ended|ending|ends)\s+(?:in\s+|on\s+)?(?:(?:the\s+)?end[-\s]+(?:of\s+)?)?"
    rf"(?:{DAY_NUM}\s+)?(?P<mon>{MONTH})(?:\s+{DAY_NUM})?(?:,?\s+(?P<year>{YEAR}))?",
    _I,
)
_MONTH_QUARTER = re.compile(
    rf"(?=[tT])\bthe\s+(?P<m1>{MONTH})(?:\s*[-\u2013/]\s*(?P<m2>{MONTH}))?\s+quarter\b(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?", _I
)
_WEEKDAY_NEXT = re.compile(
    rf"{initials(WEEKDAYS)}\b(?P<wd>{FULL_WEEKDAY})\s+(?P<which>next|last)\b(?!\s+(?:week|month|year|time|night|season|weekend)\b)", _I
)
_INSTANT = re.compile(
    rf"\b(?:the\s+)?(?P<day>{DAY_NUM}|{ORDINAL_WORD})\s+(?P<which>(?:instant|ultimo|proximo)\b|(?:inst|ult|prox)\b\.?)", _I
)


_ORDER_TABLE: dict[str, object] = dict(LEX["numeric_date_order"])  # type: ignore[call-overload]
_ORDER: dict[str, bool] = {
    str(word): order == "day_first" for order, words in _ORDER_TABLE.items() if isinstance(words, list) for word in words
}
_ORDER_CUE = re.compile(rf"(?<![\w.])(?:{alternation(_ORDER)})(?!\w)", _I)


def day_first_text(text: str) -> bool:
    """True when the first country the text names writes numeric dates day first ("NEW DELHI:
    ... arrested on 10/03/2023" is 10 March); False for the US or when none is named."""
    found = _ORDER_CUE.search(text)
    return _ORDER[found.group().lower()] if found else False


def fiscal_start(text: str) -> int:
    """The month fiscal years start in for the country the text names first (default July)."""
    found = _COUNTRY.search(text)
    return _STARTS[found.group().lower()] if found else DEFAULT_FISCAL_START


def _fiscal_span(first_year: int, start_month: int) -> cal.Span | None:
    first = dt.date(first_year, start_month, 1)
    last = cal.add_months(first, 12) - dt.timedelta(days=1)
    return cal.range_span(first, last)


def _split_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first, second_text = int(m["y1"]), m["y2"]
    if len(second_text) == 2:
        if int(second_text) != (first + 1) % 100:
            return None
    elif int(second_text) != first + 1 or not (m["fy"] or m["kind"] or m["sep"] == "/"):
        return None  # "2019-2020" is two years unless a fiscal word or a slash makes it one
    if first + 1 >= cal.MAX_YEAR:
        return None
    span = _fiscal_span(first, fiscal_start(ctx.text))
    return Hit(m.start(), m.end(), span, False) if span else None


def _this_fiscal(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub = ctx.published
    if pub is None:
        return None
    start_month = fiscal_start(ctx.text)
    current = pub.year if pub.month >= start_month else pub.year - 1
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(m["which"].lower(), 0)
    span = _fiscal_span(current + offset, start_month)
    return Hit(m.start(), m.end(), span, True) if span else None


def _ending(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """The ``n`` months (a year: 12) that end with the named month."""
    count = number_value(m["n"]) if m["n"] else 3 if m["q"] else 6 if m["h"] else 12
    month, pub = month_value(m["mon"]), ctx.published
    if not count or count > 24 or month is None or (pub is None and not m["year"]):
        return None
    if m["year"]:
        year = int(m["year"])
    elif pub is not None:
        year = cal.resolve_month(month, pub, future=ctx.future(m.start()))
    last = cal.month_end(year, month)
    span = cal.range_span(cal.add_months(dt.date(year, month, 1), 1 - count), last)
    # A long phrase may begin before the window the rule ran on: take back its "the".
    start = m.start() - 4 if ctx.text[max(0, m.start() - 4) : m.start()].lower() == "the " else m.start()
    return Hit(start, m.end(), span, not m["year"]) if span else None


def _month_quarter(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the September quarter": the three months that end with September."""
    first, last = month_value(m["m1"]), month_value(m["m2"] or m["m1"])
    pub = ctx.published
    if first is None or last is None or (m["m2"] and (last - first) % 12 != 2) or (pub is None and not m["year"]):
        return None
    if m["year"]:
        year = int(m["year"])
    elif pub is not None:
        year = cal.resolve_month(last, pub, future=ctx.future(m.start()))
    end = cal.month_end(year, last)
    span = cal.quarter_span(year, last // 3) if last % 3 == 0 else cal.range_span(cal.add_months(end.replace(day=1), -2), end)
    return Hit(m.start(), m.end(), span, not m["year"]) if span else None


def _weekday_next(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"Monday next": the first Monday after publication; "Monday last": the last one before."""
    pub = ctx.published
    if pub is None:
        return None
    weekday, future = WEEKDAYS[m["wd"].lower()], m["which"].lower() == "next"
    # strictly after publication, or strictly before it (the latest on or before the day before)
    found = cal.resolve_weekday(weekday, pub if future else pub - dt.timedelta(days=1), future=future)
    span = cal.day_span(found)
    return Hit(m.start(), m.end(), span, True) if span else None


def _instant(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the 18th instant" (this month), "the 12th ultimo" (last month), "the 3rd proximo" (next)."""
    pub, day = ctx.published, day_value(m["day"])
    if pub is None or day is None:
        return None
    step = {"i": 0, "u": -1, "p": 1}[m["which"][0].lower()]
    month = cal.add_months(pub.replace(day=1), step)
    found = cal.make_day(month.year, month.month, day)
    span = cal.day_span(found) if found else None
    return Hit(m.start(), m.end(), span, True) if span else None


# Gates (see ``dates_gates``): a phrase every match of the rule contains.
_ENDING_GATE = Seen(re.compile(r"(?:months|year|quarter|half)\s+(?:that\s+|which\s+)?(?:to|through|ended|ending|ends)\s"))
_WEEKDAY_NEXT_GATE = Seen(re.compile(r"day\s+(?:next|last)\b"))
RULES: tuple[Rule, ...] = (
    Rule(_SPLIT, _split_year, "year", gate("-", "\u2013", "/")),
    Rule(_THIS_FISCAL, _this_fiscal, "fiscalword"),
    Rule(_ENDING, _ending, "month", _ENDING_GATE),
    Rule(_MONTH_QUARTER, _month_quarter, "month", gate("quarter")),
    Rule(_WEEKDAY_NEXT, _weekday_next, "weekday", _WEEKDAY_NEXT_GATE),
    Rule(_INSTANT, _instant, "instword"),
)
