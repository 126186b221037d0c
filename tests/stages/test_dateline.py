"""Golden cases for publication-date detection in the head of an article."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dateline import find_published_date

FOUND = [
    ("wire_dateline_day_month_year", "KABUL, 3 March 2024 (AFP) - At least five people were killed.",
     dt.date(2024, 3, 3), "KABUL, 3 March 2024 (AFP) -"),
    ("wire_dateline_month_day_year", "WASHINGTON, March 3, 2024 (Reuters) - Officials said on Sunday.",
     dt.date(2024, 3, 3), "WASHINGTON, March 3, 2024 (Reuters) -"),
    ("dateline_city_country", "BENI, Congo, 14 May 2023 - Gunmen killed 12 villagers.",
     dt.date(2023, 5, 14), "BENI, Congo, 14 May 2023 -"),
    ("byline_pipe", "By Jane Doe | 14 May 2023\nFloods displaced thousands.", dt.date(2023, 5, 14), "By Jane Doe | 14 May 2023"),
    ("byline_comma", "By Jane Doe, March 3, 2024\nFloods displaced thousands.", dt.date(2024, 3, 3), "By Jane Doe, March 3, 2024"),
    ("published_marker", "Home > World\nPublished: March 3, 2024\nThe ministry said 40 died.",
     dt.date(2024, 3, 3), "Published: March 3, 2024"),
    ("updated_marker_with_time", "Updated 2024-03-03 10:00\nThe ministry said 40 died.", dt.date(2024, 3, 3), "Updated 2024-03-03"),
    ("published_beats_updated", "Updated 5 March 2024\nPublished on 3 March 2024\nText.", dt.date(2024, 3, 3), "Published on 3 March 2024"),
    ("date_alone_on_a_line", "World News\n3 March 2024\nThe ministry said 40 died.", dt.date(2024, 3, 3), "3 March 2024"),
    ("date_line_with_time", "Sun 3 Mar 2024 10.03 GMT\nThe ministry said 40 died.", dt.date(2024, 3, 3), "Sun 3 Mar 2024"),
    ("iso_timestamp", "Last updated: 2024-03-03T10:00:00Z\nText.", dt.date(2024, 3, 3), "Last updated: 2024-03-03"),
    ("byline_then_published", "By Jane Doe and John Roe | Published March 3, 2024 at 10:00 a.m. ET\nText.",
     dt.date(2024, 3, 3), "Published March 3, 2024"),
]

NOT_FOUND = [
    ("dateline_without_year", "LAHORE, Aug 22 (Reuters) - Floods killed 12 people, officials said."),
    ("date_only_in_body", "Officials said that on 3 March 2024 the dam broke and 40 people died in the floods."),
    ("relative_only", "Published yesterday\nThe ministry said 40 died."),
    ("sentence_opening_with_a_date", "Headline\n3 March 2024 was the deadliest day of the year."),
    ("too_far_down", "x" * 700 + "\nPublished: March 3, 2024"),
    ("empty", ""),
]


@pytest.mark.parametrize(("text", "day", "evidence"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND])
def test_finds_publication_date(text: str, day: dt.date, evidence: str) -> None:
    found = find_published_date(text)
    assert found is not None
    assert found[0] == day
    assert text[found[1] : found[2]] == evidence


@pytest.mark.parametrize("text", [c[1] for c in NOT_FOUND], ids=[c[0] for c in NOT_FOUND])
def test_no_guess_without_a_full_date(text: str) -> None:
    assert find_published_date(text) is None
