"""The warehouse's columns, read from ``schemas/*.json``: the only code that knows them.

Each schema file declares one table: every column once with its type, nullability, meaning and
(optionally) its allowed values. From it we derive the Arrow schema Parquet is written with, the
partition column, the validation applied before every write, and the typed empty relation a
DuckDB view falls back to while a table has no files yet.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_VERSION_KEY = b"etl.schema_version"

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "large_string": pa.large_string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    "date32": pa.date32(),
    "timestamp_us_utc": pa.timestamp("us", tz="UTC"),
    "list_string": pa.list_(pa.string()),
}
_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "large_string": "VARCHAR",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "date32": "DATE",
    "timestamp_us_utc": "TIMESTAMPTZ",
    "list_string": "VARCHAR[]",
}


class SchemaError(Exception):
    """A schema file is malformed, or rows do not fit their table's schema."""


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str
    nullable: bool
    description: str
    enum: tuple[str, ...] | None = None
    partition: bool = False


@dataclass(frozen=True, slots=True)
class TableSchema:
    name: str
    version: int
    description: str
    columns: tuple[Column, ...]

    @property
    def partition(self) -> Column | None:
        return next((c for c in self.columns if c.partition), None)

    @property
    def file_columns(self) -> tuple[Column, ...]:
        """Columns stored inside the Parquet files (the partition column lives in the path)."""
        return tuple(c for c in self.columns if not c.partition)

    def arrow_schema(self) -> pa.Schema:
        fields = [pa.field(c.name, _ARROW_TYPES[c.type], nullable=c.nullable) for c in self.file_columns]
        return pa.schema(fields, metadata={SCHEMA_VERSION_KEY: str(self.version).encode()})

    def empty_select_sql(self) -> str:
        """A typed, empty SELECT with every column: the view's body while no file exists."""
        cols = ", ".join(f"CAST(NULL AS {_DUCKDB_TYPES[c.type]}) AS {c.name}" for c in self.columns)
        return f"SELECT {cols} WHERE false"


def _column(table: str, raw: Mapping[str, Any]) -> Column:
    try:
        kind = raw["type"]
        if kind not in _ARROW_TYPES:
            raise SchemaError(f"{table}.{raw['name']}: unknown type {kind!r}")
        enum = raw.get("enum")
        return Column(
            name=raw["name"],
            type=kind,
            nullable=bool(raw["nullable"]),
            description=raw["description"],
            enum=tuple(enum) if enum else None,
            partition=bool(raw.get("partition", False)),
        )
    except KeyError as exc:
        raise SchemaError(f"schema {table}: a column lacks {exc}") from exc


@cache
def load_schema(table: str) -> TableSchema:
    path = SCHEMA_DIR / f"{table}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SchemaError(f"cannot read schema {path}: {exc}") from exc
    if "columns_of" in raw:  # a table with another's columns (event_parts: those of events)
        columns = load_schema(raw["columns_of"]).columns
    else:
        columns = tuple(_column(table, c) for c in raw["columns"])
    return TableSchema(table, int(raw["version"]), raw["description"], columns)


def table_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in SCHEMA_DIR.glob("*.json")))


def _unknown_columns(table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    known = {c.name for c in load_schema(table).columns}
    if set().union(*rows) <= known:
        return
    for index, row in enumerate(rows):
        if extra := set(row) - known:
            raise SchemaError(f"{table} row {index}: unknown columns {sorted(extra)}")


def _check_columns(table: str, arrow: pa.Table) -> None:
    """Nullability and enumerations, checked column by column in Arrow; the message names the
    first faulty row."""
    problems: list[tuple[int, str]] = []
    for column in load_schema(table).columns:
        if column.partition:  # in the folder name, not the file
            continue
        values = arrow.column(column.name)
        if not column.nullable and values.null_count:
            first = pc.index(pc.is_null(values), True).as_py()
            problems.append((first, f"{table}.{column.name} is null"))
        if column.enum is not None:
            outside = pc.and_(pc.invert(pc.is_in(values, value_set=pa.array(column.enum))), pc.is_valid(values))
            if pc.any(outside).as_py():
                first = pc.index(outside, True).as_py()
                problems.append((first, f"{table}.{column.name}={values[first].as_py()!r} not in {list(column.enum)}"))
    if problems:
        index, problem = min(problems, key=lambda p: p[0])
        raise SchemaError(f"{table} row {index}: {problem}")


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Validate rows and build an Arrow table with the declared schema (never an inferred one)."""
    _unknown_columns(table, rows)
    schema = load_schema(table).arrow_schema()
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    try:
        arrow = pa.Table.from_pydict(columns, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"{table}: rows do not fit the schema: {exc}") from exc
    _check_columns(table, arrow)
    return arrow


# A table's rows validated and split by the value of its partition column (``None`` for an
# unpartitioned table): one Arrow table per partition, without that column.
Parts = dict[Any, pa.Table]


def partitioned(table: str, rows: Sequence[Mapping[str, Any]]) -> Parts:
    """Validate rows and group them by partition, in order (see :data:`Parts`)."""
    partition = load_schema(table).partition
    groups: dict[Any, list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault(row.get(partition.name) if partition else None, []).append(row)
    if partition is None:
        return {key: to_arrow(table, group) for key, group in groups.items()}
    return {key: to_arrow(table, [{k: v for k, v in r.items() if k != partition.name} for r in group]) for key, group in groups.items()}

