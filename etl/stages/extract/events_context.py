"""The context of a claim: its date, scope, percent change, attribution, place and actor."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from etl.records import ChangeDirection, DateMention, Granularity, QuantityMention, Scope, Sentence
from etl.stages.extract.places import PlaceMention

# A date introduced this way is the comparison base, not the claim's own period.
_BASE_CUE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against|over)\s+(?:the\s+)?"
    r"(?:same\s+(?:period|time|month|quarter)\s+(?:in|of|last)\s+|(?:previous|prior)\s+\w+\s+|in\s+)?$",
    re.I,
)
_BASE_WINDOW = 40
# "KABUL, Aug 14 (Newswire) -": the dateline dates the report, not the incident.
_DATELINE = re.compile(
    r"^[^\n.]{0,70}?\([^)\n]{1,30}\)\s*[-—–]+\s*|^[A-Z][A-Z .'’-]+,[^\n]{0,50}?\s[-—–]+\s"
    r"|^[A-Z][\w .'’-]{1,30},\s+(?:[A-Z][\w .'’-]{1,30},\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:[-—–:]+)\s"
)
# "police said on Sunday", "claimed the attack on Saturday": when it was said, not when it happened.
_STATEMENT = re.compile(
    r"\b(?:said|says|announced|told|reported|added|confirmed|stated|claimed|statement|briefing|news conference)\b(?:\s+[\w'’-]+){0,3}?\s*$",
    re.I,
)
_STATEMENT_WINDOW = 45
# How many following sentences of the paragraph may date a claim whose own sentence has no date.
_LOOK_AHEAD_SENTENCES = 2
_PERIOD_GRANULARITIES = frozenset({"year", "decade", "half", "quarter"})
_LOOSE_GRANULARITIES = frozenset({"month", "range", "season", "week"})
_PLURAL_INCIDENTS = re.compile(r"\b(?:attacks|incidents|violence|clashes|operations|bombings|strikes|conflict|war)\b", re.I)
_UP = re.compile(r"\b(?:increase[ds]?|rise|rose|risen|up|higher|jump(?:ed)?|surge[ds]?|more|grew|climb(?:ed)?|spike)\b", re.I)
_DOWN = re.compile(r"\b(?:decrease[ds]?|decline[ds]?|drop(?:ped)?|fell|fallen|down|lower|fewer|less|reduc(?:ed|tion)|plunge[ds]?)\b", re.I)
_ANAPHOR = re.compile(r"^(?:this|that|it|the (?:figure|number|toll|total|increase|rise|decline|drop))\b", re.I)
_ATTRIBUTION = (
    re.compile(r"\baccording to (?P<a>[^,.;\"“”]{3,80})", re.I),
    re.compile(r",\s*(?P<a>[^,.;\"“”]{3,60}?)\s+(?:said|says|told [\w ]{2,30}?|reported|confirmed|added|stated)\b"),
    re.compile(r"^(?P<a>[A-Z][^,.;\"“”]{1,60}?)\s+(?:said|says|reported|reports|confirmed|announced|claims|claimed)\b"),
    re.compile(r"\b(?:said|says|told reporters)\s+(?P<a>[^,.;\"“”]{3,60}?)[.,]?$"),
)
_PLACE_RANK = {"city": 0, "admin": 1, "country": 2}


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    granularity: Granularity | None
    source: str  # "text" or "published"
    mention: DateMention | None = None


@dataclass(frozen=True, slots=True)
class Change:
    pct: float
    direction: ChangeDirection
    base_start: dt.date | None
    base_end: dt.date | None


def _is_base(text: str, d: DateMention) -> bool:
    if text[d.char_end : d.char_end + 2] in ("'s", "’s"):  # "the toll from Saturday's bombing"
        return False
    return _BASE_CUE.search(text[max(0, d.char_start - _BASE_WINDOW) : d.char_start]) is not None


def _usable(text: str, d: DateMention, published: dt.date | None) -> bool:
    return not _is_base(text, d) and (published is None or d.start_date <= published)


@dataclass(frozen=True, slots=True)
class DateContext:
    """The article's dates sorted once: incident-like ones, and the dateline or statement dates."""

    usable: tuple[DateMention, ...]  # not a base period, not in the future, not dateline/statement
    sentences: tuple[Sentence, ...]
    published: dt.date | None
    claimed: frozenset[int] = frozenset()  # sentences with claims of their own: they date those


def date_context(
    text: str, sentences: Sequence[Sentence], dates: Sequence[DateMention], published: dt.date | None, claimed: frozenset[int] = frozenset()
) -> DateContext:
    """Drop dates that do not date an incident: the dateline, "said on Sunday", "from 2023", the future."""
    line = _DATELINE.match(text)
    end = line.end() if line else -1
    usable = tuple(
        d for d in dates
        if _usable(text, d, published) and d.char_end > end
        and not _STATEMENT.search(text[max(0, d.char_start - _STATEMENT_WINDOW) : d.char_start])
    )
    return DateContext(usable, tuple(sentences), published, claimed)


def _period(d: DateMention) -> Period:
    return Period(d.start_date, d.end_date, d.granularity, "text", d)


def claim_period(c: DateContext, at: int, sent: Sentence, *, update: bool = False) -> Period:
    """The date governing the claim's sentence, else its paragraph's (before, then after), else the
    lead's, else the publication date. A running total ("the toll rose to 11 on Sunday") takes the
    earliest date before it, which dates the incident rather than the update."""
    own = [d for d in c.usable if sent.char_start <= d.char_start < sent.char_end]
    if update:
        before = [d for d in own if d.char_start < at]
        if before:
            return _period(before[0])
    if own:
        return _period(min(own, key=lambda d: abs(d.char_start - at)))
    para = [s for s in c.sentences if s.paragraph == sent.paragraph]
    earlier = [d for d in c.usable if any(s.char_start <= d.char_start < s.char_end for s in para if s.char_end <= sent.char_start)]
    if earlier:
        return _period(earlier[-1])
    later = [s for s in para if s.char_start >= sent.char_end][:_LOOK_AHEAD_SENTENCES]
    later = [s for s in later if s.index not in c.claimed]
    ahead = [d for d in c.usable if any(s.char_start <= d.char_start < s.char_end for s in later)]
    if ahead:
        return _period(ahead[0])
    if c.sentences and sent.paragraph > c.sentences[0].paragraph:
        lead_end = max(s.char_end for s in c.sentences if s.paragraph == c.sentences[0].paragraph)
        lead = [d for d in c.usable if d.char_start < lead_end]
        if lead:
            return _period(lead[0])
    return Period(c.published, c.published, "day" if c.published else None, "published")


def claim_scope(sent: Sentence, period: Period, *, aggregate_cue: bool) -> Scope:
    """Aggregate when the claim totals a period ("in 2024", "so far this year"), else incident.

    An aggregate cue does not count against a day named in the claim's own sentence ("yesterday's
    bombing, the deadliest this year, killed 12").
    """
    sentence_text = sent.text
    m = period.mention
    own_day = period.granularity == "day" and m is not None and sent.char_start <= m.char_start < sent.char_end
    if aggregate_cue and not own_day:
        return "aggregate"
    if period.source == "text" and period.granularity in _PERIOD_GRANULARITIES:
        return "aggregate"
    if period.source == "text" and period.granularity in _LOOSE_GRANULARITIES and _PLURAL_INCIDENTS.search(sentence_text):
        return "aggregate"
    return "incident"


def _direction(q: QuantityMention, window: str) -> ChangeDirection | None:
    if q.change_direction is not None:
        return q.change_direction
    if _UP.search(window):
        return "up"
    if _DOWN.search(window):
        return "down"
    return None


def claim_change(
    text: str, sent: Sentence, nxt: Sentence | None, quantities: Sequence[QuantityMention], dates: Sequence[DateMention], own: Period
) -> Change | None:
    """A percent change stated in the claim's sentence, or in an anaphoric next sentence."""
    spans = [(sent.char_start, sent.char_end)]
    if nxt is not None and _ANAPHOR.match(nxt.text):
        spans.append((nxt.char_start, nxt.char_end))
    for lo, hi in spans:
        for q in quantities:
            if q.kind != "percent" or not lo <= q.char_start < hi or q.value is None:
                continue
            direction = _direction(q, text[max(lo, q.char_start - 30) : min(hi, q.char_end + 30)])
            if direction is None:
                continue
            base = [d for d in dates if lo <= d.char_start < hi and d is not own.mention and (_is_base(text, d) or d.char_start > q.char_start)]
            first = base[0] if base else None
            return Change(float(q.value), direction, first.start_date if first else None, first.end_date if first else None)
    return None


def base_value(value: float | None, change: Change | None) -> float | None:
    """The figure of the base period implied by the change: 1,081 after +45% -> about 746."""
    if value is None or change is None:
        return None
    factor = 1 + change.pct / 100 if change.direction == "up" else 1 - change.pct / 100
    return round(value / factor, 1) if factor > 0 else None


def attribution(sentence_text: str) -> str | None:
    """Who the claim is attributed to, as written ("police said" -> "police")."""
    for pattern in _ATTRIBUTION:
        m = pattern.search(sentence_text)
        if m:
            return m.group("a").strip()
    return None


def _rank(p: PlaceMention) -> int:
    return _PLACE_RANK[p.place.kind] + (1 if p.place.demonym else 0)


def claim_place(
    at: int, sent: Sentence, sentences: Sequence[Sentence], places: Sequence[PlaceMention], fallback: PlaceMention | None
) -> tuple[PlaceMention | None, bool]:
    """The most specific place in the claim's sentence (in the article's main country first), else
    earlier in its paragraph, else the article's main place.

    The flag says whether the place was named in the claim's own sentence.
    """
    main = fallback.place.country_code if fallback else None
    own = [p for p in places if sent.char_start <= p.char_start < sent.char_end]
    if own:
        return min(own, key=lambda p: (p.place.country_code != main, _rank(p), abs(p.char_start - at))), True
    para = {s.index for s in sentences if s.paragraph == sent.paragraph and s.char_end <= sent.char_start}
    starts = {s.index: (s.char_start, s.char_end) for s in sentences if s.index in para}
    earlier = [p for p in places if any(a <= p.char_start < b for a, b in starts.values())]
    if earlier:
        return min(earlier, key=lambda p: (_rank(p), -p.char_start)), False
    return fallback, False
