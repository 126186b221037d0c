"""Actors: a group named as the leader of the deed ("during the Hamas-led incursion", "a JNIM-led
assault", "in the Houthi-led offensive") is its perpetrator; "the Hamas-led government" or "the
Houthi-led administration" is the group as a ruler and still names none."""

from __future__ import annotations

import pytest

from etl.eval.events import extract_record
from etl.stages.extract.events import EventVocabulary, load_vocabulary


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


CASES = [
    ("when_hamas_led_incursion", "Nahal Oz, Israel – 7 October 2023 – Kibbutz overrun during the Hamas-led incursion; 15 residents killed.",
     "hamas"),
    ("when_jnim_led_assault", "A JNIM-led assault on the army camp at Boulkessi on Sunday killed 17 soldiers, officials said.", "jama'at nusrat al-islam wal-muslimin"),
    ("when_houthi_led_offensive", "Nine government soldiers died in the Houthi-led offensive on Marib on Tuesday.", "houthis"),
    ("when_led_government_none", "The Hamas-led government in Gaza said 12 people were killed when a building collapsed on Monday.", None),
]


@pytest.mark.parametrize(("case", "text", "actor"), CASES, ids=[c[0] for c in CASES])
def test_led_deed_names_its_group(case: str, text: str, actor: str | None, vocab: EventVocabulary) -> None:
    record = {"id": case, "text": text, "published": "2023-10-12"}
    events = extract_record(record, vocab)
    assert events
    got = events[0].actor
    assert (got.lower() if got else None) == actor
