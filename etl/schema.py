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
    columns = tuple(_column(table, c) for c in raw["columns"])
    return TableSchema(table, int(raw["version"]), raw["description"], columns)


def table_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in SCHEMA_DIR.glob("*.json")))


def _check_value(table: str, column: Column, value: Any) -> str | None:
    if value is None:
        return None if column.nullable else f"{table}.{column.name} is null"
    if column.enum is not None and value not in column.enum:
        return f"{table}.{column.name}={value!r} not in {list(column.enum)}"
    return None


def validate_rows(table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Check nullability and enumerations of every row; raise SchemaError naming the first fault."""
    schema = load_schema(table)
    known = {c.name for c in schema.columns}
    for index, row in enumerate(rows):
        extra = set(row) - known
        if extra:
            raise SchemaError(f"{table} row {index}: unknown columns {sorted(extra)}")
        for column in schema.columns:
            problem = _check_value(table, column, row.get(column.name))
            if problem:
                raise SchemaError(f"{table} row {index}: {problem}")


def to_arrow(table: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Validate rows and build an Arrow table with the declared schema (never an inferred one)."""
    validate_rows(table, rows)
    schema = load_schema(table).arrow_schema()
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    try:
        return pa.Table.from_pydict(columns, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise SchemaError(f"{table}: rows do not fit the schema: {exc}") from exc
