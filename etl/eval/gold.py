"""Reading gold files: JSON Lines records with a `text` and a `gold`, whatever the task."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class GoldError(Exception):
    """A gold file cannot be read or its task cannot be told."""


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Every record of a JSON Lines gold file (blank lines skipped); GoldError names the bad line."""
    path = Path(path)
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read {path}: {exc}") from exc
    for lineno, line in enumerate(lines, start=1):
        try:
            if line.strip():
                records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{lineno}: not JSON: {exc.msg}") from exc
    if not all(isinstance(r, dict) and "text" in r and "gold" in r for r in records):
        raise GoldError(f"{path}: every record needs 'text' and 'gold'")
    return records
