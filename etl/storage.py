"""Where warehouse files live: a local folder, or any fsspec URL (``s3://bucket/prefix``, ``gs://``...).

:class:`Store` gives the warehouse the few file operations it needs, on paths relative to its
root, with the strongest guarantee each kind of storage offers:

* local folder: writes go through a temporary file, ``fsync`` and ``os.replace`` (all or
  nothing); moves are atomic renames.
* object store: one PUT is all or nothing (no reader sees half an object), so files are written
  whole; a move is copy-then-delete, not atomic, which is why the warehouse only ever moves files
  of batches that are already committed and redoes unfinished moves on the next run.

Remote stores need the fsspec driver for their protocol (``pip install 'etl[s3]'`` for S3) and
take credentials and endpoints the driver's usual way (``AWS_ACCESS_KEY_ID``,
``AWS_ENDPOINT_URL``... or fsspec's ``FSSPEC_S3_*`` variables).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import posixpath
import uuid
from pathlib import Path
from typing import IO, Any

import fsspec
from fsspec.implementations.local import LocalFileSystem

from etl.config import cache_dir

# Temporary names never end in .parquet: readers globbing **/*.parquet never see them.
TMP_PREFIX = ".tmp-"
# Lock files of remote warehouses: object stores have no file locks, so the lock is a local file
# keyed by the warehouse URL (two runs on one host are exclusive; see README for several hosts).
LOCK_DIR_ENV = "ETL_LOCK_DIR"


class StoreError(OSError):
    """A warehouse location cannot be opened (unknown protocol, missing driver)."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then ``os.replace``: all or nothing."""
    tmp = path.with_name(f"{TMP_PREFIX}{uuid.uuid4().hex}-{path.name}.partial")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Store:
    """Files under one root, addressed by POSIX paths relative to it ("events/year=2024/x.parquet")."""

    def __init__(self, location: str | Path) -> None:
        self.location = str(location)
        try:
            fs, root = fsspec.core.url_to_fs(self.location)
        except (ImportError, ValueError) as exc:
            raise StoreError(f"cannot open warehouse {self.location}: {exc}") from exc
        self.fs: fsspec.AbstractFileSystem = fs
        self.local = isinstance(fs, LocalFileSystem)
        self.root = os.path.abspath(root) if self.local else root.rstrip("/")

    def path(self, relative: str = "") -> str:
        """The full path of ``relative`` in the store's own notation (no protocol)."""
        return posixpath.join(self.root, relative) if relative else self.root

    def url(self, relative: str = "") -> str:
        """What DuckDB and pyarrow are given: a local absolute path or a ``protocol://`` URL."""
        full = self.path(relative)
        return full if self.local else self.fs.unstrip_protocol(full)

    def lock_path(self) -> Path:
        """The lock file: in the warehouse when local, else in a local lock folder."""
        if self.local:
            return Path(self.root) / ".lock"
        folder = Path(os.environ.get(LOCK_DIR_ENV) or cache_dir() / "locks")
        folder.mkdir(parents=True, exist_ok=True)
        return folder / (hashlib.sha256(self.url().encode()).hexdigest()[:24] + ".lock")

    # -- reading --------------------------------------------------------------------------------
    def exists(self, relative: str) -> bool:
        return bool(self.fs.exists(self.path(relative)))

    def read_bytes(self, relative: str) -> bytes:
        return bytes(self.fs.cat_file(self.path(relative)))

    def files(self, relative: str = "") -> list[str]:
        """Every file under ``relative`` (recursively), as sorted relative paths."""
        base = self.path(relative)
        if not self.fs.exists(base):
            return []
        return sorted(posixpath.relpath(p, self.root) for p in self.fs.find(base))

    def children(self, relative: str) -> list[str]:
        """The direct entries (files and folders) of a folder, as relative paths."""
        base = self.path(relative)
        if not self.fs.exists(base):
            return []
        return sorted(posixpath.relpath(p.rstrip("/"), self.root) for p in self.fs.ls(base, detail=False))

    # -- writing --------------------------------------------------------------------------------
    def makedirs(self, relative: str = "") -> None:
        self.fs.makedirs(self.path(relative), exist_ok=True)

    def write_bytes(self, relative: str, data: bytes, *, atomic: bool = False) -> None:
        """Write a whole file; ``atomic`` makes it all-or-nothing under its final name locally
        (an object-store PUT is always so)."""
        if self.local:
            target = Path(self.path(relative))
            target.parent.mkdir(parents=True, exist_ok=True)
            if atomic:
                atomic_write_bytes(target, data)
            else:
                target.write_bytes(data)
        else:
            self.fs.pipe_file(self.path(relative), data)

    def open_write(self, relative: str) -> IO[Any]:
        if self.local:
            Path(self.path(relative)).parent.mkdir(parents=True, exist_ok=True)
        return self.fs.open(self.path(relative), "wb")  # type: ignore[no-any-return]

    def sync(self, relative: str) -> None:
        """Flush a written file to disk (locally; an object-store PUT is durable when it returns)."""
        if self.local:
            fd = os.open(self.path(relative), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def move(self, source: str, target: str) -> None:
        """Rename a file (atomic locally; copy-then-delete on object stores)."""
        if self.local:
            Path(self.path(target)).parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.path(source), self.path(target))
        else:
            self.fs.mv(self.path(source), self.path(target))

    def remove(self, relative: str) -> None:
        """Delete a file; a missing one is fine."""
        with contextlib.suppress(FileNotFoundError):
            self.fs.rm_file(self.path(relative))

    def remove_tree(self, relative: str) -> None:
        """Delete a folder and everything in it; a missing one is fine."""
        if self.fs.exists(self.path(relative)):
            self.fs.rm(self.path(relative), recursive=True)
