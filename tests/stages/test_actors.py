"""Actors: a user-extensible alias list and how strongly the text ties a group to the incident."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    ],
    ids=["claim-beats-description", "blamed", "suspected", "belonged-to"],
)
def test_article_actor(text: str, name: str, index: ActorIndex) -> None:
    assert article_actor(text, find_actors(text, index)) == name


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 3 traders. No group claimed it, although al-Shabaab, which has attacked the town before, is active.",
        "A bomb killed 2 people, the Taliban administration said.",
    ],
    ids=["background", "government"],
)
def test_no_actor(text: str, index: ActorIndex) -> None:
    assert article_actor(text, find_actors(text, index)) is None


def test_unlisted_group_from_a_claim(index: ActorIndex) -> None:
    text = "A bomb killed 5 people. The Northern Freedom Front claimed responsibility."
    assert article_actor(text, find_actors(text, index)) == "Northern Freedom Front"


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
