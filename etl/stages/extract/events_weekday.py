"""A bare weekday that is the report's own weekday: that day, or the same weekday a week before.

"The convoy was attacked on Monday", in a story published on a Monday, reads as that day; but when
the story tells of steps taken after the deed on earlier days ("by the weekend, the government said
24 had died", "the group claimed the attack on Thursday"), the deed cannot be the report's day: it
is the Monday a week before. A plainly same-day story ("today", "this morning") keeps the day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from etl.records import DateMention
from etl.stages.extract.events_period import Period

if TYPE_CHECKING:
    from etl.stages.extract.events_lookups import ClaimContext

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


def later_steps(text: str, dates: Sequence[DateMention], stated: frozenset[int]) -> tuple[DateMention, ...]:
    """The days (or short spans) of an article that tell a statement (``stated``: their starts), a
    count or a claim of responsibility: steps taken after the deed (read once per article)."""
    return tuple(
        d for d in dates
        if d.granularity in ("day", "range", "week") and (d.char_start in stated or RESPONSIBILITY.search(text[max(0, d.char_start - 60) : d.char_start]))
    )


def week_earlier(c: ClaimContext, period: Period) -> Period:
    """The period, or the same weekday a week before when it is a bare weekday read as the report's
    day and the story tells steps after the deed on days before it."""
    d = period.mention
    day = c.reported or c.published
    if d is None or day is None or period.granularity != "day" or period.start != day:
        return period
    if any(ch.isdigit() for ch in d.surface) or _WEEKDAY.search(d.surface) is None:
        return period
    if not any(step.start_date < day and (day - step.end_date).days < _WEEK for step in c.steps) or _SAME_DAY.search(c.text):
        return period
    earlier = day - dt.timedelta(days=_WEEK)
    return Period(earlier, earlier, "day", period.source, d)
