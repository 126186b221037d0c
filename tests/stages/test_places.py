"""Places: gazetteer lookups resolved to ISO alpha-3 with the article's context."""

from __future__ import annotations

import pytest

from etl.stages.extract.places import Gazetteer, dominant_country, find_places, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def codes(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    return [(m.surface, m.place.country_code) for m in find_places(text, gaz)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes broke out in Nigeria.", [("Nigeria", "NGA")]),
        ("Nigerian troops moved in.", [("Nigerian", "NGA")]),
        ("Afghans queued at the border.", [("Afghans", "AFG")]),
        ("A blast hit Peshawar.", [("Peshawar", "PAK")]),
        ("The attack in Khyber Pakhtunkhwa", [("Khyber Pakhtunkhwa", "PAK")]),
        ("Fighting in Borno state", [("Borno", "NGA")]),
        ("the U.S. embassy", [("U.S.", "USA")]),
        ("troops in the Democratic Republic of the Congo", [("Democratic Republic of the Congo", "COD")]),
        ("a market in Deir ez-Zor", [("Deir ez-Zor", "SYR")]),
        ("Pakistan's army said", [("Pakistan", "PAK")]),
    ],
    ids=["country", "demonym", "demonym-plural", "city", "region", "admin-state", "dotted-alias", "long-name", "particle", "possessive"],
)
def test_finds_places(text: str, expected: list[tuple[str, str]], gaz: Gazetteer) -> None:
    assert codes(text, gaz) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He met officials in March and May.",
        "SDF and ADF fighters clashed.",
        "Fishermen on Lake Chad were attacked.",
        "Police said the Army would respond.",
        "Three revellers were treated at Coast General Hospital.",
        "The Coast Guard pulled two bodies from the water.",
        "Residents of the coastal belt fled as Coastal Command aircraft flew over.",
    ],
    ids=["months", "acronyms", "lake", "common-words", "coast-hospital", "coast-guard", "coastal"],
)
def test_false_places_dropped(text: str, gaz: Gazetteer) -> None:
    assert codes(text, gaz) == []


def test_ambiguous_name_follows_article_context(gaz: Gazetteer) -> None:
    india = "Police in Hyderabad said the Indian suspects fled. India has tightened security."
    pakistan = "Police in Hyderabad said the Pakistani suspects fled. Pakistan has tightened security."
    assert dict(codes(india, gaz))["Hyderabad"] == "IND"
    assert dict(codes(pakistan, gaz))["Hyderabad"] == "PAK"


def test_dominant_country(gaz: Gazetteer) -> None:
    text = "Somali forces said the attack in Mogadishu was planned in Kenya. Somalia vowed revenge."
    assert dominant_country(find_places(text, gaz)) == "SOM"
    assert dominant_country([]) is None


def test_offsets_point_back(gaz: Gazetteer) -> None:
    text = "KABUL, Aug 14 - A blast in Herat's old city; Iranian pilgrims were among the victims."
    for m in find_places(text, gaz):
        assert text[m.char_start : m.char_end] == m.surface


# Conflict districts the gazetteers miss (etl/data/demonyms.toml [regions]).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An encounter broke out in Baramulla district.", [("Baramulla", "IND")]),
        ("Gunmen torched houses in Kangpokpi on Monday.", [("Kangpokpi", "IND")]),
        ("Villages near Bokkos were attacked overnight.", [("Bokkos", "NGA")]),
    ],
)
def test_conflict_districts(text: str, expected: list[tuple[str, str]], gaz: Gazetteer) -> None:
    assert codes(text, gaz) == expected


# A kin's name is not a town; a short dateline city in capitals is no acronym.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahmed, his wife Samah and two children died.", []),
        ("A man and their son Sanaa were hurt.", []),
        ("KANO — Two men were shot dead.", [("KANO", "NGA")]),
        ("JUBA, May 3 — Three died.", [("JUBA", "SSD")]),
        ("Fighters of the ADF — a rebel group — raided a village.", []),
    ],
    ids=["kin-wife", "kin-son", "dateline-kano", "dateline-juba", "acronym-mid-text"],
)
def test_kin_names_and_dateline_cities(text: str, expected: list[tuple[str, str]], gaz: Gazetteer) -> None:
    assert codes(text, gaz) == expected


# The country vote, case by case: a town its region places elsewhere is a homonym; a state force's
# acronym or a country used as an adjective names a side; a river or delta named after a country is
# no country; accented capitals start a place.
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Insurgents overran Palma town in Cabo Delgado overnight.", "MOZ"),
        ("A gas explosion gutted a warehouse in Paris, Texas, on Friday.", "USA"),
        ("Shelling hit homes in Hays (Hays, Al Hudaydah) at dawn.", "YEM"),
        ("Police raided a seminary near Hyderabad (Sindh) after the blast.", "PAK"),
        ("A bomb went off in Kabul, Afghanistan, while fighting went on near Peshawar and Quetta.", "AFG"),
        ("Hezbollah fired a guided missile at an IDF position near Zar'it on Monday.", "ISR"),
        ("A FAMa convoy hit a mine between Boni and Hombori.", "MLI"),
        ("Mortars landed inside an AMISOM base near Baidoa's airstrip overnight.", "SOM"),
        ("The UPDF said its troops repelled an attack on their barracks before dawn.", "UGA"),
        ("IDF strikes hit a school in Gaza City on Tuesday.", "PSE"),
        ("A landmine killed three soldiers in the Arakan region on Saturday.", "MMR"),
        ("Rockets landed near the U.S. embassy in Baghdad's Green Zone overnight.", "IRQ"),
        ("Shells hit homes in Kabul's Green district before dawn.", "AFG"),
        ("The U.S. military said its drones struck a convoy near Jilib, in Somalia's Middle Juba region.", "SOM"),
        ("Two PKK fighters died in a clash in Şırnak province.", "TUR"),
        ("Gunmen fired on a ferry on the Niger river near Mopti.", "MLI"),
        ("Pirates attacked a barge on the Congo River near Mbandaka.", "COD"),
        ("Militants blew up a pipeline in the Niger Delta on Sunday.", "NGA"),
    ],
)
def test_country_vote(text: str, country: str, gaz: Gazetteer) -> None:
    assert dominant_country(find_places(text, gaz), text) == country
