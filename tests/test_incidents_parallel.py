"""Incidents clustered by worker processes, in runs of whole groups, equal one process's, in order."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from etl import incidents
from etl.config import Config
from etl.engines import LocalEngine
from etl.pipeline import RunSummary
from etl.schema import to_arrow
from etl.warehouse import Warehouse, read_sql


@pytest.fixture(scope="module")
def pool() -> Any:
    engine = LocalEngine(Config(workers=2))
    yield engine
    engine.close()


def _input(root: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    cursor = Warehouse(root).connect().execute(read_sql("incident_input.sql").format(groups=""))
    return [d[0] for d in cursor.description or ()], cursor.fetchall()


def _rows(batches: Any) -> list[dict[str, Any]]:
    return [row for b in batches for row in (b if isinstance(b, list) else b.to_pylist())]


def test_group_runs_never_split_a_group_and_keep_the_order() -> None:
    names = ["measure", "country_code", "event_id"]
    rows = [("killed", c, f"{c}{i}") for c, n in (("AFG", 2), ("IRQ", 5), ("NGA", 1), (None, 2)) for i in range(n)]
    runs = [r if isinstance(r, list) else ["big", *r] for r in incidents.group_runs(names, rows, chunk=3, limit=4)]
    assert runs == [rows[:2], ["big", *rows[2:7]], rows[7:]]


def test_workers_give_the_incidents_of_one_process_in_the_same_order(sample_warehouse: tuple[Path, RunSummary], pool: LocalEngine) -> None:
    names, rows = _input(sample_warehouse[0])
    sizes = Counter((r[names.index("measure")], r[names.index("country_code")]) for r in rows)
    assert len(sizes) > 5 and max(sizes.values()) > 5  # several runs, and a group too big to send
    alone = to_arrow("incidents", _rows(incidents._here(names, rows))).to_pylist()
    # Runs of about 4 events; groups over 5 events are clustered here, between the workers' runs.
    assert _rows(incidents.cluster_by_workers(pool, names, rows, chunk=4, limit=5)) == alone
    assert _rows(incidents.cluster_by_workers(pool, names, rows)) == alone


def test_update_with_workers_rewrites_the_same_table(sample_warehouse: tuple[Path, RunSummary], tmp_path: Path, pool: LocalEngine) -> None:
    shutil.copytree(sample_warehouse[0], tmp_path / "wh")
    warehouse = Warehouse(tmp_path / "wh")
    before = pq.read_table(tmp_path / "wh" / "incidents" / "incidents.parquet").to_pylist()
    with warehouse.lock():
        assert incidents.update_incidents(warehouse, full=True, engine=pool) == len(before)
    assert pq.read_table(tmp_path / "wh" / "incidents" / "incidents.parquet").to_pylist() == before
