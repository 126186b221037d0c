"""Rules for calendar dates written out in the text: days, months and years (quarters, halves,
seasons, decades and centuries: ``dates_periods``; holidays: ``dates_holidays``). Each rule is a compiled regex and a handler that
returns a :class:`Hit` or None (not a date, or not resolvable without a publication date)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract import dates_numeric
from etl.stages.extract.dates_base import (
    AMBIGUOUS_MONTHS,
    DATE_NAME_AFTER,
    DAY,
    LEX,
    MONTH,
    MONTHS,
    PART,
    PART_WORDS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Ctx,
    Hit,
    Rule,
    alternation,
    blocker,
    day_value,
    initials,
    month_value,
    part_word,
)
from etl.stages.extract.dates_daylists import COUNT_AFTER
from etl.stages.extract.dates_gates import DAY_AFTER_MONTH, DAY_BEFORE_MONTH, YEAR_GATE, NextTo, gate

_I = re.IGNORECASE
# Words that make a bare month or year read as a date ("in May", "since 2021").
_PREP_WORDS = frozenset(
    "in since until till from by during of between before after through and to or early mid late the its "
    "their his her our this last next calendar year around circa for on throughout spring summer autumn "
    "fall winter year's nation's".split()
)
_DATE_PREP = re.compile(rf"(?:\b(?:{alternation(_PREP_WORDS)})|\(|,)\s*-?$", _I)
# "the Mar Mina church", "the Jan Sangh": an abbreviated month before a capitalised word is a name's.
_NAME_AFTER = re.compile(r"[ \t]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun))[A-Z][a-z]{2,}")
_PREV_WORD = re.compile(r"([A-Za-z][\w'\u2019.]*)[ \t]+$")
_PREV_TOKEN = re.compile(r"(\S+)[ \t]+$")
# After "and"/"or"/"to", a number followed by a plural noun is a count ("and 1980 rounds").
_COUNT_AFTER = re.compile(r"\s+[a-z]+s\b")
# A fiscal or school year is not the calendar year of the same number: left out (not guessed).
_FISCAL = re.compile(r"\b(?:fiscal(?:\s+year)?|financial\s+year|FY|school\s+year|academic\s+year)\s*$", _I)
# A list entry's fields are set off by spaced dashes ("Kabul - 2017 (date disputed) - Truck bomb").
_DASH_BEFORE = re.compile(r"\s[-\u2013\u2014]\s$")
# A year as the subject of a clause ("2022 was the deadliest year") is followed by its verb.
_YEAR_FOLLOW = re.compile(
    r"^\s*(?:[.,;:)!?\]'\u2019\"]|$|-|\u2013|and\b|or\b|to\b|through\b"
    r"|(?:was|is|were|has|had|saw|marked|brought|became|will\s+be)\s)",
    _I,
)
_PART = PART
# "[Shabelle Media, Mogadishu, in Somali, 16 Feb 21]": a monitoring service's source line writes the
# year in two digits, only there (elsewhere "15 May 23 people" is a count).
_SOURCE_YEAR = r"\s+(?P<yy>\d\d)(?=\s*\])"
# "30 November - 1 December": a day followed by a month belongs to that month (not "November - 1").
_MONTH_AFTER_DAY = re.compile(rf"\s+{MONTH}\b", _I)
_part = part_word
_A_BEFORE = re.compile(r"(?<![\w'])[Aa]n?\s+$")
# The noun a year qualifies after "a": a lower-case word, not a unit or a currency (data file).
_UNIT_WORDS = [str(w) for w in LEX["year_adjective"]["not_before"]]  # type: ignore[index, attr-defined]
_NOUN_NOT_UNIT = re.compile(rf"\s+(?!(?:{alternation(_UNIT_WORDS)})s?\b)[a-z]{{2,}}\b(?!-)")
# "2 Apr. 11 fatalities", "on 1 March 2 soldiers": a month right after a day already has its day,
# so the number after it is not a second one (the day-month reading is the date).
# ("$12 December 27": an amount, not a day).
_PERIOD_BEFORE = re.compile(r"\b(?:in|during|last|early|late|mid)[\s-]+$", _I)
_DAY_BEFORE_MONTH = re.compile(r"(?<![\w.,$\u00a3\u20ac\u00a5])(?<![$\u00a3\u20ac\u00a5] )\d{1,2}(?:st|nd|rd|th)?\s+$")


def prep_before(ctx: Ctx, position: int) -> bool:
    return _DATE_PREP.search(ctx.text[max(0, position - 16) : position]) is not None


def month_day_hit(start: int, end: int, month: int, day: int, year: int | None, ctx: Ctx) -> Hit | None:
    """A day named by month and day, resolved by tense when the year is missing."""
    if year is not None:
        found = cal.make_day(year, month, day)
        span = cal.day_span(found) if found else None
        if span is None:
            return blocker(start, end) if 1 <= month <= 12 and 1 <= day <= 31 else None
        return Hit(start, end, span, False, month, day)
    if ctx.published is None or cal.make_day(2000, month, day) is None:
        return None
    found = cal.resolve_month_day(month, day, ctx.published, future=ctx.future(start))
    span = cal.day_span(found) if found else None
    return Hit(start, end, span, True, month, day, year_given=False) if span else None


def _mdy(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month, day = month_value(m["mon"]), day_value(m["day"])
    if month is None or day is None:
        return None
    word = m["mon"].rstrip(".").lower()
    joined = ctx.text[m.end("mon") : m.start("day")].strip() in ("-", "/")  # "jun-15", "may/3": no verb or name
    if word in AMBIGUOUS_MONTHS and m["mon"][0].islower() and not m["year"] and not joined:
        return None
    if _MONTH_AFTER_DAY.match(ctx.text, m.end()) and not m["year"]:
        return None
    if m.start("mon") == m.start() and _DAY_BEFORE_MONTH.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None
    if not m["year"] and _PERIOD_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) and COUNT_AFTER.match(ctx.text, m.end()):
        return None  # "in March 5 soldiers were killed": the month is a period, 5 a count
    yy = m.groupdict().get("yy")
    year = int(m["year"]) if m["year"] else (2000 + int(yy) if yy else None)
    if year is None and DATE_NAME_AFTER.match(ctx.text, m.end()):
        return blocker(m.start(), m.end())
    hit = month_day_hit(m.start(), m.end(), month, day, year, ctx)
    if hit is None or year is not None or not m["wd"] or ctx.published is None:
        return hit
    return _agree_weekday(hit, WEEKDAYS[m["wd"].lower().rstrip(".")], ctx.published)


def _dmy(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """Day before month; "30-Sept" or "30/Sep" count only with a year ("23/Sep/2020"), so that
    "Aug. 30-Sept. 2" stays a range of two dates."""
    if m["dsep"].strip() and not (m["year"] or m["yy"]):
        return None
    return _mdy(m, ctx)


def _agree_weekday(hit: Hit, weekday: int, published: dt.date) -> Hit:
    """A yearless date written with its weekday ("Saturday, August 23") takes the year,
    nearest to publication, in which that day is that weekday."""
    if hit.span.start.weekday() == weekday:
        return hit
    month, day = hit.month or 1, hit.day or 1
    for offset in (0, 1, -1, 2, -2):
        found = cal.make_day(published.year + offset, month, day)
        if found is not None and found.weekday() == weekday and abs((found - published).days) < 400:
            span = cal.day_span(found)
            if span is not None:
                return Hit(hit.start, hit.end, span, True, month, day, year_given=False)
    return hit


def _iso(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month = int(m["mon"]) if m["mon"].isdigit() else month_value(m["mon"])
    if month is None:
        return None
    return month_day_hit(m.start(), m.end(), month, int(m["day"]), int(m["year"]), ctx)


def _numeric(m: re.Match[str], ctx: Ctx) -> Hit | None:
    parts = dates_numeric.numeric_parts(m, ctx)
    return month_day_hit(m.start(), m.end(), *parts, ctx) if parts else None


def _numeric_no_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first, second = int(m["a"]), int(m["b"])
    month, day = (second, first) if dates_numeric.day_first(first, second, ctx) else (first, second)
    if month > 12:
        return None
    return month_day_hit(m.start("a"), m.end(), month, day, None, ctx)


def _month_year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month = month_value(m["mon"]) if not m["mon"].isdigit() else int(m["mon"])
    part = _part(m["part"]) if "part" in m.groupdict() else None
    if month is None:
        return None
    year = int(m["year"])
    span = cal.part_of_month(year, month, part) if part else cal.month_span(year, month)
    return Hit(m.start(), m.end(), span, False) if span else None


def resolve_bare_month(month: int, mod: str, start: int, ctx: Ctx) -> int | None:
    """The year of a month named without one, by modifier or by tense."""
    pub = ctx.published
    if pub is None:
        return None
    if mod == "this":
        return pub.year
    if mod in ("last", "past", "previous"):
        return pub.year if month < pub.month else pub.year - 1
    if mod in ("next", "coming"):
        return pub.year if month > pub.month else pub.year + 1
    return cal.resolve_month(month, pub, future=ctx.future(start))


def _bare_month(m: re.Match[str], ctx: Ctx) -> Hit | None:
    month = month_value(m["mon"])
    if month is None:
        return None
    word, mod, part = m["mon"].rstrip("."), (m["mod"] or "").lower(), _part(m["part"])
    lower_ok = m.end() == len(ctx.text) or ctx.text[m.end()] in ".,;:!?)"
    if word.lower() in AMBIGUOUS_MONTHS or word.lower() != month_name_full(month):
        if not (mod or part or prep_before(ctx, m.start())):
            return None
        if word == m["mon"] and word.lower() != month_name_full(month) and _NAME_AFTER.match(ctx.text, m.end()):
            return None
        if word[0].islower() and not (mod or part) and not lower_ok:
            return None
    year = resolve_bare_month(month, mod, m.start(), ctx)
    if year is None:
        return None
    span = cal.part_of_month(year, month, part) if part else cal.month_span(year, month)
    return Hit(m.start(), m.end(), span, True, month, None, year_given=False) if span else None


@lru_cache(maxsize=12)
def month_name_full(month: int) -> str:
    return dt.date(2000, month, 1).strftime("%B").lower()


def _year(m: re.Match[str], ctx: Ctx) -> Hit | None:
    year, part = int(m["year"]), _part(m["part"])
    if _FISCAL.search(ctx.text[max(0, m.start() - 20) : m.start()]):
        return None
    if not (part or prep_before(ctx, m.start()) or _YEAR_FOLLOW.match(ctx.text[m.end() :]) or _year_adjective(m, ctx) or _listed_year(m, ctx)):
        return None
    if not part and _looks_like_a_label_or_count(m, ctx):
        return None
    span = cal.part_of_year(year, part) if part else cal.year_span(year)
    return Hit(m.start(), m.end(), span, False) if span else None


def _listed_year(m: re.Match[str], ctx: Ctx) -> bool:
    """"Djibo, Burkina Faso - 2023 (exact date disputed) - Attack on ...": a list entry's year field,
    between a spaced dash and a bracketed note."""
    return _DASH_BEFORE.search(ctx.text, max(0, m.start() - 3), m.start()) is not None and ctx.text.startswith(" (", m.end())


def _year_adjective(m: re.Match[str], ctx: Ctx) -> bool:
    """"a 2022 bombing", "a 2019 report": the year of the noun after it (not "a 2000 km road")."""
    return (_A_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()) is not None
            and _NOUN_NOT_UNIT.match(ctx.text, m.end()) is not None)


def _looks_like_a_label_or_count(m: re.Match[str], ctx: Ctx) -> bool:
    """"Route 2020", "Highway 1999" (a capitalised word that is no date word before the number)
    or "and 1980 rounds" (a list of counts)."""
    prev = _PREV_WORD.search(ctx.text, max(0, m.start() - 30), m.start())
    if prev is None:
        return False
    word = prev.group(1).lower()
    if word in ("a", "an"):
        return not _year_adjective(m, ctx)  # "A 2021 ambush" is a year, "A 2000-strong force" a count
    if prev.group(1)[0].isupper() and word not in _PREP_WORDS and month_value(word) is None:
        return True
    if word not in ("and", "or", "to") or _COUNT_AFTER.match(ctx.text, m.end()) is None:
        return False
    listed = _PREV_TOKEN.search(ctx.text, max(0, prev.start() - 30), prev.start())
    return listed is None or not re.fullmatch(YEAR, listed.group(1).strip(",;"))


def _year_range(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first, second_text = int(m["y1"]), m["y2"]
    second = int(second_text) if len(second_text) == 4 else first - first % 100 + int(second_text)
    if second <= first or (len(second_text) == 2 and second - first > 10):
        return None
    span = cal.range_span(dt.date(first, 1, 1), dt.date(second, 12, 31))
    return Hit(m.start(), m.end(), span, False) if span else None


_WD = rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?"
_MODS = ("this", "last", "next", "coming", "past", "previous")  # before a bare month
_SEP = r"(?:\s*,\s*|\s+|\s*[-/]\s*)(?:of\s+|in\s+)?"
RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"{initials(WEEKDAYS, MONTHS)}\b{_WD}(?P<mon>{MONTH})\s*(?:[-/]\s*|\s)\s*(?:the\s+)?(?P<day>(?<![\d.,]){DAY})\b"
                rf"(?:{_SEP}(?P<year>{YEAR}))?", _I), _mdy, "month", DAY_AFTER_MONTH),
    Rule(re.compile(rf"\b{_WD}(?:the\s+)?(?P<day>(?<![\d.,]){DAY})(?:\s+of)?\s*(?P<dsep>[-/.]\s*|\s)\s*"
                rf"(?P<mon>{MONTH})(?:{_SEP}(?P<year>{YEAR})|{_SOURCE_YEAR})?", _I), _dmy, "month", DAY_BEFORE_MONTH),
    Rule(re.compile(rf"(?<![\w/.]){_WD}(?P<year>{YEAR})(?P<sep>[-/.])(?P<mon>1[0-2]|0?[1-9]|{MONTH})"
                r"(?P=sep)(?P<day>3[01]|[12]\d|0?[1-9])(?!(?!T\d)[\w/]|-\d)", _I), _iso, "numeric month", YEAR_GATE),
    Rule(re.compile(rf"(?<![\w/.:,-]){_WD}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)"
                rf"(?P<year>{YEAR}|\d\d)(?![\w/]|[-.]\d)", _I), _numeric, "numeric"),
    Rule(re.compile(r"\b(?:on|from|to|till|until|since|next|this|by|and)\s+(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)"
                r"(?![\d/]|\.\d)", _I), _numeric_no_year, "numeric",
         NextTo("numeric", after=frozenset("/"), longest=2)),
    Rule(re.compile(rf"{initials(PART_WORDS, MONTHS)}\b(?:(?P<part>{_PART})[-\s]*)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})", _I),
     _month_year, "month", YEAR_GATE),
    Rule(re.compile(rf"(?<![\w/.-])(?P<mon>0[1-9]|1[0-2])[/-](?P<year>{YEAR})(?![\w/-])"), _month_year, "numeric", YEAR_GATE),
    Rule(re.compile(rf"{initials(_MODS, PART_WORDS, MONTHS)}\b(?:(?P<mod>{'|'.join(_MODS)})\s+|(?P<part>{_PART})[-\s]*)?"
                rf"(?P<mon>{MONTH})", _I), _bare_month, "month"),
    Rule(re.compile(rf"{initials(PART_WORDS, '12')}(?<![\w$\u00a3\u20ac.,/#-])(?:(?P<part>{_PART})[-\s]*)?(?P<year>{YEAR})"
                r"(?![\w/]|[.,]\d|-\d)", _I), _year, "year"),
    Rule(re.compile(rf"(?<![\w$.,/+-])(?P<y1>{YEAR})\s*[-\u2013~/]\s*(?P<y2>{YEAR}|\d\d)(?![\w/%]|[.,-]\d)", _I),
     _year_range, "year", gate("-", "\u2013", "~", "/")),
)
