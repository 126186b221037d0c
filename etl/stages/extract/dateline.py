"""Find an article's publication date in its own text when the metadata lacks it.

Public: :func:`find_published_date`.

Looks only at the first ``SEARCH_CHARS`` characters, for (in this order of trust):

1. a wire dateline: ``LAHORE, Aug 22, 2025 (Reuters) -``, ``KABUL, 3 March 2024 (AFP) -``;
2. a publication marker: ``Published: March 3, 2024``, ``Posted on 2024-03-03``, ``First
   published on ...``;
3. a byline with a date: ``By Jane Doe | 14 May 2023``, ``By Jane Doe, March 3, 2024``;
4. an update marker: ``Updated 2024-03-03 10:00`` (an update is later than publication, so it
   is used only when nothing better is there);
5. a line holding nothing but a full date (and maybe a time).

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

_DATE_CHUNK = r"(?P<date>[^()\n|]{4,40}?)"
_AGENCY = r"\((?:[A-Z][\w.&' -]{1,30})\)"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?m)^\s*[A-Z][A-Z .'\u2019-]{{1,40}}(?:,\s*[A-Za-z .]{{2,30}})?,\s*{_DATE_CHUNK}\s*"
               rf"(?:{_AGENCY}\s*)?[-\u2013\u2014:]"),
    re.compile(rf"\b(?:first\s+)?(?:published|posted|released|dated)(?:\s+on)?\s*:?\s*{_DATE_CHUNK}"
               r"(?=\s*(?:$|[\n|,;]|\d{1,2}[:.]\d\d|at\b|[-\u2013\u2014]))", re.I | re.M),
    re.compile(rf"(?m)^\s*By\s+[A-Z][\w.'\u2019 -]{{1,60}}?\s*[|,\u2022\u00b7-]\s*{_DATE_CHUNK}\s*(?:$|[|\n])"),
    re.compile(rf"\b(?:last\s+)?updated(?:\s+on)?\s*:?\s*{_DATE_CHUNK}"
               r"(?=\s*(?:$|[\n|,;]|\d{1,2}[:.]\d\d|at\b|[-\u2013\u2014]))", re.I | re.M),
    re.compile(rf"(?m)^[ \t]*{_DATE_CHUNK}[ \t]*(?:\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}})?)?[ \t]*$"),
)


def _full_day(chunk: str) -> tuple[dt.date, int, int] | None:
    for mention in extract_dates(chunk, published=None):
        if mention.granularity == "day" and not mention.relative:
            return mention.start_date, mention.char_start, mention.char_end
    return None


def find_published_date(text: str) -> tuple[dt.date, int, int] | None:
    """The publication date stated in the head of ``text``, with the character span of the
    evidence (the dateline or marker phrase), or None when there is no full dated marker."""
    head = text[:SEARCH_CHARS]
    for pattern in _PATTERNS:
        for match in pattern.finditer(head):
            found = _full_day(match["date"])
            if found is not None:
                day, _, _ = found
                return day, match.start() + len(match.group()) - len(match.group().lstrip()), match.end()
    return None
