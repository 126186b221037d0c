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
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from typing import Any

import duckdb

from etl.stages.dedup import iter_incidents
from etl.stages.load import incident_rows
from etl.warehouse import Warehouse, read_sql, sql_literal

log = logging.getLogger(__name__)
# Events read, and incidents written, per chunk (bounds memory).
INCIDENT_CHUNK = 5_000
# DuckDB's memory while it sorts the events for clustering (it spills to disk beyond this).
INCIDENT_MEMORY = "128MB"
# The (measure, country) group of an event or incident row, as one comparable key.
_GROUP = "measure || '|' || coalesce(country_code, '')"


def _fetch(cursor: duckdb.DuckDBPyConnection) -> Iterator[dict[str, Any]]:
    names = [d[0] for d in cursor.description or ()]
    while chunk := cursor.fetchmany(INCIDENT_CHUNK):
        yield from (dict(zip(names, row, strict=True)) for row in chunk)


def _touched_groups(con: duckdb.DuckDBPyConnection) -> int:
    """Fill the table ``touched_groups`` with the groups of unlisted events; return its size.

    A table of the connection's in-memory database, not a TEMP one: its cursors must see it."""
    con.execute(f"CREATE TABLE touched_groups AS SELECT DISTINCT {_GROUP} AS grp FROM ({read_sql('incident_unlisted.sql')})")
    row = con.execute("SELECT count(*) FROM touched_groups").fetchone()
    return int(row[0]) if row else 0


def update_incidents(warehouse: Warehouse, *, full: bool = False) -> int:
    """Bring ``incidents`` up to date with ``events`` (see the module docstring); return the number
    of incidents re-clustered (all of them when ``full``, 0 when nothing was new)."""
    con = warehouse.connect()
    con.execute(f"SET memory_limit = '{INCIDENT_MEMORY}'")
    con.execute(f"SET temp_directory = {sql_literal(warehouse.spill_directory())}")
    incremental = not full and bool(warehouse.files("incidents"))
    where = ""
    if incremental:
        if _touched_groups(con) == 0:
            return 0
        where = f"AND {_GROUP} IN (SELECT grp FROM touched_groups)"
    events = _fetch(con.execute(read_sql("incident_input.sql").format(groups=where)))
    # A second cursor: the kept incidents are copied while the new ones are clustered.
    kept = _fetch(con.cursor().execute(f"SELECT * FROM incidents WHERE {_GROUP} NOT IN (SELECT grp FROM touched_groups)")) if incremental else iter(())
    clustered = 0

    def batches() -> Iterator[list[dict[str, Any]]]:
        nonlocal clustered
        while rows := list(itertools.islice(kept, INCIDENT_CHUNK)):
            yield rows
        incidents = iter_incidents(events)
        while chunk := list(itertools.islice(incidents, INCIDENT_CHUNK)):
            clustered += len(chunk)
            yield incident_rows(chunk)

    warehouse.replace_table("incidents", batches())
    log.info("incidents: %d re-clustered (%s)", clustered, "incremental" if incremental else "full")
    return clustered
