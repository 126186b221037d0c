"""Golden cases for the event date: an incident told over a few written days (up to four) is coded on
its first day, as GTD and UCDP code a multi-day incident by its start ("on 29-31 August",
"4–7 May", "from 12 to 14 June", "between Tuesday and Thursday"); a week or more, "between 10 and 12
June" with written days (coded as the month in dev3) and "sometime between" stay whole
(``test_events_when_spans``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from etl.records import Event

D = dt.date
FIRST_DAY = [
    ("when_on_three_written_days", D(2023, 9, 4), "On 29-31 August 2023, fighting between militias in Zawiya killed 21 people.",
     D(2023, 8, 29)),
    ("when_dash_four_written_days", D(2021, 5, 9), "Juba, South Sudan – 4–7 May 2021 – Cattle raiders attacked villages; 37 killed.",
     D(2021, 5, 4)),
    ("when_from_to_written_days", D(2022, 6, 20), "From 12 to 14 June, raids by gunmen on hamlets near Bandiagara left 19 villagers dead.",
     D(2022, 6, 12)),
    ("when_between_weekdays", D(2024, 3, 16), "The massacre in Kigoma village took place between Tuesday and Thursday; 44 people were killed.",
     D(2024, 3, 12)),
    ("when_between_weekdays_weekend", D(2020, 2, 28), "The raids on Yei county took place between Friday and Sunday; 13 civilians were killed.",
     D(2020, 2, 21)),
]


@pytest.mark.parametrize(("case", "published", "text", "day"), FIRST_DAY, ids=[c[0] for c in FIRST_DAY])
def test_multi_day_incident_first_day(case: str, published: dt.date, text: str, day: dt.date, headline: Callable[[str, dt.date], Event]) -> None:
    first = headline(text, published)
    assert (first.period_start, first.period_end) == (day, day)
