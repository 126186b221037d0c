"""The context of a claim: its date (``events_when``), scope, percent change, attribution, place and actor."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from etl.records import ChangeDirection, DateMention, QuantityMention, Scope, Sentence
from etl.stages.extract.events_after import AFTERMATH, DEED, INCIDENT_NOUN
from etl.stages.extract.events_index import SentenceIndex, bucket, index_sentences, same_paragraph_before
from etl.stages.extract.events_lookups import ClaimContext
from etl.stages.extract.events_period import names_incident_year
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.events_stated import stated_on
from etl.stages.extract.events_weekday import later_steps
from etl.stages.extract.events_when import LOOK_BACK_SENTENCES, Period, claim_period, is_base, may_date
from etl.stages.extract.places import PlaceMention
from etl.stages.extract.places_evidence import elsewhere, labelled, located_elsewhere, stray_towns

# "KABUL, Aug 14 (Newswire) -", "DIYARBAKIR -", "KABUL:": the dateline dates the report, not the incident.
_DATELINE = re.compile(
    r"^(?:(?!\s[-—–]\s)[^\n.]){0,70}?\([^)\n]{1,30}\)\s*[-—–]+\s*|^[A-Z][A-Z .'’/-]+,[^\n]{0,50}?\s[-—–]+\s|^[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:\s+[-—–]+|:)\s"
    r"|^[A-Z][\w .'’-]{1,30},\s+(?:[A-Z][\w .'’-]{1,30},\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:[-—–:]+)\s"
    r"|^[A-Z][\w .'’-]{1,30},\s+(?:[A-Z][\w .'’-]{1,30},\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?\s*(?:[-—–:]+)\s"
)
# "[Shabelle Media, Mogadishu, in Somali, 16 Feb 21]": a monitoring service's closing source line
# dates the report, as a dateline does; its "yesterday" counts back from that day, not from publication.
_SOURCE_LINE = re.compile(r"\[[^\[\]\n]{3,120}\]\s*$")
_SOURCE_LINE_CHARS = 160
_TODAY_WORDS = re.compile(r"\b(?:yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b", re.I)
_PERIOD_GRANULARITIES = frozenset({"year", "decade", "half", "quarter"})
_LOOSE_GRANULARITIES = frozenset({"month", "range", "season", "week"})
# A loose period ("at the weekend", "last week") this short can still date one (multi-site) incident.
_INCIDENT_DAYS = 7
# A span stated in the claim's sentence longer than this ("between July 2023 and June 2024") totals a
# period: no single incident (not even a siege or a battle, which news dates by their start) is
# told over it.
_PERIOD_DAYS = 92
# (and a present perfect toll, "More than 220 people have been killed", over such a period)
_PLURAL_INCIDENTS = searcher(
    r"\b(?:attacks|incidents|violence|clashes|fighting|operations|bombings|strikes|raids|ambushes|killings|conflict|war)\b|"
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+(?:killed|wounded|injured|displaced|abducted|kidnapped)|died|perished)\b",
    re.I,
)
# "Yemen's war is in its eighth year and more than 377,000 people have died": an undated perfect-tense
# toll of a war is its running total, not an incident told without a date.
_WAR_TOLL = searcher(
    r"\b(?:war|insurgency|conflict|rebellion)\b[^.;]{0,120}?\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+killed|died|perished)\b|"
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+killed|died|perished)\s+(?:in|during|since)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:war|insurgency|conflict|rebellion)\b",
    re.I,
)
# "Seventeen months into Sudan's war, the numbers are numbing. The UN estimates more than 20,000 people
# have been killed": an undated perfect-tense toll after a paragraph that frames a war (and tells no deed).
_WAR_WORD = searcher(r"\b(?:war|insurgency|conflict|rebellion)\b", re.I)
_PERFECT_TOLL = searcher(
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+(?:killed|displaced|uprooted)|died|perished|lost\s+their\s+lives|fled\s+(?:their\s+homes|the\s+country))\b", re.I
)
_TOLD_TOLL = re.compile(r"\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+)?killed\b", re.I)  # (no deed of its own in a war's framing)
# "In the reporting period (14-20 February), attacks displaced 3,000", "during the week under review":
# a situation report's tally of its own period, not one incident, however short the period.
_REPORT_PERIOD = searcher(
    r"\b(?:reporting\s+(?:period|week|month|fortnight)|(?:period|week|month|fortnight)\s+under\s+review|review\s+period)\b", re.I
)
# "completed its withdrawal on Monday, ending a 20-year war in which 2,400 service members died": a
# war's toll in a relative clause, when the sentence tells no attack before it (not "A bomb killed 12
# on Monday, the latest blow in a war that has killed 40,000").
_WAR_CLAUSE = searcher(
    r"\b(?:war|insurgency|conflict|rebellion)\s+(?:in\s+which|that\s+(?:has\s+|had\s+)?(?:killed|claimed|left|cost))\b", re.I
)
_UP = searcher(r"\b(?:increase[ds]?|rise|rose|risen|up|higher|jump(?:ed)?|surge[ds]?|more|grew|climb(?:ed)?|spike)\b", re.I)
_DOWN = searcher(r"\b(?:decrease[ds]?|decline[ds]?|drop(?:ped)?|fell|fallen|down|lower|fewer|less|reduc(?:ed|tion)|plunge[ds]?)\b", re.I)
# The figure a count is compared with, written right before it: "3,000 killed, up from roughly 2,100
# in the same period last year", "187 this year, compared with 112 in 2023".
_BASE_CUE = searcher(r"\b(?:up|down)\s+from\s+$|\b(?:compared\s+(?:with|to)|as\s+against|versus|vs\.?)\s+$", re.I)
_BASE_CUE_WINDOW = 24
_ANAPHOR = re.compile(r"^(?:this|that|it|the (?:figure|number|toll|total|increase|rise|decline|drop))\b", re.I)
_ATTRIBUTION = (
    re.compile(r"\baccording to (?P<a>[^,.;\"“”]{3,80})", re.I),
    re.compile(r",\s*(?P<a>[^,.;\"“”]{3,60}?)\s+(?:said|says|told [\w ]{2,30}?|reported|confirmed|added|stated)\b"),
    re.compile(r"^(?P<a>[A-Z][^,.;\"“”]{1,60}?)\s+(?:said|says|reported|reports|confirmed|announced|claims|claimed)\b"),
    re.compile(r"\b(?:said|says|told reporters)\s+(?P<a>[^,.;\"“”]{3,60}?)[.,]?$"),
)
# Not a source: a passive before the verb ("Another 2 were reported missing").
_PASSIVE_END = searcher(r"\b(?:was|were|is|are|be|been|being)$", re.I)
# Left off a source: a conjunction ("..., and security forces said") or the dateline before it
# ("ISLAMABAD — Pakistan's military said", see _DATELINE).
_CONJUNCTION = re.compile(r"^(?:and|but|while)\s+")
_PLACE_RANK = {"city": 0, "admin": 1, "country": 2}
# "The latest attack came last week. Armed men arrived on Thursday morning": a bare weekday in the
# sentence of a past week that tells the incident, or in the next one, is that week's day.
# (not a follow-up's day: "On Monday, police arrested three suspects", "the victims were buried on Sunday")
_FOLLOW_ON = searcher(r"\b(?:arrest\w*|detain\w*|condemn\w*|visit\w*|charged|vowed|pledged|announced|court)\b", re.I)
_BARE_WEEKDAY = re.compile(r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)
# A clause that gives a period's running tally after the incident: "Gunmen killed six on Monday[,
# bringing] the number killed this year to 340", "... on Wednesday[;] 2,000 have been kidnapped so far
# this year". Its period cue is its own (see :func:`tally_clause`).
_TALLY_BREAK = re.compile(
    r";|,\s+(?:bringing|raising|taking|pushing|lifting|putting|making|which\s+(?:brings|brought|takes|took|raises|raised|pushes|pushed))\b", re.I
)


@dataclass(frozen=True, slots=True)
class Change:
    pct: float
    direction: ChangeDirection
    base_start: dt.date | None
    base_end: dt.date | None
    base: float | None = None  # the base period's figure when the text states it ("up from 2,100")


def claim_context(
    text: str,
    sentences: Sequence[Sentence],
    quantities: Sequence[QuantityMention],
    dates: Sequence[DateMention],
    places: Sequence[PlaceMention],
    *,
    main: PlaceMention | None,
    published: dt.date | None,
    claimed: frozenset[int] = frozenset(),
    away: frozenset[int] | None = None,
    homonyms: frozenset[int] | None = None,
) -> ClaimContext:
    """Drop dates that do not date an incident (the dateline, "said on Sunday", "from 2023", the
    future) and bucket dates, percentages and places by sentence."""
    index = index_sentences(sentences)
    end = dateline_end(text)
    tail = _source_line(text)
    stated = frozenset(d.char_start for d in dates if stated_on(text, d))
    usable = [d for d in dates if may_date(text, d, published) and end < d.char_end and d.char_start < tail and d.char_start not in stated]
    reported = _dateline_day(dates, end, published) or _dateline_day([d for d in dates if d.char_start >= tail], len(text), published)
    if reported is not None and published is not None and reported < published and tail < len(text):
        usable = [_rebased(d, published, reported) for d in usable]
    by_sentence = _week_weekdays(index, bucket(index, usable, lambda d: d.char_start))
    first_paragraph = index.sentences[0].paragraph if index.sentences else 0
    lead = next((_lead_date(index.sentences[p], by_sentence[p]) for p in sorted(by_sentence)
                 if index.sentences[p].paragraph == first_paragraph and not _aftermath(index.sentences[p], by_sentence[p])), None)
    percents = [q for q in quantities if q.kind == "percent" and q.value is not None]
    bases = [q for q in quantities if q.kind == "count" and q.value and _BASE_CUE.search(text, max(0, q.char_start - _BASE_CUE_WINDOW), q.char_start)]
    return ClaimContext(
        text, index, by_sentence, bucket(index, dates, lambda d: d.char_start), bucket(index, percents, lambda q: q.char_start),
        bucket(index, places, lambda p: p.char_start), lead, main, published,
        frozenset(index.position[i] for i in claimed if i in index.position), end,
        frozenset(p.char_start for p in places if elsewhere(p, text)) if away is None else away,
        stray_towns(places, main.place.country_code if main else None, located_elsewhere(places, text) if homonyms is None else homonyms),
        frozenset(p.char_start for p in places if labelled(p, text)),
        reported,
        bucket(index, bases, lambda q: q.char_start),
        later_steps(text, dates, stated),
        stated,
    )


def _aftermath(sent: Sentence, found: Sequence[DateMention]) -> bool:
    """A funeral's (burial's, trial's) sentence with a single date: that date is the aftermath's."""
    return len(found) == 1 and AFTERMATH.search(sent.text) is not None


# Granularities a funeral lead's earlier date may date the story by (not a year's total), and the
# longest span it may be ("earlier this month" is up to 30 days; "since January" is a campaign's).
_LEAD_GRANULARITIES = frozenset({"day", "week", "month"})
_LEAD_SPAN_DAYS = 31


def _lead_date(sent: Sentence, found: Sequence[DateMention]) -> DateMention:
    """The lead sentence's date that dates the story: its first, or in a funeral's (burial's, trial's)
    sentence its earliest ("Mourners packed the mosque on Sunday for the policemen killed in last
    week's assault": last week; one date of a funeral's sentence dates none: "Mourners gathered on
    Wednesday to bury the dead")."""
    near = [d for d in found if d.granularity in _LEAD_GRANULARITIES or (d.granularity == "range" and (d.end_date - d.start_date).days < _LEAD_SPAN_DAYS)]
    if len(found) > 1 and near and AFTERMATH.search(sent.text) is not None:
        return min(near, key=lambda d: d.start_date)  # (not a year's or a campaign's: "as violence this year reached a peak")
    return found[0]


def _week_weekdays(index: SentenceIndex, by_sentence: dict[int, list[DateMention]]) -> dict[int, list[DateMention]]:
    """Bare weekdays told with (or right after) a past week that names the incident, moved into it."""
    weeks = [(p, d) for p, found in by_sentence.items() for d in found if d.granularity == "week"]
    for p, week in weeks:
        sent = index.sentences[p]
        if not (INCIDENT_NOUN.search(sent.text) or DEED.search(sent.text)):
            continue
        for q in (p, p + 1):
            if q not in by_sentence or _FOLLOW_ON.search(index.sentences[q].text) or AFTERMATH.search(index.sentences[q].text):
                continue
            if q == p or index.sentences[q].paragraph == sent.paragraph:
                by_sentence[q] = [_into_week(d, week) for d in by_sentence[q]]
    return by_sentence


def _into_week(d: DateMention, week: DateMention) -> DateMention:
    if d.granularity != "day" or week.start_date <= d.start_date <= week.end_date or not _BARE_WEEKDAY.match(d.surface):
        return d
    day = week.start_date + dt.timedelta(days=(d.start_date.weekday() - week.start_date.weekday()) % 7)
    return replace(d, start_date=day, end_date=day, value=day.isoformat()) if day <= week.end_date else d


def _source_line(text: str) -> int:
    """Where a closing source line ("[Tolo News website, Kabul, in Dari, 15 May 23]") starts, else the text's end."""
    start = max(0, len(text) - _SOURCE_LINE_CHARS)
    if text.find("[", start) < 0:
        return len(text)
    line = _SOURCE_LINE.search(text, start)
    return line.start() if line else len(text)


def _rebased(d: DateMention, published: dt.date, reported: dt.date) -> DateMention:
    """A day told relative to publication ("yesterday", "on Monday") counted from the report's own day."""
    if not d.relative or d.granularity != "day":
        return d
    if _TODAY_WORDS.search(d.surface):
        day = d.start_date - (published - reported)
    elif _BARE_WEEKDAY.match(d.surface) and d.start_date > reported:
        day = d.start_date - dt.timedelta(days=7)
    else:
        return d
    return replace(d, start_date=day, end_date=day, value=day.isoformat())


def _dateline_day(dates: Sequence[DateMention], end: int, published: dt.date | None) -> dt.date | None:
    """The day of a dateline ("ADEN, 19 February -", "KISUMU, Thursday -"), when not after publication."""
    day = next((d for d in dates if d.char_end <= end and d.granularity == "day"), None) if end > 0 else None
    if day is None or (published is not None and day.start_date > published):
        return None
    return day.start_date


def dateline_end(text: str) -> int:
    """Where a dateline ("KABUL, Aug 14 (Newswire) -", "Kano, 9 January:") ends, or -1."""
    line = _DATELINE.match(text)
    return line.end() if line else -1


def war_framed(text: str, sent: Sentence) -> bool:
    """Whether the claim's paragraph, before its sentence, frames a war and tells no deed or incident."""
    before = _TOLD_TOLL.sub("", text[text.rfind("\n", 0, sent.char_start) + 1 : sent.char_start])
    return _WAR_WORD.search(before) is not None and DEED.search(before) is None and INCIDENT_NOUN.search(before) is None


def claim_scope(sent: Sentence, period: Period, *, aggregate_cue: bool, text: str = "", lead_told: bool = False) -> Scope:
    """Aggregate when the claim totals a period ("in 2024", "so far this year"), else incident.

    An aggregate cue does not count against a day named in the claim's own sentence ("yesterday's
    bombing, the deadliest this year, killed 12"). ``text`` (the article's) lets an undated
    perfect-tense toll after a war's framing be the war's total. A year naming one incident ("the 2019
    attack left 22 dead") dates that incident, unless the story told claims before it (``lead_told``:
    then it is a campaign's past, "repeated attacks, including the 2015 assault in which 148 died").
    """
    sentence_text = sent.text
    m = period.mention
    stated_here = m is not None and sent.char_start <= m.char_start < sent.char_end  # the claim's own sentence dates it
    if aggregate_cue and not (stated_here and period.granularity == "day"):
        return "aggregate"
    if period.source == "text" and period.granularity in _PERIOD_GRANULARITIES and (lead_told or not names_incident_year(text, m)):
        return "aggregate"  # (not "the 2019 attack left 22 dead": one incident, dated that year)
    if period.source == "published" and _WAR_TOLL.search(sentence_text):
        return "aggregate"
    if not stated_here and text and _PERFECT_TOLL.search(sentence_text) and not INCIDENT_NOUN.search(sentence_text) and war_framed(text, sent):
        return "aggregate"
    if period.source == "text" and period.granularity in _LOOSE_GRANULARITIES and _REPORT_PERIOD.search(sentence_text):
        return "aggregate"
    war = _WAR_CLAUSE.search(sentence_text) if "which" in sentence_text or "that" in sentence_text else None
    if war is not None and not DEED.search(sentence_text, 0, war.start()) and not INCIDENT_NOUN.search(sentence_text, 0, war.start()):
        return "aggregate"
    span = (period.end - period.start).days if period.start is not None and period.end is not None else 0
    if period.source == "text" and period.granularity == "range" and span > _PERIOD_DAYS and stated_here:
        return "aggregate"
    if period.source == "text" and period.granularity in _LOOSE_GRANULARITIES and span > _INCIDENT_DAYS and _PLURAL_INCIDENTS.search(sentence_text):
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


def claim_change(c: ClaimContext, sent: Sentence, own: Period, at: int = -1, value: float | None = None) -> Change | None:
    """A percent change stated in the claim's sentence, or in an anaphoric next sentence; else the
    change from a figure the claim (its number at ``at``) is compared with ("up from 2,100")."""
    pos = c.index.position.get(sent.index)
    if pos is None:
        return None
    return _percent_change(c, pos, own) or _compared_change(c, pos, own, at, value)


def _compared_change(c: ClaimContext, pos: int, own: Period, at: int, value: float | None) -> Change | None:
    """"More than 3,000 were killed in the first half of 2025, up from roughly 2,100 in the same
    period last year": +42.9% on the base period written after the compared figure."""
    base = next((q for q in c.bases.get(pos, []) if q.char_start > at), None)
    if base is None or not value or not base.value or value == base.value:
        return None
    period = next((d for d in c.dates.get(pos, []) if d is not own.mention and d.char_start >= base.char_end), None)
    pct = round(abs(value - base.value) / base.value * 100, 1)
    start, end = (period.start_date, period.end_date) if period else (None, None)
    return Change(pct, "up" if value > base.value else "down", start, end, base.value)


def _percent_change(c: ClaimContext, pos: int, own: Period) -> Change | None:
    spans = [pos]
    if pos + 1 < len(c.index.sentences) and _ANAPHOR.match(c.index.sentences[pos + 1].text):
        spans.append(pos + 1)
    for p in spans:
        lo, hi = c.index.sentences[p].char_start, c.index.sentences[p].char_end
        for q in c.percents.get(p, []):
            direction = _direction(q, c.text[max(lo, q.char_start - 30) : min(hi, q.char_end + 30)])
            if direction is None or q.value is None:
                continue
            base = [d for d in c.dates.get(p, []) if d is not own.mention and (is_base(c.text, d) or d.char_start > q.char_start)]
            first = base[0] if base else None
            return Change(float(q.value), direction, first.start_date if first else None, first.end_date if first else None)
    return None


def base_value(value: float | None, change: Change | None) -> float | None:
    """The figure of the base period: as stated ("up from 2,100"), or implied by the change (1,081
    after +45% -> about 746)."""
    if change is not None and change.base is not None:
        return change.base
    if value is None or change is None:
        return None
    factor = 1 + change.pct / 100 if change.direction == "up" else 1 - change.pct / 100
    return round(value / factor, 1) if factor > 0 else None


def attribution(sentence_text: str) -> str | None:
    """Who the claim is attributed to, as written ("police said" -> "police")."""
    for pattern in _ATTRIBUTION:
        m = pattern.search(sentence_text)
        if m and not _PASSIVE_END.search(source := m.group("a").strip()):
            return _CONJUNCTION.sub("", _DATELINE.sub("", source)) or source
    return None


def _rank(p: PlaceMention) -> int:
    return _PLACE_RANK[p.place.kind] + (1 if p.place.demonym else 0)


def claim_place(c: ClaimContext, at: int, sent: Sentence) -> tuple[PlaceMention | None, bool]:
    """The most specific place in the claim's sentence (in the article's main country first), else
    earlier in its paragraph, else the article's main place.

    The flag says whether the place was named in the claim's own sentence.
    """
    main = c.main.place.country_code if c.main else None
    pos = c.index.position.get(sent.index)
    if pos is None:
        return c.main, False
    own = [p for p in c.places.get(pos, []) if p.char_start not in c.stray] if c.stray else c.places.get(pos, [])
    if own and all(p.char_start in c.away for p in own) and c.main is not None and c.main.char_start not in c.away:
        own = []  # "a shepherd killed by Israeli fire near the border": only the attacker's side, the story's place stands
    if own:
        return min(
            own, key=lambda p: (p.char_end <= c.dateline_end, p.char_start in c.away, p.place.demonym, p.place.country_code != main, _rank(p), abs(p.char_start - at))
        ), True
    field = [m for p, found in c.places.items() if c.index.sentences[p].paragraph == sent.paragraph for m in found if m.char_start in c.labelled] if c.labelled else []
    if field:  # "Location: Elwak (Mandera county), Kenya." in a coded note
        return min(field, key=lambda m: (m.place.country_code != main, _rank(m), m.char_start)), False
    return _earlier_place(c, pos, main), False


def _earlier_place(c: ClaimContext, pos: int, main: str | None) -> PlaceMention | None:
    """The nearest earlier place of the paragraph, unless one further back is in the main country
    (not named as somewhere else): "Ambush in Tillaberi (Niger). A convoy coming from Mali. Killed: 20."."""
    nearest: PlaceMention | None = None
    for p in same_paragraph_before(c.index, pos, LOOK_BACK_SENTENCES):
        found = [m for m in c.places.get(p, []) if m.char_start not in c.stray]  # (not a homonym: "the market in Mayo")
        if not found:
            continue
        best = min(found, key=lambda m: (m.char_start in c.away, m.place.country_code != main, _rank(m), -m.char_start))
        if best.place.country_code == main and best.char_start not in c.away:
            return best
        nearest = nearest or best
    if nearest is not None and nearest.char_start in c.away and c.main is not None and c.main.char_start not in c.away:
        return c.main  # "... since joint operations with Uganda began. Nine were treated for burns": the story's place
    return nearest or c.main


__all__ = ["ClaimContext", "Period", "attribution", "base_value", "claim_change", "claim_context", "claim_period", "claim_place", "claim_scope", "dateline_end"]


def tally_clause(text: str, sent: Sentence, at: int) -> Sentence:
    """The clause of ``sent`` that holds ``at``, split at a tally break (the sentence itself when it has none)."""
    start, end = sent.char_start, sent.char_end
    for m in _TALLY_BREAK.finditer(text, sent.char_start, sent.char_end):
        if m.start() < at:
            start = m.end()
        else:
            end = m.start()
            break
    if (start, end) == (sent.char_start, sent.char_end):
        return sent
    return Sentence(sent.index, start, end, text[start:end], sent.paragraph)
