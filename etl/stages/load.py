"""Load: records to warehouse rows. The only stage that knows the table layout of records.

Rows are plain dicts keyed by the column names of ``schemas/``; :mod:`etl.warehouse` validates them
against the schema and writes Parquet.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from etl.records import Extraction, Incident, Reject, Sentence, field_names, field_values

Rows = dict[str, list[dict[str, Any]]]


def _sentence_index(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> int | None:
    """The sentence holding ``offset``; ``starts`` are the sentences' start offsets, built once."""
    position = bisect.bisect_right(starts, offset) - 1
    return sentences[position].index if position >= 0 else None


def _fields(record: Any, *, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record's fields as a dict, shallow: records are immutable, and ``dataclasses.asdict``'s
    deep copy took a fifth of a whole run."""
    return {name: value for name, value in zip(field_names(type(record)), field_values(record), strict=True) if name not in skip}


def _year(day: dt.date | None) -> int | None:
    return day.year if day is not None else None


def extraction_rows(extraction: Extraction, *, run_id: str, ingested_at: dt.datetime) -> Rows:
    """Rows for every table from one article's extraction."""
    article = extraction.article
    year = _year(article.published)
    base = {"article_id": article.article_id, "run_id": run_id, "year": year}
    rows: Rows = {
        "articles": [{
            "article_id": article.article_id, "external_id": article.external_id,
            "source": article.source, "url": article.url, "title": article.title,
            "published": article.published, "published_source": article.published_source,
            "content_sha256": article.content_sha256, "text": article.text,
            "char_count": len(article.text), "input": article.input, "run_id": run_id,
            "ingested_at": ingested_at, "year": year,
        }],
        "quantities": [],
        "dates": [],
        "events": [],
        "event_parts": [],
    }
    starts = [s.char_start for s in extraction.sentences]
    for q in extraction.quantities:
        row = _fields(q, skip=("number_start", "number_end"))
        rows["quantities"].append({**base, **row, "sentence_index": _sentence_index(extraction.sentences, starts, q.char_start)})
    for d in extraction.dates:
        rows["dates"].append({**base, **_fields(d), "sentence_index": _sentence_index(extraction.sentences, starts, d.char_start)})
    for e in extraction.events:
        row = _fields(e)
        row.update(published=article.published, source=article.source, run_id=run_id,
                   year=_year(e.period_start) or year)
        rows["events" if e.part_of is None else "event_parts"].append(row)
    return rows


def reject_rows(rejects: Iterable[Reject], *, run_id: str, at: dt.datetime) -> list[dict[str, Any]]:
    return [{"run_id": run_id, "input": r.input, "reason": r.reason, "detail": r.detail, "rejected_at": at} for r in rejects]


def merge_rows(into: Rows, more: Rows) -> None:
    for table, rows in more.items():
        into.setdefault(table, []).extend(rows)


def incident_rows(incidents: Iterable[Incident]) -> list[dict[str, Any]]:
    rows = []
    for incident in incidents:
        row = _fields(incident)
        for key in ("event_ids", "article_ids", "sources"):
            row[key] = list(row[key])
        rows.append(row)
    return rows
