import pytest

from etl.stages.segment import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twelve died. Three were hurt.", ["Twelve died.", "Three were hurt."]),
        ("Gen. Khan said 12 died on Jan. 5 in the U.S. embassy. More later.", ["Gen. Khan said 12 died on Jan. 5 in the U.S. embassy.", "More later."]),
        ('Police said "No one survived." Then 4 more.', ['Police said "No one survived."', "Then 4 more."]),
        ("KABUL, May 3 (Agency) - A blast\nkilled 4.", ["KABUL, May 3 (Agency) - A blast", "killed 4."]),
        ("It rose 4.5 percent. Fine.", ["It rose 4.5 percent.", "Fine."]),
    ],
    ids=["plain", "abbreviations", "quotes", "line-break", "decimal"],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_and_paragraphs() -> None:
    text = "  First one. Second one.\n\nNew paragraph here.  "
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.index for s in sentences] == [0, 1, 2]
    for s in sentences:
        assert text[s.char_start : s.char_end] == s.text
