"""The actor knowledge base: countries, IGOs and people with dated offices, read from data files.

Everything here is data shipped in `dyadwatch/data/actors/`; this module only indexes it
so the resolver can ask "which actors can these words mean?" and "who held this office
in this country on this date?".
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


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

    def add_person(self, entry: dict) -> None:
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

    # -- questions ------------------------------------------------------------------
    def holder(self, country: str, office: str, day: str | None) -> Actor | None:
        """Who held `office` in `country` on `day` (the current holder when day is None)."""
        for role, actor_id in self.holders.get((country, office), []):
            if role.active_on(day):
                return self.actors[actor_id]
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


def _read_yaml(path) -> list | dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


@lru_cache(maxsize=4)
def load_knowledge_base(user_file: str | None = None) -> KnowledgeBase:
    """The shipped knowledge base, extended and overridden by a user file when given."""
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


def _load_offices(kb: KnowledgeBase, data: dict) -> None:
    for office, spec in data["offices"].items():
        kb.office_sectors[office] = spec["sector"]
        for title in spec["titles"]:
            kb.office_titles[title.lower()] = office
    for sector, words in data["groups"].items():
        for word in words:
            kb.group_sectors[word.lower()] = sector
    for sector, words in data["org_suffixes"].items():
        for word in words:
            kb.org_suffixes[word.lower()] = sector
    kb.counterpart_words = {w.lower() for w in data["counterpart_words"]}
    kb.not_actors = {w.lower() for w in data["not_actors"]}


def _load_country(kb: KnowledgeBase, entry: dict) -> None:
    actor_id = f"country:{entry['code']}"
    kb.add_actor(Actor(actor_id, "country", entry["name"], entry["code"], "GOV"))
    kb.add_surface(entry["name"], actor_id, "name")
    for key, kind in (
        ("aliases", "name"),
        ("adjectives", "adjective"),
        ("demonyms", "demonym"),
        ("capitals", "capital"),
        ("seats", "seat"),
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
    """A user's YAML with optional `countries`, `igos` and `people` lists, same formats as shipped."""
    data = _read_yaml(path) or {}
    for entry in data.get("countries", []):
        _load_country(kb, entry)
    for entry in data.get("igos", []):
        _load_igo(kb, entry)
    for entry in data.get("people", []):
        entry.setdefault("id", _slug(entry["name"]))
        kb.add_person(entry)
