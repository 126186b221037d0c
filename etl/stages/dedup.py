"""Dedup: incident-scope events from different reports merged into incidents.

Rule (documented in README "Incidents"): two events describe the same incident when they count the
same measure, come from different articles, their periods lie within ``WINDOW_DAYS`` of each other,
their countries agree (or both are unknown), their actors do not conflict, and their evidence
sentences are similar enough (token overlap, numbers ignored) for the strength of that agreement.
Per incident: low = lowest report, high = highest, best = the most recent report's figure (tolls
rise as bodies are counted; ties go to the larger), n_sources = distinct outlets.
Within one article, cumulative tolls are already resolved by the events stage (``part_of``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pycountry

from etl.records import Incident

# Reports of one incident are dated within this many days of each other ("yesterday" vs "on
# Tuesday" resolve to the same day; a follow-up two days later keeps the incident's own date).
WINDOW_DAYS = 2
# Minimum token overlap (Jaccard) of the evidence sentences, by how much else agrees. Calibrated on
# the sample corpus's multi-source incidents (same-incident pairs score 0.08-0.35, different
# incidents in one country on one day below 0.06).
MIN_SIMILARITY_SAME_ACTOR = 0.0
MIN_SIMILARITY_SAME_COUNTRY = 0.06
MIN_SIMILARITY_NO_COUNTRY = 0.25
_GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5, "decade": 6, "range": 7}
_TOKEN = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset("the and for was were with that this from have has had are said after their they his her its into about more than".split())


@dataclass(slots=True)
class _Report:
    row: Mapping[str, Any]
    start: dt.date
    end: dt.date
    tokens: frozenset[str]


@dataclass(slots=True)
class _Cluster:
    reports: list[_Report] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    start: dt.date = dt.date.max
    end: dt.date = dt.date.min

    def add(self, report: _Report) -> None:
        self.reports.append(report)
        self.articles.add(report.row["article_id"])
        self.start, self.end = min(self.start, report.start), max(self.end, report.end)


def _tokens(text: str) -> frozenset[str]:
    return frozenset(t for t in _TOKEN.findall(text.lower()) if t not in _STOP)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _report(row: Mapping[str, Any]) -> _Report | None:
    start = row.get("period_start") or row.get("published")
    end = row.get("period_end") or start
    if start is None or end is None:
        return None
    return _Report(row, start, end, _tokens(row.get("evidence") or ""))


@cache
def _country_names(code: str | None) -> frozenset[str]:
    country = pycountry.countries.get(alpha_3=code) if code else None
    names = (getattr(country, k, None) for k in ("name", "common_name", "official_name"))
    return frozenset(n for n in names if n)


def _same_place(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Both name the same place below the country (a city or region, not the country itself)."""
    place = a.get("location")
    return bool(place) and place == b.get("location") and place not in _country_names(a["country_code"])


def _threshold(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    """The similarity two reports need to merge, or None when they cannot be the same incident.

    Outlets often disagree on who did it (a group and its splinter), so conflicting actors only
    part two reports that do not name the same place.
    """
    if a["country_code"] != b["country_code"]:
        return None
    if a["actor"] and b["actor"] and a["actor"] != b["actor"]:
        return MIN_SIMILARITY_SAME_COUNTRY if _same_place(a, b) else None
    if a["country_code"] is None:
        return MIN_SIMILARITY_NO_COUNTRY
    if (a["actor"] and a["actor"] == b["actor"]) or _same_place(a, b):
        return MIN_SIMILARITY_SAME_ACTOR
    return MIN_SIMILARITY_SAME_COUNTRY


def _best_cluster(report: _Report, open_clusters: Sequence[_Cluster]) -> _Cluster | None:
    window = dt.timedelta(days=WINDOW_DAYS)
    best: tuple[float, _Cluster] | None = None
    for cluster in open_clusters:
        if report.start > cluster.end + window or report.end < cluster.start - window:
            continue
        if report.row["article_id"] in cluster.articles:
            continue
        scores = []
        for other in cluster.reports:
            need = _threshold(report.row, other.row)
            if need is None:
                break
            scores.append((_similarity(report.tokens, other.tokens), need))
        else:
            score = max(s for s, _ in scores)
            if any(s >= need for s, need in scores) and (best is None or score > best[0]):
                best = (score, cluster)
    return best[1] if best else None


def _most_common(values: Iterable[Any]) -> Any:
    """The most frequent non-empty value, the first seen among equals (``Counter.most_common``'s
    rule, without its cost: three calls per incident were a sixth of clustering)."""
    counted: dict[Any, int] = {}
    for value in values:
        if value:
            counted[value] = counted.get(value, 0) + 1
    return max(counted, key=counted.__getitem__) if counted else None


def _incident(cluster: _Cluster) -> Incident:
    rows = [r.row for r in cluster.reports]
    latest = max(rows, key=lambda r: (r.get("published") or dt.date.min, r.get("value_best") or 0))
    lows = [r["value_low"] if r["value_low"] is not None else r["value_best"] for r in rows]
    highs = [r["value_high"] if r["value_high"] is not None else r["value_best"] for r in rows]
    dated = sorted(rows, key=lambda r: (r["date_source"] != "text", _GRANULARITY_RANK.get(r.get("granularity") or "range", 9)))
    period = dated[0]
    first = min(rows, key=lambda r: r["event_id"])
    published = [r["published"] for r in rows if r.get("published")]
    return Incident(
        incident_id="inc-" + hashlib.sha256(first["event_id"].encode()).hexdigest()[:16],
        measure=first["measure"],
        value_low=min((v for v in lows if v is not None), default=None),
        value_best=latest["value_best"] if latest["value_best"] is not None else latest["value_low"],
        value_high=max((v for v in highs if v is not None), default=None),
        n_sources=len({r.get("source") or r["article_id"] for r in rows}),
        n_reports=len(rows),
        period_start=period["period_start"], period_end=period["period_end"], granularity=period["granularity"],
        country_code=_most_common(r["country_code"] for r in rows),
        location=_most_common(r["location"] for r in rows),
        actor=_most_common(r["actor"] for r in rows),
        first_reported=min(published, default=None), last_reported=max(published, default=None),
        event_ids=tuple(sorted(r["event_id"] for r in rows)),
        article_ids=tuple(sorted({r["article_id"] for r in rows})),
        sources=tuple(sorted({r.get("source") or r["article_id"] for r in rows})),
    )


def _group_key(row: Mapping[str, Any]) -> tuple[str, str]:
    return row["measure"], row["country_code"] or ""


def _report_order(row: Mapping[str, Any]) -> tuple[str, str, dt.date, str]:
    start = row.get("period_start") or row.get("published") or dt.date.min
    return (*_group_key(row), start, row["event_id"])


def _cluster_group(reports: Iterable[_Report]) -> Iterator[Incident]:
    """Sweep one (measure, country) group in date order; a cluster closes once it is out of reach."""
    window = dt.timedelta(days=WINDOW_DAYS)
    open_clusters: list[_Cluster] = []
    for report in reports:
        yield from (_incident(c) for c in open_clusters if c.end + window < report.start)
        open_clusters = [c for c in open_clusters if c.end + window >= report.start]
        cluster = _best_cluster(report, open_clusters)
        if cluster is None:
            cluster = _Cluster()
            open_clusters.append(cluster)
        cluster.add(report)
    yield from (_incident(c) for c in open_clusters)


def iter_incidents(events: Iterable[Mapping[str, Any]]) -> Iterator[Incident]:
    """Incidents from event rows already sorted by measure, country, start date and event id (as
    ``etl/sql/incident_input.sql`` gives them): memory holds one group's open clusters, not the table."""
    for _, rows in itertools.groupby(events, key=_group_key):
        yield from _cluster_group(r for r in map(_report, rows) if r is not None)


def cluster_incidents(events: Iterable[Mapping[str, Any]]) -> list[Incident]:
    """Merge incident-scope, countable event rows (dicts with the events columns) into incidents."""
    incidents = iter_incidents(sorted(events, key=_report_order))
    return sorted(incidents, key=lambda i: (i.period_start or dt.date.min, i.incident_id))
