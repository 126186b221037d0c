"""Score the events stage against hand-coded records (``benchmarks/events.dev.jsonl``).

Each record is ``{"id", "text", "published", "gold": {"killed", "injured", "event_date",
"country", "actor"}}``; a null gold field is "not coded" and is not scored.

- killed / injured: the article's figure is the sum of ``value_best`` over the rows of that
  measure whose ``part_of`` is null, using incident rows, or the aggregate rows when the article
  has no incident row for the measure (:func:`record_totals`). Exact match with the gold count; an
  article with no row for the measure reads as "not stated" and is wrong unless the gold is null.
- "the first event" (:func:`headline_event`) is the first incident row whose measure is not
  ``count``, else the first such row of any scope: a background total ("violence has killed 2,000
  this year") written before the incident does not stand for the record. The events stage emits
  that row first, so a scorer that takes the output's first row literally reads the same one.
- event date: the first event's ``period_start..period_end`` must equal the gold's interval at the
  gold's granularity ("2024-03-12" = that day, "2024-03" = that month, "2024" = that year). A gold
  month is also met by a week or a range of days inside that month ("earlier this week", "last
  week" are coded as the month when the span lies in one month).
- country / actor: the first event's ``country_code`` / ``actor`` (actor compared case-insensitively).
- plain_killed / plain_injured: the same counts read as a user of the contract's fields alone would
  (:func:`plain_totals`: every incident row of ``events``, other incidents included).
- tp / fp / fn: over (record, measure) pairs for killed and injured where the gold is coded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from etl.eval.report import EvalReport, Miss
from etl.records import Article, DateMention, Event, QuantityMention
from etl.stages.extract.events import EventVocabulary, extract_events, headline
from etl.stages.extract.events_reduce import earlier_day, same_incident
from etl.stages.segment import split_sentences

_MEASURES = ("killed", "injured")


def _published(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _quantities(text: str) -> list[QuantityMention]:
    from etl.stages.extract.numbers import extract_quantities  # imported late: built concurrently

    return list(extract_quantities(text))


def _dates(text: str, published: dt.date | None) -> list[DateMention]:
    from etl.stages.extract.dates import extract_dates

    return list(extract_dates(text, published=published))


def extract_record(record: dict[str, object], vocab: EventVocabulary) -> list[Event]:
    """Run the whole chain (segment, numbers, dates, events) on one eval record."""
    text = str(record.get("text") or "")
    published = _published(record.get("published"))
    article = Article(
        article_id=str(record.get("id", "")),
        text=text,
        content_sha256=hashlib.sha256(text.encode()).hexdigest(),
        published=published,
        published_source="metadata" if published else "none",
        title=str(record["title"]) if record.get("title") else None,
    )
    return extract_events(article, split_sentences(text), _quantities(text), _dates(text, published), vocab=vocab)


def record_totals(events: Sequence[Event]) -> dict[str, float]:
    """Per measure: the sum of top-level (``part_of`` null) incident rows; aggregate rows only when
    the article has no incident row at all ("2,300 killed last year" next to an attack that wounded
    four is background, not the attack's toll).

    Only the headline incident is summed: an incident row dated (in the text) more than a month away
    from the headline row (:func:`headline_event`) is another incident ("an attack two years ago
    killed 24"), and so is one the text dates two or more days before it ("On Friday, eight bodies
    were found").
    """
    head = headline(events)
    head = head if head is not None and head.scope == "incident" else None
    sums: dict[tuple[str, str], float] = {}
    for ev in events:
        if ev.scope == "incident" and head is not None and (not same_incident(ev, head) or earlier_day(ev, head)):
            continue
        if ev.part_of is None and ev.value_best is not None:
            key = (ev.measure, ev.scope)
            sums[key] = sums.get(key, 0.0) + ev.value_best
    out: dict[str, float] = {}
    for (measure, scope), value in sums.items():
        if scope == "incident" or head is None:  # a period total stands only in an article about no incident
            out[measure] = value
    return out


def plain_totals(events: Sequence[Event]) -> dict[str, float]:
    """What a reader of the contract's fields alone sums: ``value_best`` of every incident row of
    ``etl extract``'s ``events`` (``part_of`` null), per measure; reported as ``plain_*_acc``."""
    sums: dict[str, float] = {}
    for ev in events:
        if ev.part_of is None and ev.scope == "incident" and ev.value_best is not None:
            sums[ev.measure] = sums.get(ev.measure, 0.0) + ev.value_best
    return sums


def headline_event(events: Sequence[Event]) -> Event | None:
    """The row that stands for the record (the events stage puts it first): the first non-``count``
    incident row, else the first non-``count`` row, else the first row."""
    return headline(events)


def gold_interval(value: str) -> tuple[dt.date, dt.date] | None:
    """"2024-03-12" -> that day, "2024-03" -> that month, "2024" -> that year."""
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = dt.date(parts[0], parts[1], parts[2])
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return None


@dataclass
class _Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


def _date_right(ev: Event, want: tuple[dt.date, dt.date]) -> bool:
    if ev.period_start is None or ev.period_end is None:
        return False
    if (ev.period_start, ev.period_end) == want:
        return True
    month = want[0].day == 1 and want[1].month == want[0].month and want[1] != want[0]
    inside = want[0] <= ev.period_start and ev.period_end <= want[1]
    return month and inside and ev.granularity in ("week", "range")


def _fmt(value: object) -> str:
    return "none" if value is None else str(value)


def _score_one(record: dict[str, object], events: Sequence[Event], tallies: dict[str, _Tally], counts: list[int], misses: list[Miss]) -> None:
    gold = record.get("gold") or {}
    assert isinstance(gold, dict)
    rid, text = str(record.get("id", "")), str(record.get("text", ""))
    totals = record_totals(events)
    plain = plain_totals(events)
    first = headline_event(events)
    for measure in _MEASURES:
        expected = gold.get(measure)
        if expected is None:
            continue
        got = totals.get(measure)
        ok = got is not None and abs(got - float(expected)) < 1e-9
        tallies[measure].add(ok)
        tallies[f"plain_{measure}"].add(abs(plain.get(measure, -1.0) - float(expected)) < 1e-9)
        counts[0 if ok else 2] += 1
        counts[1] += int(got is not None and not ok)
        if not ok:
            misses.append(Miss(rid, f"{measure}", _fmt(expected), _fmt(got), text))
    if gold.get("event_date"):
        want = gold_interval(str(gold["event_date"]))
        got_period = (first.period_start, first.period_end) if first else None
        ok = want is not None and first is not None and _date_right(first, want)
        tallies["date"].add(ok)
        if not ok:
            misses.append(Miss(rid, "date", str(gold["event_date"]), _fmt(got_period and f"{got_period[0]}..{got_period[1]}"), text))
    for field, attr in (("country", "country_code"), ("actor", "actor")):
        if gold.get(field) is None:
            continue
        got_value = getattr(first, attr) if first else None
        ok = got_value is not None and str(got_value).lower() == str(gold[field]).lower()
        tallies[field].add(ok)
        if not ok:
            misses.append(Miss(rid, field, str(gold[field]), _fmt(got_value), text))


def score_events(records: Iterable[dict[str, object]], *, gold_file: str, extractor: Callable[[dict[str, object]], Sequence[Event]]) -> EvalReport:
    """Per-field accuracies in ``extra``; tp/fp/fn over (record, measure) pairs for killed+injured."""
    tallies = {k: _Tally() for k in ("killed", "injured", "date", "country", "actor", "plain_killed", "plain_injured")}
    counts = [0, 0, 0]
    misses: list[Miss] = []
    n = 0
    for record in records:
        n += 1
        _score_one(record, list(extractor(record)), tallies, counts, misses)
    extra = {f"{k}_acc": t.accuracy for k, t in tallies.items()}
    extra.update({f"{k}_n": float(t.total) for k, t in tallies.items()})
    return EvalReport("events", gold_file, n, counts[0], counts[1], counts[2], extra, tuple(misses))
