"""Notes on a figure that say how it adds up with the others.

- Already inside a toll: "all seven attackers were killed (included in total)", "four assailants
  died; they are counted in the toll", "killed 52 people, himself included". Such a figure is a
  part of the toll told before it (``Claim.part``), not more dead to add to it.
- Told as more: "two civilians were also killed" adds to the figure before it (``Claim.more``).
- Left out of a toll: "43 killed (excluding the two bombers)", "20 dead, not counting three
  gunmen": people of the toll's measure on top of it, whatever the figure's own wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from etl.records import Sentence
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_claim import Claim

# A note after the figure, in its clause or the next one ("(included in the total)", ", who are
# counted in the toll", "; they are included in the figure"), up to this many characters after it.
_NOTE_REACH = 90
_NOTE = re.compile(
    r"[^.;()]*?[\s(,;—–-]\s*(?:(?:they|these|those|which|who|he|she|this|all|both)\s+(?:are|is|were|was|have\s+been|has\s+been)\s+)?"
    r"(?:also\s+|all\s+)?(?:included|counted|incl\.?|accounted\s+for)\s+(?:in|among|within)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:total|toll|tally|figures?|count|number|dead|death)",
    re.I,
)
# "52 people, himself included", "23 people, the bomber included": the candidate is the pronoun or
# article of the perpetrator, followed by "included".
_SELF_INCLUDED = re.compile(
    r"(?:\s+(?:suicide\s+)?(?:bomber|attacker|assailant|gunman|perpetrator|shooter)s?)?\s+(?:also\s+)?included\b", re.I
)
# Plain words one of which must be in the sentence before the patterns are tried.
_WORDS = ("includ", "counted", "incl.", "accounted for")


def included_note(text: str, c: Candidate, sent: Sentence, lowered: str) -> bool:
    """Whether a note says the figure is already counted in the toll (``lowered``: the sentence, lower-cased)."""
    if not any(word in lowered for word in _WORDS):
        return False
    if _SELF_INCLUDED.match(text, c.end, sent.char_end) is not None:
        return True
    return _NOTE.match(text, c.end, min(sent.char_end, c.end + _NOTE_REACH)) is not None


_ALSO = re.compile(r"\balso\b", re.I)


def also_told(text: str, link: Claim) -> bool:
    """"two passers-by were also killed", "four villagers had also died": the verb after the
    figure says these are more dead (or hurt) than those told before."""
    return link.how == "after" and link.measure in ("killed", "injured") and _ALSO.search(text, link.trig_start, link.trig_end) is not None


# Words right before a figure that leave it out of the toll just told (within this many characters).
_EXCLUDED_REACH = 40
_EXCLUDED = re.compile(
    r"\b(?:excluding|excl\.|not\s+counting|not\s+including|(?:does|do|did)\s+not\s+include|in\s+addition\s+to|on\s+top\s+of)"
    r"\s+(?:the\s+|all\s+|another\s+)?$",
    re.I,
)


def excluded_link(text: str, c: Candidate, sent: Sentence, link: Claim, before: Sequence[Claim]) -> Claim:
    """A bare count left out of the toll told before it ("43 killed (excluding the two bombers)")
    becomes more of that toll's measure; any other link is returned as it is."""
    if link.measure != "count" or not before or before[-1].measure not in ("killed", "injured"):
        return link
    if _EXCLUDED.search(text, max(sent.char_start, c.start - _EXCLUDED_REACH), c.start) is None:
        return link
    return replace(link, measure=before[-1].measure, how="after", part=False, more=True)
