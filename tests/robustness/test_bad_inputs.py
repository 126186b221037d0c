"""A corpus of deliberately bad inputs: no crash, and every input is an article or a reject with a reason.

The corpus is generated in a temporary folder (``corpora.BAD_CASES``, one test id per case). Ingest
is checked on its own (fast, no extraction); the whole run is checked when the extraction chain is
importable: every input lands in ``articles`` or ``rejects``, and the run's counts add up.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.config import Config
from etl.pipeline import run_paths
from etl.records import Article, Reject
from etl.stages.ingest import SUPPORTED, RawInput, ingest, make_article, parse_input, read_inputs
from etl.warehouse import Warehouse

from .corpora import ARTICLE, BAD_CASES, DUPLICATE, EXTRACT_REASONS, HUGE_FILE_BYTES, LIMITS, Case, build_bad_corpus, story

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _ingest_all(root: Path, *, max_bytes: int = LIMITS.max_input_bytes) -> dict[str, list[str]]:
    outcomes: dict[str, list[str]] = {}
    for item in ingest([root], max_bytes=max_bytes, max_chars=LIMITS.max_article_chars):
        outcomes.setdefault(item.input, []).append(item.reason if isinstance(item, Reject) else ARTICLE)
    return outcomes


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, frozenset[str]], dict[str, list[str]]]:
    root = tmp_path_factory.mktemp("bad")
    expected = build_bad_corpus(root)
    return root, expected, _ingest_all(root)


def _names(root: Path, case: Case) -> list[tuple[str, frozenset[str]]]:
    return [(os.path.normpath(str(root / case.path)) + suffix, allowed) for suffix, allowed in case.expect]


def _at_ingest(allowed: frozenset[str]) -> frozenset[str]:
    """Ingest does not deduplicate nor extract: those outcomes are still articles there."""
    return frozenset(ARTICLE if o in EXTRACT_REASONS | {DUPLICATE} else o for o in allowed)


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.id)
def test_bad_input_becomes_an_article_or_a_reasoned_reject(case: Case, bad_corpus: tuple) -> None:
    root, _, outcomes = bad_corpus
    for name, allowed in _names(root, case):
        assert name in outcomes, f"{name!r} vanished; got names {sorted(outcomes)[:5]}..."
        assert len(outcomes[name]) == 1, f"{name!r} counted twice: {outcomes[name]}"
        assert outcomes[name][0] in _at_ingest(allowed), f"{name!r}: {outcomes[name][0]} not in {sorted(allowed)}"


def test_ingest_yields_nothing_unexpected(bad_corpus: tuple) -> None:
    _, expected, outcomes = bad_corpus
    assert sorted(set(outcomes) - set(expected)) == []
    assert sorted(set(expected) - set(outcomes)) == []


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"12 people were killed. ")
        handle.truncate(HUGE_FILE_BYTES)
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        items = list(read_inputs([path], max_bytes=LIMITS.max_input_bytes))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(type(i), getattr(i, "reason", None)) for i in items] == [(Reject, "too_large")]
    assert peak < 1_000_000, f"{peak} bytes allocated to refuse a file by its size"
    assert time.perf_counter() - t0 < 1.0


def test_gzip_bomb_is_inflated_only_up_to_the_limit(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bomb.txt.gz"
    with gzip.GzipFile(path, "wb", mtime=0) as handle:
        for _ in range(100):
            handle.write(b"a" * 100_000)  # 10 MB inflated, ~10 kB on disk
    tracemalloc.start()
    try:
        items = list(read_inputs([path], max_bytes=200_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [getattr(i, "reason", None) for i in items] == ["too_large"]
    assert peak < 3_000_000, f"{peak} bytes allocated for a 200 kB limit"


def test_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def unblock() -> None:  # if ingest ever opened the FIFO it would block: a late writer frees it
        time.sleep(3)
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK) if _has_reader(fifo) else None
        if fd is not None:
            os.close(fd)

    threading.Thread(target=unblock, daemon=True).start()
    t0 = time.perf_counter()
    items = list(read_inputs([tmp_path], max_bytes=1000))
    assert time.perf_counter() - t0 < 2.0
    assert [(i.reason, "FIFO" in i.detail) for i in items if isinstance(i, Reject)] == [("unreadable", True)]


def _has_reader(fifo: Path) -> bool:
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        return False
    return True


@pytest.mark.skipif(IS_ROOT, reason="root reads chmod 000 files and folders")
def test_unlistable_folder_becomes_a_reject(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(story("locked"))
    locked.chmod(0)
    try:
        items = list(read_inputs([tmp_path], max_bytes=1000))
    finally:
        locked.chmod(0o755)
    assert [(i.input, i.reason) for i in items if isinstance(i, Reject)] == [(str(locked), "unreadable")]


def test_invisible_and_direction_characters_are_removed(bad_corpus: tuple) -> None:
    root, _, _ = bad_corpus
    texts = {a.input: a.text for a in ingest([root / "text"], max_bytes=10**6, max_chars=10**6) if isinstance(a, Article)}
    text = texts[str(root / "text" / "zero_width.txt")]
    assert text.startswith("1000 people were displaced; 45 arrested. ")
    assert not any(ch in text for ch in "\u200b\u200d\u2066\u202e\ufeff")
    assert "\u202e" not in texts[str(root / "text" / "rtl_mixed.txt")]


def test_html_entities_are_not_expanded(bad_corpus: tuple) -> None:
    root, _, _ = bad_corpus
    t0 = time.perf_counter()
    items = list(ingest([root / "html"], max_bytes=10**6, max_chars=10**6))
    assert time.perf_counter() - t0 < 10
    for item in items:
        if isinstance(item, Article):
            assert "lollollol" not in item.text and "root:" not in item.text, item.input


@pytest.mark.parametrize("dateline", ["LAHORE, March 3, 9999 (Wire) -", "Published: 9999-12-31", "By Jo Bloggs | 1 May 0001"])
def test_publication_date_found_in_text_stays_in_the_plausible_window(dateline: str) -> None:
    article = make_article(f"{dateline} Some 12 people were killed.", name="t", max_chars=1000, meta={})
    assert isinstance(article, Article)
    assert article.published is None or 1900 <= article.published.year <= 2100


def test_too_many_numbers_is_a_documented_limit(needs_extraction: None) -> None:
    from etl.extractor import Extractor

    extractor = Extractor.from_config(Config(max_quantities_per_article=3))
    article = make_article("Counts: 11 people, 12 cars, 13 houses, 14 goats and 15 boats.", name="n", max_chars=1000, meta={})
    assert isinstance(article, Article)
    result = extractor.extract(article)
    assert isinstance(result, Reject) and result.reason == "too_many_numbers"
    assert "max_quantities_per_article" in result.detail


def _warehouse_outcomes(config: Config) -> tuple[set[str], dict[str, list[str]]]:
    con = Warehouse(config.warehouse).connect()
    articles = [r[0] for r in con.execute("SELECT input FROM articles").fetchall()]
    assert len(articles) == len(set(articles)), "an article was written twice"
    rejects: dict[str, list[str]] = {}
    for name, reason in con.execute("SELECT input, reason FROM rejects").fetchall():
        rejects.setdefault(name, []).append(reason)
    return set(articles), rejects


def test_run_over_the_bad_corpus_accounts_for_every_input(tmp_path: Path, config: Config, needs_extraction: None) -> None:
    expected = build_bad_corpus(tmp_path / "bad")
    summary = run_paths([tmp_path / "bad"], config=config)  # must not raise
    articles, rejects = _warehouse_outcomes(config)
    duplicates = 0
    for name, allowed in expected.items():
        outcome = ARTICLE if name in articles else (rejects[name][0] if name in rejects else DUPLICATE)
        assert len(rejects.get(name, [])) + (name in articles) <= 1, f"{name!r} stored twice"
        assert outcome in allowed, f"{name!r}: {outcome} not in {sorted(allowed)}"
        duplicates += outcome == DUPLICATE
    counts = summary.counts
    assert counts.inputs_read == len(expected)
    assert (counts.articles_new, counts.articles_duplicate, counts.rejected) == (len(articles), duplicates, sum(map(len, rejects.values())))
    row = Warehouse(config.warehouse).connect().execute(
        "SELECT inputs_read, articles_new + articles_duplicate + articles_skipped + rejected, status FROM runs WHERE run_id = ?",
        [summary.run_id],
    ).fetchall()
    assert row == [(len(expected), len(expected), "partial")]


def _small_mixed_corpus(root: Path) -> None:
    root.mkdir()
    for name, day in [("old", "2023-01-05"), ("new", "2024-07-01"), ("newer", "2024-08-01")]:
        (root / f"{name}.txt").write_text(f"Title: {name}\nPublished: {day}\n\n" + story(name))
    (root / "undated.txt").write_text("Some 4 people were hurt in a crash. Case undated.\n")
    (root / "copy-of-new.txt").write_text("Title: new\nPublished: 2024-07-01\n\n" + story("new"))
    (root / "bad.txt").write_bytes(b"\0\1\2")
    (root / "lines.jsonl").write_text('{"text": "Nine 9 were hurt. Line one."}\nnot json\n')


def _runs(config: Config) -> list[tuple[Any, ...]]:
    return Warehouse(config.warehouse).connect().execute(
        "SELECT status, inputs_read, articles_new, articles_duplicate, articles_skipped, rejected FROM runs ORDER BY started_at"
    ).fetchall()


def test_accounting_holds_with_duplicates_skips_and_rejects(tmp_path: Path, config: Config, needs_extraction: None) -> None:
    from etl.pipeline import RunOptions

    _small_mixed_corpus(tmp_path / "in")
    first = run_paths([tmp_path / "in"], config=config, options=RunOptions(since=dt.date(2024, 6, 1)))
    second = run_paths([tmp_path / "in"], config=config)
    # 8 inputs: 3 dated articles, 1 undated, 1 copy, 1 binary file, 2 JSON lines (one broken).
    assert [(c.inputs_read, c.articles_new, c.articles_duplicate, c.articles_skipped, c.rejected) for c in (first.counts, second.counts)] == [
        (8, 2, 1, 3, 2),  # old, undated and the JSON line are before --since or undated
        (8, 3, 3, 0, 2),  # now they are new; the rest are duplicates of the first run
    ]
    assert _runs(config) == [("partial", 8, 2, 1, 3, 2), ("partial", 8, 3, 3, 0, 2)]


_JSONISH = st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode),
                     st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                                  lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["text", "id", "published", "title"]), inner, max_size=4),
                                  max_leaves=8).map(lambda obj: json.dumps(obj).encode()))


@settings(max_examples=150, deadline=None)
@given(data=_JSONISH, fmt=st.sampled_from(sorted(SUPPORTED)), lines=st.integers(min_value=1, max_value=3))
def test_parse_input_never_raises_and_never_drops(data: bytes, fmt: str, lines: int) -> None:
    raw = RawInput(f"x{fmt}", fmt, b"\n".join([data] * lines))
    items = list(parse_input(raw, max_chars=10_000))
    assert items, "an input produced neither an article nor a reject"
    for item in items:
        if isinstance(item, Reject):
            assert item.reason.isidentifier() and item.detail, item
        else:
            item.text.encode("utf-8")  # storable
            assert item.text.strip() and len(item.text) <= 10_000
            assert item.published is None or 1900 <= item.published.year <= 2100
