"""Golden cases for the event date (issue #5, second round), each phenomenon worded at least three ways:

- a day opening a sentence whose verb of saying reports a pluperfect claim ("On Friday, the ministry
  said three people had been killed", "On Tuesday, an official said the toll had risen to 63") is
  the statement's: the incident's day is told before it; a year so placed ("in 2023, the army said it
  had killed 566") still dates its total, and a plain past claim ("On Monday, police said gunmen
  killed four") keeps its day; so is one before a reported clause that holds its own date ("On
  Thursday, police said 5 were killed on Tuesday", "... the previous day"); with no other date, the statement's day bounds the incident (not the
  publication date), and "a week after the massacre" counts back from it;
- a deed that ran on from one day into the next ("began on Saturday and lasted into Sunday") starts on
  the first, also for a claim that borrows the date from the sentence before;
- a toll update opened by its own day ("On Tuesday, the death toll from the bombing rose to 63. The
  bomber struck on Sunday.") dates the incident by the day told of the deed nearby, also a paragraph
  before;
- a finding of bodies dates the incident by the deed's earlier day told with it, in the same
  sentence or a neighbouring one ("The bodies of 5 men were found on Thursday; they had been abducted
  on Tuesday"), and by the find only when no such day is given;
- a situation report's tally of its reporting period ("In the reporting period (14-20 February),
  attacks displaced 3,000") is the period's, however short, not the report's incident;
- a story that opens with a later development told without an attack ("The army completed its
  withdrawal on Monday") dates a later undated claim by the attack's earlier day told after it ("a
  suicide bombing on Thursday ... 170 were killed"), not by the lead's;
- a war's toll in a relative clause of a sentence telling no attack ("ending a 20-year war in which
  2,400 soldiers died") is the war's total, not the story's incident (but "A bomb killed 12 on
  Monday, the latest blow in a war that has killed 40,000" keeps its 12);
- a span of two written days ("On 19-20 February", "on May 3-4", "between 10 and 12 June") starts on
  its first day, as do up to four (``test_events_when_firstday``); "sometime between 1 and 2 May"
  stays whole (the writer does not know the day);
- a month's n-th week is its n-th seven days ("in the first week of March" is 1-7 March, "the last week
  of February" its last seven days), not the Monday-to-Sunday week holding the 1st (26 Feb - 3 Mar).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from etl.records import Event

D = dt.date
SAT = D(2024, 3, 16)  # a Saturday

DAYS = [
    # a pluperfect claim reported on a later day
    ("said_had_been_killed", SAT, "Militants stormed a police checkpoint in Dera on Wednesday night.\n\nOn Friday, a district "
     "official said eleven policemen had been killed.", D(2024, 3, 13)),
    ("said_toll_had_risen", SAT, "A car bomb went off outside a courthouse in Mogadishu on Sunday. On Tuesday, hospital staff said "
     "the toll had risen to 19.", D(2024, 3, 10)),
    ("told_journalists_had_died", SAT, "Gunmen attacked a bus near Kidal on Monday morning. On Wednesday, the regional governor "
     "told journalists six passengers had died.", D(2024, 3, 11)),
    ("confirmed_had_been_wounded", SAT, "The blast tore through a wedding hall in Herat on Thursday evening.\n\nOn Friday, the "
     "provincial police confirmed 23 guests had been wounded.", D(2024, 3, 14)),
    ("said_had_only_date", SAT, "On Monday, survivors said 31 people had been killed in the raid on Kouri.", D(2024, 3, 11)),
    ("told_that_only_date", SAT, "On Tuesday, elders told reporters that 14 herders were killed near Bossangoa.", D(2024, 3, 12)),
    ("week_after_massacre", SAT, "On Monday, a week after the massacre in Kouri, survivors said 31 people had been killed.",
     D(2024, 3, 4)),
    ("two_weeks_after_raid", SAT, "On Thursday, two weeks after the raid on the camp, officials said 12 refugees had died.",
     D(2024, 2, 29)),
    ("said_killed_on_weekday", SAT, "On Thursday, police said 5 people were killed in Kaduna on Tuesday.", D(2024, 3, 12)),
    ("said_killed_previous_day", SAT, "On Thursday, police said 5 people were killed in Kaduna the previous day.", D(2024, 3, 13)),
    ("told_agency_shot_on_night", SAT, "On Friday, local officials told AFP 9 villagers were shot dead in Djibo on Wednesday night.",
     D(2024, 3, 13)),
    ("army_said_strike_on_day", SAT, "On Wednesday, the army said troops killed 20 militants in an air strike on Monday.",
     D(2024, 3, 11)),
    ("deed_first_then_statement_kept", SAT, "On Thursday, gunmen killed 5 people in Kaduna, and on Friday police said they had "
     "arrested 3.", D(2024, 3, 14)),
    ("said_plain_past_keeps_day", SAT, "On Monday, police said gunmen killed four farmers in Benue.", D(2024, 3, 11)),
    # a deed that ran on into the next day
    ("began_lasted_into", SAT, "Bandits raided the village of Kware overnight. The raid began at 11pm on Tuesday and lasted into "
     "Wednesday, residents said. Seven people were killed.", D(2024, 3, 12)),
    ("started_went_on_until", SAT, "The assault on the army base started late on Sunday and went on until Monday morning, killing "
     "nine soldiers.", D(2024, 3, 10)),
    ("fighting_continued_into", SAT, "Fighting erupted in the market on Thursday and continued well into Friday. Officials counted "
     "14 dead.", D(2024, 3, 14)),
    # a lead without an attack, a war's toll in its relative clause
    ("withdrawal_then_bombing", D(2021, 8, 31), "KABUL - The last foreign troops left the country on Monday, ending a 20-year war in "
     "which more than 3,500 coalition soldiers died.\n\nThe final week was scarred by a suicide bombing on Thursday at the airport "
     "gate.\n\nHealth officials said 90 people were killed.", D(2021, 8, 26)),
    ("peace_deal_then_ambush", D(2024, 3, 16), "Delegates signed a peace accord in Doha on Friday, closing an insurgency that has "
     "claimed 20,000 lives.\n\nDays earlier, rebels ambushed a convoy near Beni on Tuesday.\n\nThe army said 8 soldiers died.",
     D(2024, 3, 12)),
    ("vote_then_raid", D(2024, 3, 16), "Parliament extended the state of emergency on Thursday, in a conflict in which thousands "
     "have died.\n\nThe vote came after gunmen raided a school in Kaduna on Sunday.\n\nParents said 15 pupils were killed.",
     D(2024, 3, 10)),
    ("bomb_in_long_war_kept", D(2024, 3, 16), "A bomb killed 12 people at a bus station in Maiduguri on Monday, the latest blow in a "
     "war that has killed 40,000.", D(2024, 3, 11)),
    ("stayed_until_dawn", SAT, "Gunmen stormed a village in Benue late on Wednesday and stayed until dawn on Thursday, killing "
     "17 people.", D(2024, 3, 13)),
    ("lasting_into", SAT, "Clashes broke out in the camp on Sunday, lasting into Monday, and killed 20 fighters.", D(2024, 3, 10)),
    ("had_lost_their_lives", SAT, "Gunmen attacked a bus in Zamfara on Tuesday.\n\nOn Thursday, police spokesman Abu Musa said "
     "nine passengers had lost their lives.", D(2024, 3, 12)),
    # a toll update opened by its own day
    ("opening_update_next_sentence", SAT, "On Tuesday, the death toll from the bombing of a rally in Khar rose to 63. The bomber "
     "struck on Sunday afternoon.", D(2024, 3, 10)),
    ("opening_update_raised", SAT, "On Wednesday, officials raised the toll from the market blast to 31. The bomb went off on "
     "Sunday morning in Bannu.", D(2024, 3, 10)),
    ("opening_update_paragraph_before", SAT, "A bomb hidden in a cart hit the market in Bannu on Sunday.\n\nOn Wednesday, the "
     "number of dead climbed to 31, officials said.", D(2024, 3, 10)),
    ("update_of_day_named_kept", SAT, "The toll from Tuesday's landslide in the valley rose to 40 on Thursday.", D(2024, 3, 12)),
    # bodies found after the deed
    ("bodies_found_massacre_after", SAT, "Soldiers found the bodies of 31 villagers on Thursday. The massacre took place on Tuesday, "
     "residents said.", D(2024, 3, 12)),
    ("bodies_found_abducted_same_sentence", SAT, "The bodies of 5 men were found on Thursday in Djibo; they had been abducted on "
     "Tuesday, relatives said.", D(2024, 3, 12)),
    ("bodies_discovered_shot_before", SAT, "Herders shot dead 4 farmers near Lafia on Monday.\n\nVillagers discovered the bodies of "
     "the 4 farmers on Wednesday.", D(2024, 3, 11)),
    ("found_bodies_struck_after", SAT, "Police found the bodies of 6 miners at the pit on Friday. Gunmen had struck the mine on "
     "Wednesday night, a survivor said.", D(2024, 3, 13)),
    ("bodies_found_only_date", SAT, "The bodies of 5 abducted traders were found on Thursday near Djibo.", D(2024, 3, 14)),
    # two written days
    ("hyphen_two_days", SAT, "On 9-10 March 2024, ISWAP fighters attacked the garrison in Monguno. 12 soldiers were killed.",
     D(2024, 3, 9)),
    ("month_first_two_days", SAT, "Clashes on March 4-5 between two clans in Galmudug killed 17 people.", D(2024, 3, 4)),
    # a reporting period's tally before the incident
    ("reporting_period_displaced", D(2024, 6, 12), "During the reporting period (3-9 June), clashes displaced 4,000 people in Djugu. "
     "On 6 June, CODECO militiamen killed five villagers in Djugu territory.", D(2024, 6, 6)),
    ("period_under_review", D(2024, 5, 10), "In the period under review (1-7 May), violence in Pibor killed 23 people. On 4 May, an "
     "ambush on the Bor road killed three traders.", D(2024, 5, 4)),
    ("reporting_week_wounded", D(2024, 7, 19), "Over the reporting week of 10-16 July, airstrikes wounded 40 civilians across Idlib.\n\n"
     "On 12 July, a strike on a market in Ariha killed 7 people.", D(2024, 7, 12)),
    ("from_to_two_days", SAT, "From 1 to 2 March, herders attacked farming villages in Mangu, killing 21 people.", D(2024, 3, 1)),
    ("between_three_days_first", SAT, "Between 10 and 12 March, clashes in Pibor killed 30 people.", D(2024, 3, 10)),
    ("between_days_report_first", SAT, "According to OCHA, between 4 and 6 March, attacks on villages near Kajo Keji killed 11 civilians.",
     D(2024, 3, 4)),
    ("between_days_of_year_first", SAT, "Between 26 and 28 February 2024, fighting between two militias in Zawiya left 17 dead.", D(2024, 2, 26)),
]

SPANS = [
    ("sometime_two_days_kept", SAT, "Sometime between 1 and 2 March, gunmen killed 6 herders near Tibesti.", D(2024, 3, 1),
     D(2024, 3, 2)),
    ("weekend_kept", D(2024, 3, 11), "Bandits killed 12 herders over the weekend near Zurmi.", D(2024, 3, 9), D(2024, 3, 10)),
    ("first_week_of_month", SAT, "In the first week of March, raiders killed 9 farmers around Bokkos.", D(2024, 3, 1),
     D(2024, 3, 7)),
    ("last_week_of_leap_february", SAT, "Jihadists killed 14 soldiers near Djibo during the last week of February.",
     D(2024, 2, 23), D(2024, 2, 29)),
    ("second_week_of_month_with_year", SAT, "A landmine killed 5 deminers in Kandahar in the second week of January 2023.",
     D(2023, 1, 8), D(2023, 1, 14)),
    ("year_said_had_killed", SAT, "Bombings have eased. In 2023, the army said it had killed 566 militants in the province.",
     D(2023, 1, 1), D(2023, 12, 31)),
]


@pytest.mark.parametrize(("case", "published", "text", "day"), DAYS, ids=[c[0] for c in DAYS])
def test_headline_event_day(case: str, published: dt.date, text: str, day: dt.date, headline: Callable[[str, dt.date], Event]) -> None:
    first = headline(text, published)
    assert (first.period_start, first.period_end) == (day, day)


@pytest.mark.parametrize(("case", "published", "text", "start", "end"), SPANS, ids=[c[0] for c in SPANS])
def test_span_kept(case: str, published: dt.date, text: str, start: dt.date, end: dt.date, headline: Callable[[str, dt.date], Event]) -> None:
    first = headline(text, published)
    assert (first.period_start, first.period_end) == (start, end)
