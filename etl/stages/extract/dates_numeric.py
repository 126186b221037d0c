"""Numeric dates: "03/12/2015", "3/18/24", "on 5/12", compact "20161016" and spaced "2016 10 16".

Day/month order of "a/b" (both parts <= 12 is ambiguous) is decided, in this order, by:

1. a part > 12 (then there is no choice); a dotted date ("04.05.2025") is day first;
2. the ``day_first`` setting, when the caller turned it on;
3. another numeric date in the same text whose order is unambiguous ("14/03/2015 ... 03/12/2015":
   the writer puts the day first);
4. the publication date: a reading after it loses to one on or before it ("03/12/2015:
   Assailants detonated a bomb", published 14 March 2015, is 12 March, not 3 December), and in
   a clause about the future a reading before it loses to one on or after it;
   when both are on or before it, a reading in the ``RECENT_DAYS`` before publication beats one
   more than ``STALE_DAYS`` before it (news reports what just happened: "12/10/2017: a suicide
   bomber struck ... Turkey", published 11 December 2017, is 10 December, not 12 October); a date
   labelling an incident note ("02/01/2023: Gunmen opened fire ...", opening its line) needs the
   other reading only ``NOTE_STALE_DAYS`` old (a note is filed days after the incident, not a month);
5. the country the text names first (``[numeric_date_order]`` in ``dates_lexicon.toml``).

Two-digit years ("23/08/39"): in a clause about the future, the year in the
``FUTURE_YEARS_AHEAD`` years from the publication year ("I'll be back 23/08/39" in 2019 is 2039);
otherwise the latest year not after publication (a record dated "3/18/24" in 2025 is 2024).
Skipped without a publication date.

Compact and spaced ISO dates are taken only where a misread is unlikely: eight digits after a
date word ("dated 20161016", "on 20161016") and "2016 10 16" with zero-padded parts followed by
punctuation; phone numbers, IDs and counts ("call 20161016", "in 2016 10 people") are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import Ctx, Hit, Rule
from etl.stages.extract.dates_gates import NextTo
from etl.stages.extract.dates_news import day_first_text

# A two-digit year in a future clause may reach this many years past the publication year
# (a lease to "12/31/40", a plan for "23/08/39"); set by hand: further ahead, news rarely looks.
FUTURE_YEARS_AHEAD = 20
# Of two past readings of an ambiguous numeric date, one this recent beats one older than
# STALE_DAYS (set by hand: an incident report appears within days; readings six weeks apart
# leave little doubt, while "3/4" against "4/3", a month apart, is left to the country rule).
RECENT_DAYS = 7
STALE_DAYS = 45
# The same, for a date opening an incident note's line before a colon (set by hand: such notes are
# filed within days, so a reading four weeks or more older is the wrong one).
NOTE_STALE_DAYS = 25
# "02/01/2023:" opening a line: an incident note's date label.
_NOTE_LABEL = re.compile(r"[ \t]*:")
# Numeric dates with a year ("14/03/2015", "3-28-24"): evidence for the writer's order.
_FULL_NUMERIC = re.compile(r"(?<![\w/.:,-])(\d{1,2})([/-])(\d{1,2})\2(?:\d{4}|\d\d)(?![\w/]|[-.]\d)")
# Words after which eight digits are a compact date ("dated 20161016").
_COMPACT_BEFORE = re.compile(r"\b(?:on|dated|date|from|to|until|till|since|by|before|after|of)\s+$", re.IGNORECASE)


@lru_cache(maxsize=16)
def _order_in_text(text: str) -> bool | None:
    """True (day first) or False (month first) when the text's unambiguous numeric dates agree
    on an order; None when it has none or they disagree."""
    seen: set[bool] = set()
    for match in _FULL_NUMERIC.finditer(text):
        first, second = int(match[1]), int(match[3])
        if first > 12 and second <= 12:
            seen.add(True)
        elif second > 12 and first <= 12:
            seen.add(False)
    return seen.pop() if len(seen) == 1 else None


def day_first(first: int, second: int, ctx: Ctx, *, year: int | None = None, start: int = 0, dotted: bool = False, note: bool = False) -> bool:
    """Whether "first/second[/year]" is day/month (see the module docstring for the order)."""
    if second > 12:
        return False
    if first > 12 or dotted or ctx.day_first:
        return True
    written = _order_in_text(ctx.text)
    if written is not None:
        return written
    pub = ctx.published
    if year is not None and pub is not None and first != second:
        month_first, day_first_ = cal.make_day(year, first, second), cal.make_day(year, second, first)
        if month_first is not None and day_first_ is not None:
            if ctx.future(start) and (month_first < pub) != (day_first_ < pub):
                return month_first < pub  # a future clause: the reading before publication loses
            if not ctx.future(start) and (month_first > pub) != (day_first_ > pub):
                return month_first > pub
            stale = NOTE_STALE_DAYS if note else STALE_DAYS
            if not ctx.future(start) and (recent := _recent(month_first, day_first_, pub, stale)) is not None:
                return recent is day_first_
    return day_first_text(ctx.text)


def _recent(a: dt.date, b: dt.date, pub: dt.date, stale: int = STALE_DAYS) -> dt.date | None:
    """The one of two readings on or before ``pub`` that lies in its last ``RECENT_DAYS`` when
    the other lies more than ``stale`` days before it; else None."""
    ages = {a: (pub - a).days, b: (pub - b).days}
    for near, far in ((a, b), (b, a)):
        if 0 <= ages[near] <= RECENT_DAYS and ages[far] > stale:
            return near
    return None


def two_digit_year(digits: str, start: int, ctx: Ctx) -> int | None:
    """The year of "yy" (see the module docstring), or None without a publication date."""
    pub = ctx.published
    if pub is None:
        return None
    latest = pub.year - pub.year % 100 + int(digits)
    latest = latest if latest <= pub.year else latest - 100  # the latest not after publication
    ahead = latest + 100 if latest < pub.year else latest
    return ahead if ctx.future(start) and ahead <= pub.year + FUTURE_YEARS_AHEAD else latest


def numeric_parts(m: re.Match[str], ctx: Ctx) -> tuple[int, int, int] | None:
    """(month, day, year) of "a/b/yyyy", "a-b-yy", "a.b.yyyy" (groups ``a``, ``b``, ``sep``,
    ``year``), or None (a two-digit year without a publication date, or a dotted one)."""
    first, second, year_text = int(m["a"]), int(m["b"]), m["year"]
    if len(year_text) == 2:
        found = None if m["sep"] == "." else two_digit_year(year_text, m.start(), ctx)
        if found is None:
            return None
        year = found
    else:
        year = int(year_text)
    note = _NOTE_LABEL.match(ctx.text, m.end()) is not None and not ctx.text[ctx.text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
    order = day_first(first, second, ctx, year=year, start=m.start(), dotted=m["sep"] == ".", note=note)
    return (second, first, year) if order else (first, second, year)


def _day_hit(m: re.Match[str]) -> Hit | None:
    found = cal.make_day(int(m["year"]), int(m["mon"]), int(m["day"]))
    span = cal.day_span(found) if found else None
    return Hit(m.start(), m.end(), span, False) if span else None


def _compact(m: re.Match[str], ctx: Ctx) -> Hit | None:
    """"dated 20161016": eight digits are a date only right after a date word."""
    if _COMPACT_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()) is None:
        return None
    return _day_hit(m)


def _spaced(m: re.Match[str], ctx: Ctx) -> Hit | None:
    return _day_hit(m)


_MON = r"(?P<mon>0[1-9]|1[0-2])"
_DAY = r"(?P<day>0[1-9]|[12]\d|3[01])"
RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"(?<![\w/.,:+#$-])(?P<year>(?:19|20)\d\d){_MON}{_DAY}(?![\w/-]|[.,]\d)"), _compact, "compact"),
    Rule(re.compile(rf"(?<![\w/.,:+#$-])(?P<year>(?:19|20)\d\d) {_MON} {_DAY}(?=[.,;:!?)]|\s*$|\s*\n)"), _spaced, "year",
         NextTo("year", after=frozenset("01"))),
)
