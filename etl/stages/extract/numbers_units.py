"""Units from quantulum3's unit database, for measures our own lexicon does not name.

quantulum3 is good at one thing we need and slow at the rest: its curated table of unit surfaces
("hectares", "tonnes", "barrels", "megawatts"...). We load that table once, keep the surfaces that
name one unit unambiguously (three letters or more, not dimensionless, not a currency: money is
read by our own lexicon), and look a count's next word up in it. No quantulum3 parsing happens on
article text: a lookup is a dict access.

Loading quantulum3's table takes about 3 s (it pluralises every unit through ``inflect``), paid by
every run and every worker; so the derived table is kept in a cache file per quantulum3 version
(``$ETL_CACHE_DIR``, else ``$XDG_CACHE_HOME/etl``, else ``~/.cache/etl``) and rebuilt when missing,
unreadable or from another version. An unwritable cache only costs the 3 s.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
import warnings
from dataclasses import replace
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from etl.config import cache_dir
from etl.records import QuantityMention

# Words quantulum3 lists as units that news uses as counted nouns or ordinary words; a number
# before them stays a count ("12 people", "three days" is a duration we do not turn into a measure).
_NOT_UNITS = frozenset(
    "people persons person men women children years year months month weeks week days day hours hour minutes minute "
    "seconds second times time pieces piece pairs pair sets set units unit points point percent degrees degree "
    "cases case doses dose heads head feet foot yards yard stones stone bars bar grains grain barrels barrel "
    "dozen dozens score scores gross".split()
)
_MIN_SURFACE = 3
# The cache file's name carries a digest of the filtering rules above: changing them rebuilds it.
_RULES_DIGEST = hashlib.sha256(repr((sorted(_NOT_UNITS), _MIN_SURFACE)).encode()).hexdigest()[:12]
_NEXT_WORD = re.compile(r" ([A-Za-z][A-Za-z-]+)\b")


@cache
def unit_table() -> dict[str, str]:
    """Lower-case surface -> quantulum3 unit name, for unambiguous physical units (cached on disk)."""
    path = _cache_path()
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(cached, dict) and all(isinstance(v, str) for v in cached.values()):
            return cached
    except (OSError, ValueError):
        pass
    table = _build_unit_table()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".tmp-{uuid.uuid4().hex}-{path.name}")
        tmp.write_text(json.dumps(table, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)  # whole or absent: concurrent workers may race, never corrupt it
    except OSError:
        pass
    return table


def _cache_path() -> Path:
    try:
        release = version("quantulum3")
    except PackageNotFoundError:
        release = "unknown"
    return cache_dir() / f"quantulum3-{release}-units-{_RULES_DIGEST}.json"


def _build_unit_table() -> dict[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is absent
        from quantulum3 import load

        units = load.units("en_US")
    table: dict[str, str] = {}
    for surface, found in units.surfaces_lower.items():
        names = {u.name for u in found}
        entities = {u.entity.name for u in found}
        if len(names) != 1 or entities & {"dimensionless", "currency"} or len(surface) < _MIN_SURFACE:
            continue
        if surface in _NOT_UNITS or " " in surface:
            continue
        table[surface] = names.pop()
    return table


def with_units(text: str, mentions: list[QuantityMention]) -> list[QuantityMention]:
    """Counts followed by a unit from quantulum3's table become measures that include the unit."""
    table = unit_table()
    out = []
    for m in mentions:
        word = _NEXT_WORD.match(text, m.char_end) if m.kind == "count" and m.unit is None else None
        name = table.get(word.group(1).lower()) if word else None
        if word is None or name is None:
            out.append(m)
            continue
        end = word.end()
        out.append(replace(m, kind="measure", unit=name, char_end=end, surface=text[m.char_start : end]))
    return out
