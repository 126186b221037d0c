"""Shared fixtures of the stage tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from etl.eval.events import headline_event
from etl.records import Article, Event
from etl.stages.extract.dates import extract_dates
from etl.stages.extract.events import extract_events, load_vocabulary
from etl.stages.extract.numbers import extract_quantities
from etl.stages.segment import split_sentences

# The headline event row of a text published on a day (the row whose date the event eval scores).
Headline = Callable[[str, dt.date], Event]


@pytest.fixture(scope="session")
def headline() -> Headline:
    vocab = load_vocabulary()

    def first(text: str, published: dt.date) -> Event:
        article = Article("golden", text, "", published, "metadata")
        quantities, dates = extract_quantities(text), extract_dates(text, published=published)
        row = headline_event(extract_events(article, split_sentences(text), quantities, dates, vocab=vocab))
        assert row is not None
        return row

    return first
