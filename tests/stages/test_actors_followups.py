"""Actors in follow-up reports and coded notes: how the group is tied to an incident told days later
("the banned TTP has owned the attack", "Police named Lashkar-e-Taiba."), in a state forces'
operation (the group targeted is the party coded), and state forces whose name holds a group's."""

from __future__ import annotations

import pytest

from etl.stages.extract.actors import ActorIndex, article_actor, era_name, find_actors, load_actors


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return load_actors()


def _actor(text: str, index: ActorIndex) -> str | None:
    return article_actor(text, find_actors(text, index))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a coded note's last field: the group and a bare participle
        ("Kirkuk - 2021 - Roadside bomb hit a patrol; toll unknown. Islamic State suspected.", "Islamic State"),
        ("Jolo - 3 May 2019 - Grenade at a bus stop; two dead. Abu Sayyaf blamed.", "Abu Sayyaf"),
        ("Mandera - March 2020 - Raid on a quarry; six dead. Al-Shabaab widely suspected; no claim.", "al-Shabaab"),
        ("Diffa - 2019 - Night raid on a camp; several dead. Boko Haram blamed by police.", "Boko Haram"),
        # officials name the group
        ("A grenade wounded nine shoppers in Sopore. Police named Lashkar-e-Taiba.", "Lashkar-e-Taiba"),
        ("Two traders were shot in Quetta. Investigators identified the BLA as behind the killings.", "Baloch Liberation Army"),
        ("Gunmen killed a teacher. Officials have named Jaish-e-Mohammed, without giving evidence.", "Jaish-e-Mohammed"),
        # blamed on, inside a relative clause about the deed
        ("Three guards died in the blast near Van, which officials blamed on the PKK.", "Kurdistan Workers' Party"),
        ("Police recovered the car used in Friday's ambush, which the army blamed on the ADF.", "Allied Democratic Forces"),
        ("The bombing, which the governor blamed on al-Shabaab, killed four.", "al-Shabaab"),
        # the group calls the attacker one of its own
        ("A shooter killed two at a bus stop. The man, whom Hamas described as one of its members, was shot.", "Hamas"),
        ("Two soldiers died. Islamic Jihad later called the gunman one of its fighters.", "Palestinian Islamic Jihad"),
        ("Hezbollah said the attacker was one of its fighters.", "Hezbollah"),
        # owning an attack
        ("Three policemen were buried on Monday. The banned TTP has owned the attack.", "Tehrik-i-Taliban Pakistan"),
        ("Five died at the cafe. Al-Shabaab owned up to the bombing on its radio station.", "al-Shabaab"),
        ("Eight guards died; ISWAP owned responsibility in a video.", "Islamic State West Africa Province"),
        # a passive agent, the men of the group
        ("Farmers were attacked by fighters of Jama'at Nusrat al-Islam wal-Muslimin near Djibo.", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("The convoy was ambushed by suspected ISWAP militants on the Damboa road.", "Islamic State West Africa Province"),
        ("Two villages were raided by members of the ADF overnight.", "Allied Democratic Forces"),
        # a holiday date is no background ("on New Year's Eve")
        ("The attack, on New Year's Eve, was carried out by al-Qaeda in the Arabian Peninsula.", "al-Qaeda in the Arabian Peninsula"),
        ("The bombing on Christmas Day was carried out by the Islamic State.", "Islamic State"),
        ("The raid, on Independence Day, was perpetrated by Boko Haram.", "Boko Haram"),
    ],
    ids=["field-suspected", "field-blamed", "field-widely", "field-blamed-by", "named-1", "named-2", "named-3",
         "which-blamed-1", "which-blamed-2", "which-blamed-3", "own-member-1", "own-member-2", "own-member-3",
         "owned-1", "owned-2", "owned-3", "passive-1", "passive-2", "passive-3", "holiday-1", "holiday-2", "holiday-3"],
)
def test_follow_up_ties(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The army conducted an operation against al-Shabaab militants near Jowhar. Thirty were neutralised.", "al-Shabaab"),
        ("In the operation launched on Friday in the forest, our troops killed 9 ADF rebels.", "Allied Democratic Forces"),
        ("On Monday, army operations in Helmand killed 20 Taliban fighters.", "Taliban"),
        # killed fighting: "neutralised in an operation"
        ("On Sunday, three PKK terrorists were neutralised in an operation in Hakkari.", "Kurdistan Workers' Party"),
        ("Four ISWAP insurgents were neutralised in an operation near Bama.", "Islamic State West Africa Province"),
        ("Two al-Shabaab fighters were neutralized in a joint operation.", "al-Shabaab"),
    ],
    ids=["operation-before-1", "operation-before-2", "operation-before-3", "neutralised-1", "neutralised-2", "neutralised-3"],
)
def test_group_targeted_in_a_ground_operation(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck al-Shabaab militants near Jilib in an operation on Monday.",
        "Three PKK suspects were neutralised by police, who detained them at a checkpoint.",
        "Abu Sayyaf blamed the government for the delay.",
    ],
    ids=["operation-from-the-air", "neutralised-not-in-a-fight", "group-blaming-someone"],
)
def test_no_follow_up_tie(text: str, index: ActorIndex) -> None:
    assert _actor(text, index) is None


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("The Uganda People's Defence Force said 13 ADF men were killed.", ["Uganda People's Defence Force", "ADF"]),
        ("South Sudan People's Defence Forces repelled a raid.", ["South Sudan People's Defence Forces"]),
        ("Ugandan People's Defence Force troops crossed the border.", ["Ugandan People's Defence Force"]),
    ],
    ids=["uganda", "south-sudan", "demonym"],
)
def test_a_longer_state_name_wins(text: str, surfaces: list[str], index: ActorIndex) -> None:
    assert [m.surface for m in find_actors(text, index)] == surfaces


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Uganda People's Defence Force announced that our forces killed 13 ADF terrorists in an operation.", "Allied Democratic Forces"),
        ("Uganda People's Defence Force troops fired on a boat; no group was named.", None),
        ("In Sagaing, the People's Defence Force attacked a police station.", "People's Defence Force"),
    ],
    ids=["state-then-target", "state-alone", "myanmar-group-stays"],
)
def test_state_forces_are_never_the_actor(text: str, name: str | None, index: ActorIndex) -> None:
    assert _actor(text, index) == name
    assert era_name(index, "state forces", None) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A bombing wounded 8 at a temple. Police arrested two members of the banned Jamaat-ul-Mujahideen Bangladesh.",
         "Jamaat-ul-Mujahideen Bangladesh"),
        ("A blogger was hacked to death; Ansarullah Bangla Team claimed the killing.", "Ansarullah Bangla Team"),
        ("Police blamed the blast on JMB.", "Jamaat-ul-Mujahideen Bangladesh"),
    ],
    ids=["jmb", "abt", "jmb-acronym"],
)
def test_bangladesh_groups(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # responsible, held responsible
        ("Two guards were shot. Authorities said al-Shabaab was responsible.", "al-Shabaab"),
        ("Two guards were shot. The army said ISWAP fighters were responsible for the raid.", "Islamic State West Africa Province"),
        ("Two guards were shot. The governor held the TTP responsible.", "Tehrik-i-Taliban Pakistan"),
        # the attackers' origin
        ("Two guards died. Witnesses said the gunmen were from al-Shabaab.", "al-Shabaab"),
        ("The raiders, believed to be from ISWAP, burned the market.", "Islamic State West Africa Province"),
        ("The attack bore the hallmarks of the ADF, officials said.", "Allied Democratic Forces"),
        # the group's spokesman
        ("A spokesman for the TTP said the group was behind the attack.", "Tehrik-i-Taliban Pakistan"),
        ("The NPA admitted responsibility for the ambush.", "New People's Army"),
        ("The toll from the al-Shabaab-claimed bombing rose to 12.", "al-Shabaab"),
        # arrests over this attack
        ("Police arrested three suspected TTP militants over Sunday's attack.", "Tehrik-i-Taliban Pakistan"),
        ("Troops detained two alleged ADF collaborators in connection with the massacre.", "Allied Democratic Forces"),
        ("Police arrested five suspected JMB members over a bombing at a temple.", "Jamaat-ul-Mujahideen Bangladesh"),
    ],
    ids=["responsible-1", "responsible-2", "held-responsible", "from-1", "from-2", "hallmarks", "spokesman", "admitted",
         "group-claimed", "arrest-over-1", "arrest-over-2", "arrest-over-3"],
)
def test_attributions_in_follow_ups(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan blames the TTP for most such attacks.",
        "Officials have long blamed al-Shabaab for a string of hotel sieges.",
        "Police suspect ISWAP for many of the recent raids.",
    ],
    ids=["general-blame-1", "general-blame-2", "general-blame-3"],
)
def test_a_general_blame_is_no_attribution(text: str, index: ActorIndex) -> None:
    assert _actor(text, index) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Suspected ADF rebels killed 20 villagers near Beni. Elsewhere, M23 claimed to have taken a town.", "Allied Democratic Forces"),
        ("ISWAP fighters killed 6 soldiers in Borno. Separately, JNIM claimed an ambush in Mali.", "Islamic State West Africa Province"),
        ("Houthi drones killed 3 in Marib. In a separate incident, al-Qaeda in the Arabian Peninsula claimed a raid in Abyan.", "Houthis"),
        ("A bomb killed 9 at a market. No group claimed it. In another attack, al-Shabaab claimed the killing of an official.", None),
    ],
    ids=["elsewhere", "separately", "separate-incident", "another-attack"],
)
def test_another_incidents_group_is_not_this_ones(text: str, name: str | None, index: ActorIndex) -> None:
    assert _actor(text, index) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Four guards died. Officials suspect the attack was the work of al-Shabaab.", "al-Shabaab"),
        ("Four guards died. Authorities believe ISWAP carried out the attack.", "Islamic State West Africa Province"),
        ("Four guards died. Police said the Haqqani network had orchestrated the bombing.", "Haqqani network"),
        ("Four guards died. A TTP spokesman claimed the attack.", "Tehrik-i-Taliban Pakistan"),
        ("Four guards died. BLA spokesman Jeeyand Baloch claimed responsibility.", "Baloch Liberation Army"),
        ("Four guards died, a Taliban spokesman said.", None),
    ],
    ids=["work-of", "believe-carried-out", "orchestrated", "group-spokesman-1", "group-spokesman-2", "spokesman-reporting"],
)
def test_deed_and_spokesman(text: str, name: str | None, index: ActorIndex) -> None:
    assert _actor(text, index) == name
