"""Find an article's publication date in its own text when the metadata lacks it.

Public: :func:`find_published_date`.

Looks only at the first ``SEARCH_CHARS`` characters, for (in this order of trust):

1. a wire dateline: ``LAHORE, Aug 22, 2025 (Reuters) -``, ``KABUL, 3 March 2024 (AFP) -``;
2. a publication marker: ``Published: March 3, 2024``, ``Posted on 2024-03-03``, ``First
   published on ...``;
3. a byline with a date: ``By Jane Doe | 14 May 2023``, ``By Jane Doe, March 3, 2024``;
4. an update marker: ``Updated 2024-03-03 10:00`` (an update is later than publication, so it
   is used only when nothing better is there);
5. a short line (under 60 characters, not ending like a sentence) that opens with a full date:
   ``Sun 3 Mar 2024 10.03 GMT``, ``March 3, 2024 / 10:00 AM``.

Only a full calendar day with its year counts. A dateline without a year ("LAHORE, Aug 22
(Reuters) -") cannot be resolved without a reference date, so it yields None rather than a
guess (the year is never taken from the clock). Dates are read by the dates extractor with no
publication date, so yearless and relative expressions are ignored by construction.
"""

from __future__ import annotations

import datetime as dt
import re

from etl.stages.extract.dates import extract_dates

# How much of the article head is searched (datelines and bylines sit in the first lines).
SEARCH_CHARS = 600

_AGENCY = r"\((?:[A-Z][\w.&' -]{1,30})\)"
_REST = r"(?P<date>[^\n|]{4,48})"
# (pattern, evidence ends at the date (True) or at the end of the match (False), date must open the chunk)
_PATTERNS: tuple[tuple[re.Pattern[str], bool, bool], ...] = (
    (re.compile(rf"(?m)^\s*[A-Z][A-Z .'\u2019-]{{1,40}}(?:,\s*[A-Za-z .]{{2,30}})?,\s*(?P<date>[^()\n|]{{4,40}}?)\s*"
                rf"(?:{_AGENCY}\s*)?[-\u2013\u2014:]"), False, True),
    (re.compile(rf"\b(?:first\s+)?(?:published|posted|released|dated)(?:\s+on)?\s*:?\s*{_REST}", re.I), True, True),
    (re.compile(rf"(?m)^\s*By\s+[A-Z][\w.'\u2019 -]{{1,60}}?\s*[|,\u2022\u00b7-]\s*{_REST}"), True, True),
    (re.compile(rf"\b(?:last\s+)?updated(?:\s+on)?\s*:?\s*{_REST}", re.I), True, True),
    (re.compile(r"(?m)^[ \t]*(?P<date>[^\n]{3,59}[^\n.!?])[ \t]*$"), True, True),
)


def _full_day(chunk: str, *, at_start: bool) -> tuple[dt.date, int, int] | None:
    for mention in extract_dates(chunk, published=None):
        if at_start and chunk[: mention.char_start].strip(" ,:-\u2013\u2014"):
            return None
        if mention.granularity == "day" and not mention.relative:
            return mention.start_date, mention.char_start, mention.char_end
    return None


def find_published_date(text: str) -> tuple[dt.date, int, int] | None:
    """The publication date stated in the head of ``text``, with the character span of the
    evidence (the dateline or marker phrase), or None when there is no full dated marker."""
    head = text[:SEARCH_CHARS]
    for pattern, ends_at_date, at_start in _PATTERNS:
        for match in pattern.finditer(head):
            found = _full_day(match["date"], at_start=at_start)
            if found is None:
                continue
            day, _, date_end = found
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            end = match.start("date") + date_end if ends_at_date else match.end()
            return day, start, end
    return None
