"""Harmed people of whom some died: "Five people were shot, two fatally", "stabbed seven, one of
them fatally", "shot four, killing two".

The first figure counts everyone hit; the second, those of them who died. The deaths are killed and
come out of the harmed figure, which then counts the injured (a death ``moved`` out of the injured:
``events_reduce`` writes the net injured row, 3 of 5). Only when the sentence states no injured
figure of its own ("shot 12, killing 5 and wounding 7" already splits them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from etl.records import Sentence
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_claim import Claim
from etl.stages.extract.events_regex import searcher
from etl.stages.extract.events_vocab import QUALIFIERS, EventVocabulary

# Verbs that hit a person without saying whether they lived ("shot", not "shot dead").
_HARM = r"(?:shot|stabbed|knifed|hacked|slashed|macheted|wounded|injured|hurt|mauled|gored|hit|struck|attacked|run\s+over|knocked\s+down|mowed\s+down)"
_NOT_DEAD = r"(?!\s+(?:dead|to\s+death|and\s+killed|and\s+wounded|and\s+injured)\b)"
# "Five people [were shot], two fatally": the harmed figure's own passive verb, then the rest of its clause.
_PASSIVE = re.compile(
    rf"(?:\s+[\w'’-]+){{0,4}}?\s+(?:were|was|had\s+been|have\s+been|has\s+been|got|reportedly\s+\w+)\s+(?:\w+\s+)?{_HARM}\b{_NOT_DEAD}[^.;:\d]{{0,80}}?[,;]\s*(?:including\s+|(?:and\s+|which\s+|that\s+)?(?:killing|killed)\s+)?$",
    re.I,
)
# "[shot] four, killing two", "stabbed seven people, one of them fatally": the verb before the harmed figure.
_ACTIVE_BEFORE = searcher(rf"\b(?!attacked\b)(?:{_HARM}|shooting|stabbing|hitting|striking|wounding|injuring)\s+(?:(?:{QUALIFIERS})\s+)*$", re.I)
_ACTIVE_GAP = re.compile(r"(?:\s+[\w'’-]+){0,4}?[^.;:\d]{0,80}?,\s*(?:(?:and\s+)?(?:killing|killed)\s+(?:(?:" + QUALIFIERS + r")\s+)*)?$", re.I)
# "two fatally", "one of them fatally", "two of whom later died": the share of them that died.
_FATAL_AFTER = re.compile(
    r"\s+(?:of\s+(?:them|whom|those)\s+)?(?:\w+\s+)?(?:fatally|mortally)\b"
    r"|\s+(?:of\s+(?:them|whom)|who)\s+(?:later\s+|subsequently\s+|eventually\s+|have\s+|had\s+|has\s+)?(?:died|succumbed|perished)\b",
    re.I,
)
_KILLING_BEFORE = searcher(r",\s*(?:and\s+|which\s+|that\s+)?(?:killing|killed)\s+(?:(?:" + QUALIFIERS + r")\s+)*$", re.I)
# Every wording of a death among the harmed holds one of these (a sentence without any is skipped).
_GATE = re.compile(r"fatal|mortal|kill|died|succumb|perish", re.I)
_BARE = re.compile(r"\s*[,.;]|\s+(?:were|have\s+been|had\s+been|got)\b", re.I)
# The harmed figure and the deaths lie this close (characters between them).
_MAX_GAP = 140


def _harmed(text: str, sent: Sentence, c: Candidate, dead: Candidate) -> tuple[int, int] | None:
    """The harm verb's span when ``c`` counts people hit and ``dead`` follows as a share of them."""
    if dead.start - c.end > _MAX_GAP:
        return None
    passive = _PASSIVE.match(text, c.end, dead.start)
    if passive is not None:
        verb = re.search(_HARM, passive.group(), re.I)
        return (c.end + verb.start(), c.end + verb.end()) if verb else None
    active = _ACTIVE_BEFORE.search(text, max(sent.char_start, c.start - 60), c.start)
    if active is not None and _ACTIVE_GAP.match(text, c.end, dead.start):
        return active.start(), active.start() + len(active.group().split()[0])
    return None


def _fatal_share(text: str, sent: Sentence, dead: Candidate, link: Claim | None) -> bool:
    if _FATAL_AFTER.match(text, dead.end, sent.char_end):
        return True
    return link is not None and link.measure == "killed" and _KILLING_BEFORE.search(text, max(sent.char_start, dead.start - 40), dead.start) is not None


def split_fatal(text: str, sent: Sentence, ordered: Sequence[Candidate], links: list[Claim | None], vocab: EventVocabulary) -> None:
    """Relink, in place, a harmed figure as injured and the share of it that died as killed (moved)."""
    if len(ordered) < 2 or _GATE.search(text, sent.char_start, sent.char_end) is None:
        return
    for j in range(1, len(ordered)):
        harmed, dead = ordered[j - 1], ordered[j]
        link, before = links[j], links[j - 1]
        if harmed.value is None or dead.value is None or dead.value >= harmed.value:
            continue
        if before is not None and before.measure not in ("count", "injured") and before.how != "coord":
            continue  # (a measure borrowed from the share itself, "seven people, two of whom died", does not count)
        if any(o is not None and o.measure == "injured" and k != j - 1 for k, o in enumerate(links)):
            continue  # the sentence gives its injured figure itself
        if not _fatal_share(text, sent, dead, link):
            continue
        verb = _harmed(text, sent, harmed, dead)
        if verb is None or ((before is None or before.how == "coord") and not _people(text, harmed, sent, vocab)):
            continue
        links[j - 1] = Claim(harmed, "injured", verb[0], verb[1], "after")
        base = link if link is not None and link.measure == "killed" else Claim(dead, "killed", dead.end, dead.end, "after")
        links[j] = replace(base, cand=dead, measure="killed", part=False, moved=True)


def _people(text: str, c: Candidate, sent: Sentence, vocab: EventVocabulary) -> bool:
    """"shot four": a bare figure, or one whose noun names people."""
    if _BARE.match(text, c.end, sent.char_end):  # "shot four,", "seven were stabbed"
        return True
    return vocab.subject.match(text, c.end, sent.char_end) is not None
