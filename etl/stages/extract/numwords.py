"""Spelled and mixed numbers: "twenty-one", "3 hundred and 21", "two thirds of a million".

A run of number words and digit literals found by :data:`RUN_PATTERN` is cut into tokens
(:func:`tokenize_run`) and read by a small grammar (:func:`parse_run`) into one or more numbers,
each with its own character span. The grammar knows cardinals (with "and", "a hundred", "dozen"),
decimals read aloud ("five point five"), fractions ("a third", "three twenty-firsts",
"one hundred thirty-fifths" = 100/35), mixed numbers ("two and a half", "3 million and a half")
and scaled fractions ("half a million"). Where the grammar breaks ("twenty twenty", "423 0000")
the run is split into several numbers. Pure functions; no I/O.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7}
_ORD_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORD_TEENS = ("tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
              "eighteenth nineteenth").split()
_ORD_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
_ORD_SCALES = {"hundredth": 100.0, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
               "trillionth": 1e12}

_CARDINAL: dict[str, tuple[str, float]] = {}
for _i, _w in enumerate(_UNITS):
    _CARDINAL[_w] = ("unit", float(_i))
_CARDINAL["nought"] = ("unit", 0.0)
for _i, _w in enumerate(_TEENS):
    _CARDINAL[_w] = ("teen", float(10 + _i))
for _i, _w in enumerate(_TENS):
    _CARDINAL[_w] = ("tens", float(20 + 10 * _i))
_CARDINAL["hundred"] = ("hundred", 100.0)
for _w, _v in _SCALES.items():
    _CARDINAL[_w] = ("scale", _v)
# Plural multipliers after a number, as some regional presses write them ("two thousands people",
# "five hundreds naira"); alone ("thousands fled") they are vague counts (numbers_vague).
_CARDINAL["hundreds"] = ("hundred", 100.0)
for _w in ("thousands", "millions", "billions", "trillions"):
    _CARDINAL[_w] = ("scale", _SCALES[_w[:-1]])
_CARDINAL["dozen"] = ("dozen", 12.0)
_CARDINAL["dozens"] = ("dozen", 12.0)
_CARDINAL["doz"] = ("dozen", 12.0)  # "five doz eggs", as shops and recipes abbreviate it
_CARDINAL["dozs"] = ("dozen", 12.0)
# "a score of villagers" = 20, "two score and five" = 45 (a multiplier like "dozen"; "scores of" stays vague).
_CARDINAL["score"] = ("dozen", 20.0)

# Ordinals used as denominators: value, and the kind of cardinal they continue ("twenty fifth").
_ORDINAL: dict[str, tuple[str, float]] = {}
for _i, _w in enumerate(_ORD_UNITS):
    _ORDINAL[_w] = ("unit", float(_i + 1))
for _i, _w in enumerate(_ORD_TEENS):
    _ORDINAL[_w] = ("teen", float(10 + _i))
for _i, _w in enumerate(_ORD_TENS):
    _ORDINAL[_w] = ("tens", float(20 + 10 * _i))
for _w, _v in _ORD_SCALES.items():
    _ORDINAL[_w] = ("scale", _v)
_ORDINAL["half"] = ("unit", 2.0)
_ORDINAL["quarter"] = ("unit", 4.0)
_PLURAL_ORD = {w + "s": w for w in _ORDINAL if w not in ("half",)}
_PLURAL_ORD["halves"] = "half"
_PLURAL_ORD["fifths"] = "fifth"



def trie_pattern(words: list[str] | set[str]) -> str:
    """One regex for a word list, factored by common prefixes (much faster than a flat ``a|b|c``).

    Longer words win because every branch is greedy; a space in a phrase matches any whitespace.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_WORDS = set(_CARDINAL) | set(_ORDINAL) | set(_PLURAL_ORD)
# Every number word, in lower case (ASCII letters only): the words a run of words can start with.
NUMBER_WORDS = frozenset(_WORDS)
# Number words in lower, title and upper case: a case-sensitive pattern lets the regex engine skip
# positions by a character set at C speed (re.IGNORECASE made the scan three times slower).
_CASED = {form for w in _WORDS for form in (w, w.title(), w.upper())}
_W = "(?:" + trie_pattern(_CASED) + ")"
# A digit literal: European grouping with a decimal comma ("1.234,56"), grouped thousands, Indian lakh grouping ("5,00,000"), space-grouped millions
# ("1 234 567"), plain or decimal,
# then an optional exponent ("1e10", "2.5^-1", "6.02 x 10^23"), mixed or plain fraction ("2 1/2", "3/4").
DIGITS = (
    r"(?:\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d]|[,.]\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}){2,}(?:\.\d+)?(?![\d,]|\.\d)"
    r"|\d+(?:\.\d+)?|\.\d+(?![\d.]))"
    r"(?:[eE][+-]?\d{1,3}(?![\w])|\^[+-]?\d{1,3}(?!\d)|[ ]?[x\u00d7][ ]?\d{1,3}\^[+-]?\d{1,3}(?!\d)"
    r"|[ \u00a0]\d{1,2}/\d{1,3}(?![\d/])|/\d{1,4}(?![\d/]))?"
    r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]?"
)
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_VULGAR_VALUES = dict(zip(VULGAR, (1 / 2, 1 / 3, 2 / 3, 1 / 4, 3 / 4, 1 / 5, 2 / 5, 3 / 5, 4 / 5,
                                   1 / 6, 5 / 6, 1 / 8, 3 / 8, 5 / 8, 7 / 8), strict=True))
# A digit literal is not read inside another number; after "Rs." or "Fig." it is (context decides).
_ITEM = rf"(?:\b{_W}\b|(?:(?<![\d.,_])|(?<=[A-Za-z]\.)){DIGITS}|[{VULGAR}])"
_JOIN = r"(?:[ \t]*-[ \t]*|\s+(?i:(?:and\s+)?(?:(?:a|an|of\s+an?|point)\s+)?))"  # any case: "ONE HUNDRED AND FIVE"
# The guard (a character that can start a run, not inside a word or a number, except digits
# glued to letters as in "Rs5bn") rejects most positions before the alternation is tried.
# The pattern is case-sensitive (see _CASED).
# The first two letters of every number word, as one branch per first letter ("t[ehw]").
_PAIRS: dict[str, set[str]] = {}
for _w in _CASED:
    _PAIRS.setdefault(_w[0], set()).add(_w[1])
_FIRST_TWO = "|".join(f"{re.escape(a)}[{re.escape(''.join(sorted(b)))}]" for a, b in sorted(_PAIRS.items()))
# What can start a run: a digit, a vulgar fraction, "." (".5"), "a"/"an" before a number word, or
# the first two letters of a number word; most word starts ("the", "said") fail here, before the
# number-word trie is tried (a third faster than a guard on the first letter alone).
RUN_START = rf"(?=[\d{VULGAR}.]|[Aa]n?\s|{_FIRST_TWO})"
RUN_BODY = rf"(?:\b[Aa]n?\s+(?=\b{_W}\b))?{_ITEM}(?:{_JOIN}{_ITEM})*"
RUN_PATTERN = rf"{RUN_START}(?:(?<!\w)|(?<=[A-Za-z])(?=\d)){RUN_BODY}"

_TOKEN = re.compile(rf"(?P<d>{DIGITS}|[{VULGAR}])|(?P<w>[A-Za-z]+)|(?P<h>-)")

# Digit literals longer than this (without separators) are not read: a cap for pathological input.
MAX_DIGITS = 24
_NON_DIGIT = re.compile(r"\D")
# Exponents beyond this are not read ("10^100" is not a news quantity).
MAX_EXPONENT = 24


class Tok(NamedTuple):
    """One token of a run: ``kind`` is digit/unit/teen/tens/hundred/scale/dozen/ord/a/and/point/other.

    A named tuple rather than a frozen dataclass: one is built for every word of a run that is
    parsed, and the frozen dataclass's __init__ cost about three times as much."""

    start: int
    end: int
    kind: str
    value: float
    word: str
    hyphen_before: bool = False
    plural: bool = False
    ord_kind: str = ""


class Parsed(NamedTuple):
    """A number read from a run: span, value and how it was written (a named tuple: one is
    built for every number in a text, see :func:`numwords_grammar.read_run`)."""

    start: int
    end: int
    value: float
    has_words: bool
    has_digits: bool
    fraction: bool
    n_tokens: int
    first_word: str
    last_word: str
    decimal: bool = False
    scale: float = 1.0  # the scale word it ends with ("6 thousand" -> 1000), for ranges "5 to 6 thousand"


def digit_value(literal: str) -> float | None:
    """Value of a digit literal as matched by :data:`DIGITS`, or None when unreadable/capped."""
    if "," in literal and "." in literal and literal.rfind(",") > literal.rfind("."):
        literal = literal.replace(".", "").replace(",", ".")  # "1.234,56": written the European way
    lit = literal.replace(",", "").replace("\u00a0", " ").replace("\u202f", " ")
    extra = 0.0
    if lit and lit[-1] in _VULGAR_VALUES:
        extra, lit = _VULGAR_VALUES[lit[-1]], lit[:-1]
        if not lit:
            return extra
    if "/" in lit:
        head, _, den = lit.rpartition("/")
        whole, _, num = head.rpartition(" ")
        if not den or float(den) == 0 or not num:
            return None
        if not whole and float(num) >= float(den):
            return None  # "2023/118", "24/7": a code or a ratio written as a name, not a fraction
        return (float(whole.replace(" ", "")) if whole else 0.0) + float(num) / float(den) + extra
    lit = lit.replace(" ", "")
    mantissa_text, times, power_text = lit.replace("\u00d7", "x").partition("x")
    if times:  # "6.02 x 10^23", "8x2^10"
        power_value = digit_value(power_text)
        return None if power_value is None else float(mantissa_text) * power_value
    if len(_NON_DIGIT.sub("", lit.split("e")[0].split("E")[0].split("^")[0])) > MAX_DIGITS:
        return None
    if "^" in lit:
        base_text, _, exp_text = lit.partition("^")
        base, exp = float(base_text), int(exp_text)
        if base == 0:
            return 0.0 if exp > 0 else None
        if abs(exp) > MAX_EXPONENT or exp * math.log10(abs(base)) > MAX_EXPONENT:
            return None  # "999^24" would overflow a float; no news quantity is that large
        return base**exp
    mantissa, _, power = lit.lower().partition("e")
    if power and abs(int(power)) > MAX_EXPONENT:
        return None
    return float(mantissa) * (10.0 ** int(power) if power else 1.0) + extra


def tokenize_run(text: str, start: int, end: int) -> list[Tok]:
    """Cut ``text[start:end]`` (a match of RUN_PATTERN) into tokens with absolute offsets."""
    toks: list[Tok] = []
    hyphen = False
    for m in _TOKEN.finditer(text, start, end):
        if m.group("h"):
            hyphen = True
            continue
        s, e = m.start(), m.end()
        if m.group("d"):
            value = digit_value(m.group())
            toks.append(Tok(s, e, "digit" if value is not None else "other", value or 0.0,
                            m.group(), hyphen))
        else:
            toks.append(_word_token(m.group(), s, e, hyphen))
        hyphen = False
    return toks


def _word_token(word: str, s: int, e: int, hyphen: bool) -> Tok:
    low = word.lower()
    if low in _CARDINAL:
        kind, value = _CARDINAL[low]
        return Tok(s, e, kind, value, low, hyphen, plural=low.endswith("s"))
    singular = _PLURAL_ORD.get(low, low)
    if singular in _ORDINAL:
        okind, value = _ORDINAL[singular]
        return Tok(s, e, "ord", value, low, hyphen, plural=low != singular, ord_kind=okind)
    if low in ("a", "an", "and", "point", "of"):
        return Tok(s, e, low if low != "an" else "a", 0.0, low, hyphen)
    return Tok(s, e, "other", 0.0, low, hyphen)


# Number words -> (kind, value): unit, teen, tens, hundred, scale, dozen (read-only use outside).
CARDINAL = _CARDINAL
