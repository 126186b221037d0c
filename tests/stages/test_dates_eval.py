"""The SOURCES.md date scorer on hand-made gold (dev-set floors live in benchmarks/ratchet.json)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from etl.eval import read_gold
from etl.eval.dates import gold_intervals, score_dates
from etl.records import DateMention
from etl.stages.extract.dates import extract_dates


def _item(span: str, text: str, value: str, resolutions: list[dict[str, str]], kind: str = "date", mod: str | None = None) -> dict[str, object]:
    start = text.index(span)
    return {"span": span, "start": start, "end": start + len(span), "value": value, "type": kind,
            "resolutions": resolutions, "mod": mod}


def _record(rid: str, text: str, ref: str, gold: list[dict[str, object]]) -> dict[str, object]:
    return {"id": rid, "text": text, "reference_date": f"{ref}T00:00:00", "gold": gold}


def _fixed(*mentions: tuple[int, int, dt.date, dt.date]) -> object:
    def extractor(text: str, published: dt.date | None) -> Sequence[DateMention]:
        return [DateMention(s, e, text[s:e], "x", a, b, "day") for s, e, a, b in mentions]
    return extractor


def test_month_resolution_has_exclusive_end() -> None:
    text = "It rained in November."
    item = _item("November", text, "XXXX-11", [{"start": "2015-11-01", "end": "2015-12-01"},
                                                 {"start": "2016-11-01", "end": "2016-12-01"}], "daterange")
    right, _, anyway = gold_intervals(item, text, dt.date(2016, 11, 7))
    assert right == [(dt.date(2016, 11, 1), dt.date(2016, 11, 30))]
    assert len(anyway) == 2


def test_past_reading_unless_future_cue() -> None:
    item = {"span": "Oct/2", "value": "XXXX-10-02", "resolutions": [{"value": "2016-10-02"}, {"value": "2017-10-02"}]}
    ref = dt.date(2016, 11, 7)
    assert gold_intervals(item, "It was Oct/2", ref)[0] == [(dt.date(2016, 10, 2),) * 2]
    assert gold_intervals(item, "It will be Oct/2", ref)[0] == [(dt.date(2017, 10, 2),) * 2]


def test_from_to_range_is_literal_in_the_strict_score_and_through_in_extra() -> None:
    text = "from March to May"
    item = _item(text, text, "(XXXX-03-01,XXXX-05-01,P2M)", [{"start": "2018-03-01", "end": "2018-05-01"}], "daterange")
    right, through, _ = gold_intervals(item, text, dt.date(2018, 9, 7))
    assert right == [(dt.date(2018, 3, 1), dt.date(2018, 4, 30))]
    assert (dt.date(2018, 3, 1), dt.date(2018, 5, 31)) in through


def test_since_is_closed_at_the_reference_date_and_before_is_unresolvable() -> None:
    text = "since 2012 but before 2010"
    ref = dt.date(2018, 8, 31)
    since = _item("since 2012", text, "2012", [{"start": "2012-01-01"}], "daterange", "since")
    before = _item("before 2010", text, "2010", [{"end": "2010-01-01"}], "daterange", "before")
    assert gold_intervals(since, text, ref)[0] == [(dt.date(2012, 1, 1), ref)]
    assert gold_intervals(before, text, ref)[0] == []


def test_counts_right_wrong_and_spurious() -> None:
    text = "On 2016-11-06 and 2017 it rained, at 5pm."
    gold = [
        _item("2016-11-06", text, "2016-11-06", [{"value": "2016-11-06"}]),
        _item("2017", text, "2017", [{"start": "2017-01-01", "end": "2018-01-01"}], "daterange"),
        _item("5pm", text, "T17", [{"value": "17:00:00"}], "time"),
    ]
    records = [_record("r1", text, "2016-11-07", gold)]
    s_day, s_year, s_time = text.index("2016"), text.index("2017"), text.index("5pm")
    extractor = _fixed(
        (s_day, s_day + 10, dt.date(2016, 11, 6), dt.date(2016, 11, 6)),   # right
        (s_year, s_year + 4, dt.date(2017, 6, 1), dt.date(2017, 6, 1)),    # detected, wrong
        (s_time, s_time + 3, dt.date(2016, 11, 7), dt.date(2016, 11, 7)),  # on a time item: not a false positive
        (0, 2, dt.date(2016, 1, 1), dt.date(2016, 1, 1)),                  # "On": overlaps nothing
    )
    report = score_dates(records, gold_file="mem", extractor=extractor)  # type: ignore[arg-type]
    assert (report.tp, report.fp, report.fn) == (1, 1, 1)
    assert report.extra["detection_f1"] == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    assert [m.kind for m in report.misses] == ["wrong", "spurious"]


def test_reads_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    text = "Talks ended in 2024."
    path.write_text(json.dumps(_record("a", text, "2025-01-01", [_item("2024", text, "2024", [{"start": "2024-01-01", "end": "2025-01-01"}], "daterange")])) + "\n")
    report = score_dates(read_gold(path), gold_file=str(path), extractor=lambda t, p: extract_dates(t, published=p))
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
