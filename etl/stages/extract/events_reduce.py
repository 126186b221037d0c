"""Turn linked claims into rows that sum correctly: totals, parts and restated tolls.

See the module docstring of :mod:`etl.stages.extract.events` for the scheme: summing
``value_best`` over rows whose ``part_of`` is null gives the article's figure per measure and scope.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any

from etl.records import Event, Qualifier
from etl.stages.extract.events_apart import earlier_day as earlier_day
from etl.stages.extract.events_apart import same_incident as same_incident
from etl.stages.extract.events_link import Claim

# A total whose subject says nothing specific may be broken down after it ("two people: a guard...").
_GENERIC_SUBJECTS = frozenset({None, "people", "victims", "civilians"})
_APPOSITION = re.compile(r"[,:(—–-]\s*(?:including\s+)?$")
# A colon or a dash opens a breakdown whatever the total's subject ("Six members of one family - the
# parents and four children - died"); its items may leave some people uncounted.
_LIST_OPENS = re.compile(r"(?::|\s[—–-])[^:;.—–-]{0,40}$")
# A sentence with at least this many semicolons lists items ("a bomb hit a pipeline in A; a soldier
# was wounded in B; and a drone attack in C killed two"): figures with their own verb in different
# items are separate incidents, not one total (set on dev4a).
_LIST_SEMICOLONS = 2
# An item that adds to the others ("two civilians were also hurt") stays in their total.
_ADDED = re.compile(r"\b(?:also|too|as well|others?|more|another|further|additional)\b", re.I)
# Items of a table ("civilians killed — 12; soldiers dead 9") are parts of one toll: a list item is
# an incident only when its figure has a verb of its own, not a label.
_VERB = re.compile(r"[a-z](?:ed|en|ing)\b|\b(?:died|hurt|shot|slain)\b", re.I)
_LABEL = re.compile(r"[:=—–-]")
_SEMICOLON = re.compile(";")
# Words between a running total and an addition after it that say the addition came later ("the toll
# had risen to 10, and two more died overnight") and not that it made the total ("rose to 12 after /
# as / when two more died"). Set on dev6a's wire updates.
_LATER_JOIN = re.compile(r"(?:,\s*and|;|\band\s+(?:then|later|since))\b", re.I)
# Between two figures of a sentence: another source's answer ("..., but police said only four").
_BUT_SAID = re.compile(r"\b(?:but|however|whereas)\b[^.;]{0,60}?\b(?:said|says|say|put|puts|gave|gives|reported|confirmed|insisted)\b", re.I)
# Text between two items of one list of figures: a short noun phrase, then a comma or "and".
_LIST_JOIN = re.compile(r"(?:\s*[\w'’-]+){0,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_CAUSE_JOIN = re.compile(r"\b(?:after|as|when|with|following|since|because|bringing|including|among)\b", re.I)
# When parts are summed, the total takes the loosest qualifier among them (in this order).
_QUALIFIER_ORDER: tuple[Qualifier, ...] = ("vague", "range", "approx", "at_least", "more_than", "at_most", "less_than", "exact")


_FIELDS = tuple(f.name for f in fields(Event))
_VALUES = attrgetter(*_FIELDS)
_POSITION = {name: i for i, name in enumerate(_FIELDS)}


def replace_row(ev: Event, **changes: Any) -> Event:
    """``dataclasses.replace`` for rows, without its per-call field checks (the fold does this
    for most rows of an article)."""
    values = list(_VALUES(ev))
    for name, value in changes.items():
        values[_POSITION[name]] = value
    return Event(*values)


def row_id(article_id: str, start: int, end: int, measure: str) -> str:
    """A row's id: stable for the same article, span and measure."""
    return hashlib.sha1(f"{article_id}|{start}|{end}|{measure}".encode()).hexdigest()[:16]


def _sum(values: Sequence[float | None]) -> float | None:
    return None if any(v is None for v in values) else float(sum(v for v in values if v is not None))


def _total(members: Sequence[Event], article_id: str) -> Event:
    first = members[0]
    start = min(m.quantity_start or 0 for m in members)
    end = max(m.quantity_end or 0 for m in members)
    subjects = {m.subject for m in members}
    qualifier = next(q for q in _QUALIFIER_ORDER if q in {m.qualifier for m in members} or q == "exact")
    return replace_row(
        first,
        event_id=row_id(article_id, start, end, f"{first.measure}+total"),
        value_best=_sum([m.value_best for m in members]),
        value_low=_sum([m.value_low for m in members]),
        value_high=_sum([m.value_high for m in members]),
        qualifier=qualifier,
        subject=subjects.pop() if len(subjects) == 1 else None,
        perpetrator=all(m.perpetrator for m in members),
        quantity_start=start,
        quantity_end=end,
        base_value=None,
        part_of=None,
    )


def _parent(previous: Sequence[Event], wholes: Sequence[Event], claim: Claim) -> Event | None:
    for ev in itertools.chain(reversed(wholes), reversed(previous)):
        if ev.measure == "count" and claim.measure != "count":
            continue
        if ev.part_of is None and (ev.value_best or 0) > 0:
            if (claim.how == "part" and claim.measure == "count") or ev.measure == claim.measure:
                return ev
            if claim.measure == "count":
                return None
            # a part that names its measure ("7 dead and 15 injured; among the dead were 3") looks further back
    return None


def _whole_inside(part: Claim, claims: Sequence[Claim], events: Sequence[Event]) -> Event | None:
    """The whole a part's own wording names after it: "three children were among [at least nine
    people killed]" (the nine is the toll, the three a part of it)."""
    for claim, ev in zip(claims, events, strict=True):
        if not claim.part and claim.measure == part.measure and part.trig_start <= claim.cand.start < part.trig_end:
            return ev
    return None


def _attach_parts(claims: Sequence[Claim], events: Sequence[Event], previous: Sequence[Event], article_id: str) -> list[Event]:
    out: list[Event] = []
    wholes: list[Event] = []  # rows of this sentence that are not parts: candidates for a parent
    for claim, ev in zip(claims, events, strict=True):
        if not claim.part:
            out.append(ev)
            wholes.append(ev)
            continue
        parent = _parent(previous, wholes, claim) or _whole_inside(claim, claims, events)
        if parent is None:
            if claim.how != "part" or claim.measure != "count":
                out.append(ev)
            continue
        new_id = row_id(article_id, ev.quantity_start or 0, ev.quantity_end or 0, parent.measure)
        out.append(replace_row(ev, measure=parent.measure, event_id=new_id, part_of=parent.event_id))
    return out


def _breakdown(members: Sequence[Event]) -> bool:
    """"killed two people, a guard and a teacher": the figures after a generic total, set off by a
    comma, colon or dash, that add up to it are its parts, not more victims."""
    first, rest = members[0], members[1:]
    if first.quantity_end is None or rest[0].quantity_start is None:
        return False
    between = first.evidence[first.quantity_end - first.char_start : rest[0].quantity_start - first.char_start]
    parts = sum(m.value_best or 0 for m in rest)
    if ";" not in between and _LIST_OPENS.search(between) and 0 < parts <= (first.value_best or 0):
        return True  # "Eleven people died: six passengers, the driver and four pedestrians" (not all counted)
    if first.subject not in _GENERIC_SUBJECTS or first.value_best != parts:
        return False
    return _APPOSITION.search(between) is not None


def group_sentence(claims: Sequence[Claim], events: Sequence[Event], previous: Sequence[Event], article_id: str) -> list[Event]:
    """Parts get their parent; several claims of one measure in a sentence get a total row, unless
    one of them is a running total ("the toll rose to 17 after four more bodies were found"), which
    then stands for the others."""
    updates = {ev.event_id for claim, ev in zip(claims, events, strict=True) if claim.update}
    additions = {ev.event_id for claim, ev in zip(claims, events, strict=True) if claim.more}
    excluded = {ev.event_id for claim, ev in zip(claims, events, strict=True) if claim.how == "excluded"}  # "26, not counting the bomber"
    items = _list_items(claims, events)
    rows = _attach_parts(claims, events, previous, article_id)
    out: list[Event] = []
    done: set[str] = set()
    for ev in rows:
        if ev.event_id in done:
            continue
        members = [r for r in rows if r.part_of is None and r.measure == ev.measure and (r.value_best or 0) > 0 and r.scope == ev.scope and _one_toll(r, ev) and _same_item(items, r, ev)]
        if ev.measure == "count":  # other counted people: separate figures, never summed or folded
            members = []
        running = [r for r in members if r.event_id in updates]
        later = {r.event_id for r in members if running and (r.event_id in excluded or _told_after(r, running, additions))}
        members = [r for r in members if r.event_id not in later]
        if running and _listed(running, members):  # "final toll 9 civilians, 4 soldiers and 6 gunmen": one list, summed
            replaced = _list_replaces(members, running, article_id)
            if replaced is not None:  # "initially said nine had died; later it said 24 soldiers and 3 drivers"
                out.extend(replaced)
                done.update(m.event_id for m in members)
                continue
            running = []
        if not running and len(members) > 1 and _contradicted(members):  # "media reported six deaths, but police said only four"
            running = [max(members, key=lambda r: r.quantity_start or 0)]
        if running and len(members) > 1 and ev in members:
            head = max(running, key=lambda r: r.value_best or 0)
            out.extend(r if r is head else replace_row(r, part_of=head.event_id) for r in members)
            done.update(m.event_id for m in members)
            continue
        if ev.part_of is None and len(members) > 1 and ev is members[0] and _breakdown(members):
            out.append(ev)
            out.extend(replace_row(m, part_of=ev.event_id) for m in members[1:])
            done.update(m.event_id for m in members)
            continue
        if ev.part_of is None and len(members) > 1 and ev in members:
            total = _total(members, article_id)
            out.append(total)
            out.extend(replace_row(m, part_of=total.event_id) for m in members)
            done.update(m.event_id for m in members)
            continue
        out.append(ev)
        done.add(ev.event_id)
    return out


def _list_replaces(members: Sequence[Event], running: Sequence[Event], article_id: str) -> list[Event] | None:
    """A running list after figures it replaces ("initially said nine had died; later it said 24
    soldiers and three drivers"): its total, with the earlier figures as parts; None if none is before."""
    first = min(r.quantity_start or 0 for r in running)
    before = [r for r in members if (r.quantity_start or 0) < first]
    listed = [r for r in members if (r.quantity_start or 0) >= first]
    if not before or len(listed) < 2:
        return None
    total = _total(listed, article_id)
    return [total, *(replace_row(m, part_of=total.event_id) for m in members)]


def _contradicted(members: Sequence[Event]) -> bool:
    """Whether the sentence's last figure answers the one before it from another source ("Local media
    reported six deaths, but police said only four people were killed"): it stands for both."""
    ordered = sorted(members, key=lambda r: r.quantity_start or 0)
    last, before = ordered[-1], ordered[-2]
    if before.quantity_end is None or last.quantity_start is None or before.perpetrator != last.perpetrator:
        return False
    if before.subject != last.subject and not {before.subject, last.subject} & {None, "people", "victims"}:
        return False  # "five soldiers ..., but the army said 20 civilians died": two groups
    between = last.evidence[before.quantity_end - last.char_start : last.quantity_start - last.char_start]
    return _BUT_SAID.search(between) is not None


def _listed(running: Sequence[Event], members: Sequence[Event]) -> bool:
    """Whether a figure of the sentence follows the running total as the next item of one list
    ("the toll rose to 9 civilians, 4 soldiers and 6 gunmen")."""
    head = min(running, key=lambda r: r.quantity_start or 0)
    after = [r for r in members if (r.quantity_start or 0) > (head.quantity_end or 0)]
    if head.quantity_end is None or not after:
        return False
    nxt = min(after, key=lambda r: r.quantity_start or 0)
    between = head.evidence[head.quantity_end - head.char_start : (nxt.quantity_start or 0) - head.char_start]
    return _LIST_JOIN.match(between) is not None


def _told_after(row: Event, running: Sequence[Event], additions: set[str]) -> bool:
    """"By evening the toll had risen to 10, and two more people died overnight": an addition told
    after the sentence's running total, joined as a later event, adds to it (the eval sums them)."""
    if row.event_id not in additions or row.quantity_start is None:
        return False
    head = max(running, key=lambda r: r.quantity_end or 0)
    if head.quantity_end is None or head.quantity_end > row.quantity_start:
        return False
    between = row.evidence[head.quantity_end - row.char_start : row.quantity_start - row.char_start]
    return _LATER_JOIN.search(between) is not None and _CAUSE_JOIN.search(between) is None


def _list_items(claims: Sequence[Claim], events: Sequence[Event]) -> dict[str, int]:
    """For a sentence that lists items between semicolons: the item of each figure that has its own
    verb (a figure joined to another, "12 in Kano; 5 in Kaduna", stays in the list's total)."""
    if not events or events[0].evidence.count(";") < _LIST_SEMICOLONS:
        return {}
    text = events[0].evidence
    bounds = [0] + [m.end() for m in _SEMICOLON.finditer(text)] + [len(text) + 1]
    out: dict[str, int] = {}
    for claim, ev in zip(claims, events, strict=True):
        item = text.count(";", 0, (ev.quantity_start or 0) - ev.char_start)
        trig = text[claim.trig_start - ev.char_start : claim.trig_end - ev.char_start]
        if claim.how in ("after", "before") and _VERB.search(trig) and not _LABEL.search(trig) and not _ADDED.search(text, bounds[item], bounds[item + 1] - 1):
            out[ev.event_id] = item
    return out


def _same_item(items: dict[str, int], a: Event, b: Event) -> bool:
    item_a, item_b = items.get(a.event_id), items.get(b.event_id)
    return item_a is None or item_b is None or item_a == item_b


def _one_toll(a: Event, b: Event) -> bool:
    """Two figures of one sentence that may add up: one incident, not two days apart."""
    return same_incident(a, b) and not (earlier_day(a, b) or earlier_day(b, a))
