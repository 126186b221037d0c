"""Which sentence an offset falls in, found by bisection, so per-claim look-ups stay linear.

Long articles have thousands of sentences, numbers and dates; scanning all of them for every
claim would be quadratic. Everything the events stage looks up per claim is bucketed once here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from etl.records import Sentence

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    position: dict[int, int]  # Sentence.index -> position in ``sentences``


def index_sentences(sentences: Sequence[Sentence]) -> SentenceIndex:
    ordered = tuple(sorted(sentences, key=lambda s: s.char_start))
    return SentenceIndex(ordered, tuple(s.char_start for s in ordered), {s.index: i for i, s in enumerate(ordered)})


def position_of(index: SentenceIndex, offset: int) -> int | None:
    """Position of the sentence that contains ``offset``, or None (between sentences)."""
    i = bisect_right(index.starts, offset) - 1
    if i >= 0 and offset < index.sentences[i].char_end:
        return i
    return None


def bucket(index: SentenceIndex, items: Iterable[T], start: Callable[[T], int]) -> dict[int, list[T]]:
    """Items grouped by the position of the sentence their start offset falls in (order kept)."""
    out: dict[int, list[T]] = {}
    for item in items:
        i = position_of(index, start(item))
        if i is not None:
            out.setdefault(i, []).append(item)
    return out


def same_paragraph_before(index: SentenceIndex, pos: int, limit: int) -> Iterable[int]:
    """Positions of up to ``limit`` earlier sentences of the same paragraph, nearest first."""
    paragraph = index.sentences[pos].paragraph
    for i in range(pos - 1, max(-1, pos - 1 - limit), -1):
        if index.sentences[i].paragraph != paragraph:
            return
        yield i


def same_paragraph_after(index: SentenceIndex, pos: int, limit: int) -> Iterable[int]:
    """Positions of up to ``limit`` later sentences of the same paragraph, nearest first."""
    paragraph = index.sentences[pos].paragraph
    for i in range(pos + 1, min(len(index.sentences), pos + 1 + limit)):
        if index.sentences[i].paragraph != paragraph:
            return
        yield i


def claimed_before(index: SentenceIndex, claimed: Iterable[int], sent: Sentence) -> bool:
    """Whether a sentence before ``sent`` holds claims of its own (``claimed``: their positions)."""
    pos = index.position.get(sent.index)
    return pos is not None and any(p < pos for p in claimed)
