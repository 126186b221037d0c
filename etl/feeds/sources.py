"""The sources file: which feeds to poll, how often, and the limits every request obeys.

A TOML file (documented in ``docs/feeds.md``; example ``sources.example.toml``) with an optional
``[fetch]`` table of limits, an optional ``[defaults]`` table of per-source settings and one
``[[source]]`` table per feed. Everything is checked at load time; every problem is reported with
the line it comes from (TOML syntax errors carry tomllib's line; for a semantic error the line of
the offending key is found in the file text).
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

FetchMode = Literal["page", "feed"]
FETCH_MODES: tuple[FetchMode, ...] = ("page", "feed")
# Default minutes between two polls of one feed (cron may call `etl run --sources` more often).
DEFAULT_POLL_MINUTES = 15.0
# Default new entries fetched per feed per run (a first poll of a large feed is spread over runs).
DEFAULT_MAX_NEW_ENTRIES = 100
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_-]+)\s*\]\s*(#.*)?$")
_ARRAY_TABLE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]\s*(#.*)?$")
_KEY = re.compile(r"""^\s*["']?([A-Za-z0-9_-]+)["']?\s*=""")


class SourcesError(Exception):
    """The sources file cannot be used; ``problems`` lists every error with its line."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(p.render(path) for p in problems))


@dataclass(frozen=True, slots=True)
class Problem:
    line: int | None
    message: str

    def render(self, path: Path) -> str:
        return f"{path}:{self.line}: {self.message}" if self.line else f"{path}: {self.message}"


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchLimits:
    """Limits every HTTP request obeys (table ``[fetch]``). Defaults suit a cron run every few minutes."""

    # Seconds for each network operation (connect, each read, each write).
    timeout_seconds: float = 10.0
    # Wall-clock seconds for one request: all redirects and the whole body (a slow drip is cut here).
    deadline_seconds: float = 30.0
    # Largest body accepted, in bytes after gzip/deflate decoding (a compression bomb stops here).
    max_body_bytes: int = 10_000_000
    max_redirects: int = 5
    # Retries after a network error, a timeout, HTTP 429 or 5xx; waits backoff * 2**attempt seconds.
    retries: int = 2
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 30.0
    # Minimum seconds between two requests to the same host (robots.txt Crawl-delay may raise it).
    host_interval_seconds: float = 1.0
    # Failures in a row (network errors, deadlines) after which a host is left alone for the rest of the run.
    host_failures: int = 3
    # Wall-clock seconds one run may spend fetching; what is left waits for the next run (cron runs must not pile up).
    run_budget_seconds: float = 600.0
    # None: "etl/<version> (+https://example.org/etl)".
    user_agent: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedSource:
    """One feed to poll (table ``[[source]]``)."""

    url: str
    # The articles' `source`; None: the feed's own title, else the URL's host.
    name: str | None = None
    line: int | None = None
    language: str | None = None
    poll_minutes: float = DEFAULT_POLL_MINUTES
    # "page": fetch each entry's link and extract its main text; "feed": use the feed's own text.
    fetch: FetchMode = "page"
    # New entries taken from one answer of the feed; the rest are taken by the next runs.
    max_new_entries: int = DEFAULT_MAX_NEW_ENTRIES
    include: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    enabled: bool = True

    @property
    def label(self) -> str:
        """How messages name this source."""
        return self.name or urlsplit(self.url).hostname or self.url

    def wants(self, *, title: str | None, url: str | None) -> bool:
        """Entry filter: some include pattern (if any) and no exclude pattern matches title or URL."""
        fields = [f for f in (title, url) if f]
        if self.include and not any(p.search(f) for p in self.include for f in fields):
            return False
        return not any(p.search(f) for p in self.exclude for f in fields)


@dataclass(frozen=True, slots=True)
class SourcesFile:
    path: Path
    sources: tuple[FeedSource, ...]
    limits: FetchLimits


# Keys accepted in [[source]] and [defaults] (defaults: all but name and url), with their types.
_SOURCE_KEYS: dict[str, tuple[type, ...]] = {
    "name": (str,), "url": (str,), "language": (str,), "poll_minutes": (int, float),
    "fetch": (str,), "include": (str, list), "exclude": (str, list), "enabled": (bool,), "max_new_entries": (int,),
}
_DEFAULT_KEYS = {k: v for k, v in _SOURCE_KEYS.items() if k not in ("name", "url")}
_LIMIT_KEYS: dict[str, tuple[type, ...]] = {
    f.name: ((str,) if f.name == "user_agent" else (int,) if f.type == "int" else (int, float))
    for f in dataclasses.fields(FetchLimits)
}


class _Lines:
    """Where each table and key sits in the file text, for messages on semantic errors."""

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[str, int, str], int] = {}
        self.tables: dict[tuple[str, int], int] = {}
        table, index = "", 0
        counts: dict[str, int] = {}
        for lineno, line in enumerate(text.splitlines(), start=1):
            if match := _ARRAY_TABLE.match(line):
                table = match.group(1)
                index = counts[table] = counts.get(table, -1) + 1
                self.tables[(table, index)] = lineno
            elif match := _TABLE.match(line):
                table, index = match.group(1), 0
                self.tables[(table, 0)] = lineno
            elif match := _KEY.match(line):
                self.keys.setdefault((table, index, match.group(1)), lineno)

    def of(self, table: str, index: int = 0, key: str | None = None) -> int | None:
        if key is not None and (table, index, key) in self.keys:
            return self.keys[(table, index, key)]
        return self.tables.get((table, index))


def check_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched, or None when it is an absolute http(s) URL."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"not a valid URL: {exc}"
    if parts.scheme not in ("http", "https"):
        return f"URL must start with http:// or https://, got {url!r}"
    if not parts.hostname:
        return f"URL has no host: {url!r}"
    return None


def _typed(table: dict[str, Any], allowed: dict[str, tuple[type, ...]], where: str, loc: Any) -> list[Problem]:
    problems = []
    for key, value in table.items():
        if key not in allowed:
            problems.append(Problem(loc(key), f"{where}: unknown key {key!r} (known: {', '.join(sorted(allowed))})"))
        elif isinstance(value, bool) and bool not in allowed[key] or not isinstance(value, allowed[key]):
            names = " or ".join("list of strings" if t is list else t.__name__ for t in allowed[key])
            problems.append(Problem(loc(key), f"{where}: {key} must be {names}, got {value!r}"))
    return problems


def _patterns(value: Any, key: str, where: str, line: int | None, problems: list[Problem]) -> tuple[re.Pattern[str], ...]:
    items = [value] if isinstance(value, str) else value
    compiled = []
    for item in items:
        if not isinstance(item, str):
            problems.append(Problem(line, f"{where}: {key} must hold strings, got {item!r}"))
            continue
        try:
            compiled.append(re.compile(item))
        except re.error as exc:
            problems.append(Problem(line, f"{where}: {key} pattern {item!r} is not a valid regular expression: {exc}"))
    return tuple(compiled)


def _settings(values: dict[str, Any], where: str, loc: Any, problems: list[Problem]) -> dict[str, Any]:
    """Check the shared per-source settings and convert them to FeedSource fields."""
    out: dict[str, Any] = {}
    if "language" in values:
        if not _LANGUAGE.match(values["language"]):
            problems.append(Problem(loc("language"), f"{where}: language must be a code such as 'en' or 'pt-BR', got {values['language']!r}"))
        out["language"] = values["language"]
    if "poll_minutes" in values:
        if values["poll_minutes"] < 0:
            problems.append(Problem(loc("poll_minutes"), f"{where}: poll_minutes must be 0 or more, got {values['poll_minutes']!r}"))
        out["poll_minutes"] = float(values["poll_minutes"])
    if "fetch" in values:
        if values["fetch"] not in FETCH_MODES:
            problems.append(Problem(loc("fetch"), f"{where}: fetch must be 'page' or 'feed', got {values['fetch']!r}"))
        out["fetch"] = values["fetch"]
    for key in ("include", "exclude"):
        if key in values:
            out[key] = _patterns(values[key], key, where, loc(key), problems)
    if "max_new_entries" in values:
        if values["max_new_entries"] < 1:
            problems.append(Problem(loc("max_new_entries"), f"{where}: max_new_entries must be at least 1, got {values['max_new_entries']!r}"))
        out["max_new_entries"] = values["max_new_entries"]
    if "enabled" in values:
        out["enabled"] = values["enabled"]
    return out


def _source(raw: Any, index: int, defaults: dict[str, Any], lines: _Lines, problems: list[Problem]) -> FeedSource | None:
    where = f"source #{index + 1}"
    header = lines.of("source", index)
    if not isinstance(raw, dict):
        problems.append(Problem(header, f"{where}: must be a table ([[source]])"))
        return None
    def loc(key: str) -> int | None:
        return lines.of("source", index, key)
    found = _typed(raw, _SOURCE_KEYS, where, loc)
    problems += found
    if found:
        return None
    if "url" not in raw:
        problems.append(Problem(header, f"{where}: missing required key 'url'"))
        return None
    if (why := check_url(raw["url"])) is not None:
        problems.append(Problem(loc("url"), f"{where}: {why}"))
        return None
    return FeedSource(name=raw.get("name") or None, url=raw["url"], line=header, **{**defaults, **_settings(raw, where, loc, problems)})


def _duplicates(sources: list[FeedSource], lines: _Lines, problems: list[Problem]) -> None:
    for key in ("url", "name"):
        seen: dict[str, int] = {}
        for index, source in enumerate(sources):
            value = getattr(source, key)
            if value is None:
                continue
            if value in seen:
                problems.append(Problem(source.line, f"source #{index + 1}: same {key} as source #{seen[value] + 1}: {value!r}"))
            seen.setdefault(value, index)


def parse_sources(text: str, *, path: Path) -> SourcesFile:
    """Parse and check a sources file's text; raise SourcesError listing every problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise SourcesError(path, [Problem(int(match.group(1)) if match else None, f"invalid TOML: {exc}")]) from exc
    lines = _Lines(text)
    problems: list[Problem] = []
    for key in raw:
        if key not in ("fetch", "defaults", "source"):
            problems.append(Problem(lines.of("", 0, key) or lines.of(key), f"unknown table or key {key!r} (known: [fetch], [defaults], [[source]])"))
    limits = FetchLimits()
    fetch = raw.get("fetch", {})
    if isinstance(fetch, dict) and not (found := _typed(fetch, _LIMIT_KEYS, "[fetch]", lambda k: lines.of("fetch", 0, k))):
        limits = _limits(fetch, lines, problems)
    elif isinstance(fetch, dict):
        problems += found
    defaults_raw = raw.get("defaults", {})
    defaults: dict[str, Any] = {}
    if isinstance(defaults_raw, dict):
        def dloc(key: str) -> int | None:
            return lines.of("defaults", 0, key)
        found = _typed(defaults_raw, _DEFAULT_KEYS, "[defaults]", dloc)
        problems += found
        defaults = {} if found else _settings(defaults_raw, "[defaults]", dloc, problems)
    entries = raw.get("source", [])
    if not isinstance(entries, list) or not entries:
        problems.append(Problem(None, "no feeds: add at least one [[source]] table with a url"))
        entries = entries if isinstance(entries, list) else []
    sources = [s for i, r in enumerate(entries) if (s := _source(r, i, defaults, lines, problems)) is not None]
    _duplicates(sources, lines, problems)
    if problems:
        raise SourcesError(path, sorted(problems, key=lambda p: p.line or 0))
    return SourcesFile(path, tuple(sources), limits)


def _limits(values: dict[str, Any], lines: _Lines, problems: list[Problem]) -> FetchLimits:
    for key, value in values.items():
        positive = key in ("max_body_bytes", "timeout_seconds", "deadline_seconds", "host_failures", "run_budget_seconds")
        if key != "user_agent" and (value <= 0 if positive else value < 0):
            bound = "more than 0" if positive else "0 or more"
            problems.append(Problem(lines.of("fetch", 0, key), f"[fetch]: {key} must be {bound}, got {value!r}"))
    if problems:
        return FetchLimits()
    floats = {k: float(v) if isinstance(v, int) and _LIMIT_KEYS[k] == (int, float) else v for k, v in values.items()}
    return FetchLimits(**floats)  # type: ignore[arg-type]  # types checked by _typed


def load_sources(path: Path) -> SourcesFile:
    """Read and check a sources file; raise SourcesError (with lines) when it cannot be used."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(path, [Problem(None, f"cannot read: {exc}")]) from exc
    return parse_sources(text, path=path)
