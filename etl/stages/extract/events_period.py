"""How a date mention becomes an incident's period: a night over two days, two listed days, a short
span of written dates ("on 19-20 February"), a month's n-th week as its n-th seven days ("the first
week of March" is 1-7 March, not the Monday-to-Sunday week holding the 1st), the eve of a day, "a day after", an anniversary, "two years ago" and a dataset's "(month of)" label.

Two dates of one sentence may also tell one period (:func:`night_start`): "overnight Saturday into
Sunday", "between Saturday night and Sunday morning", "on Friday into Saturday", "began on Saturday
and lasted into Sunday" and two listed days ("on Monday and Tuesday") start on the first day."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

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
# "shortly after midnight on the night of 22 to 23 December": the text places the deed on the second day.
_AFTER_MIDNIGHT = searcher(r"\bafter\s+midnight\b[^.;\d]{0,30}$", re.I)
# "on 7 and 8 April", "April 14 and 15": two days listed (not a span, "between 25 and 27 March") start
# on the first, as a night over two days does (gold-coded so in dev5 and dev6).
_TWO_DAYS = re.compile(r"^(?!between\b)(?:on\s+)?(?:[a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+and\s+", re.I)
# "On 19-20 February, militants attacked", "fighting on May 3-4", "26–29 November", "between 10 and
# 12 June", "between Friday and Sunday": an incident told over a few written days starts on the
# first, as GTD and UCDP code a multi-day incident by its start (dev5, dev9, dev15, dev18 gold; dev3
# alone codes "between ... and ..." days as the month). Not a span the writer is unsure of ("sometime
# between ..."), nor a week or longer (a report's period, "covering 1-7 April"), nor a loose one
# ("over the weekend", kept whole for narrowing). Calibrated on dev18a: the longest was four days.
SPAN_DAYS = 3
_UNSURE = searcher(r"(?:some\s*time|at\s+some\s+point|at\s+an\s+unknown\s+date)\s+$", re.I)
# "two years ago", "three months ago": the dates stage counts back to a day, but the writer names only the
# year or month (an earlier incident's, in a feature: "Two years ago, a bomb in the same market killed 40").
_AGO = re.compile(r"\b(?:(?P<year>years?|decades?)|months?)\s+ago$", re.I)
# "marked on Sunday the first anniversary of the bombing": the incident was that many years before the day.
_ANNIVERSARY = re.compile(
    r",?\s+(?:the|its|their)\s+(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s+anniversary\b",
    re.I,
)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# "the 2019 attack left 22 dead", "a 2021 ambush", "the 2022 market bombing that killed 31": a year used
# as the adjective of one incident (singular) names that incident, not a year's total ("the 2019 attacks").
_YEAR_ARTICLE = searcher(r"\b(?:the|a|an|that|this)\s+$", re.I)
_YEAR_INCIDENT = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|strike|siege|killing|stampede|incident)\b(?!-)",
    re.I,
)
# "Jolo, Philippines - 2017 - kidnapping of six fishermen", "Kutum, Sudan – 2021 – Attack on a market": a list
# entry's year field, between spaced dashes (a bracketed note may follow it), before the incident it dates.
_FIELD_BEFORE = searcher(r"\s[-–—|]\s+$")
_FIELD_INCIDENT = re.compile(
    r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—|]\s+(?:[\w'’-]+\s+){0,2}?(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|"
    r"strike|siege|killing|stampede|incident|kidnapping|abduction)s?\b(?!-)",
    re.I,
)
# "Around 15 August 2020 (month of)": a dataset's precision label after a day widens it to its month.
_MONTH_OF = re.compile(r"\s*\(\s*month\s+of\s*\)", re.I)


_INTO = re.compile(r"\s+(?:into|to|and)\s+", re.I)
# "between Saturday night and Sunday morning", "on Friday into Saturday": over a night into the next day.
_NIGHT_INTO = re.compile(r"\s+(?:(?:night|evening)\s+(?:into|to|and|till|until)|(?:(?:morning|afternoon)\s+)?(?:into|till|until))\s+", re.I)
_LISTED = re.compile(r"\s+and\s+(?:on\s+)?", re.I)
# "began at 10pm on Saturday and lasted into Sunday", "stayed until dawn on Thursday", ", lasting into
# Monday": an incident running on from one day into the next starts on the first.
_RAN_INTO = re.compile(
    r"[\s,]+(?:[\w-]+\s+){0,2}?(?:and\s+(?:[a-z]+\s+){1,2}?|(?:lasting|continuing|raging|running|stretching)\s+(?:on\s+)?(?:well\s+)?)"
    r"(?:into|until|till|through)\s+(?:the\s+)?(?:(?:early|small)\s+hours\s+of\s+|(?:dawn|daybreak|morning)\s+(?:of\s+|on\s+)?)?(?:early\s+|late\s+)?(?:on\s+)?",
    re.I,
)
# "the first week of March", "the last week of next month": a coder's n-th seven days of the month.
_WEEK_OF_MONTH = re.compile(
    r"\b(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+of\s+(?:(?:this|next|last|the)\s+)?"
    r"(?:month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)
_WEEK_INDEX = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.I)


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
    if d.granularity != "range" or not 1 <= (d.end_date - d.start_date).days <= SPAN_DAYS:
        return False
    if not any(ch.isdigit() for ch in d.surface) and _WEEKDAY.search(d.surface) is None:  # (or "from Wednesday till Thursday")
        return False
    return _UNSURE.search(text, max(0, d.char_start - 24), d.char_start) is None


def _week_of_month(d: DateMention) -> Period | None:
    """"the first week of March": 1-7 March; "the last week of February": its last seven days."""
    m = _WEEK_OF_MONTH.search(d.surface) if d.granularity == "week" else None
    if m is None:
        return None
    month_last = month_end(d.end_date.year, d.end_date.month)  # (every n-th Monday-to-Sunday week ends in its month)
    if m["ord"].lower() == "last":
        return Period(month_last - dt.timedelta(days=6), month_last, "week", "text", d)
    start = d.end_date.replace(day=1) + dt.timedelta(weeks=_WEEK_INDEX[m["ord"].lower()])
    return Period(start, start + dt.timedelta(days=6), "week", "text", d)


def period_of(d: DateMention, text: str = "", *, night_text: str = "") -> Period:
    """The incident's period that ``d`` names, read with the words around it in ``text`` (or, for the
    night and eve cues only, ``night_text``)."""
    week = _week_of_month(d)
    if week is not None:
        return week
    ago = _AGO.search(d.surface) if d.granularity == "day" else None
    day = d.start_date
    if ago is not None and ago["year"]:
        return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year", "text", d)
    if (ago is not None or _MONTH_OF.match(text or night_text, d.char_end)) and d.granularity == "day":
        return Period(day.replace(day=1), month_end(day.year, day.month), "month", "text", d)
    if _overnight(d, text or night_text) or _short_span(d, text or night_text):  # "the night of 3-4 May", "on 3-5 May": 3 May
        day = d.end_date if _overnight(d, text or night_text) and _AFTER_MIDNIGHT.search(text or night_text, max(0, d.char_start - 50), d.char_start) else d.start_date
        return Period(day, day, "day", "text", d)
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


def night_start(text: str, best: DateMention, own: Sequence[DateMention]) -> DateMention:
    """"overnight Saturday into Sunday", "on the night of Friday and Saturday": the first day, the eve
    of the second (written on a Saturday, "the night of Saturday to Sunday" is last week's); two
    days listed without a night ("fighting on Monday and Tuesday") and a deed that ran on from one
    day into the next ("began on Saturday and lasted into Sunday") start on the first too."""
    for first in own:
        for second in own:
            if best not in (first, second) or first.char_end >= second.char_start:
                continue
            if days_apart(first, second) in (1, 2) and _RAN_INTO.fullmatch(text, first.char_end, second.char_start):
                return first  # "began on Saturday and lasted into Sunday"
            if days_apart(first, second) == 1 and _NIGHT_INTO.fullmatch(text, first.char_end, second.char_start):
                return first  # "between Saturday night and Sunday morning", "on Friday into Saturday"
            if not _INTO.fullmatch(text, first.char_end, second.char_start):
                continue
            if days_apart(first, second) == 1 and _AFTER_MIDNIGHT.search(text, max(0, first.char_start - 50), first.char_start):
                return second  # "just after midnight on the night of Friday to Saturday": Saturday
            if NIGHT_BEFORE.search(text, max(0, first.char_start - 20), first.char_start) is None:
                if _LISTED.fullmatch(text, first.char_end, second.char_start) and days_apart(first, second) in range(1, 7):
                    return first  # "fighting on Monday and Tuesday": two days listed start on the first
                continue
            eve = second.start_date - dt.timedelta(days=1)
            if first.start_date != eve and first.granularity == second.granularity == "day" and first.start_date.weekday() == eve.weekday():
                return replace(first, start_date=eve, end_date=eve, value=eve.isoformat())
            return first
    return best


def days_apart(first: DateMention, second: DateMention) -> int:
    if first.granularity != "day" or second.granularity != "day" or first.start_date is None or second.start_date is None:
        return 0
    return (second.start_date - first.start_date).days


def same_weekday(best: DateMention, own: Sequence[DateMention]) -> DateMention:
    """"Potiskum – 29 November 2013 – bombings at a mosque during Friday prayers": a bare weekday
    that an explicit date of the sentence falls on is that date (not the last such weekday before
    the report)."""
    name = _WEEKDAY.search(best.surface) if best.granularity == "day" and not any(ch.isdigit() for ch in best.surface) else None
    if name is None:
        return best
    day = _WEEKDAYS.index(name.group().lower())
    explicit = [d for d in own if d.granularity == "day" and any(ch.isdigit() for ch in d.surface) and d.start_date.weekday() == day]
    return explicit[0] if explicit else best


def names_incident_year(text: str, d: DateMention | None) -> bool:
    """Whether a year is the adjective of one named incident ("the 2019 attack", "a 2021 ambush") or a
    list entry's year field before it ("Tikrit - 2023 - Car bombing at a checkpoint")."""
    if d is None or d.granularity != "year" or not text:
        return False
    if _FIELD_BEFORE.search(text, max(0, d.char_start - 4), d.char_start) is not None and _FIELD_INCIDENT.match(text, d.char_end) is not None:
        return True  # (a list entry's year field)
    return _YEAR_ARTICLE.search(text, max(0, d.char_start - 6), d.char_start) is not None and _YEAR_INCIDENT.match(text, d.char_end) is not None
