"""Incidents in the sample corpus: one incident reported three times, and a period total kept apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from etl.pipeline import RunSummary
from etl.warehouse import Warehouse


def test_bannu_bombing_reported_three_times_is_one_incident(sample_warehouse: tuple[Path, RunSummary]) -> None:
    con = Warehouse(sample_warehouse[0]).connect()
    rows = con.execute(
        """SELECT value_low, value_best, value_high, n_sources, period_start FROM incidents
           WHERE measure = 'killed' AND country_code = 'PAK' AND period_start BETWEEN DATE '2024-03-13' AND DATE '2024-03-16'"""
    ).fetchall()
    assert rows == [(12.0, 21.0, 21.0, 3, dt.date(2024, 3, 14))]


def test_period_total_is_reported_beside_incidents_not_added(sample_warehouse: tuple[Path, RunSummary]) -> None:
    con = Warehouse(sample_warehouse[0]).connect()
    reported = con.execute(
        "SELECT value_best, change_pct, change_direction, base_period_start FROM reported_aggregates "
        "WHERE measure = 'killed' AND country_code = 'PAK' AND period_start = DATE '2024-01-01' AND period_end = DATE '2024-12-31'"
    ).fetchall()
    assert (1081.0, 45.0, "up", dt.date(2023, 1, 1)) in reported
    assert con.execute("SELECT count(*) FROM incidents WHERE value_best = 1081").fetchone()[0] == 0
    computed = con.execute(
        "SELECT computed_best FROM reported_vs_computed WHERE reported_best = 1081 AND country_code = 'PAK'"
    ).fetchone()
    assert computed is not None and computed[0] is not None and computed[0] < 1081
