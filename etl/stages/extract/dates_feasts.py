"""Moving feasts tied to Easter ("Good Friday", "Easter Monday 2019", "three months after
Easter" via the anchored shift): Easter Sunday by the Gregorian computus, then an offset in days.
A feast without a year is resolved like any yearless day (past unless the clause is future)."""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import LEX, YEAR, Ctx, Hit, Rule

_I = re.IGNORECASE
OFFSETS: dict[str, int] = {str(k): int(v) for k, v in LEX["easter_offsets"].items()}  # type: ignore[call-overload]
_NAMES = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(OFFSETS, key=len, reverse=True))


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def feast_day(name: str, year: int) -> dt.date | None:
    if not cal.valid_year(year):
        return None
    return easter_sunday(year) + dt.timedelta(days=OFFSETS[re.sub(r"\s+", " ", name.lower())])


def _feast(m: re.Match[str], ctx: Ctx) -> Hit | None:
    first = m["name"].split()[0]
    if first.lower() != "easter" and not first[0].isupper():  # "a good Friday for markets"
        return None
    if m["year"]:
        day = feast_day(m["name"], int(m["year"]))
        span = cal.day_span(day) if day else None
        return Hit(m.start(), m.end(), span, False) if span else None
    pub = ctx.published
    if pub is None:
        return None
    chosen = cal.resolve_yearly(lambda year: feast_day(m["name"], year), pub, future=ctx.future(m.start()))
    span = cal.day_span(chosen) if chosen else None
    return Hit(m.start(), m.end(), span, True) if span else None


RULES: tuple[Rule, ...] = (
    Rule(re.compile(rf"\b(?P<name>{_NAMES})\b(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?", _I), _feast, "feast"),
)
