"""Fetched documents to Articles: the one pure step shared by live polling and ``etl reprocess``.

A page goes through the same HTML path as file ingest (:func:`etl.stages.ingest.parse_input`,
trafilatura main text and date); the feed's own knowledge then fills or overrides metadata: the
entry's title, the feed's publication date (a feed states it explicitly; trafilatura's date is a
fallback), the configured source name and the entry GUID. A ``feed`` document (the entry's own
content) is turned into paragraphs of plain text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from etl.config import Config
from etl.feeds.raw import RawDocument, iter_stored_documents
from etl.records import Article, Reject
from etl.stages.ingest import RawInput, make_article, parse_input

# Media types read as HTML or as plain text; any other page is rejected (reason content_type).
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
TEXT_TYPES = frozenset({"text/plain"})
# Bytes of a page searched for <meta charset> when the Content-Type header names none.
CHARSET_SNIFF = 4096
# Tags that end a paragraph when a feed's HTML is turned into text.
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "tr", "table", "section", "article", "pre", "hr", "figure", "figcaption", "dd", "dt"})
_SKIP = frozenset({"script", "style", "template", "noscript", "iframe", "svg"})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\r\f\v\n\u00a0]+")


def media_type(content_type: str | None) -> tuple[str, str | None]:
    """``text/html; charset=latin-1`` -> (``text/html``, ``latin-1``)."""
    if not content_type:
        return "", None
    kind, *params = content_type.split(";")
    charset = next((p.split("=", 1)[1].strip(" \"'") for p in params if p.strip().lower().startswith("charset=")), None)
    return kind.strip().lower(), charset or None


def decode_body(body: bytes, content_type: str | None) -> str:
    """Text of a body: the declared charset, else <meta charset>, else UTF-8, else Windows-1252."""
    _, declared = media_type(content_type)
    sniffed = _META_CHARSET.search(body[:CHARSET_SNIFF])
    for charset in (declared, sniffed.group(1).decode("ascii") if sniffed else None, "utf-8"):
        if charset:
            try:
                return body.decode(charset).lstrip("\ufeff")
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("cp1252", errors="replace")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self._current)).strip()
        if text:
            self.paragraphs.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)


def html_to_text(html: str) -> str:
    """Paragraphs of a feed's HTML fragment, separated by blank lines (scripts and styles dropped)."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.paragraphs)


def _feed_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page_article(doc: RawDocument, *, max_chars: int) -> Article | Reject:
    kind, _ = media_type(doc.content_type)
    if kind and kind not in HTML_TYPES | TEXT_TYPES:
        return Reject(doc.name, "content_type", f"{kind} is not a web page (expected HTML or plain text)")
    text = decode_body(doc.body, doc.content_type)
    fmt = ".txt" if kind in TEXT_TYPES else ".html"
    item = next(parse_input(RawInput(doc.name, fmt, text.encode("utf-8")), max_chars=max_chars))
    if isinstance(item, Reject):
        return item
    changes: dict[str, object] = {"url": doc.url or item.url, "source": doc.source or item.source,
                                  "title": doc.title or item.title, "external_id": doc.guid or item.external_id}
    if (day := _feed_day(doc.published)) is not None:
        changes.update(published=day, published_source="metadata")
    return dataclasses.replace(item, **changes)  # type: ignore[arg-type]


def _feed_article(doc: RawDocument, *, max_chars: int) -> Article | Reject:
    kind, _ = media_type(doc.content_type)
    raw = decode_body(doc.body, doc.content_type)
    text = raw if kind in TEXT_TYPES else html_to_text(raw)
    meta = {"title": doc.title, "url": doc.url, "source": doc.source, "published": doc.published, "id": doc.guid}
    return make_article(text, name=doc.name, max_chars=max_chars, meta=meta)


def document_article(doc: RawDocument, *, max_chars: int) -> Article | Reject:
    """The Article in a fetched document, or a Reject with a reason. Pure."""
    if doc.kind == "page":
        return _page_article(doc, max_chars=max_chars)
    return _feed_article(doc, max_chars=max_chars)


def iter_raw_documents(warehouse_root: Path, *, max_chars: int | None = None) -> Iterator[Article | Reject]:
    """Every document in the raw area as an Article or Reject, without the network (``etl reprocess``).

    ``max_chars`` defaults to the Config default ``max_article_chars``.
    """
    max_chars = max_chars if max_chars is not None else Config().max_article_chars
    for doc in iter_stored_documents(Path(warehouse_root)):
        yield doc if isinstance(doc, Reject) else document_article(doc, max_chars=max_chars)
