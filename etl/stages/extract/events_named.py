"""Victims named one by one, counted without a number.

"Ali Musa, 45, and his son Ibrahim, 12, were shot dead" counts two; "Mohammed Saleh, his wife
Samah and their twin daughters were killed" counts four; "The slain have been identified as A (60),
his wife B (55) and their neighbour C (38)" counts three; "The victims, Musa Ibrahim and Aliyu
Bello, were shot dead" (a list set off by commas after a noun without a number) counts two, and
"The victim, Chinedu Okafor, was stabbed" one.

A list is a run of persons joined by commas and "and": a name of two or more capitalised words
(or one word with an age after it: "Bakhit, 19,"), or a kin noun after "his/her/their" with an
optional name ("his son Ibrahim", "their cousin Bakhit"). "twin daughters" counts two, "their
three children" three. A list right before a casualty verb becomes one candidate spanning the
list (the linker then gives it the verb's measure); a list after "killed/slain/injured ...
identified as" becomes a claim of that measure. Names are matched case-sensitively: a single
capitalised word at a sentence start ("Soldiers were killed") is not a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from etl.records import Sentence
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_link import Claim
from etl.stages.extract.events_regex import factor

# Every list holds a comma or " and ", and a capitalised word or a possessive; texts without
# any casualty verb or "identified" were already skipped by the stage's gate.
_KIN_SOURCE = (
    "wife|husband|son|daughter|brother|sister|father|mother|uncle|aunt|nephew|niece|cousin|grandson|"
    "granddaughter|grandmother|grandfather|neighbour|neighbor|friend|colleague|fiancé|fiancée|"
    "stepson|stepdaughter|child|baby|sons|daughters|children|brothers|sisters|twins|cousins"
)
_KIN = factor(_KIN_SOURCE)
_PLURAL_KIN = frozenset({"sons", "daughters", "children", "brothers", "sisters", "twins", "cousins"})
_SIZE = {"twin": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Capitalised words that are no name: pronouns, determiners, prepositions, number words, days, months.
_NOT_NAME = (
    r"(?!(?:He|She|They|It|We|The|A|An|His|Her|Their|Its|This|That|These|Those|Two|Three|Four|Five|Six|Seven|"
    r"Eight|Nine|Ten|Both|All|Police|Officials|Residents|Witnesses|Gunmen|Security|Local|Some|Many|Several|"
    r"On|In|At|By|From|For|With|After|Before|During|Since|When|While|But|And|Earlier|Later|Last|Late|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)"
)
# (a full stop only after an initial or a short title, "J.", "Dr.": "Ormoc City. PCpl Reyes" ends a sentence)
_WORD = rf"{_NOT_NAME}(?:[A-Z][\w'’-]{{0,2}}\.|[A-Z][\w'’-]*)"
_LINK_WORD = r"(?:al|el|bin|ibn|bint|de|da|del|dos|das|van|von|la|le|y)[\s-]+"
_NAME = rf"{_WORD}(?:\s+(?:{_LINK_WORD})?{_WORD}){{1,4}}"
_AGE = r"(?:\s*,\s*\d{1,3}\s*,|\s*\(\s*\d{1,3}\s*\))"


def _item(named: bool) -> str:
    """One person of a list (with named groups ``size`` and ``kin`` only when ``named``: a list
    repeats the item, and a group name may occur once)."""
    size, kin = ("(?P<size>", "(?P<kin>") if named else ("(?:", "(?:")
    kin_item = (
        rf"(?:his|her|their)\s+{size}(?:twin|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
        rf"(?:(?:elder|younger|eldest|youngest|older|teenage|infant|little|\d{{1,2}}-year-old)\s+)?"
        rf"{kin}{_KIN})\b(?:,?\s+{_WORD}(?:\s+{_WORD}){{0,3}})?"
    )
    return rf"(?:{kin_item}|{_NAME}|{_WORD}(?={_AGE}))(?:{_AGE})?"


_ITEM = _item(named=False)
# (an age between commas ends with the list's comma: "Ahmed Ali, 34, Bilal Khan, 27, and ...")
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|(?<=,)\s+(?:and\s+)?)"
_ITEM_RE = re.compile(_item(named=True))
# Up to eight persons; the list starts a clause (not "killed Ali Musa and ...": the verb then
# gives the count itself) and two or more persons, or one with an age, come before the verb.
_LIST = rf"(?P<list>{_ITEM}(?:{_SEP}{_ITEM}){{0,7}})"
# A passive casualty verb, or one that takes no object (an active "Ali Musa killed ..." is no victim list).
_VERB = (
    r"\s+(?:(?:all|both|reportedly|allegedly|also|later)\s+)?(?:(?:were|was|had\s+been|have\s+been|has\s+been|are|is|got)\s+"
    r"(?:(?:all|both|reportedly|allegedly|also|later|fatally|brutally)\s+)?(?:killed|shot|gunned|murdered|slain|stabbed|hacked|"
    r"beheaded|executed|injured|wounded|hurt|burn[te]d?|lynched|found\s+dead|martyred|abducted|kidnapped)|died|perished|succumbed|sustained|suffered)\b"
)
_VERB_RE = re.compile(_VERB)
# The participle of every verb above, searched for first: after a space (``re`` finds a literal
# first character in C, several times faster than a word boundary); the list is then looked for
# only before one whose preceding words end as a list does (trying every word start for a list
# cost more than all the rest of this module).
_PARTICIPLE = re.compile(
    r" (?=[kdsgmhebiwlfa])(?:killed|shot|gunned|murdered|slain|stabbed|hacked|beheaded|executed|injured|wounded|hurt|"
    r"burn[te]d?|lynched|found|martyred|abducted|kidnapped|died|perished|succumbed|sustained|suffered)\b"
)
_AUX_WORDS = frozenset(
    "were was had have has been are is got all both reportedly allegedly also later fatally brutally".split()
)
_KIN_WORDS = frozenset(_KIN_SOURCE.split("|"))
_LIST_BEFORE = re.compile(rf"(?<![\w'’.-])(?=[A-Zht]){_LIST}$")
# "The victims, Musa Ibrahim and Aliyu Bello, were shot dead": a list set off by commas after a
# noun without a number (a number there, "Two brothers, A and B,", already counts them).
_NUMBER_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten|both|several|many|\d[\w,.]*)\b"
_APPOSITIVE_HEAD = re.compile(
    rf"(?:^|[.;:!?]\s*|\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er)\s+)(?:(?!{_NUMBER_WORD})[a-z][\w'’-]*\s+){{0,2}}(?!{_NUMBER_WORD})[a-z][\w'’-]*\s*,\s*$"
)
# Characters before a verb searched for its list, and before a participle for its auxiliaries.
_LIST_WINDOW = 260
_AUX_REACH = 60
# "The slain persons have been identified as ...", "police identified the dead as ...".
_IDENTIFIED = re.compile(
    rf"(?:\b(?:(?P<killed>slain|dead|deceased|killed|victims|bodies)|(?P<injured>injured|wounded))\b[^.;]{{0,40}}?\bidentified"
    rf"|\bidentified\s+(?:the\s+)?(?:(?P<killed2>dead|deceased|victims|bodies|slain)|(?P<injured2>injured|wounded)))"
    rf"\s+as\s+{_LIST}",
)


def _size(list_text: str) -> int | None:
    """How many persons a list names, or None when a plural kin noun gives no size ("their sons")."""
    total = 0
    for m in _ITEM_RE.finditer(list_text):
        kin = m.group("kin")
        size = m.group("size")
        if kin in _PLURAL_KIN or size:
            if not size:
                return None
            total += _SIZE[size.strip()]
        else:
            total += 1
    return total


def _candidate(text: str, start: int, end: int, hint: str | None = None, *, single: bool = False) -> Candidate | None:
    size = _size(text[start:end])
    if not size or (size == 1 and not single and not re.search(_AGE + r"$", text[start:end])):
        return None
    value = float(size)
    return Candidate(start, end, text[start:end], value, value, value, "exact", hint)


def _list_end(text: str, lo: int, at: int) -> tuple[int, bool] | None:
    """Where a list before the participle at ``at`` would end (before its auxiliaries), when the
    words there end as a list does (a capitalised word, an age, a kin noun), and whether it is set
    off by a comma after a name (an appositive: "The victims, A and B, were"); else None."""
    words = text[lo:at].split()
    while words and words[-1].lower() in _AUX_WORDS:
        words.pop()
    if not words:
        return None
    last = words[-1]
    end = text.rfind(last, lo, at) + len(last)
    if last[-1] == "," and last[:1].isupper() and len(last) > 2:
        return end - 1, True
    if last[-1] in ",)":
        last = last[:-1] or (words[-2] if len(words) > 1 else "")
        if not last[-1:].isdigit():
            return None
    elif not (last[:1].isupper() or last in _KIN_WORDS):
        return None
    return end, False


def named_candidates(text: str, sent: Sentence) -> list[Candidate]:
    """Lists of named persons right before a casualty verb, each as one count (numbers inside
    the list, "their two children", are then the list's, not counts of their own)."""
    if text.find(",", sent.char_start, sent.char_end) < 0 and text.find(" and ", sent.char_start, sent.char_end) < 0:
        return []
    out: list[Candidate] = []
    for verb in _PARTICIPLE.finditer(text, sent.char_start, sent.char_end):
        found = _list_end(text, max(sent.char_start, verb.start() - _AUX_REACH), verb.start() + 1)
        if found is None:
            continue
        at, appositive = found
        if (out and at <= out[-1].end) or _VERB_RE.match(text, at + appositive, sent.char_end) is None:
            continue
        m = _LIST_BEFORE.search(text, max(sent.char_start, at - _LIST_WINDOW), at)
        if m is not None and appositive:  # the span takes the closing comma: the verb follows it
            head = _APPOSITIVE_HEAD.search(text, sent.char_start, m.start("list"))
            cand = _candidate(text, m.start("list"), at + 1, single=True) if head is not None else None
        else:
            cand = _candidate(text, *m.span("list")) if m is not None else None
        if cand is not None:
            out.append(cand)
    return out


def inside(spans: Sequence[Candidate], c: Candidate) -> bool:
    """Whether ``c`` lies inside one of the named lists ``spans``."""
    return any(s.start <= c.start and c.end <= s.end for s in spans)


def identified_claims(text: str, sent: Sentence) -> list[Claim]:
    """"The dead were identified as A, B and C": a claim of the measure named before the list."""
    if text.find("identified", sent.char_start, sent.char_end) < 0:
        return []
    out = []
    for m in _IDENTIFIED.finditer(text, sent.char_start, sent.char_end):
        start, end = m.span("list")
        cand = _candidate(text, start, end)
        group = next(g for g in ("killed", "killed2", "injured", "injured2") if m.group(g))
        if cand is not None:
            out.append(Claim(cand, group.rstrip("2"), m.start(group), m.end(group), "before"))  # type: ignore[arg-type]
    return out
