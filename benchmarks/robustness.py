"""Robustness benchmark: the bad-input corpus and kill -9 fault injection, summarised.

Builds the deliberately bad corpus of ``tests/robustness/corpora.py`` in a temporary folder, runs
the pipeline over it (whole run, then every input on its own to count crashes precisely), and kills
``python -m etl run`` with SIGKILL after random delays before rerunning it, comparing the warehouse
with an uninterrupted run. Prints: inputs tried, outcomes by reason, crashes (must be 0), and one
line per fault-injection seed.

    python -m benchmarks.robustness [--seeds 6] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from etl.config import Config  # noqa: E402
from etl.extractor import Extractor  # noqa: E402
from etl.pipeline import run_paths  # noqa: E402
from etl.records import Reject  # noqa: E402
from etl.stages.ingest import ingest  # noqa: E402
from etl.warehouse import Warehouse  # noqa: E402
from tests.robustness.corpora import (  # noqa: E402
    ARTICLE,
    ARTICLES,
    BATCH,
    DUPLICATE,
    build_bad_corpus,
    kill_plan,
    run_and_kill,
    snapshot,
    unreadable_parquet,
    write_news_corpus,
)


def _isolated_outcomes(root: Path, config: Config) -> tuple[Counter[str], list[str]]:
    """Every input ingested and extracted on its own: outcomes, and the inputs that raised."""
    extractor = Extractor.from_config(config)
    outcomes: Counter[str] = Counter()
    crashes: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink() or not p.exists()):
        try:
            for item in ingest([path], max_bytes=config.max_input_bytes, max_chars=config.max_article_chars):
                result = item if isinstance(item, Reject) else extractor.extract(item)
                outcomes[result.reason if isinstance(result, Reject) else ARTICLE] += 1
        except Exception:  # noqa: BLE001 - a crash is what this benchmark counts
            crashes.append(f"{path}: {traceback.format_exc(limit=3)}")
    return outcomes, crashes


def bad_corpus(work: Path) -> int:
    root = work / "bad"
    expected = build_bad_corpus(root)
    config = Config(warehouse=str(work / "bad-warehouse"), batch_size=7, progress=False)
    t0 = time.perf_counter()
    crashes: list[str] = []
    try:
        summary = run_paths([root], config=config)
    except Exception:  # noqa: BLE001
        crashes.append("whole run: " + traceback.format_exc(limit=5))
    else:
        c = summary.counts
        print(f"inputs tried: {len(expected)} (read by the run: {c.inputs_read}) in {time.perf_counter() - t0:.1f} s")
        print(f"  articles: {c.articles_new}, duplicates: {c.articles_duplicate}, rejected: {c.rejected}")
        for reason, n in sorted(c.reject_reasons.items()):
            print(f"  rejected ({reason}): {n}")
        wrong = _wrong_outcomes(expected, config)
        print(f"inputs with an unexpected outcome: {len(wrong)}")
        for line in wrong:
            print("  " + line)
    _, isolated = _isolated_outcomes(root, config)
    crashes += isolated
    print(f"crashes: {len(crashes)}")
    for crash in crashes:
        print("  " + crash.replace("\n", "\n    "))
    return len(crashes)


def _wrong_outcomes(expected: dict[str, frozenset[str]], config: Config) -> list[str]:
    con = Warehouse(config.warehouse).connect()
    articles = {r[0] for r in con.execute("SELECT input FROM articles").fetchall()}
    rejects = dict(con.execute("SELECT input, reason FROM rejects").fetchall())
    wrong = []
    for name, allowed in expected.items():
        got = ARTICLE if name in articles else rejects.get(name, DUPLICATE)
        if got not in allowed:
            wrong.append(f"{name!r}: {got}, expected {sorted(allowed)}")
    return wrong


def faults(work: Path, seeds: int) -> int:
    corpus = work / "news"
    write_news_corpus(corpus, n=ARTICLES, seed=0)
    reference = work / "reference"
    t0 = time.perf_counter()
    run_and_kill(corpus, reference, after_commits=None)
    expected = snapshot(reference)
    print(f"fault injection: {ARTICLES} articles, --batch-size {BATCH} ({ARTICLES // BATCH} batches); an uninterrupted "
          f"run takes {time.perf_counter() - t0:.2f} s; SIGKILL after a random number of commits plus a random delay, then rerun")
    unequal = 0
    for seed in range(1, seeds + 1):
        warehouse = work / f"killed-{seed}"
        after_commits, extra = kill_plan(seed)
        killed = run_and_kill(corpus, warehouse, after_commits=after_commits, extra=extra)
        left = sum(1 for p in warehouse.rglob("*") if p.is_file() and (p.name.startswith(".tmp-") or "_staging" in p.parts))
        broken = unreadable_parquet(warehouse)
        run_paths([corpus], config=Config(warehouse=str(warehouse), batch_size=BATCH, progress=False))
        got = snapshot(warehouse)
        differing = {t: f"{len(got[t])} rows vs {len(expected[t])}" for t in got if got[t] != expected[t]}
        equal = not differing and not broken and not unreadable_parquet(warehouse)
        unequal += not equal
        when = f"killed after {killed[0]:.2f} s with {killed[1]} commit markers" if killed else "finished before the kill"
        print(f"  seed {seed}: aim {after_commits} commits + {extra:.3f} s: {when}; {left} staged or temporary files at the kill; "
              f"unreadable parquet {len(broken)}; after rerun equal to uninterrupted: {'yes' if equal else 'NO'}"
              + (f" (differs: {differing})" if differing else ""))
    return unequal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--seeds", type=int, default=6, help="fault-injection runs (default 6)")
    parser.add_argument("--keep", type=Path, help="build everything in this folder and keep it")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="etl-robustness-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        crashes = bad_corpus(work)
        unequal = faults(work, args.seeds)
    return 1 if crashes or unequal else 0


if __name__ == "__main__":
    sys.exit(main())
