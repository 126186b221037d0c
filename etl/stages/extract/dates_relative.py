"""Rules for dates that only make sense against the publication date: "yesterday", "last
week", "on Tuesday", "two years ago", "the past three months", "earlier this year"...

Every handler returns None when the publication date is unknown: a missing part is never
filled from the clock."""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import (
    FULL_WEEKDAY,
    MONTH,
    MONTHS,
    NUMBER,
    PART,
    PART_WORDS,
    WEEKDAY_INCIDENT_AFTER,
    WEEKDAY_NAME_AFTER,
    WEEKDAY_NAME_BEFORE,
    WEEKDAYS,
    YEAR,
    Ctx,
    Hit,
    Rule,
    initials,
    month_value,
    number_value,
    part_word,
)
from etl.stages.extract.dates_gates import NextTo, Seen, gate

_PART = PART

_I = re.IGNORECASE
_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1, "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_UNIT = r"(?P<unit>day|week|fortnight|month|quarter|year|decade)s?"
_NEXT = {"the": 0, "next": 1, "coming": 1, "following": 1, "upcoming": 1, "last": -1, "previous": -1,
         "past": -1, "this": 0, "current": 0}


def _hit(m: re.Match[str], span: cal.Span | None, *, start: int | None = None) -> Hit | None:
    if span is None:
        return None
    return Hit(m.start() if start is None else start, m.end(), span, True)


def _day_word(m: re.Match[str], ctx: Ctx) -> Hit | None:
    if ctx.published is None:
        return None
    before = ctx.text[max(0, m.start() - 4) : m.start()]
    if before.lower() == "usa " and m["word"].lower() == "today":
        return None
    offset = _DAY_WORDS[re.sub(r"\s+", " ", m["word"].lower())]
    return _hit(m, cal.day_span(ctx.published + dt.timedelta(days=offset)))


def _this_period(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"this month", "last year" (calendar periods); "the past week", "the last year" and
    fortnights are rolling windows ending the day before publication ("the next fortnight": the
    14 days after it)."""
    pub = ctx.published
    if pub is None:
        return None
    unit, word = m["unit"].lower(), m["which"].lower()
    if unit == "fortnight" or word == "past" or (word == "last" and m["the"]):
        return _rolling(m, pub, _NEXT[word] or 1, unit)
    if word in ("previous", "following") or (word == "next" and m["the"]):
        return _anchored_period(m, ctx, pub, unit, _NEXT[word])
    moved = cal.shift(pub, _NEXT[word], unit)
    return _hit(m, cal.period_span(unit, moved) if moved else None)


def _anchored_period(m: re.Match[str], ctx: Ctx, pub: dt.date, unit: str, step: int) -> Hit | None:
    left = max(0, m.start() - 200)
    breaks = list(_SENTENCE_START.finditer(ctx.text, left, m.start()))
    begin = breaks[-1].end() if breaks else left
    years = list(_YEAR_IN_TEXT.finditer(ctx.text, begin, m.start()))
    if years and unit == "year":
        return _hit(m, cal.year_span(int(years[-1].group(1)) + step))
    if years or _DATE_WORD_IN_TEXT.search(ctx.text, begin, m.start()):
        return None
    if _narrated(ctx.text, begin, m.start()):
        return None  # "The dam opened in 2019. The following year, it cracked": dates_related counts from 2019
    moved = cal.shift(pub, step, unit)
    return _hit(m, cal.period_span(unit, moved) if moved else None)


def _narrated(text: str, begin: int, position: int) -> bool:
    """Whether a year or date word comes shortly before the sentence that starts at ``begin`` (in
    the same paragraph): then "the following year" counts from it, not from publication."""
    left = max(0, position - NARRATIVE_REACH)
    paragraph = text.rfind("\n\n", left, begin)
    left = paragraph + 2 if paragraph >= 0 else left
    return _YEAR_IN_TEXT.search(text, left, begin) is not None or _DATE_WORD_IN_TEXT.search(text, left, begin) is not None


def _rolling(m: re.Match[str], pub: dt.date, count: int, unit: str, *, start: int | None = None) -> Hit | None:
    """A window of ``count`` units ending the day before publication (count < 0) or starting the
    day after it (count > 0); quarters are whole calendar quarters."""
    if unit == "quarter":
        first = cal.period_span("quarter", pub)
        if first is None:
            return None
        anchor = first.start if count < 0 else cal.shift(first.end, 1, "day")
        other = cal.shift(anchor, count * 3, "month") if anchor else None
        if anchor is None or other is None:
            return None
        lo, hi = (other, anchor - dt.timedelta(days=1)) if count < 0 else (anchor, other - dt.timedelta(days=1))
        return _hit(m, cal.range_span(lo, hi), start=start)
    moved = cal.shift(pub, count, unit)
    if moved is None:
        return None
    lo, hi = (moved, pub - dt.timedelta(days=1)) if count < 0 else (pub + dt.timedelta(days=1), moved)
    return _hit(m, cal.range_span(lo, hi), start=start)


def _window(m: re.Match[str], ctx: Ctx) -> Hit | None:
    count = number_value(m["n"])
    if ctx.published is None or not count or count > 100:
        return None
    sign = _NEXT[m["which"].lower()]
    if sign == 0:
        return None
    return _rolling(m, ctx.published, sign * count, m["unit"].lower())


def _ago(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"two years ago", "2 weeks and 2 days ago" (units largest first, each counted back)."""
    count, more = number_value(m["n"]), number_value(m["n2"]) if m["n2"] else 0
    if ctx.published is None or count is None or more is None or count > 200 or more > 200:
        return None
    if m["n2"] and _WINDOW_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        # "for the last 3 months and 2 days ago": a window, then "2 days ago"
        moved = cal.shift(ctx.published, -more, m["unit2"].lower())
        return _hit(m, cal.day_span(moved) if moved else None, start=m.start("n2"))
    moved = cal.shift(ctx.published, -count, m["unit"].lower())
    if moved is not None and m["unit"].lower() == "decade" and not m["n2"]:
        return _hit(m, cal.year_span(moved.year))  # "two decades ago": no writer means the day
    if moved is not None and m["n2"]:
        moved = cal.shift(moved, -more, m["unit2"].lower())
    return _hit(m, cal.day_span(moved) if moved else None)


def _in_future(m: re.Match[str], ctx: Ctx) -> Hit | None:
    count = number_value(m["n"])
    if ctx.published is None or count is None or not (m["time"] or ctx.future(m.start())):
        return None
    moved = cal.shift(ctx.published, count, m["unit"].lower())
    return _hit(m, cal.day_span(moved) if moved else None)


def _from_today(m: re.Match[str], ctx: Ctx) -> Hit | None:
    count = number_value(m["n"])
    if ctx.published is None or count is None:
        return None
    moved = cal.shift(ctx.published, count, m["unit"].lower())
    return _hit(m, cal.day_span(moved) if moved else None)


def _part_of_period(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the end of the month", "early next year", "late last week": a third of the period
    (see ``dates_calendar.YEAR_PARTS``/``MONTH_PARTS``; weeks: Mon-Wed, Tue-Thu, Thu-Sun)."""
    pub = ctx.published
    part = part_word(m["part"])
    if pub is None or part is None:
        return None
    unit, which = m["unit"].lower(), (m["which"] or "this").lower()
    moved = cal.shift(pub, _NEXT.get(which, 0), unit)
    if moved is None:
        return None
    if unit == "year":
        return _hit(m, cal.part_of_year(moved.year, part))
    if unit == "month":
        return _hit(m, cal.part_of_month(moved.year, moved.month, part))
    monday = moved - dt.timedelta(days=moved.weekday())
    lo, hi = {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}[part]
    return _hit(m, cal.range_span(monday + dt.timedelta(days=lo), monday + dt.timedelta(days=hi)))


def _earlier_later(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub = ctx.published
    if pub is None:
        return None
    period = cal.period_span(m["unit"].lower(), pub)
    if period is None:
        return None
    if m["which"].lower().startswith("earl"):
        return _hit(m, cal.range_span(period.start, pub))
    return _hit(m, cal.range_span(pub, period.end))


def _weekend(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub = ctx.published
    if pub is None:
        return None
    saturday = pub + dt.timedelta(days=5 - pub.weekday())
    offset = {"this": 0, "next": 7, "coming": 7, "last": -7, "past": -7, "": 0}[(m["which"] or "").lower()]
    if not m["which"] and pub.weekday() < 5 and not ctx.future(m.start()):
        offset = -7
    first = saturday + dt.timedelta(days=offset)
    return _hit(m, cal.range_span(first, first + dt.timedelta(days=1)))


def _weekday_in_week(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"next Friday" (the weekday of the next calendar week), "last Wednesday" (the latest one
    before publication, as news writes it: "last Thursday" on a Friday is the day before; "last
    week on Tuesday" and "Tuesday of last week" keep the previous calendar week), "this Friday"
    (this week's; in a past clause, the latest on or before publication: "died in the early hours
    of this Sunday", written on a Monday), "coming Thursday"."""
    pub = ctx.published
    if pub is None:
        return None
    weekday = WEEKDAYS[(m["wd"] or m["wd2"]).lower()]
    which = (m["which"] or m["which2"]).lower()
    if which == "coming":
        return _hit(m, cal.day_span(cal.resolve_weekday(weekday, pub, future=True)))
    if which == "last" and m["which"] and "week" not in m.group().lower():
        return _hit(m, cal.day_span(cal.resolve_weekday(weekday, pub - dt.timedelta(days=1), future=False)))
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=_NEXT[which])
    day = monday + dt.timedelta(days=weekday)
    if which == "this" and day > pub and not ctx.future(m.start()):
        day = cal.resolve_weekday(weekday, pub, future=False)
    return _hit(m, cal.day_span(day))


_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through)\s+$", _I)


def _weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub, word = ctx.published, m["wd"]
    if pub is None or (word[0].islower() and not m["on"]):
        return None
    if WEEKDAY_NAME_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
        return None
    after = ctx.text[m.end() : m.end() + 40]
    if WEEKDAY_NAME_AFTER.match(after):
        return None
    future = ctx.future(m.start("wd")) and not WEEKDAY_INCIDENT_AFTER.match(after)
    # "the curfew lasts until Friday" written on a Friday ends today; "meets on Friday" is next week's
    since = pub - dt.timedelta(days=1) if future and _UNTIL_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) else pub
    found = cal.resolve_weekday(WEEKDAYS[word.lower()], since, future=future)
    return _hit(m, cal.day_span(found))


def _short_weekday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub, word = ctx.published, (m["wd"] or m["wd2"] or m["wd3"])
    if pub is None:
        return None
    found = cal.resolve_weekday(WEEKDAYS[word.lower()], pub, future=ctx.future(m.start("wd") if m["wd"] else m.start()))
    return _hit(m, cal.day_span(found))


def _week_of(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the first week of January 2015", "the last week of July": weeks run Monday to Sunday;
    the first is the one holding day 1, the last the final one ending inside the period."""
    pub, ordinal = ctx.published, m["ord"].lower()
    if m["mon"]:
        month = month_value(m["mon"]) or 1
        year = int(m["year"]) if m["year"] else None
        if year is None:
            if pub is None:
                return None
            year = cal.resolve_month(month, pub, future=ctx.future(m.start()))
        first, last = cal.make_day(year, month, 1), cal.make_day(year, month, 1)
        last = cal.month_end(year, month) if first else None
    else:
        if m["relunit"] and m["relunit"].lower() == "month":
            return _week_of_relative_month(m, ctx)
        year = int(m["yonly"]) if m["yonly"] else (pub.year + _NEXT[m["rel"].lower()] if pub else None)
        if year is None or not cal.valid_year(year):
            return None
        first, last = dt.date.fromisocalendar(year, 1, 1), dt.date(year, 12, 31)
    if first is None or last is None:
        return None
    return _nth_week(m, ordinal, first, last)


def _month_of_relative_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"May this year", "March of last year", "(early) June next year"."""
    pub, month = ctx.published, month_value(m["mon"])
    if pub is None or month is None:
        return None
    year = pub.year + _NEXT[m["which"].lower()]
    part = part_word(m["part"])
    span = cal.part_of_month(year, month, part) if part else cal.month_span(year, month)
    return _hit(m, span)


def _months_of_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"the first nine months of 2024", "the last four months of the year"."""
    count = number_value(m["n"])
    if count is None or not 1 <= count <= 12:
        return None
    if m["year"]:
        year = int(m["year"])
    elif ctx.published is not None:
        year = ctx.published.year + _NEXT[m["rel"].lower()]
    else:
        return None
    if not cal.valid_year(year):
        return None
    first, last = (1, count) if m["which"].lower() == "first" else (13 - count, 12)
    return _hit(m, cal.range_span(dt.date(year, first, 1), cal.month_end(year, last)))


def _week_of_relative_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    pub = ctx.published
    moved = cal.shift(pub, _NEXT[m["rel"].lower()], "month") if pub else None
    if moved is None:
        return None
    first, last = moved.replace(day=1), cal.month_end(moved.year, moved.month)
    return _nth_week(m, m["ord"].lower(), first, last)


def _nth_week(m: re.Match[str], ordinal: str, first: dt.date, last: dt.date) -> Hit | None:
    if ordinal == "last":
        sunday = last - dt.timedelta(days=(last.weekday() + 1) % 7)
        return _hit(m, cal.week_span(sunday))
    index = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}[ordinal]
    return _hit(m, cal.week_span(first + dt.timedelta(weeks=index)))


def _week_number(m: re.Match[str], ctx: Ctx) -> Hit | None:
    year = int(m["year"]) if m["year"] else (ctx.published.year if ctx.published else None)
    week = int(m["w"])
    if year is None or not 1 <= week <= 53:
        return None
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return _hit(m, cal.week_span(monday))


_DAY_ALTERNATION = "|".join(
    w.replace(" ", r"\s+") for w in sorted(_DAY_WORDS, key=len, reverse=True)
)
_WHICH_WORDS = ("this", "last", "next", "past", "previous", "coming", "following", "current", "upcoming")
_WHICH = rf"(?P<which>{'|'.join(_WHICH_WORDS)})"
_WHICH_ONE = _WHICH
# Rule gates (see ``Rule``): the words of ``_WHICH`` and of ``PART``.
_WHICH_GATE = gate(*_WHICH_WORDS)
_PART_GATE = gate("early", "mid", "late", "end", "beginning", "start", "middle")
# "the previous year" / "the following year" after a year in the same sentence are anchored to
# it ("300 died in 2024, up from 250 the previous year" is 2023), else to publication.
# How far before "the following year" a date of an earlier sentence makes it narrated (as
# ``dates_related.ANCHOR_REACH``, which then finds its anchor).
NARRATIVE_REACH = 250
_SENTENCE_START = re.compile(r"[.!?\n]\s")
_YEAR_IN_TEXT = re.compile(rf"(?<![\d,.])({YEAR})")
_SHORT_WEEKDAY = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
# Abbreviations that are no English word: a weekday even without a cue ("attacked Thurs, killing 5").
_UNAMBIGUOUS_SHORT_WEEKDAY = r"(?:Tues?|Weds|Thu(?:rs?)?|Fri)"
_WINDOW_BEFORE = re.compile(r"\b(?:last|past|next|previous|coming|first|final)\s+$", _I)  # "the last 3 months"
_DATE_WORD_IN_TEXT = re.compile(rf"\b(?:{MONTH}|{FULL_WEEKDAY}|yesterday|today)", _I)
RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"{initials(_DAY_WORDS)}\b(?P<word>{_DAY_ALTERNATION})\b", _I), _day_word, "relword",
         gate(*(word.split()[-1] for word in _DAY_WORDS))),
    Rule(re.compile(rf"{initials(['the'], _WHICH_WORDS)}\b(?P<the>the\s+)?{_WHICH_ONE}\s+(?:calendar\s+)?(?P<unit>week|fortnight|month|quarter|year|decade)\b"
                r"(?!\s+of\b)", _I), _this_period, "relword", _WHICH_GATE),
    Rule(re.compile(rf"{initials(PART_WORDS)}\b(?P<part>{_PART})[-\s]+(?:(?P<which>this|last|next|the)\s+)?(?P<unit>week|month|year)\b"
                r"(?!\s+of\b)", _I), _part_of_period, "relword", _PART_GATE),
    Rule(re.compile(rf"{initials(['the'], _WHICH_WORDS)}\b(?:the\s+)?{_WHICH}\s+(?P<n>{NUMBER})\s+{_UNIT}\b(?!\s+of\b)", _I), _window, "relword", _WHICH_GATE),
    Rule(re.compile(rf"\b(?P<n>{NUMBER})\s+{_WHICH}\s+{_UNIT}\b", _I), _window, "relword", _WHICH_GATE),
    Rule(re.compile(rf"\b(?P<n>{NUMBER})\s+{_UNIT}(?:,?\s+and\s+(?P<n2>{NUMBER})\s+(?P<unit2>day|week|month)s?)?\s+ago\b", _I),
         _ago, "relword", gate("ago")),
    Rule(re.compile(rf"\bin\s+(?P<n>{NUMBER})\s+{_UNIT}\b(?P<time>['\u2019]s?\s+time)?", _I), _in_future, "relword",
         Seen(re.compile(r"in\s+\S+\s+(?:day|week|fortnight|month|quarter|year|decade)"))),
    Rule(re.compile(rf"\b(?P<n>{NUMBER})\s+{_UNIT}\s+from\s+(?:today|now)\b", _I), _from_today, "relword", gate("today", "now")),
    Rule(re.compile(r"\b(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b", _I),
     _earlier_later, "relword", gate("earlier", "later")),
    Rule(re.compile(r"\b(?:(?P<which>this|next|last|past|coming)\s+|the\s+)weekend\b(?!\s+of\b)", _I), _weekend, "relword", gate("weekend")),
    Rule(re.compile(rf"\b(?:(?P<which>next|last|this|coming|previous)\s+(?:week\s+(?:on\s+)?)?(?P<wd>{FULL_WEEKDAY})"
                rf"|(?P<wd2>{FULL_WEEKDAY})\s+of\s+(?P<which2>last|next|this)\s+week)\b", _I),
     _weekday_in_week, "weekday", gate("next", "last", "this", "coming", "previous")),
    Rule(re.compile(rf"{initials(['on'], WEEKDAYS)}(?:\b(?P<on>on)\s+)?\b(?P<wd>{FULL_WEEKDAY})\b", _I), _weekday, "weekday"),
    # Abbreviated weekdays ("on Fri night", "on Sat."), capitalised and cued by "on" or a time of
    # day: bare "Sun", "Wed" or "Sat" are too often other words ("Tues" or "Thurs" never are).
    Rule(re.compile(rf"(?:\b(?P<on>[Oo]n)\s+(?P<wd>{_SHORT_WEEKDAY})\b\.?(?!\s*\d)"
                rf"|\b(?P<wd2>{_SHORT_WEEKDAY})\.?(?=\s+(?:night|morning|afternoon|evening)\b)"
                rf"|\b(?P<wd3>{_UNAMBIGUOUS_SHORT_WEEKDAY})\b\.?(?!\s*\d))"), _short_weekday, "weekday",
         NextTo("weekday", longest=5)),
    Rule(re.compile(rf"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+"
                rf"(?:(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?|(?P<yonly>{YEAR})|(?P<rel>this|last|next)\s+(?P<relunit>year|month))",
                _I), _week_of, "relword", Seen(re.compile(r"week\s+of\s"))),
    Rule(re.compile(rf"{initials(PART_WORDS, MONTHS)}\b(?:(?P<part>{_PART})[-\s]*)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<which>this|last|next)\s+year\b",
                _I), _month_of_relative_year, "month", gate("year")),
    Rule(re.compile(rf"\b(?:the\s+)?(?P<which>first|last|final)\s+(?P<n>{NUMBER})\s+months\s+of\s+"
                rf"(?:(?P<year>{YEAR})|(?P<rel>this|last|next|the)\s+year)\b", _I), _months_of_year, "relword", gate("months")),
    Rule(re.compile(rf"{initials(['week'])}\bweek\s+(?P<w>\d{{1,2}})(?:\s+of\s+(?P<year>{YEAR}))?\b(?!\s*(?:%|people|of\b))", _I),
     _week_number, "relword", gate("week")),
)
