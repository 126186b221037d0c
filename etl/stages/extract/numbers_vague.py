"""Vague counts ("dozens", "several", "hundreds of thousands") and the policy that bounds them."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from etl.stages.extract.numwords import trie_pattern

DEFAULT_POLICY_PATH = Path(__file__).resolve().parents[2] / "data" / "vague_numbers.toml"
_WHITESPACE = re.compile(r"\s+")


class VaguePolicyError(ValueError):
    """The vague-number policy file is unreadable or inconsistent."""


@dataclass(frozen=True, slots=True)
class VagueEntry:
    phrase: str
    value: float
    low: float
    high: float | None
    followed_by_of: bool = False


@dataclass(frozen=True, slots=True)
class VaguePolicy:
    """Phrase -> bounds. The pattern, key words and phrase table are built once, with the policy
    (a cache keyed on the policy would hash every entry on each call)."""

    entries: tuple[VagueEntry, ...]
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)
    keys: tuple[str, ...] = field(init=False, repr=False, compare=False)
    by_phrase: dict[str, VagueEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_phrase: dict[str, VagueEntry] = {}
        for entry in self.entries:
            by_phrase.setdefault(entry.phrase, entry)  # the first entry wins, as in a linear search
        object.__setattr__(self, "pattern", _compile(self.entries))
        object.__setattr__(self, "keys", _key_words(self.entries))
        object.__setattr__(self, "by_phrase", by_phrase)

    def lookup(self, phrase: str) -> VagueEntry | None:
        return self.by_phrase.get(_WHITESPACE.sub(" ", phrase.lower()))


def _entry(phrase: str, row: dict[str, object]) -> VagueEntry:
    try:
        value = float(row["value"])  # type: ignore[arg-type]
        low = float(row.get("low", value))  # type: ignore[arg-type]
        high_raw = row.get("high")
        high = None if high_raw is None else float(high_raw)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError) as exc:
        raise VaguePolicyError(f"vague phrase {phrase!r}: needs numeric value/low/high") from exc
    if low > value or (high is not None and value > high):
        raise VaguePolicyError(f"vague phrase {phrase!r}: needs low <= value <= high")
    return VagueEntry(phrase.lower().strip(), value, low, high, bool(row.get("followed_by_of", False)))


def _read(path: Path) -> dict[str, VagueEntry]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise VaguePolicyError(f"cannot read vague-number policy {path}: {exc}") from exc
    phrases = data.get("phrases", {})
    if not isinstance(phrases, dict):
        raise VaguePolicyError(f"{path}: [phrases] must be a table")
    return {k.lower().strip(): _entry(k, v) for k, v in phrases.items()}


def load_vague_policy(path: Path | None = None) -> VaguePolicy:
    """The default policy (ACLED convention), with the phrases of ``path`` added or replaced."""
    entries = _read(DEFAULT_POLICY_PATH)
    if path is not None:
        entries.update(_read(Path(path)))
    return VaguePolicy(tuple(entries.values()))


def vague_pattern(policy: VaguePolicy) -> re.Pattern[str]:
    """One pattern for every phrase of the policy, longest first."""
    return policy.pattern


def _compile(entries: tuple[VagueEntry, ...]) -> re.Pattern[str]:
    plain = _cased(e.phrase for e in entries if not e.followed_by_of)
    with_of = _cased(e.phrase for e in entries if e.followed_by_of)
    parts = []
    if plain:
        parts.append(f"(?:{trie_pattern(plain)})(?![\\w-])")
    if with_of:
        parts.append(f"(?:{trie_pattern(with_of)})(?=\\s+(?:of|Of|OF)\\b)")
    # The pattern starts by consuming the character before the phrase (not a word character or a
    # hyphen), so the engine skips at C speed to separators; search ``" " + text`` and subtract
    # one from offsets (see :func:`find_vague`). It is case-sensitive over the cased forms
    # (re.IGNORECASE made the scan 2-3x slower).
    first = "".join(sorted({re.escape(p[0]) for p in plain | with_of}))
    return re.compile(rf"[^\w-](?=[{first}])(?:" + "|".join(parts) + ")")


def _key_words(entries: tuple[VagueEntry, ...]) -> tuple[str, ...]:
    """One word of each phrase that a text must contain for the phrase to occur: its first word,
    or its second after "a"/"an" ("a few" -> "few")."""
    keys = set()
    for entry in entries:
        words = entry.phrase.split()
        keys.add(words[1] if words[0] in ("a", "an") and len(words) > 1 else words[0])
    return tuple(sorted(keys))


def _word_before(text: str, i: int) -> int:
    """Start of the word before position ``i`` (across whitespace), or -1."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return k if k < j < i else -1


def find_vague(text: str, policy: VaguePolicy) -> list[tuple[int, int]]:
    """Spans of the policy's phrases in ``text``, left to right, not overlapping.

    The key words are found with ``str.find`` (much faster than a regex scan of every position);
    the pattern is then tried only where a phrase holding one could start.
    """
    low = text.lower()
    pattern = policy.pattern
    padded = " " + text
    if len(low) != len(text):  # lower() changed the length (rare letters): scan the whole text
        return [(m.start(), m.end() - 1) for m in pattern.finditer(padded)]
    starts: set[int] = set()
    for key in policy.keys:
        i = low.find(key)
        while i != -1:
            starts.update((i, _word_before(text, i)))
            i = low.find(key, i + 1)
    spans: list[tuple[int, int]] = []
    for start in sorted(starts):
        if start >= 0 and (not spans or start >= spans[-1][1]):
            m = pattern.match(padded, start)  # padded[start] is the character before the phrase
            if m is not None:
                spans.append((start, m.end() - 1))
    return spans


def _cased(phrases: Iterable[str]) -> set[str]:
    """Lower case, sentence case, title case and upper case forms of each phrase."""
    return {form for p in phrases for form in (p, p[:1].upper() + p[1:], p.title(), p.upper())}


DEFAULT_POLICY = load_vague_policy()
