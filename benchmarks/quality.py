"""Quality benchmark: precision / recall / F1 of extraction on every gold set we have.

    python benchmarks/quality.py              # print scores, compare with benchmarks/ratchet.json
    python benchmarks/quality.py --update     # raise the pinned floors to today's scores (never lower)

Gold sets: the development halves in ../shared/benchmarks (skipped when absent, as in a user's
clone) and our own sets (benchmarks/EVENTS_*.md and NEWS_*.md say how each was written):
events.dev.jsonl and events.dev2.jsonl (development); the sets in SPLIT_SETS below (each written
blind, independently of the code; then the first, third, fifth... record was used for development
and the others only for checking: their "unseen half" is printed on its own); and the sets in
HELD_OUT (written blind, never used for tuning: measurement only, nobody reads their misses).
Each set is scored with the rule of ../shared/benchmarks/SOURCES.md through
`etl.eval`, next to the out-of-the-box library under the same rule (quantulum3 for quantities,
dateparser.search_dates for dates). Exits 1 when a score falls below its pinned floor: the ratchet
only goes up.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
warnings.filterwarnings("ignore")

from etl.eval import detect_task, evaluate, read_gold  # noqa: E402
from etl.eval.report import EvalReport  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "benchmarks"
RATCHET = HERE / "ratchet.json"
# Scores below floor minus this are failures (floating-point noise only).
TOLERANCE = 1e-9
# Our own development sets, in the order they are printed.
OWN_SETS = ("events.dev.jsonl", "events.dev2.jsonl", "events.dev3.jsonl", "events.dev4.jsonl",
            "events.dev5.jsonl", "events.dev6.jsonl", "events.dev7.jsonl", "events.dev9.jsonl",
            "events.dev10.jsonl", "events.dev12.jsonl", "events.dev14.jsonl", "events.dev15.jsonl",
            "events.dev17.jsonl", "events.dev18.jsonl", "events.dev19.jsonl", "events.dev21.jsonl",
            "events.dev22.jsonl", "news-numbers.dev.jsonl", "news-dates.dev.jsonl")
# Sets written blind whose 1st, 3rd, 5th... records were then used for development and the others
# kept unseen (a measure of whether the tuning generalises).
SPLIT_SETS = {"events.dev3.jsonl", "events.dev4.jsonl", "events.dev5.jsonl", "events.dev6.jsonl",
              "events.dev7.jsonl", "events.dev9.jsonl", "events.dev10.jsonl", "events.dev12.jsonl", "events.dev14.jsonl", "events.dev15.jsonl",
              "events.dev17.jsonl", "events.dev18.jsonl", "events.dev19.jsonl", "events.dev21.jsonl",
              "events.dev22.jsonl", "news-numbers.dev.jsonl", "news-dates.dev.jsonl"}

# Sets written blind and never used for tuning (scored whole; nobody reads their misses).
HELD_OUT = ("events.dev8.jsonl", "events.dev11.jsonl", "events.dev13.jsonl", "events.dev16.jsonl", "events.dev20.jsonl",
            "events.holdout.jsonl")


def gold_files() -> list[Path]:
    files = sorted(SHARED.glob("*.jsonl")) if SHARED.exists() else []
    ours = [*OWN_SETS, *HELD_OUT]
    return files + [HERE / name for name in ours if (HERE / name).exists()]


def baseline(path: Path, task: str) -> EvalReport | None:
    records = read_gold(path)
    if task == "quantities":
        from baseline_quantulum3 import quantulum3_quantities

        from etl.eval.quantities import score_quantities

        return score_quantities(records, gold_file=path.name, extractor=quantulum3_quantities)
    if task == "dates":
        from baseline_dateparser import dateparser_dates

        from etl.eval.dates import score_dates

        return score_dates(records, gold_file=path.name, extractor=dateparser_dates)
    return None


def _metrics(report: EvalReport) -> dict[str, float]:
    """The scores a ratchet may pin: correctness, where higher is better. Counts (killed_n) and
    detection (overlap whatever the interval: dropping a wrong date lowers it) are left out."""
    extra = {k: v for k, v in report.extra.items() if k.endswith("_acc") or k.startswith("strict_f1")}
    return {"f1": report.f1, "precision": report.precision, "recall": report.recall, **extra}


def _half(path: Path, task: str, name: str, *, worst: int = 0) -> str:
    """The report on one half of a split set: "tuning" (1st, 3rd, ... records) or "unseen"."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        half = Path(tmp) / f"{path.stem}.{name}-half.jsonl"
        half.write_text("".join(line + "\n" for line in lines[name == "unseen" :: 2]), encoding="utf-8")
        report = evaluate(half, task=task)  # type: ignore[arg-type]
        return f"  {name} half: " + report.format(worst=worst).replace("\n", "\n  ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="raise pinned floors to the current scores")
    parser.add_argument("--no-baseline", action="store_true", help="skip the library baselines (slow)")
    parser.add_argument("--worst", type=int, default=0, help="misses to print per set (tuning halves only; none of held-out sets)")
    args = parser.parse_args()
    floors: dict[str, dict[str, float]] = json.loads(RATCHET.read_text()) if RATCHET.exists() else {}
    failures = []
    if not SHARED.exists():
        print(f"note: {SHARED} not found; scoring only our own sets")
    for path in gold_files():
        task = detect_task(read_gold(path))
        ours = evaluate(path, task=task)  # type: ignore[arg-type]
        # Misses are printed only where they may be read: never for a held-out set, and for a split
        # set only those of its tuning half (its unseen half is scored, never shown).
        shown = 0 if path.name in HELD_OUT or path.name in SPLIT_SETS else args.worst
        print(ours.format(worst=shown))
        if path.name in SPLIT_SETS:
            if args.worst:
                print(_half(path, task, "tuning", worst=args.worst))
            print(_half(path, task, "unseen"))
        if not args.no_baseline and (base := baseline(path, task)) is not None:
            print(f"  baseline (library alone, same rule): precision {base.precision:.3f}  recall {base.recall:.3f}  F1 {base.f1:.3f}")
        pinned = floors.setdefault(path.name, {})
        for key, value in _metrics(ours).items():
            if key in pinned and value < pinned[key] - TOLERANCE:
                failures.append(f"{path.name} {key} {value:.4f} < pinned {pinned[key]:.4f}")
            if args.update:
                pinned[key] = max(math.floor(value * 10_000) / 10_000, pinned.get(key, 0.0))
        print()
    if args.update:
        RATCHET.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n")
        print(f"ratchet written: {RATCHET}")
    for failure in failures:
        print(f"BELOW RATCHET: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
