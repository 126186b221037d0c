"""Golden cases: a rule or service that starts on a date ("comes into force on 1 October",
"schools reopen on 8 January", "apply from 1 July"), a postponement ("pushed to November") and
"the next hearing" speak of the date ahead; the past forms do not. A date
that opens its sentence ("On Friday, the board will publish ...") takes the tense of the first cue
after it ("will", "must", "is expected"; not "would", the past's future)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 5, 8)  # a Wednesday


def _all(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


CASES = [
    ("comes_into_force", "The plastic bag ban comes into force on 1 March.", [("on 1 March", D(2025, 3, 1), D(2025, 3, 1))]),
    ("come_into_effect_month", "The new tariffs come into effect in January, the ministry said.", [("in January", D(2025, 1, 1), D(2025, 1, 31))]),
    ("enters_into_force", "The treaty enters into force on 2 February.", [("on 2 February", D(2025, 2, 2), D(2025, 2, 2))]),
    ("plural_reopen", "Universities reopen on 6 January after the strike.", [("on 6 January", D(2025, 1, 6), D(2025, 1, 6))]),
    ("apply_from", "Higher fares apply from 1 April on all lines.", [("1 April", D(2025, 4, 1), D(2025, 4, 1))]),
    ("kicks_in", "The levy kicks in on 15 March for importers.", [("on 15 March", D(2025, 3, 15), D(2025, 3, 15))]),
    ("pushed_to", "The census has been pushed to February.", [("February", D(2025, 2, 1), D(2025, 2, 28))]),
    ("next_hearing", "The next hearing is on 2 April, the lawyer said.", [("on 2 April", D(2025, 4, 2), D(2025, 4, 2))]),
    ("next_hearing_month", "Its next hearing is in March, a court clerk said.", [("in March", D(2025, 3, 1), D(2025, 3, 31))]),
    # A date opening its sentence takes the tense of the clause after it.
    ("fronted_weekday_will", "On Friday, the electoral board will publish the final list.", [("On Friday", D(2024, 5, 10), D(2024, 5, 10))]),
    ("fronted_month_will", "The dry season ended. In November, farmers will plant again.", [("In November", D(2024, 11, 1), D(2024, 11, 30))]),
    ("fronted_deadline_must", "By June 30, all foreign troops must leave the province.", [("June 30", D(2024, 6, 30), D(2024, 6, 30))]),
    ("fronted_day_is_expected", "On 3 September, the court is expected to rule.", [("On 3 September", D(2024, 9, 3), D(2024, 9, 3))]),
    ("fronted_past_said", "On Friday, the minister said prices will fall.", [("On Friday", D(2024, 5, 3), D(2024, 5, 3))]),
    ("fronted_would_is_past", "In March, the ministry would not comment.", [("In March", D(2024, 3, 1), D(2024, 3, 31))]),
    ("fronted_no_cue_is_past", "On Monday the rebels shelled the port.", [("On Monday", D(2024, 5, 6), D(2024, 5, 6))]),
    # Past forms keep the past.
    ("came_into_force_past", "The ban came into force on 1 March.", [("on 1 March", D(2024, 3, 1), D(2024, 3, 1))]),
    ("reopened_past", "Schools reopened on 6 January.", [("on 6 January", D(2024, 1, 6), D(2024, 1, 6))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_scheduled_cues(text: str, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _all(text) == expected
