"""The trigger lexicon (data/event_lexicon.tsv): which verbs and nouns signal which PLOVER event.

Rows are one of three kinds:
  VERB  `meet`, `call on` (with a particle or preposition), `lift [sanction|ban]` (with an object),
        `take to [street]` (with a preposition and its object)
  NOUN  an event noun: `talks`, `sanction`, `airstrike`
  LIGHT a verb that takes its meaning from its object noun: `hold` talks, `impose` sanctions
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

DEFAULT_TARGET_PREPS = ("with", "to", "against", "on")
PLACE = "PLACE"  # in a row's objects: a named town or region ("hit [PLACE]")
TRIGGER_FORM = re.compile(r"^(?P<lemma>[^\s\[]+)(?:\s+(?P<particle>[^\s\[]+))?(?:\s*\[(?P<objects>[^\]]+)\])?$")


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # VERB | NOUN | LIGHT
    event_type: str | None
    mode: str | None
    contexts: tuple[str, ...]
    target_preps: tuple[str, ...]
    particle: str | None = None
    objects: frozenset[str] = frozenset()


class Lexicon:
    def __init__(self, rows: list[Trigger]) -> None:
        self.verbs: dict[str, list[Trigger]] = defaultdict(list)
        self.nouns: dict[str, Trigger] = {}
        self.nouns_of: dict[str, list[Trigger]] = defaultdict(list)  # "exchange [prisoner]": only of prisoners
        self.light: set[str] = set()
        for row in rows:
            if row.pos == "VERB":
                self.verbs[row.lemma].append(row)
            elif row.pos == "NOUN" and row.objects:
                self.nouns_of[row.lemma].append(row)
            elif row.pos == "NOUN":
                self.nouns[row.lemma] = row
            elif row.pos == "LIGHT":
                self.light.add(row.lemma)
        # Verbs with a row for a named place as object ("hit [PLACE]"): only for these is it asked.
        self.place_verbs = {row.lemma for rows in self.verbs.values() for row in rows if PLACE in row.objects}
        # Most specific rows first: particle and object constraints before the bare verb.
        for entries in self.verbs.values():
            entries.sort(key=lambda t: (t.particle is None, not t.objects))

    def verb(
        self, lemma: str, particles: set[str], object_lemmas: set[str], particle_objects: set[str] = frozenset()
    ) -> Trigger | None:
        """The row for a verb given its particles/prepositions, its object's lemma and the prepositions' objects.

        A row with both a preposition and objects ("take to [street]") asks for the preposition's
        object, since "took to the streets" has no direct object to ask about.
        """
        for row in self.verbs.get(lemma, ()):
            if row.particle and row.particle not in particles:
                continue
            if row.objects and not (row.objects & object_lemmas or (row.particle and row.objects & particle_objects)):
                continue
            return row
        return None

    def particle_verbs(self, lemma: str) -> bool:
        return any(row.particle for row in self.verbs.get(lemma, ()))


def parse_rows(lines) -> list[Trigger]:
    reader = csv.DictReader((line for line in lines if line.strip() and not line.startswith("#")), delimiter="\t")
    rows = []
    for record in reader:
        match = TRIGGER_FORM.match(record["trigger"].strip())
        if not match:
            raise ValueError(f"bad trigger {record['trigger']!r} in the event lexicon")
        objects = frozenset(o.strip() for o in (match["objects"] or "").split("|") if o.strip())
        preps = record.get("target_preps", "-").strip()
        rows.append(
            Trigger(
                lemma=match["lemma"],
                particle=match["particle"],
                objects=objects,
                pos=record["pos"].strip().upper(),
                event_type=_dash(record["event_type"]),
                mode=_dash(record["mode"]),
                contexts=tuple(c.strip() for c in (_dash(record["contexts"]) or "").split(",") if c.strip()),
                target_preps=DEFAULT_TARGET_PREPS if preps in ("", "-") else tuple(p.strip() for p in preps.split(",")),
            )
        )
    return rows


def _dash(value: str | None) -> str | None:
    value = (value or "").strip()
    return None if value in ("", "-") else value


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = resources.files("dyadwatch").joinpath("data/event_lexicon.tsv").read_text(encoding="utf-8")
    return Lexicon(parse_rows(text.splitlines()))
