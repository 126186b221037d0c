"""Golden cases for the tense of weekdays and of clauses:

- a weekday named for an incident it already saw ("Tuesday's attack") is past, even in a clause
  that speaks of the future or of what may happen; a scheduled event's weekday ("Friday's vote")
  keeps the clause's tense;
- a participle after "be" is passive, not the past ("the results will be announced on Friday" is
  next Friday), and the press idiom "it may be recalled / noted / mentioned that ..." recalls the
  past (its "may" does not make the date future);
- "this <weekday>" is this week's day, but in a past clause the latest such day on or before
  publication ("lost their lives in the early hours of this Sunday", written on a Monday).
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
WED = D(2024, 5, 8)  # a Wednesday
MON = D(2024, 8, 12)  # a Monday

CASES = [
    ("will_examine_attack", WED, "The inquiry will examine Tuesday's attack on the convoy.", [("Tuesday", D(2024, 5, 7))]),
    ("may_after_landslide", WED, "Police fear more bodies may be found after Monday's landslide.", [("Monday", D(2024, 5, 6))]),
    ("may_take_weeks_floods", WED, "It may take weeks to count the dead from Sunday's floods, officials said.",
     [("Sunday", D(2024, 5, 5))]),
    ("adjective_between", WED, "Investigators will visit the site of Saturday's deadly blast.", [("Saturday", D(2024, 5, 4))]),
    ("curly_apostrophe", WED, "Parliament is expected to debate Monday\u2019s twin bombings.", [("Monday", D(2024, 5, 6))]),
    # The tense still decides for scheduled events and plain weekdays.
    ("scheduled_event_future", WED, "Observers will monitor Friday's vote closely.", [("Friday", D(2024, 5, 10))]),
    ("modal_plain_weekday", WED, "The court may rule on Thursday.", [("on Thursday", D(2024, 5, 9))]),
    ("past_clause_incident", WED, "Police said Monday's attack killed four.", [("Monday", D(2024, 5, 6))]),

    ("will_be_announced", WED, "The results will be announced on Friday.", [("on Friday", D(2024, 5, 10))]),
    ("expected_to_be_reported", WED, "The findings are expected to be reported on Monday.", [("on Monday", D(2024, 5, 13))]),
    ("may_be_handed_over", WED, "The bodies may be handed over to the families on Saturday.", [("on Saturday", D(2024, 5, 11))]),
    ("was_announced_stays_past", WED, "The winner was announced on Friday.", [("on Friday", D(2024, 5, 3))]),
    ("may_be_recalled", WED, "It may be recalled that on 12 March, militants attacked a camp in Kupwara.",
     [("on 12 March", D(2024, 3, 12))]),
    ("may_be_mentioned", WED, "It may be mentioned that on Monday, two jawans were injured.", [("on Monday", D(2024, 5, 6))]),
    ("might_be_noted", WED, "It might be noted that in February the district saw three attacks.", [("in February", D(2024, 2, 1))]),
    ("modal_still_future", WED, "The weather office may issue a red alert on Thursday.", [("on Thursday", D(2024, 5, 9))]),

    ("past_clause_sunday", MON, "Two soldiers lost their lives in the early hours of this Sunday, the army reported.",
     [("this Sunday", D(2024, 8, 11))]),
    ("past_clause_friday", MON, "Police said the suspect was arrested this Friday in Cali.", [("this Friday", D(2024, 8, 9))]),
    ("past_clause_saturday", MON, "Gunmen killed a community leader this Saturday, residents said.", [("this Saturday", D(2024, 8, 10))]),
    ("today_is_that_day", MON, "The market was bombed this Monday morning.", [("this Monday", D(2024, 8, 12))]),
    ("future_clause_keeps_week", MON, "Voters will go to the polls this Sunday.", [("this Sunday", D(2024, 8, 18))]),
    ("scheduled_keeps_week", MON, "The summit opens this Thursday.", [("this Thursday", D(2024, 8, 15))]),
]


@pytest.mark.parametrize(("published", "text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_tense(published: dt.date, text: str, expected: list[tuple[str, dt.date]]) -> None:
    assert [(m.surface, m.start_date) for m in extract_dates(text, published=published)] == expected
