"""The run: ingest -> extract -> load, in batches, under the warehouse lock.

Holds no extraction logic of its own. Accounting invariant, checked at the end of every run and
recorded in ``runs``: inputs read = new articles + duplicates + skipped (``--since``) + rejects.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import secrets
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from etl.config import Config
from etl.engines import EncodedBatch, Engine, Pending, make_engine
from etl.incidents import update_incidents
from etl.records import Article, Reject
from etl.stages.ingest import ingest
from etl.stages.load import reject_rows
from etl.warehouse import Batch, Warehouse, read_sql

log = logging.getLogger(__name__)
Source = Iterable[Article | Reject]
# Batches in flight per worker (submitted, not yet committed): with two, a worker that finishes a
# batch finds the next one queued while this process commits and reads (a batch of 500 synthetic
# articles takes a worker ~2 s; committing it 0.1-0.3 s, mostly fsync). In this process (one
# worker): extract batch N+1, then commit N, as before.
IN_FLIGHT_PER_WORKER = 2
X = TypeVar("X")


class AccountingError(Exception):
    """A run's counts do not add up: an input was lost or counted twice (a bug)."""


def extractor_version() -> str:
    try:
        return version("etl")
    except PackageNotFoundError:
        return "0+unknown"


def new_run_id(now: dt.datetime) -> str:
    return f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


@dataclass(slots=True)
class RunCounts:
    inputs_read: int = 0
    articles_new: int = 0
    articles_duplicate: int = 0
    articles_skipped: int = 0
    rejected: int = 0
    events: int = 0
    quantities: int = 0
    dates: int = 0
    reject_reasons: dict[str, int] = dataclasses.field(default_factory=dict)

    def check(self) -> None:
        accounted = self.articles_new + self.articles_duplicate + self.articles_skipped + self.rejected
        if accounted != self.inputs_read:
            raise AccountingError(f"inputs read {self.inputs_read} != accounted {accounted}: {self}")


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    status: str
    counts: RunCounts
    started_at: dt.datetime
    finished_at: dt.datetime
    warehouse: str
    detail: str | None = None

    def row(self, config: Config) -> dict[str, Any]:
        counts = {k: v for k, v in dataclasses.asdict(self.counts).items() if k != "reject_reasons"}
        return {
            "run_id": self.run_id, "started_at": self.started_at, "finished_at": self.finished_at,
            "status": self.status, "extractor_version": extractor_version(), **counts,
            "seconds": (self.finished_at - self.started_at).total_seconds(),
            "workers": config.workers, "engine": config.engine, "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class RunOptions:
    since: dt.date | None = None
    limit: int | None = None


class _Batcher:
    """Deduplicates and batches ingested items; counts everything it sees."""

    def __init__(self, known: set[str], counts: RunCounts, options: RunOptions, size: int) -> None:
        self.known, self.counts, self.options, self.size = known, counts, options, size

    def batches(self, items: Source) -> Iterator[tuple[list[Article], list[Reject]]]:
        articles: list[Article] = []
        rejects: list[Reject] = []
        for item in items:
            if self.options.limit is not None and self.counts.inputs_read >= self.options.limit:
                break
            self.counts.inputs_read += 1
            if isinstance(item, Reject):
                rejects.append(item)
            elif item.content_sha256 in self.known:
                self.counts.articles_duplicate += 1
            elif self.options.since and (item.published is None or item.published < self.options.since):
                self.counts.articles_skipped += 1
            else:
                self.known.add(item.content_sha256)
                articles.append(item)
            if len(articles) + len(rejects) >= self.size:
                yield articles, rejects
                articles, rejects = [], []
        if articles or rejects:
            yield articles, rejects


def _batch_rows(extracted: EncodedBatch, rejects: list[Reject], *, run_id: str, now: dt.datetime, counts: RunCounts) -> Batch:
    """The batch's `rejects` rows, one for every input turned away (at ingest, then at extraction),
    counted with the rows of the tables the batch's files hold."""
    rejects = [*rejects, *extracted.failed]
    for reject in rejects:
        counts.reject_reasons[reject.reason] = counts.reject_reasons.get(reject.reason, 0) + 1
    counts.articles_new += extracted.rows.get("articles", 0)
    counts.rejected += len(rejects)
    for table in ("events", "quantities", "dates"):
        setattr(counts, table, getattr(counts, table) + extracted.rows.get(table, 0))
    return {"rejects": reject_rows(rejects, run_id=run_id, at=now)}


def _record_interrupted(warehouse: Warehouse, run_ids: list[str], config: Config, now: dt.datetime) -> None:
    """Give every run that died without a `runs` row a failed one (counts unknown: zero)."""
    recorded = {r[0] for r in warehouse.connect().execute("SELECT run_id FROM runs").fetchall()} if run_ids else set()
    for run_id in run_ids:
        if run_id not in recorded:
            log.warning("run %s was interrupted; its uncommitted batches were removed", run_id)
            detail = "interrupted or failed; uncommitted batches removed by the next run"
            summary = RunSummary(run_id, "failed", RunCounts(), now, now, warehouse.location, detail)
            warehouse.commit_batch({"runs": [summary.row(config)]}, run_id=run_id, batch=99999)
        warehouse.clear_running(run_id)


def _extracted(engine: Engine, batches: Iterable[tuple[Sequence[Article], X]], *, run_id: str, now: dt.datetime,
               tables: Collection[str] | None = None) -> Iterator[tuple[int, X, EncodedBatch]]:
    """Each batch (with what the caller keeps beside it) extracted and encoded by the engine, in
    order, with up to ``IN_FLIGHT_PER_WORKER`` batches per worker submitted ahead: workers extract
    and encode the next batches while the caller commits this one."""
    in_flight: deque[tuple[int, X, Pending[EncodedBatch]]] = deque()
    for index, (articles, kept) in enumerate(batches):
        in_flight.append((index, kept, engine.submit_batch(articles, run_id=run_id, now=now, stem=f"part-{run_id}-{index:05d}", tables=tables)))
        if len(in_flight) >= IN_FLIGHT_PER_WORKER * engine.width:
            index, kept, pending = in_flight.popleft()
            yield index, kept, pending.result()
    while in_flight:
        index, kept, pending = in_flight.popleft()
        yield index, kept, pending.result()


def _run_batches(warehouse: Warehouse, engine: Engine, items: Source, *, config: Config, options: RunOptions, run_id: str,
                 started: dt.datetime, counts: RunCounts, progress: Callable[[int], None]) -> None:
    """Extract and commit batch by batch, in input order (each batch's files are the same whatever
    the engine: one task extracts and encodes a whole batch)."""
    batcher = _Batcher(warehouse.known_hashes(), counts, options, config.batch_size)
    batches = ((articles, (rejects, len(articles) + len(rejects))) for articles, rejects in batcher.batches(items))
    for batch, (rejects, size), extracted in _extracted(engine, batches, run_id=run_id, now=started):
        rows = _batch_rows(extracted, rejects, run_id=run_id, now=started, counts=counts)
        warehouse.commit_batch(rows, run_id=run_id, batch=batch, encoded=extracted.files)
        progress(size)


def _record_failure(warehouse: Warehouse, summary: RunSummary, config: Config) -> None:
    """Best effort: a failed run gets its row in `runs` (impossible when the disk itself failed)."""
    try:
        warehouse.commit_batch({"runs": [summary.row(config)]}, run_id=summary.run_id, batch=99998)
        warehouse.clear_running(summary.run_id)
    except Exception as exc:  # noqa: BLE001 - the original error is what the caller must see
        log.error("could not record failed run %s (the next run will): %s", summary.run_id, exc)


def run_items(
    items: Source,
    *,
    config: Config,
    options: RunOptions = RunOptions(),
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    progress: Callable[[int], None] = lambda n: None,
) -> RunSummary:
    """Run the pipeline over already-ingested items (files, feeds) into the configured warehouse."""
    warehouse = Warehouse(config.warehouse)
    started = clock()
    run_id = new_run_id(started)
    counts = RunCounts()
    # The engine first: a pool's workers start and warm up while this process recovers and reads.
    with warehouse.lock(), contextlib.closing(make_engine(config)) as engine:
        _record_interrupted(warehouse, warehouse.recover(), config, started)
        warehouse.mark_running(run_id)
        try:
            _run_batches(warehouse, engine, items, config=config, options=options, run_id=run_id, started=started, counts=counts, progress=progress)
            counts.check()
            update_incidents(warehouse, engine=engine)
        except Exception as exc:
            failed = RunSummary(run_id, "failed", counts, started, clock(), warehouse.location, f"{type(exc).__name__}: {exc}")
            _record_failure(warehouse, failed, config)
            raise
        status = "partial" if counts.rejected else "ok"
        summary = RunSummary(run_id, status, counts, started, clock(), warehouse.location)
        warehouse.commit_batch({"runs": [summary.row(config)]}, run_id=run_id, batch=99998)
        warehouse.clear_running(run_id)
        warehouse.materialize()
    return summary


def file_items(paths: list[Path], *, config: Config) -> Source:
    """Articles and rejects from files and folders, within the configured size limits."""
    return ingest(paths, max_bytes=config.max_input_bytes, max_chars=config.max_article_chars)


def run_paths(paths: list[Path], *, config: Config, **kwargs: Any) -> RunSummary:
    """Run the pipeline over files and folders."""
    return run_items(file_items(paths, config=config), config=config, **kwargs)


def _stored_articles(warehouse: Warehouse, batch_size: int) -> Iterator[list[Article]]:
    cursor = warehouse.connect().execute(read_sql("stored_articles.sql"))
    names = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(batch_size):
        yield [Article(**dict(zip(names, row, strict=True))) for row in rows]


def reextract(
    *, config: Config, clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    progress: Callable[[int], None] = lambda n: None,
) -> RunSummary:
    """Re-extract every stored article with the current extractor; its quantities, dates and events
    replace the old ones in one crash-safe step (articles themselves are kept as they are)."""
    warehouse = Warehouse(config.warehouse)
    started = clock()
    run_id = new_run_id(started)
    counts = RunCounts()
    derived = ("quantities", "dates", "events", "event_parts")
    with warehouse.lock():
        _record_interrupted(warehouse, warehouse.recover(), config, started)
        files: list[str] = []
        with contextlib.closing(make_engine(config)) as engine:
            batches = ((articles, len(articles)) for articles in _stored_articles(warehouse, config.batch_size))
            for batch, size, extracted in _extracted(engine, batches, run_id=run_id, now=started, tables=derived):
                _batch_rows(extracted, [], run_id=run_id, now=started, counts=counts)
                files += warehouse.stage({}, key=f"{run_id}-00000", stem=f"part-{run_id}-{batch:05d}", encoded=extracted.files)
                counts.inputs_read += size
                progress(size)
            counts.articles_duplicate, counts.articles_new = counts.articles_new, 0
            counts.check()
            warehouse.commit_replacement(key=f"{run_id}-00000", files=files, tables=derived)
            update_incidents(warehouse, full=True, engine=engine)
        summary = RunSummary(run_id, "ok", counts, started, clock(), warehouse.location, "reprocess: stored articles re-extracted")
        warehouse.commit_batch({"runs": [summary.row(config)]}, run_id=run_id, batch=99998)
        warehouse.materialize()
    return summary
