"""Find the runs of number words and digits (``numwords.RUN_PATTERN``) in a masked text."""

from __future__ import annotations

import re

from etl.stages.extract.numwords import NUMBER_WORDS, RUN_BODY, RUN_PATTERN, RUN_START, trie_pattern

# Runs of number words and digits (see numwords.RUN_PATTERN) are tried only where one can start,
# found in C: at a digit glued to letters ("Rs5bn"); at a digit, "." or character outside ASCII
# (a vulgar fraction, a digit of another script) that follows no ASCII word character; at a
# whole number word, or at the "a"/"an" before it ("a dozen"). Calibrated on benchmarks/synth.py
# news: a regex that stopped at every separator to test a guard there spent most of this step's
# time on the spaces before ordinary words ("the", "on", "a" pass a guard on two letters).
_RUN = re.compile(RUN_PATTERN)
# The run pattern after a separator (consumed, so the text is scanned with a space in front):
# the character set lets the engine reject a word character at once, (?<=\W) checks the rest.
_RUN_AFTER_SEPARATOR = re.compile(rf"[^A-Za-z0-9_]{RUN_START}(?<=\W){RUN_BODY}")
# Where a run with a digit can start: an ASCII digit, "." (".5") or a non-ASCII character (other
# digits, vulgar fractions), not right after an ASCII digit or "_" (after a letter, a digit is
# glued to it; after another non-word character, a run may start). A superset: the run patterns
# decide. (A set of ASCII characters and every non-ASCII one is much faster to test per character
# than the \d category.)
_DIGIT_START = re.compile(r"[0-9.\x80-\U0010ffff](?<![0-9_].)")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# Number words are found in the text turned into lower-case ASCII letters and spaces (one byte
# per character: offsets hold; a space added at each end), as whole words: a number word matched
# by the run pattern stands between characters that are no word characters, all made spaces.
# The pattern starts with a literal space, which the engine finds at C speed.
_NUMBER_WORD = re.compile(rf" (?:{trie_pattern(set(NUMBER_WORDS))})(?= )".encode("ascii"))
_LOWER_LETTERS = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32 for b in range(256))


def find_runs(masked: str) -> list[tuple[int, int]]:
    """Spans of the matches of ``numwords.RUN_PATTERN`` in ``masked``, in order: the runs
    ``_RUN_AFTER_SEPARATOR`` finds in ``" " + masked`` and those glued to letters, merged."""
    glued: list[tuple[int, int]] = []
    starts: list[int] = []
    for m in _DIGIT_START.finditer(masked):
        at = m.start()
        if at and masked[at - 1] in _ASCII_LETTERS:
            if (run := _RUN.match(masked, at)) is not None:  # only a digit after a letter matches here
                glued.append(run.span())
        else:
            starts.append(at)
    runs = _separated_runs(masked, starts + _word_starts(masked))
    if not glued:
        return runs
    merged: list[tuple[int, int]] = []
    for span in sorted(runs + glued):  # as one left-to-right scan would: a run inside another is skipped
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged


def _separated_runs(masked: str, starts: list[int]) -> list[tuple[int, int]]:
    """``_RUN_AFTER_SEPARATOR.finditer(" " + masked)`` as spans in ``masked``, tried only at
    ``starts`` (every other position fails its guard)."""
    padded = " " + masked
    runs: list[tuple[int, int]] = []
    done = 0
    for start in sorted(starts):
        # padded[start] is the character before masked[start]
        if start >= done and (m := _RUN_AFTER_SEPARATOR.match(padded, start)) is not None:
            done = m.end() - 1
            runs.append((start, done))
    return runs


def _word_starts(masked: str) -> list[int]:
    """Where a whole number word starts, and the "a"/"an" before one."""
    starts: list[int] = []
    letters = b" " + masked.encode("ascii", "replace").translate(_LOWER_LETTERS) + b" "
    for m in _NUMBER_WORD.finditer(letters):
        at = m.start()  # the word starts at masked[at]: letters has a space in front
        starts.extend(_article_before(masked, at))
        starts.append(at)
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
