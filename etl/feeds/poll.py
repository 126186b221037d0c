"""Polling: a sources file in, Articles and Rejects out, ready for :func:`etl.pipeline.run_items`.

For each enabled feed whose poll interval has passed: one conditional GET (ETag/Last-Modified
from the last complete answer); on 304 nothing else happens. Otherwise every entry not seen
before and passing the source's include/exclude filter becomes one item: its page fetched (robots
permitting) or its feed text, kept in the raw area, then turned into an Article or a Reject. A feed
that fails becomes one Reject and polling goes on with the next.

The returned iterator does its I/O (state, raw area, network) as it is consumed, so consume it
inside ``run_items`` (which holds the warehouse lock). State is saved after each feed; a feed's
validators are only stored once all its entries are settled, so a run cut short refetches that
feed in full next time (entries already loaded are then skipped by content hash).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.config import Config
from etl.feeds.documents import document_article
from etl.feeds.entries import FeedEntry, FeedParseError, parse_feed
from etl.feeds.fetch import DEFERRED, Fetcher, FetchError, Response
from etl.feeds.raw import RawDocument, store_document
from etl.feeds.robots import Robots
from etl.feeds.sources import FeedSource, SourcesFile, load_sources
from etl.feeds.state import FeedState, load_state, save_state
from etl.records import Article, Reject

log = logging.getLogger(__name__)
Clock = Callable[[], dt.datetime]
# Entry-page failures that will not change by trying again (the entry is then marked seen).
PERMANENT_REASONS = frozenset({"robots", "too_large", "redirects", "encoding"})
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class _Poll:
    source: FeedSource
    state: FeedState
    fetcher: Fetcher
    robots: Robots
    warehouse: Path
    max_chars: int
    clock: Clock


def _permanent(exc: FetchError) -> bool:
    if exc.reason in PERMANENT_REASONS:
        return True
    return exc.reason == "http" and exc.status is not None and 400 <= exc.status < 500 and not exc.retryable


def _conditional(state: FeedState) -> dict[str, str]:
    headers = {"Accept": FEED_ACCEPT}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def _document(poll: _Poll, entry: FeedEntry, feed_title: str | None) -> RawDocument | Reject | None:
    """The entry's page (or its feed text), a Reject when fetching failed, or None when deferred."""
    source, now = poll.source, poll.clock()
    common: dict[str, Any] = {
        "feed_url": source.url, "source": source.name or feed_title or source.label, "title": entry.title,
        "published": entry.published, "guid": entry.key, "language": source.language, "fetched_at": now.isoformat(),
    }
    if source.fetch == "feed" or not entry.link:
        body = entry.content.encode("utf-8")
        return RawDocument(kind="feed", url=entry.link, body=body, content_type=f"{entry.content_type}; charset=utf-8", **common)
    try:
        resp = poll.fetcher.get(entry.link, headers={"Accept": PAGE_ACCEPT}, before_hop=poll.robots.check)
    except FetchError as exc:
        if exc.reason in DEFERRED:
            return None
        if _permanent(exc):
            poll.state.mark_seen(entry.key, now)
        elif poll.state.failed(entry.key, now):
            log.warning("giving up on %s after repeated failures: %s", entry.link, exc)
        return Reject(entry.link, exc.reason, exc.detail)
    return RawDocument(kind="page", url=resp.url, body=resp.body, content_type=resp.content_type, **common)


def _entry_item(poll: _Poll, entry: FeedEntry, feed_title: str | None) -> Article | Reject | None:
    doc = _document(poll, entry, feed_title)
    if doc is None or isinstance(doc, Reject):
        return doc
    store_document(poll.warehouse, doc)
    poll.state.mark_seen(entry.key, poll.clock())
    return document_article(doc, max_chars=poll.max_chars)


def _fetch_feed(poll: _Poll) -> Response | Reject | None:
    """The feed's answer (200 or 304), a Reject, or None when deferred to a later run."""
    source, state = poll.source, poll.state
    try:
        resp = poll.fetcher.get(source.url, headers=_conditional(state))
    except FetchError as exc:
        if exc.reason in DEFERRED:
            log.warning("%s: %s", source.label, exc.detail)
            return None
        state.last_polled, state.last_outcome = poll.clock().isoformat(), f"{exc.reason}: {exc.detail}"
        return Reject(source.url, exc.reason, exc.detail)
    state.last_polled = poll.clock().isoformat()
    return resp


def _poll_feed(poll: _Poll) -> Iterator[Article | Reject]:
    source, state = poll.source, poll.state
    resp = _fetch_feed(poll)
    if resp is None:
        return
    if isinstance(resp, Reject):
        yield resp
        return
    if resp.status == 304:
        state.last_outcome = "304 not modified"
        return
    try:
        feed = parse_feed(resp.body, content_type=resp.content_type, base_url=resp.url)
    except FeedParseError as exc:
        state.last_outcome = f"feed_parse: {exc}"
        yield Reject(source.url, "feed_parse", str(exc))
        return
    new = [e for e in feed.entries if e.key not in state.seen and source.wants(title=e.title, url=e.link)]
    for entry in new[: source.max_new_entries]:
        if (item := _entry_item(poll, entry, feed.title)) is not None:
            yield item
    left = sum(e.key not in state.seen for e in new)  # over the cap, deferred, or to be retried
    state.last_outcome = f"200: {len(feed.entries)} entries, {len(new)} new, {left} left for later runs"
    log.info("%s: %s", source.label, state.last_outcome)
    if left == 0:  # every entry is settled: the next poll may be conditional
        state.etag, state.last_modified = resp.headers.get("etag"), resp.headers.get("last-modified")


def poll_sources(spec: SourcesFile, *, config: Config, clock: Clock = _utc_now) -> Iterator[Article | Reject]:
    """Poll every due, enabled feed of ``spec`` (see the module docstring)."""
    root = Path(config.warehouse)
    limits = dataclasses.replace(spec.limits, max_body_bytes=min(spec.limits.max_body_bytes, config.max_input_bytes))
    states = load_state(root, now=clock())
    with Fetcher(limits) as fetcher:
        robots = Robots(fetcher)
        try:
            for source in spec.sources:
                state = states.setdefault(source.url, FeedState())
                if not source.enabled:
                    continue
                if not state.due(clock(), source.poll_minutes):
                    log.info("%s: polled at %s, next after %g minutes", source.label, state.last_polled, source.poll_minutes)
                    continue
                yield from _poll_feed(_Poll(source, state, fetcher, robots, root, config.max_article_chars, clock))
                save_state(root, states)
        except GeneratorExit:
            # Closed early (--limit, or the run failed): the caller may no longer hold the warehouse
            # lock, so nothing is written. The current feed's old validators stay on disk; its entries
            # are offered again next run (and deduplicated by content hash).
            log.info("feed polling stopped early; the current feed is read again next run")
            raise
        except Exception:
            save_state(root, states)  # still inside the run: keep what was handed over
            raise


def iter_source_items(sources_file: Path, *, config: Config, clock: Clock = _utc_now) -> Iterator[Article | Reject]:
    """Items of every due feed in ``sources_file``, for ``run_items``.

    The file is read and checked now (SourcesError, with lines, before any run starts); the
    network, raw area and state file are touched only while the iterator is consumed.
    """
    spec = load_sources(sources_file)
    return poll_sources(spec, config=config, clock=clock)
