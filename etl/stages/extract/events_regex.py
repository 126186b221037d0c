"""Long word alternations made cheap for Python's backtracking regex engine.

``re`` tries the alternatives of ``a|b|c`` one by one at every position; a list of hundreds of
words (person nouns, actor aliases, auxiliaries) is then the slowest part of a scan. Grouping the
alternatives by their first character lets the engine reject a position after one comparison per
group, with the same matches as before.
"""

from __future__ import annotations

_QUANTIFIERS = frozenset("?*+{")


def _split_top(alternation: str) -> list[str]:
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
    for item in _split_top(alternation):
        if len(item) < 2 or not item[0].isalpha() or item[1] in _QUANTIFIERS:
            out.extend(_grouped(groups))
            groups = {}
            out.append(item)
            continue
        groups.setdefault(item[0], []).append(item[1:])
    out.extend(_grouped(groups))
    return "|".join(out)


def _grouped(groups: dict[str, list[str]]) -> list[str]:
    return [key + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0]) for key, rest in groups.items()]
