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
import uuid
from collections.abc import Iterator, Mapping, Sequence
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


class WarehouseError(Exception):
    """The warehouse cannot be used (not writable, disk full, corrupt files)."""


class QueryError(Exception):
    """A query given to `etl query` is not a single read-only statement."""


# Statement types `etl query` accepts: reading only.
_READ_ONLY = frozenset({"SELECT", "EXPLAIN"})


def read_only_query(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    """Run one SELECT-like statement and return a DataFrame; refuse anything that could write."""
    statements = duckdb.extract_statements(sql)
    if len(statements) != 1:
        raise QueryError(f"give exactly one statement, got {len(statements)}")
    kind = statements[0].type.name
    if kind not in _READ_ONLY:
        raise QueryError(f"only read-only statements are allowed (SELECT, WITH, DESCRIBE...), got {kind}")
    return con.execute(sql).df()


class WarehouseLocked(WarehouseError):
    """Another run holds the warehouse lock."""


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f"{_TMP_PREFIX}{uuid.uuid4().hex}-{path.name}")
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

    def _finish_compactions(self) -> None:
        """Roll an interrupted compaction forward (its file is in place) or back (it is not)."""
        for marker in self.commits.glob("compact*.json"):
            info = json.loads(marker.read_text(encoding="utf-8"))
            if all((self.root / f).exists() for f in info["files"]):
                for old in info.get("replaces", []):
                    (self.root / old).unlink(missing_ok=True)
            else:
                marker.unlink()

    def recover(self) -> list[str]:
        """Remove temporary files and files of uncommitted batches; return the run ids affected."""
        self._finish_compactions()
        committed = self._committed()
        interrupted: set[str] = set()
        for path in list(self._part_files()) + list(self.commits.glob(f"{_TMP_PREFIX}*")):
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
    def _write_table(self, table: str, rows: Sequence[Mapping[str, Any]], stem: str) -> list[str]:
        schema = load_schema(table)
        partition = schema.partition
        groups: dict[Any, list[Mapping[str, Any]]] = {}
        for row in rows:
            groups.setdefault(row.get(partition.name) if partition else None, []).append(row)
        written = []
        for key, group in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
            folder = self.root / table
            if partition is not None:
                folder = folder / f"{partition.name}={NULL_PARTITION if key is None else key}"
            folder.mkdir(parents=True, exist_ok=True)
            arrow = to_arrow(table, [{k: v for k, v in r.items() if not partition or k != partition.name} for r in group])
            sink = pa.BufferOutputStream()
            pq.write_table(arrow, sink, compression="zstd")
            _atomic_write_bytes(folder / f"{stem}.parquet", sink.getvalue().to_pybytes())
            written.append(str((folder / f"{stem}.parquet").relative_to(self.root)))
        return written

    def commit_batch(self, rows: Mapping[str, Sequence[Mapping[str, Any]]], *, run_id: str, batch: int) -> None:
        """Write every table's rows for one batch, then its commit marker."""
        stem = f"part-{run_id}-{batch:05d}"
        files: list[str] = []
        try:
            for table in sorted(rows):
                if rows[table]:
                    files += self._write_table(table, rows[table], stem)
            marker = json.dumps({"run_id": run_id, "batch": batch, "files": files}).encode()
            _atomic_write_bytes(self.commits / f"{run_id}-{batch:05d}.json", marker)
        except OSError as exc:
            raise WarehouseError(f"cannot write to {self.root}: {exc.strerror or exc}") from exc

    def replace_table(self, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Replace a derived, unpartitioned table (``incidents``) with one file, atomically."""
        folder = self.root / table
        try:
            folder.mkdir(parents=True, exist_ok=True)
            sink = pa.BufferOutputStream()
            pq.write_table(to_arrow(table, rows), sink, compression="zstd")
            _atomic_write_bytes(folder / f"{table}.parquet", sink.getvalue().to_pybytes())
        except OSError as exc:
            raise WarehouseError(f"cannot write to {self.root}: {exc.strerror or exc}") from exc

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
        merged = pa.concat_tables([pq.read_table(f, partitioning=None) for f in files], promote_options="default")
        target = folder / f"part-{run_id}-00000.parquet"
        tmp = folder / f"{_TMP_PREFIX}{target.name}"
        pq.write_table(merged, tmp, compression="zstd")
        marker = {"run_id": run_id, "batch": 0, "files": [str(target.relative_to(self.root))],
                  "replaces": [str(f.relative_to(self.root)) for f in files]}
        _atomic_write_bytes(self.commits / f"{run_id}-00000.json", json.dumps(marker).encode())
        os.replace(tmp, target)
        for old in files:
            old.unlink()

    # -- reading --------------------------------------------------------------------------------
    def has_files(self, table: str) -> bool:
        folder = self.root / table
        return folder.exists() and any(folder.rglob("*.parquet"))

    def known_hashes(self) -> set[str]:
        """content_sha256 of every committed article."""
        if not self.has_files("articles"):
            return set()
        con = duckdb.connect()
        glob = sql_literal(str(self.root / "articles" / "**" / "*.parquet"))
        rows = con.execute(f"SELECT content_sha256 FROM read_parquet({glob})").fetchall()
        return {r[0] for r in rows}

    def connect(self, *, database: str = ":memory:") -> duckdb.DuckDBPyConnection:
        """A DuckDB connection with one view per table plus the trend views."""
        con = duckdb.connect(database)
        template = read_sql("table_view.sql")
        for table in table_names():
            if self.has_files(table):
                glob = sql_literal(str((self.root / table).resolve() / "**" / "*.parquet"))
                body = template.format(glob=glob)
            else:
                body = load_schema(table).empty_select_sql()
            con.execute(f"CREATE OR REPLACE VIEW {table} AS {body}")
        con.execute(read_sql("views.sql"))
        return con

    def materialize(self) -> Path:
        """Write ``warehouse.duckdb`` holding the same views, for the duckdb CLI (atomic replace)."""
        target = self.root / "warehouse.duckdb"
        tmp = self.root / f"{_TMP_PREFIX}{uuid.uuid4().hex}.duckdb"
        try:
            self.connect(database=str(tmp)).close()
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return target
