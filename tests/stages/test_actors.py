"""Actors: a user-extensible alias list and how strongly the text ties a group to the incident."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.stages.extract.actors import ACTORS_PATH, ActorIndex, article_actor, find_actors, load_actors


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return load_actors()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ISKP said it carried out the bombing.", "Islamic State Khorasan Province"),
        ("IS-K fighters attacked the mosque.", "Islamic State Khorasan Province"),
        ("Islamic State Khorasan claimed it.", "Islamic State Khorasan Province"),
        ("The Pakistani Taliban claimed the raid.", "Tehrik-i-Taliban Pakistan"),
        ("Al-Shabab said it was behind the blast.", "al-Shabaab"),
        ("Daesh claimed the attack.", "Islamic State"),
        ("JNIM claimed the ambush.", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Hizballah fired rockets.", "Hezbollah"),
    ],
    ids=["acronym", "hyphenated", "short-name", "demonym-form", "spelling", "arabic-acronym", "french-acronym", "spelling-2"],
)
def test_aliases_map_to_one_name(text: str, name: str, index: ActorIndex) -> None:
    assert [m.name for m in find_actors(text, index)] == [name]


def test_acronyms_are_case_sensitive(index: ActorIndex) -> None:
    assert find_actors("This is the place where it is.", index) == []
    assert [m.name for m in find_actors("IS claimed it.", index)] == ["Islamic State"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Militants linked to al Qaeda killed 11 soldiers. JNIM claimed the ambush.", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Gunmen killed 3 people. Police blamed Lashkar-e-Taiba.", "Lashkar-e-Taiba"),
        ("Suspected Abu Sayyaf gunmen killed two marines.", "Abu Sayyaf"),
        ("Gunmen killed 4. The attackers belonged to Boko Haram, police said.", "Boko Haram"),
        # a list entry's last field: the group alone
        ("Mogadishu – 4 May – Car bomb outside a hotel on Maka al-Mukarama road; 19 killed, 40 injured. Al-Shabaab.", "al-Shabaab"),
        ("Jalalabad – 2 March 2020 – Bombing at a Sikh temple; 25 killed. ISIL-K.", "Islamic State Khorasan Province"),
        ("Batticaloa – Easter 2019 – Church bombing; 31 killed. National Thowheeth Jama'ath, pledged to Islamic State.",
         "National Thowheeth Jama'ath"),
        ("Maiduguri, 16 June 2014\nSuicide bombing at a viewing centre; 14 killed.\nBoko Haram", "Boko Haram"),
        # suspected, with an acronym in parentheses between
        ("Gunmen shot a judge in Zinjibar. Al-Qaida in the Arabian Peninsula (AQAP) was suspected.", "al-Qaeda in the Arabian Peninsula"),
        ("A bomb killed two at a bus stop. Tehrik-i-Taliban Pakistan (TTP) is believed to be behind it.", "Tehrik-i-Taliban Pakistan"),
        ("Rebels torched a health post. The Allied Democratic Forces (ADF) were blamed.", "Allied Democratic Forces"),
        # suspicion fell on
        ("Nobody claimed the ambush, but suspicion fell on al-Shabaab.", "al-Shabaab"),
        ("Suspicion has fallen on al-Shabaab after the hotel siege.", "al-Shabaab"),
        ("With no claim made, suspicion falls on al-Shabaab, police said.", "al-Shabaab"),
        # membership through a label
        ("Raiders burned a school. The attackers belonged to the outlawed BLA, police said.", "Baloch Liberation Army"),
        ("Two guards died. The gunmen were members of the banned TTP.", "Tehrik-i-Taliban Pakistan"),
        ("Police said the Dawlah Islamiyah-Hassan group was behind the blast.", "Dawlah Islamiyah"),
    ],
    ids=["claim-beats-description", "blamed", "suspected", "belonged-to", "field-1", "field-2", "field-3", "field-4",
         "suspected-acronym-1", "suspected-acronym-2", "suspected-acronym-3", "suspicion-1", "suspicion-2", "suspicion-3",
         "label-1", "label-2", "label-3"],
)
def test_article_actor(text: str, name: str, index: ActorIndex) -> None:
    assert article_actor(text, find_actors(text, index)) == name


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 3 traders. No group claimed it, although al-Shabaab, which has attacked the town before, is active.",
        "A bomb killed 2 people, the Taliban administration said.",
        "Kano – 3 May – Market fire; 14 killed. Hamas. The words were sprayed on a wall nearby, police said.",
    ],
    ids=["background", "government", "group-alone-mid-text"],
)
def test_no_actor(text: str, index: ActorIndex) -> None:
    assert article_actor(text, find_actors(text, index)) is None


def test_unlisted_group_from_a_claim(index: ActorIndex) -> None:
    text = "A bomb killed 5 people. The Northern Freedom Front claimed responsibility."
    assert article_actor(text, find_actors(text, index)) == "Northern Freedom Front"


# Local armed groups with Spanish (or Portuguese) names, introduced by what they are.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two drivers died. The attack was blamed on a local criminal group, the Autodefensas Conquistadoras de la Sierra Nevada.",
         "Autodefensas Conquistadoras de la Sierra Nevada"),
        ("A leader was shot dead. Police blamed on a dissident faction, the Frente Carolina Ramirez, the killing.", "Frente Carolina Ramirez"),
        ("Four people died. The bombing was carried out by the Comando Sur del Pacifico, police said.", "Comando Sur del Pacifico"),
        ("Three guards were killed. The raid was blamed on a gang, the Bonde do Maluco.", "Bonde do Maluco"),
    ],
    ids=["autodefensas", "frente", "comando", "bonde"],
)
def test_unlisted_group_with_connectors(text: str, name: str, index: ActorIndex) -> None:
    assert article_actor(text, find_actors(text, index)) == name


def test_user_file_adds_and_overrides(tmp_path: Path) -> None:
    user = tmp_path / "actors.toml"
    user.write_text(
        '[[actor]]\nname = "Valley Brigade"\naliases = ["VB", "the Valley Brigade"]\n\n'
        '[[actor]]\nname = "al-Shabaab"\ncountry = "KEN"\naliases = ["Harakat"]\n',
        encoding="utf-8",
    )
    merged = load_actors((ACTORS_PATH, user))
    assert [m.name for m in find_actors("VB fighters attacked.", merged)] == ["Valley Brigade"]
    assert [m.name for m in find_actors("Harakat attacked.", merged)] == ["al-Shabaab"]
    assert find_actors("Shabaab attacked.", merged) == []  # the override replaced the shipped aliases
    assert merged.home["al-Shabaab"] == "KEN"


# Canonical names and aliases listed in benchmarks/EVENTS_DEV.md (names of real groups, not dev text).
DEV_ACTOR_ALIASES = {
    "Abu Sayyaf": ["Abu Sayyaf Group", "ASG"],
    "al-Qaeda in the Arabian Peninsula": ["al Qaeda in the Arabian Peninsula", "AQAP"],
    "al-Shabaab": ["Shabaab", "Al-Shabab", "al Shabaab"],
    "Allied Democratic Forces": ["ADF", "ADF rebels"],
    "Ansaru": ["Jama'atu Ansarul Muslimina fi Biladis Sudan"],
    "Arakan Rohingya Salvation Army": ["ARSA"],
    "Baloch Liberation Army": ["BLA"],
    "Boko Haram": ["JAS", "Jama'atu Ahlis Sunna Lidda'awati wal-Jihad"],
    "Communist Party of India (Maoist)": ["Maoist rebels", "Maoists", "Naxalites", "CPI (Maoist)"],
    "ELN": ["National Liberation Army", "Ejercito de Liberacion Nacional"],
    "FARC dissidents": ["dissidents of the former FARC", "FARC dissident", "Estado Mayor Central", "FARC holdouts", "EMC"],
    "Hamas": ["Hamas's armed wing", "Izz ad-Din al-Qassam Brigades", "Qassam Brigades"],
    "Hezbollah": ["Hizbollah", "Hizballah"],
    "Houthis": ["Houthi", "Houthi movement", "Ansar Allah", "Houthi rebels"],
    "Islamic State": ["Daesh", "IS", "Islamic State group", "ISIS", "ISIL"],
    "Islamic State Khorasan Province": ["ISKP", "Islamic State Khorasan", "Islamic State's Afghan affiliate", "IS-K", "ISIS-K"],
    "Islamic State Mozambique Province": ["Islamic State's Mozambique branch", "IS Mozambique Province", "ISM"],
    "Islamic State Sahel Province": ["Islamic State in the Sahel", "ISSP", "IS Sahel", "ISIS Sahel"],
    "Islamic State in the Greater Sahara": ["Islamic State in the Greater Sahara", "ISGS", "EIGS"],
    "Islamic State Somalia Province": ["IS-Somalia", "ISS", "Islamic State in Somalia"],
    "Islamic State West Africa Province": ["ISWAP", "Islamic State's West Africa branch"],
    "Jaish al-Adl": ["Jaish ul-Adl", "Army of Justice"],
    "Jalisco New Generation Cartel": ["CJNG", "Jalisco cartel"],
    "Jama'at Nusrat al-Islam wal-Muslimin": ["JNIM", "Group for the Support of Islam and Muslims", "GSIM"],
    "Kurdistan Workers' Party": ["PKK"],
    "Lashkar-e-Taiba": ["Lashkar-e-Toiba", "LeT", "The Resistance Front", "TRF"],
    "M23": ["M23 rebels", "March 23 Movement", "Mouvement du 23 mars"],
    "New People's Army": ["NPA", "communist rebels"],
    "Rapid Support Forces": ["RSF"],
    "Shining Path": ["Sendero Luminoso"],
    "Taliban": ["Afghan Taliban"],
    "Tehrik-i-Taliban Pakistan": ["Pakistani Taliban", "Tehreek-e-Taliban Pakistan", "TTP"],
    "West Papua National Liberation Army": ["TPNPB", "Free Papua Movement", "OPM"],
}
ALIAS_CASES = [(name, alias) for name, aliases in DEV_ACTOR_ALIASES.items() for alias in [name, *aliases]]


@pytest.mark.parametrize(("name", "alias"), ALIAS_CASES, ids=[a for _, a in ALIAS_CASES])
def test_dev_actor_aliases(name: str, alias: str, index: ActorIndex) -> None:
    assert [m.name for m in find_actors(f"On Monday {alias} fighters attacked.", index)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Islamic State-linked militants killed 5 people.", "Islamic State"),
        ("Al-Shabaab-affiliated gunmen attacked a base.", "al-Shabaab"),
        ("The Hamas-run health ministry said 5 people died.", None),
    ],
    ids=["linked", "affiliated", "run-by-is-government"],
)
def test_hyphenated_ties(text: str, name: str | None, index: ActorIndex) -> None:
    assert article_actor(text, find_actors(text, index)) == name


_PIECES = ["the", "The", "Taliban", "ISKP", "IS-K", "is", "al", "Al-Shabaab", "al Qaeda", "Qaeda", "in", "Islamic", "State", "People's",
           "Defence", "Forces", "army", "Army of Justice", "march", "March 23 Movement", "said", "killed", "JNIM", "M23"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", ", ", "-", ". ", "'s "])), min_size=1, max_size=12))
def test_the_follower_scan_finds_what_the_word_scan_finds(words: list[tuple[str, str]]) -> None:
    """In ASCII text, alias starts are found only before what follows the word in some alias: the same mentions."""
    index = load_actors()
    text = "".join(w + sep for w, sep in words)
    assert find_actors(text, index) == find_actors(text, dataclasses.replace(index, starts_ascii=None))


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", ", ", "-", ". ", "'s ", "", "(", "Ş "])), min_size=1, max_size=12))
def test_the_start_scans_find_what_the_plain_word_scan_finds(words: list[tuple[str, str]]) -> None:
    """The start patterns (searched with the character before a word) find the words a plain scan finds."""
    index = load_actors()
    text = "".join(w + sep for w, sep in words)
    assert find_actors(text, index) == find_actors(text, dataclasses.replace(index, starts=None, starts_ascii=None))
