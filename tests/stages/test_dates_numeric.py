"""Golden cases for numeric dates (etl/stages/extract/dates_numeric.py): the day/month order of
ambiguous dates, two-digit years, compact and spaced ISO dates, and what is not a date."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date


def _days(text: str, published: dt.date, **kw: bool) -> list[tuple[str, dt.date]]:
    return [(m.surface, m.start_date) for m in extract_dates(text, published=published, **kw) if m.granularity == "day" and any(c.isdigit() for c in m.surface)]


ORDER = [
    # A reading after publication loses to one on or before it (past clause), before the country rule.
    ("incident_log_past_wins_over_country", "04/11/2019: Gunmen opened fire on a bus near Quetta, Pakistan.",
     D(2019, 4, 20), {}, [("04/11/2019", D(2019, 4, 11))]),
    ("court_record_past", "The warrant, signed 02/09/2021 by a Lagos magistrate, was served on Monday.",
     D(2021, 2, 15), {}, [("02/09/2021", D(2021, 2, 9))]),
    ("day_first_reading_is_the_past_one", "Police in Ohio said the body was found on 09/02/2021.",
     D(2021, 2, 15), {}, [("on 09/02/2021", D(2021, 2, 9))]),
    # Both readings past: one in the week before publication beats one six weeks or more before it.
    ("recent_beats_stale_turkey", "12/10/2017: A suicide bomber struck a checkpoint in Kayseri, Turkey.",
     D(2017, 12, 11), {}, [("12/10/2017", D(2017, 12, 10))]),
    ("recent_beats_stale_india", "On 02/11/2022 a landmine killed two jawans in Bijapur, India.",
     D(2022, 2, 13), {}, [("On 02/11/2022", D(2022, 2, 11))]),
    ("recent_day_first_reading", "Police in Ohio said the blast on 10/12/2023 hurt four.",
     D(2023, 12, 13), {}, [("on 10/12/2023", D(2023, 12, 10))]),
    # A date labelling an incident note (opening its line, before a colon): a reading in the week before
    # publication beats one four weeks or more older, whatever the country.
    ("note_label_recent_kenya", "03/02/2024: Gunmen raided a bus station in Garissa, Kenya, killing three.",
     D(2024, 3, 5), {}, [("03/02/2024", D(2024, 3, 2))]),
    ("note_label_recent_nigeria", "Intro line.\n06/05/2022 : Bandits attacked Kankara, Nigeria, abducting 12.",
     D(2022, 6, 8), {}, [("06/05/2022", D(2022, 6, 5))]),
    ("note_label_recent_day_first_reading", "11/09/2021: A bomb hit a bus stop in Ohio, hurting two.",
     D(2021, 9, 13), {}, [("11/09/2021", D(2021, 9, 11))]),
    ("not_a_label_mid_line_keeps_country_rule", "Gunmen raided a bus station in Garissa, Kenya, on 03/02/2024: three died.",
     D(2024, 3, 5), {}, [("on 03/02/2024", D(2024, 2, 3))]),
    # A month apart is too close to call: the country rule stays.
    ("month_apart_keeps_country_rule", "Gunmen attacked a bus near Bannu, Pakistan, on 03/04/2024.",
     D(2024, 4, 5), {}, [("on 03/04/2024", D(2024, 4, 3))]),
    ("both_stale_keeps_country_rule", "Gunmen attacked a bus near Bannu, Pakistan, on 03/06/2024.",
     D(2024, 9, 5), {}, [("on 03/06/2024", D(2024, 6, 3))]),
    # A future clause keeps the country rule when both readings lie ahead...
    ("future_clause_keeps_country_rule", "The tribunal in Nairobi will sit again on 05/04/2021.",
     D(2021, 2, 15), {}, [("on 05/04/2021", D(2021, 4, 5))]),
    # ...and there a reading before publication loses.
    ("future_clause_past_reading_loses", "The tribunal in Nairobi will sit again on 04/01/2021.",
     D(2021, 2, 15), {}, [("on 04/01/2021", D(2021, 4, 1))]),
    # Another date of the text whose order is unambiguous decides first.
    ("text_evidence_day_first", "Filed 25/01/2021. Hearing held 02/09/2021 in Ohio.",
     D(2021, 2, 15), {}, [("25/01/2021", D(2021, 1, 25)), ("02/09/2021", D(2021, 9, 2))]),
    ("text_evidence_month_first", "Report of 01/27/2021 on a raid in Kenya; follow-up 02/01/2021.",
     D(2021, 2, 15), {}, [("01/27/2021", D(2021, 1, 27)), ("02/01/2021", D(2021, 2, 1))]),
    # The day_first setting, when on, wins over the publication date.
    ("setting_wins", "Incident 03/12/2015: a roadside bomb exploded.", D(2015, 3, 14), {"day_first": True},
     [("03/12/2015", D(2015, 12, 3))]),
    # Both readings before publication: the country rule as before.
    ("both_past_country_rule", "NEW DELHI: The accused was arrested on 04/03/2023, police said.",
     D(2023, 6, 1), {}, [("on 04/03/2023", D(2023, 3, 4))]),
    ("both_past_default_month_first", "The accused was arrested on 04/03/2023, police said.",
     D(2023, 6, 1), {}, [("on 04/03/2023", D(2023, 4, 3))]),
]


@pytest.mark.parametrize(("text", "published", "kw", "expected"), [c[1:] for c in ORDER], ids=[c[0] for c in ORDER])
def test_ambiguous_numeric_order(text: str, published: dt.date, kw: dict[str, bool], expected: list[tuple[str, dt.date]]) -> None:
    assert _days(text, published, **kw) == expected


TWO_DIGIT = [
    ("past_clause_latest_not_after", "The ledger entry dated 3/18/24 was altered.", D(2025, 5, 1), [("3/18/24", D(2024, 3, 18))]),
    ("past_clause_last_century", "He was born on 11/30/47 in Ohio.", D(2025, 5, 1), [("on 11/30/47", D(1947, 11, 30))]),
    ("future_clause_ahead", "The bonds will mature on 12/31/38, the Treasury said.", D(2025, 5, 1), [("on 12/31/38", D(2038, 12, 31))]),
    ("future_clause_too_far_ahead", "The lease will be renewed from 06/30/71.", D(2025, 5, 1), [("06/30/71", D(1971, 6, 30))]),
    ("future_request_day_first", "I'll fly back 23/08/31.", D(2025, 5, 1), [("23/08/31", D(2031, 8, 23))]),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in TWO_DIGIT], ids=[c[0] for c in TWO_DIGIT])
def test_two_digit_years(text: str, published: dt.date, expected: list[tuple[str, dt.date]]) -> None:
    assert _days(text, published) == expected


COMPACT = [
    ("compact_after_dated", "The memo dated 20190412 was leaked to reporters.", [("20190412", D(2019, 4, 12))]),
    ("compact_after_on", "The account was opened on 20180930 in Lagos.", [("on 20180930", D(2018, 9, 30))]),
    ("compact_after_since", "Prices have been frozen since 20170101, the ministry said.", None),
    ("spaced_iso", "On 2018 07 04, the plant closed.", [("On 2018 07 04", D(2018, 7, 4))]),
    ("spaced_iso_end_of_sentence", "The ruling came into force on 2017 11 30.", [("on 2017 11 30", D(2017, 11, 30))]),
    ("spaced_iso_in_brackets", "The last audit (2016 02 29) found nothing.", [("2016 02 29", D(2016, 2, 29))]),
]
NOT_DATES = [
    ("phone_number", "Call 20161016 for help."),
    ("order_id", "Order 20161016 shipped from the depot."),
    ("invalid_month", "Shipment on 20161332 was lost."),
    ("census_id", "Census ID 20190412 refers to a farm."),
    ("year_then_count", "In 2016 10 people died."),
    ("year_then_count_padded", "In 2015 12 20-year-olds were charged."),
    ("year_then_counts_of_things", "By 2016 05 06 schools had closed."),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in COMPACT], ids=[c[0] for c in COMPACT])
def test_compact_and_spaced_iso(text: str, expected: list[tuple[str, dt.date]] | None) -> None:
    found = _days(text, D(2019, 5, 1))
    if expected is None:  # "since" turns it into a range to publication: the day is its start
        assert [m.start_date for m in extract_dates(text, published=D(2019, 5, 1))] == [D(2017, 1, 1)]
    else:
        assert found == expected


@pytest.mark.parametrize("text", [c[1] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES])
def test_digit_runs_that_are_not_dates(text: str) -> None:
    assert _days(text, D(2019, 5, 1)) == []
