"""Find the runs of number words and digits (``numwords.RUN_PATTERN``) in a masked text."""

from __future__ import annotations

import re

from etl.stages.extract.numwords import NUMBER_WORDS, RUN_BODY, RUN_PATTERN, RUN_START

# Runs of number words and digits (see numwords.RUN_PATTERN) are tried only where one can start,
# found in C: after a letter ("Rs5bn"), at a digit, "." or character outside ASCII (a vulgar
# fraction, a digit of another script) that follows no ASCII word character, and at a whole
# number word (a set met with the text's words), or at the "a"/"an" before it ("a dozen").
# Calibrated on benchmarks/synth.py news: a regex that stopped at every separator to test a
# guard spent most of this stage's scan time on the spaces before ordinary words.
_RUN = re.compile(RUN_PATTERN)
# The run pattern after a separator (consumed, so the text is scanned with a space in front):
# the character set lets the engine reject a word character at once, (?<=\W) checks the rest.
_RUN_AFTER_SEPARATOR = re.compile(rf"[^A-Za-z0-9_]{RUN_START}(?<=\W){RUN_BODY}")
# (The set lists ASCII digits and every non-ASCII character, a superset of \d that is much faster
# to test per character than the \d category; the look-behind then checks the digit.)
_DIGIT_AFTER_LETTER = re.compile(r"[0-9\x80-\U0010ffff](?<=[A-Za-z]\d)")
# Where a run of digits can start: an ASCII digit, "." (".5") or a non-ASCII character (other
# digits, vulgar fractions), not right after an ASCII word character (a superset: the run
# pattern decides).
_DIGIT_START = re.compile(r"[0-9.\x80-\U0010ffff](?<![A-Za-z0-9_].)")
# Number words are found as words of the text turned into lower-case ASCII letters and spaces
# (one byte per character: offsets hold).
_NUMBER_WORD_BYTES = frozenset(word.encode("ascii") for word in NUMBER_WORDS)
_LOWER_LETTERS = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32 for b in range(256))
_SPACE = 32


def find_runs(masked: str) -> list[tuple[int, int]]:
    """Spans of the matches of ``numwords.RUN_PATTERN`` in ``masked``, in order."""
    glued = [run.span() for m in _DIGIT_AFTER_LETTER.finditer(masked)
             if (run := _RUN.match(masked, m.start())) is not None]
    runs = _separated_runs(masked)
    if not glued:
        return runs
    merged: list[tuple[int, int]] = []
    for span in sorted(runs + glued):  # as one left-to-right scan would: a run inside another is skipped
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged


def _separated_runs(masked: str) -> list[tuple[int, int]]:
    """``_RUN_AFTER_SEPARATOR.finditer(" " + masked)`` as spans in ``masked``, tried only at
    :func:`_starts` (every other position fails its guard)."""
    padded = " " + masked
    runs: list[tuple[int, int]] = []
    done = 0
    for start in _starts(masked):
        # padded[start] is the character before masked[start]
        if start >= done and (m := _RUN_AFTER_SEPARATOR.match(padded, start)) is not None:
            done = m.end() - 1
            runs.append((start, done))
    return runs


def _starts(masked: str) -> list[int]:
    """Every position where a run can start, in order (with some where none does)."""
    starts = [m.start() for m in _DIGIT_START.finditer(masked)]
    letters = masked.encode("ascii", "replace").translate(_LOWER_LETTERS)
    for word in _NUMBER_WORD_BYTES.intersection(letters.split()):
        size = len(word)
        at = letters.find(word)
        while at >= 0:
            if (at == 0 or letters[at - 1] == _SPACE) and letters[at + size:at + size + 1] in (b"", b" "):
                starts.extend(_article_before(masked, at))
                starts.append(at)
            at = letters.find(word, at + size)
    starts.sort()
    return starts


def _article_before(masked: str, word: int) -> list[int]:
    """Where "a" or "an" starts before the whitespace before ``word`` ("a dozen"), if it does."""
    k = word
    while k > 0 and masked[k - 1].isspace():
        k -= 1
    if k == word:
        return []
    if masked[k - 1:k] in ("a", "A"):
        return [k - 1]
    if masked[max(0, k - 2):k] in ("an", "An"):
        return [k - 2]
    return []
