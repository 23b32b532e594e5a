"""A learned second opinion for sentences the rules left empty: which PLOVER type, if any.

The rules code only what the lexicon names. A sentence whose main clause has a political actor
as its doer but no lexicon trigger ("had exchanged new lists of civilians", "alerted their
counterparts to the threat") yields nothing. For those sentences a multinomial logistic
regression over two all-MiniLM-L6-v2 embeddings (the sentence with its names masked, so
the vector tells the act and not the country; and the main verb with its objects) gives
a probability to "no event" and to each type. When one type reaches the trained threshold,
an event of that type is coded with the rules' own doer and target of that verb.

Such an event is less sure than a rule's: its confidence is the probability times
LEARNED_WEIGHT (the weight file's), so that it stays below the coder's low-confidence flag
and `--min-confidence` drops it. Weights, threshold and weight come from `make train`
(`dyadwatch.events.train`, trained on gold/dev and the examples only).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from dyadwatch.events.dates import resolve_event_date
from dyadwatch.events.lexicon import DEFAULT_TARGET_PREPS, Trigger
from dyadwatch.events.modality import is_hypothetical, is_negated
from dyadwatch.nlp import sentence_span
from dyadwatch.records import ActorRef, Document, Event

WEIGHTS = "event_classifier.npz"
# Names are masked: the embedding should say what was done, not by whom.
NAME_LABELS = {"GPE", "NORP", "PERSON", "ORG", "FAC", "LOC"}
# The words that make the main verb's phrase: "exchanged lists", "ordered units back".
PHRASE_DEPS = {"dobj", "prt", "neg", "xcomp", "attr", "acomp"}
NONE = "NONE"
# Verbal types (quad classes 1 and 3): in reported speech the speaker does them, not the reported doer.
VERBAL = {1, 3}


def weights_path() -> Path:
    return Path(str(resources.files("dyadwatch") / "data" / WEIGHTS))


def main_verb(sent: Span, speech_verbs: frozenset[str]) -> Token | None:
    """The verb that carries the sentence's act: the root, or what a saying verb reports."""
    verb = sent.root
    for _ in range(2):
        if verb.lemma_.lower() not in speech_verbs:
            break
        content = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if not content:
            break
        verb = content[0]
    return verb if verb.pos_ in ("VERB", "AUX") else None


def candidates(doc: Doc, events: list[Event], speech_verbs: frozenset[str]) -> list[tuple[Span, Token]]:
    """(sentence, main verb) of the sentences with a main verb and no rule event."""
    coded = {e.start for e in events}
    out = []
    for sent in doc.sents:
        text, start = sentence_span(sent)
        verb = main_verb(sent, speech_verbs) if text and start not in coded else None
        if verb is not None:
            out.append((sent, verb))
    return out


def texts_of(sent: Span, verb: Token) -> tuple[str, str]:
    """(sentence with names as X, verb phrase): the two texts embedded for a sentence."""
    parts: list[str] = []
    for token in sent:
        if token.ent_type_ in NAME_LABELS:
            if parts and parts[-1].rstrip() == "X":
                parts[-1] = "X" + token.whitespace_
            else:
                parts.append("X" + token.whitespace_)
        else:
            parts.append(token.text_with_ws)
    phrase = sorted([verb, *(c for c in verb.children if c.dep_ in PHRASE_DEPS)], key=lambda t: t.i)
    return "".join(parts).strip(), " ".join(t.text for t in phrase)


def features(pairs: list[tuple[str, str]]) -> np.ndarray:
    """One row per (masked sentence, verb phrase): the two embeddings side by side."""
    from dyadwatch.embeddings import DIM, embed

    if not pairs:
        return np.zeros((0, 2 * DIM), dtype=np.float32)
    vectors = embed([text for pair in pairs for text in pair])
    return np.hstack([vectors[0::2], vectors[1::2]])


@dataclass
class Model:
    """Standardise, then a softmax layer over NONE and the event types."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray
    classes: list[str]
    threshold: float
    learned_weight: float

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            classes=np.array(self.classes),
            threshold=np.float32(self.threshold),
            learned_weight=np.float32(self.learned_weight),
        )

    @classmethod
    def load(cls, path: Path | None = None) -> Model:
        with np.load(path or weights_path()) as data:
            return cls(
                data["mean"],
                data["scale"],
                data["weights"],
                data["bias"],
                [str(c) for c in data["classes"]],
                float(data["threshold"]),
                float(data["learned_weight"]),
            )


class SentenceTyper:
    """Adds the classifier's events to a document's rule events (see the module docstring)."""

    def __init__(self, coder, model: Model | None = None) -> None:
        self.coder = coder
        self.model = model or Model.load()

    def add(self, doc: Doc, document: Document, events: list[Event]) -> list[Event]:
        """The rule events, then one learned event per empty sentence the model is sure enough of."""
        from dyadwatch.actors.resolver import DocumentActors

        found = candidates(doc, events, self.coder.words.speech_verbs)
        if not found:
            return events
        actors = DocumentActors(self.coder.kb, self.coder.matcher, doc, document.published)
        with_doer = [(s, v) for s, v in found if self.coder._verb_sources(v, actors, document.published)]
        if not with_doer:
            return events
        probabilities = self.model.probabilities(features([texts_of(s, v) for s, v in with_doer]))
        added = list(events)
        for (sent, verb), p in zip(with_doer, probabilities, strict=True):
            best = int(p.argmax())
            if self.model.classes[best] == NONE or p[best] < self.model.threshold:
                continue
            event = code_as(self.coder, verb, sent, actors, document, self.model.classes[best])
            if event is not None:
                event.confidence = round(float(p[best]) * self.model.learned_weight, 3)
                added.append(event)
        return added


def code_as(coder, verb: Token, sent: Span, actors, document: Document, event_type: str) -> Event | None:
    """The event the coder makes of `verb` read as `event_type`: its doer and target, its rules (which may
    switch the type); with no target found by the rules, the nearest named actor of another country.
    A verbal type is first tried on the saying verb: "Ecuador said Mexico had violated its sovereignty"
    is Ecuador's accusation."""
    verbs = [sent.root, verb] if coder.ontology.types[event_type].quad_class in VERBAL and sent.root != verb else [verb]
    for acting in verbs:
        event = _event_of(coder, acting, sent, actors, document, event_type)
        if event is not None:
            return event
    return None


def _event_of(coder, verb: Token, sent: Span, actors, document: Document, event_type: str) -> Event | None:
    from dyadwatch.events.coder import Found

    item = Found(verb, None, Trigger(verb.lemma_, "VERB", event_type, None, (), DEFAULT_TARGET_PREPS), "verb")
    event = next(coder._events_for(item, sent, actors, document, frozenset()), None)
    if event is not None:
        return event
    sources = coder._verb_sources(verb, actors, document.published)
    if not sources:
        return None
    hypothetical = is_hypothetical(verb, coder.words)
    day, precision, _ = resolve_event_date(verb, sent, document.published, hypothetical)
    negated = is_negated(verb, coder.words)
    target = _other_actor(verb, sent, actors, day, sources[0].ref)
    return coder._make_event(
        item, event_type, None, sent, document, sources[0].ref, target, day, precision, negated, hypothetical, 0.0
    )


def _other_actor(verb: Token, sent: Span, actors, day: str | None, source: ActorRef) -> ActorRef | None:
    """The named actor of another country closest to the verb, outside its subject: the likeliest other side."""
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree}
    for token in sorted(sent, key=lambda t: abs(t.i - verb.i)):
        if token.i in subject or token.i not in actors.by_token:
            continue
        found = actors.resolve(token, day)
        if found is not None and found.ref.country and found.ref.country != source.country:
            return found.ref
    return None
