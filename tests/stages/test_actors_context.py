"""Actors: how the wording around a name ties the group to the incident (one phenomenon per test)."""

from __future__ import annotations

import pytest

from etl.stages.extract.actors import ActorIndex, article_actor, find_actors, load_actors


@pytest.fixture(scope="module")
def index() -> ActorIndex:
    return load_actors()


def _actor(text: str, index: ActorIndex) -> str | None:
    return article_actor(text, find_actors(text, index))


# A sentence that opens with its date ("On 4 May, ...") is no background clause ("attacks on X").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On 4 May 2023, ISWAP fighters stormed a base near Gubio. Eleven soldiers died.", "Islamic State West Africa Province"),
        ("On Tuesday, al-Shabaab militants ambushed a truck on the Afgoye road. Four drivers were killed.", "al-Shabaab"),
        ("On the night of 2 June, Boko Haram gunmen raided a farming village. Nine people were killed.", "Boko Haram"),
        ("On Sept. 3 ADF rebels attacked a market. 14 traders died.", "Allied Democratic Forces"),
    ],
    ids=["day-month-year", "weekday", "the-night-of", "abbreviated-month"],
)
def test_date_opening_is_not_background(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


def test_attack_on_a_group_stays_background(index: ActorIndex) -> None:
    assert _actor("Troops killed 6 people in a raid. The raid followed attacks on al-Shabaab positions.", index) is None


# The group's men, weapon or deed right after its name describe the perpetrator.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Houthi forces shelled a market in the city. Three shoppers were killed.", "Houthis"),
        ("A Hezbollah guided missile struck a house in the village. Two residents were hurt.", "Hezbollah"),
        ("ADF combatants raided a clinic overnight. Seven patients were killed.", "Allied Democratic Forces"),
        ("JNIM besieged the town for a week. At least 20 civilians died of hunger and gunfire.", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("An al-Shabaab mortar round landed on a school. One pupil was killed.", "al-Shabaab"),
    ],
    ids=["forces-shelled", "weapon-struck", "combatants", "besieged", "mortar-landed"],
)
def test_group_described_by_its_forces_or_weapon(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


# The labels of a coded incident note name the perpetrator.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Site: a village market. Actor: al-Shabaab. Killed: 4.", "al-Shabaab"),
        ("Type: ambush. Attackers: JNIM. Dead: 12 soldiers.", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Incident: raid on a camp.\nPerpetrator(s): suspected ISWAP. Fatalities: 6.", "Islamic State West Africa Province"),
        ("Summary: shooting at a checkpoint; Suspected perpetrators: the TTP. 3 policemen killed.", "Tehrik-i-Taliban Pakistan"),
    ],
    ids=["actor", "attackers", "perpetrators-suspected", "suspected-perpetrators"],
)
def test_coded_note_labels(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


# Whoever holds the launch site fired: "fired from M23-held hills", "launched from Houthi positions".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shells fired from M23-held ridges hit a camp for displaced people, killing 3.", "M23"),
        ("The drone that killed two fishermen was launched from Houthi positions on the coast, officials said.", "Houthis"),
        ("Rockets fired from the Hezbollah side of the border wounded four farmers.", "Hezbollah"),
    ],
    ids=["held-hills", "positions", "side"],
)
def test_fired_from_held_ground(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


def test_fleeing_from_held_areas_is_no_attribution(index: ActorIndex) -> None:
    assert _actor("Five people drowned while fleeing from Houthi-held areas by boat.", index) is None


# "X's affiliate Y claimed", "Y, a faction allied with X, claimed": Y claimed, not X.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen killed 6 guards. Al-Qaeda's Sahel affiliate JNIM claimed the raid.", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("A blast killed 9. The Islamic State's local branch ISWAP claimed responsibility.", "Islamic State West Africa Province"),
        (
            "A car bomb killed 5 troops. The Hafiz Gul Bahadur group, a faction allied with the Pakistani Taliban, claimed the attack.",
            "Hafiz Gul Bahadur Group",
        ),
        ("Militants killed 4. JNIM, an offshoot of al-Qaeda, said it carried out the attack.", "Jama'at Nusrat al-Islam wal-Muslimin"),
    ],
    ids=["possessive-affiliate", "possessive-branch", "appositive-faction", "appositive-offshoot"],
)
def test_claim_goes_to_the_named_affiliate(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


# A plain mention counts in the headline claim's sentence and in the one before it, which sets the scene.
@pytest.mark.parametrize(
    ("text", "toll", "name"),
    [
        ("On 2 March, JNIM and the army fought near Djibo. 30 soldiers were killed.", "30 soldiers", "Jama'at Nusrat al-Islam wal-Muslimin"),
        ("Title line\nClashes between the NPA and troops broke out at dawn. Five people died.", "Five people", "New People's Army"),
        ("Al-Shabaab and clan militia traded fire for hours in the town! At least 9 were killed.", "At least 9", "al-Shabaab"),
    ],
    ids=["date-opening", "after-a-title-line", "exclamation"],
)
def test_plain_mention_in_the_setting_sentence(text: str, toll: str, name: str, index: ActorIndex) -> None:
    start = text.index(toll)
    assert article_actor(text, find_actors(text, index), (start, len(text))) == name


def test_plain_mention_two_sentences_back_is_not_enough(index: ActorIndex) -> None:
    text = "JNIM is active in the region. Gunmen raided a village on Monday. 12 villagers were killed."
    start = text.index("12 villagers")
    assert article_actor(text, find_actors(text, index), (start, len(text))) is None


# Held or broken up by the authorities: not the perpetrator, unless tied to this incident.
@pytest.mark.parametrize(
    "text",
    [
        "Police detained 9 men suspected of ties to the PKK in raids on Tuesday. Two officers were hurt.",
        "Troops arrested 12 suspected ISWAP logistics suppliers near Monguno; one soldier was wounded.",
        "The suspected ISKP cell broken up in Herat had planned to kill pilgrims, officials said. Four suspects were held.",
        "An al-Shabaab network was dismantled in Garissa, police said, after a raid in which 2 officers died.",
    ],
    ids=["links-to", "arrested-suppliers", "cell-broken-up", "network-dismantled"],
)
def test_custody_is_no_attribution(text: str, index: ActorIndex) -> None:
    assert _actor(text, index) is None


def test_arrest_in_connection_with_the_attack_attributes(index: ActorIndex) -> None:
    text = "A grenade wounded 5 people at a bus stop. Police later detained 3 suspected members of the ELN over the attack."
    assert _actor(text, index) == "ELN"


# "Both X and Y are active here", "talks between the government and X": candidates and background.
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 11 villagers near Djibo. Both JNIM and the Islamic State Sahel Province operate in the area.",
        "No group claimed the ambush that killed 6. Either al-Shabaab or a clan militia is active on that road.",
        "A bomb killed 3 people in Pattani. Peace talks between Bangkok and the Barisan Revolusi Nasional resumed last month.",
        "Raiders killed 4 herders. The ceasefire with the Houthis has held since April.",
        "A blast killed 2 in Kabul, Taliban intelligence said.",
    ],
    ids=["both-operate", "either-active", "talks-between", "ceasefire-with", "state-intelligence"],
)
def test_candidates_and_background_are_no_actor(text: str, index: ActorIndex) -> None:
    assert _actor(text, index) is None


# A place or branch word between the name and its men: "IS Mozambique militants", "al-Shabaab Amniyat operatives".
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen burned a church. IS Mozambique militants were seen leaving the village.", "Islamic State"),
        ("A convoy was hit near Menaka. IS Sahel fighters later posted photos of the ambush.", "Islamic State Sahel Province"),
        ("A car bomb exploded at a checkpoint. Al-Shabaab Amniyat operatives planted it, officials said.", "al-Shabaab"),
    ],
    ids=["country-between", "region-between", "wing-between"],
)
def test_name_place_then_description(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name


# The group's men on the receiving end of strikes are victims, not perpetrators.
@pytest.mark.parametrize(
    "text",
    [
        "Houthi forces were hit by airstrikes near the port on Monday, killing 5.",
        "Jets pounded al-Shabaab positions in the valley, killing 20 people.",
        "Hezbollah said three of its fighters were killed in a strike on a car near Tyre.",
        "Drones struck ISWAP camps on the islands on Sunday, killing 14.",
    ],
    ids=["passive-hit", "pounded-positions", "said-its-fighters-killed", "drones-struck"],
)
def test_group_hit_by_strikes_is_no_actor(text: str, index: ActorIndex) -> None:
    assert _actor(text, index) is None


def test_group_shelling_is_still_the_actor(index: ActorIndex) -> None:
    assert _actor("Houthi forces shelled the market on Monday, killing 3.", index) == "Houthis"


# "X is active in the region" before the toll: a presence, not a deed, even in the setting sentence.
@pytest.mark.parametrize(
    "text",
    [
        "JNIM is active in the region. Gunmen killed 12 villagers on Monday.",
        "Al-Shabaab operates in the area. A bomb killed 4 people at a tea shop.",
        "ISWAP has a strong presence around the lake. Gunmen killed 9 fishermen.",
    ],
    ids=["is-active", "operates", "has-presence"],
)
def test_presence_in_the_setting_sentence_is_no_actor(text: str, index: ActorIndex) -> None:
    start = text.index(". ") + 2
    assert article_actor(text, find_actors(text, index), (start, len(text))) is None


# A group that only reports the toll ("..., the Taliban said") is a speaker, not the perpetrator.
@pytest.mark.parametrize(
    "text",
    [
        "Pakistani airstrikes killed nine civilians in Khost province on Monday, the Taliban said.",
        "An Israeli strike killed six people in Rafah, Hamas told reporters.",
        "Four people were killed when a shell hit a market in Sanaa, the Houthis reported.",
    ],
    ids=["taliban-said", "hamas-told", "houthis-reported"],
)
def test_group_reporting_the_toll_is_no_actor(text: str, index: ActorIndex) -> None:
    assert _actor(text, index) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Two sailors were killed when a missile hit their ship. The Houthis said they fired the missile.", "Houthis"),
        ("Five soldiers died in the ambush. Al-Shabaab said in a statement that its fighters carried it out.", "al-Shabaab"),
    ],
    ids=["said-they", "said-in-a-statement"],
)
def test_group_saying_it_did_it_is_the_actor(text: str, name: str, index: ActorIndex) -> None:
    assert _actor(text, index) == name
