"""Click commands and entry points for the CLI to register (``etl sources ...``, ``run --sources``, ``reprocess``).

``sources`` is a click group: ``etl sources check FILE`` validates a sources file and prints
every problem as ``FILE:LINE: message`` (exit 1), or a one-line summary per feed (exit 0).
``etl sources status FILE`` shows what the poller remembers about each feed in a warehouse.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from etl.config import Config
from etl.feeds.documents import iter_raw_documents
from etl.feeds.poll import iter_source_items
from etl.feeds.sources import SourcesError, load_sources
from etl.feeds.state import load_state

__all__ = ["iter_raw_documents", "iter_source_items", "sources_group"]

SOURCES_FILE = click.argument("sources_file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))


def _patterns(label: str, patterns: tuple[object, ...]) -> str:
    return f" {label}={len(patterns)}" if patterns else ""


@click.group("sources")
def sources_group() -> None:
    """Feed sources files for `etl run --sources FILE` (format: docs/feeds.md)."""


@sources_group.command("check")
@SOURCES_FILE
def check(sources_file: Path) -> None:
    """Validate FILE: TOML syntax, known keys, value types, URLs, patterns. Exit 1 on any problem."""
    try:
        spec = load_sources(sources_file)
    except SourcesError as exc:
        for problem in exc.problems:
            click.echo(problem.render(sources_file), err=True)
        click.echo(f"{sources_file}: {len(exc.problems)} problem(s)", err=True)
        raise click.exceptions.Exit(1) from exc
    enabled = sum(s.enabled for s in spec.sources)
    click.echo(f"{sources_file}: OK, {len(spec.sources)} source(s), {enabled} enabled")
    for s in spec.sources:
        flags = "" if s.enabled else " (disabled)"
        click.echo(f"  {s.label}: {s.url} fetch={s.fetch} every {s.poll_minutes:g} min"
                   f"{_patterns('include', s.include)}{_patterns('exclude', s.exclude)}{flags}")


@sources_group.command("status")
@SOURCES_FILE
@click.option("--warehouse", "-w", type=click.Path(file_okay=False), help="Warehouse folder (default ./warehouse, or the config's).")
@click.pass_context
def status(ctx: click.Context, sources_file: Path, warehouse: str | None) -> None:
    """Per feed of FILE: last poll, its outcome, validators held and entries remembered."""
    try:
        spec = load_sources(sources_file)
    except SourcesError as exc:
        click.echo(str(exc), err=True)
        raise click.exceptions.Exit(1) from exc
    config = ctx.obj if isinstance(ctx.obj, Config) else Config()
    root = Path(warehouse or config.warehouse)
    states = load_state(root, now=dt.datetime.now(dt.UTC))
    for s in spec.sources:
        state = states.get(s.url)
        if state is None:
            click.echo(f"{s.label} ({s.url}): never polled")
            continue
        validators = ", ".join(v for v, held in (("ETag", state.etag), ("Last-Modified", state.last_modified)) if held) or "none"
        click.echo(f"{s.label} ({s.url}): last polled {state.last_polled} -> {state.last_outcome}; "
                   f"validators: {validators}; {len(state.seen)} entries seen, {len(state.attempts)} retrying")
