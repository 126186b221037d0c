"""Golden cases for the dates extractor, one per phenomenon (see etl/stages/extract/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

PUB = dt.date(2025, 8, 22)  # a Friday
D = dt.date


def _one(text: str, published: dt.date | None = PUB, **kw: bool) -> tuple[str, str, dt.date, dt.date, str]:
    found = extract_dates(text, published=published, **kw)
    assert len(found) == 1, found
    m = found[0]
    return m.surface, m.value, m.start_date, m.end_date, m.granularity


EXPLICIT = [
    ("month_day_year", "The attack on August 22, 2025 killed five.", ("on August 22, 2025", "2025-08-22", D(2025, 8, 22), D(2025, 8, 22), "day")),
    ("day_month_year", "Talks began on 22 August 2025 in Doha.", ("on 22 August 2025", "2025-08-22", D(2025, 8, 22), D(2025, 8, 22), "day")),
    ("abbrev_no_year_past", "Police said the blast on Aug. 3 was deliberate.", ("on Aug. 3", "2025-08-03", D(2025, 8, 3), D(2025, 8, 3), "day")),
    ("day_first_unambiguous", "The decree dated 22/08/2025 was published.", ("22/08/2025", "2025-08-22", D(2025, 8, 22), D(2025, 8, 22), "day")),
    ("month_first_unambiguous", "The decree dated 08/22/2025 was published.", ("08/22/2025", "2025-08-22", D(2025, 8, 22), D(2025, 8, 22), "day")),
    ("ambiguous_default_month_first", "Filed 04/05/2025 in court.", ("04/05/2025", "2025-04-05", D(2025, 4, 5), D(2025, 4, 5), "day")),
    ("dotted_is_day_first", "Filed 04.05.2025 in court.", ("04.05.2025", "2025-05-04", D(2025, 5, 4), D(2025, 5, 4), "day")),
    ("iso", "The data (2025-08-22) show a rise.", ("2025-08-22", "2025-08-22", D(2025, 8, 22), D(2025, 8, 22), "day")),
    ("ordinal_suffix", "He returned 04th Jan 2019 to Kabul.", ("04th Jan 2019", "2019-01-04", D(2019, 1, 4), D(2019, 1, 4), "day")),
    ("month_slash_day", "Voting closes Oct/2 this time.", ("Oct/2", "2025-10-02", D(2025, 10, 2), D(2025, 10, 2), "day")),
    ("weekday_past", "Gunmen struck on Tuesday, police said.", ("on Tuesday", "2025-08-19", D(2025, 8, 19), D(2025, 8, 19), "day")),
    ("weekday_possessive", "Saturday's bombing killed 31.", ("Saturday", "2025-08-16", D(2025, 8, 16), D(2025, 8, 16), "day")),
    ("possessive_keeps_its_preposition_out", "Six died in Thursday's bombing.", ("Thursday", "2025-08-21", D(2025, 8, 21), D(2025, 8, 21), "day")),
    ("month_day_past", "The floods began June 10 in the north.", ("June 10", "2025-06-10", D(2025, 6, 10), D(2025, 6, 10), "day")),
    ("weekday_fixes_year", "They meet on Saturday, August 23, officials said.", ("on Saturday, August 23", "2025-08-23", D(2025, 8, 23), D(2025, 8, 23), "day")),
    ("iso_timestamp", "Logged at 2025-08-22T10:00:00Z by police.", ("2025-08-22", "2025-08-22", D(2025, 8, 22), D(2025, 8, 22), "day")),
    ("spelled_day", "He said he would return May twenty nine.", ("May twenty nine", "2026-05-29", D(2026, 5, 29), D(2026, 5, 29), "day")),
    ("spelled_day_and_year", "She was born on January twenty five nineteen eighty six.", ("on January twenty five nineteen eighty six", "1986-01-25", D(1986, 1, 25), D(1986, 1, 25), "day")),
    ("spelled_month_year", "The talks were in October two thousand and five.", ("in October two thousand and five", "2005-10", D(2005, 10, 1), D(2005, 10, 31), "month")),
    ("two_digit_year", "Records from 3/18/24 were lost.", ("3/18/24", "2024-03-18", D(2024, 3, 18), D(2024, 3, 18), "day")),
]

PERIODS = [
    ("year", "In 2024, 45 people were killed.", ("In 2024", "2024", D(2024, 1, 1), D(2024, 12, 31), "year")),
    ("month_year", "Fighting resumed in August 2021.", ("in August 2021", "2021-08", D(2021, 8, 1), D(2021, 8, 31), "month")),
    ("month_this_year", "Clashes erupted in May this year.", ("in May this year", "2025-05", D(2025, 5, 1), D(2025, 5, 31), "month")),
    ("this_month", "Prices rose this month.", ("this month", "2025-08", D(2025, 8, 1), D(2025, 8, 31), "month")),
    ("last_year", "Deaths fell last year.", ("last year", "2024", D(2024, 1, 1), D(2024, 12, 31), "year")),
    ("last_week", "The raid happened last week.", ("last week", "2025-W33", D(2025, 8, 11), D(2025, 8, 17), "week")),
    ("next_month", "Elections are planned next month.", ("next month", "2025-09", D(2025, 9, 1), D(2025, 9, 30), "month")),
    ("first_half", "Exports grew in the first half of 2024.", ("in the first half of 2024", "2024-H1", D(2024, 1, 1), D(2024, 6, 30), "half")),
    ("quarter_code", "Output fell 3% in Q3 2023.", ("in Q3 2023", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30), "quarter")),
    ("quarter_words", "Output fell in the third quarter of 2023.", ("in the third quarter of 2023", "2023-Q3", D(2023, 7, 1), D(2023, 9, 30), "quarter")),
    ("early_year", "The law passed in early 2024.", ("in early 2024", "2024-01-01/2024-04-30", D(2024, 1, 1), D(2024, 4, 30), "range")),
    ("mid_year", "Talks stalled in mid-2024.", ("in mid-2024", "2024-05-01/2024-08-31", D(2024, 5, 1), D(2024, 8, 31), "range")),
    ("late_year", "Troops left in late 2024.", ("in late 2024", "2024-09-01/2024-12-31", D(2024, 9, 1), D(2024, 12, 31), "range")),
    ("season_of_year", "Drought hit during the summer of 2022.", ("during the summer of 2022", "2022-SU", D(2022, 6, 1), D(2022, 8, 31), "season")),
    ("over_the_summer", "Over the summer, violence escalated.", ("the summer", "2025-SU", D(2025, 6, 1), D(2025, 8, 31), "season")),
    ("winter_spans_new_year", "Aid ran short in winter 2023.", ("in winter 2023", "2023-WI", D(2023, 12, 1), D(2024, 2, 29), "season")),
    ("between_years_before_plural_noun", "Between 2020 and 2023 deaths rose.", ("Between 2020 and 2023", "2020-01-01/2023-12-31", D(2020, 1, 1), D(2023, 12, 31), "range")),
    ("year_before_plural_noun", "The 2024 elections were violent.", ("2024", "2024", D(2024, 1, 1), D(2024, 12, 31), "year")),
    ("year_as_subject", "The UN said 2022 was the deadliest year.", ("2022", "2022", D(2022, 1, 1), D(2022, 12, 31), "year")),
    ("decade", "The war of the 1990s left scars.", ("the 1990s", "199", D(1990, 1, 1), D(1999, 12, 31), "decade")),
    ("between_years", "Between 2020 and 2023 the toll doubled.", ("Between 2020 and 2023", "2020-01-01/2023-12-31", D(2020, 1, 1), D(2023, 12, 31), "range")),
    ("from_month_to_month", "Rains fell from March to May.", ("from March to May", "2025-03-01/2025-05-31", D(2025, 3, 1), D(2025, 5, 31), "range")),
    ("season_years", "The 2023/24 season was the wettest.", ("The 2023/24 season", "2023-07-01/2024-06-30", D(2023, 7, 1), D(2024, 6, 30), "range")),
    ("since_year", "More than 900 have died since 2021.", ("since 2021", "2021-01-01/2025-08-22", D(2021, 1, 1), D(2025, 8, 22), "range")),
    ("month_range_with_year", "Exports fell in Jan-Feb 2017.", ("in Jan-Feb 2017", "2017-01-01/2017-02-28", D(2017, 1, 1), D(2017, 2, 28), "range")),
    ("day_range", "Talks ran November 18-19 in Paris.", ("November 18-19", "2024-11-18/2024-11-19", D(2024, 11, 18), D(2024, 11, 19), "range")),
    ("day_range_before_month", "Storms hit on 9 to 12 June 2024.", ("on 9 to 12 June 2024", "2024-06-09/2024-06-12", D(2024, 6, 9), D(2024, 6, 12), "range")),
    ("mid_month", "The offensive began in mid-March.", ("in mid-March", "2025-03-10/2025-03-20", D(2025, 3, 10), D(2025, 3, 20), "range")),
    ("end_of_year", "The camp closes at the end of the year.", ("at the end of the year", "2025-09-01/2025-12-31", D(2025, 9, 1), D(2025, 12, 31), "range")),
    ("week_beginning", "Voting took place the week beginning 4 August.", ("the week beginning 4 August", "2025-W32", D(2025, 8, 4), D(2025, 8, 10), "week")),
    ("first_months_of_year", "Deaths in the first nine months of 2024 fell.", ("in the first nine months of 2024", "2024-01-01/2024-09-30", D(2024, 1, 1), D(2024, 9, 30), "range")),
    ("last_months_of_this_year", "Exports recovered in the last four months of the year.", ("in the last four months of the year", "2025-09-01/2025-12-31", D(2025, 9, 1), D(2025, 12, 31), "range")),
    ("quarter_range", "Figures for Q1-Q3 2024 show a decline.", ("Q1-Q3 2024", "2024-01-01/2024-09-30", D(2024, 1, 1), D(2024, 9, 30), "range")),
    ("since_day_with_year", "Since Oct. 7, 2023, thousands have died.", ("Since Oct. 7, 2023", "2023-10-07/2025-08-22", D(2023, 10, 7), D(2025, 8, 22), "range")),
    ("weekday_range", "From Monday to Wednesday, 17 people were killed.", ("From Monday to Wednesday", "2025-08-18/2025-08-20", D(2025, 8, 18), D(2025, 8, 20), "range")),
    ("cross_month_day_range", "Fighting raged from July 30-Aug. 2 in the east.", ("from July 30-Aug. 2", "2025-07-30/2025-08-02", D(2025, 7, 30), D(2025, 8, 2), "range")),
    ("between_days_of_month", "Polls opened between 1 and 5 June.", ("between 1 and 5 June", "2025-06-01/2025-06-05", D(2025, 6, 1), D(2025, 6, 5), "range")),
    ("easter_monday", "Shops closed on Easter Monday.", ("on Easter Monday", "2025-04-21", D(2025, 4, 21), D(2025, 4, 21), "day")),
    ("good_friday_with_year", "Good Friday 2024 was calm.", ("Good Friday 2024", "2024-03-29", D(2024, 3, 29), D(2024, 3, 29), "day")),
    ("holiday", "The strike on Christmas Day killed 7.", ("on Christmas Day", "2024-12-25", D(2024, 12, 25), D(2024, 12, 25), "day")),
]

RELATIVE = [
    ("yesterday", "Two were shot yesterday.", ("yesterday", "2025-08-21", D(2025, 8, 21), D(2025, 8, 21), "day")),
    ("today", "The curfew ends today.", ("today", "2025-08-22", D(2025, 8, 22), D(2025, 8, 22), "day")),
    ("a_week_ago", "He vanished a week ago.", ("a week ago", "2025-08-15", D(2025, 8, 15), D(2025, 8, 15), "day")),
    ("years_ago", "The dam broke two years ago.", ("two years ago", "2023-08-22", D(2023, 8, 22), D(2023, 8, 22), "day")),
    ("over_the_last_year_rolling", "Over the last year 300 died.", ("the last year", "2024-08-22/2025-08-21", D(2024, 8, 22), D(2025, 8, 21), "range")),
    ("earlier_this_week", "Five died earlier this week.", ("earlier this week", "2025-08-18/2025-08-22", D(2025, 8, 18), D(2025, 8, 22), "range")),
    ("last_month", "Arrests doubled last month.", ("last month", "2025-07", D(2025, 7, 1), D(2025, 7, 31), "month")),
    ("this_year", "Cases rose this year.", ("this year", "2025", D(2025, 1, 1), D(2025, 12, 31), "year")),
    ("next_year", "Polls are due next year.", ("next year", "2026", D(2026, 1, 1), D(2026, 12, 31), "year")),
    ("past_three_years", "Over the past three years 400 died.", ("the past three years", "2022-08-22/2025-08-21", D(2022, 8, 22), D(2025, 8, 21), "range")),
    ("the_weekend_past", "Over the weekend, police arrested 35.", ("the weekend", "2025-08-16/2025-08-17", D(2025, 8, 16), D(2025, 8, 17), "range")),
    ("this_weekend", "Rallies are planned this weekend.", ("this weekend", "2025-08-23/2025-08-24", D(2025, 8, 23), D(2025, 8, 24), "range")),
    ("next_weekday", "Talks resume next Friday.", ("next Friday", "2025-08-29", D(2025, 8, 29), D(2025, 8, 29), "day")),
    ("possessive_period", "Next week's vote was delayed.", ("Next week", "2025-W35", D(2025, 8, 25), D(2025, 8, 31), "week")),
    ("since_start_of_year", "Since the start of the year 60 died.", ("Since the start of the year", "2025-01-01/2025-08-22", D(2025, 1, 1), D(2025, 8, 22), "range")),
    ("late_last_year", "Talks broke down late last year.", ("late last year", "2024-09-01/2024-12-31", D(2024, 9, 1), D(2024, 12, 31), "range")),
    ("anchored_shift", "Aid came two weeks after 3 March 2024.", ("two weeks after 3 March 2024", "2024-03-17", D(2024, 3, 17), D(2024, 3, 17), "day")),
]

TENSE = [
    ("month_past", "Fighting flared in February.", ("in February", "2025-02", D(2025, 2, 1), D(2025, 2, 28), "month")),
    ("month_future_will", "Leaders will meet in March.", ("in March", "2026-03", D(2026, 3, 1), D(2026, 3, 31), "month")),
    ("month_future_due", "The court is due to rule in October.", ("in October", "2025-10", D(2025, 10, 1), D(2025, 10, 31), "month")),
    ("month_reported_past", "It would open, officials said in March.", ("in March", "2025-03", D(2025, 3, 1), D(2025, 3, 31), "month")),
    ("weekday_future", "Parliament is due to vote on Tuesday.", ("on Tuesday", "2025-08-26", D(2025, 8, 26), D(2025, 8, 26), "day")),
    ("day_future", "The summit is scheduled for June 10.", ("June 10", "2026-06-10", D(2026, 6, 10), D(2026, 6, 10), "day")),
    ("expected_is_future", "The verdict is expected on Sept. 20.", ("on Sept. 20", "2025-09-20", D(2025, 9, 20), D(2025, 9, 20), "day")),
    ("current_month_past", "Rains in August killed 40.", ("in August", "2025-08", D(2025, 8, 1), D(2025, 8, 31), "month")),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in EXPLICIT], ids=[c[0] for c in EXPLICIT])
def test_explicit_dates(text: str, expected: tuple[object, ...]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in PERIODS], ids=[c[0] for c in PERIODS])
def test_periods(text: str, expected: tuple[object, ...]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in RELATIVE], ids=[c[0] for c in RELATIVE])
def test_relative(text: str, expected: tuple[object, ...]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in TENSE], ids=[c[0] for c in TENSE])
def test_tense_resolution(text: str, expected: tuple[object, ...]) -> None:
    assert _one(text) == expected


def test_day_first_option_flips_ambiguous_numeric_dates() -> None:
    assert _one("Filed 04/05/2025.", day_first=True)[2] == D(2025, 5, 4)
    assert _one("Filed 25/05/2025.", day_first=False)[2] == D(2025, 5, 25)


@pytest.mark.parametrize(
    "text",
    ["Fighting flared in February.", "Deaths fell last year.", "Gunmen struck on Tuesday.", "The floods began June 10.",
     "He vanished a week ago.", "Rains fell from March to May.", "Cases rose this month.", "Leaders will meet in March."],
    ids=["month", "last_year", "weekday", "month_day", "ago", "month_range", "this_month", "future_month"],
)
def test_unknown_publication_date_never_guesses(text: str) -> None:
    assert extract_dates(text, published=None) == []


def test_since_without_publication_keeps_only_the_year() -> None:
    found = extract_dates("More died since 2021.", published=None)
    assert [(m.surface, m.value) for m in found] == [("2021", "2021")]


@pytest.mark.parametrize(
    ("text", "values"),
    [("Raids rose in January, February and March 2023.", ["2023-01", "2023-02", "2023-03"]),
     ("Crops failed in the summer and autumn of 2024.", ["2024-SU", "2024-FA"])],
    ids=["months_list", "seasons_list"],
)
def test_listed_periods_share_the_trailing_year(text: str, values: list[str]) -> None:
    assert [m.value for m in extract_dates(text, published=PUB)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [("In 2023, 300 died, up from 250 the previous year.", ["2023", "2022"]),
     ("He was jailed in 2019 and freed the following year.", ["2019", "2020"]),
     ("He was arrested on Monday and charged the following week.", ["2025-08-18"]),
     ("Deaths fell compared with the previous quarter.", ["2025-Q2"]),
     ("She fled in 2015 and died the next year.", ["2015", "2016"])],
    ids=["previous_year_after_year", "following_year_after_year", "following_week_after_day", "previous_quarter_unanchored",
         "the_next_year_after_year"],
)
def test_previous_and_following_are_anchored_in_the_sentence(text: str, values: list[str]) -> None:
    assert [m.value for m in extract_dates(text, published=PUB)] == values


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [("Fighting continued yesterday and today in the north.", ["yesterday and today"]),
     ("Prices rose between January and today.", ["between January and today"]),
     ("Shops stayed shut from last week to today.", ["from last week to today"])],
    ids=["yesterday_and_today", "between_january_and_today", "last_week_to_today"],
)
def test_a_range_closed_by_today_swallows_the_today(text: str, surfaces: list[str]) -> None:
    found = extract_dates(text, published=PUB)
    assert [m.surface for m in found] == surfaces


def test_mentions_are_sorted_and_point_back_to_text() -> None:
    text = "On Tuesday, 12 died; in 2024, 300 died; last month 40 died between 2020 and 2023."
    found = extract_dates(text, published=PUB)
    assert [m.char_start for m in found] == sorted(m.char_start for m in found)
    assert all(text[m.char_start : m.char_end] == m.surface for m in found)
    assert len(found) == 4


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("Gunmen attacked the camp on Thu night, killing four.", "on Thu", dt.date(2025, 8, 21)),
        ("The convoy was ambushed on Tue. near the border.", "on Tue.", dt.date(2025, 8, 19)),
        ("Wed morning raids left two dead.", "Wed", dt.date(2025, 8, 20)),
    ],
    ids=["on-fri-night", "on-tue-dot", "wed-morning"],
)
def test_abbreviated_weekdays_with_a_cue(text: str, surface: str, day: dt.date) -> None:
    assert _one(text)[:4] == (surface, day.isoformat(), day, day)


@pytest.mark.parametrize(
    ("text", "surface", "day"),
    [
        ("Militants stormed the post Thurs, killing five.", "Thurs", dt.date(2025, 8, 21)),
        ("Gunmen struck late Tues in the north.", "Tues", dt.date(2025, 8, 19)),
        ("Police said Weds that two had died.", "Weds", dt.date(2025, 8, 20)),
    ],
    ids=["thurs", "tues", "weds"],
)
def test_abbreviations_that_are_no_word_need_no_cue(text: str, surface: str, day: dt.date) -> None:
    [found] = extract_dates(text, published=PUB)
    assert (found.surface, found.start_date) == (surface, day)


@pytest.mark.parametrize("text", ["The Sun reported four dead.", "They wed in a small ceremony.", "Sat quietly in court."], ids=["the-sun", "wed-verb", "sat-verb"])
def test_abbreviated_weekdays_alone_are_not_dates(text: str) -> None:
    assert extract_dates(text, published=PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No arrests were made after 2019.", [("after 2019", dt.date(2020, 1, 1), PUB)]),
        ("Records from before 2010 were lost.", []),
        ("He died after Monday's attack.", [("Monday", dt.date(2025, 8, 18), dt.date(2025, 8, 18))]),
        ("The curfew lasts until Friday.", [("Friday", PUB, PUB)]),
    ],
    ids=["after-year-open-to-publication", "before-year-is-no-interval", "after-possessive-is-the-event", "until-keeps-the-day"],
)
def test_open_bounds(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=PUB)] == expected
