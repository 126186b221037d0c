import datetime as dt
from typing import Any

from etl.stages.dedup import cluster_incidents

D = dt.date
DAY = D(2024, 3, 14)


def event(event_id: str, article: str, best: float, *, low: float | None = None, high: float | None = None,
          day: dt.date = DAY, published: dt.date = DAY, country: str | None = "PAK",
          actor: str | None = None, source: str | None = None, measure: str = "killed", location: str | None = "Bannu",
          evidence: str = "A bomb blast in a crowded market in Bannu killed people, police said.") -> dict[str, Any]:
    return {
        "event_id": event_id, "article_id": article, "measure": measure, "value_best": best,
        "value_low": best if low is None else low, "value_high": best if high is None else high,
        "period_start": day, "period_end": day, "granularity": "day", "date_source": "text",
        "country_code": country, "location": location, "actor": actor, "evidence": evidence,
        "published": published, "source": source or article,
    }


def test_three_reports_with_rising_tolls_make_one_incident() -> None:
    events = [
        event("e1", "a1", 12, high=None, published=D(2024, 3, 14), source="Indus Wire"),
        event("e2", "a2", 19, published=D(2024, 3, 15), source="Frontier Ledger"),
        event("e3", "a3", 21, published=D(2024, 3, 16), day=D(2024, 3, 14), source="Northern Standard"),
    ]
    [incident] = cluster_incidents(events)
    assert (incident.value_low, incident.value_best, incident.value_high) == (12, 21, 21)
    assert incident.n_sources == 3 and incident.n_reports == 3
    assert incident.event_ids == ("e1", "e2", "e3")
    assert (incident.first_reported, incident.last_reported) == (D(2024, 3, 14), D(2024, 3, 16))


def test_best_is_the_most_recent_report_even_when_lower() -> None:
    events = [event("e1", "a1", 30, published=D(2024, 3, 14)), event("e2", "a2", 25, published=D(2024, 3, 15))]
    [incident] = cluster_incidents(events)
    assert (incident.value_low, incident.value_best, incident.value_high) == (25, 25, 30)


def test_different_countries_actors_or_dates_stay_apart() -> None:
    events = [
        event("e1", "a1", 5, actor="Taliban", location=None),
        event("e2", "a2", 5, actor="Islamic State Khorasan Province", location=None),
        event("e3", "a3", 5, country="AFG"),
        event("e4", "a4", 5, day=D(2024, 4, 20), published=D(2024, 4, 20)),
    ]
    assert len(cluster_incidents(events)) == 4


def test_same_article_never_merges_with_itself() -> None:
    assert len(cluster_incidents([event("e1", "a1", 5), event("e2", "a1", 7)])) == 2


def test_unrelated_sentences_in_one_country_on_one_day_stay_apart() -> None:
    events = [
        event("e1", "a1", 4, location="Swat", evidence="Floods swept away homes in Swat valley, drowning villagers."),
        event("e2", "a2", 9, location="Quetta", evidence="Gunmen opened fire on a police checkpost near Quetta airport."),
    ]
    assert len(cluster_incidents(events)) == 2


def test_measures_are_clustered_separately_and_ids_are_stable() -> None:
    events = [event("e1", "a1", 5), event("e2", "a2", 6), event("i1", "a1", 9, measure="injured")]
    first = cluster_incidents(events)
    assert sorted(i.measure for i in first) == ["injured", "killed"]
    assert [i.incident_id for i in cluster_incidents(list(reversed(events)))] == [i.incident_id for i in first]


def test_outlets_blaming_different_groups_for_one_place_and_day_merge() -> None:
    events = [event("e1", "a1", 19, actor="Jamaat-ul-Ahrar"), event("e2", "a2", 21, actor="Tehrik-i-Taliban Pakistan")]
    [incident] = cluster_incidents(events)
    assert incident.n_sources == 2


def test_a_country_name_as_location_is_not_a_shared_place() -> None:
    events = [
        event("e1", "a1", 5, actor="Taliban", location="Pakistan", evidence="Gunmen attacked a bus."),
        event("e2", "a2", 5, actor="Baloch Liberation Army", location="Pakistan", evidence="A bomb hit a train."),
    ]
    assert len(cluster_incidents(events)) == 2
