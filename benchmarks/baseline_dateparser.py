"""Baseline for the dates benchmark: plain ``dateparser.search_dates`` with the publication
date as RELATIVE_BASE, every hit mapped naively to one day. Used for the side-by-side with
``etl.stages.extract.dates`` (see ``python -m benchmarks.baseline_dateparser``)."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from dateparser.search import search_dates

from etl.records import DateMention

_BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "recognizers-datetime.dev.jsonl"


def dateparser_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """What ``search_dates`` finds, each as a day at its surface (None becomes [])."""
    settings: dict[str, object] = {}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # noqa: BLE001 - the baseline must survive the library's own failures
        found = []
    out: list[DateMention] = []
    cursor = 0
    for surface, moment in found:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        day = moment.date()
        out.append(DateMention(start, cursor, surface, day.isoformat(), day, day, "day", published is not None))
    return out


def main(argv: list[str]) -> int:
    from etl.eval import read_gold
    from etl.eval.dates import score_dates
    from etl.stages.extract.dates import extract_dates

    path = argv[0] if argv else str(_BENCH)
    records = read_gold(path)
    for name, extractor in (
        ("etl dates", lambda t, p: extract_dates(t, published=p)),
        ("dateparser", dateparser_dates),
    ):
        began = time.perf_counter()
        report = score_dates(records, gold_file=path, extractor=extractor)
        print(f"[{name}] {time.perf_counter() - began:.2f}s")
        print(report.format(worst=0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
