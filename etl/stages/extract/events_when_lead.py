"""Follow-up stories: the incident's date when a report opens with what came after it.

A lead can tell a later development rather than the attack: a withdrawal or a vote ("The army
completed its withdrawal on Monday"), or a step taken about the incident, named as the object of
a court's charge, an arrest, an inquiry or a protest ("A court on Tuesday charged three men over
the killing of villagers", "The governor on Monday set up a panel to investigate last month's
attack"). Its day is the development's; an undated claim told later is dated by the deed's earlier
date told in the story (a day, or a month: "The attack took place in October").

A claim told in passing in a statement's sentence ("Relatives of a soldier killed in an ambush said
on Thursday he had been due to go on leave") is dated by the deed's day told further on ("a group
ambushed a patrol on Monday"), when that day comes before the statement's; so is one inside the
object of a step its sentence dates ("The UN on Thursday condemned an attack that killed 12 aid
workers. ... The convoy was attacked on Tuesday"), though not a figure the step governs ("arrested 2
suspects over a bombing": the arrest's day). "Two days after gunmen stormed the village, the toll rose
to 31 on Wednesday" counts the incident back from the sentence's day. Victims named in a reduced
relative clause of what the sentence tells ("Pope Francis on Wednesday prayed for the 40 worshippers
killed in a church attack") are dated by the deed's day told nearby as well.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from etl.records import DateMention, Sentence
from etl.stages.extract.events_after import AFTERMATH, DEED, INCIDENT_NOUN, LOOK_BACK_SENTENCES
from etl.stages.extract.events_index import position_of
from etl.stages.extract.events_period import SMALL_NUMBERS, Period
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.events_weekday import RESPONSIBILITY

if TYPE_CHECKING:
    from etl.stages.extract.events_lookups import ClaimContext

# A step taken after the incident, about it: the attack is this verb's object ("charged three men
# over the killing", "arrested two members over a bombing", "set up a panel to investigate the
# attack", "marched to demand justice over the bombing"), so the sentence's day is the step's.
_FOLLOW_UP = searcher(
    r"\b(?:remanded|arraigned|charged|indicted|detained|arrested|sentenced|convicted|jailed|acquitted|inaugurated|set\s+up|"
    r"opened\s+(?:an?\s+)?(?:inquiry|investigation|probe|trial)|launched\s+(?:an?\s+)?(?:inquiry|investigation|probe)|investigat\w*|"
    r"probe|marched|protested|(?:in\s+)?protest\s+(?:at|against|over)|demand(?:ed|ing)?\s+justice|compensat\w*|reopened|condemned|vowed|pledged|promised|claimed\s+(?:responsibility|credit)|declared\s+(?:[\w-]+\s+){0,4}?mourning)\b",
    re.I,
)
# "Mourners on Sunday buried 9 soldiers killed when militants overran their base on Friday": a funeral's
# figure is the dead of the deed told after it, dated there.
_FUNERAL = searcher(r"\b(?:buried|bury|burying|buries|laid\s+to\s+rest|funerals?|mourn\w*|vigil)\b", re.I)
# "arrested 2 suspects", "charged three men": a figure the step governs is the step's own (an arrest on its day).
_STEP_OBJECT = re.compile(r"\s*(?:(?!(?:over|for|into|of|after|about|behind)\b)[\w-]+\s+){0,2}?", re.I)
# "Three days after a bomb ripped through a market, the toll stood at 25 on Thursday": a sentence that
# opens so, telling no new deed after it, counts the incident back from its day.
_DAYS_AFTER_OPENING = re.compile(
    r"[^\w]*(?P<n>a|one|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?)\s+after\b(?P<what>[^,;.]{3,120}),\s*", re.I
)
# "still mourning on Wednesday, three days after a wedding was attacked": the deed that many days before the day.
_DAYS_AFTER_TRAILING = re.compile(
    r",?\s+(?:just\s+|only\s+|some\s+)?(?P<n>a|one|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?)\s+after\b(?P<what>[^,;.]{3,120})", re.I
)
# "The bodies of 11 villagers were found on Monday, a day after rebels raided the area": a discovery,
# a later death or a funeral before the day is no deed of the claim's own.
_NOT_OWN_DEED = searcher(
    r"\b(?:found|discovered|recovered|retrieved|unearthed|bod(?:y|ies)|corpses?|remains|died|succumbed|toll|tally|count)\b", re.I
)
# "Relatives of 14 miners killed in an attack ... demanded compensation on Wednesday": the victims'
# kin (survivors, colleagues) open the sentence, whose dates are what they did later.
_KIN_OF = re.compile(
    r"\W*(?:the\s+)?(?:relatives|families|family(?:\s+members)?|parents|widows?|survivors|colleagues|friends|mourners|comrades|"
    r"classmates|neighbou?rs)\s+of\b",
    re.I,
)
# "prayed for the 40 worshippers killed in a church attack": victims named in a reduced relative
# clause (no auxiliary) are the object of what the sentence tells, not its deed.
_VICTIMS_OF = re.compile(
    r"[\w.,-]+\s+(?:(?!(?:were|was|are|is|had|have|has|been)\b)[\w'’-]+\s+){0,3}?(?:killed|wounded|injured|slain|hurt|murdered)\s+(?:in|by|when|during|at)\b",
    re.I,
)
# "still awaiting news, a week after the abduction", "days after the blast": a sentence that counts
# the time since the deed it names.
_TIME_SINCE = re.compile(r"\b(?:(?:a|one|two|three|four|five|six|\d|several|a\s+few)\s+)?(?:days?|weeks?)\s+after\s+(?:the|an?|its|their)\b", re.I)
# Granularities a follow-up story may date its deed by ("The attack took place in October").
_DEED_GRANULARITIES = frozenset({"day", "month"})


def follows_up(sentence_text: str) -> bool:
    """Whether the sentence tells a step taken about an attack it names only after that step."""
    step = _FOLLOW_UP.search(sentence_text)
    if step is None:
        return False
    deed = DEED.search(sentence_text, 0, step.start()) or INCIDENT_NOUN.search(sentence_text, 0, step.start())
    return deed is None


def funeral_only(sentence_text: str) -> bool:
    """Whether the sentence tells a funeral (burial, mourning) and no deed: its day is the funeral's."""
    return _FUNERAL.search(sentence_text) is not None and DEED.search(sentence_text) is None


def earlier_deed(c: ClaimContext, pos: int, lead: DateMention) -> DateMention | None:
    """The deed's earlier date that dates an undated claim at ``pos`` instead of the lead's day, when
    the lead tells a later development: a step about the attack (dated by a day or a month), or no
    attack at all (dated by a day)."""
    sent = next((s for s in c.index.sentences if s.char_start <= lead.char_start < s.char_end), None)
    if sent is None:
        return None
    if follows_up(sent.text):
        return deed_day_before(c, pos, lead.start_date, months=True)
    if DEED.search(sent.text) or INCIDENT_NOUN.search(sent.text):
        return None
    return deed_day_before(c, pos, lead.start_date)


def deed_day_before(c: ClaimContext, pos: int, lead_day: dt.date, *, months: bool = False) -> DateMention | None:
    """The nearest earlier sentence before ``pos`` that tells of an attack on a day before the lead's
    ("The U.S. completed its withdrawal on Monday ... marred by a suicide bombing on Thursday ... 170
    were killed"): a story that opens with a later development dates its incident there (with
    ``months``, also by a month that ended before the lead's day)."""
    kinds = _DEED_GRANULARITIES if months else frozenset({"day"})
    for p in range(pos - 1, max(-1, pos - 1 - LOOK_BACK_SENTENCES), -1):
        days = [d for d in c.usable.get(p, []) if d.granularity in kinds and d.end_date < lead_day]
        text = c.index.sentences[p].text
        if days and (DEED.search(text) or INCIDENT_NOUN.search(text)) and not AFTERMATH.search(text):
            return days[0]
    return None


def deed_day_later(c: ClaimContext, pos: int) -> DateMention | None:
    """For an undated claim in a sentence that counts the time since its deed ("The families of 14
    workers seized on a road are still awaiting news, a week after the abduction"): the first later
    day of the story that is not a statement's, a claim of responsibility's, a funeral's or a step's
    ("Police said on Sunday ... The ambush occurred on the morning of October 22")."""
    text = c.index.sentences[pos].text
    since = _TIME_SINCE.search(text)
    if since is None or not (DEED.search(text, since.end()) or INCIDENT_NOUN.search(text, since.end())):
        return None
    for p in range(pos + 1, min(len(c.index.sentences), pos + 1 + LOOK_BACK_SENTENCES)):
        later = c.index.sentences[p].text
        days = [d for d in c.usable.get(p, []) if d.granularity == "day"]
        if days and not (RESPONSIBILITY.search(later) or AFTERMATH.search(later) or follows_up(later)):
            return days[0]
    return None


def deed_day_after(c: ClaimContext, pos: int) -> DateMention | None:
    """For an undated claim in a sentence dated only by a statement ("Relatives of a soldier killed
    in an ambush said on Thursday ..."): the first later sentence that tells of the attack on a day
    before the statement's ("The military said a group ambushed a patrol on Monday")."""
    said = [d for d in c.dates.get(pos, []) if d.granularity == "day" and d.char_start in c.stated]
    if not said:
        return None
    for p in range(pos + 1, min(len(c.index.sentences), pos + 1 + LOOK_BACK_SENTENCES)):
        text = c.index.sentences[p].text
        days = [d for d in c.usable.get(p, []) if d.granularity == "day" and d.start_date < said[0].start_date]
        if days and (DEED.search(text) or INCIDENT_NOUN.search(text)) and not AFTERMATH.search(text) and not follows_up(text):
            return days[0]
    return None


def step_dates(c: ClaimContext, pos: int, own: list[DateMention], at: int, sent: Sentence) -> list[DateMention] | None:
    """The dates of a claim inside the object of a step its sentence tells ("The UN on Thursday condemned
    an attack that killed 12 aid workers", "an inquiry opened on Friday into a fire that killed 14 on
    Wednesday night"): those told inside the object, else the deed's earlier date told nearby ("The
    convoy was attacked on Tuesday"); None when the step's dates stand (no such date, or a figure the
    step governs: "arrested 2 suspects over a bombing")."""
    if not own:
        return None
    first, last = min(d.char_start for d in own), max(d.char_end for d in own)
    if first > at and _KIN_OF.match(c.text, _opening(c, sent)):
        found = deed_near(c, pos, min(d.start_date for d in own))  # "Relatives of 14 miners killed ... demanded compensation on Wednesday"
        return [found] if found is not None else None
    if first >= at:  # (no date of the step before the claim)
        return None
    if last > at and _FUNERAL.search(c.text, sent.char_start, at) and not DEED.search(c.text, sent.char_start, at):
        noun = DEED.search(c.text, at, last) or INCIDENT_NOUN.search(c.text, at, last)
        told = [d for d in own if noun is not None and d.char_start >= noun.start()]
        return told if told and len(told) < len(own) else None
    if last <= at and _VICTIMS_OF.match(c.text, at) and not DEED.search(c.text, last, at) and not INCIDENT_NOUN.search(c.text, last, at):
        found = deed_near(c, pos, min(d.start_date for d in own))  # "Pope Francis on Wednesday prayed for the 40 worshippers killed in ..."
        return [found] if found is not None else None
    step = _FOLLOW_UP.search(c.text, sent.char_start, at)
    if step is None or DEED.search(c.text, sent.char_start, step.start()) or INCIDENT_NOUN.search(c.text, sent.char_start, step.start()):
        return None
    if _STEP_OBJECT.fullmatch(c.text, step.end(), at):
        return None
    noun = DEED.search(c.text, step.end(), at) or INCIDENT_NOUN.search(c.text, step.end(), at)
    inside = [d for d in own if d.char_start >= (noun.start() if noun else at)]
    if inside:
        return inside if len(inside) < len(own) else None
    found = deed_near(c, pos, min(d.start_date for d in own))
    return [found] if found is not None else None


def deed_near(c: ClaimContext, pos: int, day: dt.date) -> DateMention | None:
    """The first sentence after ``pos`` (else the nearest before) that tells of the attack on a day or
    in a month before ``day``."""
    near = [*range(pos + 1, min(len(c.index.sentences), pos + 1 + LOOK_BACK_SENTENCES)), *range(pos - 1, max(-1, pos - 1 - LOOK_BACK_SENTENCES), -1)]
    for p in near:
        text = c.index.sentences[p].text
        found = [d for d in c.usable.get(p, []) if d.granularity in _DEED_GRANULARITIES and d.end_date < day]
        if found and (DEED.search(text) or INCIDENT_NOUN.search(text)) and not AFTERMATH.search(text) and not follows_up(text):
            return found[0]
    return None


def counted_back(c: ClaimContext, sent: Sentence, period: Period) -> Period:
    """"Two days after gunmen stormed the village, the toll rose to 31 on Wednesday": the incident's
    day is that many days before the sentence's day (not when the sentence tells a new deed)."""
    d = period.mention
    if d is None or period.granularity != "day" or period.start is None or not sent.char_start <= d.char_start < sent.char_end:
        return period
    m = _DAYS_AFTER_OPENING.match(c.text, _opening(c, sent))
    if m is None or d.char_start < m.end() or DEED.search(c.text, m.end(), sent.char_end):
        return period
    if not (DEED.search(m["what"]) or INCIDENT_NOUN.search(m["what"])):
        return period
    word = m["n"].lower()
    days = (int(word) if word.isdigit() else SMALL_NUMBERS.get(word, 1)) * (7 if m["unit"].lower().startswith("week") else 1)
    day = period.start - dt.timedelta(days=days)
    return Period(day, day, "day", "text", d)


def counted_after_day(c: ClaimContext, period: Period) -> Period:
    """"Residents were still mourning on Wednesday, three days after a wedding was attacked": the day
    written before ", N days after <a deed>" is a later one's; the deed is that many days before it
    (for a date a neighbouring sentence gives the claim: in the claim's own sentence it is read already),
    unless that sentence tells its own deed before the day ("Gunmen killed 6 on Thursday, three days after ...")."""
    d = period.mention
    m = _DAYS_AFTER_TRAILING.match(c.text, d.char_end) if d is not None and period.start is not None else None
    if d is None or m is None or period.start is None or not (DEED.search(m["what"]) or INCIDENT_NOUN.search(m["what"])):
        return period
    pos = position_of(c.index, d.char_start)
    if pos is not None and _deed_before(c.text, c.index.sentences[pos].char_start, d.char_start):
        return period  # "Gunmen killed 6 on Thursday, three days after ... Two others were wounded": Thursday
    word = m["n"].lower()
    days = (int(word) if word.isdigit() else SMALL_NUMBERS.get(word, 1)) * (7 if m["unit"].lower().startswith("week") else 1)
    day = period.start - dt.timedelta(days=days)
    return Period(day, day, "day", "text", d)


def own_deed_day(c: ClaimContext, sent: Sentence, d: DateMention, at: int) -> bool:
    """"Gunmen killed 6 soldiers on Thursday, three days after 14 civilians were killed": the claim
    before the day tells its own deed, so the day is its own, not a later one's counted back from
    ("found on Monday, a day after rebels raided the area" tells none: the raid was Sunday)."""
    if not at < d.char_start or not sent.char_start <= d.char_start < sent.char_end:
        return False
    return _deed_before(c.text, sent.char_start, d.char_start)


def _deed_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` tells a deed of its own (not a discovery, a later death or a funeral)."""
    if DEED.search(text, start, end) is None:
        return False
    return _NOT_OWN_DEED.search(text, start, end) is None and AFTERMATH.search(text, start, end) is None


def _opening(c: ClaimContext, sent: Sentence) -> int:
    """Where the sentence's own words start (after the dateline, in the first sentence)."""
    return c.dateline_end if sent.char_start < c.dateline_end < sent.char_end else sent.char_start


def stated_day(c: ClaimContext, pos: int) -> DateMention | None:
    """For a claim no date of the story dates: the day a statement in its sentence or a sentence
    before it was made ("A group said on Monday it had blown up a pipeline overnight. No casualties
    were reported."): the deed was told by then, which bounds it better than the publication day."""
    for p in range(pos, max(-1, pos - 1 - LOOK_BACK_SENTENCES), -1):
        said = [d for d in c.dates.get(p, []) if d.granularity == "day" and d.char_start > c.dateline_end and d.char_start in c.stated]
        said = [d for d in said if c.published is None or d.start_date <= c.published]
        if said:
            return min(said, key=lambda d: d.start_date)
    return None
