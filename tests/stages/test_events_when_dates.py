"""Golden cases for the event date of the headline incident (issue #5), each phenomenon worded three ways:

- "last <weekday>" is the latest such day before publication ("last Thursday" on a Friday is the day
  before); "last week on Tuesday" and "Tuesday of last week" keep the previous calendar week;
- two days listed ("on 9 and 10 May") date the incident by the first, also for a claim that borrows them;
- a day in a quote's attribution ("said one guest, reached by phone on Tuesday", "speaking on
  Wednesday", "interviewed on Monday") is when it was said;
- looking back for an undated claim, a funeral's (burial's, vigil's) day is passed over, also when the
  story opens with it ("Mourners gathered on Wednesday to bury the dead"), and so is the day of an
  official's visit ("The governor, who visited on Tuesday, said 25 had been killed");
- "The latest raid came last week. ... on Thursday night": a bare weekday told with the past week of
  the incident is that week's day, not the latest such day before the report;
- a month of fighting (raids, clashes) told before the story's incident is a period's total, not the headline;
- "X happened on 14 May after a landmine killed three the previous day; one protester was shot": the
  date inside the "after" clause is the earlier incident's, not the other clause's;
- a monitoring service's closing source line ("[Radio Kulmiye, Mogadishu, in Somali, 16 Feb 21]")
  dates the report: its two-digit year is read there, and "yesterday", "today", "on Monday" count
  from that day rather than from publication;
- "30 November - 1 December" (a spaced hyphen) is a range, not "November - 1";
- "the previous evening", "the night before", "the following morning" count from the date before them,
  and "last evening" (South Asian press) is yesterday's, as "last night" is;
- an undated perfect-tense toll of a war ("Yemen's war is in its eighth year and more than 377,000
  people have died") is the war's running total, not the story's incident;
- a weekend or a week narrows to the day a neighbouring sentence gives the incident ("killed 40 over the
  weekend ... the raid on Sunday night");
- "the night of Saturday to Sunday" starts on the eve of the Sunday: written on a Saturday, it is last
  week's Saturday (not the day of publication, whose night has not ended);
- "said militants attacked on Monday": a deed between the verb of saying and the day makes it the
  deed's day, not the statement's;
- a date naming the incident whose relative clause holds the claim ("the inquiry into the 12 April
  stampede, which killed 18 pilgrims, opened on Monday") dates it, not the later verb's day;
- "the toll from the Christmas Day bombing rose to 17 on Wednesday": a date naming the incident after
  "from" is the incident's, not a comparison base;
- "on Sunday, the second anniversary of the massacre" dates the massacre two years before that Sunday
  (and "Sunday the first anniversary" is no "Sunday the 1st");
- a dataset's precision label "(month of)" after a day ("Around 15 May 2023 (month of)") dates the month;
- "two years ago", "a decade ago" name a year, not a day: a feature's earlier incident so dated is
  background to the story's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from etl.records import Event
from etl.stages.extract.dates import extract_dates

D = dt.date
FRI = D(2024, 10, 11)  # a Friday
THU = D(2023, 3, 9)  # a Thursday
WED = D(2023, 5, 17)  # a Wednesday
MON = D(2022, 12, 12)  # a Monday
SAT = D(2023, 5, 20)  # a Saturday

WEEKDAYS = [
    ("last_wednesday_on_friday", FRI, "Gunmen killed seven worshippers at a church last Wednesday.", D(2024, 10, 9)),
    ("last_thursday_day_before", FRI, "The ferry capsized on the lake last Thursday.", D(2024, 10, 10)),
    ("last_friday_on_friday", FRI, "The central bank cut its rate last Friday.", D(2024, 10, 4)),
    ("last_week_on_tuesday_kept", FRI, "The court ruled last week on Tuesday.", D(2024, 10, 1)),
    ("tuesday_of_last_week_kept", FRI, "The talks collapsed on Tuesday of last week.", D(2024, 10, 1)),
]


ANCHORED = [
    ("previous_evening", SAT, "The governor said on 14 May that gunmen had ambushed a bus the previous evening.",
     "the previous evening", D(2023, 5, 13), D(2023, 5, 13)),
    ("night_before", SAT, "On 9 May, police said bandits had stormed the village the night before.", "the night before", D(2023, 5, 8), D(2023, 5, 8)),
    ("following_morning", SAT, "Soldiers reached the camp on 3 May and found the bodies the following morning.",
     "the following morning", D(2023, 5, 4), D(2023, 5, 4)),
    ("spaced_hyphen_months", SAT, "Bandits raided the village on the night of 30 April - 1 May.", "30 April - 1 May", D(2023, 4, 30), D(2023, 5, 1)),
    ("spaced_hyphen_year_end", SAT, "Fighting raged from 31 December - 2 January.", "from 31 December - 2 January", D(2022, 12, 31), D(2023, 1, 2)),
    ("spaced_hyphen_short", SAT, "The curfew ran 28 Feb - 2 Mar 2023.", "28 Feb - 2 Mar 2023", D(2023, 2, 28), D(2023, 3, 2)),
    ("last_evening_shot", D(2023, 9, 7), "A trader was shot dead last evening in Imphal.", "last evening", D(2023, 9, 6), D(2023, 9, 6)),
    ("last_evening_blast", D(2023, 9, 7), "An IED went off near the market last evening, police said.", "last evening", D(2023, 9, 6),
     D(2023, 9, 6)),
    ("late_last_evening", D(2024, 1, 2), "Gunmen fired on a bus late last evening.", "last evening", D(2024, 1, 1), D(2024, 1, 1)),
    ("source_line_year", FRI, "Gunmen killed two traders. [Radio Kulmiye, Mogadishu, in Somali, 16 Feb 21]", "16 Feb 21",
     D(2021, 2, 16), D(2021, 2, 16)),
]


@pytest.mark.parametrize(("case", "published", "text", "surface", "start", "end"), ANCHORED, ids=[c[0] for c in ANCHORED])
def test_anchored_and_spaced_dates(case: str, published: dt.date, text: str, surface: str, start: dt.date, end: dt.date) -> None:
    found = {d.surface: (d.start_date, d.end_date) for d in extract_dates(text, published=published)}
    assert found.get(surface) == (start, end), found


@pytest.mark.parametrize(("case", "published", "text", "day"), WEEKDAYS, ids=[c[0] for c in WEEKDAYS])
def test_last_weekday(case: str, published: dt.date, text: str, day: dt.date) -> None:
    found = [d for d in extract_dates(text, published=published) if "day" in d.surface.lower()]
    assert [(d.start_date, d.end_date) for d in found] == [(day, day)]


CASES = [
    # two days listed: the first
    ("two_days_borrowed", WED, "Aid workers said that on 9 and 10 May, fighting between two clans near Galkayo forced 3,000 "
     "families to flee. Elders said at least 17 people were killed during the two days of clashes.", D(2023, 5, 9)),
    ("two_days_month_first", WED, "Heavy clashes on May 11 and 12 killed 23 fighters in the hills above the town, the army said.", D(2023, 5, 11)),
    ("two_days_next_sentence", WED, "Herders attacked three villages in the district on 2 and 3 May. A local chief said 31 "
     "villagers had been killed.", D(2023, 5, 2)),
    # a quote's attribution day
    ("reached_by_phone", THU, 'Banditry has plagued the district for years.\n\nGunmen stormed a wedding party in Kouri on Sunday night.'
     '\n\n"We hid in the fields," one guest said, reached by phone on Tuesday.\n\nThe police said 11 guests were killed.', D(2023, 3, 5)),
    ("speaking_on", THU, "Attacks on markets have grown more frequent.\n\nFighters on motorbikes raided the market in Bama on Saturday "
     "afternoon.\n\nA trader, speaking on Wednesday, said the gunmen came from the forest.\n\nNine traders died, the local council said.",
     D(2023, 3, 4)),
    ("interviewed_on", THU, "The road to Mopti is among the most dangerous in the region.\n\nA bomb hit an army patrol there on Friday."
     "\n\nOne officer, interviewed on Monday, said the convoy had no escort.\n\nFour soldiers were killed, the army said.", D(2023, 3, 3)),
    # a funeral's day looking back
    ("funeral_held", THU, "Violence has surged across the north.\n\nGunmen attacked the village of Dori on Sunday evening.\n\n"
     "A funeral for the dead was held on Tuesday.\n\nResidents said seven people were killed.", D(2023, 3, 5)),
    ("victims_buried", THU, "The region has seen dozens of raids this year.\n\nA bomb exploded in a mosque in Konduga on Friday.\n\n"
     "The victims were buried on Monday.\n\nHospital staff said 13 worshippers died.", D(2023, 3, 3)),
    ("vigil_held", THU, "Tensions have run high for months.\n\nSoldiers opened fire on protesters in the square on Saturday.\n\n"
     "Mourners gathered for a vigil on Wednesday.\n\nRights groups say five protesters were killed.", D(2023, 3, 4)),
    ("lead_mourners_gathered", THU, "Mourners gathered on Wednesday in Mangu to bury the dead.\n\nThe attack began late on Sunday, "
     "when armed men stormed three villages.\n\nLocal leaders put the toll at 31.", D(2023, 3, 5)),
    ("lead_families_buried", THU, "Families in Kagoro buried their dead on Tuesday.\n\nThe raid had come before dawn on Saturday, "
     "residents said.\n\nThe police put the number of dead at 18.", D(2023, 3, 4)),
    ("lead_vigil_held", THU, "A vigil was held in the town square on Monday evening.\n\nOn Friday, a gunman had opened fire at a "
     "nightclub there.\n\nOfficials said 9 people died.", D(2023, 3, 3)),
    ("who_visited_on", THU, "A week after the massacre in Yelwata, survivors are still in shock. Gunmen attacked the village on "
     "2 March.\n\nThe governor, who visited on Tuesday, said 25 people had been killed.", D(2023, 3, 2)),
    ("who_toured_on", THU, "Gunmen attacked a village on Saturday.\n\nThe state governor, who toured the area on Monday, said 14 "
     "people had been killed.", D(2023, 3, 4)),
    ("visiting_on", THU, "Bandits struck the market in Dansadau on Sunday.\n\nThe president, visiting the town on Tuesday, said 30 "
     "traders had died.", D(2023, 3, 5)),
    ("attributive_stampede", D(2024, 5, 14), "The inquiry into the 12 April stampede, which killed 18 pilgrims, opened on Monday.",
     D(2024, 4, 12)),
    ("attributive_possessive", D(2024, 5, 14), "Survivors of Sunday's attack on the church, in which 9 worshippers died, met the "
     "president on Tuesday.", D(2024, 5, 12)),
    ("attributive_trial", D(2024, 5, 14), "The trial over the 3 March bombing that killed 14 people began in Kabul on Monday.", D(2024, 3, 3)),
    ("toll_from_christmas_day_bombing", D(2024, 1, 4), "The toll from the Christmas Day bombing rose to 17 on Wednesday.",
     D(2023, 12, 25)),
    ("toll_from_new_years_eve_bombing", D(2024, 1, 4), "The toll from the New Year's Eve bombing in the capital rose to 17 on "
     "Wednesday.", D(2023, 12, 31)),
    ("toll_from_dated_attack", D(2024, 1, 4), "The death toll from the 28 December attack on a church rose to 12 on Tuesday.",
     D(2023, 12, 28)),
    ("first_anniversary", D(2024, 5, 14), "Relatives marked on Sunday the first anniversary of the bombing of a school in Kabul that "
     "killed 53 students.", D(2023, 5, 12)),
    ("second_anniversary", D(2024, 5, 14), "On Monday, the second anniversary of the massacre in which 160 herders died, survivors "
     "demanded justice.", D(2022, 5, 13)),
    ("tenth_anniversary", D(2024, 5, 14), "Hundreds gathered in Kano on 12 May 2024, the 10th anniversary of the market bombing that "
     "killed 70 people.", D(2014, 5, 12)),
    # a bare weekday in the incident's past week
    ("latest_raid_last_week", THU, "Attacks on farmers have grown this year.\n\nThe latest raid came last week. According to villagers, "
     "gunmen arrived on Thursday night and set fire to the granaries.\n\nA local official said eight farmers were killed.", D(2023, 3, 2)),
    ("most_recent_happened", THU, "Kidnappings have spread along the highway.\n\nThe most recent attack happened last week. Travellers "
     "said the bandits blocked the road on Tuesday.\n\nPolice said three passengers were shot dead.", D(2023, 2, 28)),
    ("attacked_last_week_then_day", THU, "Jihadists have targeted schools across the province.\n\nGunmen attacked a boarding school "
     "last week, witnesses said. They came on Wednesday before dawn.\n\nSix pupils were killed, the governor said.", D(2023, 3, 1)),
    # a month's fighting before the story's incident
    ("last_month_fighting", MON, "Rebels have taken much of the province over two years.\n\nLast month, fighting near the town of "
     "Rutshuru killed at least 30 people, the UN said.\n\nThe latest violence came on Thursday in the village of Kisharo, where "
     "gunmen shot 20 villagers dead.", D(2022, 12, 8)),
    ("october_fighting", MON, "The army and militias have clashed for months in the valley.\n\nIn October, fighting around the dam "
     "killed 60 combatants, according to local monitors.\n\nOn Friday, militiamen ambushed a convoy outside Bunia, killing nine "
     "soldiers.", D(2022, 12, 9)),
    ("last_month_raids", MON, "Herder-farmer disputes have turned deadly across the plateau.\n\nLast month, raids on farming "
     "settlements killed 45 people, a rights group said.\n\nOn Saturday, attackers stormed the village of Mbar, killing 12 "
     "residents.", D(2022, 12, 10)),
    # a date inside an "after" clause
    ("after_landmine_previous_day", SAT, "Youths blocked the highway near Kasese on 14 May after a landmine killed three farmers "
     "the previous day; one demonstrator was shot dead by soldiers.", D(2023, 5, 14)),
    ("after_kidnapping_day_before", SAT, "Traders shut the market in Beni on 9 May after militiamen kidnapped two merchants the day "
     "before; a shopkeeper was killed when police dispersed the crowd.", D(2023, 5, 9)),
    ("source_line_yesterday", D(2021, 2, 17), "Excerpt from report by Radio Kulmiye: Gunmen yesterday shot dead two traders at "
     "the livestock market in Baidoa. [Radio Kulmiye, Mogadishu, in Somali, 16 Feb 21]", D(2021, 2, 15)),
    ("source_line_weekday", D(2021, 2, 17), "Text of report by Ariana News: Unknown gunmen killed four guards at a checkpoint in Herat "
     "city on Monday night, police said. [Ariana News, Kabul, in Dari, 9 Feb 21]", D(2021, 2, 8)),
    ("source_line_today", D(2021, 2, 17), "A roadside bomb killed three soldiers in Gedo region today, the local administration said. "
     "[Garowe Online, in Somali, 15 Feb 21]", D(2021, 2, 15)),
    ("previous_evening_event", SAT, "The district governor said on 14 May that gunmen had ambushed a bus the previous evening, "
     "killing three passengers.", D(2023, 5, 13)),
    ("night_before_event", SAT, "On 9 May, police said bandits had stormed the village the night before, killing seven farmers.", D(2023, 5, 8)),
    ("night_of_spaced_hyphen", D(2020, 12, 5), "Bandits on the night of 30 November - 1 December raided the village of Kware, "
     "killing six herders.", D(2020, 11, 30)),
    ("war_toll_eighth_year", D(2022, 1, 18), "SANAA - Yemen's war is in its eighth year and more than 377,000 people have died, "
     "the UN estimates.\n\nOn Monday, drones struck fuel trucks near the airport. Three people were killed.", D(2022, 1, 17)),
    ("insurgency_toll_officials", D(2022, 1, 18), "The insurgency in the north is now in its 14th year; some 40,000 people have died "
     "in the conflict, officials say.\n\nOn Sunday, a bomb at a bus stop in Maiduguri killed five people.", D(2022, 1, 16)),
    ("killed_in_the_war", D(2022, 1, 18), "More than 12,000 people have been killed in the war between the army and the RSF, "
     "according to monitors.\n\nOn Saturday, shelling hit a market in Omdurman, killing 21 people.", D(2022, 1, 15)),
    ("weekend_raid_sunday_night", D(2022, 6, 7), "Gunmen killed 40 villagers in central Nigeria over the weekend, officials said. "
     "Police said the raid on Yelwata village on Sunday night was the deadliest this year.", D(2022, 6, 5)),
    ("last_week_ambush_thursday", D(2022, 6, 7), "Rebels killed 17 soldiers last week, the army said on Tuesday. The ambush on "
     "Thursday targeted a supply convoy near Beni.", D(2022, 6, 2)),
    ("weekend_attack_saturday", D(2022, 6, 7), "Bandits abducted 30 students over the weekend, the state government said. The "
     "attack on the school in Kebbi on Saturday began before dawn.", D(2022, 6, 4)),
    ("night_saturday_to_sunday", D(2023, 6, 17), "Bandits killed 8 villagers on the night of Saturday to Sunday.", D(2023, 6, 10)),
    ("overnight_saturday_into_sunday", D(2023, 6, 17), "Herders killed 6 farmers overnight Saturday into Sunday, police said.",
     D(2023, 6, 10)),
    ("night_of_friday_and_saturday", D(2023, 6, 16), "Gunmen killed 4 people at a bar in the night of Friday and Saturday.", D(2023, 6, 9)),
    ("two_years_ago_background", D(2023, 6, 19), "Two years ago, a bomb in the same market killed 40 people.\n\nOn Friday, another "
     "blast there killed 6.", D(2023, 6, 16)),
    ("decade_ago_background", D(2023, 6, 19), "A decade ago, a fire at the factory killed 112 workers.\n\nOn Thursday, a blaze at a "
     "plant nearby killed 9.", D(2023, 6, 15)),
    ("year_ago_background", D(2023, 6, 19), "A year ago, floods in the valley killed 60 people.\n\nOn Saturday, a landslide in the "
     "same valley killed 11 villagers.", D(2023, 6, 17)),
    ("said_fighters_struck", D(2023, 6, 21), "Fighters killed 13 villagers last week. Witnesses said the fighters struck on Wednesday.",
     D(2023, 6, 14)),
    ("said_militants_attacked", D(2023, 6, 21), "A resident said militants attacked on Monday, killing 4 people.", D(2023, 6, 19)),
    ("said_troops_ambushed", D(2023, 6, 21), "Officials said troops were ambushed on Sunday; 6 soldiers died.", D(2023, 6, 18)),
    ("following_ambush_two_days", SAT, "Students torched the governor's office on 16 May following an ambush that killed a lecturer "
     "two days earlier; two students were shot dead by the guards.", D(2023, 5, 16)),
]


MONTHS = [
    ("around_month_of", D(2023, 6, 21), "Around 15 May 2023 (month of), clashes between two militias killed 11 people.", D(2023, 5, 1),
     D(2023, 5, 31)),
    ("on_month_of", D(2023, 6, 21), "On 3 December 2022 (month of), fighting near Sake killed 8 combatants.", D(2022, 12, 1),
     D(2022, 12, 31)),
    ("label_month_of", D(2023, 6, 21), "Date: 20 April 2023 (month of).\nClashes between herders and farmers killed 14 people in Ouham.",
     D(2023, 4, 1), D(2023, 4, 30)),
]
# A week or weekend kept whole: the day after it is a follow-up's or a statement's, not the incident's.
LOOSE = [
    ("arrest_day_not_moved", D(2023, 6, 16), "Gunmen killed 19 villagers in a raid last week. On Monday, police arrested three suspects.",
     D(2023, 6, 5), D(2023, 6, 11)),
    ("statement_day_not_narrowing", D(2023, 6, 16), "Rebels killed 17 soldiers last week. On Thursday, the army said it had killed 40 "
     "rebels in a counter-attack.", D(2023, 6, 5), D(2023, 6, 11)),
    ("burial_day_not_moved", D(2023, 6, 16), "Bandits killed 12 herders over the weekend. The victims were buried on Sunday.",
     D(2023, 6, 10), D(2023, 6, 11)),
]


@pytest.mark.parametrize(("case", "published", "text", "day"), CASES, ids=[c[0] for c in CASES])
def test_headline_event_day(case: str, published: dt.date, text: str, day: dt.date, headline: Callable[[str, dt.date], Event]) -> None:
    first = headline(text, published)
    assert (first.period_start, first.period_end) == (day, day)


@pytest.mark.parametrize(("case", "published", "text", "start", "end"), LOOSE + MONTHS, ids=[c[0] for c in LOOSE + MONTHS])
def test_loose_period_kept(case: str, published: dt.date, text: str, start: dt.date, end: dt.date, headline: Callable[[str, dt.date], Event]) -> None:
    first = headline(text, published)
    assert (first.period_start, first.period_end) == (start, end)
