"""Parallel and distributed extraction give the same warehouse as one process, row for row."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.cli import SAMPLE_CORPUS
from etl.config import Config
from etl.pipeline import run_paths
from tests.snapshots import snapshot


@pytest.fixture(scope="module")
def local_snapshot(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[object, ...]]]:
    root = tmp_path_factory.mktemp("local")
    run_paths([SAMPLE_CORPUS], config=Config(warehouse=str(root), batch_size=10))
    return snapshot(root)


def test_process_pool_equals_one_process(tmp_path: Path, local_snapshot: dict[str, list[tuple[object, ...]]]) -> None:
    run_paths([SAMPLE_CORPUS], config=Config(warehouse=str(tmp_path), workers=2, batch_size=10))
    assert snapshot(tmp_path) == local_snapshot


def test_dask_cluster_equals_one_process(tmp_path: Path, local_snapshot: dict[str, list[tuple[object, ...]]]) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        config = Config(warehouse=str(tmp_path), engine="dask", scheduler=cluster.scheduler_address, batch_size=10)
        summary = run_paths([SAMPLE_CORPUS], config=config)
    assert summary.counts.articles_new == len(local_snapshot["articles"])
    assert snapshot(tmp_path) == local_snapshot


def test_the_compact_form_between_processes_gives_back_the_same_extraction() -> None:
    from etl.engines import _pack, _unpack, extract_batch
    from etl.pipeline import file_items
    from etl.records import Article

    articles = [a for a in file_items([SAMPLE_CORPUS], config=Config()) if isinstance(a, Article)][:12]
    results = extract_batch(Config(), articles)
    assert sum(len(getattr(r, "events", ())) for r in results) > 20  # a real workload, not empty extractions
    assert [_unpack(_pack(r), a) for r, a in zip(results, articles, strict=True)] == results


def test_a_batch_encoded_by_a_worker_is_byte_for_byte_the_one_encoded_here() -> None:
    import datetime as dt

    from etl.engines import LocalEngine
    from etl.pipeline import file_items
    from etl.records import Article

    articles = [a for a in file_items([SAMPLE_CORPUS], config=Config()) if isinstance(a, Article)][:20]
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    batches = []
    for workers in (1, 2):
        engine = LocalEngine(Config(workers=workers))
        batches.append(engine.submit_batch(articles, run_id="r1", now=now, stem="part-r1-00000").result())
        engine.close()
    here, worker = batches
    assert here == worker
    assert {path.split("/")[0] for path, _ in here.files} >= {"articles", "quantities", "dates", "events"}
    assert here.rows["articles"] == len(articles)


def test_reprocess_with_a_process_pool_keeps_the_warehouse(tmp_path: Path, local_snapshot: dict[str, list[tuple[object, ...]]]) -> None:
    from etl.pipeline import reextract

    config = Config(warehouse=str(tmp_path), batch_size=10)
    run_paths([SAMPLE_CORPUS], config=config)
    summary = reextract(config=config.replace(workers=2))
    assert summary.counts.articles_duplicate == len(local_snapshot["articles"])
    assert snapshot(tmp_path) == local_snapshot
