"""Comparing warehouses: the extracted rows without run bookkeeping."""

from __future__ import annotations

from pathlib import Path

VOLATILE = {"run_id", "ingested_at", "rejected_at", "input"}


def snapshot(root: str | Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the extracted tables minus run bookkeeping, sorted: equal warehouses compare equal."""
    from etl.warehouse import Warehouse

    con = Warehouse(root).connect()
    out = {}
    for table in ("articles", "quantities", "dates", "events", "incidents", "rejects"):
        columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in VOLATILE]
        rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out
