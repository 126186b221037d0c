"""An incident told without a count gives one `attacks` row with its date, place and actor."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.eval.events import headline_event
from etl.records import Article, Event
from etl.stages.extract.events import EventVocabulary, extract_events, load_vocabulary
from etl.stages.segment import split_sentences

numbers = pytest.importorskip("etl.stages.extract.numbers")
dates = pytest.importorskip("etl.stages.extract.dates")

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


def run(text: str, vocab: EventVocabulary) -> list[Event]:
    article = Article("incident", text, "", PUBLISHED, "metadata")
    found = dates.extract_dates(text, published=PUBLISHED)
    return extract_events(article, split_sentences(text), numbers.extract_quantities(text), found, vocab=vocab)


@pytest.mark.parametrize(
    ("text", "day", "country", "actor", "qualifier"),
    [
        ("On 9 March 2024, ADF fighters clashed with the army near Beni. Casualty figures were not released.",
         "2024-03-09", "COD", "Allied Democratic Forces", "at_least"),
        ("Gunmen stormed a police checkpoint in Zamfara state on Monday, officials said. No toll was given.",
         "2024-03-11", "NGA", None, "at_least"),
        ("A roadside bomb attack hit an army convoy in Helmand province on Tuesday night. The Taliban "
         "claimed responsibility; the ministry gave no details of losses.", "2024-03-12", "AFG", "Taliban", "exact"),
        ("Militants of al-Shabaab came under fire from government troops in Lower Juba on 2 March, the "
         "regional governor said, without saying whether anyone died.", "2024-03-02", "SOM", "al-Shabaab", "at_least"),
    ],
)
def test_incident_without_a_count_is_one_attack(
    text: str, day: str, country: str, actor: str | None, qualifier: str, vocab: EventVocabulary
) -> None:
    events = run(text, vocab)
    assert [e.measure for e in events] == ["attacks"]
    row = events[0]
    assert (row.value_best, row.value_low, row.qualifier, row.scope) == (1.0, 1.0, qualifier, "incident")
    assert (row.period_start.isoformat() if row.period_start else None, row.date_source) == (day, "text")
    assert (row.country_code, row.actor) == (country, actor)
    assert text[row.quantity_start : row.quantity_end] in row.evidence and row.evidence == text[row.char_start : row.char_end]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition leaders attacked the finance minister's budget plan on Monday.",
        "The militants threatened to attack schools in the district if they reopened.",
        "Police said they foiled an attack on a church in Kaduna on Sunday.",
        "Security was tight on Monday, a year after the 2023 bombing of the market in Peshawar.",
        "Rebels could attack the town of Goma within days, analysts warned.",
        "The minister said the army will attack any group that threatens the peace.",
    ],
)
def test_no_incident_row_without_an_armed_incident_that_happened(text: str, vocab: EventVocabulary) -> None:
    assert [e for e in run(text, vocab) if e.measure == "attacks"] == []


def test_an_incident_with_a_toll_gets_no_extra_row(vocab: EventVocabulary) -> None:
    events = run("Gunmen attacked a village in Plateau state on Monday, killing seven people.", vocab)
    assert [e.measure for e in events] == ["killed"]


def test_after_period_totals_the_incident_is_the_headline(vocab: EventVocabulary) -> None:
    text = (
        "More than 300 people have been killed in the province so far this year. "
        "On Tuesday, militants ambushed a military patrol near Mocimboa da Praia; the army did not give a toll."
    )
    events = run(text, vocab)
    assert [e.scope for e in events] == ["incident", "aggregate"]  # the headline first, then text order
    head = headline_event(events)
    assert head is events[0] and head.measure == "attacks" and head.period_start == dt.date(2024, 3, 12)
    assert head.country_code == "MOZ"


@pytest.mark.parametrize(
    "text",
    [
        "Artillery fire hit a clinic in Rafah on 9 March; casualty figures were not available.",
        "Two rockets struck near a military base outside Erbil on Saturday, officials said, without giving details.",
        "A drone slammed into a fuel depot in Sudan's Port Sudan on Sunday, the army said.",
    ],
)
def test_a_weapon_that_hit_something_is_an_incident(text: str, vocab: EventVocabulary) -> None:
    assert [e.measure for e in run(text, vocab)] == ["attacks"]


def test_a_hit_without_a_weapon_is_not(vocab: EventVocabulary) -> None:
    assert run("A lorry hit a bus near Kano on Sunday, police said, without giving details.", vocab) == []
