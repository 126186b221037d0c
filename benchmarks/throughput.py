"""Speed and memory benchmark: prints figures, asserts nothing.

    python benchmarks/throughput.py [--articles 10000] [--baseline-articles 150] [--events 1000000]

1. Extraction throughput of the full chain (segment, numbers, dates, events) in one process:
   articles/s and MB/s per core on a synthetic corpus (benchmarks/synth.py); then each stage on
   its own (KB/s per core), on that corpus and on the bundled sample corpus.
2. The out-of-the-box pipeline on the same articles (quantulum3.parser.parse and
   dateparser.search_dates with the publication date as RELATIVE_BASE, per sentence), on a
   subsample because it is slow; the ratio is per byte.
3. Scaling: the same articles with 1 and 2 worker processes, as records and as warehouse files.
4. A whole `etl run` over the corpus as a subprocess: wall time and peak memory (RSS), at two
   corpus sizes, to show memory stays flat as the corpus grows (batches are streamed), and the
   larger one again with two workers (each extracts and encodes whole batches, two per worker in
   flight, and clusters incidents by group; the parent reads the input and writes their files).
5. A DuckDB trend query over N synthetic events in Parquet against the same query in pandas.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
warnings.filterwarnings("ignore")

import synth  # noqa: E402

from etl.config import Config  # noqa: E402
from etl.engines import LocalEngine  # noqa: E402
from etl.extractor import Extractor  # noqa: E402
from etl.records import Article  # noqa: E402
from etl.stages.ingest import make_article  # noqa: E402
from etl.stages.segment import split_sentences  # noqa: E402


def _articles(count: int, seed: int = 7) -> list[Article]:
    out = []
    for raw in synth.articles(count, seed=seed):
        article = make_article(str(raw["text"]), name=str(raw["id"]), max_chars=10**7, meta=dict(raw))
        assert isinstance(article, Article)
        out.append(article)
    return out


def _mb(articles: list[Article]) -> float:
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1e6


def bench_extract(articles: list[Article]) -> float:
    extractor = Extractor.from_config(Config())
    extractor.extract(articles[0])  # warm: first calls of the libraries
    t0 = time.perf_counter()
    for article in articles:
        extractor.extract(article)
    seconds = time.perf_counter() - t0
    mb = _mb(articles)
    print(f"full extraction, 1 process: {len(articles)} articles, {mb:.2f} MB in {seconds:.2f} s = "
          f"{len(articles) / seconds:,.0f} articles/s, {mb / seconds:.2f} MB/s per core")
    return mb / seconds


def bench_stages(articles: list[Article], label: str, *, repeats: int = 3) -> None:
    """Each stage on its own (its inputs computed beforehand), best of ``repeats`` passes."""
    from etl.stages.extract.dates import extract_dates
    from etl.stages.extract.events import extract_events
    from etl.stages.extract.numbers import extract_quantities

    extractor = Extractor.from_config(Config())
    extractor.extract(articles[0])
    mb = _mb(articles)
    inputs = {id(a): (split_sentences(a.text), extract_quantities(a.text, policy=extractor.policy),
                      extract_dates(a.text, published=a.published)) for a in articles}
    stages = {
        "segment": lambda a: split_sentences(a.text),
        "quantities": lambda a: extract_quantities(a.text, policy=extractor.policy),
        "dates": lambda a: extract_dates(a.text, published=a.published),
        "events": lambda a: extract_events(a, *inputs[id(a)], vocab=extractor.vocab),
        "all (extract)": extractor.extract,
    }
    print(f"stages on {label} ({len(articles)} articles, {mb * 1000:.0f} KB), best of {repeats}:")
    for name, stage in stages.items():
        best = min(_timed(stage, articles) for _ in range(repeats))
        print(f"  {name:14s} {best * 1000 / len(articles):6.3f} ms/article  {mb * 1000 / best:8.0f} KB/s per core")


def _timed(stage: Callable[[Article], object], articles: list[Article]) -> float:
    t0 = time.perf_counter()
    for article in articles:
        stage(article)
    return time.perf_counter() - t0


def _sample_articles() -> list[Article]:
    from etl.cli import SAMPLE_CORPUS
    from etl.pipeline import file_items

    return [a for a in file_items([SAMPLE_CORPUS], config=Config()) if isinstance(a, Article)]


def bench_baseline(articles: list[Article]) -> float:
    import dateparser.search
    from quantulum3 import parser

    parser.parse("warm up 12 people")
    dateparser.search.search_dates("warm up on June 10", settings={"RELATIVE_BASE": dt.datetime(2024, 1, 1)})
    t0 = time.perf_counter()
    for article in articles:
        base = dt.datetime.combine(article.published or dt.date(2024, 1, 1), dt.time())
        for sentence in split_sentences(article.text):
            parser.parse(sentence.text)
            dateparser.search.search_dates(sentence.text, settings={"RELATIVE_BASE": base}, languages=["en"])
    seconds = time.perf_counter() - t0
    mb = _mb(articles)
    print(f"out-of-the-box quantulum3 + dateparser per sentence: {len(articles)} articles, {mb:.3f} MB in "
          f"{seconds:.2f} s = {len(articles) / seconds:,.1f} articles/s, {mb * 1000 / seconds:.1f} KB/s per core")
    return mb / seconds


def bench_workers(articles: list[Article]) -> None:
    """The same articles with 1 and 2 worker processes, returned as records (``map``: one batch
    split over the workers, what ``etl extract`` and notebooks use) and as warehouse files
    (``submit_batch``: batches of the default size, each extracted and encoded by one worker, a
    few in flight, what ``etl run`` does)."""
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    size = Config().batch_size
    batches = [articles[i : i + size] for i in range(0, len(articles), size)]

    def files(engine: LocalEngine) -> object:
        pending = [engine.submit_batch(b, run_id="bench", now=now, stem=f"part-bench-{i:05d}") for i, b in enumerate(batches)]
        return [p.result() for p in pending]

    ways: dict[str, Callable[[LocalEngine], object]] = {"records": lambda engine: engine.map(articles), "files": files}
    for name, way in ways.items():
        rates = {}
        for workers in (1, 2):
            engine = LocalEngine(Config(workers=workers))
            engine.map(articles[: 4 * workers])  # start and warm the pool
            t0 = time.perf_counter()
            way(engine)
            rates[workers] = len(articles) / (time.perf_counter() - t0)
            engine.close()
            print(f"{name}: workers={workers}: {rates[workers]:,.0f} articles/s")
        print(f"{name}: scaling 1 -> 2 workers: {rates[2] / rates[1]:.2f}x (on {os.cpu_count()} cores)")


# `etl` in a process that prints its own peak resident memory (VmHWM) when it exits. (A child's
# ru_maxrss would count the benchmark's own memory, which the child holds between fork and exec;
# the etl run's worker processes are not included either way: each holds one chunk of articles.)
_PEAK_REPORTING_RUN = (
    "import atexit, runpy, sys\n"
    "def peak():\n"
    "    try:\n"
    "        print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).strip(), file=sys.stderr)\n"
    "    except OSError:\n"
    "        pass\n"
    "atexit.register(peak)\n"
    "sys.argv = ['etl', *sys.argv[1:]]\n"
    "runpy.run_module('etl', run_name='__main__')\n"
)


def bench_run(count: int, *, per_file: int = 1000, workers: int = 1) -> None:
    """A whole `etl run` as a subprocess over ``count`` articles in JSON Lines files of ``per_file``."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        handle = None
        for index, raw in enumerate(synth.articles(count, seed=11)):
            if index % per_file == 0:
                handle = (corpus / f"part-{index // per_file:05d}.jsonl").open("w")
            assert handle is not None
            handle.write(json.dumps(raw) + "\n")
        if handle is not None:
            handle.close()
        mb = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _PEAK_REPORTING_RUN, "run", str(corpus), "-w", f"{tmp}/wh", "--no-progress",
                               "--workers", str(workers)], check=True, capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        peak = next((line.split()[1] for line in done.stderr.splitlines() if line.startswith("VmHWM")), None)
        shown = f"{int(peak) / 1024:.0f} MB" if peak else "n/a (no /proc)"
        print(f"etl run --workers {workers}, {count} articles ({mb:.1f} MB JSONL): {seconds:.1f} s wall, {count / seconds:,.0f} articles/s, "
              f"peak RSS of the etl process {shown}\n  {done.stdout.strip()}")


def bench_query(events: int) -> None:
    import duckdb
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(3)
    frame = pd.DataFrame({
        "period_start": pd.to_datetime("2020-01-01") + pd.to_timedelta(rng.integers(0, 6 * 365, events), unit="D"),
        "country_code": rng.choice(["PAK", "NGA", "SOM", "AFG", "MLI", "BFA", "COL", "PHL", "MEX", "SYR"], events),
        "measure": rng.choice(["killed", "injured", "kidnapped"], events),
        "value_best": rng.integers(0, 60, events).astype(float),
    })
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/events.parquet"
        frame.to_parquet(path)
        sql = (f"SELECT date_trunc('month', period_start) AS period, country_code, sum(value_best) AS total "
               f"FROM read_parquet('{path}') WHERE measure = 'killed' GROUP BY ALL ORDER BY ALL")
        con = duckdb.connect()
        t0 = time.perf_counter()
        con.execute(sql).df()
        duck = time.perf_counter() - t0
        t0 = time.perf_counter()
        loaded = pd.read_parquet(path)
        killed = loaded[loaded["measure"] == "killed"]
        killed.groupby([killed["period_start"].dt.to_period("M"), "country_code"])["value_best"].sum().reset_index()
        pandas_s = time.perf_counter() - t0
    print(f"trend query over {events:,} events: DuckDB {duck * 1000:.0f} ms, pandas {pandas_s * 1000:.0f} ms "
          f"({pandas_s / duck:.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--baseline-articles", type=int, default=150)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--skip-run", action="store_true", help="skip the subprocess etl run figures")
    args = parser.parse_args()
    articles = _articles(args.articles)
    print(f"corpus: {len(articles)} synthetic articles, {_mb(articles):.1f} MB of text\n")
    ours = bench_extract(articles)
    print()
    bench_stages(articles[:2000], "the synthetic corpus")
    bench_stages(_sample_articles(), "the bundled sample corpus", repeats=10)
    print()
    base = bench_baseline(articles[: args.baseline_articles])
    print(f"speed-up over the out-of-the-box pipeline (per byte): {ours / base:.0f}x\n")
    bench_workers(articles[: min(len(articles), 4000)])
    print()
    if not args.skip_run:
        bench_run(args.articles // 4)
        bench_run(args.articles)
        bench_run(args.articles, workers=2)
        print()
    bench_query(args.events)


if __name__ == "__main__":
    main()
