"""Numbers written as names, not quantities: calibres, leading zeros, day/month slash pairs,
identifiers after a name word ("Article 370", "Glock 17") and phone numbers after a phone cue."""

from __future__ import annotations

import re

from etl.stages.extract.numbers_lexicon import LEXICON
from etl.stages.extract.numwords import Parsed

_CALIBRE = ("-calibre", " calibre", "-caliber", " caliber", "-cal ", " cal ", "-Calibre", "-Caliber")
# A slash pair shaped like a day and a month ("9/11", "3/11", "1/6") names a date or an event
# unless it reads as a fraction: a usual fraction denominator (halves to tenths as news writes them:
# "2/3 majority", "3/4 of"), or "of" or a unit after it; a date preposition before it ("since 9/11")
# or a hyphenated word after it ("9/11-era") makes it a date whatever the denominator.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10})
_SLASH_PAIR = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_DATE_PREPOSITION = re.compile(r"(?i:\b(?:since|after|before|until|till|following|on|pre|post)(?:\s+|-))$")
_FRACTION_AFTER = re.compile(r"^(?:\s+of\b|-?[ ]?(?i:inch|inches|mile|miles|cup|cups|teaspoon|tablespoon|pound|lb))")
# After a phone cue ("call 911 or"), what ends a phone number's phrase: punctuation or a connector.
_PHONE_END = re.compile(r"(?:\s*[.,;:!?)]|\s*$|\s+(?:or|and|for|if|to|immediately|now)\b)")


def _date_like_slash_pair(literal: str, before: str, after: str) -> bool:
    """"the 9/11 attacks", "since 3/11", "the 9/11-era offensive": a date or an event's name."""
    m = _SLASH_PAIR.match(literal)
    if m is None:
        return False
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    if _FRACTION_AFTER.match(after) or LEXICON.unit_after.match(after):
        return False  # "3/4 of", "a 1/2-inch pipe", "3/4 mile"
    if (after[:1] == "-" and after[1:2].isalpha()) or _DATE_PREPOSITION.search(before):
        return True
    return month not in FRACTION_DENOMINATORS


def written_as_name(masked: str, p: Parsed, before: str) -> bool:
    """A calibre, a number with a leading zero or a date-like slash pair."""
    if masked.startswith(_CALIBRE, p.end):
        return True  # "a .50-calibre gun", "a .22 caliber rifle": a calibre names a weapon
    if p.first_word[:1] == "0" and p.first_word[1:2].isdigit() and p.value != 0:
        return True  # "0800", "08031234567": no count is written with a leading zero
    return "/" in p.first_word and _date_like_slash_pair(p.first_word, before, masked[p.end:p.end + 12])


def named(masked: str, p: Parsed, before: str, *, window: int) -> bool:
    """"Article 370", "Glock 17", "call 112 or": a name never takes a scale word ("users number
    400 million"), nor a unit ("the water level 3 metres above normal") in the ``window`` characters after it."""
    m = LEXICON.identifier_before.search(before) if p.scale == 1.0 else None
    if m is None:
        return False
    if m.group("phone") is not None:  # "call 911 or dial 112": a phone number
        return _PHONE_END.match(masked, p.end, p.end + 14) is not None
    return LEXICON.unit_after.match(masked[p.end:p.end + window]) is None
