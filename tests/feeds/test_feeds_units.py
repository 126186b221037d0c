"""Pieces of the feeds package on their own: parsing, text, decoding, the fetcher's politeness."""

from __future__ import annotations

import datetime as dt
import json
import zlib
from pathlib import Path

import pytest
from feedsite import FeedServer, Item, atom, json_feed, rss

from etl.feeds.documents import decode_body, document_article, html_to_text, iter_raw_documents
from etl.feeds.entries import FeedParseError, parse_feed
from etl.feeds.fetch import Fetcher, FetchError
from etl.feeds.raw import RawDocument, store_document
from etl.feeds.sources import FetchLimits
from etl.feeds.state import FeedState
from etl.records import Article, Reject

BASE = "http://127.0.0.1:9/feeds/main.xml"


@pytest.mark.parametrize("build", [rss, atom, json_feed], ids=["rss", "atom", "json-feed"])
def test_each_feed_format_gives_the_same_entries(build: object) -> None:
    items = [Item("urn:test:1", "Ten killed", "/news/1.html", "2025-02-03", "<p>Ten people were killed.</p>"),
             Item("urn:test:2", "Two hurt", "http://127.0.0.1:9/news/2.html", "2025-02-04")]
    feed = parse_feed(build(items).encode(), content_type=None, base_url=BASE)  # type: ignore[operator]
    assert [(e.key, e.link, e.title, e.published) for e in feed.entries] == [
        ("urn:test:1", "http://127.0.0.1:9/news/1.html", "Ten killed", "2025-02-03"),
        ("urn:test:2", "http://127.0.0.1:9/news/2.html", "Two hurt", "2025-02-04")]
    assert "Ten people were killed." in feed.entries[0].content


def test_json_feed_plain_text_and_key_fallbacks() -> None:
    body = json.dumps({"version": "https://jsonfeed.org/version/1", "items": [
        {"id": 7, "content_text": "Plain text.", "date_published": "2025-01-31T23:30:00-05:00"},
        {"url": "/a.html", "title": "No id"}, "not an object"]}).encode()
    first, second = parse_feed(body, content_type="application/json", base_url=BASE).entries
    assert (first.key, first.content, first.content_type, first.published) == ("7", "Plain text.", "text/plain", "2025-02-01")
    assert second.key == "http://127.0.0.1:9/a.html"


@pytest.mark.parametrize("body,content_type,fragment", [
    (b'{"items": []}', "application/json", "not a JSON Feed"),
    (b"{broken", None, "invalid JSON"),
    (b"<html><body><p>A web page.</p></body></html>", "text/html", "not an RSS, Atom or JSON feed (content type text/html)"),
    (b"\x89PNG\r\n\x1a\n\0\0", "image/png", "not an RSS, Atom or JSON feed"),
], ids=["json-not-feed", "bad-json", "html-page", "binary"])
def test_not_a_feed(body: bytes, content_type: str | None, fragment: str) -> None:
    with pytest.raises(FeedParseError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        parse_feed(body, content_type=content_type, base_url=BASE)


@pytest.mark.parametrize("html,text", [
    ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
    ("Line one<br>line   two<script>var x = 1;</script>", "Line one\n\nline two"),
    ("<div><ul><li>a</li><li>b</li></ul></div><style>p{}</style>", "a\n\nb"),
    ("no markup at all", "no markup at all"),
], ids=["paragraphs-entities", "br-script", "list-style", "plain"])
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


@pytest.mark.parametrize("body,content_type,text", [
    ("Café à Dakar".encode("latin-1"), "text/html; charset=ISO-8859-1", "Café à Dakar"),
    ('<meta charset="windows-1252"><p>Caf\xe9</p>'.encode("cp1252"), "text/html", '<meta charset="windows-1252"><p>Café</p>'),
    ("Café".encode(), None, "Café"),
    (b"Caf\xe9 \x80", None, "Café €"),
    ("Café".encode(), "text/html; charset=no-such-charset", "Café"),
], ids=["header-charset", "meta-charset", "utf8-default", "cp1252-fallback", "unknown-charset"])
def test_decode_body(body: bytes, content_type: str | None, text: str) -> None:
    assert decode_body(body, content_type) == text


def _doc(**changes: object) -> RawDocument:
    fields: dict[str, object] = {"kind": "feed", "url": "http://127.0.0.1:9/n/1", "feed_url": BASE,
                                 "body": b"<p>Three people were killed on 2 March.</p>", "content_type": "text/html; charset=utf-8",
                                 "source": "Wire", "title": "Three killed", "published": "2025-03-03", "guid": "g-1"}
    fields.update(changes)
    return RawDocument(**fields)  # type: ignore[arg-type]


def test_feed_document_to_article() -> None:
    article = document_article(_doc(), max_chars=10_000)
    assert isinstance(article, Article)
    assert (article.text, article.title, article.source, article.external_id) == (
        "Three people were killed on 2 March.", "Three killed", "Wire", "g-1")
    assert (str(article.published), article.published_source) == ("2025-03-03", "metadata")


@pytest.mark.parametrize("changes,reason", [
    ({"kind": "page", "content_type": "application/pdf"}, "content_type"),
    ({"body": b"<p> </p>"}, "empty"),
    ({"body": b"<p>" + b"x" * 200 + b"</p>"}, "too_large"),
], ids=["pdf-page", "empty", "too-long"])
def test_document_rejects(changes: dict[str, object], reason: str) -> None:
    result = document_article(_doc(**changes), max_chars=100)
    assert isinstance(result, Reject) and result.reason == reason


def test_raw_area_round_trip_and_unreadable_metadata(tmp_path: Path) -> None:
    path = store_document(tmp_path, _doc())
    assert path.parent.name == "127.0.0.1_9" and path.name.endswith(".html.gz")
    assert store_document(tmp_path, _doc()) == path  # stored once
    (path.parent / "broken.json").write_text("[1, 2]")
    items = list(iter_raw_documents(tmp_path))
    assert [type(i).__name__ for i in items] == ["Reject", "Article"]
    assert isinstance(items[0], Reject) and items[0].reason == "raw_unreadable"


def _limits(**changes: object) -> FetchLimits:
    values: dict[str, object] = {"timeout_seconds": 1, "deadline_seconds": 2, "retries": 2, "backoff_seconds": 0.5,
                                 "max_backoff_seconds": 4, "host_interval_seconds": 3}
    values.update(changes)
    return FetchLimits(**values)  # type: ignore[arg-type]


def test_host_interval_is_kept_between_requests(server: FeedServer) -> None:
    server.set("/a", "a")
    slept: list[float] = []
    with Fetcher(_limits(), sleep=slept.append) as fetcher:
        fetcher.get(server.url("/a"))
        fetcher.get(server.url("/a"))
    assert len(slept) == 1 and 2.5 < slept[0] <= 3.0


def test_retries_back_off_and_honour_retry_after(server: FeedServer) -> None:
    server.set("/busy", status=503, headers={"Retry-After": "3"})
    server.set("/down", status=502)
    slept: list[float] = []
    with Fetcher(_limits(host_interval_seconds=0), sleep=slept.append) as fetcher:
        with pytest.raises(FetchError) as busy:
            fetcher.get(server.url("/busy"))
        with pytest.raises(FetchError):
            fetcher.get(server.url("/down"))
    assert (busy.value.reason, busy.value.status) == ("http", 503)
    assert slept == [3.0, 3.0, 0.5, 1.0]  # Retry-After wins over a shorter backoff; then 0.5 * 2**attempt
    assert len(server.requests("/busy")) == 3 and len(server.requests("/down")) == 3


def test_304_and_validators(server: FeedServer) -> None:
    server.set("/feed", "x", etag='"v1"')
    with Fetcher(_limits(host_interval_seconds=0)) as fetcher:
        first = fetcher.get(server.url("/feed"))
        second = fetcher.get(server.url("/feed"), headers={"If-None-Match": '"v1"'})
    assert (first.status, first.headers["etag"], first.body) == (200, '"v1"', b"x")
    assert (second.status, second.body) == (304, b"")


def test_redirect_to_another_scheme_is_refused(server: FeedServer) -> None:
    server.set("/ftp", redirect="ftp://127.0.0.1/file")
    with Fetcher(_limits(host_interval_seconds=0)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(server.url("/ftp"))
    assert info.value.reason == "redirects" and "http:// or https://" in info.value.detail


def test_connection_refused_is_a_network_error() -> None:
    with Fetcher(_limits(retries=0)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get("http://127.0.0.1:9/closed-port")
    assert info.value.reason == "network"


@pytest.mark.parametrize("encoding", ["deflate-zlib", "deflate-raw", "identity"])
def test_deflate_in_both_wrappings(server: FeedServer, encoding: str) -> None:
    text = b"<p>" + b"Forty people were displaced. " * 50 + b"</p>"
    if encoding == "deflate-zlib":
        body, header = zlib.compress(text), {"Content-Encoding": "deflate"}
    elif encoding == "deflate-raw":
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        body, header = packer.compress(text) + packer.flush(), {"Content-Encoding": "deflate"}
    else:
        body, header = text, {}
    server.set("/d", body, headers=header)
    with Fetcher(_limits(host_interval_seconds=0)) as fetcher:
        assert fetcher.get(server.url("/d")).body == text


def test_unsupported_content_encoding(server: FeedServer) -> None:
    server.set("/br", b"\x0b\x02\x80hello\x03", headers={"Content-Encoding": "br"})
    with Fetcher(_limits(host_interval_seconds=0)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(server.url("/br"))
    assert info.value.reason == "encoding"


def test_declared_length_over_the_limit_is_refused_before_reading(server: FeedServer) -> None:
    server.set("/big", b"x" * 5_000)
    with Fetcher(_limits(host_interval_seconds=0, max_body_bytes=1_000)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(server.url("/big"))
    assert info.value.reason == "too_large" and "Content-Length 5000" in info.value.detail


def test_a_clock_set_back_makes_a_feed_due() -> None:
    state = FeedState(last_polled="2025-03-10T12:00:00+00:00")
    now = dt.datetime(2025, 3, 10, 12, 10, tzinfo=dt.UTC)
    assert not state.due(now, 30)
    assert state.due(now, 10)
    assert state.due(now - dt.timedelta(days=1), 30)
