"""Ingest: every supported format becomes articles with the right metadata."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from etl.records import Article, Reject
from etl.stages.ingest import ingest

LIMITS = {"max_bytes": 1_000_000, "max_chars": 100_000}
BODY = "Gunmen killed 12 people in an attack on a market, police said.\n\nAnother 30 were injured."


def _read(*paths: Path) -> list[Article | Reject]:
    return list(ingest(list(paths), **LIMITS))


def test_text_with_header_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Title: Market attack\nSource: Test Wire\nURL: https://example.org/a\nPublished: 2024-03-14\n\n{BODY}\n")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert (article.title, article.source, article.url) == ("Market attack", "Test Wire", "https://example.org/a")
    assert (article.published, article.published_source) == (dt.date(2024, 3, 14), "metadata")
    assert article.text == BODY
    assert article.article_id == article.content_sha256[:16]


def test_text_without_header_takes_the_date_from_its_dateline(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text(f"KABUL, March 3, 2024 (Test Wire) - {BODY}")
    [article] = _read(path)
    assert isinstance(article, Article)
    assert (article.published, article.published_source) == (dt.date(2024, 3, 3), "text")


def test_text_without_any_date_says_so(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text(BODY)
    [article] = _read(path)
    assert isinstance(article, Article)
    assert (article.published, article.published_source) == (None, "none")


def test_prose_that_starts_like_a_header_is_body(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("Source: police in the capital.\nThey said 4 people died.")
    [article] = _read(path)
    assert isinstance(article, Article) and article.text.startswith("Source: police")


def test_html_page_gives_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "e.html"
    path.write_text(
        "<html><head><title>Attack | Daily</title><meta property='article:published_time' content='2024-05-03T10:00:00Z'>"
        "</head><body><nav>Home World Sport</nav><script>var tracking = 1;</script><article><h1>Attack on market</h1>"
        f"<p>{BODY.splitlines()[0]}</p><p>Another 30 were injured, officials said on Saturday.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    [article] = _read(path)
    assert isinstance(article, Article)
    assert article.published == dt.date(2024, 5, 3)
    assert "Gunmen killed 12 people" in article.text and "tracking" not in article.text and "Copyright" not in article.text
    assert "\n\n" in article.text  # paragraphs kept apart


def test_json_and_gzipped_jsonl(tmp_path: Path) -> None:
    one = tmp_path / "f.json"
    one.write_text(json.dumps({"id": "x1", "text": BODY, "published": "2024-01-02", "source": "S", "title": "T"}))
    many = tmp_path / "g.jsonl.gz"
    lines = [json.dumps({"id": f"y{i}", "text": f"{BODY} Report {i}.", "published": None}) for i in range(3)]
    many.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))
    items = _read(one, many)
    assert all(isinstance(i, Article) for i in items)
    assert [i.external_id for i in items if isinstance(i, Article)] == ["x1", "y0", "y1", "y2"]
    assert [i.input for i in items][1:] == [f"{many}:{n}" for n in (1, 2, 3)]


def test_folders_are_walked_in_name_order_and_readmes_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).write_text(f"{BODY} ({name})")
    (tmp_path / "README.md").write_text("About this folder.")
    (tmp_path / ".hidden.txt").write_text("secret")
    names = [Path(i.input).name for i in _read(tmp_path)]
    assert names == ["a.txt", "b.txt", "c.txt"]


def test_bad_inputs_become_reasoned_rejects(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 12 killed".encode("latin-1"))
    (tmp_path / "bad.jsonl").write_text('{"id": 1, "text": "ok 3 died"}\n{not json}\n{"id": 2}\n')
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    reasons = sorted(i.reason for i in _read(tmp_path) if isinstance(i, Reject))
    assert reasons == ["binary", "encoding", "invalid_json", "missing_field", "unsupported_format"]


def test_html_outlet_comes_from_the_title_when_the_page_has_no_site_name(tmp_path: Path) -> None:
    path = tmp_path / "h.html"
    path.write_text(f"<html><head><title>Market attack kills 12 | The Daily Ledger</title></head><body><article><p>{BODY}</p></article></body></html>")
    [article] = _read(path)
    assert isinstance(article, Article) and article.source == "The Daily Ledger"


def test_written_publication_dates_in_metadata_are_read_by_dateparser(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    lines = [json.dumps({"id": str(i), "text": f"{BODY} ({i})", "published": p})
             for i, p in enumerate(["Sun, 03 Mar 2024 10:00:00 GMT", "March 3, 2024", "3 March", "yesterday"])]
    path.write_text("\n".join(lines) + "\n")
    items = _read(path)
    assert [i.published for i in items[:2] if isinstance(i, Article)] == [dt.date(2024, 3, 3)] * 2
    assert [(i.reason, "not a full date" in i.detail) for i in items[2:] if isinstance(i, Reject)] == [("invalid_field", True)] * 2
