"""An ordinal death ("a third person has died", "a fourth body was found") tells the toll it makes.

The linker reads "a third soldier" as one more death (an addition, see ``events_implicit``); the
ordinal also says how many died in all. After the article's figures are folded
(``events_fold.fold_article``), an ordinal addition is set against the figures told before it:
- the figures before it already reach the ordinal ("killed four rebels ... An initial report had
  put the rebel dead at three; a fourth body was found"): the death is in them, so the row becomes
  a part of the largest;
- nothing of its measure was told before it ("A third person has died after Saturday's grenade
  attack"): the row stands for the whole toll the ordinal gives (3);
- otherwise it adds one, as any addition does ("Two soldiers were killed. A third died later").
Deaths only: an injured ordinal counts the dead too ("killing four passengers. A fifth passenger
remains in critical condition" is one injured).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from etl.records import Event
from etl.stages.extract.events_apart import same_incident

_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
# The ordinal at the start of the row's number ("a third", "another fourth", "the fifth").
_ORDINAL_AT = re.compile(r"(?:an?(?:other)?\s+|the\s+)?(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)
# Subjects that say nothing specific: any figure of the measure told before counts against the ordinal.
_GENERIC = frozenset({None, "people", "victims"})


def ordinal_of(ev: Event) -> int | None:
    """The ordinal an addition's number opens with ("a third" -> 3), or None."""
    if ev.quantity_start is None:
        return None
    m = _ORDINAL_AT.match(ev.evidence, ev.quantity_start - ev.char_start)
    return _ORDINALS[m.group(1).lower()] if m is not None else None


def ordinal_tolls(out: list[Event], additions: set[str]) -> list[Event]:
    """Ordinal additions (``additions``: their event ids) set against the figures before them (see
    the module docstring)."""
    for i, ev in enumerate(out):
        if ev.event_id not in additions or ev.part_of is not None or ev.measure != "killed" or ev.value_best != 1:
            continue
        n = ordinal_of(ev)
        if n is None:
            continue
        before = [r for r in out if r.measure == ev.measure and r.scope == ev.scope and (r.quantity_start or 0) < (ev.quantity_start or 0) and same_incident(r, ev)]
        tops = [r for r in before if r.part_of is None and (r.value_best or 0) > 0]
        told = _told(before, tops, ev.subject)
        if tops and told >= n:
            out[i] = replace(ev, part_of=max(tops, key=lambda r: r.value_best or 0).event_id)
        elif not tops and n > 1:
            out[i] = replace(ev, value_best=float(n), value_low=float(n), value_high=float(n))
    return out


def _told(before: Sequence[Event], tops: Sequence[Event], subject: str | None) -> float:
    """How many of the ordinal's kind the figures before it count: all of them for a generic
    subject, else those of its subject (also parts of a mixed total: "three people, including two
    soldiers ... a third soldier")."""
    if subject in _GENERIC:
        return sum(r.value_best or 0 for r in tops)
    ids = {r.event_id: r for r in before}
    own = [r for r in before if r.subject == subject and (r.part_of is None or ids.get(r.part_of, r).subject != subject)]
    return sum(r.value_best or 0 for r in own)
