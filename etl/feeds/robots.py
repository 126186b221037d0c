"""robots.txt for article pages, fetched once per origin per run (RFC 9309 semantics).

A robots.txt answered 4xx means no rules (everything may be fetched); one that cannot be fetched
(5xx, network error, deadline) means "assume complete disallow" for that origin in this run. A
Crawl-delay raises the minimum interval between requests to that host. Feeds themselves are not
checked: the user listed them on purpose.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from protego import Protego

from etl.feeds.fetch import DEFERRED, ROBOTS_TOKEN, Fetcher, FetchError

log = logging.getLogger(__name__)
_DENY_ALL = Protego.parse("User-agent: *\nDisallow: /\n")
_ALLOW_ALL = Protego.parse("")


class Robots:
    """Answers "may this URL be fetched?" for one run, caching each origin's rules."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._rules: dict[str, tuple[Protego, str]] = {}

    def _load(self, origin: str, host: str) -> tuple[Protego, str]:
        try:
            resp = self._fetcher.get(f"{origin}/robots.txt")
        except FetchError as exc:
            if exc.reason in DEFERRED:
                raise  # not asked yet: decide in a later run
            if exc.status is not None and 400 <= exc.status < 500:
                return _ALLOW_ALL, f"robots.txt answered HTTP {exc.status}"
            log.info("robots.txt of %s unavailable (%s): not fetching pages there this run", origin, exc)
            return _DENY_ALL, f"robots.txt could not be fetched ({exc.reason}: {exc.detail})"
        rules = Protego.parse(resp.body.decode("utf-8", errors="replace"))
        delay = rules.crawl_delay(ROBOTS_TOKEN)
        if delay:
            self._fetcher.slow_down(host, float(delay))
        return rules, "disallowed by robots.txt"

    def check(self, url: str) -> None:
        """Raise FetchError("robots") when ``url`` may not be fetched."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._rules:
            self._rules[origin] = self._load(origin, parts.netloc.lower())
        rules, why = self._rules[origin]
        if not rules.can_fetch(url, ROBOTS_TOKEN):
            raise FetchError("robots", f"{url}: {why}")
