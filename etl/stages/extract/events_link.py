"""Link each counted number in a sentence to the measure its wording states.

A number gets its measure from, in order: a participle after its noun phrase ("12 people [were
killed]"), a noun that names the measure ("12 [fatalities]", "37 [attacks]"), an adjective
("12 [wounded] soldiers"), or a verb right before it ("[killing] at least 12"). Numbers left over
borrow the measure of a coordinated neighbour ("[one civilian] and six assailants were killed";
"killed five soldiers and [three civilians]") and then share its trigger, which is how sums are
grouped. "including 5 children" and "5 of them" mark a part of the previous claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from etl.records import Sentence
from etl.stages.extract.actors import group_named_at
from etl.stages.extract.events_candidates import Candidate as Candidate
from etl.stages.extract.events_candidates import bracket_noun_start, with_bracket_subjects
from etl.stages.extract.events_candidates import candidates_from as candidates_from
from etl.stages.extract.events_claim import HARMS
from etl.stages.extract.events_claim import Claim as Claim
from etl.stages.extract.events_clause import AUX_START, of_injured, trigger, wounded_then_died
from etl.stages.extract.events_fatal import split_fatal
from etl.stages.extract.events_gapped import gapped
from etl.stages.extract.events_gates import may_match
from etl.stages.extract.events_marks import (
    DRIVE,
    OTHER_WORDS,
    THEN_KILLED,
    TREAT,
    abduction,
    added,
    driven_out,
    including,
    later_confirmed,
    other_incident,
    part_cue,
    replaces_earlier,
    their_side,
    this_toll,
    toll_before,
    treated_for,
)
from etl.stages.extract.events_notes import (
    also_told,
    apposed,
    died_of_wounds,
    excluded_link,
    included_note,
    of_injured_told,
    opening_after,
    revise,
    revised_link,
    shares,
    side_before,
    subject_killed,
    suicide_bombers,
    summed_link,
    sums_before,
    unit_number,
)
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.events_vocab import EventVocabulary, LinkPattern, match_after, pick

# Characters of text before a verb that are checked for hypothetical wording ("threatened to").
_HYPOTHETICAL_WINDOW = 40
# Characters before a number searched for a preceding verb ("killing at least 12"); a window with
# "toll" in it is searched further back ("the death toll from ... has risen to 40").
_BEFORE_WINDOW = 60
_TOLL_WINDOW = 150
# A note's opening measure word ("Injured in ...: 5 gendarmes") is looked for this far before the number.
_HEADING_WINDOW = 240

# A transitive participle followed by its own object is active voice ("5 gunmen killed 3 people").
_ACTIVE_OBJECT = re.compile(
    r"\s+(?:at least|at most|more than|over|up to|nearly|about|around|some|another|a|an|the|his|her|"
    r"their|its|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores|several|"
    r"many|him|them|himself|herself|themselves|people|civilians|soldiers)\b",
    re.I,
)
# Text between two coordinated numbers: at most four words of noun phrase (a name's initial with its
# full stop, and an age: "a girl, 8, and her brother"), then "and" or a comma.
_COORD = re.compile(
    # Possessive quantifiers: '-' belongs to both classes, and plain ones backtrack exponentially.
    r"(?:[\s-]*+[\w'’-]++(?:(?<=\b[A-Z])\.)?+){0,6}?(?:,\s*\d{1,3}(?=\s*,))?(?:\s*,\s*(?:and\s+|as well as\s+|plus\s+)?|\s+(?:and|as well as|plus|along with|&|\+)\s+)"
    r"(?:(?:his|her|their|its|the|all)\s+)?",
    re.I,
)
_COORD_MAX_GAP = 120
_TRANSITIVE = searcher(
    r"(?:kill|injur|wound|hurt|maim|arrest|detain|captur|apprehend|kidnapp?|abduct|seiz|snatch|execut|murder|"
    r"massacr|assassinat|behead|slain|shot|gunned|stabbed|beaten)\w*(?:\s+dead|\s+down)?$",
    re.I,
)
# A finite verb between two numbers means two clauses, not a coordinated noun phrase.
_FINITE = searcher(r"\b(?:was|were|is|are|had|has|have|been|be|said|says)\b", re.I)
_POPULATION = searcher(
    r"\b(?:town|city|village|district|province|region|country|nation|camp|population|home)\s+(?:of|to)\s+"
    r"(?:about|some|around|nearly|almost|roughly|more\s+than|over|an\s+estimated)?\s*$",
    re.I,
)
_OTHERS = re.compile(r"\s*(?:more|others|other)\b", re.I)
# "we have lost 40 teachers who refused to come back", "lost 12 nurses to other hospitals": people
# who left, not deaths.
_LEFT_NOT_DIED = re.compile(
    r"[^.;]{0,60}?\b(?:who\s+(?:have\s+|had\s+|then\s+|later\s+)?(?:\w+\s+)?(?:refused|left|fled|quit|resigned|moved|declined|"
    r"deserted|defected|transferred|relocated|stopped|emigrated|went|chose|decided)|to\s+(?:other|rival|another|private)\s)\b",
    re.I,
)
_LOSS_STEMS = frozenset({"los", "mou", "reg", "dep"})  # "lost", "mourn / regret / deplore the loss of": tolls only of people
_LIVES_VERB = searcher(r"\b(?:claim(?:ed|ing|s)?|cost(?:ing|s)?|took|taking|takes|lost)\s+(?:\w+\s+){0,2}$", re.I)
_BODIES_OF = searcher(r"\b(?:bodies|body|remains|corpses|corpse)\s+of\s+(?:at\s+least\s+|another\s+|some\s+|about\s+|the\s+)?$", re.I)
# "The death toll rose to 5 in hospital", "the toll rose to 5 in hospital", "the number of dead climbed to 9
# at the morgue": a death toll's figure is the dead, whatever place follows it (not the injured that "5 in
# hospital" alone would be).
_DEATH_TOLL_TO = searcher(
    r"(?<!injury\s)(?<!injured\s)(?<!wounded\s)(?<!casualty\s)\b(?:(?:death\s+|fatality\s+)?toll|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed))\b"
    r"(?:(?!injur|wound|hurt)[^.;\d]){0,60}?\b(?:to|at|reached|hit)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|around\s+|nearly\s+|some\s+)?$",
    re.I,
)
# Between two bracketed counts: "civilians (2) and a child (1)", "soldiers (3), police (1)".
_BRACKET_COORD = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|as well as|plus)\s+)(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s?", re.I)
# "a provincial official said": a source, not a count.
REPORTER = re.compile(
    # (not a passive: "a third victim was said to be critical", "a soldier was confirmed dead")
    r"\s+(?!(?:was|were|is|are|being|been)\b)(?:\w+\s+){0,2}(?<!\bwas )(?<!\bwere )(?:said|says|told|added|reported|confirmed|stated)\b", re.I
)
# "nine civilians died, along with all five gunmen": the same measure, added to the sentence's total;
# and a plain "with" right after a verb of death ("a commander was killed with two bodyguards", "was
# shot dead with his three sons": not "clashed with two gunmen", "a man with two children").
_ADDITION = searcher(
    r"(?:\b(?:along with|together with|as well as|in addition to|plus)|\b(?:killed|shot\s+dead|slain|executed|gunned\s+down|murdered|died)\s+with)"
    r"\s+(?:all\s+|the\s+|his\s+|her\s+|their\s+)?$",
    re.I,
)
_AMONG = searcher(r"\bamong\b", re.I)
# Subjects that say only "people": a group named right after the number says whose ("three NPA members").
_GENERIC_SUBJECTS = frozenset({"members", "people"})
_RELATIVE_NP = re.compile(r"\bwho\s", re.I)
# "among those killed were 5 children; in all 18 people died": a summed figure stands for the others.
# Characters before a toll wording read with it for an update ("the company [later] put the toll at four").
_UPDATE_LEAD = 16
_QUOTE_OPENS = re.compile(r"[\"“‘'](?!\s)|(?<!\S)[\"“‘']")  # (not a quoted verb's closing quote: troops had "neutralised" 20)
_TOLL_AT = re.compile(r"\b(?:toll|tally|number|figure|dead|deaths|fatalities)\b", re.I)
_QUOTE_CLOSED = re.compile(r"[^\"”’'\s]{0,3}[\"”’']")
_OF_THE_WHOLE = searcher(r"\b(?:of\s+(?:the|its|their|all)|out\s+of(?:\s+the|\s+its|\s+their|\s+all)?)\s+$", re.I)
_IN_ALL = searcher(r"\b(?:in all|in total|altogether|all told)\s*,?\s*$", re.I)


def _in_all(text: str, c: Candidate, sent: Sentence) -> bool:
    """"in all 18 people died", "altogether 7"."""
    return _IN_ALL.search(text, max(sent.char_start, c.start - 16), c.start) is not None


def _hypothetical(text: str, sent: Sentence, at: int, vocab: EventVocabulary) -> bool:
    window = text[max(sent.char_start, at - _HYPOTHETICAL_WINDOW) : at]
    return may_match(vocab.hypothetical_gates, window, window.lower()) and vocab.hypothetical.search(window) is not None


def _threshold(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> bool:
    """"killings of three or more people in a single incident": a definition, not a count."""
    return c.qualifier in ("at_least", "more_than") and vocab.threshold.match(text, c.end, sent.char_end) is not None


def _link_one(text: str, c: Candidate, sent: Sentence, link: LinkPattern, vocab: EventVocabulary) -> Claim | None:
    if link.kind == "before":
        return _link_before(text, c, sent, link, vocab)
    m = match_after(link, text, c.end, sent.char_end)
    if m is None:
        return None
    measure, start, end, trig = trigger(m, link)
    if measure == "kidnapped" and not abduction(text, c, trig):
        return None
    if link.kind == "after":
        if AUX_START.match(trig) is None and _TRANSITIVE.search(trig) and _ACTIVE_OBJECT.match(text, m.end(), sent.char_end):
            return None
        if _hypothetical(text, sent, start, vocab) and not _RELATIVE_NP.search(m.group("np")):
            return None  # (not "a passenger who tried to flee was shot": the clause has its own verb)
        return Claim(c, measure, start, end, "after", part=_AMONG.search(trig) is not None)
    if _hypothetical(text, sent, c.start, vocab):
        return None
    if trig.lower() == "lives" and not _LIVES_VERB.search(text, max(sent.char_start, c.start - 40), c.start):
        return None  # "saved 12 lives" is not a toll; "claimed 12 lives" is
    return Claim(c, measure, start, end, link.kind)


def _link_before(text: str, c: Candidate, sent: Sentence, link: LinkPattern, vocab: EventVocabulary) -> Claim | None:
    """A verb or label right before the number ("killing at least 12"), or before the noun of a
    bracketed count ("killed farmers (5)")."""
    at = c.start
    if text[at] == "(":
        noun = bracket_noun_start(text, c, sent)
        at = noun if noun is not None else at
    lo = max(sent.char_start, at - _BEFORE_WINDOW)
    far = max(sent.char_start, at - _TOLL_WINDOW)
    if text.find("toll", far, at) >= 0 or text.find("number of", far, at) >= 0:
        lo = max(sent.char_start, at - _TOLL_WINDOW)
    window = text[lo : at]
    found = pick(link, window).search(window)
    if found is None:
        return _heading(text, c, sent, at, vocab) if at - sent.char_start <= _HEADING_WINDOW else None
    measure, start, end, trig = trigger(found, link, lo)
    if _hypothetical(text, sent, start, vocab) or (measure == "kidnapped" and not abduction(text, c, trig)):
        return None
    if _QUOTE_OPENS.search(text, end, at) and not (_QUOTE_CLOSED.match(text, c.end) and _TOLL_AT.search(text, start, end)):
        return None  # a toll's figure in quotes ("put the toll at 'more than 40'"), closed right after it
    if trig[:3].lower() in _LOSS_STEMS and not (c.subject_hint or vocab.subject.match(text, c.end, sent.char_end)):
        return None  # loss wordings: "lost 6 fighters", "mourn the loss of 5 soldiers" are tolls; "lost 6 seats" is not
    if trig[:3].lower() == "los" and _LEFT_NOT_DIED.match(text, c.end, sent.char_end):
        return None  # "lost 40 teachers who refused to come back": they left
    if measure == "injured" and TREAT.match(trig) and not treated_for(text, c, sent):
        return None  # "treated 300 patients" is no toll; "treated 31 people for gunshot wounds" is
    if measure == "displaced" and DRIVE.match(trig) and not driven_out(text, c, sent):
        return None  # "forced 20 people to pay" is no displacement; "forced 20 people from their homes" is
    # "the company later put the toll at four": the words just before the toll wording count too
    update = vocab.update.search(text, max(sent.char_start, start - _UPDATE_LEAD), end) is not None
    return Claim(c, measure, start, end, "before", update=update)


def _heading(text: str, c: Candidate, sent: Sentence, at: int, vocab: EventVocabulary) -> Claim | None:
    """"Injured in the grenade attack on the post on 2 July: 5 gendarmes": the note's opening word."""
    m = vocab.heading.match(text, sent.char_start, at)
    if m is None or m.lastgroup is None:
        return None
    update = vocab.update.search(m.group()) is not None  # "Killed in this attack: 3"
    return Claim(c, m.lastgroup, m.start(m.lastgroup), m.end(m.lastgroup), "before", update=update)  # type: ignore[arg-type]


def direct_link(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary, *, weak: bool = False) -> Claim | None:
    """The measure stated by the words around one number, or None (weak: only the weak measures)."""
    bodies = None if weak else _BODIES_OF.search(text, max(sent.char_start, c.start - 40), c.start)
    if bodies is not None:  # "the bodies of 9 men abducted last month": deaths, whatever follows
        return Claim(c, "killed", bodies.start(), bodies.end(), "before")
    claim = _worded_link(text, c, sent, vocab, weak=weak)
    if weak or claim is None or claim.measure == "killed":
        return claim
    toll = _DEATH_TOLL_TO.search(text, max(sent.char_start, c.start - 90), c.start)
    if toll is None:
        return claim
    update = vocab.update.search(text, max(sent.char_start, toll.start() - _UPDATE_LEAD), toll.end()) is not None
    return Claim(c, "killed", toll.start(), toll.end(), "before", update=update)  # "the death toll rose to 5 in hospital": the dead


def _worded_link(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary, *, weak: bool) -> Claim | None:
    """The measure the first matching wording (after, before, noun, adjective) gives the number."""
    links = vocab.weak if weak else vocab.strong
    for link in links:
        claim = _link_one(text, c, sent, link, vocab)
        if claim is not None and (_attributive(text, c, sent, claim, vocab) or _people_noun(text, c, claim)):  # "killing 6 displaced people": the verb says what happened
            verb = next((_link_one(text, c, sent, b, vocab) for b in links if b.kind == "before"), None)
            if verb is not None and verb.measure != claim.measure and (claim.how != "noun" or verb.measure in ("killed", "injured")):
                return verb
        if claim is not None:
            return wounded_then_died(text, c, sent, claim, vocab) if link.kind in ("after", "noun") else claim
    return None


def _attributive(text: str, c: Candidate, sent: Sentence, claim: Claim, vocab: EventVocabulary) -> bool:
    """A participle right after the number that describes the people named next ("6 [displaced] people")."""
    if claim.how not in ("after", "adjective") or text[c.end : claim.trig_start].strip():
        return False
    return vocab.subject_words.match(text, claim.trig_end + 1) is not None and text[claim.trig_end : claim.trig_end + 1] == " "


def _people_noun(text: str, c: Candidate, claim: Claim) -> bool:
    """A noun of people of another measure right after the number ("killed three [IDPs]", "shot two
    [hostages]"): the people the verb before it harmed."""
    return claim.how == "noun" and not text[c.end : claim.trig_start].strip()


def _status_noun(link: Claim | None, nxt: Claim | None) -> bool:
    """"6 hostages and 11 militants were killed": a noun of people's status ("hostages",
    "detainees") names them; the verb of harm both share says what happened to them."""
    return link is not None and nxt is not None and link.how == "noun" and link.measure not in HARMS and nxt.measure in HARMS


def _coordinated(text: str, left: Candidate, right: Candidate, vocab: EventVocabulary) -> bool:
    between = text[left.end : right.start]
    if text[right.start] == "(" and text[left.start] == "(":  # "civilians (2) and a child (1)"
        return len(between) <= _COORD_MAX_GAP and _BRACKET_COORD.fullmatch(between) is not None
    # Six words and a conjunction at most fit _COORD (longer gaps only backtrack); "one ... the other" are two fates.
    if len(between) > _COORD_MAX_GAP or _COORD.fullmatch(between) is None or _FINITE.search(between) or right.surface.lower() == "the other":
        return False
    if REPORTER.match(text, right.end):  # "killing four, two security sources said": a source
        return False
    if _OF_THE_WHOLE.search(text, max(0, left.start - 12), left.start):  # "Of the 40 passengers, 12 died": the whole
        return False
    return vocab.any_after.search(between) is None


def _subject(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> str | None:
    if c.subject_hint:
        return c.subject_hint
    m = vocab.subject.match(text, c.end, sent.char_end)
    if m is not None and including(text, c.end, m.start(m.lastgroup or 0)):
        return None  # "rose to 18 including the attackers": a toll of both sides, not the attackers'
    if (m is None or m.lastgroup in _GENERIC_SUBJECTS) and c.end < sent.char_end and group_named_at(text, c.end, vocab.actors):
        return "militants"  # "Five ADF were neutralised", "three NPA members", "two New People's Army fighters": the group's own
    return m.lastgroup if m else None


def _counted_people(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> bool:
    """A number of people with no measure ("240 passengers"): a ``count`` row. Not a single
    person ("a teacher"), not "more" or "others" (they only make sense next to a measure)."""
    if c.value is None or c.value < 2 or c.subject_hint:
        return False
    if _OTHERS.match(text, c.end, sent.char_end):
        return False
    if REPORTER.match(text, c.end, sent.char_end):  # "two officials said": sources, not a count
        return False
    if _POPULATION.search(text, max(sent.char_start, c.start - 40), c.start):  # "a town of 300,000 people"
        return False
    m = vocab.subject.match(text, c.end, sent.char_end)
    return m is not None and m.lastgroup != "victims"


def link_sentence(text: str, sent: Sentence, cands: Sequence[Candidate], vocab: EventVocabulary) -> list[Claim]:
    """Claims for the candidates of one sentence, in text order."""
    ordered = sorted((c for c in cands if not (_threshold(text, c, sent, vocab) or unit_number(text, c))), key=lambda c: c.start)
    if text.find("(", sent.char_start, sent.char_end) >= 0:  # "civilians (7)": a bracketed count
        ordered = with_bracket_subjects(text, sent, ordered, vocab)
    parts = [part_cue(text, c, sent, vocab) for c in ordered]
    links: list[Claim | None] = []
    for i, (c, (part, cue_measure)) in enumerate(zip(ordered, parts, strict=True)):
        link = gapped(text, c, sent, links[-1] if links else None) or direct_link(text, c, sent, vocab)
        if not part and i > 0 and apposed(text, c, links[-1], link):  # "three were killed, two Indians and ..."
            part, cue_measure = parts[i] = (True, links[-1].measure)  # type: ignore[union-attr]
        if link is None and part:
            link = Claim(c, cue_measure, c.start, c.end, "part")
        links.append(replace(link, part=True) if link is not None and part and not link.part else link)
    # forward: "one civilian and six assailants were killed", "five civilians, three soldiers and two police were killed"
    for i in range(len(ordered) - 2, -1, -1):
        nxt = links[i + 1]
        if (links[i] is None or _status_noun(links[i], nxt)) and nxt is not None and nxt.how in ("after", "coord") and _coordinated(text, ordered[i], ordered[i + 1], vocab):
            if i > 0 and _ADDITION.search(text, sent.char_start, ordered[i].start):
                continue  # "nine died, along with all five gunmen, and three were wounded": added to the deaths
            if i > 0 and parts[i - 1][0] and _coordinated(text, ordered[i - 1], ordered[i], vocab):
                continue  # "including 8 women and 2 infants, and 9 people were wounded": the list's last item
            links[i] = replace(nxt, cand=ordered[i], how="coord")
    for i in range(1, len(ordered)):  # backward: "killed five soldiers and three civilians"
        prev = links[i - 1]
        if links[i] is None and prev is not None and prev.how in ("before", "coord", "part") and _coordinated(text, ordered[i - 1], ordered[i], vocab):
            links[i] = replace(prev, cand=ordered[i], how="coord")
    added = False  # "..., along with all five gunmen"; "killed together with his wife and four children"
    for i in range(1, len(ordered)):
        prev = links[i - 1]
        if links[i] is None and prev is not None and (_ADDITION.search(text, sent.char_start, ordered[i].start) or (added and _coordinated(text, ordered[i - 1], ordered[i], vocab))):
            links[i], added = replace(prev, cand=ordered[i], how="coord", part=False, trig_start=ordered[i].start, trig_end=ordered[i].end), True
        else:
            added = False
    for i, c in enumerate(ordered):
        if links[i] is None:
            links[i] = direct_link(text, c, sent, vocab, weak=True) or revised_link(text, c, sent, links[:i]) or summed_link(text, c, sent, links[:i]) or subject_killed(text, c, sent, i == 0)
        if links[i] is None:
            them = vocab.them_killed.search(text, c.end, sent.char_end)
            if them is not None and not _hypothetical(text, sent, them.start(), vocab):
                links[i] = Claim(c, "killed", them.start(), them.end(), "after")
        if links[i] is None and _counted_people(text, c, sent, vocab):
            links[i] = Claim(c, "count", c.start, c.end, "count")
    split_fatal(text, sent, ordered, links, vocab)  # "five were shot, two fatally"
    return revise(_claims(text, sent, ordered, links, vocab))


def _claims(text: str, sent: Sentence, ordered: Sequence[Candidate], links: list[Claim | None], vocab: EventVocabulary) -> list[Claim]:
    """The linked candidates as claims: other incidents' figures and shares dropped; subject,
    side, addition, running total and deaths out of the injured marked."""
    claims: list[Claim] = []
    if all(link is None for link in links):
        return claims
    lowered = text[sent.char_start : sent.char_end].lower()
    other = any(word in lowered for word in OTHER_WORDS)
    toll = "toll" in lowered or "tally" in lowered or "total" in lowered  # (plain tests: tried on every claim)
    confirm = "confirm" in lowered
    skip = shares(text, sent, ordered, links)
    for i, (c, link) in enumerate(zip(ordered, links, strict=True)):
        if i in skip or link is None or (other and other_incident(text, c, sent, link, vocab) and not opening_after(text, sent, i, ordered, links)):
            continue
        link = suicide_bombers(text, c, excluded_link(text, c, sent, link, claims, vocab), vocab)  # "43 killed (excluding the two bombers)"
        subject = _subject(text, c, sent, vocab) or side_before(text, c, sent, link)
        side = their_side(text, c, sent, vocab) if link.part and subject is None and not claims else None
        subject = side or subject
        perpetrator = subject in vocab.perpetrators
        moved = link.moved or (link.measure == "killed" and of_injured(text, c, sent)) or of_injured_told(text, c, link, claims)
        more = not link.moved and (link.more or c.more or moved or added(text, c, sent, link) or also_told(text, link))  # (a share of the harmed adds nothing)
        update = link.update or _in_all(text, c, sent) or sums_before(text, c, sent, claims, link.measure) or (confirm and later_confirmed(text, c, sent)) or (link.how == "after" and this_toll(text, c, sent))
        update = update or (link.measure in ("killed", "injured") and replaces_earlier(text, c, sent))
        update = update or (toll and link.how in ("after", "noun", "adjective") and toll_before(text, c, sent, vocab))
        part = (link.part and not moved and side is None) or included_note(text, c, sent, lowered)
        claims.append(Claim(link.cand, link.measure, link.trig_start, link.trig_end, link.how, subject, perpetrator, part, update, more, moved, not moved and died_of_wounds(text, link, sent.char_end)))
        then = THEN_KILLED.match(text, link.trig_end, sent.char_end) if link.measure == "kidnapped" and link.how == "after" else None
        if then is not None:  # "were abducted and [shot dead]": deaths too
            claims.append(replace(claims[-1], measure="killed", trig_start=then.start("verb"), trig_end=then.end("verb")))
    return claims
