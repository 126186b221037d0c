"""Interval arithmetic and value conventions of the dates extractor (dates_calendar.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract import dates_calendar as cal

D = dt.date

SPANS = [
    ("month_leap", cal.month_span(2024, 2), ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month")),
    ("quarter", cal.quarter_span(2023, 3), ("2023-Q3", D(2023, 7, 1), D(2023, 9, 30), "quarter")),
    ("half", cal.half_span(2024, 2), ("2024-H2", D(2024, 7, 1), D(2024, 12, 31), "half")),
    ("winter_crosses_year", cal.season_span(2023, 12, "WI"), ("2023-WI", D(2023, 12, 1), D(2024, 2, 29), "season")),
    ("decade", cal.decade_span(1990), ("199", D(1990, 1, 1), D(1999, 12, 31), "decade")),
    ("iso_week_across_years", cal.week_span(D(2024, 12, 31)), ("2025-W01", D(2024, 12, 30), D(2025, 1, 5), "week")),
    ("late_year", cal.part_of_year(2024, "late"), ("2024-09-01/2024-12-31", D(2024, 9, 1), D(2024, 12, 31), "range")),
    ("late_february", cal.part_of_month(2023, 2, "late"), ("2023-02-16/2023-02-28", D(2023, 2, 16), D(2023, 2, 28), "range")),
]


@pytest.mark.parametrize(("span", "expected"), [c[1:] for c in SPANS], ids=[c[0] for c in SPANS])
def test_spans(span: cal.Span | None, expected: tuple[object, ...]) -> None:
    assert span is not None
    assert (span.value, span.start, span.end, span.granularity) == expected


def test_years_outside_the_window_are_not_dates() -> None:
    assert cal.year_span(1899) is None
    assert cal.year_span(2101) is None
    assert cal.make_day(2024, 4, 31) is None


@pytest.mark.parametrize(
    ("month", "future", "year"),
    [(2, False, 2025), (8, False, 2025), (9, False, 2024), (3, True, 2026), (8, True, 2025)],
    ids=["past_earlier", "past_current", "past_later", "future_earlier", "future_current"],
)
def test_resolve_month(month: int, future: bool, year: int) -> None:
    assert cal.resolve_month(month, D(2025, 8, 22), future=future) == year


def test_resolve_weekday_past_includes_today_future_excludes_it() -> None:
    friday = D(2025, 8, 22)
    assert cal.resolve_weekday(4, friday, future=False) == friday
    assert cal.resolve_weekday(4, friday, future=True) == D(2025, 8, 29)
    assert cal.resolve_weekday(1, friday, future=False) == D(2025, 8, 19)


def test_leap_day_without_year_goes_to_a_leap_year() -> None:
    assert cal.resolve_month_day(2, 29, D(2025, 8, 22), future=False) == D(2024, 2, 29)
    assert cal.resolve_month_day(2, 29, D(2025, 8, 22), future=True) == D(2028, 2, 29)


def test_add_months_clamps_the_day() -> None:
    assert cal.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
