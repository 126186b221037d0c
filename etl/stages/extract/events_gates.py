"""Word gates: cheap C-level searches that rule a text out before a costly pattern is tried on it.

Every match of a wording holds some piece of plain text (``events_regex.required_word_options``:
"killed" in "AUX(?:killed|slain)", "hospital" in "taken to (?:the )?hospital"). A gate searches
lower-cased ASCII text for such a piece of every wording of a pattern at once; a text in which a gate
finds none cannot hold a match, so the pattern (a long alternation, or a noun phrase tried in many
ways before its verb) is never tried there. Gates are derived from the patterns, never written by
hand, so a new wording cannot be forgotten in its gate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from etl.stages.extract.events_regex import factor, required_word_options, searcher, split_top, wrapped

# Gates searched one after the other (each with the next piece of every wording): two rule out all
# but a fiftieth of the texts after a number that the after pattern fails on (synthetic corpus); a
# third adds little.
_GATES = 2
# A gate takes a wording's next piece only when its words are this long ("ed" from "\\w+ed to death"
# is in every other text).
_TELLING = 4
# Words that tell nothing about a text: a piece made only of them ("the ", " in the ") is in nearly
# every sentence, so a gate takes another piece of the same wording.
_COMMON = frozenset("the in on at of to a an and or his her their its was were is are has have had by for from with".split())


def _rarity(pieces: frozenset[str]) -> tuple[int, int]:
    """How rare a set of pieces looks: the longest telling word of its least telling piece, then fewer pieces."""
    return min(max((len(w) for w in piece.split() if w not in _COMMON), default=0) for piece in pieces), -len(pieces)


def alternatives(source: str) -> list[str]:
    """The wordings of a pattern that is one alternation, at its top or as one group between word
    boundaries: "a|b" and "\\b(?:a|b)\\b" -> ["a", "b"]; any other pattern is one wording."""
    top = split_top(source)
    if len(top) > 1:
        return top
    body = source[2:] if source.startswith(r"\b") else source
    body = body[:-2] if body.endswith(r"\b") and not body.endswith(r"\\b") else body
    found = wrapped(body)
    return found if len(found) > 1 else [source]


def searched_alternatives(source: str) -> list[str]:
    """:func:`alternatives` of a pattern compiled by ``events_regex.searcher``, whose source is the
    pattern's behind a lookahead of its first characters ("(?=[fb])(?:\\b(?:funerals?|buried)\\b)")."""
    if source.startswith("(?=[") and "])(?:" in source:
        rest = source[source.index("])") + 2 :]
        inner = wrapped(rest)
        if inner != [rest]:  # (the group held all of the original pattern)
            return alternatives(inner[0]) if len(inner) == 1 else inner
    return alternatives(source)


def word_gates(wordings: Sequence[str], flags: int = re.I) -> tuple[re.Pattern[str], ...]:
    """Searches, in lower-cased ASCII text, for the pieces of plain text one of which every match
    of one of ``wordings`` holds: the first with each wording's rarest-looking piece, the next
    with its next one ("taken" after "hospital"). A text a match lies in passes them all; () when
    some wording holds no such piece (no gate)."""
    gates: list[re.Pattern[str]] = []
    for kept in gate_pieces(wordings, flags):
        gate = searcher(factor("|".join(re.escape(p) for p in kept)))
        if all(gate.pattern != g.pattern for g in gates):
            gates.append(gate)
    return tuple(gates)


def gate_pieces(wordings: Sequence[str], flags: int = re.I) -> tuple[tuple[str, ...], ...]:
    """The pieces each of :func:`word_gates` searches for, as plain strings (for ``in`` tests, faster
    than a search of a long alternation when the pieces are few)."""
    ranked = [sorted(required_word_options(w, flags), key=_rarity, reverse=True) for w in wordings]
    if not ranked or not all(ranked):
        return ()
    ranked = [[o for o in options if _rarity(o)[0] >= _TELLING] or options[:1] for options in ranked]
    out: list[tuple[str, ...]] = []
    for rank in range(_GATES):
        pieces = {piece for options in ranked for piece in options[min(rank, len(options) - 1)]}
        kept = tuple(sorted(p for p in pieces if not any(q != p and q in p for q in pieces)))  # (a piece holding another adds nothing)
        if kept not in out:
            out.append(kept)
    return tuple(out)


def may_hold(pieces: Sequence[Sequence[str]], text: str, lowered: str) -> bool:
    """:func:`may_match` with :func:`gate_pieces`: ``lowered`` holds a piece of every set."""
    if not text.isascii():
        return True
    for options in pieces:
        for piece in options:  # noqa: SIM110  (a plain loop: about half the cost of any() over a generator)
            if piece in lowered:
                break
        else:
            return False
    return True


def may_match(gates: Sequence[re.Pattern[str]], text: str, lowered: str) -> bool:
    """Whether ``text`` (``lowered``: the same lower-cased) can hold a match of the gated pattern:
    it passes every gate, or it is not ASCII (``re`` folds "k", "s", "i" with non-ASCII letters,
    which lower-casing does not)."""
    return not text.isascii() or all(gate.search(lowered) for gate in gates)


# Characters of a wording's start that a lead (see ``lead``) holds: enough to tell most words apart.
_LEAD_SIZE = 3
# A lead of more alternatives than this would cost as much as the alternation it stands before.
_MOST_LEADS = 400


def lead(source: str, flags: int = 0) -> str | None:
    """A lookahead of the first characters a match of ``source`` can start with, as plain strings
    of up to _LEAD_SIZE characters ("(?:have )?died|slain" -> "d(?:ie)|ha(?:v)|sla"): where it fails, none of
    the alternatives behind it is tried. None when some match can start with something else than
    a known string (a ``\\w``, a class of many letters)."""
    try:
        found = _starts(list(_parser.parse(source, flags)), _LEAD_SIZE)
    except re.error:
        return None
    starts = {s.rstrip(_CUT) for s in found} if found is not None else set()
    if not starts or "" in starts or len(starts) > _MOST_LEADS:
        return None
    return f"(?={searcher(factor('|'.join(re.escape(s) for s in sorted(starts))), flags).pattern})"


_CUT = "\0"  # ends a start that an item not of plain text cut short: nothing is added to it


def _starts(items: Sequence[tuple[Any, Any]], size: int) -> set[str] | None:
    """The strings of up to ``size`` characters a match of ``items`` can start with (ending with
    _CUT where an item that is no plain text cut them short); None: too many."""
    out = {""}
    for op, av in items:
        open_ = {s for s in out if len(s) < size and not s.endswith(_CUT)}
        if not open_:
            break
        part = _item_strings(op.name, av, size)
        if part is None:
            part = {_CUT}
        out = (out - open_) | {_joined(s + p, size) for s in open_ for p in part}
        if len(out) > _MOST_LEADS:
            return None
    return out


def _joined(start: str, size: int) -> str:
    """A start cut to ``size`` characters (a start cut short keeps its mark while shorter)."""
    if start.endswith(_CUT) and len(start) - 1 < size:
        return start
    return start.rstrip(_CUT)[:size]


def _item_strings(name: str, av: Any, size: int) -> set[str] | None:
    if name == "LITERAL":
        return {chr(av)}
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {""}
    if name == "IN" and all(k.name == "LITERAL" for k, _ in av) and len(av) <= 4:
        return {chr(v) for _, v in av}
    if name == "SUBPATTERN" and not av[1] and not av[2]:
        return _starts(av[3], size)
    if name == "BRANCH":
        alts = [_starts(alt, size) for alt in av[1]]
        return set().union(*alts) if all(a is not None for a in alts) else None  # type: ignore[arg-type]
    if name in ("MAX_REPEAT", "MIN_REPEAT") and av[1] == 1:
        inner = _starts(av[2], size)
        return None if inner is None else inner | ({""} if av[0] == 0 else set())
    return None


def word_start(alternation: str) -> str:
    """``\\b(?:alternation)`` for a factored list of capitalised words ("P(?:Cpl|Sgt)|C(?:onstable)"),
    with the boundary checked behind each first letter ("P(?<!\\w.)(?:Cpl|Sgt)"): a pattern that opens
    with plain letters lets ``re`` skip in C to the next one of them, where a boundary in front is
    tried at every character. Any other alternation keeps its boundary in front."""
    items = split_top(alternation)
    if not all(len(item) > 1 and item[0].isalpha() and item[0].isascii() and item[1] not in "?*+{" for item in items):
        return rf"\b(?:{alternation})"
    return "|".join(rf"{item[0]}(?<!\w.){item[1:]}" for item in items)
