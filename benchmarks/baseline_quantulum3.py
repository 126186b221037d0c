"""quantulum3 as a baseline for the quantities benchmark, mapped naively to our records.

``quantulum3_quantities(text)`` runs ``quantulum3.parser.parse`` on the whole text and maps each
result: a dimensionless quantity -> kind "count"; unit "percentage" -> "percent" with unit "%";
a currency entity -> "money"; anything else -> "measure" with the unit name. Ranges (quantulum3
writes them as a value with an uncertainty) become value None with low/high. No filtering of
years, dates or identifiers: that is the point of the comparison.

Run as a script to print our score next to quantulum3's on the shared gold sets, then the
throughput of both (CPU time, best of a few runs) on the sample corpus (``etl/data/sample``
.txt/.md files): ``.venv/bin/python benchmarks/baseline_quantulum3.py [BENCHMARK_DIR]``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from etl.records import QuantityKind, QuantityMention

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"
SETS = ("recognizers-number", "recognizers-numberrange", "recognizers-percent", "quantulum3")


def _kind(entity: str, unit: str) -> QuantityKind:
    if unit == "percentage":
        return "percent"
    if entity == "currency":
        return "money"
    if entity == "dimensionless" or unit == "dimensionless":
        return "count"
    return "measure"


def quantulum3_quantities(text: str) -> list[QuantityMention]:
    """quantulum3's reading of ``text`` as QuantityMention records (see the module docstring)."""
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        start, end = q.span
        unit = q.unit.name if q.unit is not None else "dimensionless"
        entity = q.unit.entity.name if q.unit is not None and q.unit.entity is not None else ""
        kind = _kind(entity, unit)
        value = float(q.value)
        unc = float(q.uncertainty) if q.uncertainty else 0.0
        is_range = unc > 0
        out.append(QuantityMention(
            char_start=start, char_end=end, surface=text[start:end], kind=kind,
            value=None if is_range else value,
            low=value - unc if is_range else value, high=value + unc if is_range else value,
            qualifier="range" if is_range else "exact",
            unit="%" if kind == "percent" else (None if kind == "count" else unit),
            number_start=start, number_end=end,
        ))
    return out


SAMPLE_DIR = Path(__file__).resolve().parents[1] / "etl" / "data" / "sample"


def _throughput(fn: object, texts: list[str], *, repeats: int) -> float:
    """KB of text per CPU second, best of ``repeats`` passes."""
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for text in texts:
            fn(text)  # type: ignore[operator]
        best = min(best, time.process_time() - start)
    return kb / best if best > 0 else float("inf")


def speed() -> None:
    from etl.stages.extract.numbers import extract_quantities

    paths = sorted(SAMPLE_DIR.glob("**/*.txt")) + sorted(SAMPLE_DIR.glob("**/*.md"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        print(f"no sample texts under {SAMPLE_DIR}")
        return
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    ours = _throughput(extract_quantities, texts, repeats=5)
    theirs = _throughput(quantulum3_quantities, texts, repeats=1)
    print(f"throughput on {len(texts)} sample texts ({kb:.0f} KB): etl {ours:.0f} KB/s, quantulum3 {theirs:.1f} KB/s")


def main(argv: list[str]) -> int:
    from etl.eval.quantities import score_quantities
    from etl.stages.extract.numbers import extract_quantities

    bench = Path(argv[0]) if argv else DEFAULT_DIR
    for name in SETS:
        path = bench / f"{name}.dev.jsonl"
        if not path.exists():
            print(f"{name}: not found under {bench}")
            continue
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for label, fn in (("etl", extract_quantities), ("quantulum3", quantulum3_quantities)):
            t0 = time.perf_counter()
            report = score_quantities(records, gold_file=path.name, extractor=fn)
            row = report.summary()
            print(f"{name:26s} {label:11s} P {row['precision']:.3f}  R {row['recall']:.3f}  "
                  f"F1 {row['f1']:.3f}  ({time.perf_counter() - t0:.2f} s)")
    speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
