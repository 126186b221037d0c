"""Incidents are updated incrementally: only the (measure, country) groups with new events are
re-clustered, and the result equals clustering everything at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from etl import incidents
from etl.cli import SAMPLE_CORPUS
from etl.config import Config
from etl.engines import Engine
from etl.pipeline import run_paths
from etl.warehouse import Warehouse
from tests.snapshots import snapshot


def _halves(tmp_path: Path) -> tuple[Path, Path]:
    """The sample corpus split in two folders, alternating files (so multi-source incidents are split)."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    articles = sorted(p for p in SAMPLE_CORPUS.rglob("*") if p.is_file() and p.name != "README.md")
    for index, path in enumerate(articles):
        shutil.copy(path, (first if index % 2 == 0 else second) / f"{index:03d}-{path.name}")
    return first, second


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    """Both halves in one run: every incident clustered at once."""
    tmp = tmp_path_factory.mktemp("reference")
    first, second = _halves(tmp)
    run_paths([first, second], config=Config(warehouse=str(tmp / "wh")))
    return snapshot(tmp / "wh")


def test_second_run_updates_only_touched_groups_and_equals_clustering_at_once(
    tmp_path: Path, reference: dict[str, list[tuple[object, ...]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _halves(tmp_path)
    config = Config(warehouse=str(tmp_path / "wh"))
    run_paths([first], config=config)
    updates: list[int] = []
    real = incidents.update_incidents

    def spy(warehouse: Warehouse, *, full: bool = False, engine: Engine | None = None) -> int:
        updates.append(real(warehouse, full=full, engine=engine))
        return updates[-1]

    monkeypatch.setattr("etl.pipeline.update_incidents", spy)
    run_paths([second], config=config)
    total = len(reference["incidents"])
    assert 0 < updates[0] < total  # some groups were untouched by the second half, and kept as they were
    assert snapshot(tmp_path / "wh")["incidents"] == reference["incidents"]
    run_paths([second], config=config)
    assert updates[1] == 0  # nothing new: the table is not even rewritten


def test_events_of_a_run_that_died_before_updating_incidents_are_picked_up_next_time(
    tmp_path: Path, reference: dict[str, list[tuple[object, ...]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _halves(tmp_path)
    config = Config(warehouse=str(tmp_path / "wh"))
    run_paths([first], config=config)
    with monkeypatch.context() as patch:
        def killed(warehouse: Warehouse, *, full: bool = False, engine: Engine | None = None) -> int:
            raise KeyboardInterrupt("killed")

        patch.setattr("etl.pipeline.update_incidents", killed)
        with pytest.raises(KeyboardInterrupt):
            run_paths([second], config=config)
    summary = run_paths([second], config=config)  # every article is already stored
    assert summary.counts.articles_new == 0
    assert snapshot(tmp_path / "wh")["incidents"] == reference["incidents"]


def test_full_update_equals_incremental(tmp_path: Path, reference: dict[str, list[tuple[object, ...]]]) -> None:
    first, second = _halves(tmp_path)
    config = Config(warehouse=str(tmp_path / "wh"))
    run_paths([first], config=config)
    run_paths([second], config=config)
    warehouse = Warehouse(config.warehouse)
    with warehouse.lock():
        assert incidents.update_incidents(warehouse, full=True) == len(reference["incidents"])
    assert snapshot(tmp_path / "wh")["incidents"] == reference["incidents"]
