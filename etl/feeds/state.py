"""What the poller remembers between runs: one small JSON file in the warehouse.

``<warehouse>/_feeds/state.json`` holds, per feed URL, the validators of its last complete answer
(ETag, Last-Modified) for conditional requests, when it was last polled, its last outcome, the
entries already handed to the pipeline (by GUID or link, newest ``MAX_SEEN`` kept) and failed
attempts per entry. It is written atomically (temporary file, then ``os.replace``). A corrupt file is
set aside (``state.json.corrupt-<time>``) and polling starts afresh: content hashes in the warehouse
still keep articles from being loaded twice.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from etl.storage import atomic_write_bytes

log = logging.getLogger(__name__)

STATE_PATH = Path("_feeds") / "state.json"
STATE_VERSION = 1
# Entry keys remembered per feed; a feed showing more entries than this at once would refetch some.
MAX_SEEN = 5_000
# Runs in which a failing entry page is retried (network errors, 5xx, timeouts) before it is given up.
MAX_ITEM_ATTEMPTS = 3


def write_atomic(path: Path, data: bytes) -> None:
    """Create the folder, then write all or nothing (the warehouse's atomic write)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)


@dataclass(slots=True)
class FeedState:
    """One feed's memory (mutable: the poller updates it as entries are handed over)."""

    etag: str | None = None
    last_modified: str | None = None
    last_polled: str | None = None  # ISO 8601, UTC
    last_outcome: str | None = None
    seen: dict[str, str] = field(default_factory=dict)  # entry key -> first handed over (ISO)
    attempts: dict[str, int] = field(default_factory=dict)  # entry key -> failed runs so far

    def due(self, now: dt.datetime, poll_minutes: float) -> bool:
        if self.last_polled is None:
            return True
        try:
            last = dt.datetime.fromisoformat(self.last_polled)
        except ValueError:
            return True
        if last > now:  # the clock went back: do not wait for it to catch up
            return True
        return now - last >= dt.timedelta(minutes=poll_minutes)

    def mark_seen(self, key: str, now: dt.datetime) -> None:
        self.seen.setdefault(key, now.isoformat())
        self.attempts.pop(key, None)

    def failed(self, key: str, now: dt.datetime) -> bool:
        """Count a transient failure; True (and marked seen) once the entry has used up its attempts."""
        self.attempts[key] = self.attempts.get(key, 0) + 1
        if self.attempts[key] >= MAX_ITEM_ATTEMPTS:
            self.mark_seen(key, now)
            return True
        return False

    def pruned(self) -> FeedState:
        newest = sorted(self.seen.items(), key=lambda kv: kv[1], reverse=True)[:MAX_SEEN]
        attempts = {k: v for k, v in self.attempts.items() if k not in self.seen}
        return FeedState(self.etag, self.last_modified, self.last_polled, self.last_outcome, dict(newest), attempts)


def _feed_state(raw: Any) -> FeedState:
    if not isinstance(raw, dict):
        raise ValueError(f"feed entry must be an object, got {type(raw).__name__}")
    state = FeedState(**raw)
    if not isinstance(state.seen, dict) or not isinstance(state.attempts, dict):
        raise ValueError("seen and attempts must be objects")
    return state


def load_state(warehouse: Path, *, now: dt.datetime) -> dict[str, FeedState]:
    """Every feed's state (empty when there is no file; a corrupt file is set aside with a warning)."""
    path = warehouse / STATE_PATH
    try:
        raw = json.loads(path.read_bytes())
        if not isinstance(raw, dict) or raw.get("version") != STATE_VERSION:
            raise ValueError(f"expected an object with version {STATE_VERSION}")
        return {url: _feed_state(feed) for url, feed in raw.get("feeds", {}).items()}
    except FileNotFoundError:
        return {}
    except (ValueError, TypeError, AttributeError) as exc:
        aside = path.with_name(f"{path.name}.corrupt-{now:%Y%m%dT%H%M%SZ}")
        os.replace(path, aside)
        log.warning("feed state %s is unreadable (%s); moved to %s and starting afresh", path, exc, aside)
        return {}


def save_state(warehouse: Path, states: dict[str, FeedState]) -> None:
    payload = {"version": STATE_VERSION, "feeds": {url: asdict(s.pruned()) for url, s in sorted(states.items())}}
    write_atomic(warehouse / STATE_PATH, json.dumps(payload, indent=1, sort_keys=True).encode("utf-8"))
