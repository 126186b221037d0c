"""How a date mention becomes an incident's period: a night over two days, two listed days, a short
span of written dates ("on 19-20 February"), the eve of a day, "a day after", an anniversary, "two years ago" and a dataset's "(month of)" label."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from etl.records import DateMention, Granularity
from etl.stages.extract.dates_calendar import add_months, month_end
from etl.stages.extract.events_regex import searcher

# "on Monday, a day after rebels raided the area", "a week after the massacre": the incident was that long before the date.
_DAYS_AFTER = re.compile(r"\s*,?\s*(?:the\s+day|(a|one|two|three|four|five|six|\d)\s+(?:days?|(?P<week>weeks?)))\s+after\b", re.I)
SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "on the eve of Saturday's election", "on the eve of Thursday's vote": the day before.
_EVE_OF = searcher(r"\bthe\s+eve\s+of\s+$", re.I)
# "the night of 3-4 May", "overnight on 24-25 December": a night over two days is the first day's.
NIGHT_BEFORE = searcher(r"\b(?:night|overnight)\b[^.;\d]{0,12}$", re.I)
_NIGHT_SPLIT = searcher(r"\b(?:(?:night|overnight)\s+(?:of\s+)?(\d{1,2})\s*[/–-]|on\s+(\d{1,2})\s+and)\s*$", re.I)
_NIGHT_AFTER = re.compile(r"\s*(?:\d{4}\s*)?(?:,\s*)?(?:at\s+)?night\b", re.I)
# "on 7 and 8 April", "April 14 and 15": two days listed (not a span, "between 25 and 27 March") start
# on the first, as a night over two days does (gold-coded so in dev5 and dev6).
_TWO_DAYS = re.compile(r"^(?!between\b)(?:on\s+)?(?:[a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+and\s+", re.I)
# "On 19-20 February, militants attacked", "fighting on May 3-4", "from 3 to 4 June": an incident told
# over two written days starts on the first, as one that began on a day and ended on the next is
# coded (dev3's notes, dev9). Not "between 10 and 12 June" (coded as the month in dev3, as the first
# day in dev5: kept whole, which a month's gold accepts), nor a span the writer is unsure of
# ("sometime between ..."), nor a loose one ("over the weekend", kept whole for narrowing).
SPAN_DAYS = 1
_BETWEEN = re.compile(r"(?:on\s+|in\s+)?between\b", re.I)
_UNSURE = searcher(r"(?:some\s*time|at\s+some\s+point|at\s+an\s+unknown\s+date)\s+$", re.I)
# "two years ago", "three months ago": the dates stage counts back to a day, but the writer names only the
# year or month (an earlier incident's, in a feature: "Two years ago, a bomb in the same market killed 40").
_AGO = re.compile(r"\b(?:(?P<year>years?|decades?)|months?)\s+ago$", re.I)
# "marked on Sunday the first anniversary of the bombing": the incident was that many years before the day.
_ANNIVERSARY = re.compile(
    r",?\s+(?:the|its|their)\s+(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s+anniversary\b",
    re.I,
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# "Around 15 August 2020 (month of)": a dataset's precision label after a day widens it to its month.
_MONTH_OF = re.compile(r"\s*\(\s*month\s+of\s*\)", re.I)


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    granularity: Granularity | None
    source: str  # "text" or "published"
    mention: DateMention | None = None


def _overnight(d: DateMention, text: str) -> bool:
    if d.granularity != "range" or (d.end_date - d.start_date).days != 1:
        return False
    if _TWO_DAYS.match(d.surface):
        return True
    return NIGHT_BEFORE.search(text, max(0, d.char_start - 20), d.char_start) is not None or _NIGHT_AFTER.match(text, d.char_end) is not None


def _short_span(d: DateMention, text: str) -> bool:
    if d.granularity != "range" or not 1 <= (d.end_date - d.start_date).days <= SPAN_DAYS or not any(ch.isdigit() for ch in d.surface):
        return False
    return _BETWEEN.match(d.surface) is None and _UNSURE.search(text, max(0, d.char_start - 24), d.char_start) is None


def period_of(d: DateMention, text: str = "", *, night_text: str = "") -> Period:
    """The incident's period that ``d`` names, read with the words around it in ``text`` (or, for the
    night and eve cues only, ``night_text``)."""
    ago = _AGO.search(d.surface) if d.granularity == "day" else None
    day = d.start_date
    if ago is not None and ago["year"]:
        return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year", "text", d)
    if (ago is not None or _MONTH_OF.match(text or night_text, d.char_end)) and d.granularity == "day":
        return Period(day.replace(day=1), month_end(day.year, day.month), "month", "text", d)
    if _overnight(d, text or night_text) or _short_span(d, text or night_text):  # "the night of 3-4 May", "on 3-5 May": 3 May
        return Period(d.start_date, d.start_date, "day", "text", d)
    split = _NIGHT_SPLIT.search(text or night_text, max(0, d.char_start - 20), d.char_start) if d.granularity == "day" else None
    if split is not None and int(split.group(1) or split.group(2)) == (d.start_date - dt.timedelta(days=1)).day:  # (or "on 7 and 8 April")
        day = d.start_date - dt.timedelta(days=1)  # "on the night of 2/3 October": 2 October (the date was read from "3 October")
        return Period(day, day, "day", "text", d)
    if d.granularity == "day" and _EVE_OF.search(text or night_text, max(0, d.char_start - 16), d.char_start):
        day = d.start_date - dt.timedelta(days=1)  # "on the eve of Saturday's election": Friday
        return Period(day, day, "day", "text", d)
    years = _ANNIVERSARY.match(text, d.char_end) if text and d.granularity == "day" else None
    if years is not None:  # "on Sunday, the second anniversary of the massacre": two years before
        n = int(years["n"]) if years["n"] else _ORDINALS.index(years["w"].lower()) + 1
        day = add_months(d.start_date, -12 * n)  # (29 February falls back to the 28th)
        return Period(day, day, "day", "text", d)
    shift = _DAYS_AFTER.match(text, d.char_end) if text and d.granularity == "day" else None
    if shift is not None:  # "found on Monday, a day after rebels raided the area": the raid was Sunday
        word = (shift.group(1) or "a").lower()
        days = (int(word) if word.isdigit() else SMALL_NUMBERS.get(word, 1)) * (7 if shift["week"] else 1)
        day = d.start_date - dt.timedelta(days=days)
        return Period(day, day, "day", "text", d)
    return Period(d.start_date, d.end_date, d.granularity, "text", d)
