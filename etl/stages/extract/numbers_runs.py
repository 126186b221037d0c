"""Find the runs of number words and digits (``numwords.RUN_PATTERN``) in a masked text."""

from __future__ import annotations

import re

from etl.stages.extract.numwords import RUN_BODY, RUN_PATTERN, RUN_START

# Runs of number words and digits (see numwords.RUN_PATTERN), found in two scans that each start
# with a character set, which the regex engine skips to at C speed: runs after a character that
# is not a word character (the separator is consumed, so the text is scanned with a space in
# front), and runs of digits glued to letters ("Rs5bn").
_RUN = re.compile(RUN_PATTERN)
# The separator is found by a set of ASCII characters (every non-ASCII character is in it), much
# faster to test than the \W category; after the cheap RUN_START guard, (?<=\W) checks it.
_RUN_AFTER_SEPARATOR = re.compile(rf"[^A-Za-z0-9_]{RUN_START}(?<=\W){RUN_BODY}")
# (The set lists ASCII digits and every non-ASCII character, a superset of \d that is much faster
# to test per character than the \d category; the look-behind then checks the digit.)
_DIGIT_AFTER_LETTER = re.compile(r"[0-9\x80-\U0010ffff](?<=[A-Za-z]\d)")


def find_runs(masked: str) -> list[tuple[int, int]]:
    """Spans of the matches of ``numwords.RUN_PATTERN`` in ``masked``, in order."""
    glued = [run.span() for m in _DIGIT_AFTER_LETTER.finditer(masked)
             if (run := _RUN.match(masked, m.start())) is not None]
    runs = [(m.start(), m.end() - 1) for m in _RUN_AFTER_SEPARATOR.finditer(" " + masked)]
    if not glued:
        return runs
    merged: list[tuple[int, int]] = []
    for span in sorted(runs + glued):  # as one left-to-right scan would: a run inside another is skipped
        if not merged or span[0] >= merged[-1][1]:
            merged.append(span)
    return merged
