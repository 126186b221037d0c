"""Places that name a side, not where it happened: a nationality inside a town's name, a country's
name used as an adjective ("U.S. service members", "the Kenya Defence Forces"): a side, so an army
abroad does not outvote the place its sentence names."""

from __future__ import annotations

import pytest

from etl.eval.events import extract_record
from etl.stages.extract.events import EventVocabulary, load_vocabulary
from etl.stages.extract.places import Gazetteer, dominant_country, find_places, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


def _codes(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(m.surface, m.place.country_code) for m in find_places(text, gaz)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Two farmers were shot in Barangay Afghan Mahal, Cotabato, on Friday.", "Afghan"),
        ("Troops raided a house in Kampung Thai Indah near the river.", "Thai"),
        ("Mourners gathered at the Mullah Omani Mosque after the blast.", "Omani"),
    ],
    ids=["barangay", "kampung", "mosque"],
)
def test_nationality_inside_a_name_is_no_place(text: str, absent: str, gaz: Gazetteer) -> None:
    assert absent not in [surface for surface, _ in _codes(text, gaz)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Fighters of the Free Syrian Army shelled the town.", ("Syrian", "SYR")),
        ("The Royal Thai Police sent reinforcements.", ("Thai", "THA")),
        ("The Somali National Army said it retook the town.", ("Somali", "SOM")),
        ("Police said two people died in Bassa LGA. Regrettably, others fled.", ("LGA", "NGA")),
    ],
    ids=["free-syrian-army", "royal-thai-police", "first-word", "name-ends-at-the-full-stop"],
)
def test_nationality_before_a_state_body_stays(text: str, found: tuple[str, str], gaz: Gazetteer) -> None:
    assert found in _codes(text, gaz)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Thirteen U.S. service members died at the gate in Kabul.", "U.S."),
        ("The Kenya Defence Forces said its men repelled the raid near Mandera.", "Kenya"),
        ("The Uganda People's Defence Force said the operation went on.", "Uganda"),
    ],
    ids=["service-members", "defence-forces", "peoples-defence-force"],
)
def test_country_as_an_adjective_is_a_nationality(text: str, surface: str, gaz: Gazetteer) -> None:
    assert [m.place.demonym for m in find_places(text, gaz) if m.surface == surface] == [True]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Uganda People's Defence Force said that in an operation in Ituri its troops killed 9 ADF rebels.", "COD"),
        ("The Kenya Defence Forces said that in Gedo its soldiers killed 20 al-Shabaab fighters.", "SOM"),
        ("U.S. service members killed 6 militants near Kandahar, officials said.", "AFG"),
    ],
    ids=["army-abroad-1", "army-abroad-2", "army-abroad-3"],
)
def test_named_place_beats_the_army_in_its_sentence(text: str, country: str, vocab: EventVocabulary) -> None:
    record = {"id": "t", "text": text, "published": "2023-05-02"}
    assert [e.country_code for e in extract_record(record, vocab)][:1] == [country]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed five villagers in Bassa LGA on Sunday.",
        "Bandits attacked two LGAs of the state overnight.",
        "An explosion in Kala-Balge LGA injured six children.",
    ],
    ids=["lga", "lgas", "hyphenated-lga"],
)
def test_local_government_area_is_nigerian(text: str, gaz: Gazetteer) -> None:
    assert dominant_country(find_places(text, gaz), text) == "NGA"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("BEIJING - China demanded that Pakistan punish those behind the attack that killed five Chinese engineers near Dasu.", "PAK"),
        ("Kenya condemned the raid in Somalia that killed 4 Kenyan aid workers.", "SOM"),
        ("France urged Mali to find the gunmen who killed 2 French tourists.", "MLI"),
    ],
    ids=["demanded", "condemned", "urged"],
)
def test_a_country_speaking_is_a_side(text: str, country: str, vocab: EventVocabulary) -> None:
    record = {"id": "t", "text": text, "published": "2023-05-02"}
    assert [e.country_code for e in extract_record(record, vocab)][:1] == [country]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Insurgents killed 12 people in the coastal town of Palma on Wednesday. Officials in Cabo Delgado said the toll may rise.", "MOZ"),
        ("Bandits killed 5 farmers in the village of Bristol overnight. Police in Zamfara said the gunmen fled.", "NGA"),
        ("Gunmen killed 6 in the village of Toulouse on Sunday. Officials in Borno said the attackers came on motorcycles.", "NGA"),
        # a neighbour's city named a town is no homonym
        ("Rebels shelled the town of Goma, killing 9, and Rwanda denied backing them.", "COD"),
    ],
    ids=["palma", "bristol", "toulouse", "neighbour-kept"],
)
def test_big_foreign_city_called_a_town_is_a_homonym(text: str, country: str, vocab: EventVocabulary) -> None:
    record = {"id": "t", "text": text, "published": "2023-05-02"}
    assert [e.country_code for e in extract_record(record, vocab)][:1] == [country]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Three Israelis were wounded.", ("Israelis", "ISR")),
        ("Two Somalis and a Kenyan died.", ("Somalis", "SOM")),
        ("The bus carried 20 Pakistanis.", ("Pakistanis", "PAK")),
    ],
    ids=["israelis", "somalis", "pakistanis"],
)
def test_plural_of_a_nationality_in_i(text: str, found: tuple[str, str], gaz: Gazetteer) -> None:
    assert found in _codes(text, gaz)
