"""Score a quantities extractor against a gold JSON Lines file (SOURCES.md, "Quantities").

Rule, as SOURCES.md states it: a gold item is found when an emitted quantity has the same
``value`` (relative tolerance 1e-6), or, for a gold range (``value`` null), the same ``low`` and
``high`` (null matching null for an open side). Each emitted quantity matches at most one gold
item and each gold item at most one emitted quantity; emitted kinds ``year``, ``date``,
``ordinal`` and ``time`` are ignored. Precision, recall and F1 are over all items in the file.

Matching is greedy per text: gold items in order, each taking the first unused emitted quantity
that matches, preferring one whose span overlaps the gold span (so that a text with two equal
values pairs them by position). ``misses`` lists "wrong" items first (an emitted quantity
overlaps the gold span but does not match it), then "missed", then "spurious".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from etl.eval.report import EvalReport, Miss
from etl.records import QuantityMention

Extractor = Callable[[str], Sequence[QuantityMention]]

IGNORED_KINDS = frozenset({"year", "date", "ordinal", "time"})
REL_TOL = 1e-6


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=1e-12)


def matches(gold: dict[str, Any], q: QuantityMention) -> bool:
    """The scoring rule for one gold item and one emitted quantity."""
    if gold.get("value") is not None:
        return q.value is not None and _same(gold["value"], q.value)
    return _same(gold.get("low"), q.low) and _same(gold.get("high"), q.high)


def _overlaps(gold: dict[str, Any], q: QuantityMention) -> bool:
    start, end = gold.get("start"), gold.get("end")
    return start is not None and end is not None and q.char_start < end and start < q.char_end


def _describe_gold(gold: dict[str, Any]) -> str:
    if gold.get("value") is not None:
        return f"{gold.get('span')!r}={gold['value']}"
    return f"{gold.get('span')!r}=[{gold.get('low')},{gold.get('high')}]"


def _describe(q: QuantityMention) -> str:
    if q.value is not None:
        return f"{q.surface!r}={q.value:g}"
    return f"{q.surface!r}=[{q.low},{q.high}]"


def _match_text(golds: list[dict[str, Any]], emitted: list[QuantityMention]) -> tuple[int, list[int], list[int]]:
    """(tp, indices of unmatched gold, indices of unmatched emitted)."""
    used: set[int] = set()
    missed: list[int] = []
    for gi, gold in enumerate(golds):
        free = [i for i in range(len(emitted)) if i not in used and matches(gold, emitted[i])]
        if not free:
            missed.append(gi)
            continue
        near = [i for i in free if _overlaps(gold, emitted[i])]
        used.add((near or free)[0])
    return len(golds) - len(missed), missed, [i for i in range(len(emitted)) if i not in used]


def score_quantities(
    records: Iterable[dict[str, Any]], *, gold_file: str, extractor: Extractor
) -> EvalReport:
    """Run ``extractor`` on every record's text and score it with the rule above."""
    tp = fp = fn = n_texts = 0
    wrong: list[Miss] = []
    missed: list[Miss] = []
    spurious: list[Miss] = []
    for record in records:
        n_texts += 1
        text = record.get("text") or ""
        golds = [g for g in record.get("gold") or [] if isinstance(g, dict)]
        emitted = [q for q in extractor(text) if q.kind not in IGNORED_KINDS]
        got, gold_left, emitted_left = _match_text(golds, emitted)
        tp, fn, fp = tp + got, fn + len(gold_left), fp + len(emitted_left)
        rid = str(record.get("id", n_texts))
        for gi in gold_left:
            near = [emitted[i] for i in emitted_left if _overlaps(golds[gi], emitted[i])]
            target = wrong if near else missed
            got_text = ", ".join(_describe(q) for q in near) or "-"
            target.append(Miss(rid, "wrong" if near else "missed", _describe_gold(golds[gi]), got_text, text))
        for i in emitted_left:
            if not any(_overlaps(golds[gi], emitted[i]) for gi in gold_left):
                spurious.append(Miss(rid, "spurious", "-", _describe(emitted[i]), text))
    return EvalReport(
        task="quantities", gold_file=gold_file, n_texts=n_texts, tp=tp, fp=fp, fn=fn,
        misses=tuple(wrong + missed + spurious),
    )
