"""The actor knowledge base: countries, IGOs and people with dated offices, read from data files.

Everything here is data shipped in `dyadwatch/data/actors/`; this module only indexes it
so the resolver can ask "which actors can these words mean?" and "who held this office
in this country on this date?".
"""

from __future__ import annotations

import copy
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

# Words that make up generic institution names, besides group words, titles and company forms.
GENERIC_NAME_WORDS = {
    "national",
    "federal",
    "central",
    "foreign",
    "interior",
    "home",
    "defence",
    "defense",
    "public",
    "state",
    "royal",
    "supreme",
    "general",
    "presidential",
    "security",
    "intelligence",
    "border",
    "special",
    "armed",
    "popular",
    "people's",
    "peoples",
    "republican",
    "democratic",
    "united",
    "new",
    "high",
    "main",
    "joint",
    "affairs",
    "justice",
    "finance",
    "trade",
    "economy",
    "energy",
    "health",
    "education",
    "information",
    "transport",
    "labour",
    "labor",
    "environment",
    "agriculture",
    "industry",
    "commerce",
    "development",
    "planning",
    "communications",
    "culture",
    "tourism",
    "water",
    "mines",
    "oil",
    "gas",
    "police",
    "ministry",
    "of",
    "and",
    "for",
    "on",
    "in",
    "&",
    "de",
    "la",
    "el",
    "al",
}


@dataclass(frozen=True)
class Role:
    office: str
    country: str
    sector: str
    start: str | None  # ISO date; None = before records begin
    end: str | None  # ISO date; None = still in office
    title: str | None = None

    def active_on(self, day: str | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Actor:
    """One entry of the knowledge base."""

    actor_id: str  # stable: "country:KEN", "igo:NATO", "person:william-ruto", "org:andes-copper-ltd"
    kind: str  # country | igo | person | org
    name: str
    country: str | None
    sector: str
    roles: list[Role] = field(default_factory=list)

    def role_on(self, day: str | None) -> Role | None:
        """The role held on `day`; the latest role when none was held then."""
        active = [r for r in self.roles if r.active_on(day)]
        if active:
            return active[0]
        return max(self.roles, key=lambda r: r.start or "", default=None)


@dataclass(frozen=True)
class Surface:
    """A way an actor is written, and what kind of mention it is."""

    actor_id: str
    kind: str  # name | adjective | demonym | capital | seat | igo | org | person | surname


class KnowledgeBase:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.surfaces: dict[str, list[Surface]] = defaultdict(list)
        self.holders: dict[tuple[str, str], list[tuple[Role, str]]] = defaultdict(list)
        self.office_titles: dict[str, str] = {}  # "foreign minister" -> "foreign_minister"
        self.office_sectors: dict[str, str] = {}
        self.group_sectors: dict[str, str] = {}  # "troops" -> "MIL"
        self.org_suffixes: dict[str, str] = {}
        self.counterpart_words: set[str] = set()
        self.not_actors: set[str] = set()
        self.wider_places: set[str] = set()  # "South China Sea", "Latin American": never the country inside
        self.regional_words: dict[str, str | None] = {}  # "west african" -> "ECOWAS", "western" -> None
        self.misread_surnames: list[str] = []  # "Trump": surnames the parser takes for other words
        self.plain_words_in_capitals: set[str] = set()  # "CAR", "ICE": acronyms that are words too
        self.back_references: set[str] = set()  # "council": refers to an organisation with the word in its name
        self.generic_back_references: set[str] = set()  # "the group": the organisation named last
        self.igo_back_references: set[str] = set()  # "the bloc": the IGO named last
        self.business_back_references: set[str] = set()  # "the company": the company named last
        self.posted_abroad: set[str] = set()  # "diplomats in Kabul" are not Afghan
        self.from_elsewhere: set[str] = set()  # "migrants" are seldom of the story's own country
        self.ownership_words: set[str] = set()  # "Liberian-flagged": the country is on the word's modifier
        self.divided_halves: dict[str, tuple[str, frozenset[str]]] = {}  # "North" -> (PRK, {PRK, KOR})
        self.family_name_first: set[str] = set()  # country codes: "Park Geun-hye" is "Park" again
        self.organs: dict[str, list[str]] = defaultdict(list)  # "EU" -> ["EC", "EUCO", "EEAS", ...]
        self._generic: set[str] | None = None

    # -- building -------------------------------------------------------------------
    def add_surface(self, text: str, actor_id: str, kind: str) -> None:
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if not text:
            return
        surface = Surface(actor_id, kind)
        variants = {text, text.replace("'", "’"), text.replace("’", "'")}
        for variant in variants:
            if surface not in self.surfaces[variant]:
                self.surfaces[variant].append(surface)

    def add_actor(self, actor: Actor) -> None:
        self.actors[actor.actor_id] = actor

    def add_person(self, entry: dict, override: bool = False) -> None:
        """Add a person, or merge an entry into the person with the same id.

        override (user files): the entry's name replaces the shipped one, and a role with the
        same office, country and start as a shipped role replaces it (a corrected end date).
        """
        roles = [
            Role(
                office=r["office"],
                country=r["country"],
                sector=r.get("sector", "GOV"),
                start=_iso(r.get("start")),
                end=_iso(r.get("end")),
                title=r.get("title"),
            )
            for r in entry.get("roles", [])
        ]
        actor_id = f"person:{entry['id']}"
        existing = self.actors.get(actor_id)
        if existing is not None:
            # The same person in two files (a national leader who later headed an IGO): merge roles.
            if override:
                self._replace_roles(existing, roles)
                if entry.get("name") and entry["name"] != existing.name:
                    existing.name = entry["name"]
                    self.add_surface(entry["name"], actor_id, "person")
                for key in ("country", "sector"):
                    if entry.get(key) and not existing.roles:
                        setattr(existing, key, entry[key])
            new_roles = [r for r in roles if r not in existing.roles]
            existing.roles.extend(new_roles)
            existing.roles.sort(key=lambda r: r.start or "")
            for alias in entry.get("aliases", []) or []:
                self.add_surface(alias, actor_id, "surname" if len(alias.split()) == 1 else "person")
            for role in new_roles:
                self.holders[(role.country, role.office)].append((role, actor_id))
            return
        roles.sort(key=lambda r: r.start or "")
        first = roles[0] if roles else None
        actor = Actor(
            actor_id=actor_id,
            kind="person",
            name=entry["name"],
            country=first.country if first else entry.get("country"),
            sector=first.sector if first else entry.get("sector", "UNK"),
            roles=roles,
        )
        self.add_actor(actor)
        self.add_surface(entry["name"], actor.actor_id, "person")
        for alias in entry.get("aliases", []) or []:
            kind = "surname" if len(alias.split()) == 1 else "person"
            self.add_surface(alias, actor.actor_id, kind)
        for role in roles:
            self.holders[(role.country, role.office)].append((role, actor.actor_id))

    def _replace_roles(self, actor: Actor, roles: list[Role]) -> None:
        """Drop the roles of `actor` that `roles` restate (same office, country and start)."""
        keys = {(r.office, r.country, r.start) for r in roles}
        dropped = [r for r in actor.roles if (r.office, r.country, r.start) in keys and r not in roles]
        if not dropped:
            return
        actor.roles = [r for r in actor.roles if r not in dropped]
        for role in dropped:
            pairs = self.holders.get((role.country, role.office), [])
            pairs[:] = [p for p in pairs if p != (role, actor.actor_id)]

    def is_specific_name(self, name: str) -> bool:
        """Whether a name found in context can stand for one actor everywhere ("Andes Copper Ltd",
        "Ana Ruiz"), unlike names made only of common words ("National Guard", "Foreign Office",
        "Department"), which are whatever institution the context says."""
        words = [w for w in re.split(r"[\s\-]+", name.lower().replace("’", "'")) if w and w != "the"]
        generic = self._generic_words()
        return any(w not in generic and w.strip(".'s") not in generic for w in words)

    def _generic_words(self) -> set[str]:
        if self._generic is None:
            words = set(GENERIC_NAME_WORDS) | set(self.org_suffixes)
            for phrase in [*self.group_sectors, *self.office_titles]:
                words.update(phrase.split())
            self._generic = words
        return self._generic

    def acronyms(self) -> list[str]:
        """Organisations' names written in capitals alone ("ECOWAS", "IGAD"), not plain English words too."""
        return sorted(
            text
            for text, surfaces in self.surfaces.items()
            if text.isupper()
            and text.isalpha()
            and len(text) >= 3
            and text not in self.plain_words_in_capitals
            and all(s.kind in ("igo", "org") for s in surfaces)  # not "USA", "MBS": states and people stay
        )

    def surfaces_of(self, actor_id: str) -> list[tuple[str, str]]:
        """Every (text, kind) the knowledge base matches for an actor, in insertion order."""
        seen: dict[str, str] = {}
        for text, surfaces in self.surfaces.items():
            for surface in surfaces:
                if surface.actor_id == actor_id and text.replace("’", "'") not in seen:
                    seen[text.replace("’", "'")] = surface.kind
        return list(seen.items())

    # -- questions ------------------------------------------------------------------
    def holder(self, country: str, office: str, day: str | None) -> Actor | None:
        """Who held `office` in `country` on `day` (the current holder when day is None)."""
        for role, actor_id in self.holders.get((country, office), []):
            if role.active_on(day):
                return self.actors[actor_id]
        return None

    def holder_in_family(self, code: str, office: str, day: str | None) -> Actor | None:
        """Who held `office` in an IGO or one of its organs ("the EU's foreign-policy chief" is the EEAS's)."""
        for organ in [code, *self.organs.get(code, [])]:
            person = self.holder(organ, office, day)
            if person is not None:
                return person
        return None

    def office_of(self, phrase: str) -> str | None:
        return self.office_titles.get(phrase.lower())

    def sector_of(self, actor: Actor, day: str | None) -> str:
        role = actor.role_on(day)
        return role.sector if role else actor.sector

    def country_of(self, actor: Actor, day: str | None) -> str | None:
        role = actor.role_on(day)
        return role.country if role else actor.country


def _iso(value) -> str | None:
    if value is None:
        return None
    return str(value)[:10]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there: ~5x faster


def _read_yaml(path) -> list | dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or []


def load_knowledge_base(user_file: str | None = None) -> KnowledgeBase:
    """The shipped knowledge base, extended and overridden by a user file when given.

    Cached per process; a user file that changed on disk since (`dyadwatch actors add`) is read again.
    """
    stamp = None
    if user_file:
        try:
            stat = Path(user_file).stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
    return _load_knowledge_base(str(user_file) if user_file else None, stamp)


@lru_cache(maxsize=4)
def _load_knowledge_base(user_file: str | None, stamp: tuple | None) -> KnowledgeBase:
    root = resources.files("dyadwatch").joinpath("data/actors")
    kb = KnowledgeBase()
    _load_offices(kb, _read_yaml(root.joinpath("offices.yaml")))
    for entry in _read_yaml(root.joinpath("countries.yaml")):
        _load_country(kb, entry)
    igos = _read_yaml(root.joinpath("igos.yaml"))
    parents = {e["code"]: e.get("parent") for e in igos}
    for entry in igos:
        _load_igo(kb, entry, _root_code(entry["code"], parents))
    organisations = root.joinpath("organisations.yaml")
    if organisations.is_file():
        for entry in _read_yaml(organisations):
            _load_organisation(kb, entry)
    for name in _read_yaml(root.joinpath("wider_places.yaml")):
        words = name.split()
        kb.wider_places.update({name, " ".join([*words[:-1], words[-1].lower()])})
    people_dir = root.joinpath("people")
    for path in sorted(people_dir.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".yaml"):
            for entry in _read_yaml(path):
                kb.add_person(entry)
    if user_file:
        _load_user_file(kb, Path(user_file))
    for lst in kb.holders.values():
        lst.sort(key=lambda pair: pair[0].start or "", reverse=True)
    return kb


def _load_offices(kb: KnowledgeBase, data: dict, extend: bool = False) -> None:
    for office, spec in data["offices"].items():
        kb.office_sectors[office] = spec.get("sector", kb.office_sectors.get(office, "GOV"))
        for title in spec.get("titles") or [office.replace("_", " ")]:
            kb.office_titles[title.lower()] = office
    for sector, words in data["groups"].items():
        for word in words:
            kb.group_sectors[word.lower()] = sector
    if extend:
        return
    for sector, words in data["org_suffixes"].items():
        for word in words:
            kb.org_suffixes[word.lower()] = sector
    kb.counterpart_words = {w.lower() for w in data["counterpart_words"]}
    kb.not_actors = {w.lower() for w in data["not_actors"]}
    back = data.get("back_references") or {}
    kb.back_references = {w.lower() for w in back.get("named") or []}
    kb.generic_back_references = {w.lower() for w in back.get("generic") or []}
    kb.igo_back_references = {w.lower() for w in back.get("generic_igo") or []}
    kb.business_back_references = {w.lower() for w in back.get("generic_business") or []}
    kb.posted_abroad = {w.lower() for w in data.get("posted_abroad") or []}
    kb.plain_words_in_capitals = set(data.get("plain_words_in_capitals") or [])
    kb.misread_surnames = list(data.get("misread_surnames") or [])
    kb.regional_words = {w.lower(): code for w, code in (data.get("regional_words") or {}).items()}
    kb.from_elsewhere = {w.lower() for w in data.get("from_elsewhere") or []}
    kb.ownership_words = {w.lower() for w in data.get("ownership_words") or []}
    kb.divided_halves = {
        h["word"]: (h["country"], frozenset(h["story_names"])) for h in data.get("divided_halves") or []
    }


def _load_country(kb: KnowledgeBase, entry: dict) -> None:
    actor_id = f"country:{entry['code']}"
    kb.add_actor(Actor(actor_id, "country", entry["name"], entry["code"], "GOV"))
    if entry.get("family_name_first"):
        kb.family_name_first.add(entry["code"])
    kb.add_surface(entry["name"], actor_id, "name")
    for key, kind in (
        ("aliases", "name"),
        ("adjectives", "adjective"),
        ("demonyms", "demonym"),
        ("capitals", "capital"),
        ("seats", "seat"),
        ("regions", "region"),
    ):
        for text in entry.get(key) or []:
            kb.add_surface(text, actor_id, kind)


def _root_code(code: str, parents: dict[str, str | None]) -> str:
    """An IGO organ's family: the AU Commission and AMISOM count as AU in dyads."""
    seen = set()
    while parents.get(code) and code not in seen:
        seen.add(code)
        code = parents[code]
    return code


def igo_families() -> dict[str, str]:
    """IGO code -> the code of its top-level organisation (itself when it has no parent)."""
    root = resources.files("dyadwatch").joinpath("data/actors")
    igos = _read_yaml(root.joinpath("igos.yaml"))
    parents = {e["code"]: e.get("parent") for e in igos}
    return {e["code"]: _root_code(e["code"], parents) for e in igos}


def _load_igo(kb: KnowledgeBase, entry: dict, family: str | None = None) -> None:
    actor_id = f"igo:{entry['code']}"
    kb.add_actor(Actor(actor_id, "igo", entry["name"], family or entry["code"], entry.get("sector", "IGO")))
    if family and family != entry["code"] and entry["code"] not in kb.organs[family]:
        kb.organs[family].append(entry["code"])
    kb.add_surface(entry["name"], actor_id, "igo")
    for alias in entry.get("aliases") or []:
        kb.add_surface(alias, actor_id, "igo")


def _load_organisation(kb: KnowledgeBase, entry: dict) -> None:
    """Armed groups, parties, agencies and state companies: named actors that belong to a country."""
    actor_id = f"org:{entry['id']}"
    roles = []
    if entry.get("governs_from"):
        # A group that became the government (the Taliban in 2021): GOV from that day on.
        roles = [
            Role(
                "group",
                entry.get("country"),
                entry.get("sector", "UNK"),
                None,
                _day_before(_iso(entry["governs_from"])),
            ),
            Role("government", entry.get("country"), "GOV", _iso(entry["governs_from"]), None),
        ]
    kb.add_actor(Actor(actor_id, "org", entry["name"], entry.get("country"), entry.get("sector", "UNK"), roles))
    kb.add_surface(entry["name"], actor_id, "org")
    for alias in entry.get("aliases") or []:
        kb.add_surface(alias, actor_id, "org")


def _day_before(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) - timedelta(days=1)).isoformat()


def _load_user_file(kb: KnowledgeBase, path: Path) -> None:
    """A user's YAML that extends and overrides the shipped knowledge base (README: "Your own actors").

    Sections, each optional, in the formats of the shipped files: `countries`, `igos`,
    `organisations`, `people`, plus `offices` and `groups` as in offices.yaml. An entry whose
    id or code exists already is merged into the shipped actor: its aliases are added, the
    fields it gives replace the shipped ones, and a person's roles are added (a role with the
    same office, country and start replaces the shipped one).
    """
    if not path.exists():
        # Named in the settings before `dyadwatch actors add` created it: nothing to add yet.
        warnings.warn(f"user actors file {path} does not exist yet; using the shipped knowledge base", stacklevel=3)
        return
    data = _read_yaml(path) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping with countries, igos, organisations, people or offices")
    unknown = set(data) - USER_SECTIONS
    if unknown:
        raise ValueError(f"{path}: unknown sections {sorted(unknown)} (known: {sorted(USER_SECTIONS)})")
    _load_offices(kb, {"offices": data.get("offices") or {}, "groups": data.get("groups") or {}}, extend=True)
    for entry in data.get("countries") or []:
        _merge_entry(kb, f"country:{entry['code']}", entry, path)
        _load_country(kb, entry)
    for entry in data.get("igos") or []:
        existing = kb.actors.get(f"igo:{entry['code']}")
        _merge_entry(kb, f"igo:{entry['code']}", entry, path)
        family = _family(kb, entry["parent"]) if entry.get("parent") else (existing.country if existing else None)
        _load_igo(kb, entry, family)
    for entry in data.get("organisations") or []:
        entry.setdefault("id", _slug(entry.get("name", "")))
        _merge_entry(kb, f"org:{entry['id']}", entry, path)
        _load_organisation(kb, entry)
    for entry in data.get("people") or []:
        if "id" not in entry:
            if not entry.get("name"):
                raise ValueError(f"{path}: a person needs an id or a name: {entry}")
            entry["id"] = _slug(entry["name"])
        if f"person:{entry['id']}" not in kb.actors and not entry.get("name"):
            raise ValueError(f"{path}: person {entry['id']!r} is not in the knowledge base, so it needs a name")
        kb.add_person(entry, override=True)


USER_SECTIONS = {"countries", "igos", "organisations", "people", "offices", "groups"}


def _merge_entry(kb: KnowledgeBase, actor_id: str, entry: dict, path: Path) -> None:
    """A user entry for an actor that exists already keeps the shipped fields it leaves out."""
    existing = kb.actors.get(actor_id)
    if existing is None:
        if not entry.get("name"):
            raise ValueError(f"{path}: {actor_id} is not in the knowledge base, so it needs a name")
        return
    entry.setdefault("name", existing.name)
    if existing.kind in ("org", "igo"):
        entry.setdefault("sector", existing.sector)
    if existing.kind == "org":
        entry.setdefault("country", existing.country)
        governs = [r.start for r in existing.roles if r.office == "government" and r.start]
        if governs:
            entry.setdefault("governs_from", governs[0])


def _family(kb: KnowledgeBase, parent: str) -> str:
    actor = kb.actors.get(f"igo:{parent}")
    return actor.country if actor else parent


def with_learned(kb: KnowledgeBase, learned: Iterable[Sequence]) -> KnowledgeBase:
    """The knowledge base plus actors learned from context in earlier ingests (the store's `actors` table).

    `learned` holds (actor_id, name, country, sector) rows. The result is a new knowledge
    base that shares the shipped data with `kb` (which is cached and stays untouched); an
    actor the knowledge base has already, or whose name it matches already, is left out.
    """
    learned = [row for row in learned if row[0] not in kb.actors and row[1] and kb.is_specific_name(row[1])]
    if not learned:
        return kb
    new = copy.copy(kb)
    new.actors = dict(kb.actors)
    new.surfaces = defaultdict(list, kb.surfaces)
    for actor_id, name, country, sector in learned:
        kind = actor_id.split(":", 1)[0]
        if kind not in ("person", "org") or name in kb.surfaces or (kind == "person" and len(name.split()) < 2):
            continue  # a lone surname ("Sharif") is only safe within the document that named the person
        new.actors[actor_id] = Actor(actor_id, kind, name, country, sector or "UNK")
        for variant in {name, name.replace("'", "’"), name.replace("’", "'")}:
            new.surfaces[variant] = [*new.surfaces.get(variant, []), Surface(actor_id, kind)]
    return new
