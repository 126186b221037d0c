"""Quantities in news text: counts, money, percentages and measures, with honest bounds.

``extract_quantities(text)`` returns :class:`QuantityMention` records sorted by ``char_start``,
with ``surface == text[char_start:char_end]`` and ``number_start/number_end`` on the number itself.

How it reads a sentence:

1. Dates, times, ordinals, phone numbers, URLs and letter-digit codes are masked
   (:mod:`numbers_mask`) so that no number is found inside them.
2. Runs of digits and number words are read by a small grammar (:mod:`numwords`,
   :mod:`numwords_grammar`): "1,081", "1.2 million", "twenty-one", "a dozen", "half a million",
   "a third", "2 1/2", "one hundred and five".
3. Each number's context (:mod:`numbers_attach`) gives its scale ("$4.5bn"), currency, percent
   or unit, sign, qualifier and change direction, or rejects it: years ("in 2024"), days of the
   month, identifiers ("Flight 800", "Resolution 2231", :mod:`numbers_names`), the pronoun "one",
   ordinals.
4. Neighbours are joined (:mod:`numbers_combine`): ranges ("between 20 and 30", "4,000-6,000",
   "two or three"), changes ("rose from 20 to 30": value 30, base_value 20, up), two-sided
   bounds, ratios. After a change verb, "rose by 9 to 41" is a change and a level, not a range.
5. Vague counts ("dozens", "several") take their bounds from the vague-number policy
   (``etl/data/vague_numbers.toml``, ACLED's convention by default; see :func:`load_vague_policy`).

Bounds, decided once for every qualifier (``low <= value <= high`` wherever both are set):

- ``exact``/``approx``: value = low = high = the number ("about 300").
- ``more_than``/``at_least``: value = low = the number, high = None. ``value`` is the number the
  text states: it is the best single reading an analyst codes ("at least 12 killed" -> 12), and
  ``low``/``high`` carry the open side.
- ``at_most``/``less_than``: value = high = the number, low = None ("up to 20", "fewer than 10").
- ``range``: value = None, low/high = the ends ("between 20 and 30").
- ``vague``: value/low/high from the policy ("dozens" -> 12, 12, 99).

Changes: "rose 45%", "a 45% increase", "fell by 12 percent" set ``change_direction``; "doubled"
and "halved" carry no number in the text and are left to the event stage. "percentage points"
has unit "percentage point" and "basis points" unit "basis point", both distinct from "%".

Other readings, decided once:

- Fractions and ratios are one number: "a third of" -> 0.333, "one in five" -> 0.2, "nine out of
  ten" -> 0.9 (kind "count"); "a third" without "of" after it is an ordinal ("injuring a third").
- "2.3m Syrians", "£1.2m" -> millions; "a 2m wall", "3m tall" -> metres (see ``numbers_attach``).
- A hyphen between two integers where the first is not smaller ("won 3-1", "passed 287-143") is a
  score or a tally, and a rising pair next to a falling one is a set of a score line ("lost 3-6,
  6-4"): dropped.
- Names are not quantities: a model after a maker ("Glock 17", "Shahed 136"), a calibre (".38-
  calibre"), a day/month slash pair naming an event ("the 9/11-era", "the 3/11 memorial"), phone
  numbers ("0800 555 111", "call 112 or"), any number written with a leading zero.
- Money includes currency letters glued to an amount written as money ("R500,000", "N640 a
  litre") and regional symbols and codes ("GH¢110", "KSh 2.4 billion", "S/ 4,800", "2,500 FCFA").
- Year-shaped numbers (1800-2100, four digits) are years unless a count noun or a plural noun
  follows without a determiner ("hired 2000 teachers"); phone numbers, IP addresses, version
  numbers, times and dates are never quantities, even where other benchmarks count them.

Speed (calibrated on benchmarks/synth.py news and the sample corpus): every scan starts on a
character set the regex engine skips to in C (separators before runs and phrases, digits for
masks; a leading look-around would make it try every position), sets of ASCII characters stand
in for the slow \\d category where the pattern then checks the character, patterns that need a
digit nearby are tried only at the digits found by one pass (:mod:`numbers_mask`), runs are
guarded by the first two letters of a number word, case-sensitive patterns list the cased forms
instead of re.IGNORECASE, vague phrases are located by ``str.find`` on a key word, run texts are
parsed once per distinct text (``numwords_grammar.read_run``), a number followed by a plain word
skips the look-ups that only a unit, currency or percent after it could satisfy, and phrases
before a number are matched only at the last few word starts (found with ``str.split``).
Each shortcut finds exactly what the plain pattern finds (tests/stages/test_numbers_scans.py).

Caps: digit strings longer than ``numwords.MAX_DIGITS`` digits, exponents beyond
``numwords.MAX_EXPONENT`` ("10^100") and values whose magnitude exceeds :data:`MAX_MAGNITUDE`
are not emitted. The function never raises on any input string.
"""

from __future__ import annotations

import bisect
import math
import re

from etl.records import QuantityMention
from etl.stages.extract.numbers_attach import Cand, read_candidate
from etl.stages.extract.numbers_combine import combine
from etl.stages.extract.numbers_mask import mask_non_quantities
from etl.stages.extract.numbers_runs import find_runs
from etl.stages.extract.numbers_units import with_units
from etl.stages.extract.numbers_vague import (
    DEFAULT_POLICY,
    VagueEntry,
    VaguePolicy,
    VaguePolicyError,
    find_vague,
    load_vague_policy,
)
from etl.stages.extract.numwords_grammar import read_run

__all__ = ["VaguePolicy", "VaguePolicyError", "extract_quantities", "load_vague_policy"]

# Values beyond this magnitude are not news quantities (a cap against pathological input).
MAX_MAGNITUDE = 1e18
# "a score of 85", "a score of 7.5": a test or match score, not twenty.
_SCORE_OF_NUMBER = re.compile(r"\s+of\s+[\d.]")


def _candidates(text: str, masked: str) -> list[Cand]:
    cands: list[Cand] = []
    for start, end in find_runs(masked):
        for parsed in read_run(masked, start, end):
            if parsed.last_word == "score" and _SCORE_OF_NUMBER.match(masked, parsed.end):
                continue
            cand = read_candidate(text, masked, parsed)
            if cand is not None and math.isfinite(cand.value) and abs(cand.value) <= MAX_MAGNITUDE:
                cands.append(cand)
    cands.sort(key=lambda c: (c.start, -c.end))
    return cands


def _overlaps_taken(starts: list[int], taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """``taken`` is sorted and non-overlapping; ``starts`` are its starts."""
    i = bisect.bisect_left(starts, end)
    return i > 0 and taken[i - 1][1] > start


def _vague(masked: str, policy: VaguePolicy, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    out = []
    taken = sorted(taken)
    starts = [s for s, _ in taken]
    for start, end in find_vague(masked, policy):
        if _overlaps_taken(starts, taken, start, end):
            continue
        entry: VagueEntry | None = policy.lookup(masked[start:end])
        if entry is None:
            continue
        out.append(QuantityMention(
            char_start=start, char_end=end, surface=masked[start:end], kind="count",
            value=entry.value, low=entry.low, high=entry.high, qualifier="vague",
            number_start=start, number_end=end,
        ))
    return out


def _bounds(c: Cand) -> tuple[float | None, float | None, float | None]:
    if c.qualifier == "range":
        return None, c.value, c.high
    if c.qualifier in ("more_than", "at_least"):
        return c.value, c.value, None
    if c.qualifier in ("less_than", "at_most"):
        return c.value, None, c.value
    return c.value, c.value, c.value


def _mention(text: str, c: Cand) -> QuantityMention:
    value, low, high = _bounds(c)
    return QuantityMention(
        char_start=c.start, char_end=c.end, surface=text[c.start:c.end], kind=c.kind,
        value=value, low=low, high=high, qualifier=c.qualifier, unit=c.unit,
        change_direction=c.change, base_value=c.base, number_start=c.nstart, number_end=c.nend,
    )


def _without_overlaps(mentions: list[QuantityMention]) -> list[QuantityMention]:
    mentions.sort(key=lambda m: (m.char_start, -(m.char_end - m.char_start)))
    out: list[QuantityMention] = []
    for m in mentions:
        if out and m.char_start < out[-1].char_end:
            continue
        out.append(m)
    return out


def extract_quantities(text: str, *, policy: VaguePolicy | None = None) -> list[QuantityMention]:
    """Every quantity in ``text``, sorted by position (see the module docstring)."""
    if not text:
        return []
    masked = mask_non_quantities(text)
    cands = combine(masked, _candidates(text, masked))
    mentions = [_mention(text, c) for c in cands if c.high is None or c.value <= c.high]
    taken = [(m.char_start, m.char_end) for m in mentions]
    mentions.extend(_vague(masked, policy or DEFAULT_POLICY, taken))
    return with_units(text, _without_overlaps(mentions))
