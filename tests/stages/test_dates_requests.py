"""Golden cases for the tense of requests: a request or an imperative about arranging something
speaks of the future ("please schedule ... for the 9th of May"), a narrated event does not."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2023, 9, 12)  # a Tuesday


def _all(text: str) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=PUB)]


CASES = [
    ("please_schedule", "Please schedule the handover for the 4th of March.", [("the 4th of March", D(2024, 3, 4), D(2024, 3, 4))]),
    ("can_i_book", "Can I book the hall for June 2?", [("June 2", D(2024, 6, 2), D(2024, 6, 2))]),
    ("could_you_weekday", "Could you move the interview to Friday?", [("Friday", D(2023, 9, 15), D(2023, 9, 15))]),
    ("schedule_a_week_beginning", "Schedule a visit for the week beginning August 5.",
     [("the week beginning August 5", D(2024, 8, 5), D(2024, 8, 11))]),
    ("remind_me", "Remind me on Monday to file the report.", [("on Monday", D(2023, 9, 18), D(2023, 9, 18))]),
    # Narration stays in the past.
    ("narrated_quote", "\u201cPlease help us,\u201d she said on Monday.", [("on Monday", D(2023, 9, 11), D(2023, 9, 11))]),
    ("question_about_past", "Can anyone explain what happened on Sunday?", [("on Sunday", D(2023, 9, 10), D(2023, 9, 10))]),
    ("noun_book", "The book he wrote in March sold well.", [("in March", D(2023, 3, 1), D(2023, 3, 31))]),
    ("please_note_past", "Please note that on Tuesday the office was closed.", [("on Tuesday", D(2023, 9, 12), D(2023, 9, 12))]),
    ("set_up_past", "Militants set up a checkpoint on Saturday.", [("on Saturday", D(2023, 9, 9), D(2023, 9, 9))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_request_tense(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


MODALS = [
    ("may_verb_future", "Forecasters say the storm may reach the coast on Friday.", [("on Friday", D(2023, 9, 15), D(2023, 9, 15))]),
    ("might_verb_future", "The strike might spread to ports on Monday.", [("on Monday", D(2023, 9, 18), D(2023, 9, 18))]),
    ("may_not_future", "The minister may not attend the summit on Thursday.", [("on Thursday", D(2023, 9, 14), D(2023, 9, 14))]),
    # "may have" looks back; "May" is a month.
    ("may_have_past", "Up to 40 people may have died on Sunday.", [("on Sunday", D(2023, 9, 10), D(2023, 9, 10))]),
    ("might_have_been_past", "The dam might have been breached on Saturday.", [("on Saturday", D(2023, 9, 9), D(2023, 9, 9))]),
    ("capital_may_is_month", "Officials in May launched the plan.", [("in May", D(2023, 5, 1), D(2023, 5, 31))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in MODALS], ids=[c[0] for c in MODALS])
def test_modal_tense(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected


SCHEDULED = [
    ("starts", "The hearing starts Monday in The Hague.", [("Monday", D(2023, 9, 18), D(2023, 9, 18))]),
    ("takes_place", "The runoff takes place on Sunday.", [("on Sunday", D(2023, 9, 17), D(2023, 9, 17))]),
    ("reconvenes", "Parliament reconvenes on Thursday after the recess.", [("on Thursday", D(2023, 9, 14), D(2023, 9, 14))]),
    # The past tense and the noun stay past.
    ("took_place", "The runoff took place on Sunday.", [("on Sunday", D(2023, 9, 10), D(2023, 9, 10))]),
    ("the_start_noun", "Markets fell after a weak start on Monday.", [("on Monday", D(2023, 9, 11), D(2023, 9, 11))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in SCHEDULED], ids=[c[0] for c in SCHEDULED])
def test_scheduled_present(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected
