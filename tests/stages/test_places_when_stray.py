"""Places: a small town or region named once, in a country the story names nowhere else and that does
not border the one country the story names by place names at least twice, is a homonym of a local
place the gazetteer lacks ("Khartoum ... a bakery in Mayo": not County Mayo, Ireland); the story's
country stands for a claim told after it."""

from __future__ import annotations

import pytest

from etl.eval.events import extract_record
from etl.stages.extract.events import EventVocabulary, load_vocabulary


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


CASES = [
    ("when_mayo_quarter_next_sentence",
     "OMDURMAN — Residents of Omdurman and Khartoum have lived with shelling for months.\n\nOn Tuesday a shell struck a bakery in Mayo. "
     "Medics said seven people were killed.", "SDN"),
    ("when_moka_port_next_sentence",
     "TAIZ — Fighting around Taiz has dragged on for years.\n\nOn Friday a drone struck a fishing boat off Moka. Four fishermen "
     "were killed, a local official said.", "YEM"),
    ("when_durango_barrio",
     "Gang violence in Medellín has surged this year, police in Medellín say.\n\nLate on Saturday gunmen on motorbikes opened fire "
     "outside a bar in Durango. Five young men died at the scene.", "COL"),
]


@pytest.mark.parametrize(("case", "text", "country"), CASES, ids=[c[0] for c in CASES])
def test_lone_foreign_homonym_is_no_place(case: str, text: str, country: str, vocab: EventVocabulary) -> None:
    record = {"id": case, "text": text, "published": "2024-05-08"}
    assert [e.country_code for e in extract_record(record, vocab)][:1] == [country]
