"""Scoring the extractor against gold files: `etl eval` and the quality benchmark.

Gold formats are those of ``../shared/benchmarks/SOURCES.md`` (quantities, dates) and the event
records of ``benchmarks/events.dev.jsonl``; the task is read from the records when not given.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from etl.config import Config
from etl.eval.gold import GoldError, read_gold
from etl.eval.report import EvalReport

__all__ = ["GoldError", "Task", "detect_task", "evaluate", "read_gold"]

Task = Literal["quantities", "dates", "events"]


def _items(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record in records:
        if isinstance(record["gold"], list):
            yield from (i for i in record["gold"] if isinstance(i, dict))


def detect_task(records: list[dict[str, Any]]) -> Task:
    """events: gold is an object; dates: gold items have a TIMEX `type`; else quantities."""
    if records and all(isinstance(r["gold"], dict) for r in records):
        return "events"
    if any("type" in item and "kind" not in item for item in _items(records)):
        return "dates"
    return "quantities"


def evaluate(path: Path, *, task: Task | None = None, config: Config | None = None) -> EvalReport:
    """Run the extractor over a gold file and score it with the rule of its task."""
    from etl.extractor import Extractor

    records = read_gold(path)
    task = task or detect_task(records)
    extractor = Extractor.from_config(config or Config())
    name = path.name
    if task == "quantities":
        from etl.eval.quantities import score_quantities
        from etl.stages.extract.numbers import extract_quantities

        return score_quantities(records, gold_file=name, extractor=lambda text: extract_quantities(text, policy=extractor.policy))
    if task == "dates":
        from etl.eval.dates import score_dates
        from etl.stages.extract.dates import extract_dates

        return score_dates(records, gold_file=name, extractor=lambda text, ref: extract_dates(text, published=ref, day_first=extractor.day_first))
    from etl.eval.events import extract_record, score_events

    return score_events(records, gold_file=name, extractor=lambda record: extract_record(record, extractor.vocab))
