import datetime as dt
import threading
from pathlib import Path

import pytest

from etl.schema import SchemaError, table_names
from etl.storage import Store
from etl.warehouse import QueryError, Warehouse, WarehouseLocked, read_only_query

NOW = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)


def reject(name: str) -> dict[str, object]:
    return {"run_id": "r1", "input": name, "reason": "binary", "detail": "NUL bytes", "rejected_at": NOW}


def test_empty_warehouse_has_every_view(tmp_path: Path) -> None:
    con = Warehouse(tmp_path).connect()
    for table in table_names():
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM reported_vs_computed").fetchone() == (0,)


def test_committed_batch_is_visible_and_uncommitted_is_recovered(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock():
        wh.commit_batch({"rejects": [reject("a")]}, run_id="r1", batch=0)
        # Simulate a crash after a table file was written but before the commit marker.
        wh._write_table("rejects", [reject("b")], "part-r2-00000")
        (tmp_path / "rejects" / ".tmp-123-part.parquet").write_bytes(b"partial")
        assert wh.recover() == ["r2"]
    assert [p.name for p in (tmp_path / "rejects").iterdir()] == ["part-r1-00000.parquet"]
    assert Warehouse(tmp_path).connect().execute("SELECT input FROM rejects").fetchall() == [("a",)]


def test_invalid_rows_write_nothing(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock(), pytest.raises(SchemaError):
        wh.commit_batch({"rejects": [{**reject("a"), "reason": None}]}, run_id="r1", batch=0)
    assert not list(tmp_path.rglob("*.parquet"))
    assert not list((tmp_path / "_commits").iterdir())


def test_second_writer_is_refused(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    errors: list[Exception] = []
    with wh.lock():
        def second() -> None:
            try:
                with Warehouse(tmp_path).lock():
                    pass
            except WarehouseLocked as exc:
                errors.append(exc)
        thread = threading.Thread(target=second)
        thread.start()
        thread.join()
    assert errors and "another run" in str(errors[0])


@pytest.mark.parametrize(
    "sql",
    ["COPY (SELECT 1) TO 'x.csv'", "CREATE TABLE t AS SELECT 1", "ATTACH 'x.db'", "INSTALL httpfs", "SET threads = 1",
     "SELECT 1; SELECT 2", "DROP VIEW events"],
    ids=["copy", "create", "attach", "install", "set", "two-statements", "drop"],
)
def test_query_is_read_only(tmp_path: Path, sql: str) -> None:
    with pytest.raises(QueryError):
        read_only_query(Warehouse(tmp_path).connect(), sql)


def test_read_only_query_runs_selects(tmp_path: Path) -> None:
    frame = read_only_query(Warehouse(tmp_path).connect(), "WITH x AS (SELECT 41 + 1 AS n) SELECT n FROM x")
    assert frame["n"].tolist() == [42]


def _inputs(wh: Warehouse) -> list[str]:
    return sorted(r[0] for r in wh.connect().execute("SELECT input FROM rejects").fetchall())


def test_compact_merges_files_and_keeps_every_row(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock():
        for batch, name in enumerate("abc"):
            wh.commit_batch({"rejects": [reject(name)]}, run_id="r1", batch=batch)
        assert wh.compact(stamp="T1") == {"rejects": 3}
        assert wh.recover() == []
    assert len(list((tmp_path / "rejects").glob("*.parquet"))) == 1
    assert _inputs(wh) == ["a", "b", "c"]


def test_compaction_syncs_the_merged_file_before_its_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The marker lets recovery delete the old parts: the merged file must be on disk first.
    steps: list[str] = []
    real_sync, real_marker = Store.sync, Warehouse._commit_marker
    monkeypatch.setattr(Store, "sync", lambda self, rel: (steps.append(f"sync {Path(rel).name}"), real_sync(self, rel))[1])
    monkeypatch.setattr(Warehouse, "_commit_marker", lambda self, key, info: (steps.append(f"marker {key}"), real_marker(self, key, info))[1])
    wh = Warehouse(tmp_path)
    with wh.lock():
        for batch, name in enumerate("ab"):
            wh.commit_batch({"rejects": [reject(name)]}, run_id="r1", batch=batch)
        steps.clear()
        wh.compact(stamp="T1")
    assert [s.split()[0] for s in steps] == ["sync", "marker"], steps
    assert steps[0].endswith(".partial") and steps[1].startswith("marker compact")


def test_interrupted_compaction_rolls_forward(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock():
        for batch, name in enumerate("ab"):
            wh.commit_batch({"rejects": [reject(name)]}, run_id="r1", batch=batch)
        real_remove = Store.remove

        def crash_on_delete(self: Store, relative: str) -> None:
            if Path(relative).name.startswith("part-r1"):
                raise KeyboardInterrupt("killed")
            real_remove(self, relative)

        monkeypatch.setattr(Store, "remove", crash_on_delete)
        with pytest.raises(KeyboardInterrupt):
            wh.compact(stamp="T1")
        monkeypatch.setattr(Store, "remove", real_remove)
        wh.recover()
    assert _inputs(wh) == ["a", "b"]


def test_confined_connection_reads_only_the_warehouse(tmp_path: Path) -> None:
    import duckdb

    outside = tmp_path / "outside.csv"
    outside.write_text("a\n1\n")
    root = tmp_path / "wh"
    wh = Warehouse(root)
    with wh.lock():
        wh.commit_batch({"rejects": [reject("a")]}, run_id="r1", batch=0)
    con = wh.connect(confined=True)
    assert con.execute("SELECT count(*) FROM rejects").fetchone() == (1,)
    with pytest.raises(duckdb.PermissionException):
        con.execute(f"SELECT * FROM read_csv('{outside}')").fetchall()
    with pytest.raises(duckdb.Error):
        con.execute("SET enable_external_access = true")
