"""A warehouse at an fsspec URL: an S3 bucket served by a local moto server started by the tests.

The same run into ``s3://`` gives the same rows as into a local folder; DuckDB reads the bucket
through the registered filesystem (also when confined); reruns, compaction and recovery work there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import SAMPLE_CORPUS, main
from etl.config import Config
from etl.pipeline import RunSummary, run_paths
from etl.warehouse import Warehouse, WarehouseLocked
from tests.snapshots import snapshot

s3fs = pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")


@pytest.fixture(scope="module")
def bucket(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh bucket on a moto S3 server bound to a free local port; yields its URL."""
    import boto3

    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
           "AWS_ENDPOINT_URL": f"http://{host}:{port}", "ETL_LOCK_DIR": str(tmp_path_factory.mktemp("locks"))}
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        s3fs.S3FileSystem.clear_instance_cache()
        boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL"]).create_bucket(Bucket="news")
        yield "s3://news"
        s3fs.S3FileSystem.clear_instance_cache()
    server.stop()


@pytest.fixture(scope="module")
def remote_run(bucket: str) -> tuple[str, RunSummary]:
    url = f"{bucket}/warehouse"
    return url, run_paths([SAMPLE_CORPUS], config=Config(warehouse=url, batch_size=7))


def test_remote_run_equals_local_run(remote_run: tuple[str, RunSummary], sample_warehouse: tuple[Path, RunSummary]) -> None:
    url, summary = remote_run
    assert summary.status == "ok" and summary.warehouse == url
    assert snapshot(url) == snapshot(sample_warehouse[0])


def test_remote_rerun_adds_nothing(remote_run: tuple[str, RunSummary]) -> None:
    url, first = remote_run
    before = snapshot(url)
    again = run_paths([SAMPLE_CORPUS], config=Config(warehouse=url))
    assert again.counts.articles_new == 0 and again.counts.articles_duplicate == first.counts.articles_new
    assert snapshot(url) == before


def test_remote_warehouse_is_queried_by_the_cli_in_a_confined_connection(remote_run: tuple[str, RunSummary]) -> None:
    url, summary = remote_run
    result = CliRunner().invoke(main, ["query", "--warehouse", url, "--format", "json",
                                       "SELECT count(*) AS n FROM articles"])
    assert result.exit_code == 0, result.output
    assert f'"n":{summary.counts.articles_new}' in result.output.replace(" ", "")
    report = CliRunner().invoke(main, ["report", "--warehouse", url, "--measure", "killed", "--by", "year"])
    assert report.exit_code == 0 and "2024" in report.output


def test_compaction_and_recovery_on_a_bucket(bucket: str, tmp_path: Path) -> None:
    url = f"{bucket}/small"
    for day, place in enumerate(("Aville", "Btown", "Cburg"), start=1):
        path = tmp_path / f"{place}.txt"
        path.write_text(f"Published: 2024-03-0{day}\n\nAt least {day + 10} people were killed in {place}.\n")
        run_paths([path], config=Config(warehouse=url))
    before = snapshot(url)
    wh = Warehouse(url)
    with wh.lock():
        # What a run killed before its commit marker leaves: a staged file, never visible.
        wh.store.write_bytes("_staging/dead-00000/rejects/part-dead-00000.parquet", b"PAR1 half")
        assert wh.recover() == ["dead"]
        replaced = wh.compact(stamp="T1")
    assert replaced["articles"] == 3 and len(wh.files("articles")) == 1
    assert not wh.store.files("_staging")
    assert snapshot(url) == before


def test_a_second_run_on_the_same_bucket_is_refused(bucket: str) -> None:
    wh = Warehouse(f"{bucket}/locked")
    with wh.lock(), pytest.raises(WarehouseLocked, match="another run"), Warehouse(f"{bucket}/locked").lock():
        pass


def test_feeds_need_a_local_warehouse(tmp_path: Path) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('[[source]]\nurl = "https://example.org/feed.xml"\n')
    result = CliRunner().invoke(main, ["run", "--warehouse", "s3://news/feeds", "--sources", str(sources)])
    assert result.exit_code == 2 and "local --warehouse" in result.output

