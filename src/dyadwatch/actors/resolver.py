"""Resolve noun phrases in a parsed document to actors, using the knowledge base and context.

One `DocumentActors` per document: it finds every knowledge-base mention once (a spaCy
PhraseMatcher over names, adjectives, capitals and seats of government), remembers the
people mentioned so far (for surnames, titles and pronouns), and answers
`resolve(head_token, day)` for the arguments the event coder picks out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dyadwatch.actors.kb import Actor, KnowledgeBase, Surface
from dyadwatch.records import ActorRef

PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
COUNTRY_KINDS = {"name", "adjective", "demonym", "capital", "seat"}
CIVIL_TITLES = {
    "minister",
    "secretary",
    "president",
    "senator",
    "governor",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chancellor",
    "premier",
    "mayor",
    "deputy",
    "adviser",
    "advisor",
    "official",
    "commissioner",
    "lawmaker",
    "speaker",
    "representative",
    "negotiator",
    "diplomat",
}
MILITARY_TITLES = {
    "general",
    "gen.",
    "admiral",
    "colonel",
    "col.",
    "commander",
    "marshal",
    "lieutenant",
    "major",
    "brigadier",
    "captain",
    "sergeant",
}
POPULATED_PLACES = {
    "city",
    "town",
    "village",
    "camp",
    "neighbourhood",
    "neighborhood",
    "district",
    "region",
    "province",
}
# Collective nouns that, with no country named, belong to the country the story is about.
FOCUS_SECTORS = {"GOV", "MIL", "LEG", "JUD", "CVL", "OPP", "REB"}
NAME_DEPS = {"compound", "flat", "appos"}


@dataclass
class Resolution:
    """An actor found for a noun phrase, with how sure we are of it."""

    ref: ActorRef
    certainty: float  # 1.0 = named in the KB; lower for titles without a country, pronouns, guesses
    office: str | None = None


class ActorMatcher:
    """The knowledge base's surfaces compiled into a spaCy PhraseMatcher (built once per process)."""

    def __init__(self, kb: KnowledgeBase, nlp) -> None:
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._keys: dict[int, str] = {}
        texts = list(kb.surfaces)
        for start in range(0, len(texts), 1000):
            chunk = texts[start : start + 1000]
            for text, pattern in zip(chunk, nlp.tokenizer.pipe(chunk), strict=True):
                key = f"S{len(self._keys)}"
                self.matcher.add(key, [pattern])
                self._keys[nlp.vocab.strings[key]] = text

    def matches(self, doc: Doc) -> list[tuple[Span, list[Surface]]]:
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        found = []
        for span in filter_spans(spans):
            surfaces = self.kb.surfaces[self._keys[span.label]]
            found.append((span, surfaces))
        return found


class DocumentActors:
    """Actor resolution within one document."""

    def __init__(self, kb: KnowledgeBase, matcher: ActorMatcher, doc: Doc, published: str | None):
        self.kb = kb
        self.doc = doc
        self.published = published
        self.by_token: dict[int, tuple[Span, list[Surface]]] = {}
        self.people: list[tuple[int, Actor]] = []  # (token index, person) in text order
        countries: Counter[str] = Counter()
        for span, surfaces in matcher.matches(doc):
            if not self._plausible(span, surfaces):
                continue
            for i in range(span.start, span.end):
                self.by_token[i] = (span, surfaces)
            kinds = {s.kind for s in surfaces}
            if kinds & COUNTRY_KINDS:
                countries[surfaces[0].actor_id] += 1
            if kinds & {"person", "surname"}:
                person = self._pick_person(surfaces, published, span.start)
                if person:
                    self.people.append((span.start, person))
        self.focus_country = countries.most_common(1)[0][0].split(":", 1)[1] if countries else None

    # -- public -----------------------------------------------------------------------
    def resolve(self, head: Token, day: str | None, counterpart_office: str | None = None) -> Resolution | None:
        """The actor a noun phrase headed by `head` stands for on `day`, or None if not an actor."""
        lower = head.lower_
        if lower in self.kb.not_actors:
            return None
        if head.i in self.by_token:
            return self._from_match(head, day)
        for child in head.children:
            # "President Ruto": the name is a compound of the head or the head of the phrase.
            if child.dep_ in NAME_DEPS and child.i in self.by_token and child.i > head.i:
                return self._from_match(child, day, text_head=head)
        if lower in PRONOUNS and head.pos_ == "PRON":
            person = self._last_person_before(head.i)
            if person:
                return self._person_ref(person, head.text, day, certainty=0.7)
            return None
        office, office_tokens = self._office_phrase(head)
        if office is None and lower in self.kb.counterpart_words and counterpart_office:
            office = counterpart_office
        if office:
            return self._from_office(head, office, office_tokens, day)
        sector = self._group_sector(head)
        if sector:
            country, certainty = self._country_of_modifiers(head, day)
            if country is None and sector in FOCUS_SECTORS and self.focus_country:
                # "Police arrested demonstrators" in a story about Kenya: Kenyan police.
                country, certainty = self.focus_country, 0.6
            if country is None:
                return None
            ref = self._country_ref(country, _phrase_text(head), sector)
            return Resolution(ref, certainty * 0.95)
        # "the IAEA board", "a UN agency", "Hamas fighters": a named organisation in front of the noun.
        for child in head.lefts:
            if child.dep_ in ("compound", "nmod", "amod") and child.i in self.by_token:
                _, surfaces = self.by_token[child.i]
                actor = self.kb.actors[surfaces[0].actor_id]
                if actor.kind in ("igo", "org"):
                    resolved = self._from_match(child, day)
                    if resolved is not None:
                        resolved.ref.text = _phrase_text(head)
                        return Resolution(resolved.ref, resolved.certainty * 0.9)
        if head.ent_type_ in ("ORG", "PERSON") and head.pos_ == "PROPN":
            return self._unknown_named(head, day)
        return None

    def resolve_place(self, head: Token, day: str | None) -> Resolution | None:
        """'the Ukrainian city of Kharkiv', 'Pakistan's airspace': the country a place belongs to.

        Only for events done *to a place* (attacks, seizures, deployments), where the place
        stands for its country's people (cities, villages) or state (territory, airspace).
        """
        if head.lower_ not in self.kb.not_actors and head.lemma_.lower() not in self.kb.not_actors:
            return None
        country, certainty = self._country_of_modifiers(head, day)
        if country is None:
            return None
        sector = "CVL" if head.lemma_.lower() in POPULATED_PLACES else "GOV"
        return Resolution(self._country_ref(country, _phrase_text(head), sector), certainty * 0.85)

    def remember(self, token_index: int, actor_id: str | None) -> None:
        """Record a person resolved from a title, so later pronouns and titles can find them."""
        actor = self.kb.actors.get(actor_id or "")
        if actor and actor.kind == "person":
            self.people.append((token_index, actor))
            self.people.sort(key=lambda pair: pair[0])

    # -- matches ------------------------------------------------------------------------
    def _plausible(self, span: Span, surfaces: list[Surface]) -> bool:
        kinds = {s.kind for s in surfaces}
        if kinds <= {"surname"}:
            # A surname alone must look like a name: "May" in a date is not Theresa May.
            return span.root.pos_ == "PROPN" and span.root.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        if kinds <= {"adjective"} and span.root.ent_type_ in ("PERSON",):
            return False
        return True

    def _from_match(self, token: Token, day: str | None, text_head: Token | None = None) -> Resolution | None:
        span, surfaces = self.by_token[token.i]
        text = _phrase_text(text_head or span.root, extra=span)
        kinds = {s.kind for s in surfaces}
        if kinds & {"person", "surname"}:
            person = self._pick_person(surfaces, day, token.i)
            if person:
                return self._person_ref(person, text, day, certainty=1.0 if "person" in kinds else 0.9)
        for surface in surfaces:
            actor = self.kb.actors[surface.actor_id]
            if actor.kind == "igo":
                return Resolution(ActorRef(text, actor.actor_id, actor.name, actor.country, actor.sector), 1.0)
            if actor.kind == "org":
                role = actor.role_on(day)
                sector = role.sector if role else actor.sector
                return Resolution(ActorRef(text, actor.actor_id, actor.name, actor.country, sector), 1.0)
            if actor.kind == "country":
                head = text_head or span.root
                sector = self._group_sector(head) if text_head is not None else None
                return Resolution(self._country_ref(actor.country, text, sector or "GOV"), 1.0)
        return None

    def _pick_person(self, surfaces: list[Surface], day: str | None, index: int) -> Actor | None:
        people = [self.kb.actors[s.actor_id] for s in surfaces if s.kind in ("person", "surname")]
        if not people:
            return None
        if len(people) == 1:
            return people[0]
        mentioned = {a.actor_id for i, a in self.people if i < index}
        people.sort(
            key=lambda a: (
                a.actor_id in mentioned,
                any(r.active_on(day) for r in a.roles),
                max((r.start or "" for r in a.roles), default=""),
            ),
            reverse=True,
        )
        return people[0]

    def _last_person_before(self, index: int) -> Actor | None:
        before = [actor for i, actor in self.people if i < index]
        return before[-1] if before else None

    # -- titles and groups ----------------------------------------------------------------
    def _office_phrase(self, head: Token) -> tuple[str | None, set[int]]:
        """'foreign minister', 'army chief', 'Secretary of State', 'Chief of Army Staff' -> office key."""
        left = [t for t in head.lefts if t.dep_ in ("amod", "compound") and t.i not in self.by_token]
        words = [t.lower_ for t in left] + [head.lower_]
        tokens = [t.i for t in left] + [head.i]
        # Extend with "of ..." when the object is not a country: "secretary of state".
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = [t for t in prep.children if t.dep_ == "pobj"]
                if obj and obj[0].i not in self.by_token:
                    tail = self.doc[prep.i : obj[0].i + 1]
                    extended = " ".join(words + [t.lower_ for t in tail])
                    if self.kb.office_of(extended):
                        return self.kb.office_of(extended), set(tokens) | {t.i for t in tail}
        for start in range(len(words)):
            phrase = " ".join(words[start:])
            office = self.kb.office_of(phrase)
            if office:
                return office, set(tokens[start:])
        return None, set()

    def _group_sector(self, head: Token) -> str | None:
        left = [t.lower_ for t in head.lefts if t.dep_ in ("amod", "compound") and t.i not in self.by_token]
        for start in range(len(left) + 1):
            phrase = " ".join(left[start:] + [head.lower_])
            if phrase in self.kb.group_sectors:
                return self.kb.group_sectors[phrase]
        return self.kb.group_sectors.get(head.lemma_.lower())

    def _from_office(self, head: Token, office: str, office_tokens: set[int], day: str | None) -> Resolution | None:
        country, certainty = self._country_of_modifiers(head, day, skip=office_tokens)
        text = _phrase_text(head)
        if country is None:
            # A bare title ("the president"): the person with that office named earlier, else
            # the office holder of the country the document is about.
            for _, person in reversed([p for p in self.people if p[0] < head.i]):
                role = person.role_on(day)
                if role and role.office == office:
                    return self._person_ref(person, text, day, certainty=0.8, office=office)
            country, certainty = self.focus_country, 0.6
        if country is None:
            return None
        person = self.kb.holder(country, office, day)
        if person:
            self.remember(head.i, person.actor_id)
            return self._person_ref(person, text, day, certainty=certainty, office=office)
        sector = self.kb.office_sectors.get(office, "GOV")
        return Resolution(self._country_ref(country, text, sector), certainty * 0.9, office=office)

    def _country_of_modifiers(
        self, head: Token, day: str | None, skip: set[int] = frozenset()
    ) -> tuple[str | None, float]:
        """The country named by an adjective, compound, possessive or 'of' phrase on the head."""
        possessive = None
        for child in head.children:
            if child.i in skip:
                continue
            if child.i in self.by_token and child.dep_ in ("amod", "compound", "nmod", "poss"):
                country = self._country_in_match(child, day)
                if country:
                    return country, 1.0
            if child.dep_ == "poss":
                possessive = child
        if possessive is not None:
            if possessive.lower_ in POSSESSIVE_PRONOUNS:
                subject = self._clause_subject(head)
                if subject is not None and subject.i != head.i and possessive.lower_ in ("his", "her", "its", "their"):
                    # "Maduro ... sending his transport minister": his = the clause's subject.
                    resolved = self.resolve(subject, day)
                    if resolved and resolved.ref.country:
                        return resolved.ref.country, resolved.certainty * 0.9
                person = self._last_person_before(possessive.i)
                if person and possessive.lower_ in ("his", "her"):
                    return self.kb.country_of(person, day), 0.8
            else:
                resolved = self.resolve(possessive, day)
                if resolved and resolved.ref.country:
                    return resolved.ref.country, resolved.certainty
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i in self.by_token:
                        country = self._country_in_match(obj, day)
                        if country:
                            return country, 1.0
        return None, 0.0

    def _clause_subject(self, token: Token) -> Token | None:
        """The subject of the clause a token sits in (following conjoined and participle clauses up)."""
        node = token
        for _ in range(8):
            if node.pos_ in ("VERB", "AUX"):
                subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
                if node.dep_ not in ("conj", "advcl", "xcomp", "acl"):
                    return None
            if node.head is node:
                return None
            node = node.head
        return None

    def _country_in_match(self, token: Token, day: str | None) -> str | None:
        _, surfaces = self.by_token[token.i]
        for surface in surfaces:
            actor = self.kb.actors[surface.actor_id]
            if actor.kind in ("country", "igo"):
                return actor.country
            if actor.kind == "person":
                return self.kb.country_of(actor, day)
        return None

    # -- unknown actors ---------------------------------------------------------------------
    def _unknown_named(self, head: Token, day: str | None) -> Resolution | None:
        entity = next((e for e in self.doc.ents if e.start <= head.i < e.end), None)
        if entity is None:
            return None
        country, certainty = self._country_of_modifiers(head, day)
        if country is None:
            inside = [t for t in entity if t.i in self.by_token]
            if inside:
                country = self._country_in_match(inside[0], day)
        if entity.label_ == "ORG":
            sector = self.kb.org_suffixes.get(entity[-1].lower_) or self._group_sector(head) or "UNK"
            if country is None and sector == "UNK":
                return None  # nothing known about it: not worth an event
            actor_id = "org:" + _slug(entity.text)
            return Resolution(ActorRef(entity.text, actor_id, entity.text, country, sector), 0.7)
        # A person not in the knowledge base: "US Treasury Secretary Scott Bessent", "Ana Ruiz, Peru's energy minister".
        titles = [t for t in head.lefts if t.dep_ == "compound" and t.i < entity.start]
        if titles:
            country = country or next((self._country_in_match(t, day) for t in titles if t.i in self.by_token), None)
            words = {t.lower_ for t in titles}
            sector = "MIL" if words & MILITARY_TITLES else "GOV" if words & CIVIL_TITLES else None
            if country and sector:
                return Resolution(
                    ActorRef(_phrase_text(head), "person:" + _slug(entity.text), entity.text, country, sector), 0.75
                )
        for child in head.children:
            if child.dep_ == "appos":
                described = self.resolve(child, day)
                if described:
                    ref = described.ref
                    actor_id = "person:" + _slug(entity.text)
                    return Resolution(ActorRef(entity.text, actor_id, entity.text, ref.country, ref.sector), 0.75)
        return None

    # -- refs -----------------------------------------------------------------------------
    def _person_ref(
        self, person: Actor, text: str, day: str | None, certainty: float, office: str | None = None
    ) -> Resolution:
        role = person.role_on(day)
        ref = ActorRef(
            text=text,
            actor_id=person.actor_id,
            name=person.name,
            country=role.country if role else person.country,
            sector=role.sector if role else person.sector,
        )
        return Resolution(ref, certainty, office=office or (role.office if role else None))

    def _country_ref(self, country: str, text: str, sector: str) -> ActorRef:
        actor = self.kb.actors.get(f"country:{country}") or self.kb.actors.get(f"igo:{country}")
        name = actor.name if actor else country
        actor_id = actor.actor_id if actor else None
        if actor is not None and actor.kind == "igo":
            sector = actor.sector
        return ActorRef(text=text, actor_id=actor_id, name=name, country=country, sector=sector)


def _phrase_text(head: Token, extra: Span | None = None) -> str:
    """The words of a noun phrase up to its head (modifiers, not clauses), for the record."""
    start = head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "prep"):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "appos" and child.ent_type_ == "PERSON"):
            end = max(end, child.right_edge.i + 1)
    if extra is not None:
        start, end = min(start, extra.start), max(end, extra.end)
    return head.doc[start:end].text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
