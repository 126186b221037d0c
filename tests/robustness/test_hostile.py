"""Hostile command lines: injection in report filters, writing through `etl query`, odd paths.

Filters are either refused as usage errors (exit 2) or passed as bound parameters; `etl query`
runs one read-only statement or exits 1; odd warehouse, input and output paths give a clear error
(exit 1 or 2 with a message), never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from etl.cli import main
from etl.pipeline import RunSummary

INJECTIONS = ["PAK'; DROP TABLE x; --", "killed' OR 1=1 --", "x\"); COPY articles TO '/tmp/x.csv'; --", "year; ATTACH 'a.db'"]


def _clean_exit(result: Result, code: int) -> None:
    """Exited with ``code`` through click or sys.exit, with a message and without a traceback."""
    assert result.exit_code == code, (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if code:
        assert result.output.strip(), "an error without a message"


@pytest.mark.parametrize("option", ["--country", "--measure", "--by", "--format"])
@pytest.mark.parametrize("value", INJECTIONS, ids=["quote-drop", "or-true", "copy", "attach"])
def test_injection_in_report_filters_is_a_usage_error(option: str, value: str, sample_warehouse: tuple[Path, RunSummary]) -> None:
    result = CliRunner().invoke(main, ["report", "-w", str(sample_warehouse[0]), option, value])
    _clean_exit(result, 2)


@pytest.mark.parametrize("value", ["pak", "PAK", "ZZZ"])
def test_well_formed_country_is_bound_not_refused(value: str, sample_warehouse: tuple[Path, RunSummary]) -> None:
    result = CliRunner().invoke(main, ["report", "-w", str(sample_warehouse[0]), "--country", value, "--format", "json"])
    _clean_exit(result, 0)
    assert isinstance(json.loads(result.output), list)


@pytest.mark.parametrize(
    "args",
    [["--since", "2024-01-01'; DROP TABLE x"], ["--limit", "-1"], ["--batch-size", "0"], ["--workers", "0"], ["--engine", "x;y"]],
    ids=["since", "limit", "batch-size", "workers", "engine"],
)
def test_bad_run_options_are_usage_errors(args: list[str], tmp_path: Path) -> None:
    _clean_exit(CliRunner().invoke(main, ["run", "-w", str(tmp_path / "wh"), "--no-progress", *args]), 2)
    assert not (tmp_path / "wh").exists()


WRITING = {
    "copy": "COPY (SELECT 1) TO '{out}'",
    "create": "CREATE TABLE pwn AS SELECT 1",
    "attach": "ATTACH '{out}' AS pwn",
    "install": "INSTALL httpfs",
    "load": "LOAD httpfs",
    "set": "SET threads = 1",
    "pragma": "PRAGMA version",
    "call": "CALL pragma_version()",
    "export": "EXPORT DATABASE '{out}'",
    "drop": "DROP VIEW articles",
    "two-statements": "SELECT 1; COPY (SELECT 1) TO '{out}'",
    "no-statement": "/* nothing */ ;",
}


@pytest.mark.parametrize("sql", list(WRITING.values()), ids=list(WRITING))
def test_query_refuses_anything_but_one_read_only_statement(sql: str, tmp_path: Path, sample_warehouse: tuple[Path, RunSummary]) -> None:
    out = tmp_path / "pwned"
    result = CliRunner().invoke(main, ["query", sql.format(out=out), "-w", str(sample_warehouse[0])])
    _clean_exit(result, 1)
    assert not out.exists()


@pytest.mark.parametrize("inner", ["COPY (SELECT 42) TO '{out}'", "COPY articles TO '{out}'"], ids=["copy-select", "copy-table"])
def test_explain_analyze_cannot_write(inner: str, tmp_path: Path, sample_warehouse: tuple[Path, RunSummary]) -> None:
    out = tmp_path / "pwned.csv"
    result = CliRunner().invoke(main, ["query", "EXPLAIN ANALYZE " + inner.format(out=out), "-w", str(sample_warehouse[0])])
    assert not out.exists()
    _clean_exit(result, 1)


@pytest.mark.parametrize("sql", ["SELECT count(*) AS n FROM articles", "WITH a AS (SELECT 1 AS n) SELECT n FROM a",
                                 "DESCRIBE articles", "SHOW TABLES", "EXPLAIN SELECT * FROM events", "SELECT 1 -- ; DROP VIEW x"])
def test_read_only_statements_run(sql: str, sample_warehouse: tuple[Path, RunSummary]) -> None:
    _clean_exit(CliRunner().invoke(main, ["query", sql, "-w", str(sample_warehouse[0])]), 0)


def test_warehouse_under_a_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(main, ["run", "-w", str(blocker / "wh"), "--no-progress", str(blocker)])
    _clean_exit(result, 1)
    assert "cannot create warehouse" in result.output
    assert blocker.read_text() == "not a folder"


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", "-w", str(tmp_path / "wh"), "--no-progress", str(tmp_path / ".." / "nowhere" / "x.txt")])
    _clean_exit(result, 2)
    assert "no such file" in result.output


@pytest.mark.parametrize("name", ["wh [1]", "wh[a-z]"])
def test_warehouse_path_with_glob_characters(name: str, tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("Title: t\nPublished: 2024-03-03\n\nAt least 12 people were killed on Tuesday.\n")
    wh = str(tmp_path / name)
    _clean_exit(CliRunner().invoke(main, ["run", "-w", wh, "--no-progress", str(tmp_path / "in.txt")]), 0)
    result = CliRunner().invoke(main, ["query", "SELECT count(*) AS n FROM articles", "-w", wh, "--format", "csv"])
    _clean_exit(result, 0)
    assert result.output.split() == ["n", "1"]


def test_warehouse_path_with_quotes_and_semicolons(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("Title: t\nPublished: 2024-03-03\n\nAt least 12 people were killed on Tuesday.\n")
    wh = str(tmp_path / "wh'; DROP VIEW articles; --")
    _clean_exit(CliRunner().invoke(main, ["run", "-w", wh, "--no-progress", str(tmp_path / "in.txt")]), 0)
    result = CliRunner().invoke(main, ["query", "SELECT count(*) AS n FROM articles", "-w", wh, "--format", "csv"])
    _clean_exit(result, 0)
    assert result.output.split() == ["n", "1"]


@pytest.fixture
def small_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "At least 12 people were killed.", "published": "2024-03-03"}) + "\n")
    return path


def test_extract_output_into_a_missing_folder_is_a_clear_error(small_jsonl: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(small_jsonl), "-o", str(tmp_path / "no" / "such" / "out.jsonl")])
    assert result.exit_code in (1, 2)
    _clean_exit(result, result.exit_code)
    assert not (tmp_path / "no").exists()


def test_extract_output_onto_a_folder_is_a_clear_error(small_jsonl: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(small_jsonl), "-o", str(tmp_path)])
    assert result.exit_code in (1, 2)
    _clean_exit(result, result.exit_code)


def test_extract_output_with_traversal_lands_where_it_says(small_jsonl: Path, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    target = tmp_path / "sub" / ".." / "out.jsonl"
    _clean_exit(CliRunner().invoke(main, ["extract", str(small_jsonl), "-o", str(target)]), 0)
    assert json.loads((tmp_path / "out.jsonl").read_text())["id"] == "a"


def test_plot_into_a_missing_folder_is_a_clear_error(tmp_path: Path, sample_warehouse: tuple[Path, RunSummary]) -> None:
    result = CliRunner().invoke(main, ["report", "-w", str(sample_warehouse[0]), "--plot", str(tmp_path / "no" / "p.png")])
    assert result.exit_code in (1, 2)
    _clean_exit(result, result.exit_code)


EXTRACT_LINES = [
    ('{"id": "ok", "text": "At least 12 people were killed.", "published": null}', None),
    ('{"id": "surrogate", "text": "x \\ud800 12 killed"}', "encoding"),
    ('{"id": "far", "text": "12 killed", "published": "9999-01-01"}', "invalid_field"),
    ('{"id": ' + "9" * 5000 + ', "text": "1"}', "line 4"),
    ("\xff\xfe not json", "line 5"),
    ('{"id": "int-date", "text": "5 killed", "published": 5}', "invalid_field"),
    ('{"id": "feb30", "text": "5 killed", "published": "2024-02-30"}', "invalid_field"),
    ('["a", "list"]', "line 8"),
    ('{"id": "no-text"}', "line 9"),
    ('{"id": "invisible", "text": "\\u0000\\u202e 5 killed \\u200b"}', None),
]


def test_extract_answers_every_line_in_order(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(line for line, _ in EXTRACT_LINES) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    _clean_exit(CliRunner().invoke(main, ["extract", str(source), "-o", str(out)]), 0)
    answers = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(answers) == len(EXTRACT_LINES)
    for answer, (_, error) in zip(answers, EXTRACT_LINES, strict=True):
        if error is None:
            assert "error" not in answer and answer["quantities"], answer
        else:
            assert error in answer["error"] and answer["quantities"] == answer["events"] == [], answer


def test_extract_survives_deeply_nested_json(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("[" * 100_000 + "]" * 100_000 + "\n" + EXTRACT_LINES[0][0] + "\n")
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(tmp_path / "out.jsonl")])
    _clean_exit(result, 0)
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2
