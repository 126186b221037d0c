"""A wire dateline with a day dates the writing of the report: relative words resolve against it."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import dateline_day, extract_dates

PUBLISHED = dt.date(2025, 9, 26)  # a Friday

FOUND = [
    ("caps_city_month_day_colon", "SRINAGAR, Sept 3: Two militants were killed.", dt.date(2025, 9, 3)),
    ("agency_after_day", "BAGHDAD, April 23 (INA) — A bomb went off.", dt.date(2025, 4, 23)),
    ("day_month_dash", "ADEN, 19 February — A car bomb exploded.", dt.date(2025, 2, 19)),
    ("weekday_only", "KISUMU, Thursday — Two people were killed.", dt.date(2025, 9, 25)),
    ("dotted_month", "MAIDUGURI, Dec. 5 — Insurgents fired grenades.", dt.date(2024, 12, 5)),
    ("city_and_country", "KABUL, Afghanistan, Sept 20 - A blast killed four.", dt.date(2025, 9, 20)),
    ("capitalised_city_day_month", "Kano, 9 January: Gunmen attacked a village.", dt.date(2025, 1, 9)),
    ("two_word_city", "NEW DELHI, Sept 24 — Police said.", dt.date(2025, 9, 24)),
    ("full_date", "LAHORE, Aug 22, 2025 (Reuters) - Police said.", dt.date(2025, 8, 22)),
    ("under_a_headline", "Gunmen kill 5 in Plateau\n\nJOS, Sept 23 — Gunmen killed five people.", dt.date(2025, 9, 23)),
    ("weekday_under_a_headline", "Blast kills 3 in Quetta\nQUETTA, Wednesday — A bomb went off.", dt.date(2025, 9, 24)),
]

NOT_FOUND = [
    ("no_date_in_dateline", "GOMA — M23 rebels on Saturday seized a town."),
    ("colon_only", "KABUL: A suicide bomber blew himself up on Wednesday."),
    ("sentence_opening_weekday", "On Monday, police said: nobody was hurt."),
    ("after_publication", "LAHORE, Oct 22, 2025 (Reuters) - Police said."),
    ("month_only", "NAIROBI, September — Floods displaced thousands."),
    ("second_line_not_a_dateline", "Gunmen kill 5 in Plateau\n\nThe attack, on Monday — police said — was the third."),
]


@pytest.mark.parametrize(("name", "text", "day"), FOUND, ids=[c[0] for c in FOUND])
def test_dateline_day_found(name: str, text: str, day: dt.date) -> None:
    assert dateline_day(text, published=PUBLISHED) == day


@pytest.mark.parametrize(("name", "text"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_dateline_day_not_found(name: str, text: str) -> None:
    assert dateline_day(text, published=PUBLISHED) is None


def test_no_publication_date_no_dateline_day() -> None:
    assert dateline_day("KISUMU, Thursday — Two people were killed.", published=None) is None


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("SRINAGAR, Sept 25: Two militants were killed today, police said.", "today", dt.date(2025, 9, 25)),
        ("MOGADISHU, Sept 24 (Wire) — Gunmen struck yesterday evening.", "yesterday", dt.date(2025, 9, 23)),
        ("KISUMU, Wednesday — The clash began on Monday.", "on Monday", dt.date(2025, 9, 22)),
        ("ADEN, 24 September — Fighting broke out overnight on Tuesday.", "on Tuesday", dt.date(2025, 9, 23)),
    ],
)
def test_relative_words_count_from_the_dateline(text: str, surface: str, day: dt.date) -> None:
    found = {m.surface: m.start_date for m in extract_dates(text, published=PUBLISHED)}
    assert found[surface] == day
