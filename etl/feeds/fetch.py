"""HTTP GET with hard limits, so one slow or hostile host cannot stall a run.

Every request obeys :class:`~etl.feeds.sources.FetchLimits`: per-operation timeouts, a wall-clock
deadline covering redirects and the whole body (checked while streaming, so a slow drip is cut),
a cap on the decoded body size (gzip/deflate are decoded here with a bounded output, so a
compression bomb is cut too), a redirect cap (followed by hand: every hop is checked), bounded
retries with exponential backoff for transient failures only, and a minimum interval between two
requests to the same host. Failures are raised as :class:`FetchError` with a reason code.

httpx timeouts are per operation, so a server sending one byte per second (of headers or body)
would never trip them; a watchdog thread shuts the request's socket down when the deadline passes,
whatever phase the request is in. Connections are not kept alive, so each request owns its socket.
"""

from __future__ import annotations

import contextlib
import email.utils
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from etl.feeds.sources import FetchLimits, check_url

# Shown to every server; the URL is a placeholder until the project has a public home.
PROJECT_URL = "https://example.org/etl"
# Token matched against robots.txt User-agent lines.
ROBOTS_TOKEN = "etl"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Reasons that mean "not tried now, try in a later run" (the run budget is spent, or the host kept failing).
DEFERRED = frozenset({"budget", "host_skipped"})
# Statuses worth retrying (the server may recover); any other 4xx is final.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
Hook = Callable[[str], None]


class FetchError(Exception):
    """A request failed. ``reason``: http, network, deadline, too_large, redirects, robots, encoding."""

    def __init__(self, reason: str, detail: str, *, status: int | None = None, retryable: bool = False,
                 retry_after: float | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail, self.status = reason, detail, status
        self.retryable, self.retry_after = retryable, retry_after


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200 or 304
    headers: Mapping[str, str]  # lower-case names
    body: bytes  # decoded from gzip/deflate

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def user_agent(limits: FetchLimits) -> str:
    if limits.user_agent:
        return limits.user_agent
    try:
        ours = version("etl")
    except PackageNotFoundError:
        ours = "0+unknown"
    return f"{ROBOTS_TOKEN}/{ours} (+{PROJECT_URL})"


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return min(max(0.0, when.timestamp() - time.time()), cap)


class _Decoder:
    """Content-Encoding decoding with a bounded output per call."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise FetchError("encoding", f"unsupported Content-Encoding {encoding!r}")
        self._deflate = encoding == "deflate"  # zlib-wrapped or raw: decided by the first bytes
        self._zlib: Any = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in ("gzip", "x-gzip") else None

    def feed(self, data: bytes, room: int) -> Iterator[bytes]:
        """Decoded pieces of ``data``; stops early once more than ``room`` bytes came out."""
        if self._deflate and self._zlib is None and data:
            # RFC 9110 deflate is zlib-wrapped (first byte 0x?8); some servers send raw deflate.
            self._zlib = zlib.decompressobj() if data[0] & 0x0F == 8 else zlib.decompressobj(-zlib.MAX_WBITS)
        if self._zlib is None:
            yield data
            return
        produced = 0
        try:
            while data and produced <= room:
                out = self._zlib.decompress(data, room + 1 - produced)
                produced += len(out)
                yield out
                data = self._zlib.unconsumed_tail
        except zlib.error as exc:
            raise FetchError("encoding", f"corrupt compressed body: {exc}") from exc


class _Watchdog:
    """Shuts a request's socket down when its deadline passes (the socket is learnt from httpcore's trace)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, seconds), self._expire)
        self._timer.daemon = True
        self._timer.start()

    @staticmethod
    def _shutdown(sock: socket.socket | None) -> None:
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sock = self._sock
        self._shutdown(sock)

    def trace(self, event: str, info: dict[str, object]) -> None:
        if event != "connection.connect_tcp.complete":
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if hasattr(stream, "get_extra_info") else None
        with self._lock:
            self._sock = sock
            expired = self.expired
        if expired:
            self._shutdown(sock)

    def cancel(self) -> None:
        self._timer.cancel()


class Fetcher:
    """One HTTP client for a run; use as a context manager."""

    def __init__(self, limits: FetchLimits, *, sleep: Callable[[float], None] = time.sleep,
                 monotonic: Callable[[], float] = time.monotonic, transport: httpx.BaseTransport | None = None) -> None:
        self.limits = limits
        self._sleep, self._monotonic = sleep, monotonic
        self._last: dict[str, float] = {}
        self._interval: dict[str, float] = {}
        headers = {"User-Agent": user_agent(limits), "Accept-Encoding": "gzip, deflate"}
        self._client = httpx.Client(headers=headers, follow_redirects=False, transport=transport,
                                    timeout=httpx.Timeout(limits.timeout_seconds),
                                    limits=httpx.Limits(max_keepalive_connections=0))
        self.requests = 0
        self._started = monotonic()
        self._failures: dict[str, int] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._client.close()

    def slow_down(self, host: str, seconds: float) -> None:
        """Raise one host's minimum interval (robots.txt Crawl-delay), capped by max_backoff_seconds."""
        self._interval[host] = min(max(seconds, self.limits.host_interval_seconds), self.limits.max_backoff_seconds)

    def _throttle(self, host: str) -> None:
        interval = self._interval.get(host, self.limits.host_interval_seconds)
        last = self._last.get(host)
        if last is not None and (wait := last + interval - self._monotonic()) > 0:
            self._sleep(wait)
        self._last[host] = self._monotonic()

    def _admit(self, host: str) -> None:
        if self._monotonic() - self._started > self.limits.run_budget_seconds:
            raise FetchError("budget", f"run_budget_seconds {self.limits.run_budget_seconds:g} spent; left for the next run")
        if (failures := self._failures.get(host, 0)) >= self.limits.host_failures:
            raise FetchError("host_skipped", f"{host} failed {failures} times in a row; left for the next run")

    def get(self, url: str, *, headers: Mapping[str, str] | None = None, before_hop: Hook | None = None) -> Response:
        """GET ``url`` (retrying transient failures); a 200 or 304 Response, or FetchError.

        Reasons in DEFERRED mean the request was not made (run budget spent, or host failing).
        """
        host = urlsplit(url).netloc.lower()
        self._admit(host)
        try:
            response = self._retrying(url, dict(headers or {}), before_hop)
        except FetchError as exc:
            if exc.reason in ("network", "deadline"):
                self._failures[host] = self._failures.get(host, 0) + 1
            raise
        self._failures[host] = 0
        return response

    def _retrying(self, url: str, headers: dict[str, str], before_hop: Hook | None) -> Response:
        for attempt in range(self.limits.retries + 1):
            try:
                return self._once(url, headers, before_hop)
            except FetchError as exc:
                if not exc.retryable or attempt == self.limits.retries:
                    raise
                backoff = min(self.limits.backoff_seconds * 2**attempt, self.limits.max_backoff_seconds)
                self._sleep(max(backoff, exc.retry_after or 0.0))
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str], before_hop: Hook | None) -> Response:
        deadline: float | None = None
        for _hop in range(self.limits.max_redirects + 1):
            if (why := check_url(url)) is not None:
                raise FetchError("redirects", f"cannot follow to {url!r}: {why}")
            if before_hop is not None:
                before_hop(url)
            host = urlsplit(url).netloc.lower()
            self._throttle(host)
            deadline = deadline if deadline is not None else self._monotonic() + self.limits.deadline_seconds
            location = self._hop(url, headers, deadline)
            if isinstance(location, Response):
                return location
            url = location
        raise FetchError("redirects", f"more than {self.limits.max_redirects} redirects (last to {url})")

    def _hop(self, url: str, headers: dict[str, str], deadline: float) -> Response | str:
        """One request: a Response, or the next URL of a redirect."""
        remaining = deadline - self._monotonic()
        timeout = httpx.Timeout(max(0.001, min(self.limits.timeout_seconds, remaining)))
        watchdog = _Watchdog(remaining)
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers, timeout=timeout,
                                     extensions={"trace": watchdog.trace}) as resp:
                return self._answer(url, resp, deadline)
        except httpx.HTTPError as exc:
            if watchdog.expired or self._monotonic() >= deadline:
                raise FetchError("deadline", f"{url}: no complete answer within {self.limits.deadline_seconds}s") from exc
            kind = "timed out" if isinstance(exc, httpx.TimeoutException) else "failed"
            raise FetchError("network", f"{url}: {kind} ({type(exc).__name__}: {exc})", retryable=True) from exc
        finally:
            watchdog.cancel()

    def _answer(self, url: str, resp: httpx.Response, deadline: float) -> Response | str:
        if resp.status_code in REDIRECTS and "location" in resp.headers:
            return urljoin(url, resp.headers["location"])
        if resp.status_code not in (200, 304):
            raise FetchError(
                "http", f"HTTP {resp.status_code} from {url}", status=resp.status_code,
                retryable=resp.status_code in RETRY_STATUSES,
                retry_after=_retry_after(resp.headers.get("retry-after"), self.limits.max_backoff_seconds),
            )
        body = self._body(resp, deadline) if resp.status_code == 200 else b""
        return Response(str(resp.url), resp.status_code, {k.lower(): v for k, v in resp.headers.items()}, body)

    def _body(self, resp: httpx.Response, deadline: float) -> bytes:
        limit = self.limits.max_body_bytes
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:  # compressed or not, the body would not fit
            raise FetchError("too_large", f"{resp.url}: Content-Length {declared} > max_body_bytes {limit}")
        decoder = _Decoder(resp.headers.get("content-encoding", ""))
        parts: list[bytes] = []
        size = 0
        for chunk in resp.iter_raw():  # no chunk_size: httpx would buffer a slow drip until it fills
            if self._monotonic() > deadline:
                raise FetchError("deadline", f"{resp.url}: body not complete within {self.limits.deadline_seconds}s")
            for piece in decoder.feed(chunk, limit - size):
                size += len(piece)
                if size > limit:
                    raise FetchError("too_large", f"{resp.url}: body larger than max_body_bytes {limit}")
                parts.append(piece)
        return b"".join(parts)
