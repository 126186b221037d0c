"""Fold an article's rows across sentences: one figure per measure, scope and side stands for the
toll, and the others point at it (``part_of``).

Running totals ("the toll rose to 11") win over the figures they update; additions told later ("two
more died overnight") add to them; deaths of both sides add up; deaths of wounds move out of the
injured. See :func:`fold_article`; sentence-level grouping is :mod:`events_reduce`'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.records import Event
from etl.stages.extract.events_ordinal import ordinal_tolls
from etl.stages.extract.events_reduce import earlier_day, replace_row, row_id, same_incident

__all__ = ["fold_article"]

# Victims of these subjects are civilians or security forces: figures of both, told in different
# sentences, are two groups of the toll (set on our own golden cases).
_GROUP_OF = {"civilians": "civil", "children": "civil", "migrants": "civil", "soldiers": "security", "police": "security", "auxiliaries": "security"}


def _clusters(out: Sequence[Event], indices: Sequence[int]) -> list[list[int]]:
    clusters: list[list[int]] = []
    for i in indices:
        home = next((c for c in clusters if same_incident(out[c[0]], out[i]) and not earlier_day(out[i], out[c[0]])), None)
        if home is None:
            clusters.append([i])
        else:
            home.append(i)
    return clusters


def _with_additions(
    out: Sequence[Event], indices: Sequence[int], additions: set[str], updates: set[str], moved: set[str]
) -> tuple[int, list[int]] | None:
    """"killing four ... two more died later": the figure the additions follow plus the additions,
    when that sum exceeds every other figure (else a later restated total already counts them).
    With a running total ("the toll rose to 10"), only additions told after it add to it, and not
    deaths of the injured ("two of the wounded died": the total has them)."""
    running = [i for i in indices if out[i].event_id in updates]
    if running:
        base = max(running, key=lambda i: (out[i].value_best or 0, -i))
        adds = [i for i in indices if i > base and out[i].event_id in additions and out[i].event_id not in moved]
        if not adds:
            return None
    else:
        adds = [i for i in indices if out[i].event_id in additions]
        if not adds or adds[0] == indices[0]:
            return None
        adds = [i for i in adds if i > indices[0]]
        base = max(i for i in indices if i < adds[0] and out[i].event_id not in additions)
    total = (out[base].value_best or 0) + sum(out[i].value_best or 0 for i in adds)
    others = [out[i].value_best or 0 for i in indices if i != base and i not in adds]
    if others and max(others) >= total:
        return None
    return base, adds


def fold_article(
    rows: Sequence[Event], updates: set[str], additions: set[str] = frozenset(), *, moved: set[str] = frozenset(), netted: set[str] = frozenset()  # type: ignore[assignment]
) -> list[Event]:
    """Across sentences, one figure per measure, scope and side stands for the toll; the rest point at it.

    The figure is the largest running-total update ("the toll rose to 11", "revised down to nine")
    if the article has one, else the largest figure. Deaths of perpetrators are a separate side:
    "six soldiers were killed ... four attackers were also killed" adds up to ten.
    """
    out = list(rows)
    groups: dict[tuple[str, str, bool], list[int]] = {}
    for i, ev in enumerate(out):
        if ev.part_of is None and (ev.value_best or 0) > 0 and ev.measure != "count":
            groups.setdefault((ev.measure, ev.scope, ev.perpetrator), []).append(i)
    for group in groups.values():
        for indices in _clusters(out, group):
            added = _with_additions(out, indices, additions, updates, moved)
            if added is not None:
                base, adds = added
                for i in indices:
                    if i != base and i not in adds:
                        out[i] = replace_row(out[i], part_of=out[base].event_id)
                continue
            pool = [i for i in indices if out[i].event_id in updates] or indices
            # Equal figures: the one dated by the text stands (a headline has only the publication date).
            head = max(pool, key=lambda i: (out[i].value_best or 0, out[i].date_source == "text", -i))
            heads = {head} if pool is not indices else _group_heads(out, indices, head)
            for i in indices:
                if i not in heads:
                    out[i] = replace_row(out[i], part_of=out[head].event_id)
    out = ordinal_tolls(out, additions) if additions else out
    out = _both_sides_total(out)
    return _net_of_moved(out, moved | netted) if moved or netted else out  # (netted: deaths of wounds, counted as told)


def _group_heads(out: Sequence[Event], indices: Sequence[int], head: int) -> set[int]:
    """"Militants killed six policemen. Three civilians were killed in the crossfire": figures of
    civilians and of security forces told apart are two groups that add up, unless a figure of no
    such group ("nine people") is at least their sum. Returns the rows that stand (one per group)."""
    best: dict[str, int] = {}
    for i in indices:
        group = _GROUP_OF.get(out[i].subject or "")
        if group is not None and (group not in best or (out[i].value_best or 0) > (out[best[group]].value_best or 0)):
            best[group] = i
    if len(best) < 2 or len({out[i].char_start for i in best.values()}) < len(best):
        return {head}  # (one sentence's figures were grouped, or kept apart as list items, by group_sentence)
    summed = sum(out[i].value_best or 0 for i in best.values())
    other = max((out[i].value_best or 0 for i in indices if _GROUP_OF.get(out[i].subject or "") is None), default=0.0)
    return {head} if other >= summed else set(best.values())


def _net_of_moved(out: list[Event], moved: set[str]) -> list[Event]:
    """"nine were injured; one of the injured later died": the death is counted as killed, so the
    injured figure it came out of counts one fewer. A net row stands for the stated figure (which
    becomes its part); without an injured figure stated before the death nothing changes."""
    for dead in [ev for ev in out if ev.event_id in moved]:
        heads = [i for i, ev in enumerate(out) if ev.measure == "injured" and ev.part_of is None and ev.scope == dead.scope and same_incident(ev, dead)]
        taken = dead.value_best or 0
        if len(heads) != 1 or (out[heads[0]].value_best or 0) <= taken:
            continue
        if (out[heads[0]].quantity_start or 0) > (dead.quantity_start or 0):  # "... where 19 others were still treated": already net
            continue
        head = out[heads[0]]
        net = replace_row(
            head,
            event_id=row_id(head.article_id, head.quantity_start or 0, dead.quantity_start or 0, "injured+net"),
            value_best=(head.value_best or 0) - taken,
            value_low=None if head.value_low is None else max(0.0, head.value_low - taken),
            value_high=None if head.value_high is None else head.value_high - taken,
            base_value=None,
        )
        out[heads[0]] = replace_row(head, part_of=net.event_id)
        out.insert(heads[0], net)
    return out


def _both_sides_total(out: list[Event]) -> list[Event]:
    """"Six soldiers were killed. Four attackers were also killed. 10 fatalities.": a bare total told
    after the perpetrators' figures (no subject: "fatalities", "the toll") that is exactly their sum
    plus the victims' figure it stands for counts both sides; the perpetrators' rows become its parts
    (they were added to it)."""
    if not any(r.perpetrator for r in out):
        return out
    for ev in list(out):
        if ev.subject is not None or ev.perpetrator or ev.part_of is not None or not ev.value_best or ev.measure == "count":
            continue
        victims = [r for r in out if r.measure == ev.measure and r.scope == ev.scope and not r.perpetrator and r.part_of is None and (r.value_best or 0) > 0]
        sides = [j for j, r in enumerate(out) if r.measure == ev.measure and r.scope == ev.scope and r.perpetrator and r.part_of is None and (r.value_best or 0) > 0 and same_incident(r, ev)]
        if len(victims) != 1 or not sides or any((out[j].quantity_start or 0) > (ev.quantity_start or 0) for j in sides):
            continue
        told = max((r.value_best or 0 for r in out if r.part_of == ev.event_id and not r.perpetrator), default=0.0)
        if told + sum(out[j].value_best or 0 for j in sides) == ev.value_best:
            for j in sides:
                out[j] = replace_row(out[j], part_of=ev.event_id)
    return out

