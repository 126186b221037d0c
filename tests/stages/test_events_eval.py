"""The event-eval: record totals, the date rule, per-field accuracies, and a ratchet on the dev set."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from etl.eval import read_gold
from etl.eval.events import extract_record, gold_interval, headline_event, record_totals, score_events
from etl.records import Event
from etl.stages.extract.events import EventVocabulary, load_vocabulary

DEV = Path(__file__).resolve().parents[2] / "benchmarks" / "events.dev.jsonl"
# Floors measured on the dev set (171 records); they may only go up.
FLOORS = {"killed_acc": 0.97, "injured_acc": 0.97, "date_acc": 0.95, "country_acc": 0.95, "actor_acc": 0.93}

BASE = Event(
    event_id="e", article_id="a", measure="killed", value_best=3.0, value_low=3.0, value_high=3.0,
    qualifier="exact", subject=None, period_start=dt.date(2024, 3, 12), period_end=dt.date(2024, 3, 12),
    granularity="day", date_source="text", country_code="PAK", location=None, actor="Taliban",
    scope="incident", char_start=0, char_end=1, evidence="x",
)


def ev(**changes: object) -> Event:
    return dataclasses.replace(BASE, **changes)  # type: ignore[arg-type]


def test_record_totals_sum_top_level_incident_rows() -> None:
    rows = [
        ev(event_id="t", value_best=7.0),
        ev(event_id="p1", value_best=1.0, part_of="t"),
        ev(event_id="p2", value_best=6.0, part_of="t"),
        ev(event_id="i", measure="injured", value_best=2.0),
        ev(event_id="g", value_best=900.0, scope="aggregate"),
        ev(event_id="m", measure="missing", value_best=4.0, scope="aggregate"),
    ]
    # A period total ("4 missing this year") next to an incident is background, not the incident's.
    assert record_totals(rows) == {"killed": 7.0, "injured": 2.0}


def test_record_totals_use_aggregate_rows_only_without_an_incident() -> None:
    rows = [ev(event_id="g", value_best=900.0, scope="aggregate"), ev(event_id="m", measure="missing", value_best=4.0, scope="aggregate")]
    assert record_totals(rows) == {"killed": 900.0, "missing": 4.0}


def test_record_totals_leave_out_an_older_incident() -> None:
    old = ev(event_id="old", value_best=24.0, period_start=dt.date(2021, 5, 1), period_end=dt.date(2021, 5, 1))
    assert record_totals([ev(), old]) == {"killed": 3.0}


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2024-03-12", (dt.date(2024, 3, 12), dt.date(2024, 3, 12))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2023", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("garbage", None),
    ],
    ids=["day", "leap-month", "year", "invalid"],
)
def test_gold_interval(value: str, interval: tuple[dt.date, dt.date] | None) -> None:
    assert gold_interval(value) == interval


def test_score_events_accuracies_and_counts() -> None:
    records: list[dict[str, object]] = [
        {"id": "r1", "text": "t", "gold": {"killed": 3, "injured": None, "event_date": "2024-03-12", "country": "PAK", "actor": "taliban"}},
        {"id": "r2", "text": "t", "gold": {"killed": 5, "injured": 2, "event_date": "2024-03", "country": "AFG", "actor": None}},
    ]
    week = ev(granularity="week", period_start=dt.date(2024, 3, 11), period_end=dt.date(2024, 3, 13))
    answers = {"r1": [ev()], "r2": [week]}
    report = score_events(records, gold_file="mem", extractor=lambda r: answers[str(r["id"])])
    assert report.extra["killed_acc"] == 0.5
    assert report.extra["injured_acc"] == 0.0
    assert report.extra["date_acc"] == 1.0  # a week inside the gold month counts as that month
    assert report.extra["country_acc"] == 0.5
    assert report.extra["actor_acc"] == 1.0  # case-insensitive
    assert (report.tp, report.fp, report.fn) == (1, 1, 2)


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


@pytest.mark.skipif(not DEV.exists(), reason="benchmarks/events.dev.jsonl is not present")
def test_dev_set_ratchet(vocab: EventVocabulary) -> None:
    pytest.importorskip("etl.stages.extract.numbers")
    report = score_events(read_gold(DEV), gold_file=DEV.name, extractor=lambda r: extract_record(r, vocab))
    print(report.format(worst=5))
    for key, floor in FLOORS.items():
        assert report.extra[key] >= floor, (key, report.extra[key])


def test_headline_event_skips_background_totals_and_counts() -> None:
    background = ev(event_id="bg", scope="aggregate", value_best=2000.0)
    count = ev(event_id="c", measure="count", value_best=40.0)
    incident = ev(event_id="i")
    assert headline_event([background, count, incident]) is incident
    assert headline_event([background, count]) is background
    assert headline_event([count]) is count
    assert headline_event([]) is None
