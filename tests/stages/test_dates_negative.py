"""Things that look like dates to a naive parser but are not: nothing may be emitted."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

PUB = dt.date(2025, 8, 22)

NOT_DATES = [
    ("may_verb", "Officials may announce the results soon."),
    ("might_may_lowercase", "The toll may rise, and it might fall."),
    ("march_verb", "They will march on the capital."),
    ("march_noun_sentence_start", "March organisers said 300 people joined."),
    ("august_adjective", "An august body of scholars met."),
    ("percent", "Prices rose by a 45% margin."),
    ("bare_numbers", "The militia has 2000 fighters and 1,999 rifles."),
    ("year_like_count", "Rescuers pulled 1950 people from the rubble."),
    ("sunday_times", "The Sunday Times reported the figures."),
    ("bloody_sunday", "Bloody Sunday was remembered by thousands."),
    ("usa_today", "USA Today reported the figures."),
    ("durations", "The conflict has lasted 25 years and the siege seven weeks."),
    ("anchored_to_event", "Seven weeks after the ceasefire, 40 had died."),
    ("out_of_range_year", "In 1850 and in 2300 nothing was recorded."),
    ("phone_number", "Call +86 2010-2015-86 for details."),
    ("decimal_before_month", "The index closed at 6,107.31 points."),
    ("arab_spring", "The Arab Spring changed the region."),
    ("fall_in_prices", "A fall in prices hurt farmers."),
    ("second_half_of_match", "In the second half of the match two fans were hurt."),
    ("impossible_day", "Nothing happened on 31 April 2024 or 2/30/2024."),
    ("may_two_people", "May two people be enough? Officials doubted it."),
    ("dates_naming_groups", "The May 9 Party and the March 8 alliance held talks."),
    ("count_after_and", "They carried 2,000 rifles and 1980 rounds of ammunition."),
    ("road_number", "Route 2020 and Highway 1999 were closed."),
    ("festival_name", "The Mid-Autumn festival drew crowds."),
    ("may_after_number_range", "Between 10 and 15 may die, and 3 to 5 may be hurt."),
    ("good_friday_lowercase", "It was a good Friday for markets, traders said."),
    ("mar_saint_church", "A gunman opened fire outside the Mar Girgis church in Helwan."),
    ("mar_district_name", "Shells fell on the Mar Elias quarter of the old city."),
    ("jan_party_name", "Leaders of the Jan Morcha met in Lucknow."),
    ("named_weekend", "Traffic deaths rose over the Pride weekend."),
    ("weekend_of_event", "Protests marked the weekend of the vote."),
    ("fiscal_year", "Revenue in fiscal 2024 and FY2023 beat forecasts."),
    ("empty", ""),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES])
def test_not_dates(text: str) -> None:
    found = extract_dates(text, published=PUB)
    assert [(m.surface, m.value) for m in found] == []


def test_may_as_month_next_to_may_as_verb() -> None:
    found = extract_dates("It may rain again in May.", published=PUB)
    # "may rain" is a modal of possibility: the clause speaks of the future, so next May
    assert [(m.surface, m.value) for m in found] == [("in May", "2026-05")]


def test_decimal_does_not_lend_its_digits_to_a_day() -> None:
    found = extract_dates("Sales were 6,107.31 August 2019 figures.", published=None)
    assert [(m.surface, m.value) for m in found] == [("August 2019", "2019-08")]
