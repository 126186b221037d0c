"""Background figures buried before an article's incident: a past period's total and an older incident.

- A claim whose own sentence names a year (a half, a quarter, a decade) that ends before the date its
  claim is given, and names no day ("Attacks there killed more than 600 civilians in 2021", "the group
  lost more than 100 fighters in 2019 alone"), totals that period: it is background, not the
  incident's toll (:func:`past_period_total`). A year naming one incident ("a 2019 massacre") is not.
- The headline row is the article's incident: a first incident row dated by the text more than
  :data:`_BACKGROUND_DAYS` before a later toll ("A 2019 massacre killed more than 150. ... Late on
  Tuesday, gunmen attacked a bus ...") is an older incident recalled for context
  (:func:`recent_toll`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from etl.records import Event, Sentence
from etl.stages.extract.events_claim import HARMS
from etl.stages.extract.events_lookups import ClaimContext
from etl.stages.extract.events_period import Period, names_incident_year

# Granularities of a stated period that totals many incidents (not a month: "in May" may date one).
_PAST_PERIODS = frozenset({"year", "decade", "half", "quarter"})
# A first incident row this much older than a later toll is background (calibrated on dev17a: a
# massacre two years before; news leads with the recent deed, so a year is a safe margin).
_BACKGROUND_DAYS = 365
# "up from 900 in 2023", "compared with 2022", "than in 2021": a comparison's base period, not the
# period totalled ("more than 100 fighters in 2019" is no comparison: events_when.is_base takes it for one).
_COMPARED = re.compile(r"(?:\b(?:up|down|rise|increase|drop|fall|compared|against)\s+(?:from|with|on|to)\b[^.;]{0,30}|\bthan\s*)$", re.I)
_COMPARED_CHARS = 50


def past_period_total(c: ClaimContext, sent: Sentence, period: Period) -> bool:
    """Whether the claim's sentence names a past year-like period before the claim's date and no day."""
    pos = c.index.position.get(sent.index)
    own = c.dates.get(pos, []) if pos is not None else []
    if period.start is None or any(d.granularity == "day" for d in own):
        return False
    return any(
        d.granularity in _PAST_PERIODS and d.end_date < period.start and not names_incident_year(c.text, d) and not _compared(c.text, d.char_start)
        for d in own
    )


def recent_toll(first: Event, claims: Sequence[Event]) -> Event:
    """The first toll dated by the text over :data:`_BACKGROUND_DAYS` after ``first``, else ``first``."""
    if first.date_source != "text" or first.period_end is None:
        return first
    for ev in claims:
        later = ev.period_start is not None and (ev.period_start - first.period_end).days > _BACKGROUND_DAYS
        if later and ev.scope == "incident" and ev.measure in HARMS and ev.date_source == "text":
            return ev
    return first


def _compared(text: str, start: int) -> bool:
    return _COMPARED.search(text[max(0, start - _COMPARED_CHARS) : start]) is not None
