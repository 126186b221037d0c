"""Find dates and periods in news text and resolve each to an honest inclusive interval.

Public: :func:`extract_dates`, :func:`dateline_day`.

How it works: one tokenising pass finds trigger tokens (month and weekday names, years,
"yesterday", "quarter"...); compiled regexes (``dates_explicit``, ``dates_relative``,
``dates_ranges``, ``dates_anchored``, ``dates_words``, ``dates_news``, ``dates_numeric``, ``dates_holidays``,
``dates_ordinals``, ``dates_weeks``) run only on windows around their own
triggers and where their cheap gate (``dates_gates``: a word, a day next to a month name...
that every match contains) passes, and propose candidate spans with their reading;
overlapping candidates keep the longest (ties: rule order); impossible dates ("31 April
2024") block shorter readings inside them; listed periods share a trailing year; neighbours written as ranges are merged; "since X"
and "X to date" are closed at publication; then dates written relative to the one before them
("the next day", "the following year", "on the 15th") are read (``dates_related``). No clock, and no dateparser: each rule already knows
which part is the day, month and year (dateparser would fill missing parts and is ~30x slower),
and ``datetime.date`` validates.

Policy (each point has golden tests in ``tests/stages/test_dates*.py``):

* Interval and granularity: "in 2024" is 2024-01-01..2024-12-31 (``year``), never a day.
  Values are TIMEX-like: ``2024``, ``2024-06``, ``2024-06-10``, ``2024-W23`` (ISO week,
  Monday..Sunday), ``2024-Q3``, ``2024-H1``, ``2022-SU`` (season), ``199`` (the 1990s), and
  ``start/end`` (ISO days) for ``range`` (from-to, rolling windows, "early 2024"...).
* Seasons are northern meteorological: spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter
  Dec YYYY-Feb YYYY+1. Early/mid/late of a year: Jan-Apr / May-Aug / Sep-Dec ("the end of" =
  late); of a month: 1-15 / 10-20 / 16-end; of a decade: years 0-3 / 3-6 / 6-9.
* Tense: a month, day-and-month, weekday, quarter or season named without a year resolves to
  the latest one on or before the publication date, unless its clause is future ("will",
  "is due to", "plans to", "scheduled", "expected to", a request such as "please schedule",
  "can I", "could you", "schedule a", a modal "may"/"might" before a verb but "have"/"been", "would", "is set for", "pending", "ahead
  of", "to begin", "must"...; or a present-tense scheduled-event verb right before the date:
  "reopens on April 20", "Ghanaians vote on Saturday", "comes into force on 1 October", "apply
  from 1 April", but not a noun: "the vote on Saturday"; "pushed to November", "the next hearing";
  a later reporting/past cue such as "said" cancels it; a date opening its sentence takes the
  first cue after it: "On Friday, the board will publish ..." but "On Friday, the minister said",
  and not "would"), in which case it resolves to the first
  one on or after it (weekdays: strictly after, but "until Friday" written on a Friday is
  that day). A present-tense period running to a date ("runs until 30 September", "lasts
  until Monday", "was extended until Sunday") is future. "on the 15th" is day 15 of the
  month of the day or month written before it, else of the publication's month by tense (none
  after a year: "in 2019 ... on the 15th"; none for "the 15th floor"). South Asian "Monday next" / "Monday last" are
  the first Monday after / before publication; "the 18th instant" is day 18 of the publication
  month, "the 12th ultimo" of the month before.
* Fiscal and split years (``dates_news``): "2025-26", "2023/24", "FY2024-25", "the current
  fiscal year" are 12 months from the start month of the country the text names first (India,
  Japan, UK, Canada: April; Pakistan, Bangladesh, Kenya, Australia, Egypt: July; US federal:
  October; none named: July, see ``[fiscal_year_start]``), never 24 months. "the year to
  October" / "the three months to June" / "the fiscal year that ended in March" / "the quarter
  ended Sept. 30" / "the half-year to December" are the months ending with the named one; "the September quarter" is the quarter ending with September.
* Anchored to a date of the text: "the same month/quarter/period last year" (or "a year
  earlier") is the date before it, a year back; "the next day", "two days later", "five years
  later" (= that calendar year), "a decade later" count from the date before them, and "the
  same day/week/month/year", "that same day", "later/earlier that year", "on that day" are the
  period holding it (a day's month, a month's year; not "the same day as the vote"), "That
  night," its day, and "the following year/month/week", "the month before" the calendar period
  next to it, even from the sentence before ("The dam opened in 2019. The following year ...";
  publication only when no date comes before); a comparison base ("up 9% from 2023") is no
  anchor, and a past clause's relation falling after publication is dropped (within
  ``dates_related.ANCHOR_REACH`` characters, not across a paragraph; never from publication).
  "five weeks after the Feb. 6 earthquakes" is a duration after an event: the date is Feb. 6
  (in the year nearest publication moved by the duration); a range joins two dates, so "March 14
  - Five weeks after ..." is no range. "next/last/this" fix the direction explicitly; "next Friday" and
  "last Wednesday" are the weekdays of the next and previous calendar weeks; "from Thursday to
  Sunday" is one run of days (in a past clause the latest before publication); a weekday written
  with a yearless date ("Saturday, August 23") picks the year in which the two agree.
* Relative expressions ("yesterday", "last year", "two years ago" = the day two years before
  publication, but "two decades ago" = that year) need the publication date: when it is None they are skipped, never filled from
  today (a publication date outside 1901..2099 counts as unknown). Rolling windows ("the past
  three months") end the day before publication; "since 2021" runs from 2021-01-01 to the
  publication date; "after 2018" from 2019-01-01 to the publication date; "before 2010" gives no
  interval (the year would be wrong and the start is unknown), but "before the end of February"
  is a deadline in late February and keeps that date; "two weeks after 3 March 2024" is
  shifted from its anchor; "for three days starting Monday" / "a 5-day curfew beginning 1 March"
  is that many days from the day (but "3 days from Monday", without "for", is a day).
* A wire dateline with a day ("SRINAGAR, Sept 3:", "BAGHDAD, April 23 (INA) -", "KISUMU,
  Thursday -") says when the report was written, often the day before publication: that day
  (a yearless one taken on or before publication; one after publication is ignored) replaces
  the publication date as the reference of everything above (:func:`dateline_day`).
* Not dates: "may"/"march"/"august" as words (a bare ambiguous month needs a date preposition,
  and lowercase needs punctuation after it), "Sunday Times", "Bloody Sunday", bare numbers,
  percentages, durations ("25 years", "seven weeks"); "seven weeks after X" is skipped
  (anchored to X, not to the publication date). A four-digit number is a year only in
  1900..2100 and only after a date word ("in", "since", "the"...) or before punctuation.
* Numeric dates (``dates_numeric``): a part > 12 decides day/month order; otherwise, in turn,
  the ``day_first`` setting (when on), an unambiguous numeric date elsewhere in the text, the
  publication date (in a past or neutral clause a reading after it loses to one on or before it:
  "03/12/2015: a bomb exploded", published 14 March 2015, is 12 March; in a future clause the
  reverse), and the first country
  the text names ("NEW DELHI: ... on 10/03/2023" is 10 March, ``[numeric_date_order]``; none:
  month first, US wire style); dotted dates (22.08.2025) are day first. Two-digit years resolve
  to the latest year not after publication, or in a future clause to one up to
  ``dates_numeric.FUTURE_YEARS_AHEAD`` years ahead (skipped without a publication date).
  Two numeric days joined by a dash ("10/1-11/2/2017", "10/1/2018-10/7/2018", ISO
  "2018-10-01/2018-10-07") are a range in one order; a yearless
  pair ("on 6/12-6/15") only after a date word ("1/2-3/4 cup" and "6/4-6/3" are no dates).
  Compact "20161016" only after a date word ("dated", "on"...), spaced "2016 10 16" only
  zero-padded and before punctuation.
* Holidays (``dates_holidays``): fixed days ("Christmas Eve"), US weekday-counted ones
  ("Thanksgiving", "Labor Day", "Black Friday"), "Independence Day" of the country the text
  names (default 4 July), resolved by year, "last/next/this" or tense; "Labor Day weekend" adds
  the weekend it touches. Easter feasts: ``dates_feasts``. No Islamic-calendar days (moon sighting).
* Ordinal parts (``dates_ordinals``): "the third month of 2021", "the 15th day of June", "the
  last 2 weeks of this year", and centuries ("the 15th century" = 1400..1499), the only dates
  before 1900. Weeks (``dates_weeks``): "next week Mon", weekdays listed after it in the same
  week, "Friday (Nov. 1)", "this working week" (Mon-Fri), "the next 3 business days".
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from etl.records import DateMention
from etl.stages.extract import (
    dates_anchored,
    dates_daylists,
    dates_explicit,
    dates_feasts,
    dates_holidays,
    dates_news,
    dates_numeric,
    dates_ordinals,
    dates_periods,
    dates_ranges,
    dates_related,
    dates_relative,
    dates_weeks,
    dates_words,
)
from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import Ctx, Hit, Rule
from etl.stages.extract.dates_triggers import trigger_positions

_RULES: tuple[Rule, ...] = (
    dates_ranges.RULES + dates_news.RULES + dates_explicit.RULES + dates_periods.RULES + dates_holidays.RULES + dates_anchored.RULES + dates_relative.RULES + dates_weeks.RULES + dates_ordinals.RULES + dates_words.RULES
    + dates_feasts.RULES + dates_numeric.RULES
)
# The rules by trigger names, with their priorities (ties between equally long readings go to
# the earlier rule) and their patterns compiled with re.ASCII, for texts where that changes no
# match (``Ctx.plain``): ASCII text without the control characters \x1c-\x1f, which Unicode \s
# matches. There \w, \b, \d, \s and IGNORECASE take their ASCII forms, about a quarter faster
# (calibrated on benchmarks/synth.py news).
_BY_TRIGGERS: dict[str, list[tuple[int, Rule, re.Pattern[str]]]] = {}
for _priority, _rule in enumerate(_RULES):
    _ascii = re.compile(_rule.pattern.pattern, (_rule.pattern.flags & ~re.UNICODE) | re.ASCII)
    _BY_TRIGGERS.setdefault(_rule.triggers, []).append((_priority, _rule, _ascii))
# Every rule's regex runs only on text around its trigger tokens: this many characters before
# and after each. Longer than any date expression reaches beyond its trigger ("Wednesday, the
# 31st of " before a month; "April the ninth till the seventeenth" after it); a range with two
# triggers gets merged windows. Calibrated on the Recognizers-Text dev set (no loss at 30/40).
WINDOW_BEFORE = 30
WINDOW_AFTER = 40
# Prepositions folded into a date's surface, as in CONTRACT.md's example "in 2024".
_PREFIX = re.compile(r"\b(?:in|on|during)\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s\b")  # "in Thursday's bombing": the "in" belongs to the noun
# Cheap gate: text without a digit or any date word cannot contain a date.
_GATE = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|quarter|half|spring|"
    r"summer|autumn|fall|winter|night|morning|evening|afternoon|christmas|new year|valentine|"
    r"halloween|thanksgiving|easter|ties|century|tonight|ago|tomorrow|\b(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\b",
    re.IGNORECASE,
)
# The same test on ``Ctx.lowered`` without IGNORECASE (same verdict): the engine then skips
# branches by their first character, about four times faster on a text without a date.
_GATE_LOWERED = re.compile(_GATE.pattern)
# An ASCII digit passes the gate: the engine skips to one at C speed (most news has one early),
# where the gate's alternation is tried at every position before it.
_ASCII_DIGIT = re.compile("[0-9]")
# A headline line this short may stand above the dateline.
_HEADLINE_CHARS = 160
# A wire dateline with a day ("SRINAGAR, Sept 3:", "BAGHDAD, April 23 (INA) -", "ADEN, 19 February -",
# "KISUMU, Thursday -"): the city (capitals, or a capitalised name before a month-led date), a comma,
# a short date part, an optional agency, then a dash or colon.
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+){0,3}|[A-Z][\w.'\u2019-]+(?:\s[A-Z][\w.'\u2019-]+){0,2}(?=,\s*\d{0,2}\s*[A-Z][a-z]{2}))"
    r"(?:,\s*[A-Z][A-Za-z.'\u2019 -]{1,30})?,\s*(?P<date>[\w. ,]{3,30}?)\s*(?:\([^()\n]{1,30}\)\s*)?(?:[-\u2013\u2014]+|:)\s"
)


def _windows(names: str, triggers: dict[str, list[tuple[int, int]]], size: int) -> list[tuple[int, int]]:
    """Merged spans of text around the trigger tokens ``names`` (space separated)."""
    groups = [triggers[name] for name in names.split() if name in triggers]
    if not groups:
        return []
    spans = groups[0] if len(groups) == 1 else sorted(span for group in groups for span in group)  # each is in order
    merged: list[tuple[int, int]] = []
    for first, last in spans:
        start, end = max(0, first - WINDOW_BEFORE), min(size, last + WINDOW_AFTER)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _candidates(ctx: Ctx) -> list[tuple[int, Hit]]:
    """Every rule's readings in its windows (rules sharing trigger names share windows and gate
    results); the priority is the rule's index in ``_RULES``."""
    found: list[tuple[int, Hit]] = []
    text, lowered = ctx.text, ctx.lowered
    triggers = trigger_positions(text, lowered)
    for names, rules in _BY_TRIGGERS.items():
        for start, end in _windows(names, triggers, len(text)):
            admitted: dict[int, bool] = {}  # id of a gate -> its verdict on this window
            for priority, (pattern, handler, _, needs), ascii_pattern in rules:
                if needs is not None and lowered is not None:
                    verdict = admitted.get(id(needs))
                    if verdict is None:
                        verdict = admitted[id(needs)] = needs.admits(lowered, start, end, triggers)
                    if not verdict:
                        continue
                for match in (ascii_pattern if ctx.plain else pattern).finditer(text, start, end):
                    hit = handler(match, ctx)
                    if hit is not None and hit.end > hit.start and hit.span.start <= hit.span.end:
                        found.append((priority, hit))
    return found


def _select(found: list[tuple[int, Hit]]) -> list[Hit]:
    """Longest candidates first (ties: earlier rule), dropping any that overlap a kept one."""
    starts: list[int] = []
    kept: list[Hit] = []
    for _, hit in sorted(found, key=lambda item: (item[1].start - item[1].end, item[0], item[1].start)):
        index = bisect.bisect_right(starts, hit.start)
        if index and kept[index - 1].end > hit.start:
            continue
        if index < len(kept) and kept[index].start < hit.end:
            continue
        starts.insert(index, hit.start)
        kept.insert(index, hit)
    return kept


def _mention(text: str, hit: Hit) -> DateMention:
    start = hit.start
    prefix = _PREFIX.search(text, max(0, start - 8), start)
    if prefix is not None and not _POSSESSIVE.match(text, hit.end):
        start = prefix.start()
    return DateMention(
        char_start=start,
        char_end=hit.end,
        surface=text[start : hit.end],
        value=hit.span.value,
        start_date=hit.span.start,
        end_date=hit.span.end,
        granularity=hit.span.granularity,
        relative=hit.relative,
    )


def extract_dates(text: str, *, published: dt.date | None, day_first: bool = False) -> list[DateMention]:
    """Every date or period in ``text``, sorted by ``char_start``, resolved against
    ``published`` (see the module docstring for the policy), or against the day of the text's
    own dateline (:func:`dateline_day`). Never raises on text input."""
    if not text:
        return []
    if published is not None and not cal.MIN_YEAR < published.year < cal.MAX_YEAR:
        published = None
    return _extract(text, dateline_day(text, published=published, day_first=day_first) or published, day_first=day_first)


def dateline_day(text: str, *, published: dt.date | None, day_first: bool = False) -> dt.date | None:
    """The day a wire dateline ("SRINAGAR, Sept 3:", "KISUMU, Thursday -") says the report was
    written, resolved against ``published`` (a yearless day is the latest one on or before it), or
    None. Reports are often filed the day before they are published: "today", "yesterday" and
    weekdays in the text count from the dateline's day."""
    if published is None:
        return None
    line = _DATELINE.match(text) if text[:1].isupper() or text[:1].isspace() else None
    headline_end = text.find("\n", 0, _HEADLINE_CHARS) if line is None else -1
    if headline_end > 0:  # "Gunmen kill 5 in Plateau\n\nJOS, June 9 -": the dateline opens the story under its headline
        line = _DATELINE.match(text, headline_end)
    if line is None:
        return None
    found = _extract(text[: line.end()], published, day_first=day_first)
    day = next((d for d in found if d.char_start >= line.start("date") and d.granularity == "day"), None)
    if day is None or text[line.start("date") : day.char_start].strip(" ,") or day.start_date > published:
        return None
    return day.start_date


def _extract(text: str, published: dt.date | None, *, day_first: bool) -> list[DateMention]:
    ctx = Ctx.of(text, published, day_first=day_first)
    if _ASCII_DIGIT.search(text) is None and (
            _GATE.search(text) if ctx.lowered is None else _GATE_LOWERED.search(ctx.lowered)) is None:
        return []
    hits = [hit for hit in _select(_candidates(ctx)) if not hit.blocked]
    hits = dates_anchored.apply_anchors(hits, ctx)
    hits = dates_ranges.merge_ranges(dates_weeks.same_week(dates_ranges.coordinate_years(hits, ctx), ctx), ctx)
    hits = dates_related.relate(dates_daylists.listed_days(hits, ctx), ctx)
    bounded = (dates_ranges.open_bound(hit, ctx) for hit in hits)
    return [_mention(text, hit) for hit in bounded if hit is not None]
