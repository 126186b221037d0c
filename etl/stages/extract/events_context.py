"""The context of a claim: its date, scope, percent change, attribution, place and actor."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from etl.records import ChangeDirection, DateMention, Granularity, QuantityMention, Scope, Sentence
from etl.stages.extract.events_index import SentenceIndex, bucket, index_sentences, same_paragraph_after, same_paragraph_before
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.places import PlaceMention
from etl.stages.extract.places_evidence import elsewhere, labelled, stray_towns

# A date introduced this way is the comparison base, not the claim's own period.
_BASE_CUE = searcher(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against|over)\s+(?:the\s+)?"
    r"(?:\d[\d,.]*\s+(?:[a-z]+\s+){0,2})?"  # "up from 1,739 in 2023", "than 900 deaths in 2022"
    r"(?:same\s+(?:period|time|month|quarter)\s+(?:in|of|last)\s+|(?:previous|prior)\s+\w+\s+|in\s+)?$",
    re.I,
)
_BASE_WINDOW = 60
# "on Monday, a day after rebels raided the area": the incident was that many days before the date.
_DAYS_AFTER = re.compile(r"\s*,?\s*(?:the\s+day|(a|one|two|three|four|five|six|\d)\s+days?)\s+after\b", re.I)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# "on the eve of Saturday's election", "on the eve of Thursday's vote": the day before.
_EVE_OF = searcher(r"\bthe\s+eve\s+of\s+$", re.I)
# "the fifth taxi driver killed in the city this year", "the 110th activist killed this year", "the
# deadliest attack this month": the period of a ranking among other incidents, not this one's date.
_RANKED = searcher(
    r"\bthe\s+(?:\d+(?:st|nd|rd|th)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|twentieth|latest|deadliest|worst|bloodiest|biggest|largest)(?:\s+such)?)\b[^.;\d]{0,60}$",
    re.I,
)
# "the toll climbed to 33 on Wednesday", "reached 31 on Sunday": the day of a count, not of the incident.
_TOLL_UPDATE = searcher(
    r"\b(?:rose|risen|climbed|reached|jumped|increased|went\s+up|stood)\s+(?:to\s+|at\s+)?(?:at\s+least\s+)?"
    r"[\w.,-]+(?:\s+(?:people|dead|deaths|victims))?\s*,?\s*$",
    re.I,
)
_RANKED_GRANULARITIES = frozenset({"year", "month", "week", "half", "quarter", "season", "decade"})
# "KABUL, Aug 14 (Newswire) -": the dateline dates the report, not the incident.
_DATELINE = re.compile(
    r"^[^\n.]{0,70}?\([^)\n]{1,30}\)\s*[-—–]+\s*|^[A-Z][A-Z .'’-]+,[^\n]{0,50}?\s[-—–]+\s"
    r"|^[A-Z][\w .'’-]{1,30},\s+(?:[A-Z][\w .'’-]{1,30},\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s*(?:[-—–:]+)\s"
    r"|^[A-Z][\w .'’-]{1,30},\s+(?:[A-Z][\w .'’-]{1,30},\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?\s*(?:[-—–:]+)\s"
)
# Funerals, burials, trials and the like happen after the incident: in such a sentence the
# earliest date is the incident's ("buried on Sunday the 7 pilgrims killed on Friday").
_AFTERMATH = searcher(
    r"\b(?:funerals?|buried|burials?|bury|mourners?|mourned|last rites|laid to rest|vigils?|memorial|wreaths?|ceremon(?:y|ies)|"
    r"commemorat\w*|tributes?|paid\s+(?:their\s+|its\s+)?respects|verdict|sentenced|convicted|trial|compensation|condolences?)\b",
    re.I,
)
# "officials said the attack on Sunday ...": a date of the incident, even after a verb of saying.
_INCIDENT_NOUN = searcher(r"\b(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|killing|clash|strike|massacre|incident)s?\b", re.I)
# "police said on Sunday", "claimed the attack on Saturday": when it was said, not when it happened.
_STATEMENT = searcher(
    r"\b(?:said|says|announced|told|reported|added|confirmed|stated|claimed|statement|briefing|news conference|dated|issued|released)\b(?:\s+[\w'’-]+){0,3}?\s*$",
    re.I,
)
_STATEMENT_WINDOW = 45
# "The police command on Sunday confirmed the killing", "officials yesterday said": a date right
# before a verb of saying dates the statement.
_STATED_AFTER = re.compile(r"\s+(?:said|says|confirmed|announced|told|reported|stated|added|disclosed|revealed)\b", re.I)
# "By Monday evening the toll stood at 23", "as of Tuesday": when a figure was counted, not the incident.
_CUTOFF = searcher(r"\b(?:by|as\s+of|as\s+at|until|till)\s+(?:late\s+|early\s+)?$", re.I)
_POSSESSIVE = re.compile(r"(?:\s+(?:night|morning|evening|afternoon))?['’]s\b")
# "the night of 3-4 May", "overnight on 24-25 December": a night over two days is the first day's.
_NIGHT_BEFORE = searcher(r"\b(?:night|overnight)\b[^.;\d]{0,12}$", re.I)
_NIGHT_AFTER = re.compile(r"\s*(?:\d{4}\s*)?(?:,\s*)?(?:at\s+)?night\b", re.I)
# A coded note's date label ("Date: 5 May 2024.", "Event date:") dates every figure of its paragraph.
_DATE_LABEL = searcher(r"\b(?:date|event\s+date|incident\s+date|date\s+of\s+(?:the\s+)?(?:incident|event|attack))\s*:\s*(?:the\s+)?(?:night\s+of\s+)?$", re.I)
# How many following sentences of the paragraph may date a claim whose own sentence has no date,
# and how many earlier ones frame it (dates and places).
_LOOK_AHEAD_SENTENCES = 2
_LOOK_BACK_SENTENCES = 12
# A headline: the first paragraph is one line this short, not ending like a sentence.
_HEADLINE_CHARS = 160
_SENTENCE_END = frozenset('.!?"”')
# A figure and the noun it counts ("four fishermen", "two police"), as a headline and its story both write it.
_FIGURE_NOUN = re.compile(r"[\w.,-]+\s+[a-z]{4,}", re.I)
_PERIOD_GRANULARITIES = frozenset({"year", "decade", "half", "quarter"})
_LOOSE_GRANULARITIES = frozenset({"month", "range", "season", "week"})
# A loose period ("at the weekend", "last week") this short can still date one (multi-site) incident.
_INCIDENT_DAYS = 7
_PLURAL_INCIDENTS = searcher(r"\b(?:attacks|incidents|violence|clashes|operations|bombings|strikes|conflict|war)\b", re.I)
_UP = searcher(r"\b(?:increase[ds]?|rise|rose|risen|up|higher|jump(?:ed)?|surge[ds]?|more|grew|climb(?:ed)?|spike)\b", re.I)
_DOWN = searcher(r"\b(?:decrease[ds]?|decline[ds]?|drop(?:ped)?|fell|fallen|down|lower|fewer|less|reduc(?:ed|tion)|plunge[ds]?)\b", re.I)
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
    cue = _BASE_CUE.search(text[max(0, d.char_start - _BASE_WINDOW) : d.char_start])
    if cue is not None and d.granularity in ("day", "range", "week") and re.fullmatch(r"over\s+(?:the\s+)?", cue.group(), re.I):
        return False  # "raided a camp over the weekend", "over the past week": when, not a base
    return cue is not None


def _ranked(text: str, d: DateMention) -> bool:
    """"the fifth driver killed this year": a period that ranks the incident among others."""
    return d.granularity in _RANKED_GRANULARITIES and _RANKED.search(text, max(0, d.char_start - 80), d.char_start) is not None


def _usable(text: str, d: DateMention, published: dt.date | None) -> bool:
    return not _is_base(text, d) and (published is None or d.start_date <= published) and not _ranked(text, d)


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What every claim of an article looks up, bucketed by sentence position once."""

    text: str
    index: SentenceIndex
    usable: dict[int, list[DateMention]]  # dates that may date an incident (see :func:`claim_context`)
    dates: dict[int, list[DateMention]]  # every date, for base periods
    percents: dict[int, list[QuantityMention]]
    places: dict[int, list[PlaceMention]]
    lead: DateMention | None  # the first incident-like date of the first paragraph
    main: PlaceMention | None  # the article's main place (its dominant country)
    published: dt.date | None
    claimed: frozenset[int]  # positions of sentences with claims of their own: they date those
    dateline_end: int = -1  # "NAIROBI, March 4 (AFP) -": a bureau's city, weak evidence of the place
    away: frozenset[int] = frozenset()  # starts of places named as somewhere else (places.elsewhere), once per article
    stray: frozenset[int] = frozenset()  # starts of likely homonyms (places.stray_towns): no place of their own
    labelled: frozenset[int] = frozenset()  # starts of places in a coded note's place field (places.labelled)
    reported: dt.date | None = None  # the dateline's day ("KISUMU, Thursday -"), else the publication date

    def fallback(self) -> Period:
        """The day the report was written: an undated claim is dated by it."""
        day = self.reported or self.published
        return Period(day, day, "day" if day else None, "published")


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
) -> ClaimContext:
    """Drop dates that do not date an incident (the dateline, "said on Sunday", "from 2023", the
    future) and bucket dates, percentages and places by sentence."""
    index = index_sentences(sentences)
    end = dateline_end(text)
    usable = [d for d in dates if _usable(text, d, published) and d.char_end > end and not _stated_on(text, d)]
    by_sentence = bucket(index, usable, lambda d: d.char_start)
    first_paragraph = index.sentences[0].paragraph if index.sentences else 0
    lead = next((d for p in sorted(by_sentence) if index.sentences[p].paragraph == first_paragraph for d in by_sentence[p]), None)
    percents = [q for q in quantities if q.kind == "percent" and q.value is not None]
    return ClaimContext(
        text, index, by_sentence, bucket(index, dates, lambda d: d.char_start), bucket(index, percents, lambda q: q.char_start),
        bucket(index, places, lambda p: p.char_start), lead, main, published,
        frozenset(index.position[i] for i in claimed if i in index.position), end,
        frozenset(p.char_start for p in places if elsewhere(p, text)) if away is None else away,
        stray_towns(places, main.place.country_code if main else None),
        frozenset(p.char_start for p in places if labelled(p, text)),
        _dateline_day(dates, end, published),
    )


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


def _stated_on(text: str, d: DateMention) -> bool:
    """"police said on Sunday", "police on Sunday confirmed": when it was said (not "said the
    attack on Sunday ..."); "by Monday evening": when a figure was counted."""
    if _STATED_AFTER.match(text, d.char_end):
        return True
    if d.granularity == "day" and _CUTOFF.search(text, max(0, d.char_start - 12), d.char_start) and not _POSSESSIVE.match(text, d.char_end):
        return True  # "By Monday evening the toll was 23" (not "killed by Sunday's bomb"; "by the end of 2020" bounds a total)
    m = _STATEMENT.search(text[max(0, d.char_start - _STATEMENT_WINDOW) : d.char_start])
    if m is not None and _POSSESSIVE.match(text, d.char_end) and _INCIDENT_NOUN.search(text, d.char_end, d.char_end + 30):
        return False  # "confirmed dead after Sunday's suicide attack": the attack's day
    return m is not None and _INCIDENT_NOUN.search(m.group()) is None


def _overnight(d: DateMention, text: str) -> bool:
    if d.granularity != "range" or (d.end_date - d.start_date).days != 1:
        return False
    return _NIGHT_BEFORE.search(text, max(0, d.char_start - 20), d.char_start) is not None or _NIGHT_AFTER.match(text, d.char_end) is not None


def _period(d: DateMention, text: str = "", *, night_text: str = "") -> Period:
    if _overnight(d, text or night_text):  # "the night of 3-4 May": 3 May
        return Period(d.start_date, d.start_date, "day", "text", d)
    if d.granularity == "day" and _EVE_OF.search(text or night_text, max(0, d.char_start - 16), d.char_start):
        day = d.start_date - dt.timedelta(days=1)  # "on the eve of Saturday's election": Friday
        return Period(day, day, "day", "text", d)
    shift = _DAYS_AFTER.match(text, d.char_end) if text and d.granularity == "day" else None
    if shift is not None:  # "found on Monday, a day after rebels raided the area": the raid was Sunday
        word = (shift.group(1) or "a").lower()
        days = int(word) if word.isdigit() else _SMALL.get(word, 1)
        day = d.start_date - dt.timedelta(days=days)
        return Period(day, day, "day", "text", d)
    return Period(d.start_date, d.end_date, d.granularity, "text", d)


def claim_period(c: ClaimContext, at: int, sent: Sentence, *, update: bool = False) -> Period:
    """The date governing the claim's sentence, else its paragraph's (before, then after), else the
    lead's, else the publication date. A running total ("the toll rose to 11 on Sunday") takes the
    earliest date before it, which dates the incident rather than the update."""
    pos = c.index.position.get(sent.index)
    if pos is None:
        return c.fallback()
    own = c.usable.get(pos, [])
    if own:
        return _own_period(c, pos, own, at, sent, update=update)
    for p in same_paragraph_before(c.index, pos, _LOOK_BACK_SENTENCES):
        if c.usable.get(p):
            return _period(c.usable[p][-1], night_text=c.text)
    labelled = _labelled_date(c, sent.paragraph)
    if labelled is not None:
        return _period(labelled, night_text=c.text)
    for p in same_paragraph_after(c.index, pos, _LOOK_AHEAD_SENTENCES):
        if p not in c.claimed and c.usable.get(p):
            return _period(c.usable[p][0], night_text=c.text)
    if c.lead is not None and sent.paragraph > c.index.sentences[0].paragraph:
        return _period(c.lead, night_text=c.text)
    told = _story_date(c, pos, at) if pos == 0 else None
    return _period(told, c.text) if told is not None else c.fallback()


def _story_date(c: ClaimContext, pos: int, at: int) -> DateMention | None:
    """A headline's claim ("Gunmen kill 6 in village raid") is dated by the story below it: the
    sentence repeating its figure and noun ("killed four fishermen ... on Saturday"), else the first
    day the story names."""
    sents = c.index.sentences
    head = sents[pos]
    if len(sents) < 2 or sents[1].paragraph == head.paragraph or len(head.text) > _HEADLINE_CHARS or head.text.rstrip()[-1:] in _SENTENCE_END:
        return None
    phrase = _FIGURE_NOUN.match(c.text, at)
    found = c.text.lower().find(phrase.group().lower(), head.char_end) if phrase else -1
    body = sorted(p for p in c.usable if p > pos)
    if found >= 0:
        for p in body:
            near = [d for d in c.usable[p] if sents[p].char_start <= found < sents[p].char_end]
            if near:
                return min(near, key=lambda d: (d.granularity != "day", abs(d.char_start - found)))
    days = [d for p in body for d in c.usable[p] if d.granularity == "day"]
    return days[0] if days else None


def _own_period(c: ClaimContext, pos: int, own: list[DateMention], at: int, sent: Sentence, *, update: bool) -> Period:
    """The claim's date among those of its own sentence."""
    before = [d for d in own if d.char_start < at]
    if update and before:
        return _period(before[0])
    counted = [d for d in own if _TOLL_UPDATE.search(c.text, max(0, d.char_start - 40), d.char_start)]
    if counted and len(counted) < len(own):  # "the toll from Sunday's attack climbed to 33 on Wednesday"
        own = [d for d in own if d not in counted]
    elif counted or (update and own[0].granularity == "day"):  # "the toll reached 31 on Sunday. The rebels struck on Thursday."
        earlier = _incident_before(c, pos, own[0])
        if earlier is not own[0]:
            return _period(earlier, c.text)
    if _AFTERMATH.search(sent.text):  # the earliest date dates the incident, not the funeral
        earliest = min(own, key=lambda d: d.start_date)
        return _period(_incident_before(c, pos, earliest) if len(own) == 1 else earliest, c.text)
    best = min(own, key=lambda d: abs(d.char_start - at))
    days_before = [d for d in own if d.granularity == "day" and d.char_start < at]
    if best.granularity != "day" and days_before:  # "the bombing on Monday, which wounded 13, was the third this year"
        best = days_before[-1]
    return _period(best, c.text)


def _incident_before(c: ClaimContext, pos: int, aftermath: DateMention) -> DateMention:
    """"Mourners on Tuesday buried 7 people. The blast hit a market on Sunday.": an earlier day
    nearby in the paragraph dates the incident the funeral (or trial, vigil) follows."""
    near = [*same_paragraph_before(c.index, pos, _LOOK_AHEAD_SENTENCES), *same_paragraph_after(c.index, pos, _LOOK_AHEAD_SENTENCES)]
    for p in near:
        earlier = [d for d in c.usable.get(p, []) if d.granularity == "day" and d.start_date < aftermath.start_date]
        if earlier:
            return earlier[0]
    return aftermath


def _labelled_date(c: ClaimContext, paragraph: int) -> DateMention | None:
    """The date a coded note labels as the incident's ("Date: 5 May 2024."), in the given paragraph."""
    for p, found in c.usable.items():
        if c.index.sentences[p].paragraph != paragraph:
            continue
        for d in found:
            start = max(0, d.char_start - 40)
            if ":" in c.text[start : d.char_start] and _DATE_LABEL.search(c.text, start, d.char_start):
                return d
    return None


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
    long_span = period.start is not None and period.end is not None and (period.end - period.start).days > _INCIDENT_DAYS
    if period.source == "text" and period.granularity in _LOOSE_GRANULARITIES and long_span and _PLURAL_INCIDENTS.search(sentence_text):
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


def claim_change(c: ClaimContext, sent: Sentence, own: Period) -> Change | None:
    """A percent change stated in the claim's sentence, or in an anaphoric next sentence."""
    pos = c.index.position.get(sent.index)
    if pos is None:
        return None
    spans = [pos]
    if pos + 1 < len(c.index.sentences) and _ANAPHOR.match(c.index.sentences[pos + 1].text):
        spans.append(pos + 1)
    for p in spans:
        lo, hi = c.index.sentences[p].char_start, c.index.sentences[p].char_end
        for q in c.percents.get(p, []):
            direction = _direction(q, c.text[max(lo, q.char_start - 30) : min(hi, q.char_end + 30)])
            if direction is None or q.value is None:
                continue
            base = [d for d in c.dates.get(p, []) if d is not own.mention and (_is_base(c.text, d) or d.char_start > q.char_start)]
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
    if own:
        return min(
            own, key=lambda p: (p.char_end <= c.dateline_end, p.char_start in c.away, p.place.country_code != main, _rank(p), abs(p.char_start - at))
        ), True
    field = [m for p, found in c.places.items() if c.index.sentences[p].paragraph == sent.paragraph for m in found if m.char_start in c.labelled] if c.labelled else []
    if field:  # "Location: Elwak (Mandera county), Kenya." in a coded note
        return min(field, key=lambda m: (m.place.country_code != main, _rank(m), m.char_start)), False
    return _earlier_place(c, pos, main), False


def _earlier_place(c: ClaimContext, pos: int, main: str | None) -> PlaceMention | None:
    """The nearest earlier place of the paragraph, unless one further back is in the main country
    (not named as somewhere else): "Ambush in Tillaberi (Niger). A convoy coming from Mali. Killed: 20."."""
    nearest: PlaceMention | None = None
    for p in same_paragraph_before(c.index, pos, _LOOK_BACK_SENTENCES):
        if not c.places.get(p):
            continue
        best = min(c.places[p], key=lambda m: (m.char_start in c.away, m.place.country_code != main, _rank(m), -m.char_start))
        if best.place.country_code == main and best.char_start not in c.away:
            return best
        nearest = nearest or best
    return nearest or c.main
