"""Test site for the feeds tests: a real HTTP server on 127.0.0.1 (ephemeral port) with a request
log, plus builders for RSS, Atom and JSON feeds and article pages.

Nothing in the feeds tests talks to any other address: every URL is built from ``server.url()``.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    redirect: str | None = None  # path or URL for a 302
    drip_seconds: float | None = None  # send the body one byte at a time, this far apart
    drip_headers: bool = False  # drip the status line and headers instead (needs drip_seconds)
    send_length: bool = True
    headers: dict[str, str] = field(default_factory=dict)


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    if route.etag and headers.get("if-none-match") == route.etag:
        return True
    return bool(route.last_modified) and headers.get("if-modified-since") == route.last_modified


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    status: int

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Request] = []
        self._lock = threading.Lock()
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def set(self, path: str, body: bytes | str = b"", **options: object) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, **options)  # type: ignore[arg-type]

    def requests(self, path: str | None = None) -> list[Request]:
        with self._lock:
            return [r for r in self.log if path is None or r.path == path]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    def _record(self, path: str, headers: dict[str, str], status: int) -> None:
        with self._lock:
            self.log.append(Request(path, headers, status))

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                route = server.routes.get(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                status = route.status if route else 404
                if route and route.redirect:
                    status = 302
                elif route and _not_modified(route, headers):
                    status = 304
                server._record(self.path, headers, status)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._answer(route, status)

            def _answer(self, route: Route | None, status: int) -> None:
                if route is not None and route.drip_headers and route.drip_seconds:
                    for byte in b"HTTP/1.0 200 OK\r\nX-Slow: " + b"a" * 10_000:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(route.drip_seconds)
                    return
                self.send_response(status)
                if route is None or status == 304 or route.redirect:
                    if route is not None and route.redirect:
                        self.send_header("Location", route.redirect)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                self.send_header("Content-Type", route.content_type)
                for name, value in {"ETag": route.etag, "Last-Modified": route.last_modified}.items():
                    if value:
                        self.send_header(name, value)
                if route.gzip:
                    self.send_header("Content-Encoding", "gzip")
                if route.send_length:
                    self.send_header("Content-Length", str(len(body)))
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if route.drip_seconds is None:
                    self.wfile.write(body)
                    return
                for i in range(len(body)):
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(route.drip_seconds)

        return Handler

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


# Limits small enough for tests: a hostile route costs about one second at most.
TEST_FETCH = """
[fetch]
timeout_seconds = 0.6
deadline_seconds = 0.6
max_body_bytes = 200000
max_redirects = 3
retries = 1
backoff_seconds = 0.01
host_interval_seconds = 0
"""


def write_sources(folder: Path, body: str, *, fetch: str = TEST_FETCH) -> Path:
    path = folder / "sources.toml"
    path.write_text(fetch + body, encoding="utf-8")
    return path


# --- documents -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    guid: str
    title: str
    link: str
    date: str  # YYYY-MM-DD
    summary: str = ""


def rss(items: list[Item], *, title: str = "Test Wire") -> str:
    def one(i: Item) -> str:
        day = time.strftime("%a, %d %b %Y 08:30:00 +0000", time.strptime(i.date, "%Y-%m-%d"))
        return (f"<item><title>{i.title}</title><link>{i.link}</link><guid isPermaLink=\"false\">{i.guid}</guid>"
                f"<pubDate>{day}</pubDate><description><![CDATA[{i.summary}]]></description></item>")
    body = "".join(one(i) for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://127.0.0.1/</link><description>test</description>{body}</channel></rss>")


def atom(items: list[Item], *, title: str = "Test Atom") -> str:
    def one(i: Item) -> str:
        return (f"<entry><id>{i.guid}</id><title>{i.title}</title><link href=\"{i.link}\"/>"
                f"<updated>{i.date}T08:30:00Z</updated><summary type=\"html\">{i.summary}</summary></entry>")
    body = "".join(one(i) for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
            f"<id>urn:test:atom</id><updated>2025-01-01T00:00:00Z</updated>{body}</feed>")


def json_feed(items: list[Item], *, title: str = "Test JSON") -> str:
    import json

    return json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": title,
        "items": [{"id": i.guid, "url": i.link, "title": i.title, "content_html": i.summary,
                   "date_published": f"{i.date}T08:30:00Z"} for i in items],
    })


def page(title: str, paragraphs: list[str], *, date: str | None = None) -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
            f"<header><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav></header>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer><p>Copyright Test Wire. All rights reserved.</p></footer></body></html>")


# Invented stories, long enough for trafilatura to take them as main text.
STORIES: dict[str, tuple[str, list[str]]] = {
    "market": ("Blast at a market kills 14", [
        "At least 14 people were killed and 31 injured when a bomb exploded in a crowded vegetable market on "
        "Tuesday morning, district officials said.",
        "The device had been hidden in a handcart near the main gate, a police spokesman told reporters, adding "
        "that nine of the wounded were in a critical condition at the district hospital.",
        "No group has claimed responsibility for the attack, the third in the province since January.",
    ]),
    "ambush": ("Soldiers killed in ambush on supply convoy", [
        "Seven soldiers were killed and four others went missing after gunmen ambushed a supply convoy on a "
        "rural road late on Saturday, the army said in a statement on Sunday.",
        "The attackers fired on the lead vehicle before setting two trucks on fire, according to a local "
        "official who asked not to be named because he was not authorised to speak to the press.",
        "Security forces launched a search operation in the surrounding forest on Sunday morning.",
    ]),
    "floods": ("Floods displace thousands in river valley", [
        "More than 12,000 people have been displaced by floods that swept through villages along the river "
        "valley this week, the regional disaster agency said on Thursday.",
        "At least 23 people have died and dozens of others are still unaccounted for, the agency added, as "
        "rescue teams used boats to reach communities cut off by the water.",
        "Rainfall in the valley was about 40 percent above the seasonal average, forecasters said.",
    ]),
    "arrests": ("Police arrest 38 after protest turns violent", [
        "Police arrested 38 people on Friday after a protest over fuel prices turned violent in the capital, "
        "the interior ministry said in a statement.",
        "Around 15 officers were hurt when demonstrators threw stones at a police line near the parliament "
        "building, the ministry added, and several shops were looted.",
        "Organisers said the protest had been peaceful until police moved in to disperse the crowd.",
    ]),
}


def story_page(key: str, *, date: str | None = None) -> str:
    title, paragraphs = STORIES[key]
    return page(title, paragraphs, date=date)
