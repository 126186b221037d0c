"""Days listed under one month: "on March 3, 4 and 7", "on 5 and 9 March", "on November 2 or 9".

The rules read one day with its month ("March 3", "9 March"); two consecutive days joined by
"and" are one period (:mod:`dates_ranges`). The other days of such a list have no month of their
own: each becomes a day of the same month and year, so that none is left for the quantities to
read as a count. "on November 2 and 3 others" and "on 5 March 4 soldiers" stay counts: a day list
ends with the connector and a day, and a plural noun after the last one makes it a count.
"""

from __future__ import annotations

import re

from etl.stages.extract import dates_calendar as cal
from etl.stages.extract.dates_base import Ctx, Hit

# A day of the month in a list, and a whole list ("3, 4 and 7"); the numbers stage reads the same
# lists (numbers_lexicon: their days are not counts).
DAY_TOKEN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
LISTED_DAYS = rf"{DAY_TOKEN}(?:\s*,\s*{DAY_TOKEN})*\s*,?\s+(?:and|or|&)\s+{DAY_TOKEN}(?![\w:%/-]|[.,]\d|\s*%)"
# Words ending in "s" that are not plurals (shared with numbers_lexicon's count-noun test).
NOT_PLURAL = (r"(?:was|has|is|its|this|his|as|us|does|always|perhaps|plus|thus|across|whereas|unless|less"
              r"|besides|towards|afterwards|says)")
# After "March 3": ", 4 and 7" / " or 9" (the last day ends the list: not "4.5", "9:30", "7%").
_DAYS_AFTER = re.compile(rf"(?:\s*,\s*{DAY_TOKEN}(?![\w.:%/-]|\s*%))*\s*,?\s+(?:and|or|&)\s+{DAY_TOKEN}(?![\w:%/-]|[.,]\d|\s*%)")
# Before "9 March": "5 and " / "3, 4 and " (searched in the characters before the day).
_DAYS_BEFORE = re.compile(rf"(?<![\w.,:/$\u00a3\u20ac-]){DAY_TOKEN}(?:\s*,\s*{DAY_TOKEN})*\s*,?\s+(?:and|or|&)\s+$")
_DAY_DIGITS = re.compile(r"\d{1,2}")
# A count, not a day, when these follow the last number: "2 and 3 others", "and 4 soldiers".
COUNT_AFTER = re.compile(
    r"\s+(?:people|persons|men|women|children|police|personnel|staff|others?|more)\b"
    rf"|\s+(?!{NOT_PLURAL}\b)[a-z]+[^s\W']s\b"
)
# How many characters before a day-first date a list of days may start ("1, 2, 3 and 4 ").
LIST_WIDTH = 40
# A month-first date ends with its day ("March 3", "March 3rd"); a day-first one starts with it.
_ENDS_WITH_DAY = re.compile(r"\d(?:st|nd|rd|th)?$")


def _day(hit: Hit, day: int, start: int, end: int) -> Hit | None:
    found = cal.make_day(hit.span.start.year, hit.month or 0, day)
    span = cal.day_span(found) if found else None
    return Hit(start, end, span, hit.relative, hit.month, day, year_given=hit.year_given) if span else None


def _after(hit: Hit, ctx: Ctx) -> list[Hit]:
    """Days listed after a month-first date ("March 3, 4 and 7")."""
    if _ENDS_WITH_DAY.search(ctx.text, max(0, hit.end - 4), hit.end) is None:
        return []
    m = _DAYS_AFTER.match(ctx.text, hit.end)
    if m is None or COUNT_AFTER.match(ctx.text, m.end()):
        return []
    days = (_day(hit, int(d.group()), hit.end + d.start(), hit.end + d.end())
            for d in _DAY_DIGITS.finditer(m.group()))
    return [d for d in days if d is not None]


def _before(hit: Hit, ctx: Ctx) -> list[Hit]:
    """Days listed before a day-first date ("5 and 9 March")."""
    if not ctx.text[hit.start : hit.start + 1].isdigit():
        return []
    left = max(0, hit.start - LIST_WIDTH)
    m = _DAYS_BEFORE.search(ctx.text, left, hit.start)
    if m is None:
        return []
    days = (_day(hit, int(d.group()), m.start() + d.start(), m.start() + d.end())
            for d in _DAY_DIGITS.finditer(m.group()))
    return [d for d in days if d is not None]


def listed_days(hits: list[Hit], ctx: Ctx) -> list[Hit]:
    """``hits`` with the other days of each day list added (sorted; none overlaps another)."""
    added: list[Hit] = []
    for hit in hits:
        if hit.span.granularity != "day" or hit.month is None or hit.day is None:
            continue
        added.extend(_after(hit, ctx) + _before(hit, ctx))
    if not added:
        return hits
    out = sorted(hits + [h for h in added if not any(h.start < o.end and o.start < h.end for o in hits)],
                 key=lambda h: h.start)
    return [h for i, h in enumerate(out) if i == 0 or out[i - 1].end <= h.start]
