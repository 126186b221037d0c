"""Whether two rows of an article are of one incident: dated within a month of each other, and
not one dated by the text two or more days before the other (another, earlier incident of a
multi-incident story), unless the later one is a development that follows the incident (arrests,
a running total). Used by the fold (``events_reduce``) and by the event-eval's headline total."""

from __future__ import annotations

import datetime as dt
import re

from etl.records import Event

# Two rows dated more than this far apart (in the text) belong to different incidents.
_SAME_INCIDENT_GAP = dt.timedelta(days=31)
# A figure the text dates to a day at least this long before another day-dated figure is another
# incident of a multi-incident story ("on Sunday gunmen killed three ... On Friday, eight bodies were
# found"); one day apart may still be one night ("late on Friday ... on Saturday"). Set on dev4a.
_OTHER_DAY_GAP = dt.timedelta(days=2)
# A running total's wording before its number ("the death toll from Saturday's bombing had risen to
# [19]"), looked for this many characters back.
_TOLL_REACH = 100
_TOLL_BEFORE = re.compile(r"\b(?:toll|tally|number\s+(?:of\s+)?(?:[\w'’-]+\s+)?(?:killed|dead|deaths))\b[^.;]*?\b(?:to|at)\s+(?:\w+\s+){0,2}$", re.I)


def same_incident(a: Event, b: Event) -> bool:
    """False when the rows' periods lie more than a month apart (an undated row stands at the
    publication date: news reports recent events)."""
    if a.period_start is None or a.period_end is None or b.period_start is None or b.period_end is None:
        return True
    return a.period_start - _SAME_INCIDENT_GAP <= b.period_end and b.period_start - _SAME_INCIDENT_GAP <= a.period_end


def _day(ev: Event) -> dt.date | None:
    return ev.period_start if ev.date_source == "text" and ev.granularity == "day" else None


def earlier_day(a: Event, b: Event) -> bool:
    """Whether the text dates ``a`` to a day (or a week or month: "Last month, the group killed 11")
    that ends at least two days before the day of ``b``: another, earlier incident (later figures
    may be updates or later deaths of the same one). Not when ``b`` is a later development of
    another measure: arrests ("detained 11 suspects on Thursday over an attack a week ago") or a
    running total ("the toll had risen to 19 on Tuesday"), which follow the incident they are about."""
    if a.measure != b.measure and (b.measure == "arrested" or _running_total(b)):
        return False
    end_a = a.period_end if a.date_source == "text" else None
    day_b = _day(b)
    return end_a is not None and day_b is not None and end_a + _OTHER_DAY_GAP <= day_b


def _running_total(ev: Event) -> bool:
    """A toll wording right before the row's number ("the toll had risen to [19]")."""
    if ev.quantity_start is None:
        return False
    at = ev.quantity_start - ev.char_start
    return _TOLL_BEFORE.search(ev.evidence, max(0, at - _TOLL_REACH), at) is not None
