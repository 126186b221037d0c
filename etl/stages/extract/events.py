"""The events stage: what was counted, how many, when, where and by whom (CONTRACT.md ``events``).

Pipeline per article: sentences that contain no measure word stem are skipped (``gate`` in
``etl/data/measures.toml``); each number (plus implicit ones: "a soldier", "himself", "no one",
and victims named one by one, ``events_named``) is linked to a measure by ``events_link``; each
claim gets its date, scope, change, place and actor from ``events_context``; ``events_reduce``
turns each sentence's claims into rows that add up, and ``events_fold`` folds them across the
article (one figure stands for each toll).

Totals and parts (how an analyst, or the event-eval, sums an article):
- Coordinated counts that share one verb ("one civilian and six assailants were killed") and
  several claims of one measure in one sentence ("killed a teacher before killing himself") get a
  total row; each part keeps its own row with ``part_of`` = the total's ``event_id``. A running
  total in the sentence ("the toll rose to 17 after four more bodies were found") stands for the
  others instead.
- "including 5 children", "5 of them", "the dead included" are parts of the claim before them.
- A sentence that lists items between two or more semicolons ("a soldier was wounded in A; ...;
  and a drone attack in B injured a civilian") holds separate incidents: figures with a verb of
  their own in different items get no total (a table's labels, "civilians killed — 12; vigilantes
  killed — 3", and an item that adds, "two civilians were also hurt", still do).
- Across sentences, the figures of one measure, scope and side (victims / perpetrators) that are
  dated within a month of each other describe one toll: the largest running-total update ("the toll
  rose to 11", "revised down to nine") if any, else the largest figure, keeps ``part_of`` null and
  the others point at it. Perpetrator deaths are another side and add up ("six soldiers were
  killed ... four attackers were also killed" = 10); a lone suicide bomber counts one unless the
  text already counts them. A figure the text dates two or more days before another day-dated one
  is another incident of a multi-incident story ("on Sunday gunmen killed three ... On Friday,
  eight bodies were found"): it is neither summed nor folded with it, and the eval leaves it out.
- Deaths told after the first figure as additions ("two more died later", "another three
  victims", "a third soldier", "a passer-by also succumbed", "the attackers also killed a
  civilian") add to the figure they follow instead of folding into it, unless a restated total or a
  running total ("the toll rose to") already counts them.
- A death out of the injured ("nine were injured; one of the injured later died") also takes one
  off the injured figure: a net row (``injured+net``) stands for it, the stated figure is its part;
  it adds to the killed figure told before it, as an addition does, unless a running total counts it.
  Harmed people of whom some died ("five were shot, two fatally", "stabbed seven, one of them
  fatally", "shot four, killing two") are read the same way (``events_fatal``): 2 killed, 3 injured.
- A sentence's tally clause ("killed six on Monday, bringing the number killed this year to 340";
  "...; 2,000 have been kidnapped so far this year") has its own scope: the tally is aggregate and
  dated by its own clause, never an update of (or added to) the incident's toll. "Since the
  invasion began in February 2022" dates a claim from that day to the report (aggregate).
- Figures of another incident written next to this one ("since the 2022 attack that killed 86",
  "weeks after a bomb killed 11", "in a counter-offensive", "in separate operations") and a group's
  boast ("claimed it had killed 25 soldiers") give no row (``other_incident_*`` in measures.toml).
- ``count`` rows (other counted people: "240 passengers") are never summed or folded.
Row order: the headline row first (``headline``: the first top-level incident row that is not a
``count``, else the first top-level non-``count`` row), then every other row in text order, totals
before parts. A row that stands for figures told before it (an updated toll) takes the first one's
date and place, and its actor when it names none: the lead tells when and where. A
reader who keeps one row per article (the article's "first event") keeps the incident the article
reports, not a background total told before it ("The insurgency has killed 35,000 people since
2009. On Sunday, gunmen killed 12 ...") nor a count of other people.

So summing ``value_best`` over rows with ``part_of`` null, per measure and scope, gives the
article's figure; ``etl.eval.events.record_totals`` sums the incident rows of the headline incident
(dated within a month of the first one), else the aggregate rows.

``event_id`` is a hash of (article_id, the number's offsets, measure); a total row hashes the span
of its parts with ``<measure>+total``. Nothing here raises on odd input; rows always satisfy
``text[char_start:char_end] == evidence``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from etl.records import Article, DateMention, Event, QuantityMention, Sentence
from etl.stages.extract import events_context as ctx
from etl.stages.extract.actors import ActorMention, article_actor, era_name, find_actors
from etl.stages.extract.events_after import DEED
from etl.stages.extract.events_background import past_period_total
from etl.stages.extract.events_claim import HARMS
from etl.stages.extract.events_fold import fold_article
from etl.stages.extract.events_gates import may_match
from etl.stages.extract.events_headline import headline, headline_first, told_first
from etl.stages.extract.events_implicit import singular_candidates, suicide_claim, zero_claims
from etl.stages.extract.events_incident import has_incident_row, incident_claim
from etl.stages.extract.events_index import bucket, claimed_before, index_sentences
from etl.stages.extract.events_link import Candidate, Claim, candidates_from, link_sentence
from etl.stages.extract.events_named import identified_claims, inside, named_candidates
from etl.stages.extract.events_notes import of_injured_before
from etl.stages.extract.events_reduce import group_sentence
from etl.stages.extract.events_vocab import EventVocabulary, build_vocabulary, passes_gate
from etl.stages.extract.places import PlaceMention, dominant_country, elsewhere, find_places, located_elsewhere
from etl.stages.extract.places_evidence import far_from_home, lone_strays

# "The army, which says it has killed hundreds since the operations began, put the toll at 22": a
# relative aside before the claim telling a deed of its own, whose period cue times that deed.
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s[^,;.]*,")
# A sentence that opens with another incident ("Days earlier, in a separate incident, soldiers raided
# ...", "In another attack on Friday, ..."): a toll in the sentence right after it is that incident's.
_SEPARATE_OPENING = re.compile(
    r"\W*(?:[\w'’-]+(?:\s+[\w'’-]+){0,3}?\s*,\s*)?(?:in\s+(?:an?\s+)?(?:separate|unrelated|different|another|other)\s+"
    r"(?:incidents?|attacks?|raids?|ambush(?:es)?|bombings?|blasts?|clash(?:es)?|shootings?|assaults?|strikes?|violence|developments?)\b|separately\b)",
    re.I,
)
# Neighbouring sentences are scanned together for implicit counts, in spans up to this long.
_RUN_CHARS = 2000

__all__ = ["EventVocabulary", "extract_events", "headline", "load_vocabulary"]


def load_vocabulary(*, actors_path: Path | None = None, measures_path: Path | None = None) -> EventVocabulary:
    """Load and compile the event vocabulary once; a user actor file adds to / overrides the shipped list."""
    return build_vocabulary(actors_path=actors_path, measures_path=measures_path)


@dataclass(frozen=True, slots=True)
class _ArticleContext:
    article: Article
    claims: ctx.ClaimContext
    actor: str | None
    actor_country: str | None  # where the actor operates: the country when no place is named
    mentions: tuple[ActorMention, ...] = ()


def event_id(article_id: str, start: int, end: int, measure: str) -> str:
    """A stable id: the same article, number offsets and measure always give the same id."""
    return hashlib.sha1(f"{article_id}|{start}|{end}|{measure}".encode()).hexdigest()[:16]


def _runs(sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Consecutive sentences merged into spans of at most ``_RUN_CHARS`` characters, as
    (first position, one past the last position) in ``sentences``."""
    runs: list[tuple[int, int]] = []
    for pos, s in enumerate(sentences):
        if runs:
            first, end = runs[-1]
            joined = s.index == sentences[end - 1].index + 1 and end == pos
            if joined and s.char_end - sentences[first].char_start <= _RUN_CHARS:
                runs[-1] = (first, pos + 1)
                continue
        runs.append((pos, pos + 1))
    return runs


def _claims(article: Article, sentences: Sequence[Sentence], quantities: Sequence[QuantityMention], vocab: EventVocabulary) -> list[tuple[Sentence, list[Claim]]]:
    text = article.text
    gated = [s for s in sentences if passes_gate(text, s.char_start, s.char_end, vocab)]
    if not gated:
        return []
    index = index_sentences(gated)
    cands = bucket(index, candidates_from(text, quantities), lambda c: c.start)
    singles: list[Candidate] = []
    zeros: list[Claim] = []
    for first, end in _runs(index.sentences):  # neighbouring sentences scanned at once: fewer regex calls
        span = Sentence(first, index.sentences[first].char_start, index.sentences[end - 1].char_end, "")
        named = named_candidates(text, span)  # "Ali Musa, 45, and his son Ibrahim, 12,": one count of two
        _drop_inside(cands, range(first, end), named)
        implied = singular_candidates(text, span, [c for i in range(first, end) for c in cands.get(i, [])] + named, vocab)
        _drop_inside(cands, range(first, end), [c for c in implied if c.more and c.surface.lower().endswith(" one")])  # "a third one"
        singles += named + implied
        zeros += zero_claims(text, span, vocab) + identified_claims(text, span)
    by_single = bucket(index, singles, lambda c: c.start)
    by_zero = bucket(index, zeros, lambda z: z.cand.start)
    out = []
    apart: Sentence | None = None  # a sentence that opened another incident and told no toll of it
    for pos, sent in enumerate(index.sentences):
        own = cands.get(pos, []) + by_single.get(pos, [])
        claims = (link_sentence(text, sent, own, vocab) if own else []) + by_zero.get(pos, [])  # (no candidates: no links)
        if claims and apart is not None and sent.index == apart.index + 1 and sent.paragraph == apart.paragraph:
            continue  # "In a separate incident, soldiers raided a village. Nine civilians were killed.": that incident's
        opens = all(c.measure not in HARMS for c in claims) and _SEPARATE_OPENING.match(text, sent.char_start, sent.char_end)
        apart = sent if opens else None
        if claims:
            out.append((sent, claims))
    bomber = suicide_claim(text, sentences, [c for _, cs in out for c in cs], vocab)
    if bomber is not None:
        found = next((cs for s, cs in out if s.index == bomber[0].index), None)
        if found is None:
            out.append((bomber[0], [bomber[1]]))
            out.sort(key=lambda pair: pair[0].index)
        else:
            found.append(bomber[1])
    return [(s, sorted(cs, key=lambda c: c.cand.start)) for s, cs in out]


def _drop_inside(cands: dict[int, list[Candidate]], positions: range, spans: Sequence[Candidate]) -> None:
    """Numbers inside a candidate that covers them ("his two sons" in a named list) are its own."""
    if spans:
        for i in positions:
            cands[i] = [c for c in cands.get(i, []) if not inside(spans, c)]


def _main_place(places: Sequence[PlaceMention], text: str, away: frozenset[int], homonyms: frozenset[int]) -> PlaceMention | None:
    end = ctx.dateline_end(text)  # the bureau's city counts only when the story names no other place
    body = [p for p in places if p.char_start >= end]
    places = body or places
    if all(p.char_start in homonyms for p in places):  # only homonyms of places the gazetteer lacks
        return None
    country = dominant_country(places, text, away=away, homonyms=homonyms)
    if country is None:
        return None
    return next(p for p in places if p.place.country_code == country)


def _location(p: PlaceMention | None) -> str | None:
    if p is None:
        return None
    return p.place.name if p.surface.isupper() or p.place.kind == "country" else p.surface


@dataclass(frozen=True, slots=True)
class _SentenceFacts:
    """What every claim of one sentence shares (computed once per sentence)."""

    sent: Sentence
    aggregate_cue: bool
    attribution: str | None


def _scope_clause(text: str, sent: Sentence, at: int, cue: bool, vocab: EventVocabulary) -> tuple[Sentence, bool]:
    """Which text decides a claim's scope, and whether it holds a period cue: the sentence, or, when
    a tally clause splits it, the claim's own clause ("Gunmen killed six on Monday, bringing the
    number killed this year to 340": the six are the incident, the 340 the year's). A cue before
    the claim's clause still covers it ("Since January, 300 were killed; 500 were wounded")."""
    if not cue:
        return sent, False
    asides = [m for m in _RELATIVE_ASIDE.finditer(text, sent.char_start, at) if DEED.search(m.group())]
    if asides and not _aggregate_cue(_RELATIVE_ASIDE.sub(",", text[sent.char_start : asides[-1].end()]) + text[asides[-1].end() : sent.char_end], vocab):
        return sent, False  # "The army, which says it has killed hundreds since 2021, put the toll at 22": the aside's cue
    clause = ctx.tally_clause(text, sent, at)
    if clause is sent:
        return sent, True
    if _aggregate_cue(clause.text, vocab):
        return clause, True
    return (sent, True) if _aggregate_cue(text[sent.char_start : clause.char_start], vocab) else (clause, False)


def _event(claim: Claim, f: _SentenceFacts, c: _ArticleContext, vocab: EventVocabulary) -> Event:
    sent, at = f.sent, claim.cand.start
    scope_sent, cue = _scope_clause(c.article.text, sent, at, f.aggregate_cue, vocab)
    tally = cue and scope_sent is not sent  # a period's tally is no update of the incident's toll
    period = ctx.claim_period(c.claims, at, sent, update=claim.update and not tally, clause=scope_sent if tally else None)
    change = ctx.claim_change(c.claims, sent, period, claim.cand.start, claim.cand.value)
    place, _ = ctx.claim_place(c.claims, at, sent)
    lead_told = claimed_before(c.claims.index, c.claims.claimed, sent)
    scope = ctx.claim_scope(scope_sent, period, aggregate_cue=cue, text=c.article.text, lead_told=lead_told)
    scope = "aggregate" if scope == "incident" and past_period_total(c.claims, sent, period) else scope
    actor = era_name(vocab.actors, c.actor if scope == "incident" else _sentence_actor(sent, c.mentions), period.start)
    cand = claim.cand
    return Event(
        event_id=event_id(c.article.article_id, cand.start, cand.end, claim.measure),
        article_id=c.article.article_id,
        measure=claim.measure,
        value_best=cand.value if cand.value is not None else cand.low,
        value_low=cand.low,
        value_high=cand.high,
        qualifier=cand.qualifier,
        subject=claim.subject,
        period_start=period.start,
        period_end=period.end,
        granularity=period.granularity,
        date_source="text" if period.source == "text" else "published",
        country_code=place.place.country_code if place else c.actor_country,
        location=_location(place),
        actor=actor,
        scope=scope,
        char_start=sent.char_start,
        char_end=sent.char_end,
        evidence=sent.text,
        quantity_start=cand.start,
        quantity_end=cand.end,
        change_pct=change.pct if change else None,
        change_direction=change.direction if change else None,
        base_period_start=change.base_start if change else None,
        base_period_end=change.base_end if change else None,
        base_value=ctx.base_value(cand.value, change),
        perpetrator=claim.perpetrator,
        attribution=f.attribution,
    )


def extract_events(
    article: Article,
    sentences: Sequence[Sentence],
    quantities: Sequence[QuantityMention],
    dates: Sequence[DateMention],
    *,
    vocab: EventVocabulary,
) -> list[Event]:
    """One row per statistical claim about people or incidents: the headline row first, then the
    others in text order (totals before parts)."""
    per_sentence = _claims(article, sentences, quantities, vocab)
    incident = None if per_sentence else incident_claim(article.text, sentences, vocab)  # "M23 clashed with FARDC"
    if incident is not None:
        per_sentence = [(incident[0], [incident[1]])]
    if not per_sentence:
        return []
    places = find_places(article.text, vocab.gazetteer)
    actors = find_actors(article.text, vocab.actors)
    cues = [_aggregate_cue(s.text, vocab) for s, _ in per_sentence]  # once per sentence: the lead and every claim read it
    # the headline claim's sentence: the first that is not a period's total ("Since January, 58 ... have been murdered")
    lead = next((s for (s, _), cue in zip(per_sentence, cues, strict=True) if not cue), per_sentence[0][0])
    actor = article_actor(article.text, actors, (lead.char_start, lead.char_end))
    claimed = frozenset(s.index for s, _ in per_sentence)
    away = frozenset(p.char_start for p in places if elsewhere(p, article.text))  # "crossing from Mali"
    home = vocab.actors.home.get(actor) if actor else None
    # "Palma town in Cabo Delgado"; "Houthi shelling in Hays district" (not Hays, Kansas)
    homonyms = located_elsewhere(places, article.text) | far_from_home(places, home)
    homonyms |= lone_strays(places, homonyms)  # "Khartoum ... the market in Mayo" (not County Mayo)
    main = _main_place(places, article.text, away, homonyms)
    lookups = ctx.claim_context(
        article.text, sentences, quantities, dates, places, main=main, published=article.published, claimed=claimed, away=away,
        homonyms=homonyms,
    )
    c = _ArticleContext(article, lookups, actor, home, tuple(actors))
    rows: list[Event] = []
    updates: set[str] = set()
    additions: set[str] = set()
    moved: set[str] = set()
    netted: set[str] = set()  # deaths of wounds: the injured figure before them is net of them
    last: Claim | None = None  # the previous sentence's last claim ("... ten were hospitalised. One of them died")
    for (sent, claims), cue in zip(per_sentence, cues, strict=True):
        facts = _SentenceFacts(sent, cue, ctx.attribution(sent.text))
        claims = [replace(cl, moved=True, more=True, part=False) if of_injured_before(article.text, cl, sent, last) else cl for cl in claims]
        last = claims[-1] if claims else None
        events = [_event(claim, facts, c, vocab) for claim in claims]
        updates.update(ev.event_id for claim, ev in zip(claims, events, strict=True) if claim.update)
        additions.update(ev.event_id for claim, ev in zip(claims, events, strict=True) if claim.more or claim.moved)
        moved.update(ev.event_id for claim, ev in zip(claims, events, strict=True) if claim.moved)
        netted.update(ev.event_id for claim, ev in zip(claims, events, strict=True) if claim.netted)
        rows.extend(group_sentence(claims, events, rows, article.article_id))
    seen: set[str] = set()
    unique = [r for r in rows if not (r.event_id in seen or seen.add(r.event_id))]  # type: ignore[func-returns-value]
    folded = fold_article(unique, updates, additions | _added_totals(unique, additions), moved=moved, netted=netted)
    found = folded if incident is not None or has_incident_row(folded) else _with_incident(folded, sentences, c, claimed, vocab)
    return headline_first(told_first(found))


def _with_incident(
    rows: list[Event], sentences: Sequence[Sentence], c: _ArticleContext, claimed: frozenset[int], vocab: EventVocabulary
) -> list[Event]:
    """Rows of period totals only: the incident the article tells of without a count, if any, in text order."""
    found = incident_claim(c.article.text, sentences, vocab, claimed)
    if found is None:
        return rows
    sent, claim = found
    row = _event(claim, _SentenceFacts(sent, False, ctx.attribution(sent.text)), c, vocab)
    at = next((i for i, r in enumerate(rows) if r.char_start > sent.char_start), len(rows))
    return [*rows[:at], row, *rows[at:]]


def _sentence_actor(sent: Sentence, mentions: Sequence[ActorMention]) -> str | None:
    """A period total belongs to a group only when its own sentence names one ("al-Shabaab attacks
    killed 2,000 in 2024"); the article's incident actor does not carry over to national totals."""
    return next((m.name for m in mentions if sent.char_start <= m.char_start < sent.char_end), None)


def _aggregate_cue(sentence_text: str, vocab: EventVocabulary) -> bool:
    lowered = sentence_text.lower()
    if vocab.aggregate_words and not any(word in lowered for word in vocab.aggregate_words):
        return False
    return may_match(vocab.aggregate_gates, sentence_text, lowered) and vocab.aggregate.search(sentence_text) is not None


def _added_totals(rows: Sequence[Event], additions: set[str]) -> set[str]:
    """A sentence's total of additions ("a fifth officer died, and a passer-by also succumbed") is one."""
    children: dict[str, list[str]] = {}
    for r in rows:
        if r.part_of is not None:
            children.setdefault(r.part_of, []).append(r.event_id)
    return {parent for parent, kids in children.items() if all(k in additions for k in kids)}

