"""Marks on a linked claim that its wording around the number gives: a running total ("before
the toll was revised to 18 dead"), a later confirmation ("police later confirmed two deaths"), the
perpetrators' own toll ("the attackers ... with 21 of them neutralised"), a kidnapping that
was also a killing ("were abducted and shot dead"), a taking that is a kidnapping ("112 students
were taken" in a story about an abduction), and a part of a figure given before ("including 5",
"three of the injured"), an addition to a figure given before ("two more died later"), and another
incident's figure ("since the 2022 attack that killed 86")."""

from __future__ import annotations

import re

from etl.records import Measure, Sentence
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_claim import HARMS, Claim
from etl.stages.extract.events_gates import may_hold
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.events_vocab import EventVocabulary

# "two more died", "another three bodies", "a further 5 people": added to a figure given before.
_MORE_BEFORE = searcher(r"\b(?:another|a\s+further|further|an\s+additional|additional)\s+$", re.I)
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+than\b)", re.I)
# "a passer-by also succumbed", "two others died later in hospital": one more death told after the first
# figure (only for single people and "N others": a bare number here may restate the whole toll), added
# to the toll; events_after.LATER_DEATH is the other use of such wording: dating the incident.
_ADDED_DEATH = searcher(
    r"\b(?:also|later|subsequently|next\s+day|following\s+day|overnight|on\s+the\s+way\s+to|in\s+hospital|at\s+(?:the\s+)?hospital|"
    r"(?:from|of)\s+(?:his|her|their)\s+(?:wounds|injuries))\b",
    re.I,
)
_ALSO_BEFORE = searcher(r"\balso\s+$", re.I)
_OTHERS_AFTER = re.compile(r"\s+others?\b", re.I)
# Characters before a number searched for wording that makes it another incident's figure, and
# words one of which every such wording (measures.toml other_incident_*) contains.
_OTHER_WINDOW = 150
_OPENING_QUOTES = "\"“‘'"
OTHER_WORDS = ("claim", "bringing", "since", "follow-up", "followup", "subsequent", "pursuit", "manhunt", "accused of", "accused for", "accused in", "suspected of", "suspected for", "suspected in", "wanted of", "wanted for", "wanted in", "after", "before", "than", "week", "month", "year", "deadliest", "worst", "bloodiest", "counter", "separate", "earlier", "previous", "similar", "unrelated", "later", "retaliat", "one of", "the other", "the second", "the first", "the third", "related", "together", "combined", "collectively", "jointly", "in all", "in total", "between them")
_AFTER_WORD = searcher(r"\b(?:after|following)\b", re.I)
# "shot dead two men accused of the market bombing": the state's pursuit of an attack's perpetrators
# (deaths and wounds in it are another incident; arrests of suspects keep their own row).
_ACCUSED_OF = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:accused|suspected|wanted)\s+(?:of|for|in)\s+(?:(?:carrying\s+out|involvement\s+in|masterminding|planning|taking\s+part\s+in)\s+)?"
    r"(?:the|a|an|last\s+\w+['’]s|this\s+\w+['’]s)\s+(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|ambush(?:es)?|raids?|massacres?|killings?|murders?)\b"
    # "two suspects were killed on Sunday as a manhunt for the attackers closed in"
    r"|[^.;]{0,60}?\b(?:manhunt|(?:hot\s+)?pursuit\s+of\s+the)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[,;:]|\s(?:and|but|while|whereas)\s")

# The measure a part cue names: "the dead included", "among the injured".
_CUE_MEASURES: tuple[tuple[re.Pattern[str], Measure], ...] = (
    (searcher(r"\b(?:dead|killed|deceased|victims|fatalities|bodies|martyrs)\b", re.I), "killed"),
    (searcher(r"\b(?:injured|wounded|hurt)\b", re.I), "injured"),
    (searcher(r"\b(?:detained|arrested|detainees)\b", re.I), "arrested"),
    (searcher(r"\b(?:abducted|kidnapped|hostages)\b", re.I), "kidnapped"),
)
# "5 of them", "three of the injured": a part of a figure given before.
_OF_THEM = re.compile(r"\s*(?:of\s+(?:them|those|whom|the\s+(?:dead|victims|injured|wounded|deceased)))\b", re.I)
# Characters before a number searched for a running-total wording (as the linker's toll window).
_TOLL_WINDOW = 150
# "were taken", "carried away" are kidnappings only in a text that speaks of one within this many
# characters (before or after) of the number.
_ABDUCTION_WINDOW = 1500
_ABDUCTION = searcher(r"kidnap|abduct|hostage|ransom|captiv|captors", re.I)
_TAKING = searcher(r"\b(?:taken|carr|whisk|spirit|march|dragged|herded)", re.I)
# Characters before a number searched for "later confirmed".
_CONFIRM_WINDOW = 40
# What may stand between a running-total wording and its number ("rose to [at least] 18").
_QUALIFIED_END = re.compile(r"\s*(?:(?:at least|more than|over|about|around|nearly|some|almost)\s+)?", re.I)
# "five traders were abducted [from the market] and (later) shot dead": the same people were killed.
THEN_KILLED = re.compile(
    r"(?:(?!\b(?:and|but|while|who|after|before|when)\b)[^.;:])*?\band\s+(?:(?:later|then|subsequently|eventually|were|was|all)\s+)*"
    r"(?P<verb>killed|shot\s+dead|murdered|executed|beheaded|slain|gunned\s+down|\w+ed\s+to\s+death|found\s+dead)\b",
    re.I,
)
_LATER_CONFIRMED = searcher(
    r"\b(?:later|subsequently|eventually|since|finally|officially)\s+(?:\w+\s+)?confirm(?:ed|s)\s+(?:that\s+)?(?:only\s+)?$", re.I
)
_OF_THEM_PLAIN = re.compile(r"\s*of\s+them\b", re.I)


def toll_before(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> bool:
    """"... before the toll was revised on Saturday to [18] dead": a running total right before the
    number, whatever word then gives the measure (tried only in a sentence with "toll", "tally" or
    "total")."""
    start = max(sent.char_start, c.start - _TOLL_WINDOW)
    while (m := vocab.update.search(text, start, c.start)) is not None:  # "bringing the [toll to] 12": not only the first wording
        if _QUALIFIED_END.fullmatch(text, m.end(), c.start) is not None:
            return True
        start = m.end() if m.end() > m.start() else m.start() + 1
    return False


def their_side(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> str | None:
    """"the attackers also suffered heavy losses, with 21 of them neutralised": "them" are the
    last people the sentence names before the number; when they are perpetrators, the figure is
    their own toll, not a part of the victims' figure given before."""
    if _OF_THEM_PLAIN.match(text, c.end, sent.char_end) is None:
        return None
    named = [m.lastgroup for m in vocab.subject_words.finditer(text, sent.char_start, c.start)]
    return named[-1] if named and named[-1] in vocab.perpetrators else None


def later_confirmed(text: str, c: Candidate, sent: Sentence) -> bool:
    """"Three were feared dead ... Police later confirmed two deaths": a later confirmation
    stands for the earlier, provisional figure (tried only in a sentence with "confirm")."""
    return _LATER_CONFIRMED.search(text, max(sent.char_start, c.start - _CONFIRM_WINDOW), c.start) is not None


def abduction(text: str, c: Candidate, trig: str) -> bool:
    """A kidnapping wording, or a taking ("were taken", "carried away") in a text about an abduction."""
    if _TAKING.search(trig) is None:
        return True
    return _ABDUCTION.search(text, max(0, c.start - _ABDUCTION_WINDOW), c.end + _ABDUCTION_WINDOW) is not None


def part_cue(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> tuple[bool, Measure]:
    """Whether the number is a part ("including 5", "5 of them"), and the measure its cue names
    ("the dead included" -> killed; "count" when the cue names none)."""
    head = text[max(0, c.start - 40) : c.start]  # may reach back over "incl." taken for a sentence end
    cue = vocab.part.search(head)
    if cue is None:
        of = _OF_THEM.match(text, c.end, sent.char_end)
        if of is None:
            return False, "count"
        named = of.group().rstrip().lower()  # "three of the injured": a share of the injured, not of the dead
        return True, "injured" if named.endswith(("injured", "wounded")) else "killed" if named.endswith(("dead", "deceased")) else "count"
    for pattern, measure in _CUE_MEASURES:
        if pattern.search(cue.group()):
            return True, measure
    return True, "count"


# "forced 45,000 people [from their homes]", "drove 3,000 families [out of their villages]": a verb of
# driving makes a displacement only with where the people were driven from (or "to flee"), and not
# when the same clause goes on to harm them ("forced the men out of their houses and shot them").
DRIVE = re.compile(r"(?:forc|dr[io]v|chas|push|expel|evict)", re.I)
_FROM_HOMES = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:(?:from|out\s+of|off)\s+(?:their|the|his|her)\s+(?:[\w'’-]+\s+)?(?:homes?|houses?|villages?|lands?|farms?|"
    r"communities|towns?|areas?|neighbou?rhoods?|settlements?|camps?|districts?)\b|to\s+(?:flee|leave|abandon)\b|into\s+(?:exile|hiding|camps?)\b)"
    r"(?![^.;]{0,90}?\b(?:and|before|then)\s+(?:\w+\s+)?(?:shot|killed|executed|murdered|abducted|kidnapped|beheaded|lined|killing|shooting)\b)",
    re.I,
)


def driven_out(text: str, c: Candidate, sent: Sentence) -> bool:
    """"drove 3,000 families from their villages": the people were driven from their homes."""
    return _FROM_HOMES.match(text, c.end, sent.char_end) is not None


# "bringing to seven the number killed in Wednesday's bombing": a running total of this incident (not
# "bringing to 340 the number killed this year").
_THIS_TOLL = re.compile(
    r"\s+the\s+(?:number|toll)\s+(?:of\s+(?:people\s+|\w+\s+)?)?(?:killed|dead|deaths|wounded|injured)\s+(?:in|from|by)\s+(?:the|a|an|this|that|[\w’']+['’]s)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:attack|bombing|blast|explosion|ambush|raid|assault|shooting|massacre|fire|strike|stampede|collapse)s?\b(?![^.;]{0,40}\b(?:this|last|so\s+far|since)\b)"
    # "raising to six the number killed when their vehicle struck a bomb": the clause tells the deed
    r"|\s+the\s+(?:number|toll)\s+(?:of\s+(?:people\s+|\w+\s+)?)?(?:killed|dead|deaths|wounded|injured)\s+(?:when|as|after|in\s+which)\s+",
    re.I,
)

# "killed eight soldiers ..., raising an initial toll of five", "up from an earlier figure of 3": the
# figure before the cue replaces the one it names (set on our own golden cases).
_RAISES_EARLIER = re.compile(
    r"\b(?:raising|revising|lowering|correcting|updating|up\s+from|down\s+from|from)\s+(?:an?|the|its|their)\s+(?:initial|earlier|previous|first|preliminary|provisional)\s+"
    r"(?:death\s+)?(?:toll|figure|count|tally|estimate)\s+of\b",
    re.I,
)
# "Officials initially reported three dead; the health director later said 13 had been killed": a
# figure told after a first report and a boundary ("; ", ". ", "but", "later") replaces it.
_INITIAL_REPORT = re.compile(r"\b(?:initially|at\s+first|originally|(?<!the\s)(?<!a\s)first)\s+(?:\w+\s+)?(?:said|reported|put|gave|announced|stated|counted|spoke\s+of)\b", re.I)
_REPORT_BOUNDARY = re.compile(r";|\.\s|\bbut\b|\blater\b", re.I)
_REPORTED = re.compile(r"\b(?:said|says|put|puts|reported|reports|gave|gives|confirmed|confirms|counted|announced)\b[^.;]{0,60}$", re.I)
_INITIAL_REACH = 250
# "initial toll 12, eventually 48 dead", "at first five were reported killed, later nine": a figure
# after a first one, marked by a word of later time right before it (calibrated on dev19a's tuning half).
_LATER_FIGURE = re.compile(r"\b(?:eventually|later|finally|ultimately|subsequently|afterwards)\s*,?\s+(?:(?:at\s+least|more\s+than|over|about|around|some|nearly)\s+)?$", re.I)
# (a first report or count, not any first step: "at first the gunmen shot three guards; later five villagers were killed" adds)
_INITIAL_FIGURE = re.compile(
    r"\b(?:(?:initial|first|early|preliminary)\s+(?:death\s+)?(?:tolls?|figures?|counts?|reports?|estimates?|tally)|"
    r"(?:initially|at\s+first|originally),?\s+(?:[\w'’-]+\s+){0,3}?(?:reported|said|put|gave|counted|listed|recovered|confirmed|spoke)\b|"
    r"(?:initially|at\s+first|originally)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen))",
    re.I,
)
_LATER_REACH = 40

_TO_BEFORE = re.compile(r"\b(?:bringing|raising|taking|pushing|brought|raised|took|pushed)\s+to\s+(?:at\s+least\s+)?$", re.I)


_INCLUDING = re.compile(r"\b(?:including|counting)\b", re.I)


def including(text: str, start: int, end: int) -> bool:
    """"18 [including] the attackers": the people named after the figure are only part of it."""
    return _INCLUDING.search(text, start, end) is not None


def replaces_earlier(text: str, c: Candidate, sent: Sentence) -> bool:
    """A figure that replaces an earlier one: "killed eight, raising an initial toll of five", or
    told after a first report ("initially said nine had died; by the weekend it said 24"), or after
    a first figure by a word of later time ("initial toll 12, eventually 48 dead")."""
    tail = text[c.end : sent.char_end].lower()
    if ("toll" in tail or "figure" in tail or "count" in tail or "tally" in tail or "estimate" in tail) and _RAISES_EARLIER.search(text, c.end, sent.char_end):
        return True
    if _LATER_FIGURE.search(text, max(sent.char_start, c.start - _LATER_REACH), c.start) and _INITIAL_FIGURE.search(text, sent.char_start, c.start):
        return True
    head = text[max(0, c.start - _INITIAL_REACH) : c.start]
    lowered = head.lower()
    if "initial" not in lowered and "first" not in lowered and "original" not in lowered:
        return False
    reports = list(_INITIAL_REPORT.finditer(head))
    if not reports:
        return False
    boundary = _REPORT_BOUNDARY.search(head, reports[-1].end())
    return boundary is not None and _REPORTED.search(head, boundary.end()) is not None


def this_toll(text: str, c: Candidate, sent: Sentence) -> bool:
    """"bringing to [seven] the number killed in the bombing": the number is the incident's running total."""
    return _TO_BEFORE.search(text, max(sent.char_start, c.start - 20), c.start) is not None and _THIS_TOLL.match(text, c.end, sent.char_end) is not None


def other_incident(text: str, c: Candidate, sent: Sentence, link: Claim, vocab: EventVocabulary) -> bool:
    """"since the 2022 attack that killed 86", "a week after a bomb killed 11", "killed 30 in a
    counter-offensive", "in separate operations": a figure of another incident, not this one."""
    stop = c.start - 1 if c.start > sent.char_start and text[c.start - 1] in _OPENING_QUOTES else c.start  # "claimed they killed '25' troops"
    other = vocab.other_before.search(text, max(sent.char_start, stop - _OTHER_WINDOW), stop)
    if other is not None and not (other.group().lower().startswith("bringing") and this_toll(text, c, sent)):
        return True
    if vocab.earlier_after.match(text, c.end, sent.char_end) and _AFTER_WORD.search(text, sent.char_start, min(c.start, link.trig_start)):
        return True  # "burned the station after an attack killed 6 the day before"
    start = max(c.end, link.trig_end)
    if link.measure in HARMS and _ACCUSED_OF.match(text, start, sent.char_end):
        return True  # "gunned down a militant accused of last week's bombing": the pursuit, not the attack
    tail = text[start : sent.char_end]
    if not may_hold(vocab.other_after_pieces, tail, tail.lower()):
        return False  # ("in separate operations", "in a counter-offensive": none of their words after the number)
    return vocab.other_after.match(text, start, sent.char_end) is not None


def added(text: str, c: Candidate, sent: Sentence, link: Claim) -> bool:
    """"two more died", "another three bodies", "the attackers also killed a civilian", "a passer-by
    also succumbed": an addition to a figure given before."""
    if _MORE_AFTER.match(text, c.end, sent.char_end):
        return True
    if _MORE_BEFORE.search(text, max(sent.char_start, c.start - 20), c.start) is not None:
        return True
    if link.measure != "killed" or c.surface.lower() == "the":  # "the policeman later died": someone named before
        return False
    if link.how == "before" and _ALSO_BEFORE.search(text, max(sent.char_start, link.trig_start - 12), link.trig_start):
        return True  # "the attackers also killed a civilian"
    if not (c.value == 1 or _OTHERS_AFTER.match(text, c.end, sent.char_end)):
        return False
    end = _CLAUSE_END.search(text, link.trig_end, sent.char_end)
    return _ADDED_DEATH.search(text, c.end, end.start() if end else sent.char_end) is not None


# "treated 31 people [for gunshot wounds]", "treated 12, most for burns": a verb of care counts the
# injured only with what they were treated for.
TREAT = re.compile(r"treat", re.I)
_TREATED_FOR = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s*,?\s+(?:(?:most|many|some|all|several)\s+(?:of\s+them\s+)?)?(?:for|with)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:injuries|injury|wounds?|burns|fractures|gunshot|shrapnel|bullet|stab)",
    re.I,
)


def treated_for(text: str, c: Candidate, sent: Sentence) -> bool:
    """"treated 31 people, most for shrapnel wounds": hurt people (not "treated 300 patients")."""
    return _TREATED_FOR.match(text, c.end, sent.char_end) is not None
