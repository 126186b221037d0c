"""Long word alternations made cheap for Python's backtracking regex engine.

``re`` tries the alternatives of ``a|b|c`` one by one at every position; a list of hundreds of
words (person nouns, actor aliases, auxiliaries) is then the slowest part of a scan. Grouping the
alternatives by their first character lets the engine reject a position after one comparison per
group, with the same matches as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_QUANTIFIERS = frozenset("?*+{")


def split_top(alternation: str) -> list[str]:
    """The top-level alternatives of a regex fragment ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    items: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a character class may hold "|" and ")"
            close = alternation.find("]", i + 2)
            i = close + 1 if close > 0 else len(alternation)
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            items.append(alternation[start:i])
            start = i + 1
        i += 1
    items.append(alternation[start:])
    return items


def factor(alternation: str) -> str:
    """The same alternation with neighbouring alternatives grouped by their first letter
    ("were|was|is" -> "w(?:ere|as)|is"): Python's regex engine then tests one letter per group
    instead of every word, which makes long word lists several times cheaper. Only alternatives
    that start with a plain letter are grouped, and never across one that does not, so the first
    alternative that matches is the same as before."""
    out: list[str] = []
    groups: dict[str, list[str]] = {}
    for item in split_top(alternation):
        if len(item) < 2 or not item[0].isalpha() or item[1] in _QUANTIFIERS:
            out.extend(_grouped(groups))
            groups = {}
            out.append(item)
            continue
        groups.setdefault(item[0], []).append(item[1:])
    out.extend(_grouped(groups))
    return "|".join(out)


def tried_order(alternation: str) -> list[str]:
    """The alternatives of ``alternation`` in the order ``factor(alternation)`` tries them."""
    out: list[str] = []
    groups: dict[str, list[str]] = {}
    for item in split_top(alternation):
        if len(item) < 2 or not item[0].isalpha() or item[1] in _QUANTIFIERS:
            out.extend(i for group in groups.values() for i in group)
            groups = {}
            out.append(item)
            continue
        groups.setdefault(item[0], []).append(item)
    out.extend(i for group in groups.values() for i in group)
    return out


def _grouped(groups: dict[str, list[str]]) -> list[str]:
    return [key + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0]) for key, rest in groups.items()]


# The first character a match can start with, as a character class ahead of the pattern: ``re``
# then skips to the next such character in C instead of trying the whole pattern at every position
# ("\b(?:no|none|without)" is searched about four times faster behind "(?=[nw])").
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_Items = Sequence[tuple[Any, Any]]


def _class_char(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _first_of_item(op: str, av: Any) -> tuple[list[str], bool] | None:
    """(class fragments, can match empty) for one parsed item; None when the first character is
    not a small known set (any character, a category, a negated class, a back-reference...)."""
    if op == "LITERAL":
        return [_class_char(av)], False
    if op in _ZERO_WIDTH:
        return [], True
    if op == "IN":
        if any(k.name not in ("LITERAL", "RANGE") for k, _ in av):
            return None
        return [_class_char(v) if k.name == "LITERAL" else f"{_class_char(v[0])}-{_class_char(v[1])}" for k, v in av], False
    if op == "SUBPATTERN":
        return _first_of(av[3]) if not av[1] and not av[2] else None  # a flag change: give up
    if op == "ATOMIC_GROUP":
        return _first_of(av)
    if op == "BRANCH":
        found = [_first_of(alt) for alt in av[1]]
        if any(f is None for f in found):
            return None
        return [frag for f in found if f for frag in f[0]], any(f[1] for f in found if f)
    if op in _REPEATS:
        inner = _first_of(av[2])
        return None if inner is None else (inner[0], av[0] == 0 or inner[1])
    return None


def _first_of(items: _Items) -> tuple[list[str], bool] | None:
    frags: list[str] = []
    for op, av in items:
        found = _first_of_item(op.name, av)
        if found is None:
            return None
        frags += found[0]
        if not found[1]:
            return frags, False
    return frags, True


def ahead(source: str, flags: int = 0) -> str:
    """``source`` behind a lookahead of the characters a match of it can start with, when that set
    is known and it cannot match the empty string (else ``source`` itself). Inside a long
    alternation this lets ``re`` skip an alternative after one character test."""
    try:
        found = _first_of(list(_parser.parse(source, flags)))
    except re.error:
        return source
    if found is None or found[1] or not found[0]:
        return source
    return f"(?=[{''.join(dict.fromkeys(found[0]))}])(?:{source})"


def wrapped(source: str) -> list[str]:
    """The alternatives of a wording that is one non-capturing group as a whole ("(?:a|b)" ->
    ["a", "b"]), else the wording itself: in a list of alternatives the two are the same."""
    if not source.startswith("(?:") or not source.endswith(")"):
        return [source]
    depth, i = 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            close = source.find("]", i + 2)
            i = close + 1 if close > 0 else len(source)
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            break
        i += 1
    return split_top(source[3:-1]) if i == len(source) - 1 else [source]


# Letters whose case-insensitive match in ``re`` includes a non-ASCII character (ı, ſ, the Kelvin
# sign): a literal with one cannot be looked for in ``str.lower()`` text instead.
_UNSAFE_CASE = frozenset("iksIKS")


def required_literal(source: str, flags: int = 0) -> str | None:
    """A piece of plain text (lower case) every match of ``source`` contains, so that a text
    without it (lower-cased) cannot match; None when there is no such piece of two or more
    characters that lower-casing keeps exact."""
    try:
        items = list(_parser.parse(source, flags))
    except re.error:
        return None
    runs: list[str] = []
    run = ""
    for op, av in items + [(None, None)]:
        ch = chr(av) if op is not None and op.name == "LITERAL" else ""
        if ch and ch.isascii() and ch not in _UNSAFE_CASE:
            run += ch
            continue
        runs.append(run)
        run = ""
    best = max(runs, key=len)
    return best.lower() if len(best) >= 2 else None


# A set of required words larger than this is no cheap test (see required_words).
_MOST_WORDS = 16


@lru_cache(maxsize=1024)
def required_words(source: str, flags: int = 0) -> frozenset[str] | None:
    """Pieces of plain ASCII text (lower case), one of which every match of ``source`` contains
    ("\\b(?:killed|died)\\b" -> {"killed", "died"}); None when there is no small such set. Valid for
    lower-cased *ASCII* text only: ``re``'s case-insensitive matching folds "k", "s", "i" with
    non-ASCII letters. Branches, groups and repeats of one or more count; lookarounds do not."""
    try:
        return _needs(list(_parser.parse(source, flags)))
    except re.error:
        return None


def required_word_options(source: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Every set of pieces that :func:`required_words` chooses from (each of them holds a piece
    that every match contains), for a caller that knows better which pieces are rare."""
    try:
        return tuple(_options(list(_parser.parse(source, flags))))
    except re.error:
        return ()


def _needs(items: _Items) -> frozenset[str] | None:
    return max(_options(items), key=lambda words: (min(map(len, words)), -len(words)), default=None)  # the rarest-looking set


def _options(items: _Items) -> list[frozenset[str]]:
    options: list[frozenset[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        name = op.name if op is not None else ""
        if name == "LITERAL" and chr(av).isascii():
            run += chr(av).lower()
            continue
        if len(run) >= 2:
            options.append(frozenset({run}))
        run = ""
        inner = _needs_of_item(name, av)
        if inner and len(inner) <= _MOST_WORDS:
            options.append(inner)
    return options


def _needs_of_item(name: str, av: Any) -> frozenset[str] | None:
    if name == "SUBPATTERN":
        return _needs(av[3]) if not av[1] and not av[2] else None  # a flag change: give up
    if name == "ATOMIC_GROUP":
        return _needs(av)
    if name == "BRANCH":
        found = [_needs(alt) for alt in av[1]]
        return frozenset().union(*found) if all(found) else None  # type: ignore[arg-type]
    if name in _REPEATS and av[0] >= 1:
        return _needs(av[2])
    return None


def searcher(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` with :func:`ahead`: the same matches, found faster by
    ``search``/``finditer`` (``re`` then skips in C to the next character a match can start with)."""
    plain = re.compile(source, flags)
    fast = ahead(source, flags)
    try:
        return re.compile(fast, flags) if fast != source else plain
    except re.error:  # e.g. global inline flags, which must open the pattern
        return plain


# A word list this long (as plain wordings) is the most required_tokens expands.
_MOST_WORDINGS = 4096
_BEFORE_START = frozenset({"AT_BEGINNING", "AT_BEGINNING_STRING", "AT_BOUNDARY"})  # (a boundary: before a letter, none is behind)
_NO_LETTER_CATEGORIES = frozenset({"CATEGORY_SPACE", "CATEGORY_DIGIT"})


@lru_cache(maxsize=256)
def required_tokens(source: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """Sets of lower-case words (runs of a-z), each of which must have a member standing as a
    whole word (a maximal run of a-z) in the lower-cased ASCII text a match lies in: one set per
    group of plain wordings (a word list: "(?:soldier|police officer)" -> {"soldier", "officer"}, the last word of each)
    that starts and ends with a letter and has no letter right before or after it in any match
    (whitespace, "\\b", a start or a punctuation mark). Valid for ASCII text only (see required_words)."""
    try:
        items = list(_parser.parse(source, flags))
    except re.error:
        return ()
    return tuple(_token_sets(items, before=False, after=False))


def _token_sets(items: _Items, *, before: bool, after: bool) -> list[frozenset[str]]:
    """``before``/``after``: no letter stands right before/after whatever ``items`` match."""
    found: list[frozenset[str]] = []
    state = before
    for i, (op, av) in enumerate(items):
        name = op.name
        if name in ("SUBPATTERN", "BRANCH"):
            words = _language([(op, av)])
            plain = words is not None and all(w.isascii() and w[:1].isalpha() and w[-1:].isalpha() for w in words)
            if plain and state and _starts_without_letter(items[i + 1 :], after):
                found.append(frozenset(re.findall("[a-z]+", w.lower())[-1] for w in words))  # type: ignore[union-attr]  # (the head noun: "officer")
            elif name == "SUBPATTERN" and not av[1] and not av[2]:
                found += _token_sets(av[3], before=state, after=_starts_without_letter(items[i + 1 :], after))
        state = _ends_without_letter(op.name, av, state)
    return found


def _no_letter_class(av: Any) -> bool:
    """Whether a character class holds no ASCII letter."""
    for kind, value in av:
        if kind.name == "LITERAL" and not chr(value).isalpha() and chr(value).isascii():
            continue
        if kind.name == "RANGE" and (value[1] < ord("A") or ord("z") < value[0] or ord("Z") < value[0] <= value[1] < ord("a")):
            continue
        if kind.name == "CATEGORY" and value.name in _NO_LETTER_CATEGORIES:
            continue
        return False
    return True


def _ends_without_letter(name: str, av: Any, state: bool) -> bool:
    """Whether no letter stands right before what follows this item (``state``: before it)."""
    if name == "AT":
        return True if av.name in _BEFORE_START else state if av.name != "AT_NON_BOUNDARY" else False
    if name in ("ASSERT", "ASSERT_NOT"):
        return state
    if name == "LITERAL":
        return chr(av).isascii() and not chr(av).isalpha()
    if name == "IN":
        return _no_letter_class(av)
    if name == "SUBPATTERN":
        return _seq_ends(av[3], state) if not av[1] and not av[2] else False
    if name == "ATOMIC_GROUP":
        return _seq_ends(av, state)
    if name == "BRANCH":
        return all(_seq_ends(alt, state) for alt in av[1])
    if name in _REPEATS:
        last = _seq_ends(av[2], False)  # (an iteration that matches nothing says nothing)
        return last and (state or av[0] >= 1)
    return False


def _seq_ends(items: _Items, state: bool) -> bool:
    for op, av in items:
        state = _ends_without_letter(op.name, av, state)
    return state


def _starts_without_letter(items: _Items, after: bool) -> bool:
    """Whether no letter stands right after a letter that ``items`` follow (``after``: after them)."""
    if not items:
        return after
    (op, av), rest = items[0], list(items[1:])
    name = op.name
    if name == "AT":
        return av.name in ("AT_BOUNDARY", "AT_END", "AT_END_STRING") or (av.name != "AT_NON_BOUNDARY" and _starts_without_letter(rest, after))
    if name in ("ASSERT", "ASSERT_NOT"):
        return _starts_without_letter(rest, after)
    if name == "LITERAL":
        return chr(av).isascii() and not chr(av).isalpha()
    if name == "IN":
        return _no_letter_class(av)
    if name == "SUBPATTERN" and not av[1] and not av[2]:
        return _starts_without_letter([*av[3], *rest], after)
    if name == "BRANCH":
        return all(_starts_without_letter([*alt, *rest], after) for alt in av[1])
    if name in _REPEATS:
        return _starts_without_letter(av[2], False) and (av[0] >= 1 or _starts_without_letter(rest, after))
    return False


def _language(items: _Items) -> set[str] | None:
    """Every string ``items`` can match, when they are plain wordings (letters, optional letters,
    alternatives), at most _MOST_WORDINGS of them; else None."""
    out = {""}
    for op, av in items:
        name = op.name
        if name == "LITERAL":
            part: set[str] | None = {chr(av)}
        elif name == "IN":
            part = {chr(v) for k, v in av} if all(k.name == "LITERAL" for k, _ in av) else None
        elif name == "SUBPATTERN":
            part = _language(av[3]) if not av[1] and not av[2] else None
        elif name == "BRANCH":
            alts = [_language(alt) for alt in av[1]]
            part = set().union(*alts) if all(a is not None for a in alts) else None  # type: ignore[arg-type]
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and av[1] == 1:
            inner = _language(av[2])
            part = None if inner is None else inner | ({""} if av[0] == 0 else set())
        else:
            part = None
        if part is None or len(out) * len(part) > _MOST_WORDINGS:
            return None
        out = {a + b for a in out for b in part}
    return out
