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


def word_gates(wordings: Sequence[str], flags: int = re.I) -> tuple[re.Pattern[str], ...]:
    """Searches, in lower-cased ASCII text, for the pieces of plain text one of which every match
    of one of ``wordings`` holds: the first with each wording's rarest-looking piece, the next
    with its next one ("taken" after "hospital"). A text a match lies in passes them all; () when
    some wording holds no such piece (no gate)."""
    ranked = [sorted(required_word_options(w, flags), key=_rarity, reverse=True) for w in wordings]
    if not ranked or not all(ranked):
        return ()
    ranked = [[o for o in options if _rarity(o)[0] >= _TELLING] or options[:1] for options in ranked]
    gates: list[re.Pattern[str]] = []
    for rank in range(_GATES):
        pieces = {piece for options in ranked for piece in options[min(rank, len(options) - 1)]}
        kept = sorted(p for p in pieces if not any(q != p and q in p for q in pieces))  # (a piece holding another adds nothing)
        gate = searcher(factor("|".join(re.escape(p) for p in kept)))
        if all(gate.pattern != g.pattern for g in gates):
            gates.append(gate)
    return tuple(gates)


def may_match(gates: Sequence[re.Pattern[str]], text: str, lowered: str) -> bool:
    """Whether ``text`` (``lowered``: the same lower-cased) can hold a match of the gated pattern:
    it passes every gate, or it is not ASCII (``re`` folds "k", "s", "i" with non-ASCII letters,
    which lower-casing does not)."""
    return not text.isascii() or all(gate.search(lowered) for gate in gates)
