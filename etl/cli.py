"""Command line: the only place that parses flags, sets up logging, prints and exits.

Exit codes: 0 ok, 1 failure (bad input file, locked or unwritable warehouse, query error), 2 usage.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import IO, Any, TextIO

import click

from etl.config import Config, ConfigError, is_url, load_config
from etl.records import Reject

SAMPLE_CORPUS = Path(__file__).resolve().parent / "data" / "sample"
log = logging.getLogger("etl")


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage(),
        }
        return json.dumps(payload)


def _setup_logging(level: str, fmt: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonFormatter() if fmt == "json" else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="TOML file with an [etl] table of settings (see README, 'Configuration').")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default="warning", show_default=True, help="Logging threshold (logs go to stderr).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="json: one JSON object per log line, for schedulers.")
@click.version_option(package_name="etl")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None, log_level: str, log_format: str) -> None:
    """Turn news articles into dated, sourced numbers: a Parquet warehouse with DuckDB views.

    \b
    Quick start:
      etl run                      # the bundled sample corpus into ./warehouse
      etl report --by year         # deaths per year from it
      etl extract in.jsonl         # JSON Lines in, extractions out (no warehouse)
    """
    _setup_logging(log_level, log_format)
    try:
        ctx.obj = load_config(config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


def _config(ctx: click.Context, **overrides: Any) -> Config:
    try:
        config: Config = ctx.obj.replace(**overrides)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    return config


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


WAREHOUSE = click.option("--warehouse", "-w", metavar="PATH|URL",
                         help="Warehouse folder or fsspec URL such as s3://bucket/prefix (default ./warehouse, or the config's).")



@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@WAREHOUSE
@click.option("--workers", type=click.IntRange(1, 64), help="Extraction processes (default 1); with more than one, this process writes each batch while they extract the next.")
@click.option("--engine", type=click.Choice(["local", "dask"]), help="local (default) or dask (needs --scheduler).")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://127.0.0.1:8786.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only articles published on or after this day (backfills).")
@click.option("--limit", type=click.IntRange(1), help="Read at most this many inputs.")
@click.option("--batch-size", type=click.IntRange(1), help="Articles per committed batch (default 500).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on when stderr is a terminal).")
@click.option("--sources", "sources_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Poll the feeds listed in this TOML file instead of reading INPUTS (docs/feeds.md).")
@click.pass_context
def run(ctx: click.Context, inputs: tuple[Path, ...], warehouse: str | None, workers: int | None, engine: str | None,
        scheduler: str | None, since: dt.datetime | None, limit: int | None, batch_size: int | None, progress: bool | None,
        sources_file: Path | None) -> None:
    """Ingest INPUTS (files or folders; default: the bundled sample corpus), extract, load.

    Formats: .txt/.md (optional Title/Source/URL/Published header lines), .html, .json, .jsonl,
    each optionally .gz. Articles already in the warehouse (same text) are skipped, so running
    twice adds nothing. Bad inputs become rows in `rejects` and the run goes on. Only one run
    may write to a warehouse at a time; a second one exits with code 1.
    """
    from etl.pipeline import RunOptions, run_items
    from etl.warehouse import WarehouseError

    if sources_file and inputs:
        raise click.UsageError("give INPUTS or --sources, not both")
    config = _config(ctx, warehouse=warehouse, workers=workers, engine=engine, scheduler=scheduler, batch_size=batch_size)
    options = RunOptions(since=since.date() if since else None, limit=limit)
    if sources_file and is_url(config.warehouse):
        raise click.UsageError("--sources keeps feed state and fetched documents in the warehouse folder: give a local --warehouse")
    items = _source_items(sources_file, config) if sources_file else _file_items(inputs, config)
    with _progress_bar(progress) as bar:
        try:
            summary = run_items(items, config=config, options=options, progress=bar)
        except WarehouseError as exc:
            _fail(str(exc))
    _print_summary(summary)


def _file_items(inputs: tuple[Path, ...], config: Config) -> Any:
    from etl.pipeline import file_items

    paths = list(inputs) or [SAMPLE_CORPUS]
    missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise click.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="INPUTS")
    return file_items(paths, config=config)


def _source_items(sources_file: Path, config: Config) -> Any:
    from etl.feeds.commands import iter_source_items
    from etl.feeds.sources import SourcesError

    try:
        return iter_source_items(sources_file, config=config)  # validates the file now, naming lines
    except SourcesError as exc:
        raise click.UsageError(str(exc)) from exc


def _print_summary(summary: Any) -> None:
    c = summary.counts
    click.echo(f"run {summary.run_id}: {c.inputs_read} inputs read, {c.articles_new} new articles, "
               f"{c.articles_duplicate} duplicates, {c.articles_skipped} skipped, {c.rejected} rejected; "
               f"{c.events} events, {c.quantities} quantities, {c.dates} dates -> {summary.warehouse}")
    for reason, n in sorted(c.reject_reasons.items()):
        click.echo(f"  rejected ({reason}): {n}")


class _progress_bar:
    """A tqdm bar on a terminal; nothing when stderr is not a TTY (cron, CI) unless forced."""

    def __init__(self, enabled: bool | None) -> None:
        from tqdm import tqdm

        self._bar = tqdm(unit=" inputs", disable=(not enabled) if enabled is not None else None, file=sys.stderr)

    def __enter__(self) -> _progress_bar:
        return self

    def __call__(self, n: int) -> None:
        self._bar.update(n)

    def __exit__(self, *exc: object) -> None:
        self._bar.close()


@main.command()
@click.argument("input_file", metavar="INPUT.jsonl", type=click.File("r", encoding="utf-8", errors="replace"))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output file, written atomically (default stdout).")
@click.pass_context
def extract(ctx: click.Context, input_file: TextIO, output: Path | None) -> None:
    """Extract from JSON Lines (`-` for stdin) without touching a warehouse.

    Each input line is {"id", "text", "published": "YYYY-MM-DD" | null}; each output line holds
    the id with its quantities, dates and events (CONTRACT.md). Events may be summed per measure
    and scope, the headline row first; "event_parts" holds the parts of a total and the earlier
    figures of an updated toll that an event stands for (its "part_of"). Exactly one output line
    per input line, in order; a line that cannot be read gets empty lists and an "error" field.
    """
    from etl.extractor import Extractor

    config = _config(ctx)
    extractor = Extractor.from_config(config)
    _check_parent(output, "--output")
    with click.open_file(str(output) if output else "-", "w", encoding="utf-8", atomic=output is not None) as stream:
        failures = _extract_lines(input_file, stream, extractor=extractor, config=config)
    if failures:
        log.warning("%d line(s) could not be extracted; see their \"error\" fields", failures)


def _check_parent(path: Path | str | None, hint: str) -> None:
    if path is not None and not Path(path).resolve().parent.is_dir():
        raise click.BadParameter(f"folder {Path(path).parent} does not exist", param_hint=hint)


def _extract_lines(input_file: IO[str], output: IO[str], *, extractor: Any, config: Config) -> int:
    from etl.contract import empty_json, extraction_json
    from etl.engines import extract_one
    from etl.stages.ingest import make_article

    failures = 0
    for lineno, line in enumerate(input_file, start=1):
        record_id: Any = None
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
            record_id = obj.get("id")
            if not isinstance(obj.get("text"), str):
                raise ValueError("'text' must be a string")
        except (ValueError, RecursionError) as exc:
            failures += 1
            output.write(json.dumps(empty_json(record_id, error=f"line {lineno}: {type(exc).__name__}: {exc}")) + "\n")
            continue
        meta = {"published": obj.get("published")}
        article = make_article(obj["text"], name=f"line {lineno}", max_chars=config.max_article_chars, meta=meta, clean=False)
        result = extract_one(extractor, article) if not isinstance(article, Reject) else article
        if isinstance(result, Reject):
            failures += 1
            output.write(json.dumps(empty_json(record_id, error=f"{result.reason}: {result.detail}")) + "\n")
        else:
            output.write(json.dumps(extraction_json(record_id, result)) + "\n")
    return failures


@main.command()
@WAREHOUSE
@click.option("--measure", default="killed", show_default=True, help="killed, injured, arrested, kidnapped, missing, displaced, attacks, fighters or count.")
@click.option("--by", "by", type=click.Choice(["year", "quarter", "month"]), default="year", show_default=True, help="Period length.")
@click.option("--country", help="Only this country (ISO 3166 alpha-3, e.g. PAK).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "markdown", "json"]), default="table", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False, writable=True), help="Also draw the trend per country with low-high bands (.png, .svg or .pdf).")
@click.pass_context
def report(ctx: click.Context, warehouse: str | None, measure: str, by: str, country: str | None, fmt: str, plot: str | None) -> None:
    """Trend report over incidents (one row per real-world incident, merged across reports).

    Per period: totals (low/best/high), incidents, reports, distinct sources, and the change from
    the previous period. Totals that sources report for a period ("1,081 killed in 2024") are
    listed after the table, beside the computed sums, never added to them.
    """
    from etl.report import ReportError, TrendRequest, plot_trend, render, reported_totals, trend, trend_by_country
    from etl.warehouse import Warehouse

    config = _config(ctx, warehouse=warehouse)
    try:
        request = TrendRequest(measure=measure, by=by, country=country.upper() if country else None)
    except ReportError as exc:
        raise click.UsageError(str(exc)) from exc
    con = Warehouse(config.warehouse).connect(confined=True)
    frame = trend(con, request)
    scope = f" in {request.country}" if request.country else ""
    if fmt == "table":
        click.echo(f"{measure} by {by}{scope}, over incidents ({config.warehouse})")
    click.echo(render(frame, fmt))  # type: ignore[arg-type]
    if fmt == "table":
        reported = reported_totals(con, request)
        if not reported.empty:
            click.echo("\nreported by sources for whole periods (not added above):")
            click.echo(render(reported, "table"))
    if plot:
        if Path(plot).suffix.lower() not in (".png", ".svg", ".pdf"):
            raise click.BadParameter("use a .png, .svg or .pdf file name", param_hint="--plot")
        _check_parent(plot, "--plot")
        plot_trend(trend_by_country(con, request), request, plot)
        click.echo(f"\nplot written to {plot}")


@main.command()
@click.argument("sql")
@WAREHOUSE
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "markdown", "json"]), default="table", show_default=True)
@click.pass_context
def query(ctx: click.Context, sql: str, warehouse: str | None, fmt: str) -> None:
    """Run one read-only SQL statement (SELECT, WITH ..., DESCRIBE, SHOW) against the warehouse views."""
    import duckdb

    from etl.report import render
    from etl.warehouse import QueryError, Warehouse, read_only_query

    config = _config(ctx, warehouse=warehouse)
    con = Warehouse(config.warehouse).connect(confined=True)
    try:
        frame = read_only_query(con, sql)
    except (QueryError, duckdb.Error) as exc:
        _fail(str(exc))
    click.echo(render(frame, fmt))  # type: ignore[arg-type]


@main.command("eval")
@click.argument("gold", metavar="GOLD.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--task", type=click.Choice(["quantities", "dates", "events"]), help="Scoring rule (default: read from the records).")
@click.option("--worst", type=click.IntRange(0), default=15, show_default=True, help="How many misses to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object instead.")
@click.pass_context
def eval_command(ctx: click.Context, gold: Path, task: str | None, worst: int, as_json: bool) -> None:
    """Precision, recall and F1 of the extractor on a gold file, with the worst misses.

    \b
    Formats (see README, "Measuring quality"):
      quantities: {"id", "text", "gold": [{"start", "end", "value", "low", "high", ...}]}
      dates:      {"id", "text", "reference_date", "gold": [{"start", "end", "value", "type", ...}]}
      events:     {"id", "text", "published", "gold": {"killed", "injured", "event_date", "country", "actor"}}
    """
    from etl.eval import GoldError, evaluate

    try:
        result = evaluate(gold, task=task, config=_config(ctx))  # type: ignore[arg-type]
    except GoldError as exc:
        _fail(str(exc))
    click.echo(json.dumps(result.summary()) if as_json else result.format(worst=worst))


@main.command()
@WAREHOUSE
@click.pass_context
def compact(ctx: click.Context, warehouse: str | None) -> None:
    """Merge the small Parquet files of each table partition into one (takes the run lock)."""
    from etl.warehouse import Warehouse, WarehouseError

    config = _config(ctx, warehouse=warehouse)
    wh = Warehouse(config.warehouse)
    try:
        with wh.lock():
            wh.recover()
            replaced = wh.compact(stamp=dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S"))
            wh.materialize()
    except WarehouseError as exc:
        _fail(str(exc))
    total = sum(replaced.values())
    click.echo(f"compacted {total} files" + (": " + ", ".join(f"{t} {n}" for t, n in sorted(replaced.items())) if total else " (nothing to do)"))


@main.command()
@WAREHOUSE
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on when stderr is a terminal).")
@click.pass_context
def reprocess(ctx: click.Context, warehouse: str | None, progress: bool | None) -> None:
    """Re-extract everything with the current extractor, without the network.

    First loads any document kept in the warehouse's raw area (fetched feed items) that is not yet
    an article; then re-extracts every stored article and replaces its quantities, dates and
    events in one crash-safe step, and rebuilds incidents.
    """
    from etl.feeds.commands import iter_raw_documents
    from etl.pipeline import reextract, run_items
    from etl.warehouse import WarehouseError

    config = _config(ctx, warehouse=warehouse)
    with _progress_bar(progress) as bar:
        try:
            raw_area = iter([]) if is_url(config.warehouse) else iter_raw_documents(Path(config.warehouse), max_chars=config.max_article_chars)
            raw = run_items(raw_area, config=config, progress=bar)
            summary = reextract(config=config, progress=bar)
        except WarehouseError as exc:
            _fail(str(exc))
    click.echo(f"raw area: {raw.counts.inputs_read} documents, {raw.counts.articles_new} new articles")
    _print_summary(summary)


def _register_feeds() -> None:
    from etl.feeds.commands import sources_group

    main.add_command(sources_group)


_register_feeds()
