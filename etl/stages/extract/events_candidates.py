"""Numbers of a sentence that may count people: the candidates the linker gives a measure.

Percentages, money, measures with a unit, things ("two armoured vehicles"), ages ("a girl, 8,")
and "none of the 14" are left out; "Two (2) persons" is one number written twice, and a count in
brackets after its noun ("civilians (7)") spans the brackets and takes that noun as its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from etl.records import Qualifier, QuantityMention, Sentence
from etl.stages.extract.events_regex import factor, searcher
from etl.stages.extract.events_vocab import EventVocabulary

# "no one", "every one", "any one": not a count of one.
_NOT_A_COUNT = searcher(r"\b(?:no|every|any|some|not)\s*$", re.I)

# (The word lists are grouped by first letter: tried after every number, they are the costly part.)
_UNIT_AFTER = re.compile(
    r"[\s-]*(?:"
    + factor(r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg|tonnes?|tons?|percent|per\s*cent")
    + r")\b",
    re.I,
)
# People named after a thing they keep, drive or work in: "cattle keepers", "bus drivers", "shop owners".
_PEOPLE_OF_THINGS = (
    r"[\s-]+(?:keepers?|herders?|herdsmen|drivers?|owners?|traders?|dealers?|operators?|riders?|passengers?|workers?|"
    r"members?|staff|teachers?|students?|pupils?|congregants|worshipp?ers|attendants?|conductors?|officials?|guards?|"
    r"rustlers?|farmers?|sellers?|vendors?|users?|crews?|leaders?|"
    # a unit named after its weapon: "one Assam Rifles rifleman", "two Rashtriya Rifles soldiers"
    r"riflem[ae]n|soldiers?|troopers?|jawans?|personnel|officers?)\b"
)
# "captured two armoured vehicles", "two AK-47 rifles", "attacks on four police posts": things, not people.
_THINGS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:" + factor(r"vehicles?|trucks?|cars?|buses|motorcycles?|motorbikes?|boats?|aircraft|drones?|weapons?|rifles?|guns?|"
    r"firearms?|pistols?|handguns?|shotguns?|revolvers?|ammunition|cartridges|magazines|rounds|bullets|explosives|devices|ieds?|mines|grenades|rockets|missiles|shells|homes|houses|buildings|shops|"
    r"schools|churches|mosques|villages|towns|posts|positions|bases|camps|checkpoints|bridges|cattle|cows|goats|sheep|"
    r"camels|animals|livestock|bags|sacks|kilograms|kilos|tons|tonnes|litres|liters|barrels|hectares|acres|dollars|"
    r"rupees|naira|euros|pounds|shillings|francs|pesos|family|clans?|tribes?|seats|votes|games|matches|points|goals|medals")
    + r")\b(?!" + _PEOPLE_OF_THINGS + ")",
    re.I,
)
# "Two (2) persons were killed": the figure repeated in digits, as police releases write it.
_PAREN_REPEAT = re.compile(r"\s*\(\s*(\d+)\s*\)")
# "civilians (7) and soldiers (2) were killed": a count in brackets after the noun it counts; the
# candidate spans the brackets, and the word before must name people (see _bracket_subject).
_BRACKET_OPEN = searcher(r"[A-Za-z]\s?\(\s*$")
_BRACKET_CLOSE = re.compile(r"\s*\)")
_PLURAL = re.compile(r"(?:s|men|ren|people|police|personnel)$")
_BRACKET_NOUN = searcher(r"\b[A-Za-z][\w'’-]*\s?\(\s*$")
# "a girl, 8, and her brother, 11, were killed", "Ali Musa, 45, died": an age set off by commas
# after a person (a determiner and a noun, or a capitalised name).
_AGE_BEFORE = searcher(r"(?:\b(?i:a|an|the|his|her|their|my|our)\s+(?:[\w'’-]+\s+){0,2}?[a-z][\w'’-]*|\b[A-Z][a-z][\w'’-]*),\s*$")
_AGED = searcher(r"\b(?:aged|age)\s+$", re.I)
_AGE_AFTER = re.compile(r"\s*(?:,|\)|and\b)")
# Between a number and the same figure in brackets after its noun: "Fourteen [persons ](14)".
_REPEAT_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s?")
# "none of the 14 soldiers aboard was hurt": a zero (see measures.toml [[zero]]), not 14.
_NONE_OF = searcher(r"\bnone\s+of(?:\s+the|\s+its|\s+their)?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A number (or an implicit one: "a soldier", "himself") that may be a count of people."""

    start: int
    end: int
    surface: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    subject_hint: str | None = None
    more: bool = False  # "another soldier", "a third victim": added to an earlier figure


def candidates_from(text: str, quantities: Sequence[QuantityMention]) -> list[Candidate]:
    """Counts only: percentages, money and measures with a unit are not counts of people."""
    out = []
    skip_before = -1
    for q in quantities:
        if q.kind not in ("count", "measure") or (q.kind == "measure" and q.unit) or q.char_start < skip_before:
            continue
        end = _repeat_end(text, q)  # "Two (2) persons": one number, written twice
        skip_before = end
        if (q.value is None and q.low is None and q.high is None) or q.qualifier == "vague":
            continue  # (the plain tests first: the ones below are pattern scans)
        if _UNIT_AFTER.match(text, end) or _THINGS_AFTER.match(text, end):  # not people
            continue
        head = text[max(0, q.char_start - 12) : q.char_start]
        if _NONE_OF.search(head) or (q.value == 1 and _NOT_A_COUNT.search(head)):
            continue
        if q.value is not None and 0 < q.value < 1:  # "seriously injuring a third": one more person
            if not q.surface.lower().startswith(("a ", "an ")):
                continue
            out.append(Candidate(q.char_start, q.char_end, q.surface, 1.0, 1.0, 1.0, "exact"))
            continue
        if (text.find(",", q.char_start - 3, q.char_start) >= 0 or text.find("age", q.char_start - 5, q.char_start) >= 0) and _age(text, q.char_start, end):
            continue  # "a girl, 8, and her brother, 11,", "aged 29": ages
        start, end = _bracketed(text, q.char_start, end)
        out.append(Candidate(start, end, text[start:end], q.value, q.low, q.high, q.qualifier))
    return out


def _bracketed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span "(7)" of a count written in brackets after a word ("civilians (7)"), else the number's."""
    opening = _BRACKET_OPEN.search(text, max(0, start - 4), start) if text.find("(", start - 2, start) >= 0 else None
    closing = _BRACKET_CLOSE.match(text, end) if opening is not None else None
    if opening is None or closing is None:
        return start, end
    return text.rindex("(", 0, start), closing.end()


def _age(text: str, start: int, end: int) -> bool:
    """"a girl, 8, and": a number set off by commas right after a person; "aged 29", "age 40"."""
    if _AGED.search(text, max(0, start - 8), start) is not None:
        return True
    return _AGE_BEFORE.search(text, max(0, start - 40), start) is not None and _AGE_AFTER.match(text, end) is not None


def _bracket_subject(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> str | None:
    """The people a bracketed count counts ("civilians (7)"), or None when the word before names
    no one ("Constable Aslam (32)": an age)."""
    noun = _BRACKET_NOUN.search(text, max(sent.char_start, c.start - 40), c.start + 1)
    if noun is None:
        return None
    word = noun.group().rstrip(" (").lower()
    if (c.value or 0) > 1 and not _PLURAL.search(word):  # "a farmer (45)": an age
        return None
    m = vocab.subject.match(text, noun.start(), c.start)
    if m is not None and not text[m.end() : c.start].strip():
        return m.lastgroup
    return "people" if word[:1] == noun.group()[:1] and (c.value or 0) > 1 else None  # "herders (2)"


def _repeat_end(text: str, q: QuantityMention) -> int:
    m = _PAREN_REPEAT.match(text, q.char_end)
    if m is None or q.value is None or float(m.group(1)) != q.value:
        return q.char_end
    return m.end()


def with_bracket_subjects(text: str, sent: Sentence, ordered: list[Candidate], vocab: EventVocabulary) -> list[Candidate]:
    """Bracketed counts take the subject of the word before them, or are dropped (an age, or the
    figure repeated after its noun: "Fourteen persons (14)")."""
    out: list[Candidate] = []
    for c in ordered:
        if text[c.start] == "(":
            if out and out[-1].value == c.value and _REPEAT_GAP.fullmatch(text, out[-1].end, c.start):
                continue
            c = replace(c, subject_hint=_bracket_subject(text, c, sent, vocab))
            if c.subject_hint is None:
                continue
        out.append(c)
    return out


def bracket_noun_start(text: str, c: Candidate, sent: Sentence) -> int | None:
    """Where the word before a bracketed count starts ("[civilians] (7)"), or None."""
    noun = _BRACKET_NOUN.search(text, max(sent.char_start, c.start - 40), c.start + 1)
    return noun.start() if noun is not None else None
