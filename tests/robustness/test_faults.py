"""Faults: a run killed with SIGKILL at random points, a full disk, rows that break the schema.

After a kill and a rerun the warehouse must equal one uninterrupted run (same rows, none twice,
every Parquet file readable); a failed write must leave the previous state as it was.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from etl.config import Config
from etl.pipeline import run_paths
from etl.schema import SchemaError, load_schema
from etl.warehouse import Warehouse, WarehouseError

from .corpora import (
    ARTICLES,
    COMPARED_TABLES,
    kill_plan,
    run_and_kill,
    snapshot,
    table_rows,
    unreadable_parquet,
    write_news_corpus,
)

SEEDS = (1, 2, 3, 4)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory, needs_extraction_module: None) -> tuple[Path, dict[str, Any]]:
    """The generated corpus and the snapshot of one uninterrupted run over it (a subprocess too)."""
    root = tmp_path_factory.mktemp("news")
    corpus = root / "corpus"
    write_news_corpus(corpus, n=ARTICLES, seed=0)
    assert run_and_kill(corpus, root / "reference", after_commits=None) is None
    return corpus, snapshot(root / "reference")


@pytest.fixture(scope="module")
def needs_extraction_module() -> None:
    from .conftest import extraction_missing

    reason = extraction_missing()
    if reason:
        pytest.skip(reason)


@pytest.mark.parametrize("seed", SEEDS)
def test_kill_9_then_rerun_equals_an_uninterrupted_run(seed: int, news: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    corpus, expected = news
    warehouse = tmp_path / "wh"
    after_commits, extra = kill_plan(seed)
    run_and_kill(corpus, warehouse, after_commits=after_commits, extra=extra)
    assert unreadable_parquet(warehouse) == []
    assert run_and_kill(corpus, warehouse, after_commits=None) is None  # the rerun, through the CLI as well
    assert unreadable_parquet(warehouse) == []
    assert not [p for p in warehouse.rglob(".tmp-*") if p.parent != warehouse], "temporary files left in tables"
    got = snapshot(warehouse)
    for table in COMPARED_TABLES:
        assert len(got[table]) == len(set(got[table])), f"{table}: duplicated rows"
        assert got[table] == expected[table], f"{table} differs from an uninterrupted run"
    con = Warehouse(warehouse).connect()
    runs = con.execute(
        "SELECT run_id, status, inputs_read, articles_new + articles_duplicate + articles_skipped + rejected FROM runs ORDER BY finished_at"
    ).fetchall()
    assert runs[-1][1:] == ("ok", ARTICLES, ARTICLES), runs
    assert all(status == "failed" or read == accounted for _, status, read, accounted in runs)


def test_half_written_temporary_file_is_invisible_to_readers(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock():
        wh.commit_batch({"rejects": [_valid("rejects")]}, run_id="r1", batch=0)
    # What a SIGKILL in the middle of _atomic_write_bytes leaves behind:
    (tmp_path / "rejects" / ".tmp-0123abcd-part-r2-00000.parquet").write_bytes(b"PAR1 half")
    assert Warehouse(tmp_path).connect().execute("SELECT count(*) FROM rejects").fetchall() == [(1,)]


def test_staged_files_are_on_disk_whole_before_the_commit_marker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A SIGKILL while staging once left a visible, empty staged file; a power cut after the marker
    # could leave a published one. Each staged file must be synced and renamed into place first.
    replaced: list[str] = []
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        replaced.append(Path(dst).relative_to(tmp_path).as_posix())
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    wh = Warehouse(tmp_path)
    with wh.lock():
        wh.commit_batch({"rejects": [_valid("rejects")]}, run_id="r1", batch=0)
    marker = next(i for i, p in enumerate(replaced) if p.startswith("_commits/"))
    staged = [i for i, p in enumerate(replaced) if p.startswith("_staging/")]
    assert staged and max(staged) < marker, replaced


def test_uncommitted_batch_is_invisible_to_readers(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock():
        wh.commit_batch({"rejects": [_valid("rejects")]}, run_id="r1", batch=0)
        wh._write_table("rejects", [_valid("rejects")], "part-r2-00000")  # killed before its marker
    assert Warehouse(tmp_path).connect().execute("SELECT count(*) FROM rejects").fetchall() == [(1,)]


def test_recovery_removes_a_temporary_duckdb_file(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock():
        (tmp_path / ".tmp-0123abcd.duckdb").write_bytes(b"half")
        wh.recover()
    assert not list(tmp_path.glob(".tmp-*"))


# -- a full disk -----------------------------------------------------------------------------------
def _fail_replace(monkeypatch: pytest.MonkeyPatch, when: Callable[[str], bool]) -> None:
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if when(str(dst)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def _two_corpora(tmp_path: Path) -> tuple[Path, Path, Config]:
    first, second = tmp_path / "first", tmp_path / "second"
    write_news_corpus(first, n=12, seed=11)
    write_news_corpus(second, n=12, seed=12)
    return first, second, Config(warehouse=str(tmp_path / "wh"), batch_size=5, progress=False)


def test_disk_full_leaves_the_previous_state_intact_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needs_extraction: None
) -> None:
    first, second, config = _two_corpora(tmp_path)
    run_paths([first], config=config)
    before = snapshot(Path(config.warehouse))
    with monkeypatch.context() as patch:
        _fail_replace(patch, lambda dst: True)
        with pytest.raises(WarehouseError, match="No space left"):
            run_paths([second], config=config)
    assert snapshot(Path(config.warehouse)) == before
    assert unreadable_parquet(Path(config.warehouse)) == []
    run_paths([second], config=config)
    reference = replace_warehouse(config, tmp_path / "reference")
    run_paths([first], config=reference)
    run_paths([second], config=reference)
    assert snapshot(Path(config.warehouse)) == snapshot(Path(reference.warehouse))


def replace_warehouse(config: Config, root: Path) -> Config:
    return config.replace(warehouse=str(root))


def test_disk_full_at_the_commit_marker_leaves_the_previous_state_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needs_extraction: None
) -> None:
    first, second, config = _two_corpora(tmp_path)
    run_paths([first], config=config)
    before = snapshot(Path(config.warehouse))
    with monkeypatch.context() as patch:
        _fail_replace(patch, lambda dst: "_commits" in dst)
        with pytest.raises(WarehouseError):
            run_paths([second], config=config)
    assert snapshot(Path(config.warehouse)) == before


def test_disk_full_while_materializing_is_a_warehouse_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needs_extraction: None) -> None:
    first, _, config = _two_corpora(tmp_path)
    _fail_replace(monkeypatch, lambda dst: dst.endswith(".duckdb"))
    with pytest.raises(WarehouseError):
        run_paths([first], config=config)


def test_a_failed_run_is_recorded_in_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needs_extraction: None) -> None:
    first, second, config = _two_corpora(tmp_path)
    with monkeypatch.context() as patch:
        _fail_replace(patch, lambda dst: True)
        with pytest.raises(WarehouseError):
            run_paths([first], config=config)
    run_paths([second], config=config)
    statuses = Warehouse(config.warehouse).connect().execute("SELECT status FROM runs").fetchall()
    assert sorted(statuses) == [("failed",), ("ok",)]


# -- schema validation before writing ---------------------------------------------------------------
_SAMPLE_VALUES: dict[str, Any] = {
    "string": "x", "large_string": "x", "int32": 1, "int64": 1, "float64": 1.5, "bool": True,
    "date32": dt.date(2024, 3, 3), "timestamp_us_utc": dt.datetime(2024, 3, 3, tzinfo=dt.UTC),
}


def _valid(table: str) -> dict[str, Any]:
    """A row that fits the table's schema (first allowed value for enumerations)."""
    columns = load_schema(table).columns
    return {c.name: (c.enum[0] if c.enum else 2024 if c.partition else _SAMPLE_VALUES[c.type]) for c in columns}


def _first(table: str, predicate: Callable[[Any], bool]) -> str:
    return next(c.name for c in load_schema(table).columns if predicate(c) and not c.partition)


BAD_ROWS: dict[str, Callable[[], dict[str, Any]]] = {
    "null-in-required": lambda: {**_valid("events"), _first("events", lambda c: not c.nullable): None},
    "not-in-enumeration": lambda: {**_valid("events"), _first("events", lambda c: c.enum): "exploded"},
    "text-in-integer": lambda: {**_valid("events"), _first("events", lambda c: c.type in ("int32", "int64")): "twelve"},
    "text-in-date": lambda: {**_valid("events"), _first("events", lambda c: c.type == "date32"): "2024-13-45"},
    "unknown-column": lambda: {**_valid("events"), "drop_table": 1},
}


@pytest.mark.parametrize("make", list(BAD_ROWS.values()), ids=list(BAD_ROWS))
def test_a_bad_row_raises_schema_error_and_writes_nothing(make: Callable[[], dict[str, Any]], tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock(), pytest.raises(SchemaError):
        wh.commit_batch({"events": [_valid("events"), make()]}, run_id="r1", batch=0)
    assert not list(tmp_path.rglob("*.parquet"))
    assert not list((tmp_path / "_commits").iterdir())


def test_a_bad_row_in_a_later_table_writes_nothing(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock(), pytest.raises(SchemaError):
        wh.commit_batch({"articles": [_valid("articles")], "events": [BAD_ROWS["null-in-required"]()]}, run_id="r1", batch=0)
    assert not list(tmp_path.rglob("*.parquet"))


def test_valid_rows_of_every_shape_are_written(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path)
    with wh.lock():
        wh.commit_batch({"events": [_valid("events")], "articles": [_valid("articles")]}, run_id="r1", batch=0)
    assert unreadable_parquet(tmp_path) == []
    assert Warehouse(tmp_path).connect().execute("SELECT count(*) FROM events").fetchall() == [(1,)]


def test_kill_helper_reports_a_finished_run(tmp_path: Path, needs_extraction: None) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Published: 2024-03-03\n\nAt least 12 people were killed.\n")
    t0 = time.perf_counter()
    assert run_and_kill(tmp_path / "in", tmp_path / "wh", after_commits=None) is None
    assert time.perf_counter() - t0 < 60.0
    assert len(table_rows(tmp_path / "wh", "articles")) == 1


def test_an_extractor_bug_on_one_article_does_not_stop_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needs_extraction: None) -> None:
    from etl.extractor import Extractor

    real = Extractor.extract

    def extract(self: Extractor, article: Any) -> Any:
        if "Report 3." in article.text:
            raise IndexError("a bug in an extractor")
        return real(self, article)

    monkeypatch.setattr(Extractor, "extract", extract)
    corpus = tmp_path / "in"
    write_news_corpus(corpus, n=8, seed=5)
    summary = run_paths([corpus], config=Config(warehouse=str(tmp_path / "wh"), batch_size=3, progress=False))
    assert (summary.counts.articles_new, summary.counts.rejected) == (7, 1)
    assert summary.counts.reject_reasons == {"extract_error": 1}


def test_disk_full_through_the_cli_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needs_extraction: None) -> None:
    from click.testing import CliRunner

    from etl.cli import main

    first, _, config = _two_corpora(tmp_path)
    _fail_replace(monkeypatch, lambda dst: True)
    result = CliRunner().invoke(main, ["run", str(first), "-w", config.warehouse, "--no-progress"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert "No space left on device" in result.output
    assert unreadable_parquet(Path(config.warehouse)) == []
