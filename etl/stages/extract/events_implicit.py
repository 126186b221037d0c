"""Counts a sentence implies without a number: "a soldier", "himself", "both", "no one was hurt",
and the lone suicide bomber whose death the toll leaves out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from etl.records import Sentence
from etl.stages.extract.events_link import REPORTER, Candidate, Claim
from etl.stages.extract.events_regex import required_tokens, required_word_options, required_words, searcher
from etl.stages.extract.events_vocab import EventVocabulary

# Every zero wording has one of these words ("no one", "none of", "escaped unhurt", "without casualties");
# zero wordings are looked for this many characters before and after one.
_ZERO_BEFORE = 100
_ZERO_AFTER = 140
_ZERO_GATE = searcher(r"\b(?:no|none|nobody|without|not|didn't|doesn't|unhurt|unharmed|uninjured|unscathed|casualty-free|nil)\b", re.I)
# "a child (1)": the bracketed number after the words counts them.
_BRACKET_COUNT = re.compile(r"\s?\(\s*(?:1|one)\s*\)", re.I)
# A zero put in doubt or denied is no statement of zero ("did not confirm whether no one was hurt",
# "denied reports that no arrests were made"): these words this many characters before it.
_DOUBT_BEFORE = 90
# "Our troops suffered no casualties", "no casualty on the government side", "no losses among our men":
# one side's zero, not the incident's (the other side's dead and wounded are often told or implied).
_ONE_SIDE_BEFORE = searcher(
    r"\b(?:our|their|its|own|friendly|government|army|military|the\s+(?:army|military)['’]s)\s+(?:[\w-]+\s+)?(?:troops|soldiers|forces|men|personnel|units?|side|ranks)\s+"
    r"(?:(?:have|has|had)\s+)?(?:suffered|sustained|recorded|reported|incurred|had|took)\s+$",
    re.I,
)
_ONE_SIDE_AFTER = re.compile(
    r"\s+(?:on|among|in|within|to|for)\s+(?:the\s+)?(?:our|own|friendly|government|army|military|security\s+forces['’]?|troops['’]?|police|state)\b", re.I
)
_DOUBT = searcher(
    r"\b(?:whether|unclear|not (?:clear|known|immediately clear|confirmed)|(?:could|did|would|can) not confirm|"
    r"(?:declined|refused|unable) to confirm|(?:den(?:y|ies|ied)|dismiss(?:ed|es)?|reject(?:ed|s)?|refut(?:ed|es)|disput(?:ed|es))"
    r"\s+(?:the\s+)?(?:(?:claims?|reports?|allegations?|suggestions?|rumou?rs?)\s+)?that)\b[^.;]*$",
    re.I,
)
# "raised the toll to 26, not counting the bomber", "14 died, excluding the attacker": the toll
# says it leaves one dead perpetrator out (looked for this many characters after a killed figure).
_EXCLUDED_REACH = 60
_EXCLUDED = re.compile(
    r"[,(]\s*(?:not\s+(?:counting|including)|excluding|exclusive\s+of|without\s+counting|apart\s+from|besides)\s+"
    r"(?:the\s+)?(?:lone\s+)?(?P<who>(?:suicide\s+)?(?:car\s+|truck\s+)?(?:bomber|attacker|assailant|gunman|shooter|perpetrator))\b"
    r"(?!,?\s+(?:who\s+|which\s+)?(?:was|is|has\s+been|had\s+been)?\s*(?:\w+\s+)?(?:arrested|detained|captured|caught|held|wounded|injured|hurt|fled|escaped|at\s+large|in\s+custody|hospitali[sz]ed)\b)",
    re.I,
)
# An excluded attacker (not a bomber) the text says is alive anywhere is no death left out.
_ALIVE = re.compile(r"\b(?:arrested|detained|captured|apprehended|overpowered|in\s+custody|fled|escaped|at\s+large|on\s+the\s+run|surrendered|hospitali[sz]ed)\b", re.I)
# "according to a military official, 8 soldiers were killed": a source, not a person counted
# (looked for this many characters before the person noun).
_SOURCE_REACH = 60
_SOURCE_BEFORE = searcher(r"\b(?:according\s+to|quoting|quoted|citing|told)\s+(?:(?:an?|the)\s+(?:[\w'’-]+\s+){1,3}(?:and|or)\s+)?$", re.I)
# "one attacker blew himself up and the other was shot dead", "one died and the other was wounded":
# the other one of two, told after "one".
_THE_OTHER = searcher(
    r"\b(?:one|1)\b[^.;]{0,80}?(?:\band|\bwhile|\bbut|\bwhereas|;|,)\s+(?P<other>the\s+other)\s+(?=(?:one\s+)?(?:was|is|had\s+been|has\s+been)\s+"
    r"(?:\w+\s+)?(?:killed|wounded|injured|hurt|shot\s+dead|shot\s+and\s+killed|gunned\s+down)\b|(?:one\s+)?(?:died|succumbed)\b)",
    re.I,
)
# A note's list of fates, a bare person noun as its next item ("three killed, assailant wounded and
# arrested", "two killed, driver wounded"): a count of one.
_BARE_ITEM = searcher(
    r"\b(?:killed|dead|wounded|injured|hurt)\s*,\s+(?:and\s+)?(?P<item>(?:assailant|attacker|gunman|shooter|bomber|perpetrator|suspect|driver|guard|"
    r"policeman|policewoman|soldier|officer|passenger|pilot|child|woman|man|teenager|bystander))\s+(?=(?:also\s+)?(?:wounded|injured|hurt|killed|dead)\b)",
    re.I,
)
# Between the names after a plural title ("Constables A, B and C"): each separator one more person.
_NAME_SEPARATOR = re.compile(r",|\band\b")
_ORDINAL = searcher(r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.I)
# Every ASCII character but a-z made a space: the whole words of a lower-cased ASCII text are then its split().
_WORDS_ONLY = str.maketrans({chr(c): " " for c in range(128) if not ord("a") <= c <= ord("z")})


def singular_candidates(text: str, sent: Sentence, taken: Sequence[Candidate], vocab: EventVocabulary) -> list[Candidate]:
    """"a soldier", "an officer", "himself": a count of one when no number covers the words."""
    out: list[Candidate] = []
    spans: list[tuple[int, int]] = [(c.start, c.end) for c in taken]
    raw = text[sent.char_start : sent.char_end]
    lowered = " " + raw.lower()
    words = frozenset(lowered.translate(_WORDS_ONLY).split()) if raw.isascii() else None  # whole words (exact in ASCII text only)
    for group, pattern, gate in vocab.singular:
        if isinstance(gate, re.Pattern):
            if gate.search(text, sent.char_start, sent.char_end) is None:
                continue
        elif gate and not _holds_any(gate, lowered) and not (group == "head" and sent.char_start == 0):
            continue
        if words is not None and not _passes(*_derived(pattern.pattern, pattern.flags), words, lowered):  # "a soldier": no person noun, no match
            continue
        for m in pattern.finditer(text, sent.char_start, sent.char_end):
            if REPORTER.match(text, m.end(), sent.char_end) or _BRACKET_COUNT.match(text, m.end()):
                continue
            if _SOURCE_BEFORE.search(text, max(sent.char_start, m.start() - _SOURCE_REACH), m.start()):
                continue
            start, end = m.start(group), m.end(group)
            if group == "self" and text[max(0, start - 5) : start].lower() == "blew ":
                continue  # "blew himself up": the suicide wording, counted by suicide_claim
            own = end - 4 if group == "ord" and m.group(group).lower().endswith(" one") else m.end()  # "a third one": the number is ours
            own = end if (group == "victim" and "," in m.group()) or group == "coord" else own  # "the nurse, a mother of two, died": the aside's number is not hers
            if any(a < own and start < b for a, b in spans):
                continue
            spans.append((start, m.end()))
            hint = "assailants" if group == "self" else None
            value = 2.0 if group in ("pair", "both", "twin") else 1.0  # "an elderly couple", "both succumbed", "twin sisters"
            value = float(1 + len(_NAME_SEPARATOR.findall(m.group(group)))) if group == "titles" else value  # "Constables A and B"
            more = group == "ord" or m.group(group).lower() == "another" or _ORDINAL.search(m.group()) is not None
            out.append(Candidate(start, end, text[start:end], value, value, value, "exact", hint, more))
    if " other " in lowered:
        out += _the_other(text, sent, spans)
    if ", " in raw:
        out += _the_other(text, sent, spans, _BARE_ITEM, "item")
    return sorted(out, key=lambda c: c.start)


def _the_other(text: str, sent: Sentence, spans: list[tuple[int, int]], pattern: re.Pattern[str] = _THE_OTHER, group: str = "other") -> list[Candidate]:
    """"... and the other was shot dead", "three killed, assailant wounded": a count of one for the
    pattern's group (not inside another candidate)."""
    out: list[Candidate] = []
    for m in pattern.finditer(text, sent.char_start, sent.char_end):
        start, end = m.start(group), m.end(group)
        if not any(a < end and start < b for a, b in spans):
            spans.append((start, end))
            out.append(Candidate(start, end, text[start:end], 1.0, 1.0, 1.0, "exact"))
    return out


def suicide_claim(text: str, sentences: Sequence[Sentence], claims: Sequence[Claim], vocab: EventVocabulary) -> tuple[Sentence, Claim] | None:
    """One perpetrator death for a lone suicide bomber, when a toll is given that leaves them out."""
    if not any(c.measure == "killed" and (c.cand.value or 0) > 0 for c in claims):
        return None
    excluded = _excluded_claim(text, sentences, claims)
    if excluded is not None:
        return excluded
    lowered = text.lower()
    if "suicide" not in lowered and "bomber" not in lowered and "blew" not in lowered:  # cheap gate
        return None
    m = vocab.suicide.search(text)
    if m is None or vocab.suicide_counted.search(text):
        return None
    sent = next((s for s in sentences if s.char_start <= m.start() < s.char_end), None)
    if sent is None:
        return None
    cand = Candidate(m.start(), m.end(), m.group(), 1.0, 1.0, 1.0, "exact", "assailants")
    return sent, Claim(cand, "killed", m.start(), m.end(), "suicide", subject="assailants", perpetrator=True)


def _excluded_claim(text: str, sentences: Sequence[Sentence], claims: Sequence[Claim]) -> tuple[Sentence, Claim] | None:
    """The perpetrator a toll says it leaves out ("26, not counting the bomber"): one death beside it."""
    for c in claims:
        if c.measure != "killed" or c.perpetrator or not (c.cand.value or 0) > 0:
            continue
        sent = next((s for s in sentences if s.char_start <= c.cand.start < s.char_end), None)
        m = _EXCLUDED.search(text, c.cand.end, sent.char_end) if sent is not None else None  # (to the sentence end: the lookahead)
        if m is None or sent is None or m.start() > c.cand.end + _EXCLUDED_REACH or re.search(r"[.;]", text[c.cand.end : m.start()]):
            continue
        if "bomber" not in m.group("who").lower() and _ALIVE.search(text) is not None:
            continue  # "... not counting the gunman. The gunman was later arrested": alive, not left out of a toll
        cand = Candidate(m.start("who"), m.end(), m.group("who"), 1.0, 1.0, 1.0, "exact", "assailants", more=True)
        return sent, Claim(cand, "killed", m.start("who"), m.end(), "excluded", subject="assailants", perpetrator=True, more=True)
    return None


def zero_claims(text: str, sent: Sentence, vocab: EventVocabulary) -> list[Claim]:
    """"no one was hurt", "there were no casualties": explicit zero counts."""
    out: list[Claim] = []
    windows: list[list[int]] = []  # only the text around a zero word is scanned
    for gate in _ZERO_GATE.finditer(text, sent.char_start, sent.char_end):
        lo, hi = max(sent.char_start, gate.start() - _ZERO_BEFORE), min(sent.char_end, gate.end() + _ZERO_AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    for lo, hi in windows:
        window = text[lo:hi]
        lowered = window.lower() if window.isascii() else None  # (required words are tested in ASCII text only)
        for pattern, measures in vocab.zero:
            if lowered is not None and not _may_match(pattern, lowered):
                continue
            for m in pattern.finditer(text, lo, hi):
                if _DOUBT.search(text, max(sent.char_start, m.start() - _DOUBT_BEFORE), m.start()):
                    continue
                if _ONE_SIDE_BEFORE.search(text, max(sent.char_start, m.start() - 50), m.start()) or _ONE_SIDE_AFTER.match(text, m.end(), sent.char_end):
                    continue  # one side's zero
                cand = Candidate(m.start(), m.end(), m.group(), 0.0, 0.0, 0.0, "exact")
                out.extend(Claim(cand, measure, m.start(), m.end(), "zero") for measure in measures)
    return out


def _may_match(pattern: re.Pattern[str], lowered: str) -> bool:
    """Whether lower-cased ASCII text holds one of the words every match of ``pattern`` needs (a cheap gate)."""
    needs = required_words(pattern.pattern, pattern.flags)
    return needs is None or any(word in lowered for word in needs)


@lru_cache(maxsize=64)
def _derived(source: str, flags: int) -> tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...]]:
    """A singular pattern's derived gates (see _has_words, _has_pieces) in one cache look-up."""
    return required_tokens(source, flags), _piece_sets(source, flags)


def _passes(tokens: tuple[frozenset[str], ...], pieces: tuple[frozenset[str], ...], words: frozenset[str], lowered: str) -> bool:
    """_has_words and _has_pieces with the pattern's derived gates given."""
    for need in tokens:
        if words.isdisjoint(need):
            return False
    for options in pieces:  # noqa: SIM110  (a plain loop: cheaper than all() over a generator)
        if not _holds_any(options, lowered):
            return False
    return True


def _has_pieces(pattern: re.Pattern[str], lowered: str) -> bool:
    """Whether lower-cased ASCII text holds a piece of each set of plain text every match of ``pattern``
    holds (see events_regex.required_word_options): "one" needs a verb of harm and "one", "sole" a link
    word and "one" (an AND-gate derived from the pattern; a hand-written gate holds one word only)."""
    return all(_holds_any(pieces, lowered) for pieces in _piece_sets(pattern.pattern, pattern.flags))


def _holds_any(words: Iterable[str], lowered: str) -> bool:
    """Whether ``lowered`` holds one of a hand gate's words (a plain loop: twice as fast as any() over
    a generator, and than one compiled alternation of the words, on the synthetic corpus's sentences)."""
    for word in words:  # noqa: SIM110  (see the docstring)
        if word in lowered:
            return True
    return False


@lru_cache(maxsize=64)
def _piece_sets(source: str, flags: int) -> tuple[frozenset[str], ...]:
    """required_word_options of a pattern, worked out once per pattern."""
    return required_word_options(source, flags)


def _has_words(pattern: re.Pattern[str], words: frozenset[str]) -> bool:
    """Whether a text's whole words (lower case) hold one of each word list a match of ``pattern``
    needs (see events_regex.required_tokens): a cheap gate, one set test per list."""
    return all(not words.isdisjoint(need) for need in required_tokens(pattern.pattern, pattern.flags))
