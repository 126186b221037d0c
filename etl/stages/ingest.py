"""Ingest: files and folders in, ``Article`` or ``Reject`` records out.

Reading from disk happens in :func:`read_inputs`; turning bytes into articles is the pure
:func:`parse_input`. Supported: ``.txt``/``.md`` (optional ``Key: value`` header lines: Title, Source,
URL, Published, Id), ``.html``/``.htm`` (main text and date through trafilatura), ``.json`` (one
object) and ``.jsonl`` (one object a line), each optionally gzipped (``.gz``). Every input ends up as
an article or a reject with a reason; nothing is dropped silently (hidden files and ``README.md``
files inside a folder are not inputs).

Reject reasons: ``unreadable`` (dangling or looping links, links to folders inside a folder, FIFOs,
sockets and devices, which are never opened, folders that cannot be listed, I/O errors),
``unsupported_format``, ``too_large`` (``max_input_bytes``, checked on the size before opening and
while decompressing; ``max_article_chars``), ``bad_compression``, ``binary``, ``encoding`` (also per
JSON line, and for unpaired surrogates), ``empty``, ``invalid_json``, ``missing_field``,
``invalid_field`` and ``no_text`` (HTML without main text).
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import hashlib
import html
import json
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from etl.records import Article, PublishedSource, Reject
from etl.stages.extract.dateline import find_published_date

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_LINES_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"}) | JSON_LINES_SUFFIXES
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# Publication dates outside this window are treated as corrupt metadata.
MIN_YEAR, MAX_YEAR = 1900, 2100
# Bytes sniffed for NUL characters to call a file binary.
BINARY_SNIFF = 8192
# Characters removed at ingest: zero-width and bidirectional controls, which break numbers and
# offsets ("1\u200b000"). The stored text is the one every offset points into.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069\x00]")
_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.IGNORECASE)
# An outlet named in a page title is a few words ("The Northern Standard"), not a clause.
MAX_OUTLET_WORDS = 5
_HEADER = re.compile(r"^(title|source|url|published|date|id):[ \t]*(.*?)[ \t]*$", re.IGNORECASE)
# Unpaired UTF-16 surrogates (from JSON escapes such as "\ud800"): not encodable, so not storable.
_SURROGATE = re.compile("[\ud800-\udfff]")
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_WIDE_BOMS = (*_UTF32_BOMS, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Characters of a library's error message kept in a reject's detail.
DETAIL_CHARS = 200


class Refused(Exception):
    """An input that cannot become an article: a reason code and a human detail (becomes a Reject)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


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


def _iter_files(paths: Iterable[Path]) -> Iterator[Path | Reject]:
    """Files below the given paths in a stable order; links to folders are yielded, not followed.

    A sub-folder that cannot be listed becomes a reject instead of vanishing.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        errors: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            yield from _listing_rejects(errors)
            links = {d for d in dirs if os.path.islink(os.path.join(root, d))}
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in links)
            for name in sorted([*files, *links]):
                if not name.startswith(".") and name != "README.md":
                    yield Path(root) / name
        yield from _listing_rejects(errors)


def _listing_rejects(errors: list[OSError]) -> Iterator[Reject]:
    while errors:
        exc = errors.pop(0)
        yield Reject(display_name(exc.filename or "?"), "unreadable", f"cannot list folder: {exc.strerror or exc}")


def display_name(path: Path | str) -> str:
    """The path as text that can always be stored: undecodable file-name bytes become ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _regular_size(path: Path) -> int:
    """The size of a regular file; refuse what must not be opened (folders, FIFOs, devices) before reading."""
    info = path.stat()  # follows links: dangling links and link loops raise OSError here
    if stat.S_ISDIR(info.st_mode):
        raise Refused("unreadable", "a symbolic link to a folder; links to folders inside a folder are not followed")
    if not stat.S_ISREG(info.st_mode):
        raise Refused("unreadable", "not a regular file (FIFO, socket or device)")
    return info.st_size


def _read_bytes(path: Path, *, compressed: bool, max_bytes: int) -> bytes:
    """Read (and gunzip) at most ``max_bytes``; refuse the file as too large if it holds more.

    The size of a plain file is checked before it is opened, so an oversized file costs nothing.
    """
    if not compressed and (size := path.stat().st_size) > max_bytes:
        raise Refused("too_large", f"{size} bytes > {max_bytes} (setting max_input_bytes)")
    with path.open("rb") as handle:
        stream = gzip.GzipFile(fileobj=handle) if compressed else handle
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Refused("too_large", f"more than {max_bytes} bytes after decompression (setting max_input_bytes)")
    return data


def _read_one(path: Path, name: str, *, max_bytes: int) -> RawInput | Reject:
    fmt, compressed = _format_of(path)
    try:
        _regular_size(path)
        if fmt not in SUPPORTED:
            return Reject(name, "unsupported_format", f"suffix {fmt or '(none)'!r}; expected one of {sorted(SUPPORTED)}")
        return RawInput(name, fmt, _read_bytes(path, compressed=compressed, max_bytes=max_bytes))
    except Refused as exc:
        return Reject(name, exc.reason, exc.detail)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        return Reject(name, "bad_compression", f"not a valid gzip stream: {exc}")
    except OSError as exc:
        return Reject(name, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")


def read_inputs(paths: Iterable[Path], *, max_bytes: int) -> Iterator[RawInput | Reject]:
    """Walk files and folders in a stable order; yield raw inputs or rejects (I/O lives here)."""
    for path in _iter_files(paths):
        yield path if isinstance(path, Reject) else _read_one(path, display_name(path), max_bytes=max_bytes)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16/32 with a BOM; refused as binary or badly encoded."""
    try:
        if data.startswith(_WIDE_BOMS):
            return data.decode("utf-32" if data.startswith(_UTF32_BOMS) else "utf-16")
        if b"\x00" in data[:BINARY_SNIFF]:
            raise Refused("binary", "contains NUL bytes; not a text file")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused("encoding", f"invalid {exc.encoding} at byte {exc.start}: {exc.reason}") from exc


def clean_text(text: str) -> str:
    """Normalise newlines and drop invisible characters; strip outer white space."""
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _parse_date(value: Any) -> dt.date:
    """A publication date from metadata: ISO (``YYYY-MM-DD`` or a timestamp), else a written full
    date ("March 3, 2024", "Sun, 03 Mar 2024 10:00:00 GMT", "03.03.2024") read by dateparser;
    ValueError when it is neither or lies outside the plausible window."""
    if not isinstance(value, str):
        raise ValueError(f"published must be a string, got {type(value).__name__}")
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        parsed = _written_date(value.strip()[:80])
        if parsed is None:
            raise ValueError(f"published {value!r} is not a full date (YYYY-MM-DD or day, month and year)") from None
        day = parsed
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"published {value!r} is outside {MIN_YEAR}..{MAX_YEAR}")
    return day


# dateparser must find day, month and year in the string itself: nothing is filled in from today.
_DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False}
_FOUR_DIGITS = re.compile(r"\d{4}")


@lru_cache(maxsize=4096)
def _written_date(value: str) -> dt.date | None:
    if not _FOUR_DIGITS.search(value):  # a year must be written: "yesterday", "3 March" are not dates here
        return None
    import dateparser  # first call is slow; only metadata that is not ISO gets here

    parsed = dateparser.parse(value, languages=["en"], settings=_DATEPARSER_SETTINGS)  # type: ignore[arg-type]
    return parsed.date() if parsed is not None else None


def _published(text: str, meta: dict[str, Any]) -> tuple[dt.date | None, PublishedSource]:
    """The publication date from metadata (ValueError if invalid), else from a dateline in the text."""
    if meta.get("published") not in (None, ""):
        return _parse_date(meta["published"]), "metadata"
    found = find_published_date(text)
    if found is not None and MIN_YEAR <= found[0].year <= MAX_YEAR:
        return found[0], "text"
    return None, "none"


def _meta_strings(meta: dict[str, Any]) -> dict[str, str | None]:
    return {k: (str(meta[k]).strip() or None) if meta.get(k) is not None else None for k in ("title", "source", "url", "id")}


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
    strings = _meta_strings(meta)
    for key, value in [("text", text), *strings.items()]:
        if value is not None and _SURROGATE.search(value):
            return Reject(name, "encoding", f"{key!r} holds an unpaired surrogate (\\ud800-\\udfff escape); not valid Unicode")
    try:
        published, source = _published(text, meta)
    except ValueError as exc:
        return Reject(name, "invalid_field", str(exc))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
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

    try:
        doc: Any = trafilatura.bare_extraction(raw, with_metadata=True, include_tables=False)
    except (ValueError, RecursionError, LookupError) as exc:  # lxml and trafilatura on hostile markup
        raise Refused("no_text", f"the HTML page could not be parsed: {type(exc).__name__}: {exc}") from exc
    if doc is None or not getattr(doc, "text", None):
        raise Refused("no_text", "no main text found in the HTML page")
    # trafilatura joins paragraphs with one newline; our segmenter marks paragraphs by blank lines.
    text = re.sub(r"\n+", "\n\n", doc.text)
    try:  # the page's date is trafilatura's guess: a bad guess is dropped, not the article
        published = _parse_date(doc.date).isoformat() if doc.date else None
    except ValueError:
        published = None
    meta = {"title": doc.title, "url": doc.url, "source": doc.sitename or _title_outlet(raw), "published": published}
    return text, meta


def _title_outlet(raw: str) -> str | None:
    """The outlet named after the headline in <title> ("Headline | The Daily"), when the page has
    no site-name metadata; a short last segment after ' | ' or ' - ' only."""
    match = _TITLE.search(raw[:20_000])
    if match is None:
        return None
    parts = re.split(r"\s+[|–—-]\s+", html.unescape(match.group(1)).strip())
    outlet = parts[-1].strip() if len(parts) > 1 else ""
    return outlet if 0 < len(outlet.split()) <= MAX_OUTLET_WORDS else None


def _json_article(obj: Any, *, name: str, max_chars: int) -> Article | Reject:
    if not isinstance(obj, dict):
        return Reject(name, "invalid_json", f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        return Reject(name, "missing_field", "no 'text' field")
    if not isinstance(text, str):
        return Reject(name, "invalid_field", f"'text' must be a string, got {type(text).__name__}")
    for key in ("id", "title", "url", "source"):
        if obj.get(key) is not None and (isinstance(obj[key], bool) or not isinstance(obj[key], (str, int))):
            return Reject(name, "invalid_field", f"{key!r} must be a string, got {type(obj[key]).__name__}")
    return make_article(text, name=name, max_chars=max_chars, meta=obj)


def _loads(text: str) -> Any:
    """json.loads, with every way hostile JSON can fail turned into a refusal."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused("invalid_json", f"line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise Refused("invalid_json", "nested too deeply") from exc
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise Refused("invalid_json", str(exc)[:DETAIL_CHARS]) from exc


def _parse_json(raw: RawInput, *, max_chars: int) -> Iterator[Article | Reject]:
    obj = _loads(_decode(raw.data))
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        raise Refused("empty", "the JSON array holds no articles")
    for index, item in enumerate(items):
        name = raw.name if len(items) == 1 else f"{raw.name}[{index}]"
        yield _json_article(item, name=name, max_chars=max_chars)


def _json_lines(data: bytes) -> Iterator[tuple[int, str | UnicodeDecodeError]]:
    """(line number, text or decoding error) of the non-blank lines: one bad line does not lose the file."""
    if data.startswith(_WIDE_BOMS):
        lines: Iterable[str | bytes] = _decode(data).split("\n")
    elif b"\x00" in data[:BINARY_SNIFF]:
        raise Refused("binary", "contains NUL bytes; not a text file")
    else:
        lines = data.removeprefix(codecs.BOM_UTF8).split(b"\n")
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield lineno, line if isinstance(line, str) else line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield lineno, exc


def _parse_json_lines(raw: RawInput, *, max_chars: int) -> Iterator[Article | Reject]:
    seen = 0
    for lineno, line in _json_lines(raw.data):
        seen += 1
        name = f"{raw.name}:{lineno}"
        if isinstance(line, UnicodeDecodeError):
            yield Reject(name, "encoding", f"invalid UTF-8 at byte {line.start} of the line: {line.reason}")
            continue
        try:
            obj = _loads(line)
        except Refused as exc:
            yield Reject(name, exc.reason, exc.detail)
            continue
        yield _json_article(obj, name=name, max_chars=max_chars)
    if not seen:
        raise Refused("empty", "no JSON lines")


def parse_input(raw: RawInput, *, max_chars: int) -> Iterator[Article | Reject]:
    """Turn one raw input into articles (several for JSON Lines) or rejects. Pure."""
    try:
        if raw.fmt in JSON_LINES_SUFFIXES:
            yield from _parse_json_lines(raw, max_chars=max_chars)
            return
        if raw.fmt in JSON_SUFFIXES:
            yield from _parse_json(raw, max_chars=max_chars)
            return
        text = _decode(raw.data)
        body, meta = _parse_html(text) if raw.fmt in HTML_SUFFIXES else _parse_text(text)
    except Refused as exc:
        yield Reject(raw.name, exc.reason, exc.detail)
        return
    yield make_article(body, name=raw.name, max_chars=max_chars, meta=meta)


def ingest(paths: Iterable[Path], *, max_bytes: int, max_chars: int) -> Iterator[Article | Reject]:
    """Every article and reject from the given files and folders, in a stable order."""
    for item in read_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, Reject):
            yield item
        else:
            yield from parse_input(item, max_chars=max_chars)
