"""Dates that tell when something was said or counted, not when the incident happened.

"police said on Sunday", "police on Sunday confirmed", "by Monday evening the toll was 23" date a
statement or a count (:func:`stated_on`, applied to every date of the article), and so does a date
that opens a sentence whose verb of saying reports the claim: "On Saturday, sources told reporters
that nine soldiers were killed", "On Friday, the health department said three people had been
killed" (:func:`told_before`, applied per claim: only the claims after the verb are reported ones).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from etl.records import DateMention
from etl.stages.extract.events_after import DEED, INCIDENT_NOUN
from etl.stages.extract.events_regex import searcher

# "police said on Sunday", "claimed the attack on Saturday": when it was said, not when it happened.
_STATEMENT = searcher(
    r"\b(?:said|says|announced|told|reported|added|confirmed|stated|claimed|statement|briefing|news conference|dated|issued|released|"
    r"reached\s+by\s+(?:tele)?phone|speaking|interviewed|contacted|visit(?:ed|ing)|tour(?:ed|ing))\b(?:\s+[\w'’-]+){0,3}?\s*$",
    re.I,
)
_STATEMENT_WINDOW = 45
# "reported that on 3 February ...": the date is inside what was reported, the incident's.
_THAT = re.compile(r"\bthat\b", re.I)
# "On Saturday, military sources who asked not to be named told reporters that nine soldiers were
# killed", "On Tuesday, an official said the number of dead had risen to 63": a date before a verb of
# saying that introduces the claim dates the statement: always with "that", and without it when the
# reported clause is pluperfect (what had happened before the day of saying).
_VERB = r"(?P<who>[^.;]{0,160}?)\b(?:said|say|says|told(?:\s+[\w'’-]+){0,3}?|reported|confirmed|announced|stated|disclosed)\s+"
_TOLD_THAT = re.compile(_VERB + r"that\b[^.;]*$", re.I)
_TOLD = re.compile(_VERB + r"[^.;]*$", re.I)
# "had been killed", "had risen to 63", "had died": the reported clause tells what came before.
_PLUPERFECT = re.compile(
    r"[^.;]*?\bhad\s+(?:now\s+|since\s+|already\s+)?(?:been\b|risen\b|rose\b|climbed\b|reached\b|jumped\b|increased\b|died\b|perished\b|killed\b|"
    r"left\b|claimed\b|wounded\b|injured\b|lost\b|succumbed\b)",
    re.I,
)
# "The police command on Sunday confirmed the killing", "officials yesterday said": a date right
# before a verb of saying dates the statement.
_STATED_AFTER = re.compile(r"\s+(?:said|says|confirmed|announced|told|reported|stated|added|disclosed|revealed)\b", re.I)
# "By Monday evening the toll stood at 23", "as of Tuesday": when a figure was counted, not the incident.
_CUTOFF = searcher(r"\b(?:by|as\s+of|as\s+at|until|till)\s+(?:late\s+|early\s+)?$", re.I)
# A cut-off may be a span this short too ("by the weekend, it said 24 had died"; not "by the end of 2020").
_CUTOFF_DAYS = 7
# "from Tuesday evening until Wednesday": the end of a span the incident lasted, not a count's cut-off.
_SPAN_START = searcher(r"\bfrom\s+[^.;,]{2,30}\s+(?:until|till)\s+(?:late\s+|early\s+)?$", re.I)
# A date qualifying the incident noun right after it (one modifier between): "the 2019 car bombing".
_QUALIFIED_INCIDENT = re.compile(r"\s+(?:(?!(?:the|a|an|that|this|his|her|their|its)\b)[a-z-]+\s+)??(?:"
                                 + INCIDENT_NOUN.pattern + ")", re.I)
POSSESSIVE = re.compile(r"(?:\s+(?:night|morning|evening|afternoon))?['’]s\b")


def _cutoff_span(d: DateMention) -> bool:
    """A day or a span of days short enough to be a count's cut-off ("by Monday", "by the weekend")."""
    return d.granularity == "day" or (d.granularity in ("range", "week") and (d.end_date - d.start_date).days < _CUTOFF_DAYS)


def stated_on(text: str, d: DateMention) -> bool:
    """"police said on Sunday", "police on Sunday confirmed": when it was said (not "said the
    attack on Sunday ..."); "by Monday evening": when a figure was counted."""
    if _STATED_AFTER.match(text, d.char_end):
        return True
    cutoff = _cutoff_span(d) and _CUTOFF.search(text, max(0, d.char_start - 12), d.char_start) is not None
    if cutoff and not POSSESSIVE.match(text, d.char_end) and not _SPAN_START.search(text, max(0, d.char_start - 40), d.char_start):
        return True  # "By Monday evening the toll was 23" (not "killed by Sunday's bomb"; "by the end of 2020" bounds a total)
    m = _STATEMENT.search(text[max(0, d.char_start - _STATEMENT_WINDOW) : d.char_start])
    if m is not None and POSSESSIVE.match(text, d.char_end) and INCIDENT_NOUN.search(text, d.char_end, d.char_end + 30):
        return False  # "confirmed dead after Sunday's suicide attack": the attack's day
    if m is not None and _QUALIFIED_INCIDENT.match(text, d.char_end):
        return False  # "police said the 2022 bombing killed 12": the date qualifies the incident
    return m is not None and INCIDENT_NOUN.search(m.group()) is None and DEED.search(m.group()) is None and _THAT.search(m.group()) is None


def told_before(text: str, d: DateMention, at: int, end: int, others: Sequence[DateMention] = ()) -> bool:
    """"On Saturday, sources who asked not to be named told reporters that nine were killed", "On
    Friday, the ministry said three people had been killed", "On Thursday, police said 5 were killed
    on Tuesday" (the claim at ``at``, its sentence ending at ``end``, ``others`` the sentence's other
    dates): the date of the statement that reports the claim."""
    if d.char_end >= at:
        return False
    m = _TOLD_THAT.match(text, d.char_end, at)
    if m is not None:
        return DEED.search(m.group("who")) is None
    if d.granularity != "day":  # "in 2023, the army said it had killed 566 militants": the total's year
        return False
    m = _TOLD.match(text, d.char_end, at)
    if m is None or DEED.search(m.group("who")) is not None:
        return False
    return _PLUPERFECT.match(text, m.end("who"), end) is not None or any(o.char_start > m.end("who") for o in others)
