"""An incident told without any count: one ``attacks`` row, so that it has a date, a place and an actor.

Conflict monitors and wire reports often tell of an incident and give no toll ("On 15 December
2022, M23 fighters clashed with FARDC in Kishishe. Fatalities unknown."; "Gunmen stormed a police
post in Zamfara on Saturday, police said."). A hand-coded dataset still codes it, and an analyst
counting incidents by month, country or group wants it. So when an article yields no incident row,
the first of its leading sentences that tells of armed violence in the past tense gives one
``attacks`` row: exactly one for a singular noun ("an attack", "a bombing", "an explosion"), at
least one for a verb alone ("clashed", "stormed", "opened fire"), whose span stands for the count.

Not an incident: a sentence without an armed party, a weapon, a military target or a known group
("critics attacked the plan"); a period's total ("attacks have killed 300 this year"); wording that
makes it hypothetical, foiled or another incident's background ("threatened to attack", "foiled an
attack", "since the 2022 attack"). The wordings are ``[cues] incident*`` in ``measures.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.records import Event, Qualifier, Sentence
from etl.stages.extract.actors import find_actors
from etl.stages.extract.events_candidates import Candidate
from etl.stages.extract.events_claim import Claim
from etl.stages.extract.events_vocab import EventVocabulary

# The headline incident is told near the top: later sentences are more often background.
_LEAD_SENTENCES = 6
# How far back in its clause a hypothetical or background cue may stand before the incident wording.
_CUE_CHARS = 60


def has_incident_row(rows: Sequence[Event]) -> bool:
    """Whether the article already has a row of one incident (not a period's total, not ``count``)."""
    return any(r.scope == "incident" and r.measure != "count" for r in rows)


def incident_claim(
    text: str, sentences: Sequence[Sentence], vocab: EventVocabulary, claimed: frozenset[int] = frozenset()
) -> tuple[Sentence, Claim] | None:
    """The first leading sentence that tells of an armed incident, with its one-incident claim;
    sentences in ``claimed`` (indexes of sentences with counts of their own) tell their counts instead."""
    for sent in sentences[:_LEAD_SENTENCES]:
        found = None if sent.index in claimed else _told(text, sent, vocab)
        if found is not None and vocab.aggregate.search(sent.text) is None and _armed(sent, vocab):
            return sent, found
    return None


def _told(text: str, sent: Sentence, vocab: EventVocabulary) -> Claim | None:
    for m in vocab.incident.finditer(text, sent.char_start, sent.char_end):
        if vocab.incident_not.search(text, max(sent.char_start, m.start() - _CUE_CHARS), m.start()) is None:
            return _claim(m.start(), m.end(), m.group(), exact=m.group("noun") is not None)
    return None


def _armed(sent: Sentence, vocab: EventVocabulary) -> bool:
    return vocab.incident_armed.search(sent.text) is not None or bool(find_actors(sent.text, vocab.actors))


def _claim(start: int, end: int, surface: str, *, exact: bool) -> Claim:
    qualifier: Qualifier = "exact" if exact else "at_least"
    cand = Candidate(start, end, surface, 1.0, 1.0, 1.0 if exact else None, qualifier)
    return Claim(cand, "attacks", start, end, "incident")
