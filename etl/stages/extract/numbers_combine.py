"""Join neighbouring quantities: ranges, changes "from X to Y", two-sided bounds and ratios.

Works on candidates sorted by position; looks only at the (masked) text between two neighbours
and just before the first one. A hyphen between two integers where the first is not smaller
("won 3-1", "a 50-50 chance") is a score or a name, and both numbers are dropped.
"""

from __future__ import annotations

import math
import re

from etl.records import ChangeDirection
from etl.stages.extract.numbers_attach import WINDOW, Cand
from etl.stages.extract.numbers_lexicon import LEXICON
from etl.stages.extract.numwords import trie_pattern

_DASH_GAP = re.compile(r"^-?[ ]?[-\u2013\u2014~][ ]?$|^[ ]?(?:-\s*)?(?i:to|through|thru|till|until)\s+$")
_HYPHEN_ONLY = re.compile(r"^[-\u2013]$")
_AND_GAP = re.compile(r"^\s+and\s+$", re.I)
_TO_GAP = re.compile(r"^-?\s+(?:up\s*)?to\s+$", re.I)  # "from 20 to 30", "from 20 up to 30"
_BETWEEN = re.compile(r"(?i:\bbetween\s+)$")
_FROM = re.compile(r"(?i:\bfrom\s+)$")
_BOUND_GAP = re.compile(r"^\s*,?\s*(?:(?i:and|but)\s+)?$")
_OUT_OF_GAP = re.compile(r"^\s+(?:out\s+of\s+(?:every\s+)?|of\s+every\s+)$", re.I)  # "seven of every 10"
_IN_GAP = re.compile(r"^\s+in\s+(?:every\s+)?$", re.I)  # "one in (every) five"
_OVER_GAP = re.compile(r"^\s+over\s+$", re.I)
_UP_TO = re.compile(r"\s+up\s*to\s+", re.I)  # "from 20 up to 30": the range's "to"
_AND_A_GAP = re.compile(r"^-and-an?-$", re.I)
_FRACTION_PARTS = {"half": 0.5, "quarter": 0.25}
# A price's "per" phrase after an amount ("$2 a litre"), from the lexicon's price words.
_RATE = re.compile(r"\s+(?i:" + trie_pattern(set(LEXICON.price_after)) + r")(?![\w-])")
_REPEAT_GAP = re.compile(r"^\s*\(\s*$")
_REPEAT_CLOSE = re.compile(r"\s*\)")
_OR_GAP = re.compile(r"^\s+or\s+$", re.I)  # "two or three", "10 or 12 days"
_PHRASE_END = re.compile(r"^\s*(?:[.,;:!?)]|$)")
_LOWER = ("more_than", "at_least")
_UPPER = ("less_than", "at_most")
_FLAT = ("exact", "approx")
# "N in M" is a ratio when M is at most this or a power of ten ("three in four", "1 in 100").
RATIO_MAX_DENOMINATOR = 10
# Scores and names: both sides of "N-M" at most this when N >= M ("won 3-1").
SCORE_MAX = 200
# "N-M" with N >= M is a result, never a range; up to this it is a vote tally too ("passed 312-98",
# "the 221-212 vote": the size of a lower house), so both numbers are dropped like a score.
TALLY_MAX = 999
# "N or M" is a rough range ("two or three", "10 or 15") when N < M <= this times N; further apart
# ("1 or 100") the two are alternatives, not a range. Set on news phrasing ("one or two", "four or five").
OR_RANGE_MAX_RATIO = 2.0
# After a change verb, "A to B" is a change and a level once B is more than this times A ("jumped
# 500 points to 72,150"); closer ends are a range of the change ("rose 3 to 4 percent").
CHANGE_LEVEL_MIN_RATIO = 4.0
# "raised the minimum wage from 7,000 to 8,500": a change verb at most this many characters before
# "from", in the same clause, makes "from A to B" a change (calibrated on news phrasing: a verb, an
# object of up to four or five words).
CLAUSE_CHARS = 40
_CLAUSE_START = re.compile(r"[,;:.!?()\u2014]|\b(?:and|but|while|whereas|which|who)\b")
_SPAN_WORDS = re.compile(r"(?i:\b(?:rang(?:e|es|ed|ing)|aged|between|varies|varied|vary|anywhere|spans?)\b)")
# Sets and periods of a score line ("6-3, 4-6") are at most this.
SET_SCORE_MAX = 99
_NEXT_PAIR = re.compile(r",?\s+(\d{1,2})[-\u2013](\d{1,2})(?!\d)")
_PREVIOUS_PAIR = re.compile(r"(?<!\d)(\d{1,2})[-\u2013](\d{1,2}),?\s+$")
# "10-15,000": the scales the first end of a hyphenated range may leave out (hundreds, as in
# "5-600", are too ambiguous).
ELIDED_SCALES = (1e3, 1e6)
# The most words a connector between two numbers has ("out of every"); the gap patterns above
# never match more.
MAX_GAP_WORDS = 3


def _inherit(a: Cand, b: Cand) -> Cand:
    """"between 20 and 30 million", "50 to 80%": the first side takes the second's scale/unit."""
    compatible = a.kind == b.kind or "count" in (a.kind, b.kind)
    if compatible and a.scale == 1.0 and b.scale != 1.0 and a.value * b.scale <= b.value:
        a = a._replace(value=a.value * b.scale, scale=b.scale)
    if a.kind == "count" and b.kind != "count":
        a = a._replace(kind=b.kind, unit=b.unit)
    return a


def _range(a: Cand, b: Cand, start: int) -> Cand:
    a = _inherit(a, b)
    kind = a.kind if a.kind != "count" else b.kind
    return Cand(start, b.end, a.nstart, b.nend, a.value, kind=kind, unit=a.unit or b.unit,
                qualifier="range", scale=b.scale, explicit=True, change=b.change, high=b.value)


def _change(a: Cand, b: Cand, start: int, verb: re.Match[str] | None) -> Cand:
    a = _inherit(a, b)
    if verb is not None:
        direction: ChangeDirection = "up" if verb.group("up") else "down"
    else:
        direction = "up" if b.value > a.value else "down"
    return b._replace(start=start, change=direction, base=a.value)


def _clause_verb(before: str) -> re.Match[str] | None:
    """The last change verb of the clause before "from" ("raised the minimum wage from"), unless
    the clause says it is a span ("ranging from", "aged from")."""
    clause = _CLAUSE_START.split(before[-CLAUSE_CHARS:])[-1]
    if _SPAN_WORDS.search(clause):
        return None
    found = list(LEXICON.change_verb_in_clause.finditer(clause))
    return found[-1] if found else None


def _change_then_level(before: str, a: Cand, b: Cand) -> bool:
    """"rose by 12 to 57", "crude rose $1.50 to $78": after a change verb, "A to B" is the change
    and the level reached, not a range, when B is far above A or "by" names a change in plain
    counts ("prices rose by 3 to 4 percent", "cut 3,000 to 4,000 jobs" stay ranges)."""
    verb = LEXICON.change_before.search(before)
    if verb is None:
        return False
    plain = a.kind == b.kind == "count" and a.scale == b.scale == 1.0
    return (plain and " by" in verb.group().lower()) or b.value > CHANGE_LEVEL_MIN_RATIO * a.value


def _in_score_line(masked: str, a: Cand, b: Cand) -> bool:
    """"lost 4-6, 6-3, 7-5": a rising pair next to a falling one is one set of a score line, not
    a range (a line of ranges, "aged 18-24, 25-34", only rises)."""
    if not (a.value.is_integer() and b.value.is_integer() and b.value <= SET_SCORE_MAX):
        return False
    after = _NEXT_PAIR.match(masked, b.end, b.end + 12)
    before = _PREVIOUS_PAIR.search(masked, max(0, a.start - 12), a.start)
    return any(m is not None and int(m.group(1)) > int(m.group(2)) for m in (after, before))


def _is_score(gap: str, a: Cand, b: Cand) -> bool:
    """"won 3-1", "a 50-50 chance", "passed 312-98", and "3:1" or "1:4" in either order (a ratio
    or a score)."""
    integers = not a.explicit and a.value.is_integer() and b.value.is_integer()
    if gap == ":":
        return integers and max(a.value, b.value) <= SCORE_MAX
    return bool(_HYPHEN_ONLY.match(gap)) and b.value <= a.value <= TALLY_MAX and integers


def _priced_pair(masked: str, a: Cand, b: Cand, gap: str) -> Cand | None | bool:
    """"from $2 a litre to $3 a litre": both prices per the same thing, joined as if written
    "from $2 to $3 a litre"; None when the gap does not start with a price's "per" phrase."""
    rate_a = _RATE.match(gap)
    if rate_a is None:
        return None
    rate_b = _RATE.match(masked[b.end:b.end + 40])
    if rate_b is None or rate_a.group().split() != rate_b.group().split():
        return None
    joined = _pair(masked, a._replace(end=a.end + rate_a.end()), b)
    return joined._replace(end=b.end + rate_b.end()) if isinstance(joined, Cand) else joined


def _pair(masked: str, a: Cand, b: Cand) -> Cand | None | bool:
    """A joined candidate, False to drop both (a score), or None when they stay apart."""
    gap = masked[a.end:b.start]
    if a.kind == "money" == b.kind and gap[:1].isspace() and (priced := _priced_pair(masked, a, b, gap)) is not None:
        return priced
    if len(gap.split(None, MAX_GAP_WORDS)) > MAX_GAP_WORDS:
        return None  # a cheap test first: no connector below has that many words
    before = masked[max(0, a.start - WINDOW):a.start]
    if b.start < b.nstart and not gap.strip() and (bare := _without_connector(masked, a, b, before)) is not None:
        return _pair(masked, a, bare)
    if _is_score(gap, a, b):
        return False
    if (one := _one_number(masked, a, b, gap)) is not None:
        return one
    if _AND_GAP.match(gap) and (m := _BETWEEN.search(before)) and _inherit(a, b).value < b.value:
        return _range(a, b, a.start - len(m.group()))
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        return None
    if a.kind in ("percent", "measure") and b.kind == "count":
        return None  # "rose 36 per cent to 1,500": a change, then a level
    if _TO_GAP.match(gap) and (m := _FROM.search(before)):
        verb = LEXICON.change_before.search(before[: len(before) - len(m.group())]) or _clause_verb(before)
        rising = _inherit(a, b).value < b.value
        if verb is not None and (verb.group("up") is not None) != rising:
            verb = None
        if verb is not None or not rising:
            return _change(a, b, a.start - len(m.group()), verb)
        return _range(a, b, a.start - len(m.group()))
    if _HYPHEN_ONLY.match(gap) and _in_score_line(masked, a, b):
        return False
    if _HYPHEN_ONLY.match(gap):
        a = _elided_thousands(a, b)
    if _DASH_GAP.match(gap) and _inherit(a, b).value < b.value and a.qualifier in _FLAT:
        lead = _BETWEEN.search(before) or _FROM.search(before)  # "from 10 through 20", "between 30 to 40"
        if lead is None and _TO_GAP.match(gap) and _change_then_level(before, _inherit(a, b), b):
            return None
        return _range(a, b, a.start - (len(lead.group()) if lead else 0))
    if _OR_GAP.match(gap) and a.qualifier in _FLAT and b.qualifier == "exact" \
            and 0 < (first := _inherit(a, b).value) < b.value <= OR_RANGE_MAX_RATIO * first:
        return _range(a, b, a.start)
    return _two_bounds(a, b, gap) or _ratio(masked, a, b, gap)


def _without_connector(masked: str, a: Cand, b: Cand, before: str) -> Cand | None:
    """"20~100", "1 over 121", "from $500 up to $2,000": the second number's qualifier is really
    the connector; ``b`` without it, or None when it is a qualifier of its own."""
    b_gap = masked[a.end:b.nstart]
    bare = b._replace(start=b.nstart, qualifier="exact",
                      explicit=b.explicit and (b.kind != "count" or b.scale != 1.0))
    if _DASH_GAP.match(b_gap) or _OVER_GAP.match(b_gap):
        return bare
    if (up := _UP_TO.match(masked, a.end, b.nstart)) is not None and _FROM.search(before):
        return bare._replace(start=up.end())
    return None


def _elided_thousands(a: Cand, b: Cand) -> Cand:
    """"10-15,000 people", "3-5,000 troops": the first end leaves out the thousands (or millions)
    the second writes, when that puts both ends in the same order of magnitude."""
    if a.scale != 1.0 or a.has_words or not (a.value.is_integer() and b.value.is_integer()) or a.value <= 0:
        return a
    for scale in ELIDED_SCALES:
        if a.value * scale < b.value <= 10 * a.value * scale and b.value % scale == 0:
            return a._replace(value=a.value * scale)
    return a


def _one_number(masked: str, a: Cand, b: Cand, gap: str) -> Cand | None:
    """One number written in two pieces: "two-and-a-half years", "Two (2) persons"."""
    if _AND_A_GAP.match(gap) and a.value.is_integer() and a.qualifier in _FLAT \
            and (part := _FRACTION_PARTS.get(masked[b.nstart:b.nstart + 8].split(" ")[0].split("-")[0].lower())):
        # "two-and-a-half years", "two-and-a-half million": hyphens split what "two and a half" joins
        scale = b.value / part  # "half million" = 0.5 of a million
        return b._replace(start=a.start, nstart=a.nstart, value=a.value * scale + b.value, qualifier=a.qualifier)
    if _REPEAT_GAP.match(gap) and a.value == b.value and a.has_words != b.has_words \
            and (close := _REPEAT_CLOSE.match(masked, b.end)) is not None:
        return a._replace(end=close.end())  # "Two (2) persons", "12 (twelve)": one number, written twice
    return None


def _two_bounds(a: Cand, b: Cand, gap: str) -> Cand | None:
    """"more than 20 but fewer than 30": a lower and an upper bound make a range."""
    if _BOUND_GAP.match(gap) and a.qualifier in _LOWER + _UPPER and b.qualifier in _LOWER + _UPPER \
            and (a.qualifier in _LOWER) != (b.qualifier in _LOWER):
        low, high = (a, b) if a.qualifier in _LOWER else (b, a)
        if low.value < high.value:
            return a._replace(end=b.end, nend=b.nend, value=low.value, qualifier="range", high=high.value)
    return None


def _in_ratio(a: float, b: float) -> bool:
    """"one in 250", "three in four", "9 in 10": one in any number, or a share of a small or
    round denominator ("killed 3 in 25 raids" is not a ratio)."""
    round_den = b <= RATIO_MAX_DENOMINATOR or math.log10(b).is_integer()
    return a.is_integer() and b.is_integer() and 1 <= a < b and (a == 1 or round_den)


def _ratio(masked: str, a: Cand, b: Cand, gap: str) -> Cand | None:
    # A bound written after the ratio bounds the ratio: "2 in 5 or more" is at least 0.4.
    post = b.qualifier != "exact" and b.start == b.nstart and a.qualifier == "exact"
    if a.kind != "count" or b.kind != "count" or b.value == 0 or a.qualifier not in _FLAT or (
            b.qualifier != "exact" and not post):
        return None
    ok = (_OUT_OF_GAP.match(gap) and a.value <= b.value) or (
        _IN_GAP.match(gap) and _in_ratio(a.value, b.value)) or (
        _OVER_GAP.match(gap) and not a.explicit and not b.explicit
        and _PHRASE_END.match(masked[b.end:b.end + 3]))
    if not ok:
        return None
    return a._replace(end=b.end, nend=b.nend, value=a.value / b.value, qualifier=b.qualifier if post else a.qualifier)


def combine(masked: str, cands: list[Cand]) -> list[Cand]:
    """Merge neighbours left to right (each candidate joins at most one other)."""
    out: list[Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        joined = _pair(masked, a, b) if b is not None and b.start >= a.end else None
        if joined is False:
            i += 2
        elif isinstance(joined, Cand):
            out.append(joined)
            i += 2
        else:
            out.append(a)
            i += 1
    return out
