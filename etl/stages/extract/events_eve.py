"""The eve of an occasion whose day another sentence tells: the day before it.

"The election was held on Sunday, 21 May. Two police officers were killed in the blast on the eve of
the vote": the claim takes the day of the sentence before it, but "on the eve of the vote" puts the
blast a day earlier ("the eve of Saturday's vote", with its own date, is read by ``events_period``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from etl.records import Sentence
from etl.stages.extract.events_index import position_of
from etl.stages.extract.events_period import Period

if TYPE_CHECKING:
    from etl.stages.extract.events_lookups import ClaimContext

# Occasions a story dates and an incident is set on the eve of.
_OCCASION = (
    r"(?:vote|voting|election|elections|poll|polls|ballot|referendum|run-?off|summit|visit|inauguration|swearing-in|festival|holiday|"
    r"ceremony|celebrations?|march|parade|talks|match|final|trial|hearing|anniversary|eid|christmas|easter|ramadan|diwali|new\s+year)"
)
_EVE_OF_OCCASION = re.compile(rf"\bon\s+the\s+eve\s+of\s+(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,2}}?{_OCCASION}\b", re.I)
_OCCASION_WORD = re.compile(rf"\b{_OCCASION}\b", re.I)


def eve_before(c: ClaimContext, sent: Sentence, period: Period) -> Period:
    """The day before a borrowed day when the claim's sentence sets it on the eve of an occasion and
    the day is told, in another sentence, of an occasion."""
    d = period.mention
    if d is None or period.granularity != "day" or period.start is None or sent.char_start <= d.char_start < sent.char_end:
        return period
    if "eve of" not in sent.text or _EVE_OF_OCCASION.search(sent.text) is None:
        return period
    other = position_of(c.index, d.char_start)
    if other is None or _OCCASION_WORD.search(c.index.sentences[other].text) is None:
        return period
    day = period.start - dt.timedelta(days=1)
    return Period(day, day, "day", period.source, d)
