"""Places: a place's name naming a militia ("Zaïre militia", "Darfur militiamen", "an Ituri
militia") names the group, its home or an old name, not where it struck: the town of the clash stands."""

from __future__ import annotations

import pytest

from etl.eval.events import extract_record
from etl.stages.extract.events import EventVocabulary, load_vocabulary


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


CASES = [
    ("when_zaire_militia_bunia", "Fighting between CODECO fighters and Zaïre militia around Bunia killed eight people on Saturday.", "COD"),
    ("when_darfur_militiamen_abeche", "Darfur militiamen attacked a refugee camp near Abeche on Monday, killing nine refugees.", "TCD"),
    ("when_ituri_militia_arua", "An Ituri militia attacked a market in Arua on Friday, killing 12 traders.", "UGA"),
    ("when_chadian_militiamen_maiduguri", "Chadian militiamen raided a cattle market near Maiduguri on Tuesday, killing 11 herders.", "NGA"),
]


@pytest.mark.parametrize(("case", "text", "country"), CASES, ids=[c[0] for c in CASES])
def test_militia_name_is_no_place(case: str, text: str, country: str, vocab: EventVocabulary) -> None:
    record = {"id": case, "text": text, "published": "2024-05-08"}
    assert [e.country_code for e in extract_record(record, vocab)][:1] == [country]
