"""What every claim of an article looks up (:class:`ClaimContext`), built once per article by
``events_context.claim_context`` and read by the modules that date, place and scope a claim."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from etl.records import DateMention, QuantityMention
from etl.stages.extract.events_index import SentenceIndex
from etl.stages.extract.events_period import Period
from etl.stages.extract.places_evidence import PlaceMention

__all__ = ["ClaimContext"]


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What every claim of an article looks up, bucketed by sentence position once."""

    text: str
    index: SentenceIndex
    usable: dict[int, list[DateMention]]  # dates that may date an incident (see :func:`claim_context`)
    dates: dict[int, list[DateMention]]  # every date, for base periods
    percents: dict[int, list[QuantityMention]]
    places: dict[int, list[PlaceMention]]
    lead: DateMention | None  # the first incident-like date of the first paragraph
    main: PlaceMention | None  # the article's main place (its dominant country)
    published: dt.date | None
    claimed: frozenset[int]  # positions of sentences with claims of their own: they date those
    dateline_end: int = -1  # "NAIROBI, March 4 (AFP) -": a bureau's city, weak evidence of the place
    away: frozenset[int] = frozenset()  # starts of places named as somewhere else (places.elsewhere), once per article
    stray: frozenset[int] = frozenset()  # starts of likely homonyms (places.stray_towns): no place of their own
    labelled: frozenset[int] = frozenset()  # starts of places in a coded note's place field (places.labelled)
    reported: dt.date | None = None  # the dateline's day ("KISUMU, Thursday -"); None: the publication date stands
    bases: dict[int, list[QuantityMention]] = field(default_factory=dict)  # counts a figure is compared with ("up from 2,100")
    steps: tuple[DateMention, ...] = ()  # days of statements, counts and claims of responsibility (events_weekday.later_steps)
    stated: frozenset[int] = frozenset()  # starts of dates that tell when something was said (events_stated.stated_on), read once

    def fallback(self) -> Period:
        """The day the report was written: an undated claim is dated by it."""
        day = self.reported or self.published
        return Period(day, day, "day" if day else None, "published")
