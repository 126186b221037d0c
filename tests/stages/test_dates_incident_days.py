"""Golden cases: a weekday named for an incident it already saw ("Tuesday's attack") is past,
even in a clause that speaks of the future or of what may happen; a scheduled event's weekday
("Sunday's vote") keeps the clause's tense."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 5, 8)  # a Wednesday


def _all(text: str) -> list[tuple[str, dt.date]]:
    return [(m.surface, m.start_date) for m in extract_dates(text, published=PUB)]


CASES = [
    ("will_examine_attack", "The inquiry will examine Tuesday's attack on the convoy.", [("Tuesday", D(2024, 5, 7))]),
    ("may_after_landslide", "Police fear more bodies may be found after Monday's landslide.", [("Monday", D(2024, 5, 6))]),
    ("may_take_weeks_floods", "It may take weeks to count the dead from Sunday's floods, officials said.",
     [("Sunday", D(2024, 5, 5))]),
    ("adjective_between", "Investigators will visit the site of Saturday's deadly blast.", [("Saturday", D(2024, 5, 4))]),
    ("curly_apostrophe", "Parliament is expected to debate Monday\u2019s twin bombings.", [("Monday", D(2024, 5, 6))]),
    # The tense still decides for scheduled events and plain weekdays.
    ("scheduled_event_future", "Observers will monitor Friday's vote closely.", [("Friday", D(2024, 5, 10))]),
    ("modal_plain_weekday", "The court may rule on Thursday.", [("on Thursday", D(2024, 5, 9))]),
    ("past_clause_incident", "Police said Monday's attack killed four.", [("Monday", D(2024, 5, 6))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_incident_weekday_is_past(text: str, expected: list[tuple[str, dt.date]]) -> None:
    assert _all(text) == expected
