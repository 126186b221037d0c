"""Feed documents to entries: RSS 2.0 / RSS 1.0 / Atom through feedparser, JSON Feed by hand.

feedparser 6.0 does not read JSON Feed (https://jsonfeed.org/version/1.1), so a body that is a
JSON object is read here. Pure: bytes in, a :class:`ParsedFeed` out, or :class:`FeedParseError`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser

from etl.feeds.documents import media_type


class FeedParseError(Exception):
    """The body is not a feed we can read."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str  # GUID, else link, else a hash of title and content: how "already seen" is decided
    link: str | None
    title: str | None
    published: str | None  # YYYY-MM-DD (UTC), from the entry's published or updated date
    content: str  # the entry's full content, else its summary ('' when neither)
    content_type: str  # text/html or text/plain


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    entries: tuple[FeedEntry, ...]


def _key(guid: Any, link: str | None, title: str | None, content: str) -> str:
    if isinstance(guid, (str, int)) and str(guid).strip():
        return str(guid).strip()
    if link:
        return link
    return "sha256:" + hashlib.sha256(f"{title}\0{content}".encode()).hexdigest()


def _struct_day(value: Any) -> str | None:
    if isinstance(value, time.struct_time) and 1900 <= value.tm_year <= 2100:
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def _rfc3339_day(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.date().isoformat() if 1900 <= when.year <= 2100 else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _xml_entry(entry: Any, base_url: str) -> FeedEntry:
    link = _text(entry.get("link"))
    link = urljoin(base_url, link) if link else None
    title = _text(entry.get("title"))
    contents = entry.get("content") or []
    best = contents[0] if contents else entry.get("summary_detail") or {}
    content = best.get("value") or entry.get("summary") or ""
    kind = "text/plain" if best.get("type") == "text/plain" else "text/html"
    published = _struct_day(entry.get("published_parsed")) or _struct_day(entry.get("updated_parsed"))
    return FeedEntry(_key(entry.get("id"), link, title, content), link, title, published, content, kind)


def _parse_xml(body: bytes, *, content_type: str | None, base_url: str) -> ParsedFeed:
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        kind, _ = media_type(content_type)
        why = f": {problem}" if problem else ""
        raise FeedParseError(f"not an RSS, Atom or JSON feed (content type {kind or 'none'}){why}")
    title = _text(parsed.feed.get("title"))
    return ParsedFeed(title, tuple(_xml_entry(e, base_url) for e in parsed.entries))


def _json_entry(item: Any, base_url: str) -> FeedEntry | None:
    if not isinstance(item, dict):
        return None
    link = _text(item.get("url")) or _text(item.get("external_url"))
    link = urljoin(base_url, link) if link else None
    title = _text(item.get("title"))
    html, plain = item.get("content_html"), item.get("content_text")
    content, kind = (html, "text/html") if isinstance(html, str) and html.strip() else ("", "text/html")
    if not content and isinstance(plain, str):
        content, kind = plain, "text/plain"
    if not content and isinstance(item.get("summary"), str):
        content, kind = item["summary"], "text/plain"
    published = _rfc3339_day(item.get("date_published")) or _rfc3339_day(item.get("date_modified"))
    return FeedEntry(_key(item.get("id"), link, title, content), link, title, published, content, kind)


def _parse_json(body: bytes, *, base_url: str) -> ParsedFeed:
    try:
        obj = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedParseError(f"invalid JSON: {exc}") from exc
    if not isinstance(obj, dict) or not str(obj.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise FeedParseError("JSON body is not a JSON Feed (no 'version': 'https://jsonfeed.org/version/...')")
    items = obj.get("items")
    if not isinstance(items, list):
        raise FeedParseError("JSON Feed has no 'items' list")
    entries = tuple(e for e in (_json_entry(i, base_url) for i in items) if e is not None)
    return ParsedFeed(_text(obj.get("title")), entries)


def parse_feed(body: bytes, *, content_type: str | None, base_url: str) -> ParsedFeed:
    """Entries of an RSS, Atom or JSON feed body; relative links are resolved against ``base_url``."""
    kind, _ = media_type(content_type)
    if kind.endswith("json") or body.lstrip()[:1] == b"{":
        return _parse_json(body, base_url=base_url)
    return _parse_xml(body, content_type=content_type, base_url=base_url)
