"""Split article text into sentences and paragraphs, keeping exact character offsets."""

from __future__ import annotations

import re

from etl.records import Sentence

# Abbreviations after which a full stop does not end a sentence (news style: titles, months,
# initials, "No." and "U.S."). Calibrated on the bundled sample corpus.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm gov sen rep st jr sr inc ltd co corp
    no nos vs etc approx est dept univ jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.g i.e a.m p.m""".split()
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n+")
_BOUNDARY = re.compile(r"""[.!?]+["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(\[]?[A-Z0-9])""")
_LINE_BREAK_BOUNDARY = re.compile(r"\n(?=\s*\S)")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.+[\"'\u201d\u2019)\]]*$")


def _is_abbreviation(chunk: str) -> bool:
    match = _LAST_WORD.search(chunk)
    if match is None:
        return False
    word = match.group(1).lower()
    return word in _ABBREVIATIONS or len(word) == 1


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        chunk = text[cursor : match.start() + len(match.group().rstrip())]
        if _is_abbreviation(chunk):
            continue
        spans.append((cursor, match.start() + len(match.group().rstrip())))
        cursor = match.end()
    spans.append((cursor, end))
    # A single newline inside a paragraph (headline lists, datelines) also ends a sentence.
    out: list[tuple[int, int]] = []
    for s, e in spans:
        sub = s
        for brk in _LINE_BREAK_BOUNDARY.finditer(text, s, e):
            out.append((sub, brk.start()))
            sub = brk.end()
        out.append((sub, e))
    return out


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` with offsets; ``text[s.char_start:s.char_end] == s.text``."""
    sentences: list[Sentence] = []
    para_start = 0
    paragraph = 0
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)] + [(len(text), len(text))]
    for para_end, next_start in bounds:
        for s, e in _split_paragraph(text, para_start, para_end):
            s, e = _trimmed(text, s, e)
            if s < e:
                sentences.append(Sentence(len(sentences), s, e, text[s:e], paragraph))
        paragraph += 1
        para_start = next_start
    return sentences
