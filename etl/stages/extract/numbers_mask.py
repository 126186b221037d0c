"""Hide what is written with digits but is not a quantity, before numbers are searched.

Dates ("3/4/2023", "2024-06-10", "March 3"), fiscal years ("2023/24"), times ("3:30 p.m.",
"10 am"), ordinals ("13th"), decades ("1990s"), phone numbers, IP addresses and version numbers,
URLs and e-mail addresses, codes that mix letters and digits ("F-16", "COVID-19", "G7", "MH17")
and list markers at the start of a line are replaced by :data:`FILL` characters of the same
length, so offsets stay valid and no number is found inside them.
"""

from __future__ import annotations

import re

from etl.stages.extract.numbers_lexicon import LEXICON

# A character that is neither a word character nor whitespace, so that masked spans stop
# number runs and qualifier phrases without joining the words around them.
FILL = "\x1f"

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# URLs and e-mail addresses: masked in a pass of their own, only when the text has "://", "www."
# or "@" (they may hold no digit near their start).
_WEB = re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
_PATTERNS = [
    r"(?<![\w.])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d])",
    r"(?<![\w./])\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?![\d/.])",
    r"(?<![\w/-])(?:1[89]|20)\d{2}[/-]\d{2}(?![\d/-])",
    r"(?<![\w.:])\d{1,2}(?::\d{2}){1,2}(?:\s*(?:[aApP]\.?[mM]\.?|GMT|UTC|hrs|h)(?![\w]))?",
    r"(?<![\w.,])(?:\d{1,2}(?:\.\d{2})?|\d{3,4})\s?(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?![\w])",
    r"(?<![\w.,])\d{1,2}(?:[:.]\d{2})?\s*(?:-|\u2013|to|until|till)\s*\d{1,2}(?:[:.]\d{2})?\s?"
    r"(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?![\w])",
    r"(?<![\w.,])\d{1,2}(?:[:.]\d{2})?\s*(?:noon|midnight|in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight)\b",
    r"(?<![\w.,])\d{1,2}\s+o'clock",
    r"(?<![\w.,])[0-2]\d[0-5]\d\s?(?:GMT|UTC|hrs|Z|local\s+time)(?![\w])",
    r"(?<![\w.,])\d{1,4}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Lane|Drive|Square)\b",
    r"(?<![\w])\d+(?:st|nd|rd|th|ST|ND|RD|TH)(?![a-zA-Z])",
    r"(?<![\w])'?\d{2,4}s(?![\w])",
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s./-]\d{2,5}){1,4}",
    r"(?<![\w.])\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}(?![\d])",
    r"(?<![\w.,-])\d+(?:-\d+){2,}(?![\w-])",
    r"(?<![\w.])\d+(?:\.\d+){2,}(?![\d])",
    r"(?<![\w$€£¥₹])(?!(?:Rs|Rp|Ksh|KSh|Kshs|Sh|Tk|RM|US|USD|EUR|GBP|INR|CNY|RMB|JPY)\.?\d)"
    r"(?!(?:km|m|mi|cm|sq|ft|in)[23²³](?![\w])|[Mm]agnitude-)[A-Za-z]+(?:-|\.)?\d(?:[\w.+/-]*\w)?",
    r"(?:^|(?<=\n))[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\))(?=[ \t])",
    rf"\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*(?:-|\u2013|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?(?![\d,]\d)",
    rf"(?<![\w.,])\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|\u2013|to)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}(?!\d))?",
    rf"(?<![\w.,])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}(?!\d))?",
]
# Patterns that start with a letter (month names, letter-digit codes) and the others, which start
# with a digit or one of the few characters in the guard: two passes, each behind a cheap guard.
_LETTER_LED = [p for p in _PATTERNS if p.startswith(r"\b(?:Jan") or "[A-Za-z]+" in p]
_MASKS = (
    re.compile(r"(?=[\d(+'\n \t])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS if p not in _LETTER_LED) + ")"),
    re.compile(r"(?=[A-Za-z])(?:" + "|".join(f"(?:{p})" for p in _LETTER_LED) + ")"),
    LEXICON.fixed_identifiers,
)


# Every other pattern holds a digit: it is searched only in windows this wide around digits
# (calibrated on the sample corpus: masked forms start at most ~15 characters before their first
# digit, "September 30"; the output was identical with 40 and 25).
WINDOW = 25
_DIGITS = re.compile(r"\d+(?:[-/.:,]\d+)*")


def _windows(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        start, end = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text or "@" in text:
        spans.extend(m.span() for m in _WEB.finditer(text))
    for start, end in _windows(text):
        for pattern in _MASKS:
            spans.extend(m.span() for m in pattern.finditer(text, start, end))
    return spans


def mask_non_quantities(text: str) -> str:
    """Same length as ``text``; dates, times, codes and the like replaced by :data:`FILL`."""
    spans = _spans(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = FILL * (end - start)
    return "".join(chars)
