"""Golden cases for named holidays (etl/stages/extract/dates_holidays.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 8, 20)  # a Tuesday


def _all(text: str, published: dt.date = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    # Fixed days, yearless: past unless the clause is future.
    ("christmas_eve_past", "Shops were looted on Christmas Eve, police said.", [("on Christmas Eve", D(2023, 12, 24), D(2023, 12, 24))]),
    ("christmas_future", "The new bridge will open at Christmas, the mayor said.", [("Christmas", D(2024, 12, 25), D(2024, 12, 25))]),
    ("st_patricks_day_curly", "A parade on St Patrick\u2019s Day drew 5,000 people.", [("on St Patrick\u2019s Day", D(2024, 3, 17), D(2024, 3, 17))]),
    ("new_years_day_with_year", "The law took effect on New Year's Day 2022.", [("on New Year's Day 2022", D(2022, 1, 1), D(2022, 1, 1))]),
    # Days counted by weekday.
    ("thanksgiving_year", "Flights were grounded on Thanksgiving 2019.", [("on Thanksgiving 2019", D(2019, 11, 28), D(2019, 11, 28))]),
    ("labor_day_past", "Two people drowned over Labor Day, the coast guard said.", [("Labor Day", D(2023, 9, 4), D(2023, 9, 4))]),
    ("labor_day_future", "The strike is set to begin on Labor Day.", [("on Labor Day", D(2024, 9, 2), D(2024, 9, 2))]),
    ("black_friday", "Retail sales on Black Friday rose 3%.", [("on Black Friday", D(2023, 11, 24), D(2023, 11, 24))]),
    ("memorial_day_last_monday", "Memorial Day 2021 was marked by a flyover.", [("Memorial Day 2021", D(2021, 5, 31), D(2021, 5, 31))]),
    # last / next / this / "of this year".
    ("last_thanksgiving", "Prices were lower last Thanksgiving.", [("last Thanksgiving", D(2023, 11, 23), D(2023, 11, 23))]),
    ("next_christmas", "Toy makers expect record sales next Christmas.", [("next Christmas", D(2024, 12, 25), D(2024, 12, 25))]),
    ("holiday_of_this_year", "The fireworks on Independence Day of this year were cancelled.",
     [("on Independence Day of this year", D(2024, 7, 4), D(2024, 7, 4))]),
    # Independence Day follows the country the text names.
    ("independence_pakistan", "Rallies were held on Independence Day across Pakistan.", [("on Independence Day", D(2024, 8, 14), D(2024, 8, 14))]),
    ("independence_india", "NEW DELHI: The prime minister spoke on Independence Day.", [("on Independence Day", D(2024, 8, 15), D(2024, 8, 15))]),
    ("independence_default_us", "Fireworks injured 11 on Independence Day.", [("on Independence Day", D(2024, 7, 4), D(2024, 7, 4))]),
    # Holiday weekends.
    ("labor_day_weekend", "Traffic deaths rose over the Labor Day weekend.", [("Labor Day weekend", D(2023, 9, 2), D(2023, 9, 4))]),
    ("weekend_of_thanksgiving_year", "The mall closed the weekend of Thanksgiving 2022.",
     [("the weekend of Thanksgiving 2022", D(2022, 11, 24), D(2022, 11, 27))]),
    ("memorial_day_weekend_future", "Airlines will add flights for Memorial Day weekend.", [("Memorial Day weekend", D(2025, 5, 24), D(2025, 5, 26))]),
    # Boxing Day (26 December, as Commonwealth news writes it).
    ("boxing_day_past", "Twenty-seven people died in a warehouse fire on Boxing Day, officials said.", [("on Boxing Day", D(2023, 12, 26), D(2023, 12, 26))]),
    ("boxing_day_year", "The tsunami struck on Boxing Day 2004.", [("on Boxing Day 2004", D(2004, 12, 26), D(2004, 12, 26))]),
    ("boxing_day_future", "The new ferry will sail on Boxing Day.", [("on Boxing Day", D(2024, 12, 26), D(2024, 12, 26))]),
    # Offsets from a holiday.
    ("weeks_before_christmas", "The ceasefire collapsed two weeks before Christmas.", [("two weeks before Christmas", D(2023, 12, 11), D(2023, 12, 11))]),
    ("days_after_thanksgiving", "He was arrested three days after Thanksgiving 2021.",
     [("three days after Thanksgiving 2021", D(2021, 11, 28), D(2021, 11, 28))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_holidays(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


NOT_HOLIDAYS = [
    ("black_friday_metaphor", "It was a black friday for the markets."),
    ("stadium_name", "The match was moved to Independence Day Stadium."),
    ("street_name", "Traffic was diverted from Labor Day Road."),
    ("no_publication_date", "Shops were looted on Christmas Eve."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_HOLIDAYS], ids=[c[0] for c in NOT_HOLIDAYS])
def test_not_holidays(text: str) -> None:
    published = None if "looted" in text else PUB
    assert extract_dates(text, published=published) == []
