"""Ingest: files and folders in, ``Article`` or ``Reject`` records out.

Reading from disk happens in :func:`read_inputs`; turning bytes into articles is the pure
:func:`parse_input`. Supported: ``.txt``/``.md`` (optional ``Key: value`` header lines: Title, Source,
URL, Published, Id), ``.html``/``.htm`` (main text and date through trafilatura), ``.json`` (one
object) and ``.jsonl`` (one object a line), each optionally gzipped (``.gz``). Every input ends up as
an article or a reject with a reason; nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.records import Article, PublishedSource, Reject
from etl.stages.extract.dateline import find_published_date

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# Publication dates outside this window are treated as corrupt metadata.
MIN_YEAR, MAX_YEAR = 1900, 2100
# Bytes sniffed for NUL characters to call a file binary.
BINARY_SNIFF = 8192
# Characters removed at ingest: zero-width and bidirectional controls, which break numbers and
# offsets ("1\u200b000"). The stored text is the one every offset points into.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\x00]")
_HEADER = re.compile(r"^(title|source|url|published|date|id):[ \t]*(.*?)[ \t]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class RawInput:
    """The bytes of one input file, already decompressed."""

    name: str
    fmt: str  # one of SUPPORTED
    data: bytes


def _format_of(path: Path) -> tuple[str, bool]:
    suffixes = [s.lower() for s in path.suffixes]
    compressed = bool(suffixes) and suffixes[-1] == ".gz"
    if compressed:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), compressed


def _iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name != "README.md":
                        yield Path(root) / name
        else:
            yield path


def _read_bytes(path: Path, *, compressed: bool, max_bytes: int) -> bytes:
    """Read (and gunzip) at most ``max_bytes``; raise ValueError with a reason code if larger."""
    with path.open("rb") as handle:
        stream = gzip.GzipFile(fileobj=handle) if compressed else handle
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"too_large:more than {max_bytes} bytes (setting max_input_bytes)")
    return data


def read_inputs(paths: Iterable[Path], *, max_bytes: int) -> Iterator[RawInput | Reject]:
    """Walk files and folders in a stable order; yield raw inputs or rejects (I/O lives here)."""
    for path in _iter_files(paths):
        name = str(path)
        fmt, compressed = _format_of(path)
        if fmt not in SUPPORTED:
            yield Reject(name, "unsupported_format", f"suffix {fmt or '(none)'!r}; expected one of {sorted(SUPPORTED)}")
            continue
        try:
            data = _read_bytes(path, compressed=compressed, max_bytes=max_bytes)
        except ValueError as exc:
            code, _, detail = str(exc).partition(":")
            yield Reject(name, code, detail)
        except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
            yield Reject(name, "bad_compression", f"not a valid gzip stream: {exc}")
        except OSError as exc:
            yield Reject(name, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
        else:
            yield RawInput(name, fmt, data)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or ValueError with a reason code."""
    if b"\x00" in data[:BINARY_SNIFF]:
        raise ValueError("binary:contains NUL bytes; not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"encoding:invalid UTF-8 at byte {exc.start}: {exc.reason}") from exc


def clean_text(text: str) -> str:
    """Normalise newlines and drop invisible characters; strip outer white space."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _parse_date(value: Any) -> dt.date:
    """A ``YYYY-MM-DD`` (or ISO timestamp) string to a date, or ValueError."""
    if not isinstance(value, str):
        raise ValueError(f"published must be a string, got {type(value).__name__}")
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise ValueError(f"published {value!r} is not YYYY-MM-DD") from exc
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"published {value!r} is outside {MIN_YEAR}..{MAX_YEAR}")
    return day


def make_article(
    text: str, *, name: str, max_chars: int, meta: dict[str, Any], clean: bool = True
) -> Article | Reject:
    """Build an Article from text and metadata, finding the date in the text if needed.

    ``clean=False`` keeps the text byte for byte (``etl extract``: offsets must index the caller's text).
    """
    if clean:
        text = clean_text(text)
    if not text.strip():
        return Reject(name, "empty", "no text after cleaning")
    if len(text) > max_chars:
        return Reject(name, "too_large", f"{len(text)} characters > max_article_chars {max_chars}")
    published: dt.date | None = None
    source: PublishedSource = "none"
    if meta.get("published") not in (None, ""):
        try:
            published, source = _parse_date(meta["published"]), "metadata"
        except ValueError as exc:
            return Reject(name, "invalid_field", str(exc))
    else:
        found = find_published_date(text)
        if found is not None:
            published, source = found[0], "text"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    strings = {k: (str(meta[k]).strip() or None) if meta.get(k) is not None else None for k in ("title", "source", "url", "id")}
    return Article(
        article_id=sha[:16], text=text, content_sha256=sha, published=published,
        published_source=source, title=strings["title"], source=strings["source"],
        url=strings["url"], external_id=strings["id"], input=name,
    )


def _parse_text(raw: str) -> tuple[str, dict[str, Any]]:
    lines = raw.lstrip("\ufeff").split("\n")
    meta: dict[str, Any] = {}
    index = 0
    while index < len(lines) and (match := _HEADER.match(lines[index].rstrip("\r"))):
        key = match.group(1).lower()
        meta["published" if key == "date" else key] = match.group(2)
        index += 1
    if meta and index < len(lines) and lines[index].strip():
        return raw, {}  # "Title: x" followed by prose is body text, not a header
    return "\n".join(lines[index:]), meta


def _parse_html(raw: str) -> tuple[str, dict[str, Any]]:
    import trafilatura  # heavy import, only when HTML is seen

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_tables=False)
    if doc is None or not getattr(doc, "text", None):
        raise ValueError("no_text:no main text found in the HTML page")
    # trafilatura joins paragraphs with one newline; our segmenter marks paragraphs by blank lines.
    text = re.sub(r"\n+", "\n\n", doc.text)
    meta = {"title": doc.title, "url": doc.url, "source": doc.sitename, "published": doc.date}
    return text, meta


def _json_article(obj: Any, *, name: str, max_chars: int) -> Article | Reject:
    if not isinstance(obj, dict):
        return Reject(name, "invalid_json", f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        return Reject(name, "missing_field", "no 'text' field")
    if not isinstance(text, str):
        return Reject(name, "invalid_field", f"'text' must be a string, got {type(text).__name__}")
    for key in ("id", "title", "url", "source"):
        if obj.get(key) is not None and not isinstance(obj[key], (str, int)):
            return Reject(name, "invalid_field", f"{key!r} must be a string, got {type(obj[key]).__name__}")
    return make_article(text, name=name, max_chars=max_chars, meta=obj)


def _parse_json(raw: RawInput, text: str, *, max_chars: int) -> Iterator[Article | Reject]:
    if raw.fmt == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Reject(raw.name, "invalid_json", f"line {exc.lineno} column {exc.colno}: {exc.msg}")
            return
        items = obj if isinstance(obj, list) else [obj]
        for index, item in enumerate(items):
            name = raw.name if len(items) == 1 else f"{raw.name}[{index}]"
            yield _json_article(item, name=name, max_chars=max_chars)
        return
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        name = f"{raw.name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(name, "invalid_json", f"column {exc.colno}: {exc.msg}")
            continue
        yield _json_article(obj, name=name, max_chars=max_chars)


def parse_input(raw: RawInput, *, max_chars: int) -> Iterator[Article | Reject]:
    """Turn one raw input into articles (several for JSON Lines) or rejects. Pure."""
    try:
        text = _decode(raw.data)
        if raw.fmt in JSON_SUFFIXES:
            yield from _parse_json(raw, text, max_chars=max_chars)
            return
        body, meta = _parse_html(text) if raw.fmt in HTML_SUFFIXES else _parse_text(text)
    except ValueError as exc:
        code, _, detail = str(exc).partition(":")
        yield Reject(raw.name, code, detail)
        return
    yield make_article(body, name=raw.name, max_chars=max_chars, meta=meta)


def ingest(paths: Iterable[Path], *, max_bytes: int, max_chars: int) -> Iterator[Article | Reject]:
    """Every article and reject from the given files and folders, in a stable order."""
    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, Reject):
            yield item
        else:
            yield from parse_input(item, max_chars=max_chars)
