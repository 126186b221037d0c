"""Named holidays: fixed days ("Christmas Eve", "St Patrick's Day", ``[holidays]``), days counted
by weekday ("Thanksgiving", "Labor Day", "Black Friday", ``[weekday_holidays]``, US calendar)
and "Independence Day" (the day of the first country the text names, ``[independence_day]``;
4 July when none is named).

A holiday with a year ("Thanksgiving 2023", "Independence Day of this year") is that year's. Without
one it is resolved like a yearless date: "last"/"next" fix the direction ("last Christmas" is the
latest strictly before publication), "this" takes the publication year, and otherwise the tense
of the clause decides (the latest on or before publication, or the first on or after it when the
clause speaks of the future). "Labor Day weekend" / "the weekend of Thanksgiving" is the holiday
with the weekend it touches (Saturday..Monday for a Monday holiday, the holiday..Sunday for a
Thursday to Saturday one); a holiday on a Tuesday or Wednesday has no weekend of its own.

Left out: Easter-based feasts (``dates_feasts``), and the Islamic calendar (Eid, Ramadan): their
days depend on moon sighting and differ by country by a day or two, so any computed day would be
invented precision.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import DATE_NAME_AFTER, HOLIDAYS, LEX, YEAR, Ctx, Hit, Rule, alternation, blocker, initials

_I = re.IGNORECASE
_BY_WEEKDAY: dict[str, tuple[int, int, int, int]] = {
    str(k): (int(v[0]), int(v[1]), int(v[2]), int(v[3])) for k, v in LEX["weekday_holidays"].items()  # type: ignore[index]
}
_INDEPENDENCE: dict[str, object] = dict(LEX["independence_day"])  # type: ignore[call-overload]
_DEFAULT_INDEPENDENCE = (int(_INDEPENDENCE["default"][0]), int(_INDEPENDENCE["default"][1]))  # type: ignore[index]
_INDEPENDENCE_BY_WORD: dict[str, tuple[int, int]] = {
    str(word): (int(day[0]), int(day[1]))
    for day, words in _INDEPENDENCE["countries"]  # type: ignore[attr-defined]
    for word in words
}
_COUNTRY = re.compile(rf"(?<![\w.])(?:{alternation(_INDEPENDENCE_BY_WORD)})(?!\w)", _I)
NAMES: tuple[str, ...] = (*HOLIDAYS, *_BY_WEEKDAY, "independence day")
# Names whose first word is an everyday adjective: lowercase, they need a year or "last"/"next"
# ("a black friday for markets").
_ADJECTIVE_FIRST = ("black ", "cyber ")
_NAME = alternation(NAMES).replace("'", "['\u2019]")
_HOLIDAY = re.compile(
    rf"{initials(('this', 'last', 'next', 'coming', 'past', 'the', 'weekend'), NAMES)}(?:\b(?P<mod>this|last|next|coming|past)\s+|\b(?P<wk>(?:the\s+)?weekend\s+of\s+)(?:the\s+)?)?"
    rf"\b(?P<name>{_NAME})(?!\w)(?P<we>\s+weekend\b)?"
    rf"(?:,?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year\b))?",
    _I,
)


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.lower().replace("\u2019", "'"))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The ``n``-th ``weekday`` of a month (n = -1: the last one)."""
    if not cal.valid_year(year):
        return None
    if n < 0:
        last = cal.month_end(year, month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def day_in(key: str, text: str) -> Callable[[int], dt.date | None]:
    """The function from a year to the holiday's day in that year."""
    if key in _BY_WEEKDAY:
        month, weekday, n, after = _BY_WEEKDAY[key]

        def counted(year: int) -> dt.date | None:
            found = nth_weekday(year, month, weekday, n)
            return found + dt.timedelta(days=after) if found else None

        return counted
    if key == "independence day":
        country = _COUNTRY.search(text)
        month, day = _INDEPENDENCE_BY_WORD[country.group().lower()] if country else _DEFAULT_INDEPENDENCE
    else:
        month, day = HOLIDAYS[key]
    return lambda year: cal.make_day(year, month, day)


def _which(days: Callable[[int], dt.date | None], m: re.Match[str], ctx: Ctx) -> dt.date | None:
    if m["year"]:
        return days(int(m["year"]))
    pub = ctx.published
    if pub is None:
        return None
    if m["rel"]:
        return days(pub.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()])
    mod = (m["mod"] or "").lower()
    if mod == "this":
        return days(pub.year)
    if mod in ("next", "coming", "last", "past"):
        return cal.resolve_yearly(days, pub, future=mod in ("next", "coming"), strict=True)
    return cal.resolve_yearly(days, pub, future=ctx.future(m.start()))


def _weekend(day: dt.date) -> cal.Span | None:
    """The holiday with the weekend it touches, or None (a Tuesday or Wednesday holiday)."""
    weekday = day.weekday()
    if weekday == 0:
        return cal.range_span(day - dt.timedelta(days=2), day)
    if weekday in (3, 4, 5):
        return cal.range_span(day, day + dt.timedelta(days=6 - weekday))
    return cal.range_span(day - dt.timedelta(days=1), day) if weekday == 6 else None


def _holiday(m: re.Match[str], ctx: Ctx) -> Hit | None:
    key = _key(m["name"])
    if key.startswith(_ADJECTIVE_FIRST) and m["name"][0].islower() and not (m["year"] or m["mod"] or m["rel"]):
        return None
    if not m["year"] and not m["rel"] and DATE_NAME_AFTER.match(ctx.text, m.end()):  # "Independence Day Stadium"
        return blocker(m.start(), m.end())
    day = _which(day_in(key, ctx.text), m, ctx)
    if day is None:
        return None
    relative = not m["year"]
    if m["wk"] or m["we"]:
        weekend = _weekend(day)
        if weekend is not None:
            return Hit(m.start(), m.end(), weekend, relative)
        if m["wk"]:
            return None
    span = cal.day_span(day)
    end = m.end("name") if m["we"] else m.end()
    return Hit(m.start("mod") if m["mod"] else m.start("name"), end, span, relative) if span else None


RULES: tuple[Rule, ...] = (Rule(_HOLIDAY, _holiday, "holiday"),)
