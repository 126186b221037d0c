"""Golden cases for the event date (issue #5, third round): follow-up reports, each phenomenon worded
at least three ways. The killed (else injured) row is checked, not the headline row: a follow-up
story's first figure is often its arrests.

- a day right before the verb of a toll update ("Authorities on Wednesday revised the toll from the
  raid to 15") is the update's: the incident's earlier day told nearby dates it;
- a toll update whose sentence names the incident by its day ("Funerals were held on Wednesday for
  victims of Sunday's bombing, as the toll rose to 27", "On Friday, the toll from Wednesday's blast
  rose to 41") is dated by that day, not by the funeral's or the update's;
- a story that opens with a later development about the incident (a court's charge, an inquiry, an
  arrest, a protest: "A court on Tuesday charged three men over the killing of villagers") dates a
  later undated claim by the deed's earlier date told after the lead ("the gunmen who raided the
  village on 24 February", "The attack happened in February"), not by the lead's day; a lead that
  tells the attack itself keeps its day;
- a claim told in passing in a statement's sentence ("Relatives of a policeman killed in an ambush
  said on Friday he had been due to retire") is dated by the deed's earlier day told further on
  ("militants ambushed a patrol near Ayorou on Tuesday"), not by the publication date;
- a claim inside the object of a step its own sentence dates ("The UN on Thursday condemned an attack
  that killed 12", "an investigation was under way on Friday into a fire that killed 14 ... on Wednesday
  night", "claimed responsibility for a bombing that killed six") takes the date told inside the
  object, else the deed's earlier date told nearby; a figure the step governs ("arrested 2 suspects")
  and a lead that tells the deed first keep the step's day;
- "Three days after a bomb ripped through a market, the toll stood at 25 on Thursday" counts back from
  the day (not "Two days after the bombing, gunmen shot dead five officers on Thursday");
- a claim told in passing in its subject by the victims' kin or survivors ("Relatives of 14 miners
  killed in an attack demanded compensation on Wednesday") takes the deed's earlier day told nearby; "in
  protest at the killing of three colleagues" is such a step;
- a month naming the incident of the claim's clause ("a truck bombing in July 2016 that killed 300")
  is not replaced by a day told earlier in the sentence ("spoke on Monday at the site of ...");
- victims named in a reduced relative clause of what a sentence tells ("Pope Francis on Wednesday prayed
  for the 40 worshippers killed in a church attack") and a funeral whose incident's day is told in
  another paragraph ("The 5 soldiers were buried on Wednesday. [...] Militants had ambushed their
  convoy on Sunday") take the deed's day; vows and pledges ("vowed to hunt down the militants who
  killed 12") are steps too;
- "between Saturday night and Sunday morning", "on Friday into Saturday", "from Tuesday evening until
  Wednesday" start on the first day (a day after "from" that a span's end follows is no comparison
  base, and "until Wednesday" after it no count's cut-off);
- a week, weekend or span inside the "after ..." clause holding the claim ("demanded action on Friday
  after jihadists killed 30 civilians last weekend") is the incident's, not replaced by the step's day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from etl.records import Article, Event
from etl.stages.extract.dates import extract_dates
from etl.stages.extract.events import EventVocabulary, extract_events, load_vocabulary
from etl.stages.extract.numbers import extract_quantities
from etl.stages.segment import split_sentences

D = dt.date
SAT = D(2024, 3, 16)  # a Saturday
THU = D(2024, 3, 14)

DAYS = [
    # a toll update naming the incident by its day
    ("funeral_update_names_bombing", SAT, "Mourners gathered on Wednesday to bury victims of Sunday's market bombing in Bannu, as "
     "doctors said the death toll had climbed to 27.", D(2024, 3, 10)),
    ("schools_closed_update_names_attack", SAT, "Schools stayed shut in Kano on Thursday after Monday's attack on a mosque, and the "
     "toll rose to 22, police said.", D(2024, 3, 11)),
    ("opening_update_names_blast", SAT, "On Friday, the death toll from Wednesday's blast at a fuel depot in Kabul rose to 41.",
     D(2024, 3, 13)),
    ("pulled_bodies_air_strike_on_day", SAT, "Rescue workers on Thursday pulled more bodies from the rubble of a building "
     "destroyed in an air strike on Tuesday, bringing the toll to 33.", D(2024, 3, 12)),
    # "officials on Wednesday revised the toll": the update's day, the incident's told nearby
    ("revised_toll_raid_later", SAT, "MAIDUGURI - Authorities on Wednesday revised the toll from an ISWAP raid on Gajiram to 15 dead, "
     "up from nine. The raid took place late on Sunday.", D(2024, 3, 10)),
    ("raised_toll_fire_later", SAT, "Health officials on Thursday raised the toll from the market fire in Onitsha to 27. The fire "
     "broke out on Monday night.", D(2024, 3, 11)),
    ("put_toll_bombs_later", SAT, "Officials on Friday put the toll from the twin blasts in Kabul at 19. The bombs went off on "
     "Tuesday morning near a school.", D(2024, 3, 12)),
    ("update_day_named_plain_kept", SAT, "The toll from Tuesday's landslide in the valley rose to 40 on Thursday.", D(2024, 3, 12)),
    # a lead that tells a later development
    ("court_charged_then_raid_day", SAT, "A court in Jos on Tuesday charged three men over the killing of villagers in Bokkos.\n\n"
     "Prosecutors said the men guided the gunmen who raided the village on 24 February.\n\nAccording to the police, 19 people died "
     "in the raid.", D(2024, 2, 24)),
    ("protest_then_bomb_day", SAT, "Hundreds of students marched in Quetta on Thursday to demand justice over the bombing of their "
     "college.\n\nThe bomb went off at the gate on 2 March as classes ended.\n\nHospital officials said 16 students were killed.",
     D(2024, 3, 2)),
    ("inquiry_opened_then_ambush_day", SAT, "The defence ministry on Friday opened an inquiry into the ambush of a convoy near "
     "Menaka.\n\nThe convoy was attacked on 29 February on the road to Ansongo.\n\nEleven soldiers were killed, a military source "
     "said.", D(2024, 2, 29)),
    ("lead_tells_deed_kept", SAT, "Gunmen attacked a market in Zurmi on Tuesday, residents said.\n\nThe same village was raided on "
     "2 March.\n\nA local chief said 9 traders were killed.", D(2024, 3, 12)),
    # a claim told in passing in a statement's sentence
    ("relatives_said_ambush_later", SAT, "Relatives of a policeman killed in an ambush in Tillaberi said on Friday he had been due "
     "to retire.\n\nThe army said militants ambushed a patrol near Ayorou on Tuesday. Two other officers were wounded.",
     D(2024, 3, 12)),
    ("colleagues_told_bomber_struck", SAT, "Colleagues of a journalist killed in a suicide attack in Mogadishu told reporters on "
     "Thursday that he had received threats.\n\nThe bomber struck a cafe near the port on Sunday evening, police said.",
     D(2024, 3, 10)),
    # a step about the attack dated in the claim's own sentence
    ("condemned_attack_that_killed", SAT, "The UN on Thursday condemned an attack that killed 12 aid workers in South Sudan.\n\n"
     "The convoy was attacked on Tuesday near Pibor.", D(2024, 3, 12)),
    ("charged_over_attack_that_killed", SAT, "A court in Jos on Tuesday charged three men over an attack that killed 19 villagers in "
     "Bokkos.\n\nProsecutors said the gunmen raided the village on 24 February.", D(2024, 2, 24)),
    ("arrested_over_bombing_that_wounded", SAT, "Police on Friday arrested the alleged planner of a bombing that wounded 14 "
     "worshippers at a church in Kaduna.\n\nThe bomb exploded during Mass on Sunday.", D(2024, 3, 10)),
    ("mourning_for_villagers_killed", SAT, "Mali's junta on Wednesday declared three days of national mourning for 40 villagers "
     "killed by jihadists.\n\nGunmen raided the village of Ogossagou on Sunday night.", D(2024, 3, 10)),
    ("inquiry_into_fire_own_night", SAT, "An investigation was under way on Friday into a fire that killed 14 patients at a "
     "hospital in Baghdad on Wednesday night.", D(2024, 3, 13)),
    ("claimed_responsibility_bomb_later", SAT, "The Pakistani Taliban on Friday claimed responsibility for a bombing that killed six "
     "officers at a police post in Bannu.\n\nThe bomb went off on Tuesday morning.", D(2024, 3, 12)),
    ("arrested_over_lynching", SAT, "Police arrested six men on Saturday in connection with the lynching of two traders in Kano.\n\n"
     "The traders were beaten to death by a mob on Thursday, witnesses said.", D(2024, 3, 14)),
    ("kin_demanded_compensation", THU, "KABUL - Relatives of 14 miners killed in an attack on a coal mine in Baghlan demanded "
     "compensation on Wednesday.\n\nGunmen attacked the miners as they slept on Sunday night, officials said.", D(2024, 3, 10)),
    ("families_gathered", THU, "Families of 9 fishermen killed when gunmen attacked their boats on Lake Chad gathered outside the "
     "governor's office on Tuesday.\n\nThe fishermen were attacked at dawn on Saturday, survivors said.", D(2024, 3, 9)),
    ("survivors_met_minister", THU, "Survivors of a bombing that wounded 30 people at a bus station in Quetta met the chief "
     "minister on Wednesday.\n\nThe bomb exploded on 2 March as passengers boarded.", D(2024, 3, 2)),
    ("families_own_day_kept", THU, "Families of 5 soldiers killed in an attack on Sunday protested on Monday.", D(2024, 3, 10)),
    ("in_protest_at_killing", THU, "KANO - Traders shut the main market on Tuesday in protest at the killing of three colleagues.\n\n"
     "Their convoy was ambushed on Saturday evening near Gwarzo, police said.", D(2024, 3, 9)),
    ("in_protest_against_murder", THU, "Students boycotted classes on Monday in protest against the murder of two teachers in "
     "Mandera.\n\nThe teachers were shot dead on 5 March.", D(2024, 3, 5)),
    ("in_protest_over_killing", THU, "Drivers stayed off the roads on Tuesday in protest over the killing of four colleagues on "
     "the Kano road.\n\nThe drivers were ambushed near Zaria on Saturday night.", D(2024, 3, 9)),
    ("deed_then_arrest_kept", SAT, "Gunmen on Tuesday killed 19 villagers in Bokkos, and police later arrested three men.\n\nThe "
     "village had been raided on 24 February too.", D(2024, 3, 12)),
    # "N days after the attack, ... on <day>": counted back from the day
    ("three_days_after_toll_stood", SAT, "Three days after a bomb ripped through a market in Bannu, the toll stood at 25 on "
     "Thursday.", D(2024, 3, 11)),
    ("two_days_after_dead_rose", SAT, "Two days after gunmen stormed the village, the number of dead rose to 31 on Wednesday, "
     "officials said.", D(2024, 3, 11)),
    ("week_after_ambush_buried", SAT, "A week after the ambush near Menaka, the wounded were still in hospital on Friday; 14 "
     "soldiers were hurt in it.", D(2024, 3, 8)),
    ("days_after_new_attack_kept", SAT, "Two days after the bombing in Bannu, gunmen shot dead five police officers in Lakki on "
     "Thursday.", D(2024, 3, 14)),
    # victims named in a reduced relative clause of what the sentence tells
    ("prayed_for_worshippers_killed", THU, "Pope Francis on Wednesday prayed for the 40 worshippers killed in a church attack in "
     "Owo.\n\nGunmen opened fire on the congregation during Mass on Sunday.", D(2024, 3, 10)),
    ("met_relatives_of_miners_killed", THU, "The president on Tuesday met relatives of the 9 miners killed in the raid on the gold "
     "site.\n\nArmed men stormed the site near Kidal on Saturday night.", D(2024, 3, 9)),
    ("half_mast_for_soldiers_killed", THU, "Flags flew at half-mast on Monday for the 17 soldiers killed by a roadside bomb near "
     "Menaka.\n\nThe bomb hit their convoy on Friday.", D(2024, 3, 8)),
    ("attacked_with_worshippers_killed_kept", THU, "Gunmen on Tuesday attacked a church in Owo, with 40 worshippers killed in the "
     "assault.\n\nA similar raid took place on 2 March.", D(2024, 3, 12)),
    # a funeral whose incident's day is told in another paragraph
    ("buried_then_had_ambushed", THU, "The 5 soldiers were buried in Ouagadougou on Wednesday.\n\nMilitants had ambushed their "
     "convoy near Djibo on Sunday.", D(2024, 3, 10)),
    ("mourners_buried_then_raided", THU, "Mourners in Mangu on Tuesday buried the 12 villagers who were killed.\n\nGunmen had raided "
     "the village on Saturday night.", D(2024, 3, 9)),
    ("funeral_then_bus_attacked", SAT, "A funeral was held on Thursday for 7 pilgrims who died in the attack.\n\nTheir bus was "
     "attacked near Herat on Monday evening.", D(2024, 3, 11)),
    # vows and pledges about the attack
    ("vowed_to_hunt_militants_who_killed", THU, "NAIROBI - Kenya's president on Wednesday vowed to hunt down the militants who "
     "killed 12 police officers in Garissa.\n\nThe officers were ambushed on Sunday as they escorted a bus.", D(2024, 3, 10)),
    ("pledged_to_rebuild_market", SAT, "The governor on Thursday pledged to rebuild the market where a bomb killed 14 traders.\n\n"
     "The bomb went off on Monday at the busiest hour.", D(2024, 3, 11)),
    ("promised_revenge_for_comrades", SAT, "Troops on Friday promised revenge for the 6 comrades killed near Gao.\n\nJihadists "
     "ambushed the patrol on Tuesday.", D(2024, 3, 12)),
    # over a night into the next day
    ("between_night_and_morning", THU, "Between Saturday night and Sunday morning, bandits killed 11 villagers in Zamfara.",
     D(2024, 3, 9)),
    ("friday_into_saturday", THU, "Fighting on Friday into Saturday killed 14 fighters near Marib.", D(2024, 3, 8)),
    ("evening_until_next_day", THU, "Bandits held the village from Tuesday evening until Wednesday, killing 6 people.",
     D(2024, 3, 12)),
    ("besieged_from_night_until_morning", THU, "Militants besieged the base from Sunday night until Monday morning, killing 9 "
     "soldiers.", D(2024, 3, 10)),
    ("raged_from_till", SAT, "Clashes raged from Wednesday till Thursday in the camp, leaving 17 dead.", D(2024, 3, 13)),
    ("up_from_on_day_base_kept", SAT, "The toll from the raid on Tuesday rose to 15 on Thursday, up from 9 on Wednesday.",
     D(2024, 3, 12)),
    ("two_deeds_two_days_kept", THU, "Troops killed 2 attackers on Saturday after gunmen killed 3 traders near Gwarzo on Friday.",
     D(2024, 3, 9)),
    ("widow_said_bomb_hit", SAT, "The widow of a soldier killed by a roadside bomb in Ghazni said on Wednesday she had not been "
     "told how he died.\n\nThe bomb hit his patrol vehicle on 9 March, the army said.", D(2024, 3, 9)),
]

MONTHS = [
    ("panel_then_month", SAT, "The state governor on Wednesday set up a panel to investigate an attack on a displaced persons camp "
     "in Dikwa.\n\nThe attack happened in February, officials said, but no precise date was given.\n\nThe panel was told that 12 "
     "people were killed and 30 wounded.", D(2024, 2, 1), D(2024, 2, 29)),
    ("court_last_month", SAT, "A court in Jos on Tuesday charged three men over last month's killing of villagers in Bokkos.\n\n"
     "The defence said its clients were farmers.\n\nAccording to the police, 19 people died in the raid.", D(2024, 2, 1),
     D(2024, 2, 29)),
    ("arrests_then_month", SAT, "Police in Peshawar arrested the alleged planner on Friday over a bombing at a mosque.\n\nThe "
     "bombing took place in January during Friday prayers.\n\nOfficials said 30 worshippers were killed.", D(2024, 1, 1),
     D(2024, 1, 31)),
]


# a loose period inside the "after ..." clause that holds the claim is the incident's, not the step's day
LOOSE = [
    ("month_of_bombing_spoke_on_day", THU, "Iraq's premier spoke on Monday at the site of a truck bombing in July 2016 that killed "
     "more than 300 people in Karrada.", D(2016, 7, 1), D(2016, 7, 31)),
    ("month_of_explosion_returned_on_day", THU, "Rescuers returned on Friday to the mine near Soma where an explosion in May 2014 "
     "killed 301 workers.", D(2014, 5, 1), D(2014, 5, 31)),
    ("month_of_gunman_returned_on_day", THU, "Tourists returned on Sunday to the beach in Sousse where a gunman in June 2015 killed "
     "38 people.", D(2015, 6, 1), D(2015, 6, 30)),
    ("demanded_action_after_last_weekend", SAT, "Protesters in Bamako on Friday demanded action after jihadists killed 30 civilians "
     "in central Mali last weekend.", D(2024, 3, 9), D(2024, 3, 10)),
    ("reopened_after_last_week", SAT, "Schools in Kaduna reopened on Thursday after bandits killed 6 pupils in a raid last week.",
     D(2024, 3, 4), D(2024, 3, 10)),
    ("rallied_after_earlier_this_week", SAT, "Hundreds rallied in Jos on Friday after gunmen killed 17 villagers earlier this "
     "week.", D(2024, 3, 11), D(2024, 3, 16)),
]


@pytest.fixture(scope="module")
def vocab() -> EventVocabulary:
    return load_vocabulary()


def _row(text: str, published: dt.date, vocab: EventVocabulary) -> Event:
    article = Article("golden", text, "", published, "metadata")
    events = extract_events(article, split_sentences(text), extract_quantities(text), extract_dates(text, published=published), vocab=vocab)
    for measure in ("killed", "injured"):
        row = next((ev for ev in events if ev.measure == measure and ev.scope == "incident"), None)
        if row is not None:
            return row
    raise AssertionError(f"no killed or injured row: {events}")


@pytest.mark.parametrize(("case", "published", "text", "day"), DAYS, ids=[c[0] for c in DAYS])
def test_follow_up_day(case: str, published: dt.date, text: str, day: dt.date, vocab: EventVocabulary) -> None:
    row = _row(text, published, vocab)
    assert (row.period_start, row.period_end) == (day, day)


@pytest.mark.parametrize(("case", "published", "text", "start", "end"), MONTHS + LOOSE, ids=[c[0] for c in MONTHS + LOOSE])
def test_follow_up_month(case: str, published: dt.date, text: str, start: dt.date, end: dt.date, vocab: EventVocabulary) -> None:
    row = _row(text, published, vocab)
    assert (row.period_start, row.period_end) == (start, end)
