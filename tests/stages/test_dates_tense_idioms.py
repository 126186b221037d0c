"""Golden cases for two tense traps: a participle after "be" is passive, not the past ("the results
will be announced on Friday" is next Friday), and the press idiom "it may be recalled / noted /
mentioned that ..." recalls the past (the modal "may" does not make its date future)."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date
PUB = D(2024, 5, 8)  # a Wednesday


def _all(text: str) -> list[tuple[str, dt.date]]:
    return [(m.surface, m.start_date) for m in extract_dates(text, published=PUB)]


CASES = [
    ("will_be_announced", "The results will be announced on Friday.", [("on Friday", D(2024, 5, 10))]),
    ("expected_to_be_reported", "The findings are expected to be reported on Monday.", [("on Monday", D(2024, 5, 13))]),
    ("may_be_handed_over", "The bodies may be handed over to the families on Saturday.", [("on Saturday", D(2024, 5, 11))]),
    ("was_announced_stays_past", "The winner was announced on Friday.", [("on Friday", D(2024, 5, 3))]),
    ("may_be_recalled", "It may be recalled that on 12 March, militants attacked a camp in Kupwara.",
     [("on 12 March", D(2024, 3, 12))]),
    ("may_be_mentioned", "It may be mentioned that on Monday, two jawans were injured.", [("on Monday", D(2024, 5, 6))]),
    ("might_be_noted", "It might be noted that in February the district saw three attacks.", [("in February", D(2024, 2, 1))]),
    ("modal_still_future", "The weather office may issue a red alert on Thursday.", [("on Thursday", D(2024, 5, 9))]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_tense_idioms(text: str, expected: list[tuple[str, dt.date]]) -> None:
    assert _all(text) == expected
