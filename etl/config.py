"""One frozen Config for a run. Unknown keys and bad values fail at start-up, naming the key.

Settings come from defaults, then an optional TOML file (``--config etl.toml``, table ``[etl]``),
then command-line flags. Every limit that protects the run from hostile input lives here.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class ConfigError(Exception):
    """A configuration key is unknown or its value is invalid."""


def cache_dir() -> Path:
    """Where etl keeps files it can rebuild (derived tables, lock files of remote warehouses):
    ``$ETL_CACHE_DIR``, else ``$XDG_CACHE_HOME/etl``, else ``~/.cache/etl``."""
    if explicit := os.environ.get("ETL_CACHE_DIR"):
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "etl"


def is_url(location: str | Path) -> bool:
    """True when a warehouse location is a ``protocol://`` URL (other than ``file://``)."""
    text = str(location)
    return "://" in text and not text.startswith("file://")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    warehouse: str = "warehouse"
    # Ambiguous numeric dates such as 03/04/2024: False reads month first (US wire style).
    day_first: bool = False
    # User files that replace or extend the shipped vocabularies (None: shipped defaults only).
    vague_numbers: str | None = None
    actors: str | None = None
    # Limits against hostile input (documented in README "Limits").
    max_input_bytes: int = 20_000_000
    max_article_chars: int = 2_000_000
    max_quantities_per_article: int = 5_000
    # Articles extracted and written per batch (one Parquet file per table and partition per batch).
    batch_size: int = 500
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    progress: bool = True

    def __post_init__(self) -> None:
        for key in ("max_input_bytes", "max_article_chars", "max_quantities_per_article", "batch_size", "workers"):
            if getattr(self, key) < 1:
                raise ConfigError(f"{key} must be at least 1, got {getattr(self, key)}")
        if self.engine not in ("local", "dask"):
            raise ConfigError(f"engine must be 'local' or 'dask', got {self.engine!r}")
        if self.engine == "dask" and not self.scheduler:
            raise ConfigError("engine 'dask' needs a scheduler address (--scheduler)")

    def replace(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied; None values are ignored (flags not given)."""
        given = {k: v for k, v in changes.items() if v is not None}
        return _build(given, base=self, origin="command line")


def _build(values: dict[str, Any], *, base: Config, origin: str) -> Config:
    fields = {f.name: f for f in dataclasses.fields(Config)}
    for key, value in values.items():
        if key not in fields:
            raise ConfigError(f"{origin}: unknown setting {key!r} (known: {', '.join(sorted(fields))})")
        expected = type(getattr(base, key)) if getattr(base, key) is not None else str
        if expected is int and isinstance(value, bool) or not isinstance(value, expected):
            raise ConfigError(f"{origin}: {key} must be {expected.__name__}, got {value!r}")
    return dataclasses.replace(base, **values)


def load_config(path: Path | None) -> Config:
    """Defaults, overridden by the ``[etl]`` table of a TOML file when given."""
    if path is None:
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    unknown = set(raw) - {"etl"}
    if unknown:
        raise ConfigError(f"{path}: unknown table(s) {sorted(unknown)}; settings go under [etl]")
    return _build(dict(raw.get("etl", {})), base=Config(), origin=str(path))
