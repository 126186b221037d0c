"""Name the group behind an event: a shipped, user-extensible actor list plus claim patterns.

``etl/data/actors.toml`` maps aliases ("ISKP", "IS-K", "Islamic State Khorasan") to one canonical
name. A user file of the same shape adds actors, and an entry with the same canonical name replaces
the shipped one. All aliases are compiled into two alternations (acronyms case-sensitively, names
case-insensitively), longest first, so one scan finds every mention.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from etl.stages.extract.actors_ties import ActorMention, strength
from etl.stages.extract.events_regex import factor, searcher, tried_order

ACTORS_PATH = Path(__file__).resolve().parents[2] / "data" / "actors.toml"

# An alias this short and without spaces is an acronym-like token (ISKP, LeT, M23): exact case.
_ACRONYM_MAX_LEN = 6
# How many characters after an alias's first word the scan for alias starts looks at (" ta" in "the Taliban").
_FOLLOWER_CHARS = 3
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+")
_WORD = re.compile(r"[A-Za-z0-9]+")
# An unlisted group named by a claim: "the Freedom Front claimed responsibility", "blamed on the X",
# "blamed on a local criminal group, the Autodefensas Conquistadoras de la Sierra Nevada".
_UNLISTED = searcher(
    r"(?:\b(?:[Tt]he\s+)?(?P<a>(?:[A-Z][\w'’-]+\s+){0,4}[A-Z][\w'’-]+)\s+(?:group\s+|militants\s+)?(?:has\s+|have\s+|had\s+)?claimed\s+(?:the\s+)?responsibility)"
    r"|(?:(?:blamed\s+on|claimed\s+by|carried\s+out\s+by)\s+(?:an?\s+(?:[a-z-]+\s+){0,3}(?:group|gang|militia|faction|organi[sz]ation|cartel)\s*,\s*)?"
    r"(?:[Tt]he\s+)?(?P<b>(?:[A-Z][\w'’-]+\s+(?:(?:de|del|la|las|los|el|y|do|da|dos|das|du|des)\s+)*){0,6}[A-Z][\w'’-]+))"
)
# Every match of _UNLISTED holds one of these words (as written: the pattern is case-sensitive).
_UNLISTED_WORDS = ("claimed", "blamed", "carried")
# What an entry marked ``state = true`` (an army, a police force) is read as: its names are found, so
# that a longer state name wins over a group's name inside it ("the Uganda People's Defence Force"
# is not Myanmar's "People's Defence Force"), but state forces are never the actor coded.
STATE_FORCES = "state forces"
_NOT_ACTORS = frozenset(
    "no nobody none it he she they police officials authorities government security army military the"
    " a an this that group militants".split()
)


@dataclass(frozen=True, slots=True)
class ActorIndex:
    exact: re.Pattern[str] | None
    folded: re.Pattern[str] | None
    by_alias: dict[str, str]  # exact alias and lower-cased alias -> canonical name
    first_words: frozenset[str]  # lower-cased first word of every alias: where a match may start
    home: dict[str, str]  # canonical name -> ISO alpha-3 country where the group operates
    starts: re.Pattern[str] | None = None  # any of ``first_words`` as a whole word (see _starts)
    exact_firsts: frozenset[str] = frozenset()  # the first words of the acronym-like aliases only
    # first word -> ``folded`` cut down to the names that may start with it (same order), and the
    # longest name: where the text there is ASCII, only those names can match (see _folded_at)
    folded_by_first: dict[str, str | None] = field(default_factory=dict)  # the patterns' sources (compiled on first use)
    folded_longest: int = 0
    renamed: dict[str, tuple[dt.date, str]] = field(default_factory=dict)  # canonical name -> (from that day, the new name)
    # ``starts`` with, after each first word, the characters that follow it in its aliases ("the"
    # only before " ta", " re", " po"): for ASCII text, where lower-casing is exact (see _starts)
    starts_ascii: re.Pattern[str] | None = None


def _read(path: Path) -> list[dict[str, object]]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    entries = data.get("actor", [])
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)]


_SUFFIXES = "linked|affiliated|allied|aligned|inspired|led|run|backed|controlled|held|claimed|style|type"


def _alternation(aliases: Iterable[str], flags: int) -> re.Pattern[str] | None:
    ordered = sorted(set(aliases), key=len, reverse=True)
    if not ordered:
        return None
    body = factor("|".join(re.escape(a) for a in ordered))
    return re.compile(rf"(?<![\w-])(?:{body})(?!\w)(?!-(?!(?:{_SUFFIXES})\b))", flags)


def _by_first(folded: Sequence[str], firsts: frozenset[str]) -> dict[str, str | None]:
    """For each first word, the folded alternation of the names that start with it (and of any name
    that does not start with a letter or digit), tried in the order the whole alternation tries them."""
    ordered = sorted(set(folded), key=len, reverse=True)
    first_of = {re.escape(a): (_WORD.match(a).group().lower() if _WORD.match(a) else None) for a in ordered}  # type: ignore[union-attr]
    tried = tried_order("|".join(first_of))
    out: dict[str, str | None] = {}
    for word in firsts:
        names = [a for a in tried if first_of[a] in (word, None)]
        out[word] = rf"(?<![\w-])(?:{'|'.join(names)})(?!\w)(?!-(?!(?:{_SUFFIXES})\b))" if names else None
    return out


@lru_cache(maxsize=4096)
def _folded_pattern(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


def load_actors(paths: Sequence[Path] = (ACTORS_PATH,)) -> ActorIndex:
    """Merge actor files in order; a later entry with the same canonical name replaces an earlier one."""
    merged: dict[str, list[str]] = {}
    home: dict[str, str] = {}
    renamed: dict[str, tuple[dt.date, str]] = {}
    for path in paths:
        for entry in _read(path):
            name = STATE_FORCES if entry.get("state") is True else str(entry["name"])
            home.pop(name, None)
            renamed.pop(name, None)
            if "renamed" in entry:
                renamed[name] = _renamed(entry)
            if isinstance(entry.get("country"), str):
                home[name] = str(entry["country"])
            aliases = entry.get("aliases", [])
            own = [str(entry["name"])] + [str(a) for a in aliases] if isinstance(aliases, list) else [str(entry["name"])]
            merged[name] = merged.get(name, []) + own if name == STATE_FORCES else own
    by_alias: dict[str, str] = {}
    exact: list[str] = []
    folded: list[str] = []
    for name, aliases in merged.items():
        for alias in aliases:
            if len(alias) <= _ACRONYM_MAX_LEN and " " not in alias and any(c.isupper() for c in alias[1:]):
                exact.append(alias)
                by_alias[alias] = name
            else:
                folded.append(alias)
                by_alias[alias.lower()] = name
    firsts = frozenset(m.group().lower() for a in exact + folded for m in [_WORD.search(a)] if m)
    exact_firsts = frozenset(m.group().lower() for a in exact for m in [_WORD.search(a)] if m)
    return ActorIndex(
        _alternation(exact, 0), _alternation(folded, re.IGNORECASE), by_alias, firsts, home, _starts(firsts), exact_firsts,
        _by_first(folded, firsts), max((len(a) for a in folded), default=0), renamed, _starts(firsts, _followers(exact + folded)),
    )


def _followers(aliases: Sequence[str]) -> dict[str, frozenset[str]] | None:
    """For each first word (lower case), the next (up to) three characters of its aliases, lower
    case; a word that is a whole alias itself maps to {""}. None when some alias does not start
    with its first word (a hit could then be inside such a name)."""
    out: dict[str, set[str]] = {}
    for alias in aliases:
        word = _WORD.match(alias)
        if word is None:
            return None
        out.setdefault(word.group().lower(), set()).add(alias[word.end() : word.end() + _FOLLOWER_CHARS].lower())
    return {w: frozenset(rest) for w, rest in out.items()}


def _renamed(entry: dict[str, object]) -> tuple[dt.date, str]:
    """``renamed = {name = "...", on = "2022-03-01"}`` (a malformed one fails loudly)."""
    item = entry["renamed"]
    if not isinstance(item, dict):
        raise TypeError(f"actor {entry['name']}: 'renamed' must be a table {{name, on}}")
    return dt.date.fromisoformat(str(item["on"])), str(item["name"])


def era_name(index: ActorIndex, name: str | None, day: dt.date | None) -> str | None:
    """The name an event of ``day`` is coded under: a renamed group's new name from the renaming on
    ("Islamic State in the Greater Sahara" in 2024 is the Islamic State Sahel Province)."""
    if name == STATE_FORCES:
        return None
    if name is None or name not in index.renamed:
        return name
    since, new = index.renamed[name]
    return new if day is None or day >= since else name


def _starts(firsts: frozenset[str], followers: dict[str, frozenset[str]] | None = None) -> re.Pattern[str] | None:
    """One pattern for every whole ``_WORD`` that is a first word of some alias: a single C-level
    scan instead of a set lookup per word in Python (the same words, found in the same order).
    With ``followers``, a word counts only before what follows it in some alias ("the Taliban": not
    at every "the"); this holds in lower-cased ASCII text only ("ſ" is an "s" to ``re.I``). The
    pattern opens with the character before the word (a class ``re`` skips to in C, a quarter
    faster than a look-behind tried at every letter): it is searched in the text behind a space
    (see _alias_starts); a first word is a run of letters and digits, so no match loses the
    character it needs to the word before it."""
    if not firsts or (followers is not None and set(followers) != set(firsts)):
        return None
    body = factor("|".join(re.escape(w) + _ahead_of(followers[w] if followers else frozenset()) for w in sorted(firsts)))
    return re.compile(rf"[^A-Za-z0-9](?:{body})(?![A-Za-z0-9])")


def _ahead_of(rests: frozenset[str]) -> str:
    if not rests or "" in rests:  # the word is a whole alias: no condition on what follows
        return ""
    return "(?=" + "|".join(re.escape(r) for r in sorted(rests)) + ")"


def find_actors(text: str, index: ActorIndex) -> list[ActorMention]:
    """Every listed actor mentioned in ``text``, in text order, overlapping matches dropped.

    The alternations are only tried where a word that starts some alias stands (a set lookup
    per word), which keeps the scan fast however long the actor list grows.
    """
    found: list[ActorMention] = []
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = text.casefold() if len(text.casefold()) == len(text) else text
    plain = text.isascii()  # then every stretch of it is: no per-word test (see _folded_at)
    for at, word in _alias_starts(text, lowered, index, plain):
        folded = _folded_at(text, lowered, at, word, index, plain)
        m = folded.match(text, at) if folded is not None else None
        name = index.by_alias.get(m.group().lower()) if m is not None else None
        if m is not None and name is not None:
            found.append(ActorMention(m.start(), m.end(), m.group(), name))
        if index.exact is None or word.lower() not in index.exact_firsts:
            continue  # an acronym matched here would start with this very word
        m = index.exact.match(text, at)
        name = index.by_alias.get(m.group()) if m is not None else None
        if m is not None and name is not None:
            found.append(ActorMention(m.start(), m.end(), m.group(), name))
    found.sort(key=lambda a: (a.char_start, -a.char_end))
    out: list[ActorMention] = []
    for mention in found:
        if out and mention.char_start < out[-1].char_end:
            continue
        out.append(mention)
    return out


def group_named_at(text: str, start: int, index: ActorIndex) -> bool:
    """Whether a listed armed group (not a state force) is named right at ``start``, after spaces:
    "Five [ADF] were neutralised", "12 [al-Shabaab] died" count the group's own members."""
    head = text[start : start + 60]
    gap = len(head) - len(head.lstrip(" "))
    if gap == 0 or gap == len(head) or not head[gap].isalpha():
        return False
    mentions = find_actors(head, index)
    return bool(mentions) and mentions[0].char_start == gap and mentions[0].name != STATE_FORCES


def _folded_at(text: str, lowered: str, at: int, word: str, index: ActorIndex, plain: bool = False) -> re.Pattern[str] | None:
    """The folded alternation to try at ``word``: only the names that start with it, when the text
    there is ASCII (case-insensitive matching is then plain ASCII case, as in ``lowered``); ``plain``:
    the whole text is ASCII."""
    if lowered is text or word not in index.folded_by_first:
        return index.folded
    if not plain and not text[at : at + index.folded_longest + 1].isascii():
        return index.folded
    source = index.folded_by_first[word]
    return _folded_pattern(source) if source is not None else None


def _alias_starts(text: str, lowered: str, index: ActorIndex, plain: bool = False) -> Iterable[tuple[int, str]]:
    """The words of ``lowered`` (``text`` itself when lower-casing changes its length) that start an
    alias (``plain``: the text is ASCII, and a word counts only before what follows it in an alias)."""
    starts = index.starts_ascii if plain and index.starts_ascii is not None else index.starts
    if starts is not None and lowered is not text:  # (behind a space: see _starts; a match then starts at its word's offset)
        return ((m.start(), m.group()[1:]) for m in starts.finditer(" " + lowered))
    firsts = index.first_words
    return ((w.start(), w.group()) for w in _WORD.finditer(lowered) if w.group() in firsts or (lowered is text and w.group().lower() in firsts))


def _unlisted(text: str) -> ActorMention | None:
    if not any(word in text for word in _UNLISTED_WORDS):  # cheap gate: the scan tries every capitalised word
        return None
    for m in _UNLISTED.finditer(text):
        group = "a" if m.group("a") else "b"
        name = m.group(group)
        if name is None or name.split()[0].lower() in _NOT_ACTORS:
            continue
        return ActorMention(m.start(group), m.end(group), name, name)
    return None


def _with_setting(text: str, lead: tuple[int, int]) -> tuple[int, int]:
    """The headline claim's sentence and the sentence before it in its paragraph, which often sets
    the scene ("On 21 June, JNIM and the army fought at X. 30 soldiers were killed.")."""
    start, end = lead
    paragraph = text.rfind("\n", 0, start) + 1
    if start <= paragraph:
        return lead
    ends = [m.end() for m in _SENTENCE_END.finditer(text, paragraph, start)]
    return (ends[-2] if len(ends) >= 2 else paragraph), end


def article_actor(text: str, mentions: Sequence[ActorMention], lead: tuple[int, int] | None = None) -> str | None:
    """The group the article holds responsible: the strongest tie (claim > attribution > description),
    earliest first; a plain mention only inside ``lead`` (the headline claim's sentence) or the
    sentence before it in its paragraph."""
    setting: tuple[int, int] | None = None
    best: tuple[int, int, str] | None = None
    for i, m in enumerate(mentions):
        if m.name == STATE_FORCES:
            continue
        tie = strength(text, m, mentions[i + 1].char_start if i + 1 < len(mentions) else len(text))
        if tie == 0 and lead is not None:
            setting = setting or _with_setting(text, lead)  # found once, and only when a plain mention needs it
            tie = 1 if setting[0] <= m.char_start < setting[1] else 0
        if tie <= 0:
            continue
        key = (tie, -m.char_start, m.name)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is not None:
        return best[2]
    other = _unlisted(text)
    if other is None:
        return None
    # a listed group there ("blamed on the PKK" in a mention tied to nothing) keeps its canonical name
    listed = next((m.name for m in mentions if m.char_start < other.char_end and other.char_start < m.char_end), None)
    return None if listed == STATE_FORCES else (listed or other.name)
