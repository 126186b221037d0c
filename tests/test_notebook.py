"""The trends notebook runs top to bottom against a warehouse built from the sample corpus."""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from etl.pipeline import RunSummary

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "trends.ipynb"


def test_trends_notebook_executes(sample_warehouse: tuple[Path, RunSummary], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETL_WAREHOUSE", str(sample_warehouse[0]))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs) or os.environ.get("MPLBACKEND") == "Agg"
    # The drill-down cell shows sentences: its last output is a table with an evidence column.
    assert "evidence" in str(outputs[-1].get("data", {}).get("text/plain", ""))
