"""The records that flow through the pipeline.

Data flows one way: ``Article -> Sentence -> {DateMention, QuantityMention} -> Event -> Incident``.
Every stage is a function from records to records; any stage may emit a :class:`Reject`.
All records are frozen and slotted: a stage never mutates what it was given.
Offsets (``char_start``/``char_end``) are Python string indices into ``Article.text``, end
exclusive, so ``text[char_start:char_end] == surface`` always holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Literal

Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"]
QuantityKind = Literal["count", "percent", "money", "measure"]
ChangeDirection = Literal["up", "down"]
Granularity = Literal["day", "week", "month", "quarter", "season", "half", "year", "decade", "range"]
DateSource = Literal["text", "published"]
PublishedSource = Literal["metadata", "text", "none"]
Measure = Literal[
    "killed", "injured", "arrested", "kidnapped", "missing", "displaced", "attacks", "fighters", "count"
]
Scope = Literal["incident", "aggregate"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested, before any extraction."""

    article_id: str
    text: str
    content_sha256: str
    published: dt.date | None
    published_source: PublishedSource
    title: str | None = None
    source: str | None = None
    url: str | None = None
    external_id: str | None = None
    input: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    char_start: int
    char_end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A number a reader would call a quantity, with its bounds.

    ``value`` is the best single reading (None for a pure range or an open bound); ``low`` and
    ``high`` are the bounds where known (equal to ``value`` for an exact number, None for an open
    side). ``base_value`` is the starting point of a change ("rose from 20 to 30" -> 20).
    """

    char_start: int
    char_end: int
    surface: str
    kind: QuantityKind
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None = None
    change_direction: ChangeDirection | None = None
    base_value: float | None = None
    # Where the number itself sits inside the span (without qualifier words), for linking.
    number_start: int | None = None
    number_end: int | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A calendar date or period resolved to an inclusive interval with its granularity.

    ``value`` is the ISO partial (``2024``, ``2024-06``, ``2024-06-10``) or ``start/end`` for a
    range. ``relative`` is True when resolving it needed the publication date.
    """

    char_start: int
    char_end: int
    surface: str
    value: str
    start_date: dt.date
    end_date: dt.date
    granularity: Granularity
    relative: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """One statistical claim about people or incidents (CONTRACT.md ``events``)."""

    event_id: str
    article_id: str
    measure: Measure
    value_best: float | None
    value_low: float | None
    value_high: float | None
    qualifier: Qualifier
    subject: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    granularity: Granularity | None
    date_source: DateSource
    country_code: str | None
    location: str | None
    actor: str | None
    scope: Scope
    char_start: int
    char_end: int
    evidence: str
    quantity_start: int | None = None
    quantity_end: int | None = None
    change_pct: float | None = None
    change_direction: ChangeDirection | None = None
    base_period_start: dt.date | None = None
    base_period_end: dt.date | None = None
    base_value: float | None = None
    perpetrator: bool = False
    attribution: str | None = None
    part_of: str | None = None


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not become an article, with a reason code and a human detail."""

    input: str
    reason: str
    detail: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    quantities: tuple[QuantityMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world event of one measure, merged across the reports that describe it.

    ``value_low``/``value_high`` are the lowest and highest credible reports, ``value_best`` the
    figure of the most recent report (tolls rise as bodies are counted); ``event_ids`` link back to
    every event row merged here.
    """

    incident_id: str
    measure: Measure
    value_low: float | None
    value_best: float | None
    value_high: float | None
    n_sources: int
    n_reports: int
    period_start: dt.date | None
    period_end: dt.date | None
    granularity: Granularity | None
    country_code: str | None
    location: str | None
    actor: str | None
    first_reported: dt.date | None
    last_reported: dt.date | None
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    sources: tuple[str, ...]


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def field_names(cls: type) -> tuple[str, ...]:
    """A record class's field names in declaration order (its constructor's argument order)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def field_values(record: Any) -> tuple[Any, ...]:
    """A record's field values, shallow (records are immutable): ``type(record)(*values)`` rebuilds it."""
    return tuple(getattr(record, name) for name in field_names(type(record)))
