"""Which verb a counted number's people take when a clause stands between them and the main verb.

"a vendor who was wounded [died the next day]", "an officer wounded in the blast [died]", "12
injured soldiers [succumbed]", "a fourth officer listed as missing [was found dead]", "one of the
injured [later died]": the participle next to the number describes the people; the main verb after
it gives the measure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from etl.records import Measure, Sentence
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_claim import Claim
from etl.stages.extract.events_vocab import EventVocabulary, LinkPattern

__all__ = ["AUX_START", "of_injured", "trigger", "wounded_then_died"]

AUX_START = re.compile(r"(?:were|was|are|is|have|has|had|been|being|be|got|get)\b", re.I)
# "a vendor who was gravely wounded [died] the next day": a relative clause's participle.
_RELATIVE = re.compile(r"who\b", re.I)
# "a fourth officer [initially listed as missing] was found dead", "two fishermen reported missing
# after the raid were found dead": a reduced relative's status participle, then the main verb.
_REDUCED_STATUS = re.compile(r"(?:\w+ly\s+)?(?:listed|reported|registered|recorded|declared)\s+(?:as\s+)?missing\b", re.I)
# "An officer [wounded] in the blast died in hospital": a reduced relative clause, then the main verb.
_REDUCED_DIED = re.compile(
    r"\s+(?:in|during|by|at|on|from)\s+(?:(?!\band\b)[^.;,]){1,50}?\s+(?:later\s+|subsequently\s+|also\s+)?"
    r"(?P<verb>died|succumbed|passed\s+away|was\s+pronounced\s+dead)\b",
    re.I,
)
# The main verb after such a clause and a few words: "... who were kidnapped last week [were found dead]".
_FINITE_START = re.compile(r"(?:was|were|had|has|have)\b", re.I)
_NEXT_FINITE = re.compile(r"[^,.;:]{0,40}?\s(?=(?:was|were|had|has|have)\b)", re.I)
# "one of the injured later died": a death out of the injured figure (which then counts one fewer).
_OF_INJURED = re.compile(r"\s+of\s+(?:the|those)\s+(?:\w+\s+)?(?:injured|wounded|hurt)\b", re.I)


def trigger(m: re.Match[str], link: LinkPattern, offset: int = 0) -> tuple[Measure, int, int, str]:
    """The measure of a link pattern's match and its trigger words: (measure, start, end, words)."""
    group = m.lastgroup or "g0"
    start = m.start("aux") if link.kind == "after" else m.start(group)  # the trigger includes its auxiliaries
    return link.measures[int(group[1:])], offset + start, offset + m.end(group), m.string[start : m.end(group)]


def of_injured(text: str, c: Candidate, sent: Sentence) -> bool:
    """"one of the injured [later died]" (a plain string test first: this is tried on many claims)."""
    return text.find(" of ", c.end, c.end + 4) >= 0 and _OF_INJURED.match(text, c.end, sent.char_end) is not None


def wounded_then_died(text: str, c: Candidate, sent: Sentence, claim: Claim, vocab: EventVocabulary) -> Claim:
    """"a wounded constable [later died]", "12 injured soldiers succumbed": the participle right after
    the number is an adjective when a noun and a verb of death follow it."""
    if claim.how == "after" and (_RELATIVE.match(text, claim.trig_start) or _REDUCED_STATUS.match(text, claim.trig_start) or of_injured(text, c, sent)):
        return _main_verb(text, c, sent, claim, vocab)
    if claim.measure == "injured" and text[c.end : claim.trig_start].strip():
        died = _REDUCED_DIED.match(text, claim.trig_end, sent.char_end)
        if died is not None and not AUX_START.match(text, claim.trig_start):  # "an officer wounded in the blast [died]"
            return replace(claim, measure="killed", trig_start=died.start("verb"), trig_end=died.end("verb"))
    if claim.measure == "killed" or text[c.end : claim.trig_start].strip():
        return claim
    noun = vocab.strong[0].pattern.match  # the after pattern, tried again after the adjective's noun
    adjective = next((link for link in vocab.strong if link.kind == "adjective"), None)
    m = adjective.pattern.match(text, c.end, sent.char_end) if adjective is not None else None
    if m is None:
        return claim
    again = noun(text, m.end(), sent.char_end)
    if again is None:
        return claim
    measure, start, end, _ = trigger(again, vocab.strong[0], 0)
    return Claim(c, measure, start, end, "after") if measure == "killed" else claim


def _main_verb(text: str, c: Candidate, sent: Sentence, claim: Claim, vocab: EventVocabulary) -> Claim:
    """"a vendor who was wounded [died the next day]", "three men who were kidnapped [were found
    dead]", "one of those hurt [later succumbed]": the participle of a relative clause (or of "one of
    the injured") gives way to the main verb's measure after it."""
    if claim.measure == "killed":  # a death stays one ("who were shot died [in hospital]")
        return claim
    after = vocab.strong[0]
    again = after.pattern.match(text, claim.trig_end, sent.char_end)
    if again is not None and again.group("np").strip() and not _FINITE_START.match(again.group("aux")):
        again = None
    if again is None:  # "... who were abducted on 1 May [were found dead]"
        verb = _NEXT_FINITE.match(text, claim.trig_end, sent.char_end)
        again = after.pattern.match(text, verb.end(), sent.char_end) if verb is not None else None
    if again is None or again.group("np").strip():
        return claim
    measure, start, end, _ = trigger(again, after, 0)
    return claim if measure == claim.measure else replace(claim, measure=measure, trig_start=start, trig_end=end)
