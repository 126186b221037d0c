"""The records and the schemas describe the same columns: a test ties them together."""

import dataclasses
import datetime as dt

import pytest

from etl.records import DateMention, Event, Incident, QuantityMention
from etl.schema import SchemaError, load_schema, table_names, to_arrow

# Record fields deliberately not stored (offsets of the bare number inside a quantity's span).
NOT_STORED = {"quantities": {"number_start", "number_end"}}


@pytest.mark.parametrize(
    ("table", "record"),
    [("quantities", QuantityMention), ("dates", DateMention), ("events", Event), ("incidents", Incident)],
)
def test_every_record_field_is_a_column(table: str, record: type) -> None:
    columns = {c.name for c in load_schema(table).columns}
    fields = {f.name for f in dataclasses.fields(record)} - NOT_STORED.get(table, set())
    assert fields <= columns, fields - columns


def test_every_table_has_documented_columns() -> None:
    assert set(table_names()) >= {"articles", "quantities", "dates", "events", "runs", "rejects", "incidents"}
    for table in table_names():
        for column in load_schema(table).columns:
            assert column.description, f"{table}.{column.name} has no description"


def _reject_row() -> dict[str, object]:
    return {"run_id": "r", "input": "x.txt", "reason": "binary", "detail": "d", "rejected_at": dt.datetime(2024, 1, 1, tzinfo=dt.UTC)}


def test_valid_rows_become_arrow_with_the_declared_schema() -> None:
    table = to_arrow("rejects", [_reject_row()])
    assert table.schema.equals(load_schema("rejects").arrow_schema(), check_metadata=True)
    assert table.schema.metadata[b"etl.schema_version"] == b"1"


@pytest.mark.parametrize(
    ("change", "message"),
    [({"reason": None}, "is null"), ({"colour": "red"}, "unknown columns"), ({"detail": 5}, "do not fit")],
    ids=["null-in-required", "unknown-column", "wrong-type"],
)
def test_bad_rows_raise_schema_error(change: dict[str, object], message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        to_arrow("rejects", [{**_reject_row(), **change}])


def test_enumerations_are_enforced() -> None:
    row = {"article_id": "a", "char_start": 0, "char_end": 1, "surface": "1", "kind": "count", "qualifier": "roughly", "run_id": "r"}
    with pytest.raises(SchemaError, match="qualifier='roughly'"):
        to_arrow("quantities", [row])
