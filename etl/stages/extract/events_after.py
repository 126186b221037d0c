"""What follows an incident (funerals, trials, later deaths, found bodies) and the incident's day
that such a sentence, or a toll update, points back to; the cue words ``events_when`` shares."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from etl.records import DateMention
from etl.stages.extract.events_index import same_paragraph_after, same_paragraph_before
from etl.stages.extract.events_period import Period, period_of
from etl.stages.extract.events_regex import searcher

if TYPE_CHECKING:
    from etl.stages.extract.events_lookups import ClaimContext

# How many following sentences of the paragraph may date a claim whose own sentence has no date,
# and how many earlier ones frame it (dates and places).
NEAR_SENTENCES = 2
LOOK_BACK_SENTENCES = 12
# "The blast on Tuesday", "the attack late on Sunday": a later sentence naming the incident's day.
THE_INCIDENT_ON = searcher(
    r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|incident|strike|clash(?:es)?)"
    r"\s+(?:(?:took\s+place|happened|occurred)\s+)?(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
# Funerals, burials, trials and the like happen after the incident: in such a sentence the
# earliest date is the incident's ("buried on Sunday the 7 pilgrims killed on Friday").
AFTERMATH = searcher(
    r"\b(?:funerals?|buried|burials?|bury|burying|mourners?|mourned|last rites|laid to rest|vigils?|memorial|wreaths?|ceremon(?:y|ies)|"
    r"commemorat\w*|tributes?|paid\s+(?:their\s+|its\s+)?respects|verdict|sentenced|convicted|trial|compensation|condolences?)\b",
    re.I,
)
# A later death ("succumbed on Sunday to injuries sustained in the attack on 2 April", "two more died in
# hospital on Sunday, bringing to seven the number killed in Wednesday's bombing") follows the incident:
# the earliest date of such a sentence is the incident's; so is a finding of bodies ("the bodies of 5
# men were found on Monday; they had been abducted on Saturday"), dated by the find only when the text
# gives no earlier day of the deed.
LATER_DEATH = searcher(
    r"\b(?:succumb\w*|died\s+(?:later|in\s+hospital|of\s+(?:\w+\s+)?(?:injuries|wounds))|injuries\s+(?:sustained|received|suffered)|"
    r"more\s+(?:[a-z]+\s+)?died|bodies\s+(?:of\s+[\w\s]{0,30}?)?(?:were\s+|was\s+|had\s+been\s+)?(?:recovered|retrieved|pulled|found|discovered)|"
    r"(?:found|discovered|recovered|retrieved)\s+(?:the\s+)?(?:[\w,-]+\s+){0,2}?bodies)\b",  # ("recovered seven bodies", "found 12 more bodies")
    re.I,
)
# A loose period ("over the weekend", "last week") this short may be narrowed to a day of it that a
# neighbouring sentence gives the incident ("the attacks in Bankass on Saturday night killed 132").
LOOSE_DAYS = 7
# "the attacks in the Bankass area on", "the raid on Yelwata village on": the incident named before its day.
# "the fighters struck on Wednesday", "gunmen stormed the camp on": the deed done on that day.
_THE_INCIDENT_NEAR = searcher(
    r"(?:\bthe\s+(?:[\w-]+\s+)?(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|incident|strike|clash)(?:s|es)?|"
    r"\b(?:struck|attacked|stormed|raided|ambushed|opened\s+fire|exploded|went\s+off|detonated))\b[^.;,]{0,40}$", re.I
)
# How many sentences away a sentence naming the incident's day ("The blast happened on 6 May") may
# narrow a month-long period ("earlier this month") of a claim (set on our own golden cases).
_NAMED_REACH = 4
_MONTH_DAYS = 31  # the longest period so narrowed
# How many days before a later death (or a body's recovery) the incident day of an earlier sentence may lie.
_LATER_DEATH_DAYS = 7
# "..., the army said in a statement read on Monday": a day of the claim's sentence told after a verb of saying.
_SAID = re.compile(r"\b(?:said|says|told|statement|reported|announced|confirmed|claimed)\b", re.I)
_OPENED_FIRE = searcher(r"\b(?:opened\s+fire|gunm[ae]n|assailants|militants|insurgents)\b", re.I)
# "officials said the attack on Sunday ...": a date of the incident, even after a verb of saying.
INCIDENT_NOUN = searcher(r"\b(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|killing|clash|strike|massacre|incident)s?\b", re.I)
DEED = searcher(r"\b(?:kill|attack|struck|strike|explo|ambush|raid|storm|abduct|kidnap|fired|shot|shell|bomb|lynch|stab|hack|behead|beat(?:en)?\s+to\s+death|murder|assassinat|massacr|torch|set\s+ablaze|set(?:ting)?\s+fire\s+to|open(?:ed)?\s+fire)", re.I)


def incident_before(c: ClaimContext, pos: int, aftermath: DateMention) -> DateMention:
    """"Mourners on Tuesday buried 7 people. The blast hit a market on Sunday.": an earlier day
    nearby in the paragraph dates the incident the funeral (or trial, vigil) follows."""
    near = [*same_paragraph_before(c.index, pos, NEAR_SENTENCES), *same_paragraph_after(c.index, pos, NEAR_SENTENCES)]
    earlier = [d for p in near for d in c.usable.get(p, []) if d.granularity == "day" and d.start_date < aftermath.start_date]
    named = [d for d in earlier if THE_INCIDENT_ON.search(c.text, max(0, d.char_start - 40), d.char_start)]
    if named:  # "Initial reports on Saturday put it at nine. The attack happened on Friday.": the incident's day
        return min(named, key=lambda d: d.start_date)
    return earlier[0] if earlier else aftermath


def incident_day_before(c: ClaimContext, pos: int, later: DateMention) -> DateMention | None:
    """"Late on Saturday a car bomb exploded. ... On Monday one more patient died": the nearest earlier
    sentence that tells of the attack on a day shortly before the later death dates it."""
    for p in range(pos - 1, max(-1, pos - 1 - LOOK_BACK_SENTENCES), -1):
        sent = c.index.sentences[p]
        days = [d for d in c.usable.get(p, []) if d.granularity == "day" and 0 < (later.start_date - d.start_date).days <= _LATER_DEATH_DAYS]
        if days and (DEED.search(sent.text) or INCIDENT_NOUN.search(sent.text) or _OPENED_FIRE.search(sent.text)):
            return days[0]
    return None


def day_inside(c: ClaimContext, pos: int, start: dt.date, end: dt.date) -> DateMention | None:
    """"Militants killed 132 over the weekend. ... the attacks in Bankass on Saturday night killed 132":
    the day of the loose period that a neighbouring sentence of the paragraph tells the incident on."""
    for p in (*same_paragraph_after(c.index, pos, NEAR_SENTENCES), *same_paragraph_before(c.index, pos, NEAR_SENTENCES)):
        days = [d for d in c.usable.get(p, []) if d.granularity == "day" and start <= d.start_date <= end]
        if len(days) == 1 and _THE_INCIDENT_NEAR.search(c.text, max(0, days[0].char_start - 80), days[0].char_start):
            return days[0]  # (not "On Thursday, the army said it had killed 40 rebels in a counter-attack")
    return None


def incident_day_named(c: ClaimContext, pos: int, start: dt.date, end: dt.date) -> DateMention | None:
    """"a bombing earlier this month that killed three. ... The explosion happened on December 6": the
    one day of a month-long period that a nearby sentence, in any paragraph, names as the incident's."""
    near = [p for p in range(pos - _NAMED_REACH, pos + _NAMED_REACH + 1) if p != pos]
    days = {(d.start_date, d.char_start): d for p in near for d in c.usable.get(p, [])
            if d.granularity == "day" and start <= d.start_date <= end and THE_INCIDENT_ON.search(c.text, max(0, d.char_start - 40), d.char_start)}
    dates = {key[0] for key in days}
    return next(iter(days.values())) if len(dates) == 1 else None


def _not_the_deeds(text: str, period: Period, d: DateMention) -> bool:
    """"killed last week, the army said in a statement read on Monday": a verb of saying between the
    period and a day after it in the same sentence makes the day the statement's; a day told before
    the period ("rallied on Friday after gunmen killed 17 earlier this week") is a later event's."""
    if period.mention is None or d.char_start < period.mention.char_end:
        return True
    return _SAID.search(text, period.mention.char_end, d.char_start) is not None


def narrowed(c: ClaimContext, pos: int, period: Period, own: Sequence[DateMention] = ()) -> Period:
    """A weekend or a week narrowed to the one day inside it that the claim's own sentence (``own``:
    its dates that may date the claim) or a neighbouring sentence gives the incident ("struck at the
    weekend, killing two when their truck hit a mine on Saturday morning"); a month-long period
    ("earlier this month", "last month") to the day a nearby sentence names as the incident's."""
    if period.granularity not in ("week", "range", "month") or period.start is None or period.end is None:
        return period
    if (period.end - period.start).days >= LOOSE_DAYS:
        named = incident_day_named(c, pos, period.start, period.end) if (period.end - period.start).days <= _MONTH_DAYS else None
        return period_of(named, c.text) if named is not None else period
    inside = {d.start_date: d for d in own if d.granularity == "day" and period.start <= d.start_date <= period.end and not _not_the_deeds(c.text, period, d)}
    day = next(iter(inside.values())) if len(inside) == 1 else day_inside(c, pos, period.start, period.end)
    return period_of(day, c.text) if day is not None else period
