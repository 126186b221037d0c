"""The grammar that reads tokens of a number run (see :mod:`numwords`) into numbers.

Cardinals are read greedily left to right ("ninety-five hundred" = 9500); a fraction is a
numerator followed by an ordinal denominator, where a hyphen binds a compound ordinal
("one hundred thirty-fifths" = 100/35, "one hundred thirty-two fifths" = 132/5); "and" before a
fraction starts the fractional part ("two hundred and fifty-four hundredths" = 200.54).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from etl.stages.extract.numwords import CARDINAL, Parsed, Tok, digit_value, tokenize_run

_SMALL = ("unit", "teen", "tens", "digit")
# A plural multiplier ("two thousands") follows only a number below this ("in 2015 thousands fled"
# is a year, then a vague count).
PLURAL_SCALE_MAX_BEFORE = 1000
# Distinct run texts remembered by :func:`read_run` (news repeats "two", "10", "a dozen" ...).
RUN_CACHE_SIZE = 8192
# Single number words that are whole numbers by themselves ("seven", "twelve", "forty").
_SIMPLE_WORDS = {w: v for w, (kind, v) in CARDINAL.items() if kind in ("unit", "teen", "tens")}
# A plain digit literal ("12", "1,081", "4.5"): read without tokenising.
_PLAIN_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,15}(?:\.\d{1,15})?")


@dataclass(slots=True)
class _State:
    """Running state of a cardinal being read (local to one call)."""

    total: float = 0.0
    cur: float = 0.0
    piece: float = 0.0
    last: str = ""
    last_scale: float = 0.0
    has_hundred: bool = False
    n_real: int = 0


def _is_compound_ordinal(toks: list[Tok], k: int) -> bool:
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and nxt.kind == "ord" and nxt.hyphen_before and nxt.ord_kind == "unit"


def _after_and_is_fraction(toks: list[Tok], k: int) -> bool:
    """Does a fraction follow the "and" at ``k`` ("and a half", "and fifty-four hundredths")?

    A forward scan, not a parse: calling the parser here would recurse once per "and" in a run.
    """
    j = k + 1
    while j < len(toks) and toks[j].kind in ("unit", "teen", "tens", "digit", "hundred", "a"):
        j += 1
    if j == k + 1 or j >= len(toks) or toks[j].kind != "ord":
        return False
    lone_first_or_second = toks[j].ord_kind == "unit" and toks[j].value <= 2 and not toks[j].word.startswith("hal")
    return not lone_first_or_second or toks[j - 1].kind == "tens"


def _accept(st: _State, toks: list[Tok], k: int) -> bool:
    """Apply token k to the state if the grammar allows it; False ends the cardinal."""
    t = toks[k]
    after_joint = st.last in ("", "hundred", "scale", "and")
    if t.kind == "digit":
        if st.last == "" or (st.last in ("hundred", "and") and t.value < 100 and t.value.is_integer()) \
                or (st.last == "scale" and t.value < st.last_scale and t.value.is_integer()):
            st.cur, st.piece, st.last = st.cur + t.value, t.value, "digit"
            return True
        return False
    if t.kind == "unit":
        if t.value == 0:
            return False
        if after_joint or st.last == "tens":
            st.cur += t.value
            st.piece = st.piece + t.value if st.last == "tens" else t.value
            st.last = "unit"
            return True
        return False
    if t.kind in ("teen", "tens"):
        if not after_joint or (t.kind == "tens" and _is_compound_ordinal(toks, k)):
            return False
        st.cur, st.piece, st.last = st.cur + t.value, t.value, t.kind
        return True
    return _accept_multiplier(st, toks, k)


def _accept_multiplier(st: _State, toks: list[Tok], k: int) -> bool:
    t = toks[k]
    if t.kind == "hundred":
        if st.last not in ("unit", "teen", "tens", "digit", "a") or st.has_hundred or st.cur >= 100:
            return False
        if t.plural and st.last == "a":
            return False  # "a hundreds" is no number
        st.cur, st.last, st.has_hundred = st.cur * 100, "hundred", True
        return True
    if t.kind == "scale":
        if st.last == "scale" and (t.word.startswith("crore") and st.last_scale in (1e3, 1e5)
                                   or t.word.startswith("million") and st.last_scale == 1e3):
            # "1.5 lakh crore" = 1.5e12, "20 thousand crore" = 2e11 (Indian usage), "two thousand
            # million" = 2e9 (older British usage)
            st.total *= t.value
            st.last_scale *= t.value
            return True
        if st.last not in ("unit", "teen", "tens", "digit", "a", "hundred", "dozen", "score"):
            return False
        if t.plural and (st.last == "a" or st.cur >= PLURAL_SCALE_MAX_BEFORE):
            return False  # "in 2015 thousands fled": a year, then a vague count
        if st.last_scale and t.value >= st.last_scale:
            return False
        st.total += st.cur * t.value
        st.cur, st.last, st.last_scale, st.has_hundred = 0.0, "scale", t.value, False
        return True
    if t.kind == "dozen":
        if st.last not in ("unit", "teen", "tens", "digit", "a"):
            return False
        st.cur += st.piece * (t.value - 1)
        st.last = "score" if t.value == 20 else "dozen"
        return True
    if t.kind == "and":
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        ok = st.last in ("hundred", "scale", "score") and nxt is not None and nxt.kind in _SMALL
        if not ok or _after_and_is_fraction(toks, k):
            return False
        st.last = "and"
        return True
    return False


def cardinal_at(toks: list[Tok], i: int) -> tuple[float, int, float] | None:
    """Read a cardinal at ``i``: (value, end index, last scale if it ended on one) or None."""
    if i >= len(toks):
        return None
    st = _State()
    k = i
    if toks[i].kind == "a":
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.kind not in ("hundred", "scale", "dozen"):
            return None
        st.cur, st.piece, st.last, k = 1.0, 1.0, "a", i + 1
    elif toks[i].kind == "unit" and toks[i].value == 0:
        return 0.0, i + 1, 0.0
    while k < len(toks) and _accept(st, toks, k):
        if toks[k].kind != "and":
            st.n_real += 1
        k += 1
    if st.last == "and":
        k -= 1
    if st.n_real == 0:
        return None
    # the last multiplier ("a dozen and a half" = 18, "two million and a half"): what a fraction after "and" is of
    return st.total + st.cur, k, (toks[k - 1].value if toks[k - 1].kind in ("scale", "dozen") else 0.0)


def _singular_ordinal_end(toks: list[Tok], k: int) -> int | None:
    """End of a singular ordinal at ``k`` ("fifth", "thirty-third", "tenth"), not "half"/"quarter"."""
    n = len(toks)
    if k < n and toks[k].kind == "tens" and k + 1 < n and toks[k + 1].hyphen_before:
        k += 1  # "thirty-third"
    if k >= n or toks[k].kind != "ord" or toks[k].plural or toks[k].word in ("half", "quarter"):
        return None
    return k + 1


def compound_ordinal_end(toks: list[Tok], i: int) -> int | None:
    """End of an ordinal written in words over a hundred ("one hundred and thirty-third", "two
    thousand and first", "one hundred fifth", "the two hundredth"), which is a rank, not a count or
    a fraction; None when the tokens at ``i`` are not one."""
    card = cardinal_at(toks, i)
    if card is None:
        return None
    k = card[1]
    last = toks[k - 1]
    if k < len(toks) and toks[k].kind == "ord" and toks[k].ord_kind == "scale" and not toks[k].plural \
            and card[0] > 1 and last.kind != "digit":
        return k + 1  # "the two hundredth anniversary" (a fraction would be "two hundredths")
    if last.kind not in ("hundred", "scale"):
        return None
    if k < len(toks) and toks[k].kind == "and":
        k += 1
    return _singular_ordinal_end(toks, k)


def ordinal_at(toks: list[Tok], k: int) -> tuple[float, int] | None:
    """Read an ordinal denominator at ``k`` ("fifths", "twenty-first", "one hundred fifth")."""
    n = len(toks)
    if k >= n:
        return None
    t = toks[k]
    if t.kind == "ord":
        if t.ord_kind == "unit" and t.value <= 2 and t.word not in ("half", "halves"):
            return None
        return t.value, k + 1
    nxt = toks[k + 1] if k + 1 < n else None
    if nxt is None:
        return None
    if t.kind == "tens" and nxt.kind == "ord" and nxt.ord_kind == "unit" and nxt.value < 10 \
            and nxt.word not in ("half", "halves", "quarter", "quarters"):
        return t.value + nxt.value, k + 2
    if t.kind == "unit" and t.value > 0 and nxt.kind == "ord" and nxt.ord_kind == "scale":
        return t.value * nxt.value, k + 2  # "seven five hundredths" = 7/500 (after a numerator)
    if t.kind in ("unit", "a") and nxt.kind == "hundred" and (t.kind == "a" or t.value > 0):
        base = 100.0 * (t.value if t.kind == "unit" else 1.0)
        m = k + 2
        if m < n and toks[m].kind == "and":
            m += 1
        rest = ordinal_at(toks, m) if m < n else None
        if rest is not None and rest[0] < 100:
            return base + rest[0], rest[1]
    return None


def fraction_at(toks: list[Tok], i: int) -> tuple[float, int] | None:
    """Read a fraction at ``i`` ("a third", "three quarters", "half"): (value, end) or None."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.kind == "ord" and t.word == "half":
        return 0.5, i + 1
    if t.kind == "ord" and t.word == "quarter" and i + 1 < len(toks) and toks[i + 1].kind == "scale":
        return 0.25, i + 1  # "quarter million" (scaled by the caller)
    card = cardinal_at(toks, i)
    if card is not None:
        numerator, k = card[0], card[1]
        if k < len(toks) and toks[k].kind == "and":
            return None
    elif t.kind == "a":
        numerator, k = 1.0, i + 1
    else:
        return None
    den = ordinal_at(toks, k)
    if den is None or den[0] == 0:
        return None
    return numerator / den[0], den[1]


def _scaled(toks: list[Tok], value: float, j: int) -> tuple[float, int]:
    """"half a million", "two thirds of a million", "three quarters million", "a half-dozen"."""
    n = len(toks)
    if j < n and (toks[j].kind == "scale" or toks[j].kind == "dozen" and toks[j].value == 12):
        return value * toks[j].value, j + 1
    if j + 1 < n and toks[j].kind == "a" and toks[j + 1].kind in ("scale", "hundred", "dozen"):
        return value * toks[j + 1].value, j + 2
    if j + 2 < n and toks[j].kind == "of" and toks[j + 1].kind == "a" and toks[j + 2].kind == "scale":
        return value * toks[j + 2].value, j + 3
    return value, j


def _decimals(toks: list[Tok], j: int) -> tuple[str, int]:
    digits = ""
    k = j
    while k < len(toks) and toks[k].kind == "unit":
        digits += str(int(toks[k].value))
        k += 1
    if digits:
        return digits, k
    card = cardinal_at(toks, j)
    if card is None or not card[0].is_integer():
        return "", j
    return str(int(card[0])), card[1]


def number_at(toks: list[Tok], i: int) -> tuple[float, int, bool] | None:
    """Read one number at ``i``: (value, end index, is_fraction) or None."""
    frac = fraction_at(toks, i)
    if frac is not None:
        value, j = _scaled(toks, *frac)
        return value, j, True
    card = cardinal_at(toks, i)
    if card is None:
        return None
    value, j, last_scale = card
    n = len(toks)
    if j + 1 < n and toks[j].kind == "point" and all(t.kind != "digit" for t in toks[i:j]):
        digits, k = _decimals(toks, j + 1)
        if digits:
            value += float("0." + digits)
            if k < n and toks[k].kind == "scale":  # "one point five million"
                return value * toks[k].value, k + 1, False
            return value, k, False
    if j + 1 < n and toks[j].kind == "and":
        frac = fraction_at(toks, j + 1)
        if frac is not None:
            fv, k = frac
            if k < n and toks[k].kind == "scale":
                scale = toks[k].value
                return (value + fv) * scale if not last_scale else value + fv * scale, k + 1, True
            return value + fv * (last_scale or 1.0), k, True
    return value, j, False


def parse_run(toks: list[Tok]) -> list[Parsed]:
    """All numbers in a tokenised run, left to right, splitting where the grammar breaks."""
    out: list[Parsed] = []
    i = 0
    has_ordinal = any(t.kind == "ord" for t in toks)
    while i < len(toks):
        skip = compound_ordinal_end(toks, i) if has_ordinal else None
        if skip is not None:
            i = skip
            continue
        got = number_at(toks, i)
        if got is None:
            i += 1
            continue
        value, j, fraction = got
        part = toks[i:j]
        out.append(Parsed(
            start=part[0].start, end=part[-1].end, value=value,
            has_words=any(t.kind != "digit" for t in part),
            has_digits=any(t.kind == "digit" for t in part),
            fraction=fraction, n_tokens=len(part),
            first_word=part[0].word.lower(), last_word=part[-1].word.lower(),
            decimal=any(t.kind == "digit" and not t.value.is_integer() for t in part),
            scale=part[-1].value if part[-1].kind == "scale" and not fraction else 1.0,
        ))
        i = j
    return out


@lru_cache(maxsize=RUN_CACHE_SIZE)
def _read_run_text(run: str) -> tuple[Parsed, ...]:
    """The numbers of one run text, with offsets relative to its start."""
    if _PLAIN_DIGITS.fullmatch(run):
        # ASCII digits alone ("12", "2024"): what digit_value returns, without its checks.
        value = float(run) if run.isascii() and run.isdigit() else digit_value(run)
        if value is None:
            return ()
        return (Parsed(0, len(run), value, has_words=False, has_digits=True, fraction=False,
                       n_tokens=1, first_word=run, last_word=run, decimal=not value.is_integer()),)
    word = run.lower()
    if word in _SIMPLE_WORDS:  # "two", "Eleven", "forty": read without tokenising
        return (Parsed(0, len(run), _SIMPLE_WORDS[word], has_words=True, has_digits=False, fraction=False,
                       n_tokens=1, first_word=word, last_word=word),)
    return tuple(parse_run(tokenize_run(run, 0, len(run))))


def read_run(text: str, start: int, end: int) -> list[Parsed]:
    """All numbers in the run ``text[start:end]`` (a match of ``RUN_PATTERN``), memoised by its text."""
    # tuple.__new__ is what Parsed._make calls, without the checks (three times cheaper than
    # Parsed(...), which goes through a Python-level __new__).
    return [_TUPLE_NEW(Parsed, (start + p.start, start + p.end) + p[2:]) for p in _read_run_text(text[start:end])]


_TUPLE_NEW = tuple.__new__
