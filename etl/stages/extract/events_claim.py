"""A number linked to a measure: what ``events_link`` gives each counted figure of a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from etl.records import Measure
from etl.stages.extract.events_candidates import Candidate

# The measures of harm to people: a toll of the dead and a count of the wounded.
HARMS: frozenset[Measure] = frozenset({"killed", "injured"})


@dataclass(frozen=True, slots=True)
class Claim:
    """A candidate linked to a measure; ``trig_*`` is the wording that gave the measure."""

    cand: Candidate
    measure: Measure
    trig_start: int
    trig_end: int
    how: str  # after, noun, adjective, before, coord, part, zero
    subject: str | None = None
    perpetrator: bool = False
    part: bool = False  # a part of the previous claim ("including 5 children")
    update: bool = False  # a running total ("the toll rose to 40")
    more: bool = False  # an addition to an earlier figure ("two more died later", "another 3 bodies")
    moved: bool = False  # deaths among the injured already counted ("one of the injured later died")
    netted: bool = False  # a death of wounds ("a second victim died of his wounds"): nets the injured told before, counted as before
