"""Keeping the ``incidents`` table in step with ``events``, incrementally.

Incidents are clustered per (measure, country) group (:mod:`etl.stages.dedup`), so a run only
changes the groups its new events fall in. After each run, the groups holding a countable
incident-scope event that no incident lists yet are re-clustered from all their events; every
other group's incidents are copied over as they are. Which events are new is read from the
warehouse itself (events anti-joined with the incidents' event ids), not remembered by the run:
a run killed before this step leaves its events unlisted, and the next run picks them up.
``full=True`` (after `etl reprocess`, which rewrites every event) re-clusters everything.

Streaming: events are read in chunks in the order clustering needs, and the table is written in
batches; DuckDB's sort is capped and spills to disk, so memory does not grow with the warehouse.

Parallel: groups are independent, so with an engine of several workers the events are sent in
runs of whole groups (about ``INCIDENT_CHUNK`` events each, a few runs in flight) and each worker
returns its run's incidents as an Arrow table; they are written in the same order as one process
writes them. A group larger than ``GROUP_LIMIT`` events is clustered here, streaming, as above.
"""

from __future__ import annotations

import itertools
import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from etl.engines import Engine, Pending
from etl.schema import to_arrow
from etl.stages.dedup import iter_incidents
from etl.stages.load import incident_rows
from etl.warehouse import Warehouse, read_sql, sql_literal

log = logging.getLogger(__name__)
# Events read, and incidents written, per chunk (bounds memory).
INCIDENT_CHUNK = 5_000
# DuckDB's memory while it sorts the events for clustering (it spills to disk beyond this).
INCIDENT_MEMORY = "128MB"
# Events a group may have and still be sent to a worker whole (a larger one is clustered here,
# streaming, so memory never holds it whole); the synthetic 10k corpus's largest group has ~2,000.
GROUP_LIMIT = 50_000
# The (measure, country) group of an event or incident row, as one comparable key.
_GROUP = "measure || '|' || coalesce(country_code, '')"
Row = tuple[Any, ...]


def _tuples(cursor: duckdb.DuckDBPyConnection) -> Iterator[Row]:
    while chunk := cursor.fetchmany(INCIDENT_CHUNK):
        yield from chunk


def _dicts(names: Sequence[str], rows: Iterable[Row]) -> Iterator[dict[str, Any]]:
    return (dict(zip(names, row, strict=True)) for row in rows)


def _fetch(cursor: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    return _dicts([d[0] for d in cursor.description or ()], _tuples(cursor))


def incident_table(names: Sequence[str], rows: Sequence[Row]) -> pa.Table:
    """Whole groups' events (tuples of the columns ``names``, in clustering order) clustered into
    rows of the incidents table: the task a worker runs."""
    return to_arrow("incidents", incident_rows(iter_incidents(_dicts(names, rows))))


def _here(names: Sequence[str], rows: Iterable[Row]) -> Iterator[list[dict[str, Any]]]:
    """Incident rows clustered in this process, streaming, in chunks."""
    incidents = iter_incidents(_dicts(names, rows))
    while chunk := list(itertools.islice(incidents, INCIDENT_CHUNK)):
        yield incident_rows(chunk)


def group_runs(names: Sequence[str], rows: Iterable[Row], *, chunk: int = INCIDENT_CHUNK,
               limit: int = GROUP_LIMIT) -> Iterator[list[Row] | Iterator[Row]]:
    """Sorted event rows as runs of whole groups of about ``chunk`` events (lists), in order; a
    group over ``limit`` events comes alone as an iterator, to be consumed before the next run."""
    measure, country = names.index("measure"), names.index("country_code")
    run: list[Row] = []
    for _, group in itertools.groupby(rows, key=lambda r: (r[measure], r[country] or "")):
        head = list(itertools.islice(group, limit + 1))
        if len(head) <= limit:
            run += head
            if len(run) >= chunk:
                yield run
                run = []
            continue
        if run:
            yield run
            run = []
        yield itertools.chain(head, group)  # noqa: B031 - the rest of this group, read once, before the next
    if run:
        yield run


def cluster_by_workers(engine: Engine, names: Sequence[str], rows: Iterable[Row], *, chunk: int = INCIDENT_CHUNK,
                       limit: int = GROUP_LIMIT) -> Iterator[pa.Table | list[dict[str, Any]]]:
    """Incidents of every group, in order, clustered by the engine's workers (see the module docstring)."""
    pending: deque[Pending[pa.Table]] = deque()
    for run in group_runs(names, rows, chunk=chunk, limit=limit):
        if isinstance(run, list):
            pending.append(engine.call(incident_table, names, run))
            if len(pending) > 2 * engine.width:
                yield pending.popleft().result()
            continue
        while pending:
            yield pending.popleft().result()
        yield from _here(names, run)
    while pending:
        yield pending.popleft().result()


def _touched_groups(con: duckdb.DuckDBPyConnection) -> int:
    """Fill the table ``touched_groups`` with the groups of unlisted events; return its size.

    A table of the connection's in-memory database, not a TEMP one: its cursors must see it."""
    con.execute(f"CREATE TABLE touched_groups AS SELECT DISTINCT {_GROUP} AS grp FROM ({read_sql('incident_unlisted.sql')})")
    row = con.execute("SELECT count(*) FROM touched_groups").fetchone()
    return int(row[0]) if row else 0


def update_incidents(warehouse: Warehouse, *, full: bool = False, engine: Engine | None = None) -> int:
    """Bring ``incidents`` up to date with ``events`` (see the module docstring); return the number
    of incidents re-clustered (all of them when ``full``, 0 when nothing was new). With an
    ``engine`` of several workers, groups are clustered by its workers."""
    con = warehouse.connect()
    con.execute(f"SET memory_limit = '{INCIDENT_MEMORY}'")
    con.execute(f"SET temp_directory = {sql_literal(warehouse.spill_directory())}")
    incremental = not full and bool(warehouse.files("incidents"))
    where = ""
    if incremental:
        if _touched_groups(con) == 0:
            return 0
        where = f"AND {_GROUP} IN (SELECT grp FROM touched_groups)"
    cursor = con.execute(read_sql("incident_input.sql").format(groups=where))
    names = [d[0] for d in cursor.description or ()]
    # A second cursor: the kept incidents are copied while the new ones are clustered.
    kept = _fetch(con.cursor().execute(f"SELECT * FROM incidents WHERE {_GROUP} NOT IN (SELECT grp FROM touched_groups)")) if incremental else iter(())
    parallel = engine is not None and engine.width > 1
    clustered = 0

    def batches() -> Iterator[pa.Table | Sequence[dict[str, Any]]]:
        nonlocal clustered
        while rows := list(itertools.islice(kept, INCIDENT_CHUNK)):
            yield rows
        for batch in cluster_by_workers(engine, names, _tuples(cursor)) if engine is not None and parallel else _here(names, _tuples(cursor)):
            clustered += len(batch)
            yield batch

    warehouse.replace_table("incidents", batches())
    log.info("incidents: %d re-clustered (%s%s)", clustered, "incremental" if incremental else "full", ", by workers" if parallel else "")
    return clustered
