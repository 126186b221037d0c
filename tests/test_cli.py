"""The command line: help everywhere, exit codes, and the `etl extract` contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import main
from etl.pipeline import RunSummary

COMMANDS = ["run", "extract", "report", "query", "eval", "compact"]
CONTRACT_QUANTITY = {"char_start", "char_end", "surface", "kind", "value", "low", "high", "qualifier", "unit", "change_direction"}
CONTRACT_DATE = {"char_start", "char_end", "surface", "value", "start_date", "end_date", "granularity"}
CONTRACT_EVENT = {"measure", "value_best", "value_low", "value_high", "qualifier", "subject", "period_start", "period_end",
                  "granularity", "date_source", "country_code", "location", "actor", "scope", "change_pct",
                  "change_direction", "base_period_start", "base_period_end", "char_start", "char_end"}


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["main", *COMMANDS])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output) > 200


def test_usage_errors_exit_2() -> None:
    assert CliRunner().invoke(main, ["report", "--by", "fortnight"]).exit_code == 2
    assert CliRunner().invoke(main, ["run", "/no/such/folder"]).exit_code == 2
    assert CliRunner().invoke(main, ["nonsense"]).exit_code == 2


def test_extract_follows_the_contract(tmp_path: Path) -> None:
    text = "In 2024 alone, 1,081 people were killed in attacks in Pakistan: a 45% increase from 2023."
    lines = [
        json.dumps({"id": "a", "text": text, "published": "2025-01-03"}),
        "not json",
        json.dumps({"id": 7, "text": "Nothing counted here.", "published": None}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(main, ["extract", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [o["id"] for o in out] == ["a", None, 7]
    assert "error" in out[1] and out[1]["quantities"] == []
    first = out[0]
    assert first["quantities"] and first["dates"] and first["events"]
    for q in first["quantities"]:
        assert CONTRACT_QUANTITY <= set(q) and text[q["char_start"] : q["char_end"]] == q["surface"]
    for d in first["dates"]:
        assert CONTRACT_DATE <= set(d) and text[d["char_start"] : d["char_end"]] == d["surface"]
    event = next(e for e in first["events"] if e["measure"] == "killed")
    assert CONTRACT_EVENT <= set(event)
    assert (event["value_best"], event["period_start"], event["period_end"], event["granularity"]) == (1081, "2024-01-01", "2024-12-31", "year")
    assert (event["change_pct"], event["change_direction"], event["base_period_start"]) == (45, "up", "2023-01-01")
    assert event["country_code"] == "PAK" and event["scope"] == "aggregate"


def _extract_one(text: str, published: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["extract", "-"], input=json.dumps({"id": "x", "text": text, "published": published}) + "\n")
    assert result.exit_code == 0, result.output
    out: dict[str, object] = json.loads(result.output)
    return out


def _sums(rows: object) -> dict[str, float]:
    assert isinstance(rows, list)
    sums: dict[str, float] = {}
    for row in rows:
        if row["scope"] == "incident":
            sums[row["measure"]] = sums.get(row["measure"], 0) + row["value_best"]
    return sums


@pytest.mark.parametrize(
    ("text", "published", "want", "parts", "first_day"),
    [
        ("One civilian and six assailants were killed and three civilians and ten assailants were injured in Gao on Monday.",
         "2024-05-08", {"killed": 7, "injured": 13}, [1, 6, 3, 10], "2024-05-06"),
        ("Gunmen killed at least 20 villagers near Tillaberi on Sunday. By Tuesday the toll had risen to 26, officials said.",
         "2024-03-13", {"killed": 26}, [20], "2024-03-10"),
        ("A bomb killed 9 people at a bus stop in Quetta on Friday. Two of the wounded died overnight, raising the toll to 11.",
         "2025-01-12", {"killed": 11}, [9, 2], "2025-01-10"),
    ],
)
def test_extract_events_sum_to_the_article_figure(text: str, published: str, want: dict[str, float], parts: list[int], first_day: str) -> None:
    """A plain sum of `events` per measure gives the figure (parts and superseded tolls are in
    `event_parts`, each pointing at the row that stands for it); the first event is the incident."""
    out = _extract_one(text, published)
    events, event_parts = out["events"], out["event_parts"]
    assert isinstance(events, list) and isinstance(event_parts, list)
    assert _sums(events) == want
    assert sorted(p["value_best"] for p in event_parts) == sorted(parts)
    assert {p["part_of"] for p in event_parts} <= {e["event_id"] for e in events} | {p["event_id"] for p in event_parts}
    assert all(e["part_of"] is None for e in events)
    assert events[0]["period_start"] == first_day


def test_extract_reads_stdin() -> None:
    result = CliRunner().invoke(main, ["extract", "-"], input=json.dumps({"id": "x", "text": "About 170 were hurt.", "published": None}) + "\n")
    assert result.exit_code == 0
    [line] = result.output.strip().splitlines()
    assert json.loads(line)["quantities"][0]["qualifier"] == "approx"


def test_report_formats_and_query(sample_warehouse: tuple[Path, RunSummary], tmp_path: Path) -> None:
    root = str(sample_warehouse[0])
    runner = CliRunner()
    for fmt in ("table", "csv", "markdown", "json"):
        result = runner.invoke(main, ["report", "-w", root, "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "2024" in result.output
    as_json = json.loads(runner.invoke(main, ["report", "-w", root, "--format", "json", "--by", "quarter"]).output)
    assert {"period", "total_low", "total_best", "total_high", "incidents", "sources", "change"} <= set(as_json[0])
    plot = tmp_path / "trend.png"
    assert runner.invoke(main, ["report", "-w", root, "--plot", str(plot)]).exit_code == 0
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    result = runner.invoke(main, ["query", "SELECT count(*) AS n FROM articles", "-w", root, "--format", "csv"])
    assert result.exit_code == 0 and result.output.splitlines()[0] == "n"
    assert runner.invoke(main, ["query", "DROP VIEW articles", "-w", root]).exit_code == 1


def test_report_rejects_injection_in_filters(sample_warehouse: tuple[Path, RunSummary]) -> None:
    root = str(sample_warehouse[0])
    for args in (["--country", "PAK'; DROP TABLE x; --"], ["--measure", "killed' OR 1=1 --"]):
        result = CliRunner().invoke(main, ["report", "-w", root, *args])
        assert result.exit_code == 2, result.output


def test_second_concurrent_run_is_refused(tmp_path: Path) -> None:
    from etl.warehouse import Warehouse

    with Warehouse(tmp_path).lock():
        result = CliRunner().invoke(main, ["run", "-w", str(tmp_path), "--no-progress"])
    assert result.exit_code == 1
    assert "another run is writing" in result.output
