"""The article's headline row and what an update takes from the figure first told.

The headline row stands for the article: its first incident row that is not a ``count`` of other
people. Arrests told first in a follow-up story yield to the attack's toll, which the text dates
before them (the dead and wounded of the state's pursuit are another incident's, see
``events_marks.other_incident``); a toll updated later in the text takes the first figure's date
and place (``told_first``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from etl.records import Event
from etl.stages.extract.events_background import recent_toll
from etl.stages.extract.events_claim import HARMS
from etl.stages.extract.events_reduce import same_incident

__all__ = ["headline", "headline_first", "told_first"]

# What an updated toll takes from the figure first told of it (its actor too, when it names none).
_TOLD_FIRST = ("period_start", "period_end", "granularity", "date_source", "country_code", "location")


def told_first(rows: list[Event]) -> list[Event]:
    """A top-level row that stands for figures told before it ("gunmen killed at least 20 ... The
    toll later rose to 22") takes the first one's date and place, and its actor when it names
    none: the lead tells when and where; the update tells how many."""
    first_part: dict[str, Event] = {}
    for ev in rows:
        if ev.part_of is not None:
            first_part.setdefault(ev.part_of, ev)
    out = []
    for ev in rows:
        part = first_part.get(ev.event_id)
        if part is not None and part.char_start < ev.char_start:
            ev = replace(ev, **{name: getattr(part, name) for name in _TOLD_FIRST}, actor=ev.actor or part.actor)
        out.append(ev)
    return out


def headline(rows: Sequence[Event]) -> Event | None:
    """The row that stands for the article: its first incident row that is not a ``count`` of other
    people, else its first non-``count`` row (a period total), else its first row. Arrests told
    first in a follow-up ("Police detained 11 suspects on Thursday over an attack a week ago that
    killed two") yield to the attack's toll, which the text dates before them, within a month."""
    claims = [ev for ev in rows if ev.measure != "count" and ev.part_of is None]
    first = next((ev for ev in claims if ev.scope == "incident"), None)
    if first is None:
        return claims[0] if claims else (rows[0] if rows else None)
    if first.measure == "arrested":
        return next((ev for ev in claims if ev is not first and _attack_before(ev, first)), first)
    return recent_toll(first, claims)


def _attack_before(ev: Event, arrest: Event) -> bool:
    """``ev`` is a toll of the attack an arrest row follows: an incident's deaths or injuries,
    dated by the text before the arrests and within a month of them."""
    if ev.scope != "incident" or ev.part_of is not None or ev.measure not in HARMS or ev.date_source != "text":
        return False
    before = ev.period_end is not None and arrest.period_start is not None and ev.period_end < arrest.period_start
    return before and same_incident(ev, arrest)


def headline_first(rows: list[Event]) -> list[Event]:
    """``rows`` (in text order) with the headline row moved to the front."""
    head = headline(rows)
    if head is None or head is rows[0]:
        return rows
    return [head, *(ev for ev in rows if ev is not head)]
