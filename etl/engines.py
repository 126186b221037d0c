"""Where extraction runs: in this process, in a local process pool, or on a Dask cluster.

Each worker builds its :class:`~etl.extractor.Extractor` once (vocabularies, gazetteer and the
libraries' first-call costs are paid once per worker, not per article); a local pool starts its
workers, and they build it, as soon as the engine is made. ``map``/``submit`` return records, a
batch split over the workers; ``submit_batch`` gives a whole batch to one worker, which returns
it as the warehouse's Parquet files, validated and compressed: the process that commits them
(``etl run``) only writes bytes, so its own work hardly competes with the workers', and the files
are the same whatever ran them. ``call`` runs any task (incidents are clustered that way).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from etl.config import Config
from etl.extractor import Extractor
from etl.records import Article, DateMention, Event, Extraction, QuantityMention, Reject, Sentence, field_values
from etl.schema import Parts, partitioned
from etl.stages.load import Rows, extraction_rows, merge_rows
from etl.warehouse import Encoded, encode_table

Result = Extraction | Reject
T = TypeVar("T")
log = logging.getLogger(__name__)
_WORKER_EXTRACTOR: dict[Config, Extractor] = {}


def _extractor_for(config: Config) -> Extractor:
    extractor = _WORKER_EXTRACTOR.get(config)
    if extractor is None:
        extractor = _WORKER_EXTRACTOR[config] = Extractor.from_config(config)
    return extractor


def extract_one(extractor: Extractor, article: Article) -> Result:
    """One article's extraction; a bug on one article becomes its reject, not a failed run (a
    poison pill would otherwise stop every rerun too)."""
    try:
        return extractor.extract(article)
    except RecursionError as exc:
        return Reject(article.input, "extract_error", f"RecursionError: {exc}")
    except Exception as exc:  # noqa: BLE001 - any bug in extraction is reported with the article
        log.exception("extraction failed on %s", article.input)
        return Reject(article.input, "extract_error", f"{type(exc).__name__}: {exc}")


def extract_batch(config: Config, articles: Sequence[Article]) -> list[Result]:
    """Extract a batch in the current process (also the task a pool or Dask worker runs)."""
    extractor = _extractor_for(config)
    return [extract_one(extractor, article) for article in articles]


# A batch as the warehouse writes it: per table, the rows validated and split by partition.
Tables = dict[str, Parts]


def rows_batch(config: Config, articles: Sequence[Article], run_id: str, now: dt.datetime) -> tuple[Tables, list[Reject]]:
    """A batch as warehouse parts (every table, articles in order) and the articles that failed.
    Built where the extraction ran: Arrow tables cross between processes far faster than rows."""
    rows: Rows = {}
    failed: list[Reject] = []
    for result in extract_batch(config, articles):
        if isinstance(result, Reject):
            failed.append(result)
        else:
            merge_rows(rows, extraction_rows(result, run_id=run_id, ingested_at=now))
    return {table: partitioned(table, table_rows) for table, table_rows in rows.items() if table_rows}, failed


@dataclass(frozen=True, slots=True)
class EncodedBatch:
    """A batch as the warehouse stages it: its Parquet files, rows per table, articles that failed."""

    files: tuple[Encoded, ...]
    rows: dict[str, int]
    failed: tuple[Reject, ...]


def encoded_batch(config: Config, articles: Sequence[Article], run_id: str, now: dt.datetime, stem: str,
                  tables: Collection[str] | None = None) -> EncodedBatch:
    """A whole batch extracted, validated and encoded as Parquet files named ``stem`` (only
    ``tables`` when given), in the process that extracted it."""
    parts, failed = rows_batch(config, articles, run_id, now)
    files = tuple(f for table in sorted(parts) if tables is None or table in tables for f in encode_table(table, parts[table], stem))
    rows = {table: sum(arrow.num_rows for arrow in table_parts.values()) for table, table_parts in parts.items()}
    return EncodedBatch(files, rows, tuple(failed))


def _warm(config: Config) -> None:
    """A worker's first task: build its extractor before the first batch arrives."""
    _extractor_for(config)


# What crosses between processes: each record as a plain tuple of its fields (pickling frozen
# dataclasses field by field cost more than the extraction itself once extraction got fast), and no
# article and no sentence text (the parent has the article; a sentence is a slice of it).
Packed = tuple[tuple[Any, ...], ...] | Reject


def _pack(result: Result) -> Packed:
    if isinstance(result, Reject):
        return result
    sentences = tuple((s.index, s.char_start, s.char_end, s.paragraph) for s in result.sentences)
    parts = [tuple(field_values(r) for r in records) for records in (result.quantities, result.dates, result.events)]
    return (sentences, *parts)


def _unpack(packed: Packed, article: Article) -> Result:
    if isinstance(packed, Reject):
        return packed
    sentences, quantities, dates, events = packed
    text = article.text
    return Extraction(
        article,
        tuple(Sentence(i, start, end, text[start:end], paragraph) for i, start, end, paragraph in sentences),
        tuple(QuantityMention(*q) for q in quantities),
        tuple(DateMention(*d) for d in dates),
        tuple(Event(*e) for e in events),
    )


def _extract_packed(config: Config, articles: Sequence[Article]) -> list[Packed]:
    """A worker's batch in its compact form (see ``_pack``)."""
    return [_pack(r) for r in extract_batch(config, articles)]


def _reattach(results: Sequence[Packed], articles: Sequence[Article]) -> list[Result]:
    return [_unpack(r, a) for r, a in zip(results, articles, strict=True)]


def _chunks(articles: Sequence[Article], workers: int) -> list[list[Article]]:
    """About four chunks per worker, so a slow chunk does not leave the others idle."""
    size = max(1, len(articles) // (workers * 4))
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


def _gathered(chunks: Sequence[Sequence[Article]], parts: Iterable[Sequence[Packed]]) -> list[Result]:
    results: list[Result] = []
    for chunk, part in zip(chunks, parts, strict=True):
        results.extend(_reattach(part, chunk))
    return results


class Pending(Generic[T]):
    """A batch handed to an engine: ``result()`` waits for it. Workers go on extracting while the
    caller writes the previous batch (``etl run`` keeps one batch in flight this way)."""

    def __init__(self, wait: Callable[[], T]) -> None:
        self._wait = wait

    def result(self) -> T:
        return self._wait()


class Engine(Protocol):
    width: int  # how many batches (or other tasks) run at once

    def call(self, task: Callable[..., T], *args: Any) -> Pending[T]: ...

    def submit(self, articles: Sequence[Article]) -> Pending[list[Result]]: ...

    def submit_batch(self, articles: Sequence[Article], *, run_id: str, now: dt.datetime, stem: str,
                     tables: Collection[str] | None = None) -> Pending[EncodedBatch]: ...

    def map(self, articles: Sequence[Article]) -> list[Result]: ...

    def close(self) -> None: ...


class LocalEngine:
    """Extraction in this process, or in a pool of ``workers`` processes."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.width = config.workers
        self._pool = ProcessPoolExecutor(config.workers) if config.workers > 1 else None
        if self._pool is not None:
            # One warm-up task per worker (each takes one: building takes over a second); a failure
            # here is raised again, with its cause, by the first real task.
            for _ in range(config.workers):
                self._pool.submit(_warm, config)

    def call(self, task: Callable[..., T], *args: Any) -> Pending[T]:
        if self._pool is None:
            done = task(*args)
            return Pending(lambda: done)
        future = self._pool.submit(task, *args)
        return Pending(future.result)

    def submit(self, articles: Sequence[Article]) -> Pending[list[Result]]:
        if self._pool is None:
            results = extract_batch(self.config, articles)
            return Pending(lambda: results)
        chunks = _chunks(articles, self.config.workers)
        futures = [self._pool.submit(_extract_packed, self.config, chunk) for chunk in chunks]
        return Pending(lambda: _gathered(chunks, (f.result() for f in futures)))

    def submit_batch(self, articles: Sequence[Article], *, run_id: str, now: dt.datetime, stem: str,
                     tables: Collection[str] | None = None) -> Pending[EncodedBatch]:
        return self.call(encoded_batch, self.config, list(articles), run_id, now, stem, tables)

    def map(self, articles: Sequence[Article]) -> list[Result]:
        return self.submit(articles).result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)  # none left after a whole run; after a failure, do not wait


class DaskEngine:
    """Extraction on an existing Dask distributed cluster (``--scheduler tcp://host:8786``)."""

    def __init__(self, config: Config) -> None:
        from distributed import Client  # optional dependency: pip install 'etl[dask]'

        self.config = config
        self._client: Any = Client(config.scheduler, set_as_default=False)
        self.width = max(1, len(self._client.scheduler_info().get("workers", {})))

    def _chunks(self, articles: Sequence[Article]) -> list[list[Article]]:
        return _chunks(articles, max(1, len(self._client.scheduler_info().get("workers", {}))))

    def call(self, task: Callable[..., T], *args: Any) -> Pending[T]:
        future = self._client.submit(task, *args, pure=False)
        return Pending(future.result)

    def submit(self, articles: Sequence[Article]) -> Pending[list[Result]]:
        chunks = self._chunks(articles)
        futures = self._client.map(_extract_packed, [self.config] * len(chunks), chunks, pure=False)
        return Pending(lambda: _gathered(chunks, self._client.gather(futures)))

    def submit_batch(self, articles: Sequence[Article], *, run_id: str, now: dt.datetime, stem: str,
                     tables: Collection[str] | None = None) -> Pending[EncodedBatch]:
        return self.call(encoded_batch, self.config, list(articles), run_id, now, stem, tables)

    def map(self, articles: Sequence[Article]) -> list[Result]:
        return self.submit(articles).result()

    def close(self) -> None:
        self._client.close()


def make_engine(config: Config) -> Engine:
    return DaskEngine(config) if config.engine == "dask" else LocalEngine(config)
