"""A bare weekday that is the report's own weekday: that day, or the same weekday a week before.

"The convoy was attacked on Monday", in a story published on a Monday, reads as that day; but when
the story tells of steps taken after the deed on earlier days ("by the weekend, the government said
24 had died", "the group claimed the attack on Thursday"), the deed cannot be the report's day: it
is the Monday a week before. A plainly same-day story ("today", "this morning") keeps the day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from etl.records import DateMention
from etl.stages.extract.events_period import Period
from etl.stages.extract.events_stated import stated_on

if TYPE_CHECKING:
    from etl.stages.extract.events_context import ClaimContext

# A claim of responsibility, told after the deed: its day is the claim's more often than the deed's.
RESPONSIBILITY = re.compile(
    r"\bclaim(?:ed|s)\s+(?:responsibility\s+for\s+|credit\s+for\s+)?(?:the|this|that)\s+(?:[\w-]+\s+)?"
    r"(?:attack|bombing|blast|ambush|raid|assault|killings?)\b",
    re.I,
)
_WEEKDAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# Words of a story told on the day of the deed.
_SAME_DAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+in\s+the\s+day)\b", re.I)
_WEEK = 7


def _later_step(c: ClaimContext, d: DateMention, day: dt.date) -> bool:
    """A date in the week before ``day`` that tells a statement, a count or a claim of responsibility."""
    if d.start_date >= day or (day - d.end_date).days >= _WEEK or d.granularity not in ("day", "range", "week"):
        return False
    if stated_on(c.text, d):
        return True
    before = c.text[max(0, d.char_start - 60) : d.char_start]
    return RESPONSIBILITY.search(before) is not None


def week_earlier(c: ClaimContext, period: Period) -> Period:
    """The period, or the same weekday a week before when it is a bare weekday read as the report's
    day and the story tells steps after the deed on days before it."""
    d = period.mention
    day = c.reported or c.published
    if d is None or day is None or period.granularity != "day" or period.start != day:
        return period
    if any(ch.isdigit() for ch in d.surface) or _WEEKDAY.search(d.surface) is None or _SAME_DAY.search(c.text):
        return period
    if not any(_later_step(c, other, day) for found in c.dates.values() for other in found):
        return period
    earlier = day - dt.timedelta(days=_WEEK)
    return Period(earlier, earlier, "day", period.source, d)
