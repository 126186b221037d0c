"""Provinces split by compass and named by their old whole ("in Maguindanao" for Maguindanao del
Norte / del Sur): the short name is in the same country."""

from __future__ import annotations

import pytest

from etl.stages.extract.places import Gazetteer, _short_admin_name, find_places, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Soldiers clashed with gunmen in a village in Maguindanao on Friday.", ("Maguindanao", "PHL")),
        ("Rebels ambushed a patrol in the hills of Negros.", ("Negros", "PHL")),
        ("Gunmen torched a bus in Lanao, police said.", ("Lanao", "PHL")),
    ],
    ids=["maguindanao", "negros", "lanao"],
)
def test_old_whole_of_a_split_province(text: str, found: tuple[str, str], gaz: Gazetteer) -> None:
    assert found in [(m.surface, m.place.country_code) for m in find_places(text, gaz)]


@pytest.mark.parametrize(
    ("name", "short"),
    [("Rio Grande do Norte", None), ("Nusa Tenggara Barat", "Nusa Tenggara"), ("Misamis Oriental", "Misamis")],
    ids=["particle-stays", "indonesian-compass", "oriental"],
)
def test_short_name_keeps_a_whole_name(name: str, short: str | None) -> None:
    assert _short_admin_name(name) == short
