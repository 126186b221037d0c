"""The Parquet warehouse on disk: atomic batch commits, a run lock, recovery, DuckDB views.

Layout: ``<root>/<table>/[year=YYYY/]part-<run_id>-<batch>.parquet`` and one commit marker per
batch in ``<root>/_commits/``. A batch's files become part of the warehouse when its marker is
written (last, atomically); at the start of every run, under the lock, files of batches without a
marker (a run killed mid-way) and temporary files are removed. So a crash never leaves a partial
file behind and a rerun rebuilds exactly what was lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from etl.schema import load_schema, table_names, to_arrow

SQL_DIR = Path(__file__).resolve().parent / "sql"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
_PART = re.compile(r"^part-(?P<run>[A-Za-z0-9_-]+?)-(?P<batch>\d{5})\.parquet$")
_TMP_PREFIX = ".tmp-"
_STAGING = "_staging"


class WarehouseError(Exception):
    """The warehouse cannot be used (not writable, disk full, corrupt files)."""


class QueryError(Exception):
    """A query given to `etl query` is not a single read-only statement."""


# Statement types `etl query` accepts: reading only.
_READ_ONLY = frozenset({"SELECT"})
# EXPLAIN ANALYZE runs the statement it explains, so only plain EXPLAIN of a query is allowed.
_EXPLAIN_ANALYZE = re.compile(r"\s*explain\s+analy[sz]e\b", re.IGNORECASE)


def read_only_query(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    """Run one SELECT-like statement and return a DataFrame; refuse anything that could write."""
    statements = duckdb.extract_statements(sql)
    if len(statements) != 1:
        raise QueryError(f"give exactly one statement, got {len(statements)}")
    kind = statements[0].type.name
    if kind == "EXPLAIN" and not _EXPLAIN_ANALYZE.match(sql):
        kind = "SELECT" if statements[0].query.lstrip()[7:].lstrip().upper().startswith(("SELECT", "WITH", "FROM")) else kind
    if kind not in _READ_ONLY:
        raise QueryError(f"only read-only statements are allowed (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE), got {kind}")
    return con.execute(sql).df()


class WarehouseLocked(WarehouseError):
    """Another run holds the warehouse lock."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then ``os.replace``: all or nothing."""
    # Not ending in .parquet: readers globbing **/*.parquet never see a half-written file.
    tmp = path.with_name(f"{_TMP_PREFIX}{uuid.uuid4().hex}-{path.name}.partial")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def sql_literal(text: str) -> str:
    """Quote a string as a SQL literal (for paths in view definitions)."""
    return "'" + text.replace("'", "''") + "'"


def read_sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


class Warehouse:
    """One warehouse folder. Writes happen only inside :meth:`lock`."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    @property
    def commits(self) -> Path:
        return self.root / "_commits"

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the run lock; a second holder fails at once with WarehouseLocked."""
        try:
            self.commits.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseError(f"cannot create warehouse at {self.root}: {exc.strerror or exc}") from exc
        lock = FileLock(str(self.root / ".lock"), timeout=0)
        try:
            with lock:
                yield
        except Timeout as exc:
            raise WarehouseLocked(f"another run is writing to {self.root} (lock file {self.root / '.lock'})") from exc

    # -- commits and recovery -------------------------------------------------------------------
    def _committed(self) -> set[str]:
        return {p.stem for p in self.commits.glob("*.json")} if self.commits.exists() else set()

    def _part_files(self) -> Iterator[Path]:
        for table in table_names():
            folder = self.root / table
            if folder.exists():
                yield from folder.rglob("*")

    def _finish_replacements(self) -> None:
        """Roll an interrupted replacement (compaction, reprocess) forward when its new files are
        all in place, else back. Runs after staged batches are published."""
        for marker in self.commits.glob("*.json"):
            info = json.loads(marker.read_text(encoding="utf-8"))
            if not info.get("replaces"):
                continue
            if all((self.root / f).exists() for f in info["files"]):
                for old in info["replaces"]:
                    (self.root / old).unlink(missing_ok=True)
                self._replacement_done(marker, info)
            else:
                marker.unlink()

    def _replacement_done(self, marker: Path, info: dict[str, Any]) -> None:
        """Rewrite a finished replacement's marker without its list, so it is never redone."""
        atomic_write_bytes(marker, json.dumps({**info, "replaces": []}).encode())

    def _finish_staged(self) -> set[str]:
        """Publish staged batches that were committed; drop the others. Return interrupted runs."""
        committed = self._committed()
        interrupted: set[str] = set()
        staging = self.root / _STAGING
        for folder in sorted(staging.iterdir()) if staging.exists() else []:
            if folder.name in committed:
                self._publish(folder)
            else:
                interrupted.add(folder.name.rsplit("-", 1)[0])
                shutil.rmtree(folder)
        return interrupted

    def mark_running(self, run_id: str) -> None:
        """Note that a run has started; cleared when it ends, found by :meth:`recover` if it died."""
        (self.commits / f"{run_id}.running").write_text(run_id, encoding="utf-8")

    def clear_running(self, run_id: str) -> None:
        (self.commits / f"{run_id}.running").unlink(missing_ok=True)

    def recover(self) -> list[str]:
        """Finish or undo what a killed run or compaction left; return the interrupted run ids.

        A run counts as interrupted when it left uncommitted files or its "running" mark; the
        caller records each in ``runs`` and then clears the mark.
        """
        interrupted = self._finish_staged() | {p.stem for p in self.commits.glob("*.running")}
        self._finish_replacements()
        committed = self._committed()
        leftovers = [*self._part_files(), *self.commits.glob(f"{_TMP_PREFIX}*"), *self.root.glob(f"{_TMP_PREFIX}*")]
        for path in leftovers:
            if not path.is_file():
                continue
            match = _PART.match(path.name)
            if path.name.startswith(_TMP_PREFIX):
                path.unlink()
            elif match and f"{match['run']}-{match['batch']}" not in committed:
                interrupted.add(match["run"])
                path.unlink()
        return sorted(interrupted)

    # -- writing --------------------------------------------------------------------------------
    def _encode(self, table: str, rows: Sequence[Mapping[str, Any]], stem: str) -> list[tuple[str, bytes]]:
        """Validate and serialise one table's rows: (path relative to the root, Parquet bytes)."""
        partition = load_schema(table).partition
        groups: dict[Any, list[Mapping[str, Any]]] = {}
        for row in rows:
            groups.setdefault(row.get(partition.name) if partition else None, []).append(row)
        encoded = []
        for key, group in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
            folder = Path(table)
            if partition is not None:
                folder = folder / f"{partition.name}={NULL_PARTITION if key is None else key}"
            arrow = to_arrow(table, [{k: v for k, v in r.items() if not partition or k != partition.name} for r in group])
            sink = pa.BufferOutputStream()
            pq.write_table(arrow, sink, compression="zstd")
            encoded.append((str(folder / f"{stem}.parquet"), sink.getvalue().to_pybytes()))
        return encoded

    def _write_table(self, table: str, rows: Sequence[Mapping[str, Any]], stem: str) -> list[str]:
        """Stage one table's files for the batch ``stem`` (not visible until published)."""
        return self.stage({table: rows}, key=stem.removeprefix("part-"), stem=stem)

    def _publish(self, staging: Path) -> None:
        """Move a committed batch's staged files into place (each rename is atomic)."""
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = self.root / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        shutil.rmtree(staging)

    def stage(self, rows: Mapping[str, Sequence[Mapping[str, Any]]], *, key: str, stem: str) -> list[str]:
        """Validate and stage rows under staging folder ``key`` with file names ``stem``; return paths."""
        encoded = [item for table in sorted(rows) if rows[table] for item in self._encode(table, rows[table], stem)]
        staging = self.root / _STAGING / key
        try:
            for relative, data in encoded:
                (staging / relative).parent.mkdir(parents=True, exist_ok=True)
                (staging / relative).write_bytes(data)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise WarehouseError(f"cannot write to {self.root}: {exc.strerror or exc}") from exc
        return [r for r, _ in encoded]

    def commit_replacement(self, *, key: str, files: list[str], tables: Sequence[str]) -> None:
        """Make staged ``files`` the whole content of ``tables`` (every current file replaced)."""
        old = [str(f.relative_to(self.root)) for t in tables for f in self.files(t)]
        marker = json.dumps({"run_id": key, "batch": 0, "files": files, "replaces": old}).encode()
        try:
            atomic_write_bytes(self.commits / f"{key}.json", marker)
            if (self.root / _STAGING / key).exists():
                self._publish(self.root / _STAGING / key)
            for relative in old:
                (self.root / relative).unlink(missing_ok=True)
            self._replacement_done(self.commits / f"{key}.json", json.loads(marker))
        except OSError as exc:
            raise WarehouseError(f"replacement {key} interrupted ({exc.strerror or exc}); the next run finishes it") from exc

    def commit_batch(self, rows: Mapping[str, Sequence[Mapping[str, Any]]], *, run_id: str, batch: int) -> None:
        """Validate every table, stage the files, write the commit marker, then publish.

        The marker is the commit point: before it nothing of the batch is visible (a crash leaves
        only staging, which recovery drops); after it recovery finishes the publishing.
        """
        key = f"{run_id}-{batch:05d}"
        files = self.stage(rows, key=key, stem=f"part-{key}")
        staging = self.root / _STAGING / key
        try:
            marker = json.dumps({"run_id": run_id, "batch": batch, "files": files}).encode()
            atomic_write_bytes(self.commits / f"{key}.json", marker)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise WarehouseError(f"cannot write to {self.root}: {exc.strerror or exc}") from exc
        try:
            if staging.exists():
                self._publish(staging)
        except OSError as exc:
            raise WarehouseError(f"batch {key} committed but not fully published ({exc.strerror or exc}); the next run finishes it") from exc

    def replace_table(self, table: str, batches: Iterable[Sequence[Mapping[str, Any]]]) -> None:
        """Replace a derived, unpartitioned table (``incidents``) with one file, atomically.

        Rows arrive in batches and are written as they come, so memory holds one batch.
        """
        folder = self.root / table
        target = folder / f"{table}.parquet"
        tmp = folder / f"{_TMP_PREFIX}{uuid.uuid4().hex}-{table}.parquet.partial"
        schema = load_schema(table).arrow_schema()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
                for batch in batches:
                    if batch:
                        writer.write_table(to_arrow(table, batch))
            os.replace(tmp, target)
        except OSError as exc:
            raise WarehouseError(f"cannot write to {self.root}: {exc.strerror or exc}") from exc
        finally:
            tmp.unlink(missing_ok=True)

    def compact(self, *, stamp: str) -> dict[str, int]:
        """Merge the part files of each table partition into one; return files replaced per table.

        Crash-safe: the merged file is committed (marker listing the files it replaces) before it
        is renamed into place and the old files are deleted; :meth:`recover` finishes or undoes it.
        """
        replaced: dict[str, int] = {}
        for table in table_names():
            folder = self.root / table
            parts = sorted(p for p in folder.rglob("part-*.parquet")) if folder.exists() else []
            by_folder: dict[Path, list[Path]] = {}
            for part in parts:
                by_folder.setdefault(part.parent, []).append(part)
            for index, (where, files) in enumerate(sorted(by_folder.items())):
                if len(files) > 1:
                    self._compact_folder(where, files, run_id=f"compact{stamp}{table.replace('_', '')}{index}")
                    replaced[table] = replaced.get(table, 0) + len(files)
        return replaced

    def _compact_folder(self, folder: Path, files: list[Path], *, run_id: str) -> None:
        # Not staged: the merged file is renamed into place right after its marker.
        merged = pa.concat_tables([pq.read_table(f, partitioning=None) for f in files], promote_options="default")
        target = folder / f"part-{run_id}-00000.parquet"
        tmp = folder / f"{_TMP_PREFIX}{target.name}.partial"
        pq.write_table(merged, tmp, compression="zstd")
        marker = {"run_id": run_id, "batch": 0, "files": [str(target.relative_to(self.root))],
                  "replaces": [str(f.relative_to(self.root)) for f in files]}
        atomic_write_bytes(self.commits / f"{run_id}-00000.json", json.dumps(marker).encode())
        os.replace(tmp, target)
        for old in files:
            old.unlink()
        self._replacement_done(self.commits / f"{run_id}-00000.json", marker)

    # -- reading --------------------------------------------------------------------------------
    def files(self, table: str) -> list[Path]:
        """The table's published Parquet files (every file in place is committed)."""
        folder = self.root / table
        if not folder.exists():
            return []
        return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith(_TMP_PREFIX))

    def known_hashes(self) -> set[str]:
        """content_sha256 of every committed article."""
        files = self.files("articles")
        if not files:
            return set()
        table = pq.ParquetDataset([str(f) for f in files], partitioning=None).read(columns=["content_sha256"])
        return set(table.column("content_sha256").to_pylist())

    def connect(self, *, database: str = ":memory:", confined: bool = False) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection with one view per table plus the trend views.

        ``confined``: the connection may read only the warehouse's own files (no other local file,
        no network, no extension loading), and cannot lift that: for `etl query` and reports.
        """
        con = duckdb.connect(database)
        template = read_sql("table_view.sql")
        for table in table_names():
            files = self.files(table)
            if files:
                # An explicit list, not a glob: paths may hold glob characters such as '[' or '*'.
                listing = "[" + ", ".join(sql_literal(str(f.resolve())) for f in files) + "]"
                body = template.format(files=listing)
            else:
                body = load_schema(table).empty_select_sql()
            con.execute(f"CREATE OR REPLACE VIEW {table} AS {body}")
        con.execute(read_sql("views.sql"))
        if confined:
            con.execute(f"SET allowed_directories = [{sql_literal(str(self.root.resolve()) + os.sep)}]")
            con.execute("SET enable_external_access = false")
            con.execute("SET autoinstall_known_extensions = false")
            con.execute("SET autoload_known_extensions = false")
        return con

    def materialize(self) -> Path:
        """Write ``warehouse.duckdb`` holding the same views, for the duckdb CLI (atomic replace)."""
        target = self.root / "warehouse.duckdb"
        tmp = self.root / f"{_TMP_PREFIX}{uuid.uuid4().hex}.duckdb"
        try:
            self.connect(database=str(tmp)).close()
            os.replace(tmp, target)
        except (OSError, duckdb.IOException) as exc:
            raise WarehouseError(f"cannot write {target}: {exc}") from exc
        finally:
            tmp.unlink(missing_ok=True)
        return target
