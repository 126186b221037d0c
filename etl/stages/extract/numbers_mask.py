"""Hide what is written with digits but is not a quantity, before numbers are searched.

Dates ("3/4/2023", "2024-06-10", "March 3"), fiscal years ("2023/24"), times ("3:30 p.m.",
"10 am"), ordinals ("13th"), decades ("1990s"), phone numbers, IP addresses and version numbers,
URLs and e-mail addresses, codes that mix letters and digits ("F-16", "COVID-19", "G7", "MH17")
and list markers at the start of a line are replaced by :data:`FILL` characters of the same
length, so offsets stay valid and no number is found inside them.
"""

from __future__ import annotations

import re

from etl.stages.extract.numbers_lexicon import LEXICON, NO_DAY_BEFORE, PERIOD_WORD_BEFORE

# A character that is neither a word character nor whitespace, so that masked spans stop
# number runs and qualifier phrases without joining the words around them.
FILL = "\x1f"

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# URLs and e-mail addresses: masked in a pass of their own, only when the text has "://", "www."
# or "@" (they may hold no digit near their start).
_WEB = re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
# "N5bn", "R1.2 billion", "N1,470", "R19.20", "N817 a litre": a currency letter glued to an amount
# written as money (a scale, thousands separators, cents or a price after it) is not a code.
_PRICE_AFTER = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in LEXICON.price_after) or "(?!)"
_GLUED_CURRENCY = (rf"(?!(?:{'|'.join(map(re.escape, LEXICON.glued_currencies))})"
                   r"(?:\d[\d.,]*\s?(?:bn|tn|trn|mn|m|k|million|billion|trillion)\b|\d{1,3}(?:,\d{3})+(?![\d])"
                   rf"|\d+\.\d\d(?![\d.])|\d+\s+(?:{_PRICE_AFTER})\b))") if LEXICON.glued_currencies else ""
# Currency prefixes written in letters ("KSh5bn", "Rs.500", "Shs2m") glued to a digit are not codes.
_LETTER_CURRENCY = "|".join(re.escape(c.rstrip(".")) for c in LEXICON.letter_currencies)
# "March 3", "Feb. 8", "Sept. 30, 2024": a month, then its day. A full stop only after an
# abbreviation ("in March. 5 died" ends a sentence), and not after a day ("19 Feb. 8 fatalities":
# the month already has its day, 8 is a count), nor a month that is a period before a count ("in
# March 5 soldiers were killed"; see numbers_lexicon.PERIOD_WORD_BEFORE).
_COUNT_NOUN_AFTER = r"\s+(?:people|persons|men|women|children|police|others|[a-z]+[^s\W']s)\b"
_MONTH_DAY = (r"\b" + NO_DAY_BEFORE + rf"(?!(?:{PERIOD_WORD_BEFORE}){_MONTH}\.?\s+\d{{1,2}}{_COUNT_NOUN_AFTER})" + _MONTH
              + r"(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|ept|Oct|Nov|Dec)\.)?\s+\d{1,2}(?:st|nd|rd|th)?"
              r"(?:\s*(?:-|\u2013|to)\s*\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?![\d,]\d)")
# "$12 December 27": an amount before a month is not its day.
_NO_AMOUNT = r"(?<![$\u00a3\u20ac\u00a5])(?<![$\u00a3\u20ac\u00a5] )"
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
    r"(?<![\w,.])\d+(?:,\d{3})*(?:st|nd|rd|th|ST|ND|RD|TH)(?![a-zA-Z])",
    r"(?<![\w])'?\d{2,4}s(?![\w])",
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s./-]\d{2,5}){1,4}",
    r"(?<![\w.])\(?\d{3}\)?[\s.-]\d{3}[.-]\d{4}(?![\d])",
    # Phone numbers in groups: a trunk prefix with a leading zero ("0800 555 111", "020 7946 0958"),
    # or three or more groups that are not thousands ("1800 11 4000").
    r"(?<![\w.,])(?<!\d[ \u00a0\u202f])0\d{2,4}(?:[ -]\d{2,4}){1,3}(?!\w|[.,]\d)",
    r"(?<![\w.,])(?!\d{1,3}(?: \d{3})+(?![\d,.]))\d{2,4}(?: \d{2,4}){2,}(?!\w|[.,]\d)",
    r"(?<![\w.,-])\d+(?:-\d+){2,}(?![\w-])",
    r"(?<![\w.])\d+(?:\.\d+){2,}(?![\d]|,\d)",
    rf"(?<![\w$€£¥₹])(?!(?:US|{_LETTER_CURRENCY})\.?\d)"
    + _GLUED_CURRENCY +
    r"(?!(?:km|m|mi|cm|sq|ft|in)[23²³](?![\w])|[Mm]agnitude-)[A-Za-z]+(?:-|\.)?\d(?:[\w.+/-]*\w)?",
    _MONTH_DAY,
    rf"(?<![\w.,]){_NO_AMOUNT}\d{{1,2}}(?:st|nd|rd|th)?\s*(?:-|\u2013|to)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}(?!\d))?",
    rf"(?<![\w.,]){_NO_AMOUNT}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}}(?!\d))?",
]
# List markers at the start of a line ("1. ", "(2) "): searched from each newline.
_LIST_MARKER = re.compile(r"\n[ \t]*(?:\d{1,2}[.)]|\(\d{1,2}\))(?=[ \t])")
# Patterns that start with a letter (month names, letter-digit codes) and the others, which start
# with a digit or one of the few characters in the guard: two passes, each behind a cheap guard
# (a character set the engine skips to at C speed, then "not inside a word").
_LETTER_LED = [p for p in _PATTERNS if p == _MONTH_DAY or "[A-Za-z]+" in p]
# What must follow the first digits for any digit-led form to match: a separator, attached
# letters ("13th", "10am"), or after a space a capital ("3 March", "12 Main Street", "0930 GMT"),
# a clock word or a range word. Plain numbers ("12 people") fail here before the alternation.
_DIGIT_LED_NEXT = (r"(?=[(+']|\d+(?:[-/.:,)\u2013A-Za-z]|\s+(?:[A-Z\d\u2013-]|[ap]\.?m|o'|noon|midnight"
                   r"|in\s|at\s|of\s|tonight|to\b|until|till|hrs|local)))")
_DIGIT_LED = re.compile(
    r"(?=[\d(+'])(?<!\w)" + _DIGIT_LED_NEXT + "(?:"
    + "|".join(f"(?:{p})" for p in _PATTERNS if p not in _LETTER_LED)
    + "|" + LEXICON.fixed_identifiers.pattern + ")"
)
# Where a digit-led form can start: the first digit of a group, "(", "+" or "'". The character set
# lists ASCII digits and every non-ASCII character (a superset of the \d category, which is much
# slower to test per character); a group of digits is one match. ``_DIGIT_LED`` is then tried only
# at these starts: a pattern led by a look-around would be tried at every position of the text.
_LEADS = re.compile(r"[0-9(+'\x80-\U0010ffff](?:(?<=\d)\d*)?")
# Letter-led forms are a word glued to a digit ("F-16", "G7") or a month, a space and a digit.
# The pattern consumes the non-word character before the word, so that it starts with a character
# set: it is searched in ``" " + text`` (see :func:`_letter_led`).
_LETTER_LED_RE = re.compile(r"\W(?=[A-Za-z]+(?:[-.]?\d|\.?\s+\d))(?:"
                            + "|".join(f"(?:{p})" for p in _LETTER_LED) + ")")

_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# The capitals that month names (_MONTH, case-sensitive) start with.
_MONTH_INITIALS = frozenset(name[0] for name in re.findall(r"[A-Z][a-z]+", _MONTH))
# Letter-led forms hold a digit and start at most this many characters before it ("September
# 30", "Resolution2231"); they are searched only in such windows around clusters of digits.
# Calibrated on the sample corpus and synthetic news: output identical to a whole-text search.
LEFT_WINDOW = 15
# A window may end this many characters after its last digit ("March 3rd"; look-aheads must see
# " trillion" after "N2.3" and " against the dollar" after "N200").
RIGHT_WINDOW = 20
# Digits closer than this to each other share one window (at most this many other characters
# between them).
CLUSTER_GAP = 40


def _leads(text: str) -> tuple[list[int], list[tuple[int, int, list[int]]]]:
    """Where a digit-led form may start, and the clusters of digits (see ``CLUSTER_GAP``) with
    the first digit of each group in them."""
    starts: list[int] = []
    clusters: list[tuple[int, int, list[int]]] = []
    for m in _LEADS.finditer(text):
        start, end = m.span()
        starts.append(start)
        if not text[start].isdecimal():
            continue
        if clusters and start - clusters[-1][1] <= CLUSTER_GAP:
            clusters[-1][2].append(start)
            clusters[-1] = (clusters[-1][0], end, clusters[-1][2])
        else:
            clusters.append((start, end, [start]))
    return starts, clusters


def _digit_led(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """``_DIGIT_LED.finditer(text)``, tried only at ``starts``."""
    spans: list[tuple[int, int]] = []
    done = 0
    for start in starts:
        if start >= done and (m := _DIGIT_LED.match(text, start)) is not None:
            spans.append(m.span())
            done = m.end()
    return spans


def _letter_led(text: str, padded: str, window: tuple[int, int], digits: list[int]) -> list[tuple[int, int]]:
    """``_LETTER_LED_RE`` as ``finditer`` would find it in ``text[start:end]`` (``padded`` is
    ``" " + text``). A form starts with the letters right before a group of digits ("G7",
    "F-16", "March 3"), so it is tried only there, not after every separator of the window."""
    start, end = window
    spans: list[tuple[int, int]] = []
    done = start
    for digit in digits:
        word = _word_before(text, digit)
        if word >= done and (m := _LETTER_LED_RE.match(padded, word, end + 1)) is not None:
            spans.append((word, m.end() - 1))  # padded[word] is the character before the word
            done = m.end() - 1
    return spans


def _word_before(text: str, digit: int) -> int:
    """Start of the ASCII letters before ``text[digit]`` that a letter-led form can start with, or
    -1: letters glued to the digit or joined by "-" or "."; before whitespace, only a month."""
    j = digit
    spaced = j > 0 and text[j - 1].isspace()
    if spaced:
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j > 0 and text[j - 1] == ".":
            j -= 1
    elif j > 0 and text[j - 1] in "-.":
        j -= 1
    k = j
    while k > 0 and text[k - 1] in _ASCII_LETTERS:
        k -= 1
    if k == j or (spaced and text[k] not in _MONTH_INITIALS):
        return -1
    return k


def _spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text or "@" in text:
        spans.extend(m.span() for m in _WEB.finditer(text))
    starts, clusters = _leads(text)
    spans.extend(_digit_led(text, starts))
    # A literal newline first lets the engine skip to candidates; the text's start counts as one
    # (offsets in "\n" + text are one more than in text: the marker starts after the newline).
    spans.extend((m.start(), m.end() - 1) for m in _LIST_MARKER.finditer("\n" + text))
    padded = " " + text
    for start, end, digits in clusters:
        spans.extend(_letter_led(text, padded, (max(0, start - LEFT_WINDOW), end + RIGHT_WINDOW), digits))
    return spans


def mask_non_quantities(text: str) -> str:
    """Same length as ``text``; dates, times, codes and the like replaced by :data:`FILL`."""
    spans = _spans(text)
    if not spans:
        return text
    parts: list[str] = []
    done = 0
    for start, end in sorted(spans):
        if end <= done:
            continue
        start = max(start, done)
        parts.append(text[done:start])
        parts.append(FILL * (end - start))
        done = end
    parts.append(text[done:])
    return "".join(parts)
