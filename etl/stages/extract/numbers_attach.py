"""Read what is written around one number: its scale, unit, currency, sign and qualifier.

:func:`read_candidate` turns a number found by the grammar into a :class:`Cand` (or None when
the context says it is not a quantity: a year, a day of the month, an identifier, the pronoun
"one", an ordinal). All look-ups use the masked text (see :mod:`numbers_mask`), with offsets that
are the same as in the original text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.records import ChangeDirection, Qualifier, QuantityKind
from etl.stages.extract.numbers_lexicon import LEXICON
from etl.stages.extract.numbers_names import named, written_as_name
from etl.stages.extract.numwords import Parsed

# How far (in characters) to look left and right of a number for qualifiers, units and the like.
WINDOW = 48
# How far a list of days may reach on either side of one of its days ("1, 2, 3 and 4 March").
DAY_LIST_WIDTH = 40
# Year-shaped numbers: integers in this range written with four digits and no separator.
YEAR_MIN, YEAR_MAX = 1800, 2100
# Words before the pronoun "one" ("which one", "the one") and after it ("one another").
_ONE_BEFORE = re.compile(r"(?i:\b(?:the|this|that|which|each|every|any|no|another|a|little|big|new|old|right|wrong)\s+)$")
_ONE_AFTER = re.compile(r"^(?i:\s+(?:another|who|does|can|could|would|should|might|must|thing|at\s+a\s+time)\b|'s|-(?:off|sided|time|way|stop|on-one|man|party|to-one))")
_AT_ONE_POINT = re.compile(r"\s+(?:point|stage|time|moment)\b", re.I)
_AT_BEFORE = re.compile(r"(?<!\w)[Aa][Tt]\s+$")
# What may follow "a third" / "one fifth" for it to be a fraction rather than an ordinal.
_FRACTION_FOLLOW = re.compile(r"^(?:\s+(?:of|and|or)\b|\s*[,.;:!?)\"'\u201d]|\s*$|\s+(?:[a-z]+ly\s+)?(?:said|says|were|are|was|is|have|had|has)\b)")
# Fraction words that take a unit after them as a measure ("a quarter-mile" = 0.25 mile); "a third
# day" and "third-party" are ordinals, so thirds and smaller are left out.
_UNIT_FRACTIONS = ("quarter", "half")
# "a quarter point", "a half-percentage-point cut": a fraction of a (percentage) point.
_POINT_AFTER = re.compile(r"[ -](?:percentage[ -])?point\b", re.I)
# After "2m"/"2.5m": words that make it metres, and plural nouns that make it millions.
_LENGTH_CONTEXT = re.compile(r"^(?:-|\s+(?:tall|high|long|wide|deep|thick|away|across|below|above|under|in\s+(?:height|length|diameter|depth)|of\s+(?:water|snow|rain|height)|from)\b)", re.I)
_PLURAL_AFTER = re.compile(r"^\s+[A-Za-z]+[^s\W]s\b")
# "the 2025 figures", "its 2024 budget": a year used as an adjective, unless a count noun follows.
_YEAR_DETERMINER = re.compile(r"(?i:\b(?:the|a|an|its|their|this|that|these|those|his|her|our|your|whose)\s+|'s\s+)$")
# A capitalised word right before a year-shaped number: "Vision 2030", "Euro 2024".
_NAME_BEFORE = re.compile(r"(?<![\w'])[A-Z][A-Za-z]+\s$")
# Before "'98": words after which an apostrophe and two digits are a year.
_SHORT_YEAR_BEFORE = re.compile(r"(?i:\b(?:in|since|until|till|during|before|after|from|through|circa|of|the"
                                r"|spring|summer|autumn|fall|winter|early|late|mid)\s+)$")
_APOSTROPHES = ("'", "\u2019")
# The start of a text or of a sentence (after an optional opening quote or bracket).
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)\s*[\"'\u201c(]?$")
_COUNT_NOUN = re.compile(r"^\s+(?:people|persons|men|women|children|troops|soldiers|civilians|residents|refugees|migrants|workers|students|police(?:men)?|officers|fighters|militants|families|households|homes|houses)\b", re.I)
# "In 2019 soldiers attacked": after these a year-shaped number is always a year.
_YEAR_PREPOSITION = re.compile(r"(?i:\b(?:in|since|until|till|during|before|after|from|through|circa|year|early|late|mid)\s+)$")
# "In March five people died": a month as a period, so a spelled number after it is not its day.
_MONTH_AS_PERIOD = re.compile(r"(?i:\b(?:in|during|since|by|of|last|this|next|early|late|mid|until|through)\s+|\bmid-)[A-Z][a-z]+\.?\s+$")
# "1 fb-1", "m s-2": a short unit symbol, a dash and a digit is an exponent ("magnitude-7.8" is not).
_UNIT_EXPONENT = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,3}[-\u2212]$")
# "5k-20k", "10km-20km": the dash follows another number's scale or unit, so a range may follow.
_SCALED_NUMBER_DASH = re.compile(r"\d[A-Za-z]{1,3}[-\u2212]$")
# A number joined by a dash or "to" to a masked time or date is part of that time or date.
_NEXT_TO_MASKED_BEFORE = re.compile(r"\x1f\s*(?:-|\u2013|~|to|until|till|through)\s*$")
_NEXT_TO_MASKED_AFTER = re.compile(r"^\s*(?:-|\u2013|~|to|until|till|through)\s*\x1f")
_AND_MASKED_AFTER = re.compile(r"^\s+and\s+\x1f")
# "No 10 said", "No 2 official": British style for "number", capital N and no full stop.
_CAPITAL_NO = re.compile(r"(?<![\w.])No\s$")
_OF_FOLLOWS = re.compile(r"^\s+of\b")
_AMOUNT_BEFORE = re.compile(r"(?i:\b(?:by|than|about|nearly|almost|roughly|around|some|over|under|just|only|least|to|is|was|were|are|be|been|equal|exactly)\s+)$")
_SIGN_WORD_BEFORE = re.compile(r"(?i:\b(?:minus|negative)\s+)$")
_HALF_BAD_BEFORE = re.compile(r"(?i:\b(?:first|second|1st|2nd|latter|former|the|other|back|second-)\s*)$")
_SIGN_BEFORE = re.compile(r"(?:(?:^|(?<=[\s(\[<>=:~]))[-\u2212]|(?i:\b(?:minus|negative)\s+))$")
_PERCENT_AFTER = re.compile(
    r"^(?:\s?%|(?i:[ -](?P<bp>basis[ -]points?|bps\b)|[ -](?P<pp>percentage[ -]points?|pct[ .]?points?|points?\s+percentage)"
    r"|(?P<ppt>[ -]pp|[ -]?ppts?)\b|[ -]?(?:percentage|per[ -]?cents?)(?![a-z])|[ -]?(?:pct\.?|pc|p\.c\.?)(?![\w])))"
)
# "half a percent", "a quarter of a percentage point": a fraction in words, then "a" and the percent.
_FRACTION_OF_A = re.compile(r"^\s+(?:of\s+)?an?(?=[ -](?i:per|percentage|basis))")
_PLUS_OR = re.compile(r"(?i:\bplus\s*(?:or|/)\s*|\+/)$")
_ATTACHED_LETTERS = re.compile(r"^[A-Za-z]")
# "9.83e-3 +/- 1e-5": the number after a plus-minus sign is an uncertainty, not a quantity.
_UNCERTAINTY = ("+/-", "\u00b1")
# A temperature unit near a number: a "K" glued to it is kelvin ("300 °C (573.15K)").
_TEMPERATURE_NEAR = re.compile(r"°|\b(?:degrees?|Celsius|Fahrenheit|kelvin|temperatures?)\b", re.I)
# Single-letter scales ("10k", "1.2b") are read only below this value ("1500b" is not 1.5 trillion).
SINGLE_LETTER_SCALE_MAX = 1000


class Cand(NamedTuple):
    """A quantity being assembled: span (with qualifier words) and number span inside it.

    An immutable named tuple rather than a frozen dataclass: one is built and rebuilt for every
    number read, and ``_replace`` is several times cheaper than ``dataclasses.replace``.
    """

    start: int
    end: int
    nstart: int
    nend: int
    value: float
    kind: QuantityKind = "count"
    unit: str | None = None
    qualifier: Qualifier = "exact"
    change: ChangeDirection | None = None
    scale: float = 1.0
    has_words: bool = False
    explicit: bool = False  # unit, currency, percent, scale or qualifier written next to it
    high: float | None = None  # upper end of a range ("20 to 30" -> value 20, high 30)
    base: float | None = None  # starting point of a change ("rose from 20 to 30" -> 20)


def _unit_fraction(p: Parsed, after: str) -> bool:
    """"a quarter-mile", "a half-hour", "half a day"'s "half-day": a quarter or half of a unit."""
    if p.last_word.lower() not in _UNIT_FRACTIONS:
        return False
    return LEXICON.unit_after.match(after) is not None or _POINT_AFTER.match(after) is not None


def _keep_words(masked: str, p: Parsed) -> bool:
    """Spelled numbers that are pronouns or ordinals are not quantities."""
    before = masked[max(0, p.start - WINDOW):p.start]
    after = masked[p.end:p.end + WINDOW]
    if p.n_tokens == 1 and p.first_word == "one":
        if after[:1] == "-" and (LEXICON.unit_after.match(after) or after.startswith("-and-a")):
            return True  # "the one-day strike", "a one-year-old", "a one-and-a-half-year delay"
        if _AT_ONE_POINT.match(after) and _AT_BEFORE.search(before):
            return False  # "at one point", "at one stage": an idiom
        return not (_ONE_BEFORE.search(before) or _ONE_AFTER.match(after))
    if p.first_word in ("half", "halves") and p.n_tokens == 1:
        return not (_HALF_BAD_BEFORE.search(before) or after.startswith("-") and not _unit_fraction(p, after))
    single_fraction = p.fraction and p.first_word in ("a", "an", "one") and not p.last_word.endswith("s")
    if single_fraction and p.n_tokens == 2:
        if _unit_fraction(p, after) or _SIGN_WORD_BEFORE.search(before):
            return True  # "a quarter-mile", "minus one half": not an ordinal
        if after.startswith("-") or not _FRACTION_FOLLOW.match(after):
            return False
        # "a third," is an ordinal ("injuring a third") unless the words before ask for an amount.
        return bool(_OF_FOLLOWS.match(after) or not before.strip() or _AMOUNT_BEFORE.search(before))
    return True


def _is_year(text: str, masked: str, p: Parsed) -> bool:
    literal = text[p.start:p.end]
    if not (literal.isdigit() and len(literal) == 4 and YEAR_MIN <= p.value <= YEAR_MAX):
        return False
    after = masked[p.end:p.end + WINDOW]
    before = masked[max(0, p.start - WINDOW):p.start]
    if _YEAR_PREPOSITION.search(before) or LEXICON.month_before.search(before):
        return True  # "in 2019", "the January 2024 floods"
    # "the 2025 figures", "2025 figures show": a year used as an adjective, and "Vision 2030 aims"
    # a name, unless a count noun follows ("2000 people"); "hired 2000 teachers" is a count.
    qualifier = LEXICON.qualifier_before.search(before)
    named = qualifier is None and _NAME_BEFORE.search(before)
    adjective_place = _YEAR_DETERMINER.search(before) or _SENTENCE_START.search(before) or named
    if LEXICON.year_count_after.match(after) and not (adjective_place and not _COUNT_NOUN.match(after)):
        return False
    return qualifier is None or not qualifier.group()[:1].isalpha()  # "2014~2018" is still two years


def _excluded_words(text: str, before: str, p: Parsed) -> bool:
    """A number written only in words that is a name or a day of the month."""
    # "World War Two", "Air Force One", "Formula One": a capitalised name, not a count.
    name = LEXICON.identifier_before.search(before) if text[p.start].isupper() and before.strip() else None
    if name is not None and name.group("phone") is None:
        return True
    # "May twenty-nine": a day of the month written in words.
    day = p.value.is_integer() and 1 <= p.value <= 31 and not p.fraction
    return day and bool(LEXICON.month_before.search(before)) and not _MONTH_AS_PERIOD.search(before)


def _excluded(text: str, masked: str, p: Parsed, currency: re.Match[str] | None) -> bool:
    """``currency``: the currency look-up on the 12 characters before ``p``."""
    before = masked[max(0, p.start - WINDOW):p.start]
    if p.has_words and not _keep_words(masked, p):
        return True
    if not p.has_digits:
        return _excluded_words(text, before, p)
    return _excluded_digits(text, masked, p, before, currency)


def _excluded_digits(text: str, masked: str, p: Parsed, before: str, currency: re.Match[str] | None) -> bool:
    """A number with digits that is part of a code, a date, a time, a year or a name."""
    after = masked[p.end:p.end + 3]
    if written_as_name(masked, p, before):
        return True
    if "No" in before[-4:] and _CAPITAL_NO.search(before[-4:]):  # cheap test first
        return True
    if before[-1:] == "(" and before[-2:-1].isalnum() and after[:1] == ")":
        return True  # "Article 6(3)", "Section 124A(1)": a sub-clause
    if currency is not None:
        return False
    if before[-1:].isalpha() or before[-1:] in ("_", "\x1f", "/", "#", "^") or after[:1] == "\x1f":
        return True
    if (after[:1] == "/" and not after[1:2].isalpha()) or before.rstrip().endswith(_UNCERTAINTY):
        return True
    if before[-1:] in ("-", "\u2212") and _UNIT_EXPONENT.search(before[-5:]) \
            and not _SCALED_NUMBER_DASH.search(before[-5:]):
        return True  # "fb-1", "s-1": an exponent written after a unit
    if (before[-1:] == "." and before[-2:-1].isdigit()) or (after[:1] in ".," and after[1:2].isdigit()):
        return True
    if before[-1:] in _APOSTROPHES and p.end - p.start == 2 and _SHORT_YEAR_BEFORE.search(before[:-1]):
        return True  # "back in '98", "the class of '05": a year
    if named(masked, p, before, window=WINDOW) or _is_year(text, masked, p):
        return True
    nxt = masked[p.end:p.end + 12]
    masked_near = "\x1f" in before or "\x1f" in nxt
    if masked_near and (_NEXT_TO_MASKED_BEFORE.search(before) and not _count_after_date(text, p)
                        or _NEXT_TO_MASKED_AFTER.match(nxt) or (
            _AND_MASKED_AFTER.match(nxt) and before.rstrip().lower().endswith("between"))):
        return True  # "from 5 to 6pm", "10:30 to 3", "November 18-19": the other end of a time or date
    if p.value.is_integer() and 1 <= p.value <= 31 and not p.fraction:
        month = LEXICON.month_before.search(before) is not None and not _count_after_period(masked, p, before)
        return bool(month or LEXICON.month_after.match(masked[p.end:p.end + 20]) or masked_near and _listed_day(text, p))
    return False


def _count_after_period(masked: str, p: Parsed, before: str) -> bool:
    """"in March 5 soldiers were killed": a month made a period by the word before it, then a
    number with a count noun or a plural after it (the mask leaves such a month alone)."""
    return bool(_MONTH_AS_PERIOD.search(before) and LEXICON.year_count_after.match(masked[p.end:p.end + WINDOW]))


def _count_after_date(text: str, p: Parsed) -> bool:
    """"On 10 March - 6 fatalities": after a dash that follows a whole date, a number with a
    count noun is a count, not the end of a range (a day range's end would hold its month)."""
    return bool(LEXICON.date_then_dash.search(text[max(0, p.start - 16):p.start])
                and LEXICON.year_count_after.match(text[p.end:p.end + WINDOW]))


def _listed_day(text: str, p: Parsed) -> bool:
    """"on March 3, 4 and 7", "on 5 and 9 March": a day listed under the month of a date next to
    it (masked), unless a count noun follows the list ("on November 2 and 3 others")."""
    left = max(0, p.start - DAY_LIST_WIDTH)
    for m in LEXICON.day_list.finditer(text, left, min(len(text), p.end + DAY_LIST_WIDTH)):
        if m.start() <= p.start and p.end <= m.end():
            return not (text[m.end() - 1].isdigit() and LEXICON.year_count_after.match(text[m.end():m.end() + WINDOW]))
    return False


def _m_means_million(rest: str, c: Cand) -> bool:
    """"2.3m Syrians", "1.5m barrels", "2.3m." -> million; "a 2m wall", "3m tall" -> metres."""
    if rest.startswith(("-strong", "-plus", "-member")):
        return True  # "a 1.5m-strong diaspora", "a £2m-plus deal"
    if _LENGTH_CONTEXT.match(rest):
        return False
    if _PLURAL_AFTER.match(rest) or LEXICON.year_count_after.match(rest):
        return True
    return not c.value.is_integer()


def _scale_after(masked: str, c: Cand, money: bool) -> Cand:
    after = masked[c.end:c.end + WINDOW]
    m = LEXICON.scale_attached.match(after) or LEXICON.scale_spaced.match(after)
    if m is None or c.has_words and m.re is LEXICON.scale_attached:
        return c
    word = m.group().strip()
    if len(word) == 1 and c.value >= SINGLE_LETTER_SCALE_MAX:
        return c
    if word == "K" and _TEMPERATURE_NEAR.search(masked, max(0, c.start - WINDOW), c.end + WINDOW):
        return c  # "300 °C (573.15K)": kelvin among temperatures, not thousands
    if word == "m" and not money and not _m_means_million(after[m.end():], c):
        return c
    scale = LEXICON.scales[word]
    return c._replace(end=c.end + m.end(), nend=c.end + m.end(), value=c.value * scale, scale=scale, explicit=True)


def _currency(masked: str, c: Cand, before: str, m: re.Match[str] | None) -> Cand:
    """Currency before the number (``m``, found in ``before``) or a currency word after it."""
    if m is not None:
        code = LEXICON.currency_prefix.get(m.group().strip(), "USD")
        return c._replace(start=c.start - (len(before) - m.start()), kind="money", unit=code, explicit=True)
    m = LEXICON.currency_after.match(masked[c.end:c.end + WINDOW])
    if m is not None:
        unit = LEXICON.currency_suffix.get(re.sub(r"\s+", " ", m.group("cur").lower()), m.group("cur"))
        return c._replace(end=c.end + m.end(), kind="money", unit=unit, explicit=True)
    return c


def _unit_or_percent(masked: str, c: Cand) -> Cand | None:
    after = masked[c.end:c.end + WINDOW]
    skip = _FRACTION_OF_A.match(after) if c.has_words and 0 < c.value < 1 else None
    shift = skip.end() if skip else 0
    m = _PERCENT_AFTER.match(after[shift:] if shift else after)
    if m is not None:
        unit = "percentage point" if m.group("pp") or m.group("ppt") else "basis point" if m.group("bp") else "%"
        return c._replace(end=c.end + shift + m.end(), kind="percent", unit=unit, explicit=True)
    if c.kind == "money":
        return c
    m = LEXICON.unit_after.match(after)
    if m is not None and m.group().strip() == '"' and masked[max(0, c.start - 120):c.start].count('"') % 2 == 1:
        m = None  # 'put it at "about 20", saying': a closing quotation mark, not inches
    if m is not None:
        form = m.group("att") or m.group("short") or m.group("long") or ""
        name = LEXICON.unit_names.get(form.lower() if len(form) > 2 else form, form)
        if name == "pound" and c.scale >= 1e6 and not _OF_FOLLOWS.match(after[m.end():]):
            # "paid 50 million pounds": sterling ("2 million pounds of beef" is a weight)
            return c._replace(end=c.end + m.end(), kind="money", unit="GBP", explicit=True)
        return c._replace(end=c.end + m.end(), kind="measure", unit=name, explicit=True)
    if _ATTACHED_LETTERS.match(after) and not c.has_words:
        return None
    return c


def _sign(masked: str, c: Cand) -> Cand:
    tail = masked[max(0, c.start - 10):c.start]
    if "-" not in tail and "\u2212" not in tail and "n" not in tail and "N" not in tail:
        return c  # cheap rejection: no dash, no "minus", no "negative"
    m = _SIGN_BEFORE.search(tail)
    if m is not None and c.has_words and not m.group()[:1].isalpha():
        return c
    if m is None:
        return c
    width = len(m.group())
    if _PLUS_OR.search(masked, max(0, c.start - width - 10), c.start - width):
        return c  # "plus or minus 3.1 points": a margin of error, not a negative number
    return c._replace(start=c.start - width, nstart=c.nstart - width, value=-c.value)


def read_candidate(text: str, masked: str, p: Parsed) -> Cand | None:
    """The quantity around number ``p``, or None when its context says it is not one."""
    before = masked[max(0, p.start - 12):p.start]
    currency = LEXICON.currency_before.search(before)
    if _excluded(text, masked, p, currency):
        return None
    # Cand(p.start, p.end, p.start, p.end, p.value, has_words=p.has_words, scale=p.scale), built
    # by tuple.__new__ as Cand._make would (a third of the cost of the keyword call, for every number)
    c = _TUPLE_NEW(Cand, (p.start, p.end, p.start, p.end, p.value, "count", None, "exact", None, p.scale,
                          p.has_words, False, None, None))
    c = _sign(masked, c)
    if c.start != p.start:
        before = masked[max(0, c.start - 12):c.start]
        currency = LEXICON.currency_before.search(before)
    if currency is None and not (c.has_words and 0 < c.value < 1) and _plain_word_after(masked, c.end):
        return read_qualifier(masked, c, post=False)  # "12 people": nothing after can attach
    c = _scale_after(masked, c, currency is not None)
    c = _currency(masked, c, before, currency)
    got = _unit_or_percent(masked, c)
    if got is None:
        return None
    return read_qualifier(masked, got)


_TUPLE_NEW = tuple.__new__
# Words that start a percent phrase after a number ("5 per cent", "5 basis points").
_PERCENT_WORDS = frozenset({"per", "percent", "percents", "percentage", "pct", "pc", "p", "basis", "bps", "pp", "ppt",
                            "ppts", "points", "point"})
_NEXT_WORD = re.compile(r" ([a-z]+)(?![\w])")


def _plain_word_after(masked: str, end: int) -> bool:
    """A space and a lower-case word that starts no unit, currency, scale, percent or
    post-qualifier phrase: a cheap test that spares the look-ups after the number."""
    m = _NEXT_WORD.match(masked, end)
    return m is not None and m.group(1) not in LEXICON.after_words and m.group(1) not in _PERCENT_WORDS


_BOUNDS = {"exact", "approx"}
# "over two years" is a period, not "more than two years".
_TIME_PREPOSITIONS = frozenset({"over"})
# A verb right before "up to" takes the "up" ("shot up to", "went up to"): the number is a level.
_VERB_UP = re.compile(r"(?i:\b(?:shot|shoots|shooting|went|go|goes|gone|going|moved|moves|pushed|ramped|stepped"
                      r"|scaled|revised|hiked|bumped|jacked|soared|rose|climbed|jumped|crept|inched|edged)\s+)$")
_HOW_ABOUT = re.compile(r"(?i:\b(?:how|what)\s+)$")
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century"})


def read_qualifier(masked: str, c: Cand, *, post: bool = True) -> Cand:
    """Qualifier words before ("more than") or, with ``post``, after ("or more", "-odd") it."""
    before = masked[max(0, c.start - WINDOW):c.start]
    m = LEXICON.qualifier_before.search(before)
    if m is not None and m.group().split()[0].lower() in _TIME_PREPOSITIONS and c.unit in _TIME_UNITS:
        m = None
    if m is not None and m.lastgroup == "approx" and _HOW_ABOUT.search(before, 0, m.start()):
        m = None  # "how about 20?", "what about 5 or more": a question, not "approximately"
    if m is not None and m.lastgroup == "at_most" and _VERB_UP.search(before, 0, m.start()):
        m = None  # "prices shot up to Rs 80": "up" belongs to the verb, the number is the level reached
    if m is not None and m.lastgroup:
        c = c._replace(start=c.start - (len(m.group())), qualifier=m.lastgroup, explicit=True)  # type: ignore[arg-type]
    after = LEXICON.post_qualifier.match(masked[c.end:c.end + WINDOW]) if post else None
    if after is not None and after.lastgroup and c.qualifier in _BOUNDS:
        c = c._replace(end=c.end + after.end(), qualifier=after.lastgroup, explicit=True)  # type: ignore[arg-type]
    return read_change(masked, c)


def read_change(masked: str, c: Cand) -> Cand:
    """"rose 45%", "fell by 12 percent", "a 45% increase" -> change direction."""
    m = LEXICON.change_before.search(masked[max(0, c.start - WINDOW):c.start])
    if m is not None and (c.kind == "percent" or " by" in m.group().lower()):
        return c._replace(change="up" if m.group("up") else "down")
    if c.kind == "percent":
        n = LEXICON.change_noun_after.match(masked[c.end:c.end + WINDOW])
        if n is not None:
            return c._replace(change="up" if n.group("up") else "down")
    return c
