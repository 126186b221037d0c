"""The sample corpus end to end: warehouse, every view, rerun, spans, incidents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.cli import SAMPLE_CORPUS
from etl.config import Config
from etl.pipeline import RunSummary, run_paths
from etl.schema import table_names
from etl.warehouse import Warehouse

VIEWS = ["countable_events", "incident_events", "trend_monthly", "trend_country_month", "trend_country_quarter",
         "trend_country_year", "trend_actor_year", "reported_aggregates", "reported_vs_computed"]


def test_sample_corpus_fills_every_table(sample_warehouse: tuple[Path, RunSummary]) -> None:
    root, summary = sample_warehouse
    counts = summary.counts
    assert counts.rejected == 0, counts.reject_reasons
    assert counts.articles_new == counts.inputs_read >= 30
    con = Warehouse(root).connect()
    for table in ["articles", "quantities", "dates", "events", "event_parts", "runs", "incidents"]:
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table


@pytest.mark.parametrize("view", VIEWS + list(table_names()))
def test_every_view_can_be_queried(sample_warehouse: tuple[Path, RunSummary], view: str) -> None:
    con = Warehouse(sample_warehouse[0]).connect()
    frame = con.execute(f"SELECT * FROM {view}").df()
    assert len(frame.columns) > 1


def test_duckdb_file_has_the_views(sample_warehouse: tuple[Path, RunSummary]) -> None:
    import duckdb

    con = duckdb.connect(str(sample_warehouse[0] / "warehouse.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM incidents").fetchone()[0] > 0


def test_every_span_points_back_to_its_text(sample_warehouse: tuple[Path, RunSummary]) -> None:
    con = Warehouse(sample_warehouse[0]).connect()
    texts = dict(con.execute("SELECT article_id, text FROM articles").fetchall())
    checked = 0
    for table in ("quantities", "dates"):
        for article_id, start, end, surface in con.execute(f"SELECT article_id, char_start, char_end, surface FROM {table}").fetchall():
            assert texts[article_id][start:end] == surface
            checked += 1
    for article_id, start, end, evidence, qs, qe in con.execute(
        "SELECT article_id, char_start, char_end, evidence, quantity_start, quantity_end FROM events UNION ALL "
        "SELECT article_id, char_start, char_end, evidence, quantity_start, quantity_end FROM event_parts"
    ).fetchall():
        assert texts[article_id][start:end] == evidence
        if qs is not None:
            assert start <= qs < qe <= end
        checked += 1
    assert checked > 300


def test_events_may_be_summed_and_parts_point_at_them(sample_warehouse: tuple[Path, RunSummary]) -> None:
    con = Warehouse(sample_warehouse[0]).connect()
    assert con.execute("SELECT count(*) FROM events WHERE part_of IS NOT NULL").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM event_parts WHERE part_of IS NULL").fetchone() == (0,)
    # a part may belong to a total that is itself an earlier figure of an updated toll: the chain
    # always ends at a row of events
    orphans = con.execute(
        "SELECT count(*) FROM event_parts p ANTI JOIN (SELECT event_id FROM events UNION ALL SELECT event_id FROM event_parts) e "
        "ON p.part_of = e.event_id"
    ).fetchone()
    assert orphans == (0,)
    roots = con.execute(
        "WITH RECURSIVE up(event_id, part_of) AS (SELECT event_id, part_of FROM event_parts UNION ALL "
        "SELECT up.event_id, p.part_of FROM up JOIN event_parts p ON up.part_of = p.event_id) "
        "SELECT count(DISTINCT up.event_id) FROM up JOIN events e ON up.part_of = e.event_id"
    ).fetchone()
    assert roots == con.execute("SELECT count(*) FROM event_parts").fetchone()
    assert con.execute("SELECT count(*) FROM countable_events").fetchone() == con.execute("SELECT count(*) FROM events").fetchone()


def test_rerun_adds_nothing(sample_warehouse: tuple[Path, RunSummary], tmp_path: Path) -> None:
    root = tmp_path / "wh"
    first = run_paths([SAMPLE_CORPUS], config=Config(warehouse=str(root)))
    tables = ["articles", "quantities", "dates", "events", "incidents"]
    before = {t: Warehouse(root).connect().execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    second = run_paths([SAMPLE_CORPUS], config=Config(warehouse=str(root)))
    after = {t: Warehouse(root).connect().execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert before == after
    assert second.counts.articles_new == 0
    assert second.counts.articles_duplicate == first.counts.articles_new
    runs = Warehouse(root).connect().execute("SELECT count(*), sum(articles_new) FROM runs").fetchone()
    assert runs == (2, first.counts.articles_new)


def test_no_year_ordinal_or_identifier_is_a_quantity(sample_warehouse: tuple[Path, RunSummary]) -> None:
    con = Warehouse(sample_warehouse[0]).connect()
    rows = con.execute("SELECT q.surface, a.text, q.char_start FROM quantities q JOIN articles a USING (article_id)").fetchall()
    for surface, text, start in rows:
        assert not re.fullmatch(r"(?:in |since |by )?(?:19|20)\d\d", surface), surface
        assert not re.search(r"\d(?:st|nd|rd|th)\b", surface), surface
        before = text[max(0, start - 12) : start]
        assert not re.search(r"(?:Flight|Route|Resolution|F-|COVID-|No\.)\s?$", before), (before, surface)


def test_published_dates_come_from_metadata_or_text(sample_warehouse: tuple[Path, RunSummary]) -> None:
    con = Warehouse(sample_warehouse[0]).connect()
    rows = dict(con.execute("SELECT published_source, count(*) FROM articles GROUP BY ALL").fetchall())
    assert rows.get("text", 0) >= 3  # the header-less sample files carry datelines/bylines
    assert con.execute("SELECT count(*) FROM articles WHERE published IS NULL").fetchone()[0] == 0


def test_reprocess_replaces_derived_rows_without_duplicating(tmp_path: Path) -> None:
    from etl.pipeline import reextract
    from tests.snapshots import snapshot

    config = Config(warehouse=str(tmp_path), batch_size=9)
    run_paths([SAMPLE_CORPUS], config=config)
    before = snapshot(tmp_path)
    summary = reextract(config=config)
    assert summary.counts.articles_duplicate == len(before["articles"])
    assert snapshot(tmp_path) == before
    statuses = Warehouse(tmp_path).connect().execute("SELECT count(*) FROM runs").fetchone()
    assert statuses == (2,)
