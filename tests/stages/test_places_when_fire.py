"""Places: a nationality naming the fire that killed someone ("killed by Israeli fire", "hit by Turkish
tank fire", "Indian sniper fire") is the attacker's side in a cross-border shooting, not where it
happened; when it is the only place of the claim's sentence, the story's place stands."""

from __future__ import annotations

import pytest

from etl.eval.events import extract_record
from etl.stages.extract.events import EventVocabulary, load_vocabulary


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


CASES = [
    ("when_fire_lebanese_village",
     "Lebanese village buries farmer\n\nAITA AL-SHAAB — Crowds attended the funeral on Tuesday of a farmer killed by Israeli fire near the "
     "frontier the day before, relatives said. Israeli officials said troops had fired at suspects.", "LBN"),
    ("when_tank_fire_syrian_town",
     "Syrian town counts its dead\n\nA boy was killed by Turkish tank fire while herding goats near the border on Friday, "
     "residents said. Turkish officials did not comment.", "SYR"),
    ("when_sniper_fire_pakistani_village",
     "Pakistani village in mourning\n\nTwo villagers were shot dead by Indian sniper fire across the Line of Control on Monday, "
     "a local official said. Indian officials denied it.", "PAK"),
]


@pytest.mark.parametrize(("case", "text", "country"), CASES, ids=[c[0] for c in CASES])
def test_fire_names_the_attacker_side(case: str, text: str, country: str, vocab: EventVocabulary) -> None:
    record = {"id": case, "text": text, "published": "2024-05-08"}
    assert [e.country_code for e in extract_record(record, vocab)][:1] == [country]
