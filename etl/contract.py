"""The `etl extract` JSON Lines interface of CONTRACT.md: field names and order, nothing else."""

from __future__ import annotations

import datetime as dt
from typing import Any

from etl.records import DateMention, Event, Extraction, QuantityMention

QUANTITY_FIELDS = ("char_start", "char_end", "surface", "kind", "value", "low", "high", "qualifier", "unit", "change_direction")
DATE_FIELDS = ("char_start", "char_end", "surface", "value", "start_date", "end_date", "granularity")
EVENT_FIELDS = (
    "measure", "value_best", "value_low", "value_high", "qualifier", "subject", "period_start",
    "period_end", "granularity", "date_source", "country_code", "location", "actor", "scope",
    "change_pct", "change_direction", "base_period_start", "base_period_end", "char_start", "char_end",
)
# Fields beyond the contract (allowed: "add freely, rename nothing").
EVENT_EXTRA = ("event_id", "base_value", "perpetrator", "attribution", "part_of", "quantity_start", "quantity_end", "evidence")
QUANTITY_EXTRA = ("base_value",)


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _pick(record: QuantityMention | DateMention | Event, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: _json_value(getattr(record, name)) for name in fields}


def extraction_json(record_id: Any, extraction: Extraction) -> dict[str, Any]:
    """One output line. ``events`` holds the rows that may be summed (the headline first);
    ``event_parts`` the rows they stand for (``part_of``): the parts of a coordinated total and
    the earlier figures of an updated toll, which a sum of ``events`` must not add again."""
    return {
        "id": record_id,
        "quantities": [_pick(q, QUANTITY_FIELDS + QUANTITY_EXTRA) for q in extraction.quantities],
        "dates": [_pick(d, DATE_FIELDS) for d in extraction.dates],
        "events": [_pick(e, EVENT_FIELDS + EVENT_EXTRA) for e in extraction.events if e.part_of is None],
        "event_parts": [_pick(e, EVENT_FIELDS + EVENT_EXTRA) for e in extraction.events if e.part_of is not None],
    }


def empty_json(record_id: Any, *, error: str) -> dict[str, Any]:
    """The line for an input that could not be extracted: empty lists and the reason."""
    return {"id": record_id, "quantities": [], "dates": [], "events": [], "event_parts": [], "error": error}
