"""The Parquet warehouse: atomic batch commits, a run lock, recovery, DuckDB views.

Layout: ``<root>/<table>/[year=YYYY/]part-<run_id>-<batch>.parquet`` and one commit marker per
batch in ``<root>/_commits/``. A batch's files become part of the warehouse when its marker is
written (last, atomically); at the start of every run, under the lock, files of batches without a
marker (a run killed mid-way) and temporary files are removed. So a crash never leaves a partial
file behind and a rerun rebuilds exactly what was lost.

The root is a local folder or any fsspec URL (``s3://bucket/prefix``): file operations go
through :class:`etl.storage.Store`, and DuckDB reads a remote warehouse through the same fsspec
filesystem, registered with its connection.
"""

from __future__ import annotations

import contextlib
import json
import os
import posixpath
import re
import tempfile
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from etl.schema import Parts, load_schema, partitioned, table_names, to_arrow
from etl.storage import TMP_PREFIX, Store, StoreError

SQL_DIR = Path(__file__).resolve().parent / "sql"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
_PART = re.compile(r"^part-(?P<run>[A-Za-z0-9_-]+?)-(?P<batch>\d{5})\.parquet$")
_STAGING = "_staging"
# What a batch writes: per table, its rows as dicts, or parts built and validated by the workers.
Batch = Mapping[str, Sequence[Mapping[str, Any]] | Parts]
# A Parquet file ready to stage: its path relative to the root and its bytes.
Encoded = tuple[str, bytes]
_COMMITS = "_commits"


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


def sql_literal(text: str) -> str:
    """Quote a string as a SQL literal (for paths in view definitions)."""
    return "'" + text.replace("'", "''") + "'"


def read_sql(name: str) -> str:
    return (SQL_DIR / name).read_text(encoding="utf-8")


def encode_table(table: str, data: Sequence[Mapping[str, Any]] | Parts, stem: str) -> list[Encoded]:
    """Serialise one table's rows (validated here) or parts (validated already, see
    :func:`etl.schema.partitioned`): one Parquet file per partition, named ``stem``. Pure, so a
    worker process can encode its batch and the writing process only stages the bytes."""
    partition = load_schema(table).partition
    parts = data if isinstance(data, dict) else partitioned(table, data)
    encoded = []
    for key, arrow in sorted(parts.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
        folder = table
        if partition is not None:
            folder = f"{table}/{partition.name}={NULL_PARTITION if key is None else key}"
        sink = pa.BufferOutputStream()
        pq.write_table(arrow, sink, compression="zstd")
        encoded.append((f"{folder}/{stem}.parquet", sink.getvalue().to_pybytes()))
    return encoded


class Warehouse:
    """One warehouse: a local folder or an fsspec URL. Writes happen only inside :meth:`lock`."""

    def __init__(self, root: str | Path) -> None:
        try:
            self.store = Store(root)
        except StoreError as exc:
            raise WarehouseError(str(exc)) from exc
        self.location = self.store.url()
        self.root = Path(self.store.root) if self.store.local else None

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the run lock; a second holder fails at once with WarehouseLocked."""
        try:
            self.store.makedirs(_COMMITS)
            lock_path = self.store.lock_path()
        except OSError as exc:
            raise WarehouseError(f"cannot create warehouse at {self.location}: {exc.strerror or exc}") from exc
        lock = FileLock(str(lock_path), timeout=0)
        try:
            with lock:
                yield
        except Timeout as exc:
            raise WarehouseLocked(f"another run is writing to {self.location} (lock file {lock_path})") from exc

    # -- commits and recovery -------------------------------------------------------------------
    def _markers(self, suffix: str = ".json") -> list[str]:
        return [p for p in self.store.children(_COMMITS) if p.endswith(suffix) and not _is_tmp(p)]

    def _committed(self) -> set[str]:
        return {posixpath.basename(p).removesuffix(".json") for p in self._markers()}

    def _read_marker(self, marker: str) -> dict[str, Any]:
        return dict(json.loads(self.store.read_bytes(marker)))

    def _finish_replacements(self) -> None:
        """Roll an interrupted replacement (compaction, reprocess) forward when its new files are
        all in place, else back. Runs after staged batches are published."""
        for marker in self._markers():
            info = self._read_marker(marker)
            if not info.get("replaces"):
                continue
            if all(self.store.exists(f) for f in info["files"]):
                for old in info["replaces"]:
                    self.store.remove(old)
                self._replacement_done(marker, info)
            else:
                self.store.remove(marker)

    def _replacement_done(self, marker: str, info: dict[str, Any]) -> None:
        """Rewrite a finished replacement's marker without its list, so it is never redone."""
        self.store.write_bytes(marker, json.dumps({**info, "replaces": []}).encode(), atomic=True)

    def _finish_staged(self) -> set[str]:
        """Publish staged batches that were committed; drop the others. Return interrupted runs."""
        committed = self._committed()
        interrupted: set[str] = set()
        for folder in self.store.children(_STAGING):
            name = posixpath.basename(folder)
            if name in committed:
                self._publish(folder)
            else:
                interrupted.add(name.rsplit("-", 1)[0])
                self.store.remove_tree(folder)
        return interrupted

    def mark_running(self, run_id: str) -> None:
        """Note that a run has started; cleared when it ends, found by :meth:`recover` if it died."""
        self.store.write_bytes(f"{_COMMITS}/{run_id}.running", run_id.encode())

    def clear_running(self, run_id: str) -> None:
        self.store.remove(f"{_COMMITS}/{run_id}.running")

    def recover(self) -> list[str]:
        """Finish or undo what a killed run or compaction left; return the interrupted run ids.

        A run counts as interrupted when it left uncommitted files or its "running" mark; the
        caller records each in ``runs`` and then clears the mark.
        """
        running = {posixpath.basename(p).removesuffix(".running") for p in self._markers(".running")}
        interrupted = self._finish_staged() | running
        self._finish_replacements()
        committed = self._committed()
        tables = [f for table in table_names() for f in self.store.files(table)]
        top = [*self.store.children(_COMMITS), *self.store.children("")]
        for path in [*tables, *(p for p in top if _is_tmp(p))]:
            match = _PART.match(posixpath.basename(path))
            if _is_tmp(path):
                self.store.remove(path)
            elif match and f"{match['run']}-{match['batch']}" not in committed:
                interrupted.add(match["run"])
                self.store.remove(path)
        return sorted(interrupted)

    # -- writing --------------------------------------------------------------------------------
    def _write_table(self, table: str, rows: Sequence[Mapping[str, Any]], stem: str) -> list[str]:
        """Stage one table's files for the batch ``stem`` (not visible until published)."""
        return self.stage({table: rows}, key=stem.removeprefix("part-"), stem=stem)

    def _publish(self, staging: str) -> None:
        """Move a committed batch's staged files into place (each rename is atomic locally)."""
        for path in self.store.files(staging):
            self.store.move(path, posixpath.relpath(path, staging))
        self.store.remove_tree(staging)

    def stage(self, rows: Batch, *, key: str, stem: str, encoded: Sequence[Encoded] = ()) -> list[str]:
        """Validate and stage rows (or parts) under staging folder ``key`` with file names ``stem``,
        and files ``encoded`` already (see :func:`encode_table`); return their paths."""
        encoded = [*encoded, *(item for table in sorted(rows) if rows[table] for item in encode_table(table, rows[table], stem))]
        staging = f"{_STAGING}/{key}"
        try:
            for relative, data in encoded:
                # Atomic (fsync, then rename): a staged file is whole on disk before the commit
                # marker that publishes it is written, even if the machine loses power.
                self.store.write_bytes(f"{staging}/{relative}", data, atomic=True)
        except OSError as exc:
            self.store.remove_tree(staging)
            raise WarehouseError(f"cannot write to {self.location}: {exc.strerror or exc}") from exc
        return [r for r, _ in encoded]

    def _commit_marker(self, key: str, info: Mapping[str, Any]) -> str:
        marker = f"{_COMMITS}/{key}.json"
        self.store.write_bytes(marker, json.dumps(info).encode(), atomic=True)
        return marker

    def commit_replacement(self, *, key: str, files: list[str], tables: Sequence[str]) -> None:
        """Make staged ``files`` the whole content of ``tables`` (every current file replaced)."""
        old = [f for t in tables for f in self.files(t)]
        info = {"run_id": key, "batch": 0, "files": files, "replaces": old}
        try:
            marker = self._commit_marker(key, info)
            self._publish(f"{_STAGING}/{key}")
            for relative in old:
                self.store.remove(relative)
            self._replacement_done(marker, info)
        except OSError as exc:
            raise WarehouseError(f"replacement {key} interrupted ({exc.strerror or exc}); the next run finishes it") from exc

    def commit_batch(self, rows: Batch, *, run_id: str, batch: int, encoded: Sequence[Encoded] = ()) -> None:
        """Validate every table, stage the files (and those ``encoded`` already, named
        ``part-<run_id>-<batch>``), write the commit marker, then publish.

        The marker is the commit point: before it nothing of the batch is visible (a crash leaves
        only staging, which recovery drops); after it recovery finishes the publishing.
        """
        key = f"{run_id}-{batch:05d}"
        files = self.stage(rows, key=key, stem=f"part-{key}", encoded=encoded)
        staging = f"{_STAGING}/{key}"
        try:
            self._commit_marker(key, {"run_id": run_id, "batch": batch, "files": files})
        except OSError as exc:
            self.store.remove_tree(staging)
            raise WarehouseError(f"cannot write to {self.location}: {exc.strerror or exc}") from exc
        try:
            self._publish(staging)
        except OSError as exc:
            raise WarehouseError(f"batch {key} committed but not fully published ({exc.strerror or exc}); the next run finishes it") from exc

    def replace_table(self, table: str, batches: Iterable[pa.Table | Sequence[Mapping[str, Any]]]) -> None:
        """Replace a derived, unpartitioned table (``incidents``) with one file, atomically.

        Rows (or Arrow tables built by :func:`etl.schema.to_arrow`) arrive in batches and are
        written as they come, so memory holds one batch.
        """
        target = f"{table}/{table}.parquet"
        tmp = f"{table}/{TMP_PREFIX}{uuid.uuid4().hex}-{table}.parquet.partial"
        schema = load_schema(table).arrow_schema()
        try:
            with self.store.open_write(tmp) as handle, pq.ParquetWriter(handle, schema, compression="zstd") as writer:
                for batch in batches:
                    if len(batch):
                        writer.write_table(batch if isinstance(batch, pa.Table) else to_arrow(table, batch))
            self.store.sync(tmp)
            self.store.move(tmp, target)
        except OSError as exc:
            raise WarehouseError(f"cannot write to {self.location}: {exc.strerror or exc}") from exc
        finally:
            self.store.remove(tmp)

    def compact(self, *, stamp: str) -> dict[str, int]:
        """Merge the part files of each table partition into one; return files replaced per table.

        Crash-safe: the merged file is committed (marker listing the files it replaces) before it
        is renamed into place and the old files are deleted; :meth:`recover` finishes or undoes it.
        """
        replaced: dict[str, int] = {}
        for table in table_names():
            parts = [p for p in self.store.files(table) if posixpath.basename(p).startswith("part-") and p.endswith(".parquet")]
            by_folder: dict[str, list[str]] = {}
            for part in parts:
                by_folder.setdefault(posixpath.dirname(part), []).append(part)
            for index, (where, files) in enumerate(sorted(by_folder.items())):
                if len(files) > 1:
                    self._compact_folder(where, files, run_id=f"compact{stamp}{table.replace('_', '')}{index}")
                    replaced[table] = replaced.get(table, 0) + len(files)
        return replaced

    def _compact_folder(self, folder: str, files: list[str], *, run_id: str) -> None:
        # Not staged: the merged file is renamed into place right after its marker.
        fs = self.store.fs
        merged = pa.concat_tables([pq.read_table(self.store.path(f), partitioning=None, filesystem=fs) for f in files],
                                  promote_options="default")
        target = f"{folder}/part-{run_id}-00000.parquet"
        tmp = f"{folder}/{TMP_PREFIX}{posixpath.basename(target)}.partial"
        with self.store.open_write(tmp) as handle:
            pq.write_table(merged, handle, compression="zstd")
        self.store.sync(tmp)  # on disk before the marker that lets recovery delete the old parts
        info = {"run_id": run_id, "batch": 0, "files": [target], "replaces": files}
        marker = self._commit_marker(f"{run_id}-00000", info)
        self.store.move(tmp, target)
        for old in files:
            self.store.remove(old)
        self._replacement_done(marker, info)

    # -- reading --------------------------------------------------------------------------------
    def files(self, table: str) -> list[str]:
        """The table's published Parquet files, relative to the root (every file in place is committed)."""
        return [p for p in self.store.files(table) if p.endswith(".parquet") and not _is_tmp(p)]

    def known_hashes(self) -> set[str]:
        """content_sha256 of every committed article."""
        files = self.files("articles")
        if not files:
            return set()
        paths = [self.store.path(f) for f in files]
        table = pq.ParquetDataset(paths, partitioning=None, filesystem=self.store.fs).read(columns=["content_sha256"])
        return set(table.column("content_sha256").to_pylist())

    def connect(self, *, database: str = ":memory:", confined: bool = False) -> duckdb.DuckDBPyConnection:
        """A DuckDB connection with one view per table plus the trend views.

        ``confined``: the connection may read only the warehouse's own files (no other local file,
        no network, no extension loading), and cannot lift that: for `etl query` and reports.
        A remote warehouse is read through its fsspec filesystem, registered with the connection.
        """
        con = duckdb.connect(database)
        with contextlib.suppress(duckdb.InvalidInputException):  # (in Jupyter without ipywidgets DuckDB refuses the setting)
            con.execute("SET enable_progress_bar = false")  # DuckDB draws one on stdout for long queries: into a scheduler's logs
        if not self.store.local:
            con.register_filesystem(self.store.fs)
        template = read_sql("table_view.sql")
        for table in table_names():
            files = self.files(table)
            if files:
                # An explicit list, not a glob: paths may hold glob characters such as '[' or '*'.
                listing = "[" + ", ".join(sql_literal(self.store.url(f)) for f in files) + "]"
                body = template.format(files=listing)
            else:
                body = load_schema(table).empty_select_sql()
            con.execute(f"CREATE OR REPLACE VIEW {table} AS {body}")
        con.execute(read_sql("views.sql"))
        if confined:
            con.execute(f"SET allowed_directories = [{sql_literal(self.store.url().rstrip('/') + '/')}]")
            con.execute("SET enable_external_access = false")
            con.execute("SET autoinstall_known_extensions = false")
            con.execute("SET autoload_known_extensions = false")
        return con

    def spill_directory(self) -> str:
        """Where DuckDB may spill large sorts: inside a local warehouse, else the system temp folder."""
        if self.root is not None:
            return str(self.root / ".duckdb-spill")
        return os.path.join(tempfile.gettempdir(), "etl-duckdb-spill")

    def materialize(self) -> Path | None:
        """Write ``warehouse.duckdb`` holding the same views, for the duckdb CLI (atomic replace).

        Only for a local warehouse: the views of a remote one need its fsspec filesystem, which
        the duckdb CLI cannot load (open it with :meth:`connect` or `etl query` instead)."""
        if self.root is None:
            return None
        target = self.root / "warehouse.duckdb"
        tmp = self.root / f"{TMP_PREFIX}{uuid.uuid4().hex}.duckdb"
        try:
            self.connect(database=str(tmp)).close()
            os.replace(tmp, target)
        except (OSError, duckdb.IOException) as exc:
            raise WarehouseError(f"cannot write {target}: {exc}") from exc
        finally:
            tmp.unlink(missing_ok=True)
        return target


def _is_tmp(path: str) -> bool:
    return posixpath.basename(path).startswith(TMP_PREFIX)
