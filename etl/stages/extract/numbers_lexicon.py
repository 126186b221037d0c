"""The quantities extractor's vocabulary (etl/data/numbers_lexicon.toml), compiled once at import.

Every phrase list becomes one compiled regular expression, anchored where it is used: phrases
*before* a number are matched against the text that ends right before it (``…$``), phrases
*after* a number against the text that starts right after it (``^…``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from etl.stages.extract.dates_daylists import LISTED_DAYS, NOT_PLURAL
from etl.stages.extract.numwords import trie_pattern

# Words ending in "s" that are not plural nouns (after a year-shaped number: "in 2019 was").
# Words allowed between a change verb and its number: "rose by a further 12%".
_CHANGE_FILLERS = ("further", "additional", "another", "record", "massive", "whopping", "staggering", "mere")
LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "numbers_lexicon.toml"


def _alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """One prefix-trie alternative for all phrases (greedy: "more than" wins over "more");
    spaces match any whitespace. A trie is much faster than a flat ``a|b|c`` of many phrases."""
    return trie_pattern(set(phrases))


def _before(phrases: list[str]) -> str:
    """Words need a word boundary on their left; symbols such as ">" do not."""
    words = [p for p in phrases if p[:1].isalnum()]
    symbols = [p for p in phrases if not p[:1].isalnum()]
    parts = []
    if words:
        parts.append(rf"(?<![\w-])(?:{_alternation(words)})\s+")
    if symbols:
        parts.append(rf"(?:{_alternation(symbols)})\s*")
    return "(?:" + "|".join(parts) + ")"


def _last_token(text: str) -> str:
    """The last word (lower case) or, when it ends in a symbol, that symbol."""
    return _last_token_cached(text[-TAIL_TOKEN_CHARS:])


# A word also starts after an opening bracket or quote ("(more than", "\u201cabout").
_OPENERS = "([\"'\u201c"
_OPENER_SET = frozenset(_OPENERS)
# Only this many trailing characters are looked at to find the last token (phrase words are shorter).
TAIL_TOKEN_CHARS = 24


@lru_cache(maxsize=4096)
def _last_token_cached(text: str) -> str:
    j = len(text.rstrip())
    if j == 0:
        return ""
    if not text[j - 1].isalnum():
        return text[j - 1]
    i = j - 1
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return text[i:j].lower()


@dataclass(frozen=True, slots=True)
class TailPattern:
    """A pattern anchored at the end of a string, tried only when the string's last token can
    end one of its phrases (a set look-up is much cheaper than a backwards regex search)."""

    pattern: re.Pattern[str]
    # Last token -> how many token starts back a match can begin ("than": "no more than" = 3).
    last_tokens: dict[str, int]
    width: int
    # Last token -> the pattern over the phrases that end with it alone, where one is built: a
    # match ends the text, so its phrase's last token is the text's; the others never match, and
    # leaving them out spares trying them at every start (same groups, in the same order).
    by_token: dict[str, re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, pattern: str, phrases: list[str] | tuple[str, ...], extra: tuple[str, ...] = (),
              extra_words: int = 0) -> TailPattern:
        """``extra``: tokens that end the pattern but no phrase ("by" in "rose by"); ``extra_words``:
        words the pattern allows beyond a phrase ("rose by a further")."""
        tokens: dict[str, int] = {}
        for phrase in phrases:
            token = _last_token(phrase)
            tokens[token] = max(tokens.get(token, 0), len(phrase.split()) + extra_words)
        longest = max(tokens.values())
        for token in extra:
            tokens[token] = longest
        width = max(len(p) for p in phrases) + 24
        return cls(re.compile(pattern), tokens, width)

    def search(self, text: str) -> re.Match[str] | None:
        token = _last_token_cached(text[-TAIL_TOKEN_CHARS:])
        max_words = self.last_tokens.get(token)
        if max_words is None:
            return None
        # Try the pattern only where a phrase can start (the start of a word, or one of the last
        # characters for symbols such as ">="), longest first: a handful of anchored attempts
        # instead of a search from every position.
        end = len(text.rstrip())
        window = max(0, len(text) - self.width)
        starts = _last_word_starts(text, window, end, max_words)
        for i in (end - 2, end - 1):
            if i >= window and i not in starts:
                starts.append(i)
        pattern = self.by_token.get(token, self.pattern)
        for pos in starts:
            m = pattern.match(text, pos)
            if m is not None:
                return m
        return None


def _last_word_starts(text: str, window: int, end: int, count: int) -> list[int]:
    """The last ``count`` positions in ``text[window:end]`` where a word starts (after whitespace,
    at the start of ``text``, or after an opening bracket or quote), in order.

    Words are cut by ``str.split`` and found again from the right with ``str.rfind``: much
    cheaper than a regex tried at every position of the window."""
    starts: list[int] = []
    pos = end
    # The last ``count`` words are enough: each but the first of the window follows whitespace.
    parts = text[window:end].rsplit(None, count)
    for k in range(len(parts) - 1, -1, -1):
        word = parts[k]
        pos = text.rfind(word, window, pos)
        if not _OPENER_SET.isdisjoint(word[:-1]):
            starts.extend(pos + i + 1 for i in range(len(word) - 2, -1, -1) if word[i] in _OPENERS)
        if pos == 0 or text[pos - 1].isspace() or text[pos - 1] in _OPENERS:
            starts.append(pos)
        if len(starts) >= count:
            break
    starts.reverse()
    return starts[-count:]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled vocabulary; see the toml file for what each list means."""

    qualifier_before: TailPattern
    post_qualifier: re.Pattern[str]
    change_before: TailPattern
    change_noun_after: re.Pattern[str]
    change_verb_in_clause: re.Pattern[str]  # a change verb anywhere ("raised the wage from 7 to 8")
    identifier_before: TailPattern
    fixed_identifiers: re.Pattern[str]
    month_before: TailPattern
    month_after: re.Pattern[str]
    day_list: re.Pattern[str]
    date_then_dash: re.Pattern[str]
    year_count_after: re.Pattern[str]
    currency_before: TailPattern
    currency_prefix: dict[str, str]
    glued_currencies: tuple[str, ...]  # "N5bn", "R1.2 billion": currency letters before a scaled amount
    letter_currencies: tuple[str, ...]  # prefixes written in letters ("KSh", "Rs."), not codes before a digit
    price_after: tuple[str, ...]  # "N817 a litre": words after a glued amount that make it a price
    currency_after: re.Pattern[str]
    currency_suffix: dict[str, str]
    scale_attached: re.Pattern[str]
    scale_spaced: re.Pattern[str]
    scales: dict[str, float]
    unit_after: re.Pattern[str]
    unit_names: dict[str, str]
    # First words (lower case) of every phrase read right after a number: units, currencies,
    # scales and post-qualifiers ("5 km", "5 dollars", "5 bn", "5 or more").
    after_words: frozenset[str]


def _named_groups(table: dict[str, list[str]]) -> str:
    return "|".join(f"(?P<{name}>{_before(phrases)})" for name, phrases in table.items())


def _units(table: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    attached_only = set(table.get("attached_only", []))
    names: dict[str, str] = {}
    spaced: list[str] = []
    attached: list[str] = []
    for name, forms in table.items():
        if name == "attached_only":
            continue
        for form in forms:
            names.setdefault(form.lower() if len(form) > 2 else form, name)
            (attached if form in attached_only else spaced).append(form)
    long_forms = [f for f in spaced if len(f) > 2]
    short_forms = [f for f in spaced if len(f) <= 2]
    tail = r"(?![\w°/])"  # "km/h": a slash continues the unit
    pattern = (rf"^(?:(?P<att>{_alternation(attached + spaced)}){tail}"
               rf"|(?:[ \u00a0]|[ ]?-[ ]?)(?:(?P<short>{_alternation(short_forms)}){tail}"
               rf"|(?i:(?P<long>{_alternation(long_forms)})){tail}))")
    return re.compile(pattern), names


def _identifier_pattern(table: dict[str, list[str]]) -> TailPattern:
    """Any-case prefixes, then prefixes and brands that count only when capitalised ("Sector 7",
    "Glock 19"), then phone cues ("call 112 or"), one look-up for all."""
    anycase = table["prefixes"]
    cased = table["capitalised_prefixes"] + table["brands"]
    lower = [p for p in cased if p == p.lower()]  # entries with capitals ("MAX") match only as written
    capital = [" ".join(w[:1].upper() + w[1:] for w in p.split()) for p in lower]
    forms = capital + [p.upper() for p in capital] + [p for p in cased if p != p.lower()]
    cues = table["phone_cues"]  # group "phone": a phone number only if its phrase ends there
    pattern = (rf"(?<![\w.])(?:(?:(?i:{_alternation(anycase)})|{_alternation(forms)})\s?"
               rf"|(?P<phone>(?i:{_alternation(cues)}))\s+)$")
    return TailPattern.build(pattern, anycase + cased + cues)


def _bound_patterns(quals: dict[str, list[str]], post: dict[str, list[str]]) -> dict[str, Any]:
    post_groups = "|".join(
        rf"(?P<{name}>(?:\s+|-|\s*(?=\+))(?:{_alternation(phrases)})(?![\w/])(?!\s+(?:than\s+)?[-\d$€£]|\s+than\b))"
        for name, phrases in post.items()
    )
    all_quals = [p for phrases in quals.values() for p in phrases]
    tail = TailPattern.build(rf"(?i:{_named_groups(quals)})$", all_quals)
    by_token = {}
    for token in tail.last_tokens:
        subset = {name: kept for name, phrases in quals.items() if (kept := [p for p in phrases if _last_token(p) == token])}
        by_token[token] = re.compile(rf"(?i:{_named_groups(subset)})$")
    return {
        "qualifier_before": replace(tail, by_token=by_token),
        "post_qualifier": re.compile(rf"^(?i:{post_groups})"),
    }


def _change_patterns(changes: dict[str, list[str]]) -> dict[str, Any]:
    verbs = rf"(?P<up>{_alternation(changes['up'])})|(?P<down>{_alternation(changes['down'])})"
    nouns = rf"(?P<up>{_alternation(changes['up_nouns'])})|(?P<down>{_alternation(changes['down_nouns'])})"
    fillers = "|".join(_CHANGE_FILLERS)
    return {
        "change_before": TailPattern.build(
            rf"(?i:(?<![\w-])(?:{verbs})\s+(?:by\s+)?(?:(?:an?\s+)?(?:{fillers})\s+)?)$",
            changes["up"] + changes["down"] + list(_CHANGE_FILLERS), ("by",), extra_words=4,
        ),
        "change_noun_after": re.compile(rf"^(?i:\s+(?:{nouns})\b)"),
        "change_verb_in_clause": re.compile(rf"(?i:(?<![\w-])(?:{verbs})(?![\w-]))"),
    }


# Not right after a day of the month ("19 Feb. 8 fatalities": 8 is not a second day of February),
# also once that day is masked as an ordinal ("3rd March 2 dead": \x1f is numbers_mask.FILL); an
# amount is no day ("$12 December 27"); also "the 3rd of March 5 fatalities".
_AFTER_AMOUNT = "|".join(rf"(?<={c}{s}{d}\s)" for c in ("[$\u00a3\u20ac\u00a5]",) for s in ("", " ") for d in (r"\d", r"\d\d"))
NO_DAY_BEFORE = rf"(?:(?<![\d\x1f]\s)|{_AFTER_AMOUNT})(?<!\d(?:st|nd|rd|th)\s)(?<![\d\x1f]\sof\s)(?<!\d(?:st|nd|rd|th)\sof\s)"


# "in March 5 soldiers were killed", "in early May 3 people died": after a word that makes the
# month a period, a number with a count noun or a plural after it is a count, not the month's day.
PERIOD_WORD_BEFORE = "|".join(rf"(?<=\b{w}\s)" for w in ("in", "In", "during", "During", "last", "Last", "early", "late", "mid")) + r"|(?<=\bmid-)"


def _date_patterns(months: list[str], count_nouns: list[str]) -> dict[str, Any]:
    titled = _alternation([m.title() for m in months])
    return {
        # A full stop only after an abbreviation (the dotted names are in the list): "in March. 5
        # died" ends a sentence. A month after a day ("on 3 March. 5 died") already has its day.
        "month_before": TailPattern.build(rf"(?<![\w]){NO_DAY_BEFORE}(?:{titled})\s+(?:the\s+)?$", months,
                                          ("the", "."), extra_words=1),
        "month_after": re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{titled})\b"),
        # "On 10 March - 6 fatalities": a dash after a whole date (ending with its month or year).
        "date_then_dash": re.compile(rf"(?:(?<![\w])(?:{titled})|(?<![\w.,])(?:1[89]|20)\d\d)\s+[-\u2013\u2014]\s*$"),
        # Days listed under one month: "March 3, 4 and 7", "on 5 and 9 March", "November 2 or 9".
        "day_list": re.compile(
            rf"(?<![\w.])(?:{titled})\s+(?:the\s+)?{LISTED_DAYS}(?!\s+(?:of\s+)?(?:{titled})\b)"
            rf"|(?<![\w.,:/$-]){LISTED_DAYS}\s+(?:of\s+)?(?:{titled})\b"
        ),
        "year_count_after": re.compile(
            rf"^\s+(?:(?:{_alternation(count_nouns)})\b|(?!{NOT_PLURAL}\b)[a-z]+[^s\W']s\b)"
        ),
    }


def _money_patterns(currencies: dict[str, dict[str, str]], scales: dict[str, dict[str, float]]) -> dict[str, Any]:
    prefix, suffix, glued = currencies["prefix"], currencies["suffix"], currencies.get("glued_prefix", {})
    spaced = rf"(?:{_alternation(list(prefix))})[ \u00a0]?"
    tight = f"|(?:{_alternation(list(glued))})" if glued else ""
    return {
        "currency_before": TailPattern.build(rf"(?<![\w$€£¥])(?:{spaced}{tight})$", list(prefix) + list(glued)),
        "currency_prefix": {**prefix, **glued},
        "glued_currencies": tuple(glued),
        "letter_currencies": tuple(sorted(k for k in prefix if k.rstrip(".").isalpha())),
        "price_after": tuple(currencies.get("price_after", {}).get("words", ())),
        "currency_after": re.compile(rf"^[ \u00a0](?i:(?P<cur>{_alternation(list(suffix))}))(?![\w])"),
        "currency_suffix": {k.lower(): v for k, v in suffix.items()},
        "scale_attached": re.compile(rf"^(?:{_alternation(list(scales['attached']))})(?![\w])"),
        "scale_spaced": re.compile(rf"^[ \u00a0](?:{_alternation(list(scales['spaced']))})(?![\w])"),
        "scales": {**scales["spaced"], **scales["attached"]},
    }


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read and compile the vocabulary file."""
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    unit_re, unit_names = _units(data["units"])
    fixed = _alternation(data["identifiers"]["fixed"])
    return Lexicon(
        **_bound_patterns(data["qualifiers"], data["post_qualifiers"]),
        **_change_patterns(data["changes"]),
        **_date_patterns(data["months"]["names"], data["years"]["count_nouns"]),
        **_money_patterns(data["currencies"], data["scales"]),
        identifier_before=_identifier_pattern(data["identifiers"]),
        fixed_identifiers=re.compile(rf"(?i:(?<![\w/.-])(?:{fixed})(?![\w/-]))"),
        unit_after=unit_re,
        unit_names=unit_names,
        after_words=_after_words(data),
    )


def _after_words(data: dict[str, Any]) -> frozenset[str]:
    phrases = [form for name, forms in data["units"].items() if name != "attached_only" for form in forms]
    phrases += list(data["currencies"]["suffix"]) + list(data["scales"]["spaced"])
    phrases += list(data["scales"]["attached"])
    phrases += [p for forms in data["post_qualifiers"].values() for p in forms]
    words = {re.match(r"[a-z]*", p.lower()).group() for p in phrases}  # type: ignore[union-attr]
    return frozenset(words - {""})


LEXICON = load_lexicon()
