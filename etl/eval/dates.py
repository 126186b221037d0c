"""Score a dates extractor against a gold JSON Lines file (SOURCES.md, "Dates").

Rule, as SOURCES.md states it: only gold items of type ``date``/``daterange`` count. A gold item
is *detected* when an emitted date overlaps its span, *right* when the emitted inclusive
``start_date..end_date`` equals the gold interval. Strict F1 counts right ones (tp); every gold
item not right is a false negative; an emitted date overlapping no gold item at all (of any type)
is a false positive. Detection F1 (overlap only) goes in ``extra``.

How gold intervals are computed from the upstream records (``resolutions``):

* A day value (``2016-11-06``) is that day. A ``start``/``end`` resolution has an exclusive end
  (``2016-11`` -> 2016-11-01..2016-11-30; ``(2016-09-03,2016-09-12,P9D)`` -> ..2016-09-11).
* Several resolutions (a yearless "Oct/2" has a past and a future reading): the past reading
  (latest one starting on or before ``reference_date``) unless the text has a future cue
  (``_FUTURE`` below: will, 'll, shall, going to, let's, plan, schedule, book, arrange, can/could
  you, please...), then the earliest one starting after it. ``extra["strict_f1_any_reading"]``
  scores accepting any upstream reading instead.
* Open intervals: "since X" / "after X" starting on or before ``reference_date`` are closed at
  ``reference_date`` (how the extractor reads "since 2021"); other open or unresolved items
  ("before 2010", "feb 30", school years) stay in the gold but no interval can be right for
  them; their number is ``extra["gold_unresolvable"]``.
* A range written from-to ("from March to May", "2014-2018", "between 2007 and 2009": the span
  holds a connector between two date parts) is upstream a pair of points, the end being the
  *start* of the last named unit; English (and the extractor) reads it through the end of that
  unit. The strict score takes the TIMEX reading literally (the maintainers' rule);
  ``extra["strict_f1_through_reading"]`` also accepts the reading whose end is the end of the unit
  implied by the duration suffix (Y: year, M: month, W: week, D: day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from etl.eval.report import EvalReport, Miss
from etl.records import DateMention
from etl.stages.extract.dates_calendar import add_months

Extractor = Callable[[str, dt.date | None], Sequence[DateMention]]
Interval = tuple[dt.date, dt.date]

_SCORED_TYPES = frozenset({"date", "daterange"})
_FUTURE = re.compile(
    r"\b(?:will|shall|going to|let['\u2019]?s|plan|plans|planned|schedule|scheduled|book|booking|"
    r"arrange|can you|could you|please|upcoming|will be)\b|['\u2019]ll\b",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(
    r"\w\s*(?:\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b|\band\b|[-~\u2013])\s*\w", re.IGNORECASE
)
_DURATION = re.compile(r"P\d+(?P<unit>[YMWD])")


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _reading(resolution: dict[str, Any], mod: str | None, ref: dt.date | None) -> Interval | None:
    value = resolution.get("value")
    if isinstance(value, str):
        day = _day(value)
        return (day, day) if day else None
    start, end = _day(str(resolution.get("start") or "")), _day(str(resolution.get("end") or ""))
    if start and end:
        return (start, end - dt.timedelta(days=1))
    if start and not end and ref and start <= ref and (mod or "").startswith(("since", "after")):
        return (start, ref)
    return None


def _through(item: dict[str, Any], interval: Interval) -> Interval | None:
    """The English "through" reading of a from-to range (see the module docstring)."""
    span, value = str(item.get("span", "")), str(item.get("value", ""))
    duration = _DURATION.search(value)
    if not value.startswith("(") or duration is None or not _CONNECTOR.search(span):
        return None
    point = interval[1] + dt.timedelta(days=1)
    unit = duration["unit"]
    if unit == "Y" and (point.month, point.day) == (1, 1):
        return (interval[0], dt.date(point.year, 12, 31))
    if unit == "M" and point.day == 1:
        return (interval[0], add_months(point, 1) - dt.timedelta(days=1))
    if unit == "W":
        return (interval[0], point + dt.timedelta(days=6))
    return (interval[0], point)


def gold_intervals(item: dict[str, Any], text: str, ref: dt.date | None) -> tuple[list[Interval], list[Interval], list[Interval]]:
    """(the gold interval read literally under the tense rule, the same plus the English "through"
    reading of from-to ranges, any upstream reading plus "through" readings)."""
    raw = item.get("resolutions") or []
    mod = item.get("mod") if isinstance(item.get("mod"), str) else None
    readings = [r for r in (_reading(x, mod, ref) for x in raw if isinstance(x, dict)) if r]
    if not readings:
        return [], [], []
    chosen = readings[0]
    if len(readings) > 1 and ref is not None:
        past = [r for r in readings if r[0] <= ref]
        future = [r for r in readings if r[0] > ref]
        if _FUTURE.search(text) and future:
            chosen = min(future)
        elif past:
            chosen = max(past)
        else:
            chosen = min(readings)
    def _with_through(intervals: list[Interval]) -> list[Interval]:
        extra = [t for t in (_through(item, i) for i in intervals) if t]
        return intervals + extra
    return [chosen], _with_through([chosen]), _with_through(readings)


def _overlaps(mention: DateMention, item: dict[str, Any]) -> bool:
    return mention.char_start < int(item["end"]) and int(item["start"]) < mention.char_end


def score_dates(records: Iterable[dict[str, Any]], *, gold_file: str, extractor: Extractor) -> EvalReport:
    """Score ``extractor`` on ``records`` (dicts in the SOURCES.md format) by the rule above."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "detected": 0, "through": 0, "any": 0, "unresolvable": 0, "fp_other": 0}
    misses: list[Miss] = []
    n_texts = 0
    for record in records:
        n_texts += 1
        _score_record(record, extractor, counts, misses)
    gold = counts["tp"] + counts["fn"]
    extra = {
        "detection_f1": _f1(counts["detected"], counts["fp"], gold),
        "strict_f1_through_reading": _f1(counts["through"], counts["fp"], gold),
        "strict_f1_any_reading": _f1(counts["any"], counts["fp"], gold),
        "gold_unresolvable": float(counts["unresolvable"]),
        "emitted_on_other_gold_types": float(counts["fp_other"]),
    }
    return EvalReport("dates", gold_file, n_texts, counts["tp"], counts["fp"], counts["fn"], extra, tuple(misses))


def _f1(tp: int, fp: int, gold: int) -> float:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _score_record(record: dict[str, Any], extractor: Extractor, counts: dict[str, int], misses: list[Miss]) -> None:
    text = str(record.get("text", ""))
    ref = _day(str(record.get("reference_date") or ""))
    items = [g for g in record.get("gold") or [] if isinstance(g, dict)]
    scored = [g for g in items if g.get("type") in _SCORED_TYPES]
    emitted = list(extractor(text, ref))
    rid = str(record.get("id", ""))
    for item in scored:
        right, through, anyway = gold_intervals(item, text, ref)
        counts["unresolvable"] += not right
        hits = [m for m in emitted if _overlaps(m, item)]
        got = [(m.start_date, m.end_date) for m in hits]
        counts["detected"] += bool(hits)
        counts["any"] += any(g in anyway for g in got)
        counts["through"] += any(g in through for g in got)
        if any(g in right for g in got):
            counts["tp"] += 1
            continue
        counts["fn"] += 1
        expected = f"{item.get('span')!r}={right[0][0]}..{right[0][1]}" if right else f"{item.get('span')!r}=?"
        got_text = "; ".join(f"{m.surface!r}={m.start_date}..{m.end_date}" for m in hits) or "-"
        misses.append(Miss(rid, "wrong" if hits else "missed", expected, got_text, text))
    for mention in emitted:
        if not any(_overlaps(mention, g) for g in items):
            counts["fp"] += 1
            misses.append(Miss(rid, "spurious", "-", f"{mention.surface!r}={mention.start_date}..{mention.end_date}", text))
        elif not any(_overlaps(mention, g) for g in scored):
            counts["fp_other"] += 1
