"""Calendar arithmetic for the dates extractor: intervals for each granularity and their values.

Every function is pure and returns ``None`` instead of raising when the parts do not make a real
date (31 April, year outside the accepted window), so callers turn impossible readings into
"no date". Values follow TIMEX-like conventions: ``2024``, ``2024-06``, ``2024-06-10``,
``2024-W23`` (ISO week), ``2024-Q3``, ``2024-H1``, ``2022-SU`` (season), ``199`` for the 1990s
(TIMEX decade), and ``start/end`` for ranges.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from etl.records import Granularity

# Years outside this window are not treated as dates (a bare "1850" or "2300" is far more often
# a quantity or an identifier in news text than a year).
MIN_YEAR = 1900
MAX_YEAR = 2100

# Sub-periods of a year and of a month, as (first, last) month or day; "end of" means "late".
# Year thirds and month parts follow the Recognizers-Text conventions (early/mid/late).
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
MONTH_PARTS = {"early": (1, 15), "mid": (10, 20), "late": (16, 31)}
# The interval builders below are pure functions of a few small numbers, called for every
# candidate reading (several per date in the text): their results are memoised, up to this many
# per function (a news archive names far fewer distinct days, months and years than this).
CACHE_SIZE = 4096


@dataclass(frozen=True, slots=True)
class Span:
    """A resolved interval before it is tied to text."""

    value: str
    start: dt.date
    end: dt.date
    granularity: Granularity


@lru_cache(maxsize=CACHE_SIZE)
def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


@lru_cache(maxsize=CACHE_SIZE)
def make_day(year: int, month: int, day: int) -> dt.date | None:
    if not valid_year(year) or not 1 <= month <= 12:
        return None
    if not 1 <= day <= _month_length(year, month):
        return None
    return dt.date(year, month, day)


@lru_cache(maxsize=CACHE_SIZE)
def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _month_length(year, month))


@lru_cache(maxsize=CACHE_SIZE)
def day_span(day: dt.date) -> Span | None:
    if not valid_year(day.year):
        return None
    return Span(day.isoformat(), day, day, "day")


@lru_cache(maxsize=CACHE_SIZE)
def month_span(year: int, month: int) -> Span | None:
    if not valid_year(year) or not 1 <= month <= 12:
        return None
    return Span(f"{year:04d}-{month:02d}", dt.date(year, month, 1), month_end(year, month), "month")


@lru_cache(maxsize=CACHE_SIZE)
def year_span(year: int) -> Span | None:
    if not valid_year(year):
        return None
    return Span(f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


@lru_cache(maxsize=CACHE_SIZE)
def quarter_span(year: int, quarter: int) -> Span | None:
    if not valid_year(year) or not 1 <= quarter <= 4:
        return None
    first = 3 * quarter - 2
    return Span(f"{year:04d}-Q{quarter}", dt.date(year, first, 1), month_end(year, first + 2), "quarter")


@lru_cache(maxsize=CACHE_SIZE)
def half_span(year: int, half: int) -> Span | None:
    if not valid_year(year) or half not in (1, 2):
        return None
    first = 6 * half - 5
    return Span(f"{year:04d}-H{half}", dt.date(year, first, 1), month_end(year, first + 5), "half")


@lru_cache(maxsize=CACHE_SIZE)
def season_span(year: int, first_month: int, code: str) -> Span | None:
    if not valid_year(year) or not valid_year(year + 1):
        return None
    start = dt.date(year, first_month, 1)
    last = add_months(start, 2)
    return Span(f"{year:04d}-{code}", start, month_end(last.year, last.month), "season")


@lru_cache(maxsize=CACHE_SIZE)
def decade_span(first_year: int) -> Span | None:
    if not valid_year(first_year) or first_year % 10:
        return None
    last = min(first_year + 9, MAX_YEAR)
    return Span(f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(last, 12, 31), "decade")


@lru_cache(maxsize=CACHE_SIZE)
def week_span(day: dt.date) -> Span | None:
    monday = day - dt.timedelta(days=day.weekday())
    if not valid_year(monday.year) or not valid_year((monday + dt.timedelta(days=6)).year):
        return None
    iso_year, iso_week, _ = monday.isocalendar()
    return Span(f"{iso_year:04d}-W{iso_week:02d}", monday, monday + dt.timedelta(days=6), "week")


@lru_cache(maxsize=CACHE_SIZE)
def range_span(start: dt.date, end: dt.date) -> Span | None:
    if end < start or not valid_year(start.year) or not valid_year(end.year):
        return None
    return Span(f"{start.isoformat()}/{end.isoformat()}", start, end, "range")


@lru_cache(maxsize=CACHE_SIZE)
def part_of_year(year: int, part: str) -> Span | None:
    first, last = YEAR_PARTS[part]
    if not valid_year(year):
        return None
    return range_span(dt.date(year, first, 1), month_end(year, last))


@lru_cache(maxsize=CACHE_SIZE)
def part_of_month(year: int, month: int, part: str) -> Span | None:
    first, last = MONTH_PARTS[part]
    if not valid_year(year) or not 1 <= month <= 12:
        return None
    last = min(last, _month_length(year, month))
    return range_span(dt.date(year, month, first), dt.date(year, month, last))


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift by whole months, clamping the day to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = max(1, min(9999, year))
    return dt.date(year, month + 1, min(day.day, _month_length(year, month + 1)))


def shift(day: dt.date, amount: int, unit: str) -> dt.date | None:
    """``day`` moved by ``amount`` units (day, week, fortnight, month, quarter, year, decade)."""
    try:
        if unit == "day":
            return day + dt.timedelta(days=amount)
        if unit == "week":
            return day + dt.timedelta(weeks=amount)
        if unit == "fortnight":
            return day + dt.timedelta(weeks=2 * amount)
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}.get(unit)
        return add_months(day, amount * months) if months else None
    except OverflowError:
        return None


def period_span(unit: str, day: dt.date) -> Span | None:
    """The calendar period of kind ``unit`` that contains ``day``."""
    if unit == "day":
        return day_span(day)
    if unit == "week":
        return week_span(day)
    if unit == "month":
        return month_span(day.year, day.month)
    if unit == "quarter":
        return quarter_span(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return year_span(day.year)
    if unit == "decade":
        return decade_span(day.year - day.year % 10)
    return None


def resolve_month(month: int, published: dt.date, *, future: bool) -> int:
    """The year of a month named without one: the latest not after publication, or the
    earliest not before it when the clause speaks of the future."""
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def resolve_month_day(month: int, day: int, published: dt.date, *, future: bool) -> dt.date | None:
    """The year of a day-and-month without a year, by the same past/future rule (29 Feb skips
    to the nearest leap year in the chosen direction)."""
    step = 1 if future else -1
    year = published.year
    for _ in range(9):
        candidate = make_day(year, month, day)
        if candidate is not None and (candidate >= published if future else candidate <= published):
            return candidate
        year += step
    return None


def resolve_yearly(day_in: Callable[[int], dt.date | None], published: dt.date, *, future: bool,
                   strict: bool = False) -> dt.date | None:
    """A yearly day (a holiday, a feast) named without a year, ``day_in(year)`` giving its day:
    the latest on or before publication, or the first on or after it when ``future``; strictly
    before or after with ``strict`` ("last Christmas", "next Easter")."""
    days = [d for d in (day_in(y) for y in (published.year - 1, published.year, published.year + 1)) if d is not None]
    if future:
        return min((d for d in days if d > published or (d == published and not strict)), default=None)
    return max((d for d in days if d < published or (d == published and not strict)), default=None)


def resolve_weekday(weekday: int, published: dt.date, *, future: bool) -> dt.date:
    """A weekday named alone: the latest on or before publication (past), or the first strictly
    after it (future)."""
    if future:
        return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
