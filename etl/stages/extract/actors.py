"""Name the group behind an event: a shipped, user-extensible actor list plus claim patterns.

``etl/data/actors.toml`` maps aliases ("ISKP", "IS-K", "Islamic State Khorasan") to one canonical
name. A user file of the same shape adds actors, and an entry with the same canonical name replaces
the shipped one. All aliases are compiled into two alternations (acronyms case-sensitively, names
case-insensitively), longest first, so one scan finds every mention.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ACTORS_PATH = Path(__file__).resolve().parents[2] / "data" / "actors.toml"

# An alias this short and without spaces is an acronym-like token (ISKP, LeT, M23): exact case.
_ACRONYM_MAX_LEN = 6
# How far (characters) a claim cue may sit from the actor it names; set on hand-written cases.
_CLAIM_WINDOW = 160

_CLAIM = re.compile(
    r"claim(?:ed|s|ing)?\s+(?:the\s+)?responsibility|responsibility\s+(?:was|has been)\s+claimed"
    r"|claimed\s+(?:the|that|this)\s+(?:attack|bombing|killing|assault|ambush|blast)s?"
    r"|blam(?:ed|es|ing)|attributed\s+to|carried\s+out\s+by|perpetrated\s+by|(?:attack|ambush|raid|assault)(?:ed)?\s+by"
    r"|(?:was|were|is|are)\s+(?:behind|responsible)|suspected\s+(?:of|to be)|accused",
    re.IGNORECASE,
)
# An unlisted group named by a claim: "the Freedom Front claimed responsibility", "blamed on the X".
_UNLISTED = re.compile(
    r"(?:\b(?:the\s+)?(?P<a>(?:[A-Z][\w'’-]+\s+){0,4}[A-Z][\w'’-]+)\s+(?:group\s+|militants\s+)?(?:has\s+|have\s+|had\s+)?claimed\s+(?:the\s+)?responsibility)"
    r"|(?:(?:blamed\s+on|claimed\s+by|carried\s+out\s+by)\s+(?:the\s+)?(?P<b>(?:[A-Z][\w'’-]+\s+){0,4}[A-Z][\w'’-]+))"
)
_NOT_ACTORS = frozenset(
    "no nobody none it he she they police officials authorities government security army military the"
    " a an this that group militants".split()
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    char_start: int
    char_end: int
    surface: str
    name: str


@dataclass(frozen=True, slots=True)
class ActorIndex:
    exact: re.Pattern[str] | None
    folded: re.Pattern[str] | None
    by_alias: dict[str, str]  # exact alias and lower-cased alias -> canonical name
    home: dict[str, str]  # canonical name -> ISO alpha-3 country where the group operates


def _read(path: Path) -> list[dict[str, object]]:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    entries = data.get("actor", [])
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("name"), str)]


def _alternation(aliases: Iterable[str], flags: int) -> re.Pattern[str] | None:
    ordered = sorted(set(aliases), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(re.escape(a) for a in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def load_actors(paths: Sequence[Path] = (ACTORS_PATH,)) -> ActorIndex:
    """Merge actor files in order; a later entry with the same canonical name replaces an earlier one."""
    merged: dict[str, list[str]] = {}
    home: dict[str, str] = {}
    for path in paths:
        for entry in _read(path):
            name = str(entry["name"])
            home.pop(name, None)
            if isinstance(entry.get("country"), str):
                home[name] = str(entry["country"])
            aliases = entry.get("aliases", [])
            merged[name] = [name] + [str(a) for a in aliases] if isinstance(aliases, list) else [name]
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
    return ActorIndex(_alternation(exact, 0), _alternation(folded, re.IGNORECASE), by_alias, home)


def find_actors(text: str, index: ActorIndex) -> list[ActorMention]:
    """Every listed actor mentioned in ``text``, in text order, overlapping matches dropped."""
    found: list[ActorMention] = []
    for pattern, fold in ((index.folded, True), (index.exact, False)):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            name = index.by_alias.get(m.group().lower() if fold else m.group())
            if name is not None:
                found.append(ActorMention(m.start(), m.end(), m.group(), name))
    found.sort(key=lambda a: (a.char_start, -a.char_end))
    out: list[ActorMention] = []
    for mention in found:
        if out and mention.char_start < out[-1].char_end:
            continue
        out.append(mention)
    return out


def _unlisted(text: str) -> ActorMention | None:
    for m in _UNLISTED.finditer(text):
        group = "a" if m.group("a") else "b"
        name = m.group(group)
        if name is None or name.split()[0].lower() in _NOT_ACTORS:
            continue
        return ActorMention(m.start(group), m.end(group), name, name)
    return None


def claimed_actor(text: str, mentions: Sequence[ActorMention]) -> str | None:
    """The actor a claim or blame cue points at ("X claimed responsibility", "blamed on X")."""
    cues = [m.start() for m in _CLAIM.finditer(text)]
    if not cues:
        return None
    best: tuple[int, str] | None = None
    for mention in mentions:
        distance = min(abs(mention.char_start - c) for c in cues)
        if distance <= _CLAIM_WINDOW and (best is None or distance < best[0]):
            best = (distance, mention.name)
    if best is not None:
        return best[1]
    other = _unlisted(text)
    return other.name if other else None
