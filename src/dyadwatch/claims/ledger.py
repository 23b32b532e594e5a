"""The ledger: claim keys with who asserts, who denies, who admits and who disputes, in time order.

A key is *disputed* when one party asserts or admits the proposition and another party
(another country, or a non-state group of the same country: rebels, the opposition,
companies, civilians) denies or disputes it, or says it is not so. Each statement keeps its
date (when it was made: "said on Tuesday"; else the document's date), document, outlet and
sentence, so a key reads as a history: who said what first, who answered, who conceded.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

SUPPORTING = ("assert", "admit")
CONTESTING = ("deny", "dispute")
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "IGO", None}
_WORD = re.compile(r"[\w'’-]+")
_STOP = {
    "the",
    "and",
    "that",
    "was",
    "were",
    "who",
    "what",
    "did",
    "does",
    "with",
    "for",
    "from",
    "its",
    "their",
    "has",
    "have",
    "had",
    "are",
    "is",
    "of",
    "to",
    "in",
    "on",
    "a",
    "an",
    "by",
    "it",
}


@dataclass
class Statement:
    claim_id: str
    stance: str
    speaker: str  # "IND GOV (India's foreign ministry)"
    speaker_country: str | None
    speaker_sector: str | None
    speaker_actor_id: str | None
    date: str | None
    doc_id: str
    outlet: str | None
    published: str | None
    url: str | None
    sentence: str
    content: str
    cue: str | None

    @property
    def party(self) -> tuple[str | None, str | None]:
        return self.speaker_country, None if self.speaker_sector in STATE_SECTORS else self.speaker_sector


@dataclass
class ClaimGroup:
    key: str
    proposition: str
    statements: list[Statement] = field(default_factory=list)
    about: set[str] = field(default_factory=set)  # countries the contents name

    @property
    def disputed(self) -> bool:
        supporting = {s.party for s in self.statements if s.stance in SUPPORTING}
        contesting = {s.party for s in self.statements if s.stance in CONTESTING}
        return any(a != b for a in supporting for b in contesting)

    def speakers(self, stance: str) -> list[str]:
        """The speakers with this stance, each once, in time order."""
        out: list[str] = []
        for statement in self.statements:
            if statement.stance == stance and statement.speaker not in out:
                out.append(statement.speaker)
        return out

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(s.doc_id for s in self.statements))

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(s.outlet for s in self.statements if s.outlet))

    @property
    def first_date(self) -> str | None:
        return min((s.date for s in self.statements if s.date), default=None)

    def to_dict(self) -> dict:
        return {
            "claim_key": self.key,
            "proposition": self.proposition,
            "disputed": self.disputed,
            "asserted_by": self.speakers("assert"),
            "denied_by": self.speakers("deny"),
            "admitted_by": self.speakers("admit"),
            "disputed_by": self.speakers("dispute"),
            "documents": self.documents,
            "outlets": self.outlets,
            "history": [asdict(s) for s in self.statements],
        }


def speaker_label(row: dict) -> str:
    """'IND GOV (India's foreign ministry)'; a known person by name: 'RUS GOV (Dmitry Peskov)'."""
    person = (row.get("speaker_actor_id") or "").startswith("person:")
    name = (row.get("speaker_name") if person else None) or row.get("speaker_text") or row.get("speaker_name") or "?"
    return f"{row.get('speaker_country') or '?'} {row.get('speaker_sector') or '?'} ({name})"


def build_ledger(
    rows: list[dict],
    about: str | None = None,
    actor: str | None = None,
    disputed: bool = False,
    actor_codes: set[str] | None = None,
) -> list[ClaimGroup]:
    """Group claim rows (from `Store.claim_rows`) by key and filter them.

    about: every word of it (case-insensitive) appears in the key's contents or sentences;
    actor: a speaker of the key, or a country its contents name, matches it — a country or
    IGO code ("IND", "NATO"), an actor id ("person:asim-munir"), or part of a speaker's name;
    `actor_codes` are codes the caller resolved the name to ("India" -> {"IND"});
    disputed: only keys that one party asserts or admits and another denies or disputes.
    Disputed keys come first, then those with the most documents, then the oldest.
    """
    groups: dict[str, ClaimGroup] = {}
    for row in rows:
        key = row["claim_key"]
        group = groups.get(key)
        if group is None:
            group = groups[key] = ClaimGroup(key, "")
        group.statements.append(
            Statement(
                claim_id=row["claim_id"],
                stance=row["stance"],
                speaker=speaker_label(row),
                speaker_country=row.get("speaker_country"),
                speaker_sector=row.get("speaker_sector"),
                speaker_actor_id=row.get("speaker_actor_id"),
                date=row.get("date") or row.get("published"),
                doc_id=row["doc_id"],
                outlet=row.get("outlet"),
                published=row.get("published"),
                url=row.get("url"),
                sentence=row.get("sentence") or "",
                content=row.get("content") or "",
                cue=row.get("cue"),
            )
        )
        group.about |= set(row.get("about") or ())
    out = []
    for group in groups.values():
        group.statements.sort(key=lambda s: (s.date or "9999", s.published or "9999", s.doc_id))
        first = next((s for s in group.statements if s.stance == "assert"), group.statements[0])
        group.proposition = first.content
        if disputed and not group.disputed:
            continue
        if about and not _mentions(group, about):
            continue
        if actor and not _involves(group, actor, actor_codes or set()):
            continue
        out.append(group)
    out.sort(key=lambda g: (not g.disputed, -len(g.documents), g.first_date or "9999", g.key))
    return out


def _mentions(group: ClaimGroup, about: str) -> bool:
    words = [w for w in _WORD.findall(about.lower()) if w not in _STOP]
    text = " ".join(f"{s.content} {s.sentence}" for s in group.statements).lower()
    return all(w in text for w in words)


def _involves(group: ClaimGroup, actor: str, codes: set[str]) -> bool:
    wanted = {actor, actor.upper()} | codes
    for statement in group.statements:
        if statement.speaker_country in wanted or statement.speaker_actor_id in wanted:
            return True
        if actor.lower() in statement.speaker.lower():
            return True
    return bool(group.about & wanted)
