"""Writing the user actors file: what `dyadwatch actors add` does.

The file has the formats of the shipped data files (README, "Your own actors"):

```yaml
people:
  - id: ana-ruiz                # optional: made from the name
    name: Ana Ruiz
    aliases: [Ruiz]
    roles:
      - {office: energy_minister, title: Energy Minister, country: PER, sector: GOV, start: 2024-01-15, end: null}
organisations:
  - {id: andes-copper-ltd, name: Andes Copper Ltd, aliases: [Andes Copper], country: CHL, sector: BUS}
countries:
  - {code: KEN, aliases: [Jamhuri ya Kenya], seats: [State House]}
igos: []
offices:
  energy_minister: {sector: GOV, titles: [energy minister, minister of energy]}
```

Each function reads the file (an empty one when it does not exist), changes one entry and
writes the whole file back; comments in a hand-edited file are not kept.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from dyadwatch.actors.kb import KnowledgeBase

SECTORS = ("GOV MIL LEG JUD POL OPP REB CRM BUS MED EDU CVL REL IGO NGO UNK").split()
ALIAS_KINDS = {
    "country": ("aliases", "adjectives", "demonyms", "capitals", "seats"),
    "igo": ("aliases",),
    "org": ("aliases",),
    "person": ("aliases",),
}
SECTION_ORDER = ("people", "organisations", "countries", "igos", "offices", "groups")
HEADER = (
    "# dyadwatch user actors: extends and overrides the shipped knowledge base.\n"
    "# Same formats as src/dyadwatch/data/actors/ (see README, 'Your own actors').\n"
)


class UserFileError(ValueError):
    """A value `actors add` cannot write (unknown country, bad date, bad sector...)."""


def read_user_file(path: Path) -> dict:
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise UserFileError(f"{path}: expected a mapping with people, organisations, countries, igos or offices")
    return data


def write_user_file(path: Path, data: dict) -> None:
    ordered = {key: data[key] for key in SECTION_ORDER if data.get(key)}
    ordered.update({key: value for key, value in data.items() if key not in ordered and value})
    text = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, default_flow_style=None, width=110)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + text, encoding="utf-8")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def add_person(
    path: Path,
    kb: KnowledgeBase,
    name: str | None,
    *,
    person_id: str | None = None,
    aliases: list[str] = (),
    office: str | None = None,
    country: str | None = None,
    sector: str | None = None,
    title: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> dict:
    """Add a person, or a role or aliases to one (of the user file or the shipped KB); return the entry."""
    if not name and not person_id:
        raise UserFileError("give the person's name or --id")
    person_id = person_id or slug(name)
    known = kb.actors.get(f"person:{person_id}")
    if known is None and not name:
        raise UserFileError(f"person:{person_id} is not in the knowledge base; give a name")
    data = read_user_file(path)
    people = data.setdefault("people", [])
    entry = next((e for e in people if e.get("id") == person_id), None)
    if entry is None:
        entry = {"id": person_id}
        people.append(entry)
    if name and (known is None or name != known.name):
        entry["name"] = name
    _add_aliases(entry, aliases)
    if office or country:
        if not (office and country):
            raise UserFileError("a role needs both --office and --country")
        country = _country_code(kb, country)
        office_sector = kb.office_sectors.get(office)
        sector = _sector(sector or office_sector or "GOV")
        role = {"office": office}
        if title:
            role["title"] = title
        role.update({"country": country, "sector": sector, "start": _day(start, "--start"), "end": _day(end, "--end")})
        roles = entry.setdefault("roles", [])
        roles[:] = [
            r
            for r in roles
            if (r.get("office"), r.get("country"), _iso(r.get("start"))) != (office, country, _iso(role["start"]))
        ]
        roles.append(role)
        roles.sort(key=lambda r: _iso(r.get("start")) or "")
        if office_sector is None and office != "other":
            # A new office: its title in words, so "the energy minister" finds the holder.
            titles = [office.replace("_", " ")] + ([title.lower()] if title else [])
            spec = data.setdefault("offices", {}).setdefault(office, {"sector": sector, "titles": []})
            spec["titles"] = sorted(set(spec.get("titles") or []) | set(titles))
    elif known is None and not entry.get("roles"):
        if country:
            entry["country"] = _country_code(kb, country)
        if sector:
            entry["sector"] = _sector(sector)
    write_user_file(path, data)
    return entry


def add_organisation(
    path: Path,
    kb: KnowledgeBase,
    name: str,
    *,
    org_id: str | None = None,
    aliases: list[str] = (),
    country: str | None = None,
    sector: str | None = None,
) -> dict:
    org_id = org_id or slug(name)
    known = kb.actors.get(f"org:{org_id}")
    data = read_user_file(path)
    orgs = data.setdefault("organisations", [])
    entry = next((e for e in orgs if e.get("id") == org_id), None)
    if entry is None:
        entry = {"id": org_id}
        orgs.append(entry)
    if name and (known is None or name != known.name):
        entry["name"] = name
    _add_aliases(entry, aliases)
    if country:
        entry["country"] = _country_code(kb, country)
    if sector:
        entry["sector"] = _sector(sector)
    elif known is None:
        entry.setdefault("sector", "UNK")
    write_user_file(path, data)
    return entry


def add_alias(path: Path, kb: KnowledgeBase, actor_id: str, texts: list[str], kind: str = "aliases") -> dict:
    """Add names to a knowledge-base actor: KEN (or country:KEN), NATO, person:william-ruto, org:hamas."""
    actor = kb.actors.get(actor_id)
    if actor is None:
        raise UserFileError(f"{actor_id} is not in the knowledge base (add it first)")
    allowed = ALIAS_KINDS[actor.kind]
    if kind not in allowed:
        raise UserFileError(f"a {actor.kind} takes {', '.join(allowed)}, not {kind}")
    data = read_user_file(path)
    key = actor_id.split(":", 1)[1]
    section, field = {
        "country": ("countries", "code"),
        "igo": ("igos", "code"),
        "org": ("organisations", "id"),
        "person": ("people", "id"),
    }[actor.kind]
    entries = data.setdefault(section, [])
    entry = next((e for e in entries if e.get(field) == key), None)
    if entry is None:
        entry = {field: key}
        entries.append(entry)
    values = entry.setdefault(kind, [])
    values.extend(t for t in texts if t not in values)
    write_user_file(path, data)
    return entry


def _add_aliases(entry: dict, aliases) -> None:
    if aliases:
        values = entry.setdefault("aliases", [])
        values.extend(a for a in aliases if a not in values)


def _country_code(kb: KnowledgeBase, code: str) -> str:
    code = code.upper()
    if f"country:{code}" in kb.actors or f"igo:{code}" in kb.actors:
        return code
    raise UserFileError(f"{code} is not a country or IGO code of the knowledge base (ISO 3166 alpha-3: KEN, PER)")


def _sector(sector: str) -> str:
    sector = sector.upper()
    if sector not in SECTORS:
        raise UserFileError(f"sector {sector} is not one of {' '.join(SECTORS)}")
    return sector


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserFileError(f"{option} {value!r} is not a date like 2024-03-14") from exc


def _iso(value) -> str | None:
    return None if value is None else str(value)[:10]
