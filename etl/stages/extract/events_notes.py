"""Notes on a figure that say how it adds up with the others.

- Already inside a toll: "all seven attackers were killed (included in total)", "four assailants
  died; they are counted in the toll", "killed 52 people, himself included". Such a figure is a
  part of the toll told before it (``Claim.part``), not more dead to add to it.
- Told as more: "two civilians were also killed" adds to the figure before it (``Claim.more``).
- A revision of the figure just told: "more than a dozen militants were killed, a figure it
  later put at 39" stands instead of it, on the same side.
- The subject killed at the end of its own sentence: "Two militants opened fire on a patrol,
  killing a soldier, and were themselves killed", "A gunman shot four people before being shot
  dead by police".
- Left out of a toll: "43 killed (excluding the two bombers)", "20 dead, not counting three
  gunmen": people of the toll's measure on top of it, whatever the figure's own wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from etl.records import Sentence
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_claim import Claim
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.events_vocab import EventVocabulary

# A note after the figure, in its clause or the next one ("(included in the total)", ", who are
# counted in the toll", "; they are included in the figure"), up to this many characters after it.
_NOTE_REACH = 90
_NOTE = re.compile(
    r"[^.;()]*?[\s(,;—–-]\s*(?:(?:they|these|those|which|who|he|she|this|all|both)\s+(?:are|is|were|was|have\s+been|has\s+been)\s+)?"
    r"(?:also\s+|all\s+)?(?:included|counted|incl\.?|accounted\s+for)\s+(?:in|among|within)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:total|toll|tally|figures?|count|number|dead|death)",
    re.I,
)
# "52 people, himself included", "23 people, the bomber included": the candidate is the pronoun or
# article of the perpetrator, followed by "included".
_SELF_INCLUDED = re.compile(
    r"(?:\s+(?:suicide\s+)?(?:bomber|attacker|assailant|gunman|perpetrator|shooter)s?)?\s+(?:also\s+)?included\b", re.I
)
# Plain words one of which must be in the sentence before the patterns are tried.
_WORDS = ("includ", "counted", "incl.", "accounted for")


def included_note(text: str, c: Candidate, sent: Sentence, lowered: str) -> bool:
    """Whether a note says the figure is already counted in the toll (``lowered``: the sentence, lower-cased)."""
    if not any(word in lowered for word in _WORDS):
        return False
    if _SELF_INCLUDED.match(text, c.end, sent.char_end) is not None:
        return True
    return _NOTE.match(text, c.end, min(sent.char_end, c.end + _NOTE_REACH)) is not None


_ALSO = re.compile(r"\balso\b", re.I)
_TOO = re.compile(r",?\s+(?:too|as\s+well)\b", re.I)  # "three passers-by were killed too / as well"
_HAD = re.compile(r"\bhad\b", re.I)  # ("two of the wounded had died too": counted in the toll told before)


def also_told(text: str, link: Claim) -> bool:
    """"two passers-by were also killed", "four villagers had also died", "were killed too": the verb
    after the figure says these are more dead (or hurt) than those told before."""
    if link.how != "after" or link.measure not in ("killed", "injured"):
        return False
    if _ALSO.search(text, link.trig_start, link.trig_end) is not None:
        return True
    return _TOO.match(text, link.trig_end) is not None and _HAD.search(text, link.trig_start, link.trig_end) is None


# Words right before a figure that leave it out of the toll just told (within this many characters).
_EXCLUDED_REACH = 40
_EXCLUDED = re.compile(
    r"\b(?:excluding|excl\.|not\s+counting|not\s+including|(?:does|do|did)\s+not\s+include|in\s+addition\s+to|on\s+top\s+of)"
    r"\s+(?:the\s+|all\s+|another\s+)?$",
    re.I,
)


def perpetrators_named(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> bool:
    """Whether the people counted are perpetrators ("two [attackers]", "the [gunman]")."""
    if c.subject_hint:
        return c.subject_hint in vocab.perpetrators
    m = vocab.subject.match(text, c.end, sent.char_end)
    return m is not None and m.lastgroup in vocab.perpetrators


def excluded_link(text: str, c: Candidate, sent: Sentence, link: Claim, before: Sequence[Claim], vocab: EventVocabulary) -> Claim:
    """A bare count left out of the toll told before it ("43 killed (excluding the two bombers)")
    becomes more of that toll's measure; it and dead perpetrators left out of a running total ("rose to 17,
    not including two attackers killed by troops") are marked ``excluded``, so the total does not
    stand for them. Any other link is returned as it is."""
    if not before or before[-1].measure not in ("killed", "injured"):
        return link
    if link.measure not in ("count", "killed") or _EXCLUDED.search(text, max(sent.char_start, c.start - _EXCLUDED_REACH), c.start) is None:
        return link
    if link.measure == "count":
        return replace(link, measure=before[-1].measure, how="after", part=False, more=True)
    if before[-1].measure == "killed" and before[-1].update and perpetrators_named(text, c, sent, vocab):
        return replace(link, how="excluded", part=False, more=True)
    return link


# ", a figure it later put at 39", ", a number later raised to 20", ", a toll since revised to 12":
# the figure that follows revises the one just before it (looked for this far before the figure).
_REVISED_REACH = 70
_REVISED = re.compile(
    r"[,;(—–-]\s*(?:a|the|which|that)\s+(?:(?:death|casualty)\s+)?(?:figure|number|toll|tally|count|total)?\s*(?:that\s+|which\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:put|revised|raised|lowered|updated|corrected|increased|reduced|adjusted|rose|climbed)\s+"
    r"(?:(?:up|down|upwards?|downwards?)\s+)?(?:at|to)\s+$",
    re.I,
)


def revised_link(text: str, c: Candidate, sent: Sentence, before: Sequence[Claim | None]) -> Claim | None:
    """"... a dozen militants had been killed, a figure it later put at 39": the figure is linked
    like the claim just before it, marked ``how="revised"`` (``revise`` puts it in its place); when that
    claim is the sentence's only figure of its measure, a running total ("a figure that rose to 10 on
    Saturday when a woman died": the woman is in the 10)."""
    prev = before[-1] if before else None
    if prev is None or prev.measure not in ("killed", "injured"):
        return None
    m = _REVISED.search(text, max(sent.char_start, prev.cand.end, c.start - _REVISED_REACH), c.start)
    if m is None:
        return None
    alone = not any(b is not None and b.measure == prev.measure for b in before[:-1])  # (not one side's: "10 soldiers died and a dozen rebels, a figure later put at 39")
    return replace(prev, cand=c, how="revised", trig_start=m.start(), trig_end=m.end(), part=False, update=prev.update or alone)


# "170 Afghans, plus 13 US troops, for a total of at least 183": a sum told after the figures it sums
# ("a total of" may be read as the number's own words).
_TOTAL_OF = re.compile(r"(?:a\s+)?(?:combined\s+|grand\s+)?total\s+of\b", re.I)
_SUM_LEAD = searcher(r"(?:\b(?:for|to|giving|making|with)|,)\s*$", re.I)
_TOTAL_BEFORE = searcher(r"(?:\b(?:for|to|giving|making|with)|,)\s+(?:a\s+)?(?:combined\s+|grand\s+)?total\s+of\s+$", re.I)
_TOTAL_REACH = 30


def sums_before(text: str, c: Candidate, sent: Sentence, before: Sequence[Claim | None], measure: str) -> bool:
    """Whether the figure is "..., for a total of 15" after figures of its measure alone (not "killed 9
    and wounded 6, for a total of 15 casualties")."""
    told = [b.measure for b in before if b is not None]
    if not told or any(m != measure for m in told):
        return False
    if _TOTAL_OF.match(c.surface) is not None:
        return _SUM_LEAD.search(text, max(sent.char_start, c.start - 8), c.start) is not None
    return _TOTAL_BEFORE.search(text, max(sent.char_start, c.start - _TOTAL_REACH), c.start) is not None


def summed_link(text: str, c: Candidate, sent: Sentence, before: Sequence[Claim | None]) -> Claim | None:
    """"170 Afghans and 13 US troops were killed, for a total of 183": the sum, with no measure word
    of its own, is linked like the figures before it and stands for them."""
    prev = next((b for b in reversed(before) if b is not None), None)
    if prev is None or prev.measure not in ("killed", "injured") or not sums_before(text, c, sent, before, prev.measure):
        return None
    return replace(prev, cand=c, how="coord", trig_start=c.start, trig_end=c.end, part=False, update=True, more=False)


def revise(claims: list[Claim]) -> list[Claim]:
    """Each revised figure takes the place of the claim before it, with that claim's side."""
    out: list[Claim] = []
    for claim in claims:
        if claim.how == "revised" and out:
            prev = out.pop()
            claim = replace(claim, subject=prev.subject, perpetrator=prev.perpetrator, more=prev.more)
        out.append(claim)
    return out


# The sentence's subject is killed in a later clause of it; the subject's figure is this near its start.
_SUBJECT_REACH = 40
_SUBJECT_KILLED = re.compile(
    # (not "before he was shot dead", "and was himself killed": the pronoun is a count of its own)
    r"\b(?:and\s+were\s+themselves\s+|before\s+(?:being|they\s+were)\s+)"
    r"(?:\w+\s+)?(?:killed|shot\s+dead|gunned\s+down|slain|neutrali[sz]ed)\b",
    re.I,
)


def subject_killed(text: str, c: Candidate, sent: Sentence, first: bool) -> Claim | None:
    """The sentence's first figure, near its start, as deaths when a later clause kills the subject."""
    if not first or c.start - sent.char_start > _SUBJECT_REACH:
        return None
    m = _SUBJECT_KILLED.search(text, c.end, sent.char_end)
    return None if m is None else Claim(c, "killed", m.start(), m.end(), "after")


# "two of the 11 injured": a share of the figure after it, not another figure.
_OF_N = re.compile(r"\s*of\s+(?:the\s+|those\s+|these\s+|all\s+)?(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|scores)\b)", re.I)

# "relatives buried 8 of the 11 fishermen killed": a share that is the object of a verb, its whole
# followed by a bare participle (no auxiliary: "the 11 fishermen [who were] killed"): the whole is the toll.
_OBJECT_SHARE = re.compile(r"\b[a-z]{2,}ed\s+(?:(?:at\s+least|about|some|only|just|another)\s+)?$")
_AUXILIARY = re.compile(r"\b(?:were|was|are|is|have|has|had|been|being|got|get)\b", re.I)


def _object_share(text: str, sent: Sentence, share: Candidate, whole: Candidate, trig_start: int) -> bool:
    return _OBJECT_SHARE.search(text, max(sent.char_start, share.start - 40), share.start) is not None and _AUXILIARY.search(text, whole.end, trig_start) is None


def shares(text: str, sent: Sentence, ordered: Sequence[Candidate], links: list[Claim | None]) -> set[int]:
    """A share and its whole: "two of the 11 injured were in critical condition": the 11 is the figure, the two a share of
    it; "three of the 20 hostages were hurt": the three is the figure, the 20 counts other people; "four of the 12
    abducted students were killed": the four take the verb, the 12 the adjective (relinked in place)."""
    skip: set[int] = set()
    for i in range(len(ordered) - 1):
        share, whole = links[i], links[i + 1]
        if share is None or whole is None or text.find(" of ", ordered[i].end, ordered[i].end + 4) < 0 or not _OF_N.match(text, ordered[i].end, sent.char_end):
            continue
        named = not text[ordered[i + 1].end : whole.trig_start].strip()  # "the 9 wounded"
        # "identified the remains of 12 of the 17 people killed": each with its own wording, the whole stands
        apart = share.trig_end <= ordered[i].start and whole.trig_start >= ordered[i + 1].end
        if whole.measure == share.measure and (whole.trig_end <= share.trig_start or named or apart):
            skip.add(i)
        elif whole.trig_start == share.trig_start:
            skip.add(i if _object_share(text, sent, ordered[i], ordered[i + 1], whole.trig_start) else i + 1)
        elif whole.measure != share.measure and ordered[i + 1].end <= share.trig_start < share.trig_end <= whole.trig_start:
            links[i], links[i + 1] = replace(whole, cand=ordered[i], part=False), replace(share, cand=ordered[i + 1], part=False)
    return skip


# A figure set off by a comma right after the measure word of the claim before it ("Three people
# were killed, two Indians and a Pakistani, and six were injured"): the breakdown of that claim.
_APPOSED = re.compile(r"\s*,\s*$")
# "7 fatalities (3 soldiers, 4 civilians)", "10 dead (two women, eight men)": a breakdown in brackets
# right after the toll's own word or its counted noun ("killing 9 people (6 traders and 3 herders)") is its parts.
_BRACKETED = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s*\(\s*$")
# The wording of a share's own measure: a condition or a degree, not a verb of its own.
_SHARE_WORDING = re.compile(r"(?:in\b|(?:seriously|critically|gravely|badly|slightly|severely|mildly)\b)", re.I)


def apposed(text: str, c: Candidate, prev: Claim | None, link: Claim | None) -> bool:
    """Whether the figure opens a breakdown of the killed or injured claim just before it (with no
    measure of its own, or the same one: "twelve were hospitalised, three in critical condition")."""
    if link is not None and (prev is None or link.measure != prev.measure or not _SHARE_WORDING.match(text, link.trig_start, link.trig_end)):
        return False  # "7 ADF neutralised, 1 soldier killed": a figure with its own verb is the next item
    if prev is None or prev.measure not in ("killed", "injured") or prev.trig_end > c.start:
        return False
    if prev.how in ("after", "before", "noun", "adjective") and _BRACKETED.match(text, max(prev.trig_end, prev.cand.end), c.start):
        return True
    return prev.how in ("after", "before") and _APPOSED.match(text, prev.trig_end, c.start) is not None


# "four were injured, one of whom later died": deaths out of the injured figure just told.
_OF_WHOM = re.compile(r"\s+of\s+(?:whom|them|those)\b", re.I)


def of_injured_told(text: str, c: Candidate, link: Claim, before: Sequence[Claim]) -> bool:
    """Whether a killed share ("one of whom later died") comes out of the injured claim just before it."""
    return link.measure == "killed" and bool(before) and before[-1].measure == "injured" and _OF_WHOM.match(text, c.end) is not None


def of_injured_before(text: str, claim: Claim, sent: Sentence, last: Claim | None) -> bool:
    """Whether a killed share opening its sentence ("... ten others had been taken to hospital. One of
    them died overnight") comes out of the injured claim that ended the sentence before (``last``)."""
    c = claim.cand
    opens = not text[sent.char_start : c.start].strip()
    return claim.measure == "killed" and opens and last is not None and last.measure == "injured" and _OF_WHOM.match(text, c.end) is not None


# "a second victim died of wounds the following day", "a third soldier later succumbed to his injuries":
# a death of wounds comes out of an injured figure told before it (events_reduce nets it off).
_OF_WOUNDS = re.compile(
    r"(?:(?:later|subsequently|also)\s+)?(?:died|succumbed|passed\s+away)\s+(?:later\s+|overnight\s+|subsequently\s+)?(?:of|from|to)\s+(?:his|her|their|the|its)?\s*"
    r"(?:[\w-]+\s+)?(?:wounds|injuries)\b",
    re.I,
)


def died_of_wounds(text: str, link: Claim, end: int) -> bool:
    """Whether a killed claim's verb is a death of wounds ("died of his wounds", "succumbed to injuries");
    ``end``: the end of the claim's sentence."""
    return link.measure == "killed" and _OF_WOUNDS.match(text, link.trig_start, end) is not None


# A number that names a unit, not people: "troops of 21 Brigade", "the 7 Division", "soldiers of the
# 21 Battalion" (Nigerian and South Asian army releases write unit numbers without an ordinal suffix).
_UNIT = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){0,2}?(?:Battalion|Brigade|Regiment|Division|Corps|Squadron|Sector|Wing|Task\s+Force|Field\s+Regiment)\b"
)


def unit_number(text: str, c: Candidate) -> bool:
    """Whether the number names a military unit ("21 Brigade") rather than counting people."""
    return text[c.start : c.start + 1].isdigit() and _UNIT.match(text, c.end) is not None


# "Two suicide bombers struck a market, killing 14": the bombers died too (see ``suicide_bombers``).
_SUICIDE_PLURAL = re.compile(r"\s+(?:[\w-]+\s+)?suicide\s+(?:car\s+|truck\s+|vest\s+)?(?:bombers|attackers)\b", re.I)


def suicide_bombers(text: str, c: Candidate, link: Claim, vocab: EventVocabulary) -> Claim:
    """A bare count of suicide bombers ("Two female suicide bombers killed four people") is their
    deaths, as a lone suicide bomber's is, unless the text counts or foils them."""
    if link.measure != "count" or _SUICIDE_PLURAL.match(text, c.end) is None or vocab.suicide_counted.search(text):
        return link
    return replace(link, measure="killed", how="after")


# The perpetrators' side named before the figure: "the attackers' losses were two dead", "rebel
# casualties stood at two", "the total militant dead was three" (looked for this far before it).
_SIDE_REACH = 60
_SIDE_BEFORE = re.compile(
    r"\b(?:rebels?|militants?|attackers?|assailants?|insurgents?|terrorists?|jihadists?|gunmen|enemy|bandits?)(?:['’]s?)?\s+"
    r"(?:dead|losses|casualties|fatalities|deaths|death\s+toll|toll)\b[^.;,]{0,30}$",
    re.I,
)

# "killed all of the attackers, thought to number around 20": the figure counts the perpetrators.
_NUMBERING_BEFORE = re.compile(
    r"\b(?:attackers|assailants|gunmen|raiders|hijackers|militants|insurgents|terrorists),?\s+(?:who\s+were\s+)?"
    r"(?:thought|believed|estimated|said|reported|understood)\s+to\s+(?:have\s+)?number(?:ed)?\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)


_SIDE_AFTER = re.compile(
    r"\s*\((?:the|an?|one|both|all)\s+(?:\w+\s+)?(?:attackers?|assailants?|bombers?|gunm[ae]n|militants?|perpetrators?|shooters?)\)", re.I
)


def side_before(text: str, c: Candidate, sent: Sentence, link: Claim) -> str | None:
    """"assailants" when the words before the figure name the perpetrators' dead ("the attackers'
    losses were two"), or a bracket after its measure says who they were ("1 killed (the
    attacker)"), else None."""
    if _SIDE_AFTER.match(text, link.trig_end, sent.char_end) is not None:
        return "assailants"
    lo = max(sent.char_start, c.start - _SIDE_REACH)
    found = _SIDE_BEFORE.search(text, lo, c.start) or _NUMBERING_BEFORE.search(text, lo, c.start)
    return "assailants" if found is not None else None


# A sentence that opens with the time since an earlier incident ("A week after a suicide bomber
# killed 12 people at a market, traders reopened their shops"; a dateline may come first).
_OPENING_AFTER = re.compile(
    r"\s*(?:[A-Z][\w.'’ -]{0,40}?\s[-—–:]\s+)?(?:(?:a|one|two|three|four|five|six|\d+|several|a\s+few)\s+(?:days?|weeks?|months?)|days|weeks|months)"
    r"\s+(?:after|since)\b",
    re.I,
)


def opening_after(text: str, sent: Sentence, i: int, ordered: Sequence[Candidate], links: Sequence[Claim | None]) -> bool:
    """"A week after gunmen killed 12 at a market, traders reopened their shops": a follow-up's lead
    whose main clause tells no toll of its measure; the figure of its opening clause is the story's
    incident, not an earlier one ("The attack came a week after a bomb killed 11" still is)."""
    m = _OPENING_AFTER.match(text, sent.char_start, sent.char_end)
    link = links[i]
    if m is None or link is None:
        return False
    comma = text.find(",", m.end(), sent.char_end)
    if comma < 0 or ordered[i].start > comma:
        return False
    return not any(other is not None and other.measure == link.measure and c.start > comma for c, other in zip(ordered, links, strict=True))

