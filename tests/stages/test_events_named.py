"""Unit tests for victims named one by one (``events_named``): how many persons a list names."""

from __future__ import annotations

import pytest

from etl.records import Sentence
from etl.stages.extract.events_named import identified_claims, named_candidates


def _values(text: str) -> list[float | None]:
    return [c.value for c in named_candidates(text, Sentence(0, 0, len(text), text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ali Musa, 45, and his son Ibrahim, 12, were shot dead on Monday.", [2.0]),
        ("Mohammed Saleh, his wife Samah and their twin daughters were killed.", [4.0]),
        ("Peter Okafor, his wife and their three children died in the fire.", [5.0]),
        ("Community leader Rosa Pardo, 61, was shot dead outside her shop.", [1.0]),
        ("On Monday, Ali Musa and Bello Sani were killed in Kano.", [2.0]),
        # a list set off by commas after a noun without a number (an appositive)
        ("The victims, Musa Ibrahim and Aliyu Bello, were shot dead.", [2.0]),
        ("Police said the deceased, Juan Perez, Maria Gomez and Luis Rivas, were killed.", [3.0]),
        ("The victim, Chinedu Okafor, was stabbed to death.", [1.0]),
    ],
)
def test_named_list_counts_its_persons(text: str, expected: list[float]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers were killed in an attack on Monday.",  # a capitalised plural at the start is no name
        "Ali Musa and his sons were killed on Monday.",  # "his sons": no size
        "Airstrikes on North Kivu and South Kivu killed 12 people.",  # active verb: no victim list
        "Two farmers, Ali Musa and Bello Sani, were killed.",  # an appositive after a count: the count stands
        "Rosa Pardo was shot dead outside her shop.",  # one name without an age is left to other readings
        "In Kaduna, Governor Uba Sani and Hadiza Balarabe, were briefed on the attack.",  # no casualty verb
        "Both victims, Ali Musa and Bello Sani, were killed.",  # 'both' counts them already
    ],
)
def test_no_named_list(text: str) -> None:
    assert _values(text) == []


def test_identified_as_takes_the_measure_before_the_list() -> None:
    text = "The injured were identified as Grace Achieng and her son Brian."
    (claim,) = identified_claims(text, Sentence(0, 0, len(text), text))
    assert (claim.measure, claim.cand.value) == ("injured", 2.0)
