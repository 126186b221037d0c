"""Golden cases for ordinal parts of periods and centuries (etl/stages/extract/dates_ordinals.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2025, 6, 18)  # a Wednesday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    ("nth_month_of_year", "Imports collapsed in the second month of 2020.", [("in the second month of 2020", D(2020, 2, 1), D(2020, 2, 29))]),
    ("nth_month_of_this_year", "By the fourth month of this year, 300 had died.", [("the fourth month of this year", D(2025, 4, 1), D(2025, 4, 30))]),
    ("nth_day_of_month_past", "The ceasefire broke down on the 12th day of March.", [("on the 12th day of March", D(2025, 3, 12), D(2025, 3, 12))]),
    ("nth_day_of_year", "It was the 100th day of 2024 when the talks began.", [("the 100th day of 2024", D(2024, 4, 9), D(2024, 4, 9))]),
    ("last_day_of_month_year", "The deadline passed on the last day of February 2024.",
     [("on the last day of February 2024", D(2024, 2, 29), D(2024, 2, 29))]),
    ("last_month_of_year", "Exports recovered in the final month of 2023.", [("in the final month of 2023", D(2023, 12, 1), D(2023, 12, 31))]),
    ("first_days_of_month", "Rain fell in the first 10 days of May.", [("in the first 10 days of May", D(2025, 5, 1), D(2025, 5, 10))]),
    ("last_days_of_last_month", "Prices spiked in the last five days of last month.",
     [("in the last five days of last month", D(2025, 5, 27), D(2025, 5, 31))]),
    ("last_weeks_of_this_year", "Repairs are planned for the last 2 weeks of this year.",
     [("the last 2 weeks of this year", D(2025, 12, 15), D(2025, 12, 28))]),
    ("first_weeks_of_year", "Cases rose in the first three weeks of 2021.", [("in the first three weeks of 2021", D(2021, 1, 4), D(2021, 1, 24))]),
    # A day of a month named relative to publication.
    ("day_of_this_month", "The law was passed on the 5th of this month.", [("on the 5th of this month", D(2025, 6, 5), D(2025, 6, 5))]),
    ("day_of_last_month", "Fighting flared on the twentieth of last month.", [("on the twentieth of last month", D(2025, 5, 20), D(2025, 5, 20))]),
    ("day_of_next_month", "The visa rules change on the 1st of next month.", [("on the 1st of next month", D(2025, 7, 1), D(2025, 7, 1))]),
    # The end of a year or month written "year-end" / "end-March" (the late part, as "the end of").
    ("year_end_future", "The bank expects inflation to ease by year-end.", [("year-end", D(2025, 9, 1), D(2025, 12, 31))]),
    ("year_end_past_not_begun", "The mine had shed 900 jobs by year-end.", [("year-end", D(2024, 9, 1), D(2024, 12, 31))]),
    ("year_end_with_year", "Reserves fell at year-end 2022.", [("year-end 2022", D(2022, 9, 1), D(2022, 12, 31))]),
    ("end_dash_year", "Debt reached 90% of output by end-2023.", [("end-2023", D(2023, 9, 1), D(2023, 12, 31))]),
    ("end_dash_month_future", "Bids are due by end-March.", [("end-March", D(2026, 3, 16), D(2026, 3, 31))]),
    # A season of a year named relative to publication.
    ("season_of_last_year", "Wheat prices peaked in the spring of last year.", [("in the spring of last year", D(2024, 3, 1), D(2024, 5, 31))]),
    ("season_of_next_year", "The dam should be finished by the summer of next year.", [("the summer of next year", D(2026, 6, 1), D(2026, 8, 31))]),
    ("season_of_this_year", "Floods in the autumn of this year are feared.", [("in the autumn of this year", D(2025, 9, 1), D(2025, 11, 30))]),
    ("century_digits", "The mosque dates from the 15th century.", [("the 15th century", D(1400, 1, 1), D(1499, 12, 31))]),
    ("century_adjective", "Fire gutted a 19th-century church.", [("19th-century", D(1800, 1, 1), D(1899, 12, 31))]),
    ("century_words", "Trade routes of the eleventh century ran here.", [("the eleventh century", D(1000, 1, 1), D(1099, 12, 31))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_ordinal_parts(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


NOT_DATES = [
    ("vague_first_days", "The first days of the war were chaotic."),
    ("ordinal_of_a_count", "He was the third man of the crew to die."),
    ("day_beyond_month", "Nothing is due on the 31st day of June 2024."),
    ("month_of_a_month", "The third month of March makes no sense."),
    ("season_as_a_name", "The summer of discontent began."),
    ("impossible_day_of_this_month", "Nothing happened on the 31st of this month."),
    ("end_without_dash", "The end 2023 figures were lost."),
    ("century_out_of_range", "Science fiction set in the 25th century."),
    ("centuries_as_count", "Two centuries of rule ended."),
    ("century_before_christ", "The port was founded in the 5th century BC by traders."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES])
def test_not_ordinal_parts(text: str) -> None:
    assert [s for s, _, _ in _all(text) if "March" not in s] == []
