"""Golden paragraphs: every date in a news-like text, no more and no fewer (hand-checked JSON
beside each text file in tests/golden/dates/)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from etl.stages.extract.dates import extract_dates

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "dates"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


@pytest.mark.parametrize("name", CASES, ids=CASES)
def test_golden_paragraph(name: str) -> None:
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    found = extract_dates(text, published=dt.date.fromisoformat(expected["published"]))
    got = [
        {"surface": m.surface, "value": m.value, "start_date": m.start_date.isoformat(),
         "end_date": m.end_date.isoformat(), "granularity": m.granularity}
        for m in found
    ]
    assert got == expected["dates"]
    assert all(text[m.char_start : m.char_end] == m.surface for m in found)


def test_golden_cases_exist() -> None:
    assert len(CASES) >= 3
