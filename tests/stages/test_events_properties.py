"""The events stage never raises and always points back into the text, whatever it is given."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.records import Article, DateMention, QuantityKind, QuantityMention
from etl.stages.extract.events import extract_events, load_vocabulary
from etl.stages.segment import split_sentences

VOCAB = load_vocabulary()
WORDS = st.sampled_from(
    "killed wounded 12 a soldier no one was hurt including of them toll rose to , . ; : | and the dead "
    "himself suicide bomber on Monday in 2024 Kabul ISKP claimed arrested 5 % 45 increase from".split()
)


@st.composite
def articles(draw: st.DrawFn) -> tuple[Article, list[QuantityMention], list[DateMention]]:
    text = " ".join(draw(st.lists(WORDS | st.text(max_size=8), max_size=60)))
    quantities = []
    for _ in range(draw(st.integers(0, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        value = draw(st.none() | st.floats(-5, 1e6, allow_nan=False))
        kind: QuantityKind = draw(st.sampled_from(["count", "percent", "money", "measure"]))
        quantities.append(QuantityMention(start, end, text[start:end], kind, value, value, value, "exact"))
    dates = []
    if text and draw(st.booleans()):
        start = draw(st.integers(0, len(text) - 1))
        day = dt.date(2024, 3, 1)
        dates.append(DateMention(start, min(len(text), start + 3), text[start : start + 3], "2024-03-01", day, day, "day"))
    published = draw(st.none() | st.just(dt.date(2024, 3, 13)))
    return Article("p", text, "", published, "metadata"), quantities, dates


@settings(max_examples=150, deadline=None)
@given(articles())
def test_never_raises_and_points_back(case: tuple[Article, list[QuantityMention], list[DateMention]]) -> None:
    article, quantities, dates = case
    rows = extract_events(article, split_sentences(article.text), quantities, dates, vocab=VOCAB)
    ids = {r.event_id for r in rows}
    assert len(ids) == len(rows)
    for row in rows:
        assert article.text[row.char_start : row.char_end] == row.evidence
        assert row.part_of is None or row.part_of in ids
