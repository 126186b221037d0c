"""Shared fixtures: a warehouse built once from the bundled sample corpus."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from etl.cli import SAMPLE_CORPUS
from etl.config import Config
from etl.pipeline import RunSummary, run_paths

warnings.filterwarnings("ignore", message="Classifier dependencies not installed")
SHARED_BENCHMARKS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RunSummary]:
    """The sample corpus run once into a fresh warehouse (read-only for the tests that use it)."""
    root = tmp_path_factory.mktemp("sample-warehouse")
    summary = run_paths([SAMPLE_CORPUS], config=Config(warehouse=str(root), batch_size=7))
    return root, summary

