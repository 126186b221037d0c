"""The raw area: every fetched document kept, gzip-compressed, so it can be re-extracted offline.

Layout: ``<warehouse>/raw/<host>/<key>.html.gz`` (the body exactly as received, after HTTP
content decoding) with ``<key>.json`` beside it (URL, feed, title, date and GUID from the feed,
content type, fetch time). ``<key>`` is the SHA-256 of the document's URL and body, so fetching the
same page twice stores it once. The body is written first and the metadata last (each atomically):
a document counts as stored once its ``.json`` exists.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from etl.feeds.state import write_atomic
from etl.records import Reject

RAW_DIR = "raw"
DocumentKind = Literal["page", "feed"]
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """One fetched document and what the feed said about it."""

    kind: DocumentKind  # page: the entry's web page; feed: the entry's own text in the feed
    url: str | None  # the page's final URL (page) or the entry's link (feed)
    feed_url: str
    body: bytes
    content_type: str | None
    source: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD from the feed
    guid: str | None = None
    language: str | None = None
    fetched_at: str | None = None  # ISO 8601, UTC

    @property
    def name(self) -> str:
        """How the document is named in rejects: its URL, else its GUID within the feed."""
        return self.url or f"{self.feed_url}#{self.guid}"

    @property
    def key(self) -> str:
        return hashlib.sha256(self.name.encode("utf-8") + b"\0" + self.body).hexdigest()


def _host_folder(doc: RawDocument) -> str:
    host = urlsplit(doc.url or doc.feed_url).netloc.lower() or "unknown"
    return _UNSAFE.sub("_", host)


def store_document(warehouse: Path, doc: RawDocument) -> Path:
    """Keep ``doc`` in the raw area (idempotent); return the body's path."""
    folder = warehouse / RAW_DIR / _host_folder(doc)
    body_path = folder / f"{doc.key}.html.gz"
    meta_path = folder / f"{doc.key}.json"
    if meta_path.exists() and body_path.exists():
        return body_path
    write_atomic(body_path, gzip.compress(doc.body, mtime=0))
    meta = {k: v for k, v in asdict(doc).items() if k != "body"}
    write_atomic(meta_path, json.dumps(meta, indent=1, sort_keys=True).encode("utf-8"))
    return body_path


def _meta(meta_path: Path) -> dict[str, object]:
    meta = json.loads(meta_path.read_bytes())
    if not isinstance(meta, dict):
        raise ValueError("metadata is not a JSON object")
    return meta


def iter_stored_documents(warehouse: Path) -> Iterator[RawDocument | Reject]:
    """Every stored document, oldest fetch first (ties by path); unreadable ones as rejects.

    Only the small metadata files are read up front (to sort); bodies are read one at a time.
    """
    root = warehouse / RAW_DIR
    if not root.exists():
        return
    metas: list[tuple[str, Path, dict[str, object]]] = []
    for meta_path in sorted(root.glob("*/*.json")):
        if meta_path.name.startswith("."):
            continue
        try:
            meta = _meta(meta_path)
        except (OSError, ValueError) as exc:
            yield Reject(str(meta_path), "raw_unreadable", f"{type(exc).__name__}: {exc}")
            continue
        metas.append((str(meta.get("fetched_at") or ""), meta_path, meta))
    for _, meta_path, meta in sorted(metas, key=lambda t: (t[0], str(t[1]))):
        try:
            body = gzip.decompress(meta_path.with_name(f"{meta_path.stem}.html.gz").read_bytes())
            doc = RawDocument(body=body, **meta)  # type: ignore[arg-type]
        except (OSError, ValueError, TypeError, EOFError) as exc:
            yield Reject(str(meta_path), "raw_unreadable", f"{type(exc).__name__}: {exc}")
            continue
        yield doc
