"""When a claim happened: which dates of an article date an incident, and which one governs a claim.

A date can be the report's (the dateline, "police said on Sunday", "by Monday evening the toll
was 23", "On Friday, officials said three had been killed": ``events_stated``), a comparison base ("up from 900 in 2023"), a ranking's period ("the fifth driver killed
this year") or a toll update's ("climbed to 33 on Wednesday") rather than the incident's; a funeral
sentence's earliest date, the day before "the eve of Saturday's vote" and the first day of "the
night of 3-4 May" are the incident's (``events_period`` reads one mention into a period).

An undated claim looks back in its paragraph, then to the story's lead (or, when the lead tells no
attack, to an earlier attack's day told after it), then to the nearest earlier day-dated sentence,
passing over a funeral's day and a quote's attribution ("reached by phone on Tuesday"); a weekend or week is narrowed to the day a neighbouring sentence ties to the deed ("the
attacks in Bankass on Saturday night"); a date naming the incident ("the 12 April stampede, which
killed 18, ...") governs its relative clause; a date inside an "after ..." clause is the earlier
incident's.

Follow-up stories (``events_when_lead``): a lead telling a step taken about the attack (a court's
charge, an arrest, an inquiry, a protest, a vow) or no attack at all dates later undated claims by
the deed's earlier day or month told in the story; so is a claim inside such a step's object ("The UN
on Thursday condemned an attack that killed 12"), one told in passing by the victims' kin ("Relatives
of 14 miners killed in an attack demanded compensation on Wednesday") or in a reduced relative clause
("prayed on Wednesday for the 40 worshippers killed in a church attack"). A toll update naming the
incident by its day ("Funerals on Tuesday for victims of Saturday's bombing, as the toll rose to 19",
"destroyed in an air strike on Tuesday, bringing the toll to 33") takes that day, and a day right
before the update's verb ("Authorities on Wednesday revised the toll") is the update's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from etl.records import DateMention, Sentence
from etl.stages.extract.events_after import (
    AFTERMATH,
    LATER_DEATH,
    LOOK_BACK_SENTENCES,
    NEAR_SENTENCES,
    THE_INCIDENT_ON,
    incident_before,
    incident_day_before,
    narrowed,
)
from etl.stages.extract.events_eve import eve_before
from etl.stages.extract.events_gates import gate_pieces, may_hold, searched_alternatives
from etl.stages.extract.events_index import same_paragraph_after, same_paragraph_before
from etl.stages.extract.events_period import Period, night_start, period_of, same_weekday
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.events_stated import POSSESSIVE, told_before
from etl.stages.extract.events_weekday import RESPONSIBILITY, week_earlier
from etl.stages.extract.events_when_lead import (
    counted_after_day,
    counted_back,
    deed_day_after,
    deed_day_before,
    deed_near,
    earlier_deed,
    own_deed_day,
    stated_day,
    step_dates,
)

if TYPE_CHECKING:
    from etl.stages.extract.events_lookups import ClaimContext

# A date introduced this way is the comparison base, not the claim's own period.
_BASE_CUE = searcher(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against|over)\s+(?:the\s+)?"
    r"(?:(?:\d[\d,.]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|eleven|twelve|[a-z]+teen)\s+(?:[a-z]+\s+){0,2})?"  # "up from 1,739 in 2023", "from twenty-two a day earlier"
    r"(?:same\s+(?:period|time|month|quarter)\s+(?:in|of|last)\s+|(?:previous|prior)\s+\w+\s+|in\s+)?$",
    re.I,
)
_BASE_WINDOW = 60
# "6 were killed and more than 10 injured on Tuesday": a qualified toll's own day, not a comparison's.
_QUALIFIED_TOLL = searcher(
    r"\b(?:more|fewer|less)\s+than\s+[\d,.]+(?:\s+[a-z]+)?\s+(?:(?:were|was|had\s+been|have\s+been|reportedly|also)\s+)*"
    r"(?:killed|injured|wounded|hurt|dead|died|abducted|kidnapped|arrested)\s+$",
    re.I,
)
# "the Christmas Day bombing", "the 12 April attack": a date used as the incident's name.
_NAMES_INCIDENT = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|stampede|strike|clash)(?:s|es)?\b", re.I
)
_INCIDENT_ON = searcher(
    r"\b(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|strike|clash(?:es)?)s?\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.I
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z])|\n")  # a base cue never reaches back over one
_SPAN_END = re.compile(r"\s*(?:(?:night|evening|morning|afternoon)\s+)?(?:until|till|to|into|through)\s+(?:(?:early|late)\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.I)
_OVER = re.compile(r"over\s+(?:the\s+)?", re.I)  # "over the weekend": when, unless a base ("over 2023")
# "the fifth taxi driver killed in the city this year", "the 110th activist killed this year", "the
# deadliest attack this month": the period of a ranking among other incidents, not this one's date.
_RANKED = searcher(
    r"\bthe\s+(?:\d+(?:st|nd|rd|th)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|twentieth|latest|deadliest|worst|bloodiest|biggest|largest)(?:\s+such)?)\b[^.;\d]{0,60}$",
    re.I,
)
# Searches for words every later-death (aftermath) wording holds, derived from the pattern: most claim
# sentences hold none, and the pattern, tried at every "s", "d", "m", "b"... of a sentence, is not searched there.
_LATER_DEATH_GATES = gate_pieces(searched_alternatives(LATER_DEATH.pattern), LATER_DEATH.flags)
_AFTERMATH_GATES = gate_pieces(searched_alternatives(AFTERMATH.pattern), AFTERMATH.flags)
# "the toll climbed to 33 on Wednesday", "reached 31 on Sunday": the day of a count, not of the incident.
_TOLL_UPDATE = searcher(
    r"\b(?:rose|risen|climbed|reached|jumped|increased|went\s+up|stood)\s+(?:to\s+|at\s+)?(?:at\s+least\s+)?"
    r"[\w.,-]+(?:\s+(?:people|dead|deaths|victims))?\s*,?\s*$",
    re.I,
)
# "The latest attack came last week", "the newest raid happened this month": the ranked incident's own date.
_RANKED_CAME = searcher(r"\b(?:came|happened|occurred|took\s+place|struck)\s+(?:in\s+|on\s+|during\s+)?$", re.I)
_SINCE_RANKED = searcher(
    r"\b(?:worst|deadliest|bloodiest|biggest|largest|heaviest|first|most\s+\w+)\s+(?:[\w'’-]+\s+){0,4}?since\s+(?!the\s+start\b|the\s+beginning\b)[^.;]{0,80}$",
    re.I,
)
# "On Tuesday, the toll rose to 63": a day opening a toll update's sentence is the update's.
_OPENING, _COMMA = re.compile(r"\W*"), re.compile(r"\s*,")
# "Authorities on Wednesday revised the toll to 15": a day right before the verb of an update is the update's.
_UPDATED = re.compile(r"\s+(?:revised|raised|updated|lowered|increased|put)\s+the\s+(?:death\s+)?(?:toll|tally|number)\b", re.I)
# "the following day", "two days later": what happened after the incident, in a sentence of its own.
_FOLLOW_UP = re.compile(r"(?:the\s+)?(?:following|next)\s+(?:day|morning|evening|night)|(?:a|one|two|three|several|a\s+few|\d+)\s+days?\s+later", re.I)
# "That year, a suicide attack killed 40": the period of the sentence before, named again.
_THAT_TIME = searcher(r"\b(?:that|the\s+same)\s+(?:year|month|week|day|time|decade)\b|\bat\s+the\s+time\b|\bthen\b", re.I)
_TOTAL_GRANULARITIES = frozenset({"year", "decade", "half", "quarter"})
_RANKED_GRANULARITIES = frozenset({"year", "month", "week", "half", "quarter", "season", "decade"})
# "the 12 April stampede, which killed 18", "Sunday's attack, in which four died": a date naming the
# incident whose relative clause holds the claim (not "... opened on Monday" after it).
_ATTRIBUTIVE = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|stampede|fire|crash|collapse|"
    r"landslide|clash(?:es)?)s?\b[^.;]{0,40}?,?\s*(?:which|that|in\s+which|when)\b[^.;]*$",
    re.I,
)
# A coded note's date label ("Date: 5 May 2024.", "Event date:") dates every figure of its paragraph.
_HEAD_LABEL = re.compile(r"\s*:")
_DATE_LABEL = searcher(r"\b(?:date|event\s+date|incident\s+date|date\s+of\s+(?:the\s+)?(?:incident|event|attack))\s*:\s*(?:the\s+)?(?:night\s+of\s+)?$", re.I)
# "was shot dead overnight", "in an overnight raid": with no date in the text, the night before the report.
_OVERNIGHT = searcher(r"\bovernight\b", re.I)
# A coordinated main clause ("..., and the UN says 12,900 have been killed since 2022"): a date on
# the other side of it governs the other clause's claim only when the claim's own clause has none.
_CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|but|while|whereas)\s+(?!(?:on|in|at|by|last|this)\b)|,\s+(?:bringing|raising|taking|pushing|lifting|putting)\b", re.I
)
# "killed since the invasion began in February 2022", "since the coup of 2021": a period that opens on
# that date and runs up to the report (the dates stage reads "since January" itself).
_SINCE_EVENT = searcher(
    r"\bsince\s+(?:the\s+|its\s+|their\s+|an?\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:began|begun|started|erupted|broke\s+out|was\s+launched|"
    r"escalated|resumed|took\s+power|seized\s+power)\s+)?(?:in\s+|on\s+|of\s+)?$",
    re.I,
)
# "The insurgency, which began in 2009, has killed 40,000": a perfect-tense toll of something that
# began on a date runs from it up to the report too.
_BEGAN_IN = searcher(r"\b(?:which|that)\s+(?:began|started|erupted|broke\s+out)\s+(?:(?:in|on)\s+)?$", re.I)
_PERFECT_AFTER = re.compile(r"\s*,?\s+(?:has|have)\s+(?:now\s+|so\s+far\s+|since\s+)?(?:killed|left|claimed|displaced|forced|uprooted)\b", re.I)
_SINCE_WINDOW = 70
# "so far this year", "this year so far", "thus far in 2024": a running period counted up to the report
# (the dates stage keeps "this year" whole, as annotators mark the expression).
_SO_FAR_BEFORE = searcher(r"\b(?:so|thus)\s+far\s+(?:in\s+)?$", re.I)
_SO_FAR_AFTER = re.compile(r"\s+(?:so|thus)\s+far\b", re.I)
# "Protesters burned the station on 2 May after an attack killed 6 the day before; one protester was
# shot dead": a date inside an "after ..." clause is the earlier incident's, not the other clause's.
_AFTER_CLAUSE = searcher(r"\b(?:after|following)\s+[^.;,]{0,80}$", re.I)
# A headline: the first paragraph is one line this short, not ending like a sentence.
_HEADLINE_CHARS = 160
_SENTENCE_END = frozenset('.!?"”')
# A figure and the noun it counts ("four fishermen", "two police"), as a headline and its story both write it.
_FIGURE_NOUN = re.compile(r"[\w.,-]+\s+[a-z]{4,}", re.I)


def is_base(text: str, d: DateMention) -> bool:
    """"up from 900 in 2023", "compared with the same period last year": the comparison's period."""
    if POSSESSIVE.match(text, d.char_end) or _NAMES_INCIDENT.match(text, d.char_end):  # "the toll from Saturday's bombing",
        return False  # "from Sunday night's attack", "the toll from the Christmas Day bombing"
    window = text[max(0, d.char_start - _BASE_WINDOW) : d.char_start]
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(window)]
    cue = _BASE_CUE.search(window[ends[-1] :] if ends else window)  # not "more than 500.\n\nLate on Saturday"
    if cue is not None and d.granularity in ("day", "range", "week") and _OVER.fullmatch(cue.group()):
        return False  # "raided a camp over the weekend", "over the past week": when, not a base
    if cue is not None and d.granularity == "day" and _SPAN_END.match(text, d.char_end):
        return False  # "held the village from Tuesday evening until Wednesday": a span's start
    if cue is not None and cue.group().lower().startswith("than") and _QUALIFIED_TOLL.search(window) is not None:
        return False
    return cue is not None


def _names_incident(text: str, d: DateMention) -> bool:
    """"Saturday's bombing", "the 12 April attack", "an air strike on Tuesday": a date naming the incident."""
    owner = POSSESSIVE.match(text, d.char_end)
    if _NAMES_INCIDENT.match(text, owner.end() if owner else d.char_end) is not None:
        return True
    return d.granularity == "day" and _INCIDENT_ON.search(text, max(0, d.char_start - 40), d.char_start) is not None  # (not "the third attack this year")


def _ranked(text: str, d: DateMention) -> bool:
    """"the fifth driver killed this year": a period that ranks the incident among others; "the
    worst since an attack at a market left 45 dead in 2019": the date of the incident compared with."""
    start = max(0, d.char_start - 90)
    if text.find("since", start, d.char_start) >= 0 and _SINCE_RANKED.search(text, start, d.char_start) is not None:
        return True
    if d.granularity not in _RANKED_GRANULARITIES or _RANKED.search(text, max(0, d.char_start - 80), d.char_start) is None:
        return False
    return _RANKED_CAME.search(text, max(0, d.char_start - 24), d.char_start) is None


def may_date(text: str, d: DateMention, published: dt.date | None) -> bool:
    """Whether ``d`` may date an incident: not a base, not after publication, not a ranking's period."""
    return not is_base(text, d) and (published is None or d.start_date <= published) and not _ranked(text, d)


def claim_period(c: ClaimContext, at: int, sent: Sentence, *, update: bool = False, clause: Sentence | None = None) -> Period:
    """:func:`_claim_period`, a bare weekday of the report's own day moved a week back when the story
    tells steps after the deed before it (``events_weekday``), a borrowed day of an occasion moved to
    its eve when the claim is set on the eve of it (``events_eve``)."""
    return week_earlier(c, eve_before(c, sent, _claim_period(c, at, sent, update=update, clause=clause)))


def _claim_period(c: ClaimContext, at: int, sent: Sentence, *, update: bool = False, clause: Sentence | None = None) -> Period:
    """The date governing the claim's sentence, else its paragraph's (before, then after), else the
    lead's, else the publication date. A running total ("the toll rose to 11 on Sunday") takes the
    earliest date before it, which dates the incident rather than the update. A period's tally
    clause (``clause``: "..., bringing the number killed this year to 340") is dated by its own dates."""
    pos = c.index.position.get(sent.index)
    if pos is None:
        return c.fallback()
    own = c.usable.get(pos, [])
    if clause is not None and any(clause.char_start <= d.char_start < clause.char_end for d in own):
        own = [d for d in own if clause.char_start <= d.char_start < clause.char_end]
    said = [d for d in own if told_before(c.text, d, at, sent.char_end, own)] if len(own) > 1 or " that " in sent.text or " had " in sent.text else []
    own = [d for d in own if d not in said] if said else own
    if own:
        own = step_dates(c, pos, own, at, sent) or own  # "The UN on Thursday condemned an attack that killed 12. ... attacked on Tuesday"
        return counted_back(c, sent, narrowed(c, pos, _since(c, _own_period(c, pos, own, at, sent, update=update)), own))
    near = _paragraph_date(c, pos, sent)
    if near is not None:
        return counted_after_day(c, period_of(near, night_text=c.text))
    lead = c.lead if sent.paragraph > c.index.sentences[0].paragraph else None
    if lead is None or lead.granularity != "day":  # a feature's opening ("memories of 2014") is background
        day = _day_before(c, pos)
        lead = day or lead
    else:  # "The army completed its withdrawal on Monday. ... a bombing on Thursday", "A court on Tuesday charged three men over the killing"
        lead = earlier_deed(c, pos, lead) or lead
    if lead is not None:
        return period_of(lead, night_text=c.text)
    told = (_story_date(c, pos, at) if pos == 0 else None) or next(iter(said), None) or deed_day_after(c, pos)  # (the statement's day bounds it)
    if told is not None:
        return period_of(told, c.text)
    stated = stated_day(c, pos)  # "X said on Monday it had blown up a pipeline": told by then
    report = period_of(stated, c.text) if stated is not None else c.fallback()
    if report.start is not None and _OVERNIGHT.search(sent.text):  # "shot dead overnight": the night before the report
        night = report.start - dt.timedelta(days=1)
        return Period(night, night, "day", "text")
    return report


def _paragraph_date(c: ClaimContext, pos: int, sent: Sentence) -> DateMention | None:
    """The date an undated claim takes from its paragraph: the last of a sentence before it, the
    note's date label, or one of a sentence after it (unclaimed, or naming the incident's day)."""
    for p in same_paragraph_before(c.index, pos, LOOK_BACK_SENTENCES):
        found = c.usable.get(p)
        total = p in c.claimed and found and found[-1].granularity in _TOTAL_GRANULARITIES and c.lead is not None
        if found and p not in c.claimed and _FOLLOW_UP.match(found[-1].surface):
            continue  # "Security forces ended the siege the following day. In total, 11 were killed": the incident's day is before
        if found and not (total and not _THAT_TIME.search(sent.text)):  # (not "400 had been killed in 2022. A resident said 12 wounded ...")
            return night_start(c.text, _finest(found), found) if len(found) > 1 else found[-1]
    labelled = _labelled_date(c, sent.paragraph)
    if labelled is not None:
        return labelled
    for p in same_paragraph_after(c.index, pos, NEAR_SENTENCES):
        if RESPONSIBILITY.search(c.index.sentences[p].text):
            continue  # "JNIM claimed the attack on Thursday": the claim's day, told after the deed
        if p not in c.claimed and c.usable.get(p):
            return c.usable[p][0]
        named = [d for d in c.usable.get(p, []) if d.granularity == "day" and THE_INCIDENT_ON.search(c.text, max(0, d.char_start - 30), d.char_start)]
        if named:  # "... killed nine people, police said. The blast on Tuesday morning also wounded 14."
            return named[0]
    return None


def _finest(found: Sequence[DateMention]) -> DateMention:
    """The last date of a sentence, or a day of it that lies inside it ("on Thursday last week")."""
    last = found[-1]
    if last.granularity == "day":
        return last
    inside = [d for d in found if d.granularity == "day" and last.start_date <= d.start_date <= last.end_date]
    return inside[-1] if inside else last


def _day_before(c: ClaimContext, pos: int) -> DateMention | None:
    """The nearest day-dated sentence before ``pos`` in earlier paragraphs ("On Tuesday morning, a
    girl walked into the market ... [next paragraph] 21 people had been killed")."""
    for p in range(pos - 1, max(-1, pos - 1 - LOOK_BACK_SENTENCES), -1):
        days = [d for d in c.usable.get(p, []) if d.granularity == "day" or (d.granularity == "range" and (d.end_date - d.start_date).days == 1)]  # (and "the night of 5-6 May")
        if len(days) == 1 and AFTERMATH.search(c.index.sentences[p].text):
            continue  # "A funeral for the victims was held on Saturday": the funeral's day, not the incident's
        if days:  # "On 28 May soldiers were attacked, the ministry said in a statement read on Tuesday": the earliest
            return min(days, key=lambda d: d.start_date)
    return None


def _since(c: ClaimContext, period: Period) -> Period:
    """"since the invasion began in February 2022", "the insurgency, which began in 2009, has killed":
    from that date up to the report; "so far this year" (a year still running): up to the report."""
    d = period.mention
    end = c.reported or c.published
    if d is None or end is None or d.start_date > end:
        return period
    if d.end_date > end and (_SO_FAR_BEFORE.search(c.text, max(0, d.char_start - 12), d.char_start) or _SO_FAR_AFTER.match(c.text, d.char_end)):
        return Period(period.start, end, "range", "text", d)
    start = max(0, d.char_start - _SINCE_WINDOW)
    opens = (c.text.find("ince", start, d.char_start) >= 0 and _SINCE_EVENT.search(c.text, start, d.char_start)) or (
        _PERFECT_AFTER.match(c.text, d.char_end) and _BEGAN_IN.search(c.text, start, d.char_start))
    return Period(period.start, end, "range", "text", d) if opens else period


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
    lowered = sent.text.lower()
    if may_hold(_LATER_DEATH_GATES, sent.text, lowered) and LATER_DEATH.search(sent.text):  # the later death's day is not the incident's
        first = min(own, key=lambda d: d.start_date)
        return period_of(incident_day_before(c, pos, first) or incident_before(c, pos, first), c.text)
    before = [d for d in own if d.char_start < at]
    if update and before:  # "the toll from Saturday's attack rose to 11"; "On Tuesday, the toll rose to 63. The bomber struck on Saturday."
        named = next((d for d in before if _names_incident(c.text, d)), None)
        if named is not None:  # "Funerals were held on Tuesday for victims of Saturday's bombing, as the toll rose to 19"
            return period_of(named, c.text)
        opening = _OPENING.fullmatch(c.text, sent.char_start, before[0].char_start) and _COMMA.match(c.text, before[0].char_end)
        if not (opening or _UPDATED.match(c.text, before[0].char_end)):  # (nor "Officials on Thursday raised the toll to 27")
            return period_of(before[0])
        earlier = incident_before(c, pos, before[0])
        return period_of(deed_day_before(c, pos, before[0].start_date) or earlier if earlier is before[0] else earlier, c.text)
    counted = [d for d in own if _TOLL_UPDATE.search(c.text, max(0, d.char_start - 40), d.char_start) or _UPDATED.match(c.text, d.char_end)]
    if counted and len(counted) < len(own):  # "the toll from Sunday's attack climbed to 33 on Wednesday"
        own = [d for d in own if d not in counted]
    elif counted or (update and own[0].granularity == "day"):  # "the toll reached 31 on Sunday. The rebels struck on Thursday."
        earlier = incident_before(c, pos, own[0])
        if earlier is not own[0]:
            return period_of(earlier, c.text)
    if may_hold(_AFTERMATH_GATES, sent.text, lowered) and AFTERMATH.search(sent.text):  # the earliest date dates the incident, not the funeral
        earliest = min(own, key=lambda d: d.start_date)
        if len(own) > 1:
            return period_of(earliest, c.text)
        earlier = incident_before(c, pos, earliest)  # (or the deed's day told further off: "The funeral on Wednesday of 5 soldiers ... [para] attacked on Sunday")
        return period_of(deed_near(c, pos, earliest.start_date) or earlier if earlier is earliest else earlier, c.text)
    same_clause = [d for d in own if not _CLAUSE_BREAK.search(c.text, min(d.char_end, at), max(d.char_start, at))]
    if not same_clause and len(own) > 1:
        own = [d for d in own if not _AFTER_CLAUSE.search(c.text, max(sent.char_start, d.char_start - 90), d.char_start)] or own
    best = _attributive(c.text, own, at) or min(same_clause or own, key=lambda d: abs(d.char_start - at))
    days_before = [d for d in own if d.granularity == "day" and d.char_start < at]
    if best.granularity not in ("day", "week", "range", "month") and days_before and not _names_incident(c.text, best):  # "the bombing on Monday, which wounded 13, was the third this year"
        best = days_before[-1]
    if len(own) > 1:
        best = night_start(c.text, same_weekday(best, own), own)
    if own_deed_day(c, sent, best, at):  # "killed 6 on Thursday, three days after 14 were killed": Thursday
        return period_of(best, night_text=c.text)
    return period_of(best, c.text)


def _attributive(text: str, own: Sequence[DateMention], at: int) -> DateMention | None:
    """The date that names the incident ("the 12 April stampede, which killed 18") when the claim sits
    in its relative clause, with no other date in between."""
    before = [d for d in own if d.char_end <= at]
    if not before or len(before) == len(own):
        return None
    d = before[-1]
    return d if _ATTRIBUTIVE.match(text, d.char_end, at) else None


def _labelled_date(c: ClaimContext, paragraph: int) -> DateMention | None:
    """The date a coded note labels as the incident's ("Date: 5 May 2024."), in the given paragraph."""
    for p, found in c.usable.items():
        if c.index.sentences[p].paragraph != paragraph:
            continue
        for d in found:
            start = max(0, d.char_start - 40)
            if ":" in c.text[start : d.char_start] and _DATE_LABEL.search(c.text, start, d.char_start):
                return d
            if _HEAD_LABEL.match(c.text, d.char_end) and not c.text[c.text.rfind("\n", 0, d.char_start) + 1 : d.char_start].strip():
                return d  # "08/22/2021: Assailants stormed a hotel ...": an incident note's date
    return None
