"""Trend reports over the warehouse: validated filters, bound parameters, several formats."""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import Literal, get_args

import duckdb
import pandas as pd

from etl.records import Measure
from etl.warehouse import read_sql

Period = Literal["year", "quarter", "month"]
ReportFormat = Literal["table", "csv", "markdown", "json"]
_ISO3 = re.compile(r"^[A-Z]{3}$")


class ReportError(Exception):
    """A report filter is invalid."""


@dataclass(frozen=True, slots=True)
class TrendRequest:
    measure: str = "killed"
    by: str = "year"
    country: str | None = None

    def __post_init__(self) -> None:
        if self.measure not in get_args(Measure):
            raise ReportError(f"unknown measure {self.measure!r}; one of {', '.join(get_args(Measure))}")
        if self.by not in get_args(Period):
            raise ReportError(f"--by must be one of {', '.join(get_args(Period))}, got {self.by!r}")
        if self.country is not None and not _ISO3.match(self.country):
            raise ReportError(f"--country must be an ISO 3166 alpha-3 code such as PAK, got {self.country!r}")


def _run(con: duckdb.DuckDBPyConnection, sql_file: str, request: TrendRequest) -> pd.DataFrame:
    """A report query with the request's filters as bound parameters (never spliced into SQL)."""
    params = {"by": request.by, "measure": request.measure, "country": request.country}
    return con.execute(read_sql(sql_file), params).df()


def trend(con: duckdb.DuckDBPyConnection, request: TrendRequest) -> pd.DataFrame:
    return _run(con, "report_trend.sql", request)


def _markdown(frame: pd.DataFrame) -> str:
    header = "| " + " | ".join(map(str, frame.columns)) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    body = ["| " + " | ".join("" if pd.isna(v) else str(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join([header, rule, *body])


def render(frame: pd.DataFrame, fmt: ReportFormat) -> str:
    """The frame as text in one of the report formats."""
    if fmt == "csv":
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False)
        return buffer.getvalue().rstrip("\n")
    if fmt == "json":
        return json.dumps(json.loads(frame.to_json(orient="records", date_format="iso")), indent=2)
    if fmt == "markdown":
        return _markdown(frame)
    if frame.empty:
        return "(no rows)"
    return frame.to_string(index=False, na_rep="")


def trend_by_country(con: duckdb.DuckDBPyConnection, request: TrendRequest) -> pd.DataFrame:
    return _run(con, "report_trend_by_country.sql", request)


def plot_trend(frame: pd.DataFrame, request: TrendRequest, path: str) -> None:
    """Best totals per period, one line per country, with a low-high band; written as PNG/SVG/PDF."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 5.5), dpi=110)
    colours = [plt.get_cmap("tab20")(i) for i in range(20)]
    periods = _all_periods(frame, request.by)
    for index, (country, part) in enumerate(frame.groupby("country_code", sort=True)):
        # A period without incidents is a computed zero, not a gap to draw a line across.
        full = part.set_index("period")[["total_low", "total_best", "total_high"]].reindex(periods, fill_value=0)
        colour = colours[index % len(colours)]
        ax.plot(full.index, full["total_best"], marker="o", markersize=3, label=str(country), color=colour)
        ax.fill_between(full.index, full["total_low"], full["total_high"], color=colour, alpha=0.18)
    where = f" in {request.country}" if request.country else " by country"
    ax.set_title(f"{request.measure.capitalize()} per {request.by}{where} (incidents; band = low-high across reports)")
    ax.set_ylabel(request.measure)
    ax.grid(alpha=0.3)
    if not frame.empty:
        ax.legend(ncol=2, fontsize="small", frameon=False)
    else:
        ax.text(0.5, 0.5, "no incidents", ha="center", va="center", transform=ax.transAxes)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def reported_totals(con: duckdb.DuckDBPyConnection, request: TrendRequest) -> pd.DataFrame:
    return _run(con, "report_reported.sql", request)


_FREQUENCY = {"year": "YS", "quarter": "QS", "month": "MS"}


def _all_periods(frame: pd.DataFrame, by: str) -> pd.DatetimeIndex:
    if frame.empty:
        return pd.DatetimeIndex([])
    starts = pd.to_datetime(frame["period"])
    return pd.date_range(starts.min(), starts.max(), freq=_FREQUENCY[by])
