"""The whole extraction chain for one article: segment, numbers, dates, events.

Vocabularies are loaded once per process (an :class:`Extractor` is built once per worker) and the
chain itself is pure: the same article always gives the same extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from etl.config import Config
from etl.records import Article, Extraction, Reject
from etl.stages.extract.dates import extract_dates
from etl.stages.extract.events import EventVocabulary, extract_events, load_vocabulary
from etl.stages.extract.numbers import VaguePolicy, extract_quantities, load_vague_policy
from etl.stages.segment import split_sentences

# A digit run (with separators): a text with more than twice the limit of these is refused at once.
_NUMBER_TOKEN = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True, slots=True)
class Extractor:
    policy: VaguePolicy
    vocab: EventVocabulary
    day_first: bool = False
    max_quantities: int = 5_000

    @classmethod
    def from_config(cls, config: Config) -> Extractor:
        return cls(
            policy=load_vague_policy(Path(config.vague_numbers) if config.vague_numbers else None),
            vocab=load_vocabulary(actors_path=Path(config.actors) if config.actors else None),
            day_first=config.day_first,
            max_quantities=config.max_quantities_per_article,
        )

    def extract(self, article: Article) -> Extraction | Reject:
        """Extract everything from one article, or reject it when it breaks a documented limit."""
        text = article.text
        # A token takes two characters with its separator, so only long texts can hold too many:
        # the extra scan is skipped for ordinary articles.
        if len(text) > 4 * self.max_quantities:
            tokens = sum(1 for _ in _NUMBER_TOKEN.finditer(text))
            if tokens > 2 * self.max_quantities:  # hopeless: refuse before the costly reading
                return self._too_many(article, f"{tokens} number tokens")
        quantities = extract_quantities(text, policy=self.policy)
        if len(quantities) > self.max_quantities:
            return self._too_many(article, f"{len(quantities)} quantities")
        sentences = split_sentences(text)
        dates = extract_dates(text, published=article.published, day_first=self.day_first)
        events = extract_events(article, sentences, quantities, dates, vocab=self.vocab)
        return Extraction(article, tuple(sentences), tuple(quantities), tuple(dates), tuple(events))

    def _too_many(self, article: Article, found: str) -> Reject:
        return Reject(article.input, "too_many_numbers", f"{found} > max_quantities_per_article {self.max_quantities}")
