"""End to end against a real server on 127.0.0.1: what lands in the warehouse, and what is asked."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from pathlib import Path
from typing import Any

from feedsite import TEST_FETCH, FeedServer, Item, atom, json_feed, rss, story_page, write_sources

from etl.config import Config
from etl.feeds.commands import iter_raw_documents, iter_source_items
from etl.feeds.state import STATE_PATH
from etl.pipeline import RunOptions, RunSummary, run_items
from etl.records import Article
from etl.warehouse import Warehouse

RSS_ETAG = '"rss-v1"'
ATOM_MODIFIED = "Wed, 05 Mar 2025 10:00:00 GMT"


def _run(sources: Path, warehouse: Path) -> RunSummary:
    config = Config(warehouse=str(warehouse), progress=False)
    return run_items(iter_source_items(sources, config=config), config=config)


def _rows(warehouse: Path, sql: str) -> list[tuple[Any, ...]]:
    return Warehouse(warehouse).connect().execute(sql).fetchall()


def _site(server: FeedServer) -> None:
    """An RSS feed (ETag), an Atom feed (Last-Modified) and a JSON Feed, each linking to pages."""
    u = server.url
    server.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.set("/rss.xml", rss([Item("rss-1", "Market blast", u("/news/market.html"), "2025-03-04"),
                                Item("rss-2", "Convoy ambush", u("/news/ambush.html"), "2025-03-02")]),
               content_type="application/rss+xml", etag=RSS_ETAG)
    server.set("/atom.xml", atom([Item("urn:atom:1", "Valley floods", u("/news/floods.html"), "2025-03-05")]),
               content_type="application/atom+xml", last_modified=ATOM_MODIFIED)
    server.set("/feed.json", json_feed([Item("json-1", "Protest arrests", u("/news/arrests.html"), "2025-03-07")]),
               content_type="application/feed+json", etag='"json-v1"')
    for key in ("market", "ambush", "floods", "arrests"):
        server.set(f"/news/{key}.html", story_page(key))


def _sources(server: FeedServer, tmp: Path, extra: str = "") -> Path:
    u = server.url
    body = (f'[[source]]\nname = "Test Wire"\nurl = "{u("/rss.xml")}"\npoll_minutes = 0\n'
            f'[[source]]\nname = "Valley Atom"\nurl = "{u("/atom.xml")}"\npoll_minutes = 0\n'
            f'[[source]]\nname = "JSON Desk"\nurl = "{u("/feed.json")}"\npoll_minutes = 0\n') + extra
    return write_sources(tmp, body)


def test_second_run_makes_only_conditional_requests(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    sources, wh = _sources(server, tmp_path), tmp_path / "wh"
    first = _run(sources, wh)
    assert (first.counts.articles_new, first.counts.rejected) == (4, 0)
    rows = _rows(wh, "SELECT source, url, title, published FROM articles ORDER BY url")
    assert [(r[0], r[1].rsplit("/", 1)[1], str(r[3])) for r in rows] == [
        ("Test Wire", "ambush.html", "2025-03-02"), ("JSON Desk", "arrests.html", "2025-03-07"),
        ("Valley Atom", "floods.html", "2025-03-05"), ("Test Wire", "market.html", "2025-03-04")]
    assert {r[2] for r in rows} == {"Market blast", "Convoy ambush", "Valley floods", "Protest arrests"}
    assert all(r.headers["user-agent"].startswith("etl/") for r in server.requests())
    server.clear_log()
    second = _run(sources, wh)
    assert (second.counts.inputs_read, second.counts.articles_new) == (0, 0)
    log = server.requests()
    assert sorted(r.path for r in log) == ["/atom.xml", "/feed.json", "/rss.xml"]
    assert all(r.conditional and r.status == 304 for r in log)
    assert server.requests("/rss.xml")[0].headers["if-none-match"] == RSS_ETAG
    assert server.requests("/atom.xml")[0].headers["if-modified-since"] == ATOM_MODIFIED
    assert _rows(wh, "SELECT count(*) FROM articles") == [(4,)]
    assert _rows(wh, "SELECT count(*) FROM runs") == [(2,)]


def test_changed_feed_brings_only_its_new_entry(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    sources, wh = _sources(server, tmp_path), tmp_path / "wh"
    _run(sources, wh)
    u = server.url
    server.set("/rss.xml", rss([Item("rss-3", "Flood toll rises", u("/news/floods-2.html"), "2025-03-08"),
                                Item("rss-1", "Market blast", u("/news/market.html"), "2025-03-04"),
                                Item("rss-2", "Convoy ambush", u("/news/ambush.html"), "2025-03-02")]),
               content_type="application/rss+xml", etag='"rss-v2"')
    server.set("/news/floods-2.html", story_page("floods").replace("12,000", "15,500"))
    server.clear_log()
    second = _run(sources, wh)
    assert (second.counts.inputs_read, second.counts.articles_new) == (1, 1)
    assert sorted(r.path for r in server.requests() if r.status == 200) == ["/news/floods-2.html", "/robots.txt", "/rss.xml"]
    assert _rows(wh, "SELECT count(*) FROM articles WHERE url LIKE '%floods-2.html'") == [(1,)]


def test_failing_feeds_become_rejects_and_the_run_goes_on(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    u = server.url
    server.set("/gone.xml", status=404)
    server.set("/broken.xml", status=500)
    server.set("/loop.xml", redirect="/loop.xml")
    server.set("/drip.xml", rss([]) * 20, content_type="application/rss+xml", drip_seconds=0.05)
    server.set("/huge.xml", b"<rss>" + b" " * 400_000, content_type="application/rss+xml", send_length=False)
    server.set("/bomb.xml", b"\0" * 30_000_000, content_type="application/rss+xml", gzip=True)
    server.set("/page.xml", "<html><body><p>Not a feed at all.</p></body></html>")
    server.set("/slowhead.xml", drip_seconds=0.05, drip_headers=True)
    hostile = "".join(f'[[source]]\nurl = "{u(p)}"\npoll_minutes = 0\n' for p in
                      ("/gone.xml", "/broken.xml", "/loop.xml", "/drip.xml", "/huge.xml", "/bomb.xml", "/page.xml", "/slowhead.xml"))
    sources, wh = _sources(server, tmp_path, hostile), tmp_path / "wh"
    started = time.monotonic()
    summary = _run(sources, wh)
    elapsed = time.monotonic() - started
    assert summary.counts.articles_new == 4
    reasons = dict(_rows(wh, "SELECT regexp_extract(input, '/[a-z]+\\.xml$'), reason FROM rejects"))
    assert reasons == {"/gone.xml": "http", "/broken.xml": "http", "/loop.xml": "redirects", "/drip.xml": "deadline",
                       "/huge.xml": "too_large", "/bomb.xml": "too_large", "/page.xml": "feed_parse",
                       "/slowhead.xml": "deadline"}
    details = dict(_rows(wh, "SELECT regexp_extract(input, '/[a-z]+\\.xml$'), detail FROM rejects"))
    assert "HTTP 404" in details["/gone.xml"] and "HTTP 500" in details["/broken.xml"]
    assert len(server.requests("/broken.xml")) == 2  # retried once (retries = 1), then given up
    assert len(server.requests("/gone.xml")) == 1  # a 404 is final
    assert len(server.requests("/loop.xml")) == 4  # the first request and max_redirects = 3 hops
    assert elapsed < 15, elapsed


def test_redirected_gzipped_and_mislabelled_feeds_are_read(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    u = server.url
    server.set("/moved.xml", redirect=u("/zipped.xml"))
    server.set("/zipped.xml", rss([Item("z-1", "Market blast", u("/news/market.html"), "2025-03-04")]), gzip=True,
               content_type="text/plain")
    body = f'[[source]]\nname = "Moved"\nurl = "{u("/moved.xml")}"\npoll_minutes = 0\n'
    summary = _run(write_sources(tmp_path, body), tmp_path / "wh")
    assert (summary.counts.articles_new, summary.counts.rejected) == (1, 0)
    assert server.requests("/zipped.xml")[0].headers["accept-encoding"] == "gzip, deflate"


def test_robots_txt_is_respected_for_pages(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    u = server.url
    server.set("/private/market.html", story_page("market"))
    server.set("/mixed.xml", rss([Item("p-1", "Hidden", u("/private/market.html"), "2025-03-04"),
                                  Item("p-2", "Open", u("/news/ambush.html"), "2025-03-02")]))
    body = f'[[source]]\nurl = "{u("/mixed.xml")}"\npoll_minutes = 0\n'
    wh = tmp_path / "wh"
    summary = _run(write_sources(tmp_path, body), wh)
    assert (summary.counts.articles_new, summary.counts.rejected) == (1, 1)
    assert _rows(wh, "SELECT reason FROM rejects") == [("robots",)]
    assert server.requests("/private/market.html") == []
    assert len(server.requests("/robots.txt")) == 1
    server.clear_log()
    again = _run(write_sources(tmp_path, body), wh)  # the refused entry is not asked about again
    assert again.counts.inputs_read == 0


def test_feed_mode_uses_the_feed_text_and_filters_apply(server: FeedServer, tmp_path: Path) -> None:
    u = server.url
    summary_html = "<p>Gunmen killed 9 villagers and abducted 20 others in a night raid, officials said.</p>"
    server.set("/text.xml", rss([Item("t-1", "Night raid", u("/news/raid.html"), "2025-04-01", summary_html),
                                 Item("t-2", "Football results", u("/sport/results.html"), "2025-04-01", "<p>3-1</p>"),
                                 Item("t-3", "Weather", u("/news/weather.html"), "2025-04-01", "<p>Rain.</p>")]))
    body = (f'[[source]]\nurl = "{u("/text.xml")}"\nfetch = "feed"\npoll_minutes = 0\n'
            'include = ["(?i)raid|results"]\nexclude = ["/sport/"]\n')
    wh = tmp_path / "wh"
    summary = _run(write_sources(tmp_path, body), wh)
    assert summary.counts.articles_new == 1
    assert [r.path for r in server.requests()] == ["/text.xml"]
    title, published = _rows(wh, "SELECT title, published FROM articles")[0]
    assert (title, str(published)) == ("Night raid", "2025-04-01")
    assert _rows(wh, "SELECT count(*) FROM events WHERE measure = 'killed'")[0][0] >= 1


def test_page_failures_are_retried_in_later_runs_then_given_up(server: FeedServer, tmp_path: Path) -> None:
    u = server.url
    server.set("/flaky.xml", rss([Item("f-1", "Flaky", u("/news/flaky.html"), "2025-04-01")]), etag='"f1"')
    server.set("/news/flaky.html", status=503)
    body = f'[[source]]\nurl = "{u("/flaky.xml")}"\npoll_minutes = 0\n'
    sources, wh = write_sources(tmp_path, body), tmp_path / "wh"
    results = [_run(sources, wh).counts.rejected for _ in range(4)]
    assert results == [1, 1, 1, 0]  # MAX_ITEM_ATTEMPTS = 3 runs, then the entry is given up
    assert _rows(wh, "SELECT DISTINCT reason FROM rejects") == [("http",)]
    # Validators are kept back while an entry awaits a retry, so the feed is not answered 304 meanwhile.
    assert [r.status for r in server.requests("/flaky.xml")] == [200, 200, 200, 304]


def test_large_feeds_are_taken_a_slice_per_run(server: FeedServer, tmp_path: Path) -> None:
    u = server.url
    items = [Item(f"n-{i}", f"Story {i}", u(f"/n/{i}"), "2025-04-01", f"<p>{i * 7} people were injured.</p>") for i in range(1, 6)]
    server.set("/many.xml", rss(items), etag='"m1"')
    body = f'[[source]]\nurl = "{u("/many.xml")}"\npoll_minutes = 0\nfetch = "feed"\nmax_new_entries = 2\n'
    sources, wh = write_sources(tmp_path, body), tmp_path / "wh"
    assert [_run(sources, wh).counts.articles_new for _ in range(4)] == [2, 2, 1, 0]
    assert [r.status for r in server.requests("/many.xml")] == [200, 200, 200, 304]


def test_a_failing_host_is_left_alone_for_the_rest_of_the_run(server: FeedServer, other_server: FeedServer,
                                                               tmp_path: Path) -> None:
    o = other_server.url
    server.set("/f.xml", rss([Item(f"s-{i}", f"Slow {i}", o(f"/slow/{i}"), "2025-04-01") for i in range(5)]), etag='"s"')
    for i in range(5):
        other_server.set(f"/slow/{i}", drip_seconds=0.05, drip_headers=True)
    body = f'[[source]]\nurl = "{server.url("/f.xml")}"\npoll_minutes = 0\n'
    sources, wh = write_sources(tmp_path, body, fetch=TEST_FETCH + "host_failures = 2\n"), tmp_path / "wh"
    summary = _run(sources, wh)
    assert summary.counts.reject_reasons == {"deadline": 2}
    assert len(other_server.requests()) == 3  # robots.txt and two pages; three pages never asked
    state = json.loads((wh / STATE_PATH).read_text())["feeds"][server.url("/f.xml")]
    assert state["etag"] is None and len(state["seen"]) == 0 and "5 left for later runs" in state["last_outcome"]


def test_run_budget_defers_what_is_left(server: FeedServer, tmp_path: Path) -> None:
    u = server.url
    server.set("/a.xml", rss([Item("a-1", "Slow", u("/slow.html"), "2025-04-01")]))
    server.set("/slow.html", drip_seconds=0.05, drip_headers=True)
    server.set("/b.xml", rss([]))
    body = (f'[[source]]\nurl = "{u("/a.xml")}"\npoll_minutes = 0\n'
            f'[[source]]\nurl = "{u("/b.xml")}"\npoll_minutes = 0\n')
    fetch = TEST_FETCH + "run_budget_seconds = 0.3\n"
    wh = tmp_path / "wh"
    _run(write_sources(tmp_path, body, fetch=fetch), wh)
    assert server.requests("/b.xml") == []
    feeds = json.loads((wh / STATE_PATH).read_text())["feeds"]
    assert feeds[u("/b.xml")]["last_polled"] is None  # still due at the next run
    assert feeds[u("/a.xml")]["last_polled"] is not None


def test_poll_interval_skips_a_feed_polled_recently(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    body = f'[defaults]\npoll_minutes = 30\n[[source]]\nurl = "{server.url("/atom.xml")}"\n'
    sources, wh = write_sources(tmp_path, body), tmp_path / "wh"
    config = Config(warehouse=str(wh), progress=False)
    t0 = dt.datetime(2025, 3, 10, 12, 0, tzinfo=dt.UTC)
    for minutes, requests in ((0, 3), (10, 3), (31, 4)):  # 3 = feed + robots.txt + page
        now = t0 + dt.timedelta(minutes=minutes)
        items = iter_source_items(sources, config=config, clock=lambda now=now: now)  # type: ignore[misc]
        run_items(items, config=config)
        assert len(server.requests()) == requests, minutes


def test_raw_area_reprocesses_without_the_network(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    sources, wh = _sources(server, tmp_path), tmp_path / "wh"
    _run(sources, wh)
    raw_files = sorted((wh / "raw").glob("*/*.html.gz"))
    assert len(raw_files) == 4 and all(gzip.decompress(p.read_bytes()).startswith(b"<!DOCTYPE") for p in raw_files)
    server.clear_log()
    items = list(iter_raw_documents(wh))
    assert server.requests() == []
    assert all(isinstance(i, Article) for i in items)
    stored = {r[0] for r in _rows(wh, "SELECT content_sha256 FROM articles")}
    assert {i.content_sha256 for i in items if isinstance(i, Article)} == stored
    assert {i.source for i in items if isinstance(i, Article)} == {"Test Wire", "Valley Atom", "JSON Desk"}


def test_corrupt_state_is_set_aside(server: FeedServer, tmp_path: Path) -> None:
    _site(server)
    sources, wh = _sources(server, tmp_path), tmp_path / "wh"
    (wh / STATE_PATH).parent.mkdir(parents=True)
    (wh / STATE_PATH).write_text("{not json")
    summary = _run(sources, wh)
    assert summary.counts.articles_new == 4
    assert len(list((wh / STATE_PATH).parent.glob("state.json.corrupt-*"))) == 1
    state = json.loads((wh / STATE_PATH).read_text())
    assert state["feeds"][server.url("/rss.xml")]["etag"] == RSS_ETAG


def test_a_run_cut_short_by_limit_loses_nothing(server: FeedServer, tmp_path: Path) -> None:
    u = server.url
    items = [Item(f"c-{i}", f"Story {i}", u(f"/c/{i}"), "2025-04-01", f"<p>{i * 3} people were arrested.</p>") for i in range(1, 4)]
    server.set("/cut.xml", rss(items), etag='"c1"')
    body = f'[[source]]\nurl = "{u("/cut.xml")}"\npoll_minutes = 0\nfetch = "feed"\n'
    sources, wh = write_sources(tmp_path, body), tmp_path / "wh"
    config = Config(warehouse=str(wh), progress=False)
    first = run_items(iter_source_items(sources, config=config), config=config, options=RunOptions(limit=1))
    second = _run(sources, wh)
    assert (first.counts.articles_new, second.counts.articles_new, second.counts.articles_duplicate) == (1, 2, 1)
    assert [r.status for r in server.requests("/cut.xml")] == [200, 200]  # the cut feed was not answered 304
    assert _rows(wh, "SELECT count(*) FROM articles") == [(3,)]
