"""Plain data records that flow one way through the pipeline.

Each stage takes records and returns records; none of them holds a spaCy object or a
database handle, so the same code runs in one process, in a pool, or on a cluster.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

# Events below this confidence are stored but flagged ("low-confidence" in listings); queries
# and exports can drop them with --min-confidence.
LOW_CONFIDENCE = 0.5


def record_id(*parts: str) -> str:
    """A stable id for an event or a claim: the same document, sentence, cue and actors always
    give the same id, so re-ingesting a document replaces its records instead of adding copies."""
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


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


@dataclass
class Claim:
    """One statement attributed to an actor: who says what, with which stance, from which sentence.

    `start`/`end` are the evidence sentence's offsets in the document's cleaned text, as for
    events; `content_start`/`content_end` those of the claimed content when it is a span of
    the text. `claim_key` is shared by every claim of the same proposition, across sentences,
    documents and speakers; it is assigned when claims are stored (see `dyadwatch.claims.keys`).
    """

    claim_id: str
    doc_id: str
    sentence: str
    start: int
    end: int
    speaker: ActorRef
    content: str
    stance: str  # assert | deny | admit | dispute
    claim_key: str | None = None
    content_start: int | None = None
    content_end: int | None = None
    date: str | None = None  # when the statement was made (resolved like event dates)
    date_precision: str | None = None
    cue: str = ""  # the words that attribute it: "denied", "according to", "a charge ... dismissed"
    negative: bool = False  # the content says something is not so ("posed no threat"), asserted as such
    about: list[str] = field(default_factory=list)  # countries (and IGO codes) the content names
    event_types: list[str] = field(default_factory=list)  # event types coded inside the content
    link: str | None = None  # claim_id of the claim this one answers or repeats, in the same document or an earlier one
    answers: str | None = None  # country whose claim this one answers ("rejected India's charge")
    # Answers "the accusations" of a party its document holds no accusation of: the claim keyer looks for
    # one in earlier documents before keeping `link` (not stored).
    look_back: bool = False
    # For an answer (denies, disputes, admits): the sentence before it, told by the story without a speaker, that
    # shares the most words of what happened with its content (claims.keys.referents_of): "Chinese vessels
    # fired water cannon at a fishing boat" before "China denied that its vessels had used water cannon". The
    # keyer compares it with the accuser's statements (keys: accused_elsewhere); within its document only, so
    # not stored.
    narration: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
