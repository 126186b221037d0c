"""The sources file: a valid file loads; every mistake is reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.feeds.commands import sources_group
from etl.feeds.sources import FetchLimits, SourcesError, load_sources, parse_sources

EXAMPLE = Path(__file__).resolve().parents[2] / "sources.example.toml"
OK = '[[source]]\nurl = "http://127.0.0.1:9/feed.xml"\n'


def _problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(SourcesError) as info:
        parse_sources(text, path=Path("s.toml"))
    return [(p.line, p.message) for p in info.value.problems]


def test_the_shipped_example_is_valid() -> None:
    spec = load_sources(EXAMPLE)
    assert [s.label for s in spec.sources] == ["Example Wire", "Example Atom Desk", "Example JSON Briefs", "example.org"]
    wire, atom_desk, briefs, archive = spec.sources
    assert (wire.poll_minutes, wire.fetch, wire.language) == (15.0, "page", "en")
    assert atom_desk.poll_minutes == 60.0 and briefs.fetch == "feed" and briefs.language == "fr"
    assert archive.name is None and not archive.enabled
    assert spec.limits == FetchLimits()


def test_defaults_apply_and_sources_override_them() -> None:
    text = '[defaults]\nfetch = "feed"\npoll_minutes = 5\n' + OK + '[[source]]\nurl = "http://127.0.0.1:9/b"\nfetch = "page"\n'
    first, second = parse_sources(text, path=Path("s.toml")).sources
    assert (first.fetch, first.poll_minutes, second.fetch, second.poll_minutes) == ("feed", 5.0, "page", 5.0)


@pytest.mark.parametrize("title,url,wanted", [
    ("Bomb kills 12", "http://x/world/1", True),
    ("Match report", "http://x/sport/2", False),
    ("Weather today", "http://x/world/3", False),
    ("Attack on convoy", "http://x/sport/4", False),
], ids=["include-title", "exclude-url", "no-include-match", "exclude-wins"])
def test_include_and_exclude_patterns(title: str, url: str, wanted: bool) -> None:
    text = OK + 'include = ["(?i)kill|attack"]\nexclude = "/sport/"\n'
    (source,) = parse_sources(text, path=Path("s.toml")).sources
    assert source.wants(title=title, url=url) is wanted


@pytest.mark.parametrize("text,line,fragment", [
    ('[[source]]\nurl = "http://a/feed"\nname = \n', 3, "invalid TOML"),
    (OK + "colour = 'red'\n", 3, "unknown key 'colour'"),
    ('[[source]]\nname = "x"\n\nurl = "ftp://example.org/feed"\n', 4, "must start with http:// or https://"),
    ('[[source]]\nurl = "http://"\n', 2, "no host"),
    (OK + 'include = ["(unclosed"]\n', 3, "not a valid regular expression"),
    (OK + "poll_minutes = -5\n", 3, "poll_minutes must be 0 or more"),
    (OK + 'fetch = "both"\n', 3, "fetch must be 'page' or 'feed'"),
    (OK + 'language = "English"\n', 3, "language must be a code"),
    (OK + 'enabled = "yes"\n', 3, "enabled must be bool"),
    ('[fetch]\nretries = 2\ndeadline_seconds = 0\n' + OK, 3, "deadline_seconds must be more than 0"),
    ('[fetch]\nmax_body_bytes = 1.5\n' + OK, 2, "max_body_bytes must be int"),
    ('[fetch]\nproxy = "x"\n' + OK, 2, "unknown key 'proxy'"),
    ('[defaults]\nurl = "http://a/b"\n' + OK, 2, "unknown key 'url'"),
    ('[[source]]\nname = "only a name"\n', 1, "missing required key 'url'"),
    (OK + OK, 3, "same url as source #1"),
    ('[[source]]\nname = "A"\nurl = "http://a/1"\n[[source]]\nname = "A"\nurl = "http://a/2"\n', 4, "same name as source #1"),
    ('[source_list]\nx = 1\n' + OK, 1, "unknown table or key 'source_list'"),
], ids=["toml-syntax", "unknown-key", "bad-scheme", "no-host", "bad-regex", "negative-poll", "bad-fetch-mode",
        "bad-language", "bool-type", "zero-deadline", "int-type", "unknown-limit", "url-in-defaults", "missing-url",
        "duplicate-url", "duplicate-name", "unknown-table"])
def test_problems_name_their_line(text: str, line: int, fragment: str) -> None:
    problems = _problems(text)
    assert any(p_line == line and fragment in message for p_line, message in problems), problems


def test_no_sources_is_a_problem() -> None:
    assert _problems("[defaults]\npoll_minutes = 5\n") == [(None, "no feeds: add at least one [[source]] table with a url")]


def test_every_problem_is_reported_at_once() -> None:
    text = '[[source]]\nurl = "gopher://a"\n[[source]]\nurl = "http://b/feed"\npoll_minutes = -1\nfoo = 1\n'
    assert [line for line, _ in _problems(text)] == [2, 6]  # the bad-typed source stops at its unknown key


def test_check_command_prints_file_line_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(OK + "colour = 'red'\n")
    result = CliRunner().invoke(sources_group, ["check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3: source #1: unknown key 'colour'" in result.output


def test_check_command_summarises_a_good_file() -> None:
    result = CliRunner().invoke(sources_group, ["check", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "OK, 4 source(s), 3 enabled" in result.output
    assert "example.org: https://example.org/archive/rss.xml fetch=page every 15 min (disabled)" in result.output
