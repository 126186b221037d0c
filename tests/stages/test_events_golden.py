"""Golden cases for the events stage: tests/golden/events/<case>.txt with <case>.json beside it.

Each case runs the real chain (segment, numbers, dates, events). The JSON gives the article's
figure per measure (summed as the event-eval sums), measures that must not appear, fields of the
first event, rows that must exist (`rows`) and rows that must not (`no_rows`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from etl.eval.events import record_totals
from etl.records import Article, Event
from etl.stages.extract.events import EventVocabulary, extract_events, load_vocabulary
from etl.stages.segment import split_sentences

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "events"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))

numbers = pytest.importorskip("etl.stages.extract.numbers")
dates = pytest.importorskip("etl.stages.extract.dates")


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


def run(text: str, published: dt.date | None, vocab: EventVocabulary) -> list[Event]:
    article = Article("golden", text, "", published, "metadata")
    quantities = numbers.extract_quantities(text)
    found = dates.extract_dates(text, published=published)
    return extract_events(article, split_sentences(text), quantities, found, vocab=vocab)


def _as_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _check_row(row: Event, want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "has_part_of":
            if (row.part_of is not None) != value:
                return False
        elif _as_json(getattr(row, key)) != value:
            return False
    return True


@pytest.mark.parametrize("case", CASES, ids=CASES)
def test_golden_event_case(case: str, vocab: EventVocabulary) -> None:
    text = (GOLDEN / f"{case}.txt").read_text(encoding="utf-8").rstrip("\n")
    expected = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(expected["published"])
    events = run(text, published, vocab)
    totals = record_totals(events)
    for measure, value in expected.get("totals", {}).items():
        assert totals.get(measure) == value, (measure, totals, events)
    for measure in expected.get("absent", []):
        assert measure not in totals, (measure, events)
    if "first" in expected:
        first = events[0]
        got = {k: _as_json(getattr(first, k)) for k in expected["first"]}
        assert got == expected["first"]
    for want in expected.get("rows", []):
        assert any(_check_row(row, want) for row in events), (want, events)
    for unwanted in expected.get("no_rows", []):
        assert not any(_check_row(row, unwanted) for row in events), (unwanted, events)
    for row in events:
        assert text[row.char_start : row.char_end] == row.evidence
