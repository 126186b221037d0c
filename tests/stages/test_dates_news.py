"""News usages of dates (issue #4): present-tense scheduled events and future cues beyond
"will", ranges that must join two dates, "the 18th instant", split and fiscal years, dates
anchored to another date of the text. Each case: a sentence of our own, its publication date,
and the one mention (surface, start, end) expected."""

from __future__ import annotations

import datetime as dt

import pytest

from etl.stages.extract.dates import extract_dates

D = dt.date


def _found(text: str, published: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    return [(m.surface, m.start_date, m.end_date) for m in extract_dates(text, published=published)]


FUTURE = [
    ("present_reopens", "The stadium reopens on May 3 after repairs.", D(2024, 4, 10), ("on May 3", D(2024, 5, 3), D(2024, 5, 3))),
    ("present_vote", "Malawians vote on Tuesday in a presidential run-off.", D(2025, 9, 11), ("on Tuesday", D(2025, 9, 16), D(2025, 9, 16))),
    ("present_begins", "The trial begins on Monday in the capital.", D(2025, 9, 11), ("on Monday", D(2025, 9, 15), D(2025, 9, 15))),
    ("set_for", "The verdict is set for March 2.", D(2025, 11, 20), ("March 2", D(2026, 3, 2), D(2026, 3, 2))),
    ("due_on", "The central bank's next decision is due on Oct. 30.", D(2025, 9, 11), ("on Oct. 30", D(2025, 10, 30), D(2025, 10, 30))),
    ("to_begin", "Voter registration is to begin in late November, officials said.", D(2025, 9, 11),
     ("in late November", D(2025, 11, 16), D(2025, 11, 30))),
    ("pending", "The judge froze the accounts pending a ruling on January 9.", D(2025, 12, 2), ("on January 9", D(2026, 1, 9), D(2026, 1, 9))),
    ("ahead_of", "Troops were deployed ahead of polling on Sunday.", D(2025, 9, 11), ("on Sunday", D(2025, 9, 14), D(2025, 9, 14))),
    ("expects", "The fair expects record crowds in mid-June.", D(2026, 2, 5), ("in mid-June", D(2026, 6, 10), D(2026, 6, 20))),
    # A noun after a determiner is no cue: "the vote on Saturday" happened.
    ("due_on_weekday", "Figures due on Friday will show a slowdown.", D(2025, 6, 12), ("on Friday", D(2025, 6, 13), D(2025, 6, 13))),
    ("adjourned_to", "The hearing was adjourned to June 30.", D(2025, 6, 12), ("June 30", D(2025, 6, 30), D(2025, 6, 30))),
    # A scheduled-event verb only cues the date right after it, not the rest of the clause.
    ("scheduled_reach", "Talks that begin on Monday follow a failed round in April.", D(2025, 6, 12),
     ("in April", D(2025, 4, 1), D(2025, 4, 30))),
    ("ends_on", "The strike, which ends on Friday, began on May 2.", D(2025, 6, 12), ("on Friday", D(2025, 6, 13), D(2025, 6, 13))),
    ("were_due_past", "Taxes were due on April 15.", D(2025, 6, 12), ("on April 15", D(2025, 4, 15), D(2025, 4, 15))),
    ("noun_vote_past", "After the vote on Saturday, counting was slow.", D(2025, 9, 11), ("on Saturday", D(2025, 9, 6), D(2025, 9, 6))),
    ("past_reopened", "The museum reopened on April 20 after a renovation.", D(2024, 5, 5), ("on April 20", D(2024, 4, 20), D(2024, 4, 20))),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in FUTURE], ids=[c[0] for c in FUTURE])
def test_future_clauses(text: str, published: dt.date, expected: tuple[str, dt.date, dt.date]) -> None:
    assert expected in _found(text, published)


# Each: text, published, every mention expected.
ANCHORS = [
    ("dateline_dash_duration", "KABUL, Oct 9 - Three weeks after the Sept. 18 landslide, aid has yet to arrive.", D(2025, 10, 9),
     [("Oct 9", D(2025, 10, 9), D(2025, 10, 9)), ("Sept. 18", D(2025, 9, 18), D(2025, 9, 18))]),
    ("dash_days_after", "The port shut on June 2 - ten days after the strike began.", D(2025, 7, 1),
     [("on June 2", D(2025, 6, 2), D(2025, 6, 2))]),
    ("dash_still_range", "The fair will run from June 2 - June 9.", D(2025, 5, 1),
     [("from June 2 - June 9", D(2025, 6, 2), D(2025, 6, 9))]),
    # "N units after the <date> <event>": a duration since a dated event; the date is the event's,
    # in the year that puts it nearest the publication date moved by the duration.
    ("event_after_new_year", "Two weeks after the Dec. 28 floods, roads are still closed.", D(2026, 1, 12),
     [("Dec. 28", D(2025, 12, 28), D(2025, 12, 28))]),
    ("event_before_future", "Campaigning ended on Thursday, three days before the Jan. 4 runoff.", D(2025, 12, 30),
     [("on Thursday", D(2025, 12, 25), D(2025, 12, 25)), ("Jan. 4", D(2026, 1, 4), D(2026, 1, 4))]),
    ("event_after_month", "Nearly a month after the April 2 blast, the plant reopened.", D(2024, 5, 3),
     [("April 2", D(2024, 4, 2), D(2024, 4, 2))]),
    # Without "the <date> <noun>" the shift stays: the date of the text is the shifted day.
    ("shift_kept", "The office reopened two weeks after 3 February.", D(2025, 2, 20),
     [("two weeks after 3 February", D(2025, 2, 17), D(2025, 2, 17))]),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in ANCHORS], ids=[c[0] for c in ANCHORS])
def test_ranges_and_event_dates(text: str, published: dt.date, expected: list[tuple[str, dt.date, dt.date]]) -> None:
    assert _found(text, published) == expected


# Each: text, published, the mention expected (other mentions of the text are ignored).
NEWS = [
    # Split years are one fiscal/crop/season year of 12 months, from the month the named country
    # starts it in (India April, Pakistan/Kenya/Australia July, US federal October), else July.
    ("split_india", "Delhi's 2024-25 budget raised spending on schools.", D(2024, 3, 1),
     ("2024-25", D(2024, 4, 1), D(2025, 3, 31))),
    ("split_pakistan", "Pakistan's economy is forecast to grow 3% in FY2025-26.", D(2025, 6, 1),
     ("in FY2025-26", D(2025, 7, 1), D(2026, 6, 30))),
    ("split_us_federal", "Congress passed the federal budget for fiscal 2025/26 late on Friday.", D(2025, 12, 20),
     ("fiscal 2025/26", D(2025, 10, 1), D(2026, 9, 30))),
    ("split_default", "Cocoa output in the 2024/25 season fell sharply.", D(2025, 8, 1),
     ("in the 2024/25 season", D(2024, 7, 1), D(2025, 6, 30))),
    ("split_four_digit_slash", "The club won the league in 2021/2022.", D(2025, 8, 1),
     ("in 2021/2022", D(2021, 7, 1), D(2022, 6, 30))),
    ("current_fiscal", "Uganda's tax take in the current fiscal year is behind target.", D(2025, 3, 4),
     ("in the current fiscal year", D(2024, 7, 1), D(2025, 6, 30))),
    ("last_fiscal_japan", "Japan's exports grew 4% last fiscal year.", D(2025, 5, 10),
     ("last fiscal year", D(2024, 4, 1), D(2025, 3, 31))),
    # Periods that end with a named month.
    ("fiscal_year_ended", "Tata's profit fell 10% in the financial year that ended in March.", D(2025, 5, 20),
     ("in the financial year that ended in March", D(2024, 4, 1), D(2025, 3, 31))),
    ("year_to", "Rents rose 7% in the year to September.", D(2025, 10, 15),
     ("in the year to September", D(2024, 10, 1), D(2025, 9, 30))),
    ("months_to", "Output grew 1.1% in the three months to June 2025.", D(2025, 8, 13),
     ("in the three months to June 2025", D(2025, 4, 1), D(2025, 6, 30))),
    ("twelve_months_to", "Inflation averaged 3% over the 12 months to the end of May.", D(2025, 6, 10),
     ("the 12 months to the end of May", D(2024, 6, 1), D(2025, 5, 31))),
    # A quarter or half-year that ends with a named month (company results).
    ("quarter_ended_day", "Net income fell 8% in the quarter ended Sept. 30, the bank said.", D(2025, 10, 28),
     ("in the quarter ended Sept. 30", D(2025, 7, 1), D(2025, 9, 30))),
    ("fiscal_quarter_ending", "Revenue for the fiscal quarter ending March 31 beat forecasts.", D(2025, 4, 29),
     ("the fiscal quarter ending March 31", D(2025, 1, 1), D(2025, 3, 31))),
    ("half_year_to", "The miner swung to a loss in the half-year to December 2024.", D(2025, 2, 20),
     ("in the half-year to December 2024", D(2024, 7, 1), D(2024, 12, 31))),
    # "the September quarter" (Australian usage): the three months that end with the month.
    ("month_quarter", "Wages rose 0.8% in the June quarter.", D(2025, 8, 13), ("in the June quarter", D(2025, 4, 1), D(2025, 6, 30))),
    ("month_month_quarter", "Sales slowed in the April-June quarter, the company said.", D(2025, 8, 13),
     ("in the April-June quarter", D(2025, 4, 1), D(2025, 6, 30))),
    ("month_quarter_future", "Profits will recover in the December quarter.", D(2025, 8, 13),
     ("in the December quarter", D(2025, 10, 1), D(2025, 12, 31))),
    # South Asian usage: "Monday next" is the coming Monday, "Friday last" the one before.
    ("weekday_next", "The hearing has been adjourned to Wednesday next.", D(2025, 8, 22),
     ("Wednesday next", D(2025, 8, 27), D(2025, 8, 27))),
    ("weekday_last", "The shop was sealed on Friday last by the municipal team.", D(2025, 8, 22),
     ("on Friday last", D(2025, 8, 15), D(2025, 8, 15))),
    ("weekday_next_saturday", "Schools will remain closed till Saturday next.", D(2025, 8, 19),
     ("Saturday next", D(2025, 8, 23), D(2025, 8, 23))),
    # "instant" is the current month, "ultimo" the previous one.
    ("instant", "Objections may be filed up to the 25th instant.", D(2025, 11, 3), ("the 25th instant", D(2025, 11, 25), D(2025, 11, 25))),
    ("instant_abbrev", "Your application dated 4th inst. is under review.", D(2025, 11, 13), ("4th inst.", D(2025, 11, 4), D(2025, 11, 4))),
    ("ultimo", "We refer to your letter of the 12th ultimo.", D(2026, 1, 7), ("the 12th ultimo", D(2025, 12, 12), D(2025, 12, 12))),
    # Anchored to the date before them in the text.
    ("same_month_last_year", "Car sales hit 40,000 in April, up 9% on the same month last year.", D(2025, 5, 5),
     ("on the same month last year", D(2024, 4, 1), D(2024, 4, 30))),
    ("same_quarter_year_earlier", "Net profit in the third quarter doubled from the same quarter a year earlier.", D(2025, 11, 5),
     ("the same quarter a year earlier", D(2024, 7, 1), D(2024, 9, 30))),
    ("same_period_last_year", "Arrivals in January-March rose 12% from the same period last year.", D(2025, 4, 20),
     ("the same period last year", D(2024, 1, 1), D(2024, 3, 31))),
    # "the previous three months / quarter / month" after a period of the same sentence: before that period.
    ("previous_months", "Growth in the April-June quarter slowed to 5% from 6% in the previous three months.", D(2025, 8, 30),
     ("in the previous three months", D(2025, 1, 1), D(2025, 3, 31))),
    ("previous_quarter", "Output grew 0.4% in the third quarter from the previous quarter.", D(2025, 12, 5),
     ("the previous quarter", D(2025, 4, 1), D(2025, 6, 30))),
    ("previous_month", "Car sales fell 3% in September from the previous month.", D(2025, 12, 5),
     ("the previous month", D(2025, 8, 1), D(2025, 8, 31))),
    ("next_day", "He was detained on 5 June 2024 and released the next day.", D(2025, 1, 9),
     ("the next day", D(2024, 6, 6), D(2024, 6, 6))),
    ("following_day", "The dam burst on August 3, 2023; the army arrived the following day.", D(2025, 1, 9),
     ("the following day", D(2023, 8, 4), D(2023, 8, 4))),
    ("years_later", "The mill shut in 1998. Ten years later the town's school closed too.", D(2025, 1, 9),
     ("Ten years later", D(2008, 1, 1), D(2008, 12, 31))),
    ("decade_later", "The mine closed in 1992. A decade later the school shut too.", D(2024, 3, 21),
     ("A decade later", D(2002, 1, 1), D(2002, 12, 31))),
    ("chained", "He was jailed on 1 April 2025; three days later he was freed, and the next day he fled.", D(2025, 6, 12),
     ("the next day", D(2025, 4, 5), D(2025, 4, 5))),
    ("days_earlier", "The ship sank on 14 April 1912; two days earlier it had passed Ireland.", D(2025, 1, 9),
     ("two days earlier", D(1912, 4, 12), D(1912, 4, 12))),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in NEWS], ids=[c[0] for c in NEWS])
def test_news_usages(text: str, published: dt.date, expected: tuple[str, dt.date, dt.date]) -> None:
    assert expected in _found(text, published)


NOT_ANCHORED = [
    # No date close before it: nothing to count from, so no date (never from publication).
    ("next_day_no_anchor", "Police said the suspect was released the next day.", D(2025, 1, 9)),
    ("years_later_after_range", "The war lasted from 1980 to 1988; five years later peace talks began.", D(2025, 1, 9)),
    ("weeks_later_after_year", "The factory opened in 2010. Two weeks later it flooded.", D(2025, 1, 9)),
]


@pytest.mark.parametrize(("text", "published"), [c[1:] for c in NOT_ANCHORED], ids=[c[0] for c in NOT_ANCHORED])
def test_unanchored_relations_emit_nothing(text: str, published: dt.date) -> None:
    surfaces = [surface for surface, _, _ in _found(text, published)]
    assert not any("later" in s or "next day" in s for s in surfaces)


MORE = [
    # Numeric dates with both parts <= 12 follow the first country the text names: day first
    # outside the US ("10/03/2023" in a Delhi story is 10 March), month first for the US or none.
    ("numeric_india", "MUMBAI: Police said the flat was raided on 04/02/2024 after a tip-off.", D(2024, 3, 1),
     ("on 04/02/2024", D(2024, 2, 4), D(2024, 2, 4))),
    ("numeric_kenya", "Kenya's court set aside the ruling of 06/05/2025 on appeal.", D(2025, 6, 1),
     ("06/05/2025", D(2025, 5, 6), D(2025, 5, 6))),
    ("numeric_us", "The Texas plant closed on 04/02/2024, the company said.", D(2024, 6, 1),
     ("on 04/02/2024", D(2024, 4, 2), D(2024, 4, 2))),
    ("numeric_no_country", "The shop closed on 04/02/2024.", D(2024, 6, 1), ("on 04/02/2024", D(2024, 4, 2), D(2024, 4, 2))),
    # "before the end of X" is a deadline in late X, a date (a bare "before X" is no interval).
    ("before_end_of_month", "The ministry must publish the list before the end of March.", D(2025, 1, 15),
     ("the end of March", D(2025, 3, 16), D(2025, 3, 31))),
    ("before_end_of_year", "Both sides agreed to sign a deal before the end of the year.", D(2025, 6, 3),
     ("the end of the year", D(2025, 9, 1), D(2025, 12, 31))),
    ("before_end_of_future_month", "The hospital is due to open before the end of June.", D(2025, 7, 3),
     ("the end of June", D(2026, 6, 16), D(2026, 6, 30))),
]


@pytest.mark.parametrize(("text", "published", "expected"), [c[1:] for c in MORE], ids=[c[0] for c in MORE])
def test_numeric_order_and_deadlines(text: str, published: dt.date, expected: tuple[str, dt.date, dt.date]) -> None:
    assert expected in _found(text, published)


def test_bare_before_is_still_no_interval() -> None:
    assert _found("The bridge was built before 2010.", D(2025, 1, 1)) == []
