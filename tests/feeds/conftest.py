"""Fixtures for the feeds tests (the server itself lives in feedsite.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from feedsite import FeedServer


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    # No proxy may stand between the tests and 127.0.0.1.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    with FeedServer() as srv:
        yield srv


@pytest.fixture
def other_server(server: FeedServer) -> Iterator[FeedServer]:
    """A second site on another port of 127.0.0.1 (another host for rate limits and failure counts)."""
    with FeedServer() as srv:
        yield srv
