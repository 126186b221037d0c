"""Actors: spellings of a group's name that news text uses map to its canonical name."""

from __future__ import annotations

import pytest

from etl.stages.extract.actors import ActorIndex, find_actors, load_actors


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return load_actors()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Suspected Ahlu Sunnah Wa-Jama'a insurgents raided Macomia.", "Ansar al-Sunna"),
        ("Officials blamed Ahlu Sunnah Wa Jama'a for the ambush near Mueda.", "Ansar al-Sunna"),
        ("Ahlu Sunna Wal Jama'a fighters clashed with al-Shabaab in Galmudug.", "Ahlu Sunna Wal Jama'a"),
    ],
    ids=["mozambique-hyphen", "mozambique-spaced", "somalia-unchanged"],
)
def test_spelling_maps_to_one_name(text: str, name: str, index: ActorIndex) -> None:
    assert [m.name for m in find_actors(text, index)][:1] == [name]
