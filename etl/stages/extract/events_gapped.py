"""A count that shares the verb of the clause before it ("gapping"): "Four people died at the
scene and a fifth on the way to hospital", "two soldiers were killed and a third later in
hospital". Only an ordinal or "another" (a candidate that says it is one more) after "and", with
nothing but when and where after it, is read so; it adds one to the clause's measure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from etl.records import Sentence
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_claim import HARMS, Claim
from etl.stages.extract.events_regex import searcher

__all__ = ["gapped"]

_AND_BEFORE = searcher(r"\band\s+$", re.I)
# After the count, only when and where: "later", "in hospital", "on the way to hospital", "overnight".
_TAIL = re.compile(
    r"(?:\s+(?:later|also|subsequently|eventually|afterwards|overnight|the\s+next\s+day|the\s+following\s+day))?"
    r"(?:\s*,?\s+(?:at|in|on|before|after|during|en\s+route|near|while)\b[^.;!?]*)?\s*[.;!?]?[\"”’']?\s*",
    re.I,
)


def gapped(text: str, c: Candidate, sent: Sentence, prev: Claim | None) -> Claim | None:
    """The previous claim's measure for ``c`` when ``c`` is a gapped "and a fifth (...)"."""
    if not c.more or prev is None or prev.measure not in HARMS or prev.cand.end > c.start:
        return None
    if _AND_BEFORE.search(text, prev.cand.end, c.start) is None:
        return None
    if _TAIL.fullmatch(text, c.end, sent.char_end) is None:
        return None
    return replace(prev, cand=c, how="coord", part=False, update=False, trig_start=c.start, trig_end=c.end)
