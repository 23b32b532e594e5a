"""Plain data records that flow one way through the pipeline.

Each stage takes records and returns records; none of them holds a spaCy object or a
database handle, so the same code runs in one process, in a pool, or on a cluster.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Document:
    """A cleaned article ready for NLP: the unit that is ingested, replaced and exported."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    source: str | None = None  # where it was read from (file path, file:line)
    notes: list[str] = field(default_factory=list)  # choices the cleaner made, e.g. which date won

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(" ".join(self.text.split()).lower().encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Failure:
    """An input that could not become a document, and why (shown to the user, never dropped silently)."""

    source: str
    reason: str


@dataclass
class ActorRef:
    """An actor as it appears in an event: the words used and who they resolve to."""

    text: str
    actor_id: str | None
    name: str | None
    country: str | None
    sector: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One coded event mention, tied to the sentence and character span it came from."""

    event_id: str
    doc_id: str
    sentence: str
    start: int
    end: int
    source: ActorRef
    event_type: str
    mode: str | None
    context: list[str]
    target: ActorRef | None
    date: str | None
    date_precision: str | None
    negated: bool
    hypothetical: bool
    quad_class: int
    intensity: float
    cameo_code: str | None
    confidence: float
    trigger: str = ""
    fused_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
