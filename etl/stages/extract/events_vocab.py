"""The event vocabulary: measures.toml and actors.toml compiled once into regular expressions."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from etl.records import Measure
from etl.stages.extract.actors import ACTORS_PATH, ActorIndex, load_actors
from etl.stages.extract.events_gates import alternatives, gate_pieces, lead, may_match, word_gates
from etl.stages.extract.events_regex import ahead, factor, required_literal, searcher, wrapped
from etl.stages.extract.events_singular import singular_patterns
from etl.stages.extract.places import Gazetteer, load_gazetteer

MEASURES_PATH = Path(__file__).resolve().parents[2] / "data" / "measures.toml"

# Optional auxiliaries and adverbs between a counted noun phrase and its participle
# ("were reportedly killed", "have also been wounded", "a woman who was injured").
_AUX_WORDS = (
    r"were|was|are|is|have|has|had|been|being|be|got|get|may|reportedly|also|all|allegedly|later|"
    r"subsequently|believed|thought|feared|said|reported|confirmed|to|now|still|either|both|each|"
    r"critically|seriously|badly|severely|fatally|slightly|lightly|moderately|mildly|grievously|mortally|initially|so far|"
    r"eventually|ultimately|tragically|rendered|left|who|gravely|killed or|killed and|stabbed and|shot and|beaten and|attacked and|"
)
_AUX = rf"(?:(?:{factor(_AUX_WORDS)})\s+){{0,4}}"
# The same, tried once before all participles ("after" patterns) and shortest first: the first
# measure whose participle follows the fewest auxiliaries wins ("were killed and injured" -> killed).
_AUX_LAZY = rf"(?:(?:{factor(_AUX_WORDS)})\s+){{0,4}}?"
# Words a counted noun phrase may not contain ("12 people [and] ...", "12 people [who] ...").
_NP_BREAK = factor(
    r"and|or|but|who|whom|which|that|after|before|when|while|as|since|because|said|says|from|to|by|"
    r"with|were|was|are|is|have|has|had|been|could|would|will|may|might|than|if|on(?!\s+(?:board|both\s+sides|each\s+side|either\s+side)\b)|at"
)
# Number words of a share's whole ("twelve [of the forty] passengers on board died").
_NUMBER_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b"
# A word of a counted noun phrase; scare quotes may wrap it (12 "terrorists" were killed), and a
# name's initial keeps its full stop ("Private R. Diaz lost his life"), as do dotted abbreviations
# ("13 U.S. troops died", "two U.N. peacekeepers").
_NP_WORD = rf"[\"“]?(?!(?:{_NP_BREAK})\b)(?:(?:(?-i:[A-Z])\.){{2,4}}|[\w'’-]+(?:(?<=\b[A-Z])\.)?)[\"”]?"
# "22 soldiers and volunteers were killed": a second noun, but not a second count ("and 3 police").
_NOT_A_NUMBER = r"(?![\d]|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|his|her|their|its|the|several|dozens)\b)"
# A parenthetical inside the counted noun phrase: "28 people, most of them hunters, were killed",
# "1 civilian (a farm worker) killed", "two daughters (aged 9 and 13) were killed", "a family of
# seven — a couple and their five children — died".
_DASH_ASIDE = r"\s*[—–]\s*(?:(?!\b(?:was|were|is|are|had|has|have|killed|died|injured|wounded|hurt)\b)[^—–.;\n]){1,80}?\s*[—–]\s*"
# (after the noun, a dash-set aside must say who the people are: "12 people – most of them traders –")
_NOUN_DASH_ASIDE = r"\s*[—–]\s*(?:most|mostly|many|all|both|some|several|among\s+(?:them|whom)|\w+\s+of\s+(?:them|whom)|(?:an?|his|her|their)\s+[^—–.;\n]{0,40}?\b(?:and|or)\s+(?:an?|his|her|their)\s)\b[^—–.;\n]{0,60}?\s*[—–]\s*"
_ASIDE = rf"(?:,[^,.;]{{1,80}},\s*|\s*\([^().;\n]{{1,60}}\)\s*|{_NOUN_DASH_ASIDE})"
# A short relative clause inside the counted noun phrase: "a passenger [who tried to flee] was shot in the leg".
_RELATIVE_CLAUSE = r"who\s+(?:[\w'’-]+\s+){1,5}?(?=(?:was|were|had|has|have)\s)"
_REDUCED_RELATIVE = (
    r"(?:working|living|travelling|traveling|returning|staying|heading|fleeing|attending|riding|sheltering|praying|waiting)"
    rf"\s+(?:(?:at|in|on|from|to|for|near|inside|outside)\s+)?(?:{_NP_WORD}\s+){{0,4}}?"
)
# Qualifier words that may sit between a preceding verb and the number ("killed at least 12").
QUALIFIERS = "(?:" + factor(
    r"at least|at most|more than|less than|fewer than|over|under|up to|nearly|almost|about|around|"
    r"approximately|roughly|some|an estimated|estimated|another|a further|an additional|as many as|"
    r"the|all|only|just|close to|upwards of|in excess of|its|their|a total of|total of|a|an|further|"
    r"additional|least|a family of|an entire family of|a group of"
) + ")"


LinkKind = Literal["after", "noun", "adjective", "before"]


@dataclass(frozen=True, slots=True)
class LinkPattern:
    """All measures' wordings of one kind in one alternation; group ``g<i>`` = ``measures[i]``.

    after: matched at the end of the number (noun phrase + participle); noun and adjective:
    matched right after it; before: searched in the text that ends at the number.
    """

    kind: LinkKind
    pattern: re.Pattern[str]
    measures: tuple[Measure, ...]
    # after/before: the same without the wordings whose first character is unknown ("\\w+ed to
    # death"), each of which needs one of ``needs`` (lower case) in the text; None: no such split
    quick: re.Pattern[str] | None = None
    needs: tuple[str, ...] = ()
    # after: searches, in the lower-cased ASCII text after the number, for pieces of plain text one
    # of which every participle holds; where one finds none, the noun phrase is never tried
    gates: tuple[re.Pattern[str], ...] = ()


def pick(link: LinkPattern, text: str) -> re.Pattern[str]:
    """The pattern to use on ``text`` (the part of the text the pattern can match in): ``quick``
    when the text holds none of ``needs``, which then cannot match anyway."""
    if link.quick is None:
        return link.pattern
    lowered = text.lower()
    return link.pattern if any(need in lowered for need in link.needs) else link.quick


def match_after(link: LinkPattern, text: str, start: int, end: int) -> re.Match[str] | None:
    """``link``'s match at ``start`` (the end of a number), bounded by ``end``. An after pattern's
    noun phrase alternatives, tried in full where no participle follows, cost far more than the
    C-level search of its gate, which rules out two texts in five (tried on every number)."""
    if link.quick is None and not link.gates:
        return link.pattern.match(text, start, end)
    tail = text[start:end]
    lowered = tail.lower()
    if not may_match(link.gates, tail, lowered):
        return None
    pattern = link.pattern if link.quick is None or any(need in lowered for need in link.needs) else link.quick
    return pattern.match(text, start, end)


@dataclass(frozen=True, slots=True)
class EventVocabulary:
    strong: tuple[LinkPattern, ...]  # in the order tried: after, noun, adjective, before
    weak: tuple[LinkPattern, ...]  # measures named only by a noun ("500 fighters"), tried last
    gate: re.Pattern[str]  # a lower-case word starting with a gate stem: a sentence with none holds no claim
    subject: re.Pattern[str]  # one named group per canonical subject
    subject_words: re.Pattern[str]  # the same nouns, searched anywhere ("the attackers ... 21 of them")
    perpetrators: frozenset[str]
    singular: tuple[tuple[str, re.Pattern[str], tuple[str, ...] | re.Pattern[str]], ...]  # "a soldier", "himself": an implicit one (with gate words or a gate pattern)
    zero: tuple[tuple[re.Pattern[str], tuple[Measure, ...]], ...]
    any_after: re.Pattern[str]  # any participle: blocks coordination across verbs
    hypothetical: re.Pattern[str]
    hypothetical_gates: tuple[re.Pattern[str], ...]  # derived from it (events_gates.may_match)
    threshold: re.Pattern[str]  # after a bounded number: a definition's threshold, not a count
    part: re.Pattern[str]
    update: re.Pattern[str]
    aggregate: re.Pattern[str]
    aggregate_words: tuple[str, ...]  # one of them is in every aggregate wording (an empty tuple: no gate)
    aggregate_gates: tuple[re.Pattern[str], ...]  # derived from the aggregate wordings (events_gates.may_match)
    suicide: re.Pattern[str]
    them_killed: re.Pattern[str]
    suicide_counted: re.Pattern[str]
    other_before: re.Pattern[str]  # searched in the text that ends at a number
    other_after: re.Pattern[str]  # matched after a number's measure word
    other_after_pieces: tuple[tuple[str, ...], ...]  # derived from it (events_gates.may_hold)
    earlier_after: re.Pattern[str]  # "... the day before": matched after a number in an "after ..." clause
    heading: re.Pattern[str]  # "Injured in ...: 5": matched from a sentence's start to a number; group = measure
    incident: re.Pattern[str]  # an incident told without a count ("clashed", "an attack"); group ``noun``: a noun form
    incident_armed: re.Pattern[str]  # an armed party, weapon or military target in the sentence
    incident_not: re.Pattern[str]  # before the incident wording: hypothetical, foiled or background
    actors: ActorIndex
    gazetteer: Gazetteer


def _alts(items: list[str]) -> str:
    return "|".join(f"(?:{item.replace('AUX', _AUX)})" for item in items)


_LOWER_WORD = re.compile(r"[a-z]+")
_KEYS: dict[LinkKind, str] = {"after": "after", "noun": "nouns", "adjective": "adjectives", "before": "before"}


def _strip_aux(item: str) -> str:
    return item[3:] if item.startswith("AUX") else item


def _fast_bodies(kind: LinkKind, specs: dict[str, dict[str, Any]], names: list[str]) -> tuple[str, str | None, tuple[str, ...]]:
    """The after/before alternation, every wording behind a lookahead of its first characters
    (wordings that are one group of alternatives are split into those); and the same without the
    wordings whose first character is unknown, with the text each of them needs (None: some
    wording needs no fixed text, so the full alternation is always used)."""
    full: list[str] = []
    quick: list[str] = []
    needs: list[str | None] = []
    for i, name in enumerate(names):
        items = [_strip_aux(a) for a in specs[name]["after"]] if kind == "after" else specs[name][_KEYS[kind]]
        alts = [alt for item in items for alt in wrapped(item.replace("AUX", _AUX))]
        fast = [(alt, ahead(alt, re.I)) for alt in alts]
        full.append(ahead(f"(?P<g{i}>{'|'.join(f'(?:{f})' for _, f in fast)})", re.I))
        kept = [f for alt, f in fast if f != alt]
        if kept:
            quick.append(ahead(f"(?P<g{i}>{'|'.join(f'(?:{f})' for f in kept)})", re.I))
        needs += [required_literal(alt, re.I) for alt, f in fast if f == alt]
    if any(n is None for n in needs) or not needs or not quick:
        return "|".join(full), None, ()
    return "|".join(full), "|".join(quick), tuple(n for n in needs if n is not None)


def _link_pattern(kind: LinkKind, specs: dict[str, dict[str, Any]], subjects: str) -> LinkPattern | None:
    names = [name for name, spec in specs.items() if spec.get(_KEYS[kind])]
    if not names:
        return None
    if kind in ("after", "before"):
        body, quick, needs = _fast_bodies(kind, specs, names)
        pattern = re.compile(_link_source(kind, body, subjects), re.I)
        fast = re.compile(_link_source(kind, quick, subjects), re.I) if quick is not None else None
        gates = word_gates([alt for name in names for a in specs[name]["after"] for alt in wrapped(_strip_aux(a).replace("AUX", _AUX))]) if kind == "after" else ()
        return LinkPattern(kind, pattern, tuple(names), fast, needs, gates)  # type: ignore[arg-type]
    body = "|".join(f"(?P<g{i}>{_alts(specs[name][_KEYS[kind]])})" for i, name in enumerate(names))
    return LinkPattern(kind, re.compile(_link_source(kind, body, subjects), re.I), tuple(names))  # type: ignore[arg-type]


# Words that qualify a toll between its number and its noun ("12 confirmed deaths", "5 civilian
# deaths", "3 unidentified bodies"): a closed list, since an open word slot also takes "killed 9
# and injured 4" and "11 security incidents".
_TOLL_ADJECTIVES = factor(
    r"confirmed|verified|reported|recorded|documented|known|suspected|additional|further|fresh|total|combined|"
    r"civilian|military|combatant|child|violent|unidentified|extrajudicial|targeted|unlawful|conflict-related|"
    r"war-related|gun|firearm|terrorism-related|battle-related"
)


def _link_source(kind: LinkKind, body: str, subjects: str) -> str:
    if kind == "after":
        np = (
            rf"(?:of\s+(?:whom|them|those|(?:the|its|their|all)\s+(?:\d[\d,]*|{_NUMBER_WORDS}))\s+)?(?:(?:{_NP_WORD}\s+){{0,5}}?|(?:{_NP_WORD}\s+){{0,4}}?{_NP_WORD}{_ASIDE}|{_DASH_ASIDE}"
            rf"|(?:{_NP_WORD}\s+){{1,3}}?(?:and|or)\s+{_NOT_A_NUMBER}(?:(?!\d){_NP_WORD}\s+){{1,2}}?"
            # "four soldiers and an unknown number of militants [were killed]"
            rf"|(?:{_NP_WORD}\s+){{1,3}}?(?:and|or)\s+an?\s+(?:unknown|unspecified|undetermined|undisclosed|unconfirmed)\s+number\s+of\s+(?:{_NP_WORD}\s+){{1,2}}?"
            # "30 soldiers and volunteers for the defence of the homeland (VDP) [lost their lives]"
            rf"|(?:{_NP_WORD}\s+){{1,2}}?(?:and|or)\s+{_NOT_A_NUMBER}{_NP_WORD}\s+(?:of|for|from)\s+(?:{_NP_WORD}\s+){{1,5}}?(?:\([^().;\n]{{1,20}}\)\s+)?"
            # "50 soldiers and members of the auxiliary force, the Volunteers for the Defence of the Homeland (VDP), [died]"
            rf"|(?:{_NP_WORD}\s+){{1,2}}?(?:and|or)\s+{_NOT_A_NUMBER}{_NP_WORD}\s+(?:of|for|from)\s+(?:{_NP_WORD}\s+){{0,4}}?{_NP_WORD}{_ASIDE}"
            rf"|(?:{_NP_WORD}\s+){{1,2}}?{_RELATIVE_CLAUSE}"
            # "six Chinese nationals [working at a mine] were taken hostage": a reduced relative clause
            rf"|(?:{_NP_WORD}\s+){{1,3}}?{_REDUCED_RELATIVE}"
            # "five members of the Popular Mobilisation Forces [were killed]": a longer "of" phrase (and its
            # acronym: "three jawans of the Central Reserve Police Force (CRPF) [attained martyrdom]")
            rf"|(?:{_NP_WORD}\s+){{1,2}}?of\s+(?:{_NP_WORD}\s+){{2,6}}?\([^().;\n]{{1,20}}\)\s+|(?:{_NP_WORD}\s+){{1,2}}?of\s+(?:{_NP_WORD}\s+){{4,6}}?"
            # "two terrorists affiliated with proscribed outfit JeM [were neutralised]", "four gunmen linked to
            # al-Shabaab [were killed]": the group the counted men belong to
            rf"|(?:{_NP_WORD}\s+){{1,2}}?(?:affiliated\s+with|linked\s+to|belonging\s+to|loyal\s+to|allied\s+(?:with|to)|aligned\s+with)\s+(?:{_NP_WORD}\s+){{1,5}}?(?:\([^().;\n]{{1,20}}\)\s+)?"
            # "six of the 40 passengers on the bus [died]": a share whose whole has a place after it
            rf"|of\s+(?:the|its|their|all)\s+(?:\d[\d,]*|{_NUMBER_WORDS})\s+(?:{_NP_WORD}\s+){{1,2}}?(?:on|in|at|aboard|inside)\s+(?:the\s+|a\s+|an\s+)?(?:{_NP_WORD}\s+){{1,2}}?)"
        )
        # (the lead: the participles' first letters, tried before them after every word of the noun phrase)
        # (or a participle in quotes: four of the attackers were 'neutralised')
        return rf"\s*(?P<np>{np})(?<!\bthe )(?<!\bof )(?P<aux>{_AUX_LAZY})(?:[\"“‘'](?=[a-z]))?{lead(body, re.I) or ''}(?:{body})\b"
    if kind == "before":  # a lookahead of the first characters in front: searched, not matched
        # (or a verb in quotes: troops had "neutralised" 20 assailants)
        verb = rf"(?P<quoted>[\"“‘'])?\b{lead(body, re.I) or ''}(?:{body})(?(quoted)[\"”’'])"
        # (and a figure in quotes: put the death toll at 'more than 40')
        return ahead(rf"{verb}\s*(?:[\"“‘']\s*)?(?:{QUALIFIERS}\s+)*$", re.I)
    if kind == "noun":  # (or with a word that qualifies a toll: "12 confirmed deaths", "57 extrajudicial killings")
        return rf"\s*-?\s*(?:more\s+|other\s+|new\s+)?(?:(?:{_TOLL_ADJECTIVES})\s+)?(?:{body})\b"
    return rf"\s*(?:more\s+|other\s+)?(?:{body})\s+(?:{subjects})\b"


def _gate(stems: list[str]) -> re.Pattern[str]:
    """A word (a run of a-z in lower-case text) that starts with a stem, with the character before
    it. Stems are matched as the prefix of a word, and ones shorter than three letters as a whole
    word (how the gate has always treated them); a stem with other characters than a-z never
    matches a word and is left out. (The pattern opens with the character before the word, a class
    ``re`` skips to in C: a quarter faster than a look-behind tried at every letter.)"""
    usable = [s for s in dict.fromkeys(stems) if s and _LOWER_WORD.fullmatch(s)]
    if not usable:
        return re.compile(r"(?!)")
    body = factor("|".join(s if len(s) >= 3 else f"{s}(?![a-z])" for s in usable))
    return re.compile(rf"[^a-z](?:{body})")


def passes_gate(text: str, start: int, end: int, vocab: EventVocabulary) -> bool:
    """Whether text[start:end] has a word starting with a gate stem (one C-level search; the space
    in front stands for whatever is before the text)."""
    return vocab.gate.search(" " + text[start:end].lower()) is not None


def _link_patterns(specs: dict[str, dict[str, Any]], subjects: str) -> tuple[LinkPattern, ...]:
    kinds: tuple[LinkKind, ...] = ("after", "noun", "adjective", "before")
    found = (_link_pattern(kind, specs, subjects) for kind in kinds)
    return tuple(p for p in found if p is not None)


class VocabularyError(ValueError):
    """A vocabulary file is missing a section or key, or holds a pattern that does not compile."""


def _section(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind):
        raise VocabularyError(f"measures file: [{key}] is missing or not a {kind.__name__}")
    return value


def _cue(cues: dict[str, Any], key: str) -> re.Pattern[str]:
    if not isinstance(cues.get(key), str):
        raise VocabularyError(f"measures file: [cues] {key} is missing")
    return searcher(cues[key], re.I)


def _optional_cue(cues: dict[str, Any], key: str) -> re.Pattern[str]:
    """A cue a user's older measures file may lack: then it never matches."""
    return _cue(cues, key) if key in cues else re.compile(r"(?!)")


def _compile(data: dict[str, Any], actors: ActorIndex, gazetteer: Gazetteer) -> EventVocabulary:
    subjects_spec = _section(data, "subjects", dict)
    named = "|".join(ahead(f"(?P<{name}>{spec['pattern']})", re.I) for name, spec in subjects_spec.items())
    all_subjects = "|".join(f"(?:{spec['pattern']})" for spec in subjects_spec.values())
    measures_spec = _section(data, "measures", dict)
    after_all = [a for spec in measures_spec.values() for a in spec.get("after", [])]
    cues = _section(data, "cues", dict)
    return EventVocabulary(
        strong=_link_patterns({n: s for n, s in measures_spec.items() if not s.get("weak")}, all_subjects),
        weak=_link_patterns({n: s for n, s in measures_spec.items() if s.get("weak")}, all_subjects),
        gate=_gate(cues["gate"]),
        subject=re.compile(rf"\s*(?:-\s*)?(?:(?:{_NP_WORD})\s+){{0,3}}?(?:{named})\b", re.I),
        subject_words=re.compile(rf"\b(?:{named})\b", re.I),
        perpetrators=frozenset(n for n, spec in subjects_spec.items() if spec.get("perpetrator")),
        singular=singular_patterns(factor(str(cues["singular"])), str(cues["titles"])),
        zero=tuple((searcher(z["pattern"], re.I), tuple(z["measures"])) for z in _section(data, "zero", list)),
        any_after=re.compile(rf"\b(?:{_alts([a.replace('AUX', '') for a in after_all])})\b", re.I),
        hypothetical=_cue(cues, "hypothetical"),
        hypothetical_gates=word_gates(alternatives(str(cues["hypothetical"]))),
        threshold=_cue(cues, "threshold"),
        part=_cue(cues, "part"),
        update=_cue(cues, "update"),
        aggregate=_cue(cues, "aggregate"),
        aggregate_words=tuple(str(w) for w in cues.get("aggregate_words", [])),
        aggregate_gates=word_gates(alternatives(str(cues["aggregate"]))),
        suicide=_cue(cues, "suicide"),
        them_killed=_cue(cues, "them_killed"),
        suicide_counted=_cue(cues, "suicide_counted"),
        other_before=searcher(str(cues["other_incident_before"]) + r"$", re.I),
        other_after=re.compile(str(cues["other_incident_after"]), re.I),
        other_after_pieces=gate_pieces(alternatives(str(cues["other_incident_after"]))),
        earlier_after=re.compile(str(cues["earlier_after"]), re.I),
        heading=re.compile(str(cues["heading"]), re.I),
        incident=_optional_cue(cues, "incident"),
        incident_armed=_optional_cue(cues, "incident_armed"),
        incident_not=_optional_cue(cues, "incident_not"),
        actors=actors,
        gazetteer=gazetteer,
    )


def build_vocabulary(*, actors_path: Path | None = None, measures_path: Path | None = None) -> EventVocabulary:
    """Read and compile the vocabulary files; the user actor file extends the shipped one."""
    path = measures_path or MEASURES_PATH
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        actor_files = (ACTORS_PATH,) if actors_path is None else (ACTORS_PATH, actors_path)
        return _compile(data, load_actors(actor_files), load_gazetteer())
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, re.error) as exc:
        raise VocabularyError(f"cannot load the event vocabulary ({path}, {actors_path}): {exc}") from exc
