"""Resolve noun phrases in a parsed document to actors, using the knowledge base and context.

One `DocumentActors` per document: it finds every knowledge-base mention once (a spaCy
PhraseMatcher over names, adjectives, capitals and seats of government), remembers the
people mentioned so far (for surnames, titles and pronouns), and answers
`resolve(head_token, day)` for the arguments the event coder picks out, and
`resolve_pair(head_token, day)` for "the two countries", "both sides", "the two leaders".

People and organisations the knowledge base does not hold are described from their
context once per document ("Ana Ruiz, Peru's energy minister"; "Energy Minister Carlos
Vega"; "Chilean miner Andes Copper Ltd"), so that later mentions in the same document
(the surname "Ruiz", the title "the energy minister", "she") find the same actor. People
described by a title but no country ("spokesperson Raveesh Kumar") are kept for the document
only, in the story's country, and never stored.

Phrases with no country of their own look back before guessing: "the council" and "the
bloc" are the organisation named before, "the officers" the group named before with its
country, "the Bolivian leader" the Bolivian named before, "police in Maputo" Mozambique's.
Only then comes the story's focus country: the country most named, its people and its
dateline ("DHAKA —") included.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from dyadwatch.actors.kb import Actor, KnowledgeBase, Role, Surface
from dyadwatch.actors.places import country_of_place
from dyadwatch.nlp import DATELINE, NAME_LIKE_SURNAME, read_as_names
from dyadwatch.records import ActorRef

PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
PLURAL_COLLECTIVES = {"police", "people"}
COUNTRY_KINDS = {"name", "adjective", "demonym", "capital", "seat", "region"}
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
# Entity labels of places the gazetteer may know.
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels the small model gives towns it does not know ("Odesa" LANGUAGE, "El Fasher" ORG).
MISREAD_PLACE_LABELS = {"ORG", "LANGUAGE", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"}
# "the city of X", "villages near X": a place word's town.
PLACE_PREPS = {"of", "near", "outside", "around"}
# "people in X": after these, a name the tagger took for a person's is a place's.
LOCATIVE_PREPS = {"in", "near", "outside", "around"}
# Collective nouns that, with no country named, belong to the country the story is about.
FOCUS_SECTORS = {"GOV", "MIL", "LEG", "JUD", "CVL", "OPP", "REB"}
# Groups of ordinary people, who are of the country where their clause happens ("crowds in Seoul").
CIVILIAN_SECTORS = {"CVL", "OPP"}
NAME_DEPS = {"compound", "flat", "appos"}
# Nouns that describe a person in an apposition ("Ana Ruiz, Peru's energy minister"), besides titles.
TITLE_WORDS = CIVIL_TITLES | MILITARY_TITLES
PERSON_NOUNS = TITLE_WORDS | {
    "leader",
    "chief",
    "head",
    "executive",
    "ceo",
    "chairman",
    "chairwoman",
    "director",
    "founder",
    "commander",
    "activist",
    "journalist",
    "judge",
    "prosecutor",
    "cleric",
    "imam",
    "monarch",
    "king",
    "queen",
    "prince",
    "politician",
    "lawyer",
    "officer",
    "president",
    "chair",
    "chairperson",
    "envoy",
    "representative",
    "coordinator",
    "rapporteur",
    "economist",
    "analyst",
}
NOT_NAME_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE", "LAW"}
# Military aircraft and weapon designations used as actors: "a Turkish F-16", "a Russian Su-24".
MILITARY_MODEL = re.compile(r"[A-Z][A-Za-z]{0,2}-\d{1,3}[A-Z]?")
# Words that make a title a past one: the person no longer acts for the state.
FORMER_WORDS = {"former", "ex", "ex-", "late", "then"}
# Below this certainty a description is a guess (the story's focus country): not used to
# describe an unknown actor, which is stored and reused.
DESCRIBED_CERTAINTY = 0.65
# Group words that, with an unknown organisation's name, make that organisation the actor.
NAMED_GROUP_SECTORS = {"REB", "CRM", "OPP"}
# Company-form words dropped to get the short name ("Andes Copper Ltd" -> "Andes Copper").
COMPANY_FORMS = {"ltd", "ltd.", "limited", "inc", "inc.", "corp", "corp.", "plc", "llc", "sa", "s.a.", "ag", "gmbh"}
# "the two countries", "both sides", "the neighbours": a pair of the actors named before.
PAIR_COUNTRY_NOUNS = {
    "country": "GOV",
    "nation": "GOV",
    "state": "GOV",
    "government": "GOV",
    "capital": "GOV",
    "neighbour": "GOV",
    "neighbor": "GOV",
    "army": "MIL",
    "military": "MIL",
    "force": "MIL",
}
PAIR_SIDE_NOUNS = {"side", "party", "camp"}
PAIR_PERSON_NOUNS = {"leader", "president", "minister", "premier", "head", "foreign minister", "chief"}
PAIR_WORDS = {"two", "both"}
# A dateline place ("DHAKA —") counts as this many mentions towards the story's focus country,
# when found in this many first characters (after a headline and a byline).
DATELINE_WEIGHT = 2
DATELINE_SPAN = 400


@dataclass
class Resolution:
    """An actor found for a noun phrase, with how sure we are of it."""

    ref: ActorRef
    certainty: float  # 1.0 = named in the KB; lower for titles without a country, pronouns, guesses
    office: str | None = None


class ActorMatcher:
    """The knowledge base's surfaces compiled into a spaCy PhraseMatcher (built once per process).

    All surfaces are one pattern key, added in one call (one `add` per surface cost 0.2 s at
    every start-up); a match's surface is found again from its tokens.
    """

    def __init__(self, kb: KnowledgeBase, nlp) -> None:
        self.kb = kb
        read_as_names(nlp, kb.acronyms())  # "ECOWAS imposed sanctions": not a verb in "-WAS"
        read_as_names(nlp, kb.misread_surnames, NAME_LIKE_SURNAME)  # "Trump imposed tariffs": not a noun
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._surface: dict[tuple[int, ...], str] = {}
        patterns = []
        texts = [*kb.surfaces, *kb.wider_places]
        for start in range(0, len(texts), 1000):
            chunk = texts[start : start + 1000]
            for text, pattern in zip(chunk, nlp.tokenizer.pipe(chunk), strict=True):
                # Two surfaces with the same tokens (they differ in spacing only): the first one stands.
                if self._surface.setdefault(tuple(t.orth for t in pattern), text) == text:
                    patterns.append(pattern)
        self.matcher.add("KB", patterns)

    def matches(self, doc: Doc) -> list[tuple[Span, list[Surface]]]:
        spans = [Span(doc, start, end) for _, start, end in self.matcher(doc)]
        found = []
        for span in filter_spans(spans):
            text = self._surface[tuple(t.orth for t in span)]
            if text not in self.kb.wider_places:  # "the South China Sea" is not China
                found.append((span, self.kb.surfaces[text]))
        return found


class DocumentActors:
    """Actor resolution within one document."""

    def __init__(self, kb: KnowledgeBase, matcher: ActorMatcher, doc: Doc, published: str | None):
        self.kb = kb
        self.doc = doc
        self.published = published
        self.by_token: dict[int, tuple[Span, list[Surface]]] = {}
        self.people: list[tuple[int, Actor]] = []  # (token index, person) in text order
        self.parties: list[tuple[int, Actor]] = []  # (token index, actor) for every actor named, in text order
        self.local: dict[str, Actor] = {}  # actors described in this document only, by id
        self.local_names: dict[str, Actor] = {}  # their names, short names and surnames
        self.local_titles: list[tuple[int, str, Actor]] = []  # (index, "energy minister", person)
        # People described by a title with no country ("spokesperson Raveesh Kumar"): for this
        # document only, placed in the focus country with low certainty, never stored.
        self.placeless: dict[str, Actor] = {}
        self.placeless_mentions: list[tuple[int, Actor]] = []
        self._entities: dict[int, Span] | None = None
        self._person_last_words: set[str] | None = None
        self._countries: Counter[str] = Counter()  # country code -> weight, for the focus country
        self._first_seen: dict[str, int] = {}
        for span, surfaces in matcher.matches(doc):
            if not self._plausible(span, surfaces):
                continue
            for i in range(span.start, span.end):
                self.by_token[i] = (span, surfaces)
            kinds = {s.kind for s in surfaces}
            if kinds & COUNTRY_KINDS:
                self._count_country(self.kb.actors[surfaces[0].actor_id].country, span.start)
            if kinds & {"person", "surname"}:
                person = self._pick_person(surfaces, published, span.start)
                if person:
                    self.people.append((span.start, person))
                    self.parties.append((span.start, person))
                    if "person" in kinds and len(span) > 1 and span[-1].text not in self.kb.surfaces:
                        # "Luiz Inácio Lula da Silva" named in full: "Silva" alone is him in this document.
                        self.local_names.setdefault(span[-1].text, person)
                    family_first = self.kb.country_of(person, published) in self.kb.family_name_first
                    if "person" in kinds and len(span) > 1 and family_first and span[0].text not in self.kb.surfaces:
                        # "Park Geun-hye" named in full: "Park" alone is her in this document.
                        self.local_names.setdefault(span[0].text, person)
            elif surfaces:
                self.parties.append((span.start, self.kb.actors[surfaces[0].actor_id]))
        counted = set()
        for index, person in self.people:
            # "Hasina resigned", "Petro suspended talks": the people named say whose story it is too.
            if person.actor_id in counted:
                continue
            counted.add(person.actor_id)
            self._count_country(self.kb.country_of(person, published), index)
        # "DHAKA —", "NEW DELHI:": where the story was filed (in capitals, so not matched above).
        self.dateline_country = self._dateline_country(doc.text)
        self._count_country(self.dateline_country, 0, weight=DATELINE_WEIGHT)
        for entity in doc.ents:  # "Goma", "Kharkiv": towns the knowledge base does not hold
            if entity.label_ in PLACE_LABELS and entity.root.i not in self.by_token:
                self._count_country(self._place_country(entity.root), entity.start)
        self.focus_country = self._focus()
        self.sections = self._sections(doc)
        self._scan_unknown(published)
        for index, actor in self.parties:
            if actor.actor_id in self.local and actor.kind == "person" and actor.actor_id not in counted:
                counted.add(actor.actor_id)
                self._count_country(actor.country, index)
        self.focus_country = self._focus()

    def copy(self) -> DocumentActors:
        """A copy whose resolutions leave this one as it is: the event coder and the claim finder each
        read the document with the actors as found, and building them twice cost 0.5 ms a document.
        Resolving adds people, parties and local actors to the lists and dicts held here (the actors
        in them are not changed), so each of those is copied."""
        clone = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, list | dict | set):
                setattr(clone, name, copy.copy(value))
        return clone

    def _count_country(self, code: str | None, index: int, weight: int = 1) -> None:
        if code is None or f"country:{code}" not in self.kb.actors:
            return  # IGOs (a UN official, "Brussels" as the EU's seat) are not a story's country
        self._countries[code] += weight
        self._first_seen[code] = min(index, self._first_seen.get(code, index))

    def _dateline_country(self, text: str) -> str | None:
        """'KYIV, April 19 (Wire) —', 'NEW DELHI:' at the top of the story: the country of that place."""
        match = DATELINE.search(text[:DATELINE_SPAN])
        return self._country_of_dateline(match) if match is not None else None

    def _sections(self, doc: Doc) -> list[tuple[int, str]]:
        """A roundup's items, 'NIGER – Soldiers ...', 'PERU – Police ...': (first token, country) of each,
        when the story has two or more; the focus country of an item is its label's."""
        sections = []
        for match in DATELINE.finditer(doc.text):
            country = self._country_of_dateline(match)
            span = doc.char_span(match.start("line"), match.end("line"), alignment_mode="expand")
            if country is not None and span is not None:
                sections.append((span.start, country))
        return sections if len({country for _, country in sections}) >= 2 else []

    def focus_at(self, index: int) -> str | None:
        """The country a token's part of the story is about: its roundup item's, else the story's."""
        for start, country in reversed(self.sections):
            if start <= index:
                return country
        return self.focus_country

    def _country_of_dateline(self, match: re.Match) -> str | None:
        place, *region = re.split(r"[,/:(—–-]", match.group("line"))
        place = place.strip()
        surfaces = self.kb.surfaces.get(place.title()) or self.kb.surfaces.get(place)
        for surface in surfaces or []:
            if surface.kind in ("capital", "seat", "name", "region") and surface.actor_id.startswith("country:"):
                return surface.actor_id.split(":", 1)[1]
        # "CÚCUTA, Colombia —": the region or country after the place; else the place by the gazetteer.
        for part in region[:1]:
            for surface in self.kb.surfaces.get(part.strip()) or []:
                if surface.kind in ("name", "region") and surface.actor_id.startswith("country:"):
                    return surface.actor_id.split(":", 1)[1]
        if surfaces:
            return None  # "BRUSSELS —" is the EU's seat in the knowledge base: not for the gazetteer to say
        # "PORT-AU-PRINCE -", "SAN ROQUE, Norte de Santander —": the province, else the town.
        for name in (*region[:1], re.split(r"[,/:(—–]|\s-+\s", match.group("line"))[0]):
            country = country_of_place(name.strip(" -"))
            if country and f"country:{country}" in self.kb.actors:
                return country
        return None

    def _focus(self) -> str | None:
        """The country the story is about: most mentioned (people included), the first named on a tie."""
        if not self._countries:
            return None
        return max(self._countries, key=lambda c: (self._countries[c], -self._first_seen[c]))

    # -- public -----------------------------------------------------------------------
    def resolve(self, head: Token, day: str | None, counterpart_office: str | None = None) -> Resolution | None:
        """The actor a noun phrase headed by `head` stands for on `day`, or None if not an actor."""
        lower = head.lower_
        if head.i in self.by_token:
            return self._from_match(head, day)  # "Solomon Islands", "Marshall Islands": a name, not a place word
        if lower in self.kb.not_actors:
            return None
        if head.dep_ == "appos" and head.head.i in self.by_token and head.pos_ == "NOUN":
            # "Luis Almagro, a former Uruguayan foreign minister who ...": the apposition is the person named.
            named = self._from_match(head.head, day)
            if named is not None and named.ref.actor_id and named.ref.actor_id.startswith("person:"):
                named.ref.text = _phrase_text(head)
                return named
        for child in head.children:
            # "President Ruto": the name is a compound of the head or the head of the phrase.
            if child.dep_ in NAME_DEPS and child.i in self.by_token and child.i > head.i:
                return self._from_match(child, day, text_head=head)
        local = self._local_named(head) or next(
            # "Peru's foreign minister, Ana Ruiz": the title is the person the apposition names.
            (self._local_named(c) for c in head.children if c.dep_ == "appos" and self._local_named(c)),
            None,
        )
        if local is not None:
            return (
                self._person_ref(local, _phrase_text(head), day, certainty=0.75)
                if local.kind == "person"
                else (
                    Resolution(
                        ActorRef(_phrase_text(head), local.actor_id, local.name, local.country, local.sector), 0.75
                    )
                )
            )
        if lower in PRONOUNS and head.pos_ == "PRON":
            person = self._last_person_before(head.i, self._own_subject_people(head))
            if person:
                return self._person_ref(person, head.text, day, certainty=0.7)
            return None
        shortened = self._short_name_before(head) if head.pos_ == "PROPN" else None
        if shortened is not None:
            return shortened
        office, office_tokens = self._office_phrase(head)
        if office is None and lower in self.kb.counterpart_words and counterpart_office:
            office = counterpart_office
        if office:
            return self._from_office(head, office, office_tokens, day)
        titled = self._local_title(head, day)
        if titled is not None:
            return titled
        if MILITARY_MODEL.fullmatch(head.text):
            # "a Turkish F-16", "a Russian Su-24": a military aircraft, only with its country named.
            country, certainty = self._country_of_modifiers(head, day)
            if country is None or certainty < 0.9:
                return None
            return Resolution(self._country_ref(country, _phrase_text(head), "MIL"), certainty * 0.95)
        sector = self.group_sector(head)
        if sector:
            named = self._unknown_group(head, sector, day)
            if named is not None:
                return named
            country, certainty = self._country_of_modifiers(head, day)
            if country is None:
                body = self._body_in_front(head, day)
                if body is not None:
                    return body  # "EU member states", "AU troops": the organisation's
            if country is None:
                region = self._of_a_region(head)
                if region is not None:  # "Western governments": no one country's; "East African leaders": the EAC
                    igo = self.kb.actors.get(f"igo:{region}") if region else None
                    return _as_igo(igo, head) if igo is not None else None
            if country is None:
                earlier = self._back_reference(head, day)
                if earlier is not None:
                    return earlier
                country, certainty = self._country_where(head, sector, day)
            if country is None:
                country, certainty = self._same_group_before(head, day)
            from_elsewhere = head.lemma_.lower() in self.kb.from_elsewhere or head.lower_ in self.kb.from_elsewhere
            if country is None and sector in FOCUS_SECTORS and self.focus_at(head.i) and not from_elsewhere:
                # "Police arrested demonstrators" in a story about Kenya: Kenyan police.
                country, certainty = self.focus_at(head.i), 0.6
            if country is None:
                return None
            named = self._person_of_country(head, country, day) if certainty >= 1.0 else None
            if named is not None:
                return named
            ref = self._country_ref(country, _phrase_text(head), sector)
            return Resolution(ref, certainty * 0.95)
        earlier = self._back_reference(head, day) or self._the_country(head) or self._the_half(head)
        if earlier is not None:
            return earlier
        body = self._body_in_front(head, day)
        if body is not None:
            return body
        if head.ent_type_ in ("ORG", "PERSON") and head.pos_ == "PROPN" and not self.is_place_name(head):
            return self._unknown_named(head, day)
        return None

    def _body_in_front(self, head: Token, day: str | None) -> Resolution | None:
        """'the IAEA board', 'a UN agency', 'Hamas fighters', 'EU member states': a named organisation
        in front of the noun (or of its compound: "EU member states")."""
        for child in (
            t for left in head.lefts if left.dep_ in NAME_DEPS | {"nmod", "amod", "poss"} for t in left.subtree
        ):
            if child.dep_ in ("compound", "nmod", "amod", "poss") and child.i in self.by_token:
                _, surfaces = self.by_token[child.i]
                actor = self.kb.actors[surfaces[0].actor_id]
                if actor.kind in ("igo", "org"):
                    resolved = self._from_match(child, day)
                    if resolved is not None:
                        resolved.ref.text = _phrase_text(head)
                        return Resolution(resolved.ref, resolved.certainty * 0.9)
        return None

    def _short_name_before(self, head: Token) -> Resolution | None:
        """'the Security Council' after 'the UN Security Council', 'Amnesty' after 'Amnesty International':
        a shorter name of an organisation the document named in full before (not a national council)."""
        words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        short = " ".join([*(t.text for t in words), head.text])
        for start in sorted((i for i in self.by_token if i < head.i), reverse=True):
            span, surfaces = self.by_token[start]
            actor = self.kb.actors[surfaces[0].actor_id]
            if actor.kind not in ("igo", "org") or span.text == short:
                continue
            if span.text.endswith(" " + short) or span.text.startswith(short + " "):
                ref = ActorRef(_phrase_text(head), actor.actor_id, actor.name, actor.country, actor.sector)
                return Resolution(ref, 0.8)
        return None

    def _the_country(self, head: Token) -> Resolution | None:
        """'completed its withdrawal from the country': the country named last before it."""
        if head.lemma_.lower() != "country" or head.tag_ != "NN" or not _definite(head):
            return None
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in head.children):
            return None  # "the whole country", "the host country": not simply the one named before
        for index, actor in reversed(self.parties):
            if index < head.i and actor.kind == "country":
                return Resolution(self._country_ref(actor.country, _phrase_text(head), "GOV"), 0.7)
        return None

    def _the_half(self, head: Token) -> Resolution | None:
        """'Seoul said the North had fired two missiles': North Korea, in a story that names a Korea."""
        half = self.kb.divided_halves.get(head.text)
        if half is None or not _definite(head) or (head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS):
            return None
        country, story_names = half
        if not any(actor.country in story_names and actor.kind == "country" for _, actor in self.parties):
            return None
        return Resolution(self._country_ref(country, _phrase_text(head), "GOV"), 0.8)

    def is_place_name(self, head: Token) -> bool:
        """A place word's name ("the town of Ahmad Wal", "the district of Kurram") or a town the gazetteer
        knows ("struck Kharkiv"), whatever the tagger thought."""
        return self._named_by_place_word(head) or self._place_country(head) is not None

    def _named_by_place_word(self, head: Token) -> bool:
        while head.dep_ in ("compound", "flat") and head.head != head:
            head = head.head
        return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in self.kb.not_actors

    def resolve_place(self, head: Token, day: str | None) -> Resolution | None:
        """'the Ukrainian city of Kharkiv', 'Pakistan's airspace': the country a place belongs to.

        Only for events done *to a place* (attacks, seizures, deployments), where the place
        stands for its country's people (cities, villages) or state (territory, airspace).
        """
        if head.lower_ not in self.kb.not_actors and head.lemma_.lower() not in self.kb.not_actors:
            # "drones struck Rafah": a town the knowledge base does not know, by the gazetteer.
            country = self._place_country(head)
            return Resolution(self._country_ref(country, _phrase_text(head), "CVL"), 0.7) if country else None
        country, certainty = self._country_of_modifiers(head, day)
        if country is None:
            # "the city of Goma", "villages near Mosul", "a camp near the town of Goma"
            towns = [o for p in head.children if p.lower_ in PLACE_PREPS for o in p.children if o.dep_ == "pobj"]
            for town in towns:
                inner = self.resolve_place(town, day) if town.lemma_.lower() in POPULATED_PLACES else None
                country = self._place_country(town) or (inner.ref.country if inner else None)
                if country:
                    certainty = 0.8
                    break
        if country is None:
            return None
        sector = "CVL" if head.lemma_.lower() in POPULATED_PLACES else "GOV"
        return Resolution(self._country_ref(country, _phrase_text(head), sector), certainty * 0.85)

    def _place_country(self, token: Token) -> str | None:
        """The country of a town the knowledge base does not hold ("Kharkiv", "Goma"), by the gazetteer.

        Only a capitalised proper noun outside any knowledge-base match that the tagger calls a
        place, or leaves unlabelled, or calls a person when nothing else says it is one (the
        model tags "struck Kharkiv" PERSON): not a name this document gives a person in full
        ("Andrew Jackson ... Jackson"), not one with a title or first name in front.
        """
        if token.i in self.by_token or token.pos_ != "PROPN" or not token.text[:1].isupper():
            return None
        entity = self._entity(token)
        label = entity.label_ if entity is not None else None
        located = token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS
        if label == "PERSON" and len(entity) > 1 and located and entity.end - 1 == token.i:
            pass  # "killed 12 people in Khan Younis" (tagged PERSON): a name after "in" is a place's
        elif label is None or label == "PERSON":
            # Only a lone word that something is done to or in ("struck Kharkiv", "in Rafah").
            if (
                (label == "PERSON" and (len(entity) > 1 or token.text in self._surnames()))
                or token.dep_ not in ("dobj", "pobj", "conj")
                or token.is_upper
                or any(t.pos_ == "PROPN" for t in token.children if t.dep_ in ("compound", "flat"))
            ):
                return None
            entity = self.doc[token.i : token.i + 1]
        elif label not in PLACE_LABELS and not self._named_by_place_word(token):
            # "hit a block in Odesa" (tagged LANGUAGE), "shelled El Fasher" (ORG): a town misread, when
            # something is done to it or in it and the gazetteer knows it; never a company's name.
            misread = label in MISREAD_PLACE_LABELS and (token.dep_ == "dobj" or located)
            if not misread or entity[-1].lower_ in self.kb.org_suffixes or entity.root.i != token.i:
                return None
        tokens = [t for t in entity if t.pos_ != "DET" and t.tag_ != "POS"]
        if not tokens or any(t.i in self.by_token for t in tokens):
            return None
        name = self.doc[tokens[0].i : tokens[-1].i + 1].text
        if name in self.kb.surfaces or name.title() in self.kb.surfaces or name in self.kb.wider_places:
            return None  # "BRUSSELS" is the EU's seat, "the Red Sea" no state of Sudan, whatever a gazetteer says
        country = country_of_place(name)
        return country if country and f"country:{country}" in self.kb.actors else None

    def _surnames(self) -> set[str]:
        """The last words of the people this document names in full."""
        if self._person_last_words is None:
            self._person_last_words = {e[-1].text for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1}
        return self._person_last_words

    def remember(self, token_index: int, actor_id: str | None) -> None:
        """Record a person resolved from a title, so later pronouns and titles can find them."""
        actor = self.kb.actors.get(actor_id or "") or self.local.get(actor_id or "")
        if actor and actor.kind == "person":
            self.people.append((token_index, actor))
            self.people.sort(key=lambda pair: pair[0])
            self.parties.append((token_index, actor))

    # -- matches ------------------------------------------------------------------------
    def _plausible(self, span: Span, surfaces: list[Surface]) -> bool:
        kinds = {s.kind for s in surfaces}
        if kinds <= {"surname"}:
            # A surname alone must look like a name: "May" in a date is not Theresa May.
            # "Macron will travel", tagged a common noun, is still a name the recogniser saw.
            named = span.root.pos_ == "PROPN" or span.root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            root = span.root
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
                # "positions near Masisi": the town, not Botswana's former president ("confidence in
                # Erdogan" is the man: after "in" only a name the gazetteer knows as a town).
                if root.head.lower_ != "in" or country_of_place(span.text):
                    return False
            return named and span.root.text[:1].isupper() and span.root.ent_type_ not in ("DATE", "TIME", "CARDINAL")
        if kinds <= {"adjective"} and span.root.ent_type_ in ("PERSON",):
            # "John French" is a person; "Armenian and Azerbaijani diplomats", tagged PERSON alone, are not.
            entity = next((e for e in span.doc.ents if e.start <= span.start < e.end), None)
            alone = entity is not None and (entity.start, entity.end) == (span.start, span.end)
            return alone and span.root.dep_ in ("amod", "conj")
        return True

    def _from_match(self, token: Token, day: str | None, text_head: Token | None = None) -> Resolution | None:
        span, surfaces = self.by_token[token.i]
        text = _phrase_text(text_head or span.root, extra=span)
        kinds = {s.kind for s in surfaces}
        if kinds & {"person", "surname"}:
            person = self._pick_person(surfaces, day, token.i)
            if person:
                resolved = self._person_ref(person, text, day, certainty=1.0 if "person" in kinds else 0.9)
                if not any(r.active_on(day) for r in person.roles):
                    # "OAS Secretary General Luis Almagro" on a day the KB has no role for him: the title says.
                    titled = self._title_in_front(span, day)
                    if titled is not None:
                        resolved.ref.country, resolved.ref.sector = titled
                return resolved
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
                sector = self.group_sector(head) if text_head is not None else None
                if sector is None and surface.kind in ("demonym", "region"):
                    sector = "CVL"  # "Cubans took to the streets", "shelled Tigray": the people, not the state
                return Resolution(self._country_ref(actor.country, text, sector or "GOV"), 1.0)

        return None

    def _title_in_front(self, span: Span, day: str | None) -> tuple[str, str] | None:
        """(country, sector) of a title before a name that names its owner: 'OAS Secretary General', 'Peru's envoy'."""
        front = [
            t
            for c in span.root.lefts
            if c.i < span.start and c.dep_ in ("compound", "amod", "poss", "nmod")
            for t in c.subtree
            if t.i < span.start
        ]
        words = [t.lower_ for t in front if t.i not in self.by_token and t.pos_ not in ("DET", "PART", "PUNCT")]
        if not words or not set(words) & (TITLE_WORDS | PERSON_NOUNS):
            return None
        office = self._office_of_words(words)
        for token in front:
            if token.i not in self.by_token:
                continue
            actor = self.kb.actors[self.by_token[token.i][1][0].actor_id]
            if actor.kind in ("country", "igo"):
                sector = self.kb.office_sectors.get(office, "GOV") if office else "GOV"
                return actor.country, "IGO" if actor.kind == "igo" else ("GOV" if sector == "IGO" else sector)
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

    def _singular_subject_before(self, token: Token, skipped: set[int]) -> Token | None:
        """The nearest singular subject before `token`, in its sentence or the one before."""
        for candidate in words_before(token):
            if candidate.dep_ in ("nsubj", "nsubjpass") and candidate.i not in skipped and not _plural(candidate):
                if candidate.pos_ != "PRON":
                    return candidate
        return None

    def _last_body_before(self, index: int) -> Actor | None:
        """The last state, IGO or organisation named before `index` (what 'its' can point back to)."""
        for i, actor in reversed(self.parties):
            if i < index and actor.kind != "person" and actor.country:
                return actor
        return None

    def _last_person_before(self, index: int, exclude: set[str] = frozenset()) -> Actor | None:
        mentions = sorted(self.people + self.placeless_mentions, key=lambda pair: pair[0])
        before = [actor for i, actor in mentions if i < index and actor.actor_id not in exclude]
        return before[-1] if before else None

    def _own_subject_people(self, pronoun: Token) -> set[str]:
        """'General Kaliman urged him to resign': an object pronoun is not its own clause's subject."""
        if pronoun.lower_ not in ("him", "her"):
            return set()
        return self._subject_people(pronoun)

    def _subject_people(self, token: Token) -> set[str]:
        """The people named in the subject of the clause an object (not a subject) sits in."""
        span = self._subject_span(token)
        if span is None:
            return set()
        return {a.actor_id for i, a in self.people + self.placeless_mentions if span[0] <= i <= span[1]}

    def _subject_span(self, token: Token) -> tuple[int, int] | None:
        """(first, last) token index of the subject of the clause an object (not a subject) sits in."""
        if token.dep_ not in ("dobj", "dative", "pobj", "iobj"):
            return None
        subject = self._clause_subject(token)
        if subject is None:
            return None
        return subject.left_edge.i, subject.right_edge.i

    def _party_key(self, actor: Actor, day: str | None) -> str | None:
        if actor.kind == "person":
            return self.kb.country_of(actor, day)
        return actor.country if actor.kind in ("country", "igo") else actor.actor_id

    # -- titles and groups ----------------------------------------------------------------
    def _office_phrase(self, head: Token) -> tuple[str | None, set[int]]:
        """'foreign minister', 'army chief', 'Secretary of State', 'Chief of Army Staff' -> office key."""
        left = self._title_modifiers(head)
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

    def _title_modifiers(self, head: Token) -> list[Token]:
        """The words of a title before its head, nested ones too: 'foreign-policy chief' -> foreign, policy."""
        tokens: list[Token] = []
        for child in head.lefts:
            if child.dep_ in ("amod", "compound") and child.i not in self.by_token:
                tokens += [
                    t
                    for t in child.subtree
                    if t.i not in self.by_token
                    and t.pos_ not in ("PUNCT", "DET", "PART", "ADP", "CCONJ")
                    and t.dep_ in ("amod", "compound")
                ]
        return sorted(tokens, key=lambda t: t.i)

    def group_sector(self, head: Token) -> str | None:
        """The sector a group word gives ("rebels" REB, "a cargo ship" BUS), whether or not its country is known."""
        left = [t.lower_ for t in self._title_modifiers(head)]
        for start in range(len(left) + 1):
            phrase = " ".join(left[start:] + [head.lower_])
            if phrase in self.kb.group_sectors:
                return self.kb.group_sectors[phrase]
        for prep in head.children:  # "chief of staff": a group word with its own "of" phrase
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    phrase = f"{head.lower_} of {obj.lower_}"
                    if obj.dep_ == "pobj" and phrase in self.kb.group_sectors:
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
            country, certainty = self.focus_at(head.i), 0.6
        if country is None:
            return None
        person = self._local_holder(country, office, head.i) or self.kb.holder_in_family(country, office, day)
        if person:
            self.remember(head.i, person.actor_id)
            return self._person_ref(person, text, day, certainty=certainty, office=office)
        sector = self.kb.office_sectors.get(office, "GOV")
        if sector == "IGO" and f"country:{country}" in self.kb.actors:
            sector = "GOV"  # "India's high commissioner": a state's envoy, not the UN's
        return Resolution(self._country_ref(country, text, sector), certainty * 0.9, office=office)

    def _person_of_country(self, head: Token, country: str, day: str | None) -> Resolution | None:
        """'the Bolivian leader', 'the Chinese diplomat': the person of that country named last before."""
        if head.lemma_.lower() not in PERSON_NOUNS or head.tag_ != "NN" or not _definite(head):
            return None
        for index, person in reversed(self.people):
            if index < head.i and self.kb.country_of(person, day) == country:
                self.remember(head.i, person.actor_id)
                return self._person_ref(person, _phrase_text(head), day, certainty=0.75)
        return None

    def _same_group_before(self, head: Token, day: str | None) -> tuple[str | None, float]:
        """'EU leaders approved ... Zelensky urged the leaders': the same group named before with its country."""
        if not _definite(head) or any(c.dep_ in ("amod", "compound", "poss") for c in head.children):
            return None, 0.0
        lemma = head.lemma_.lower()
        for token in reversed(self.doc[: head.i]):
            if token.lemma_.lower() == lemma and token.pos_ == "NOUN":
                country, certainty = self._country_of_modifiers(token, day)
                if country is not None:
                    return country, certainty * 0.8
        return None, 0.0

    def _country_where(self, head: Token, sector: str, day: str | None) -> tuple[str | None, float]:
        """'police in Maputo', 'the government in Havana': a country's own people where they are.

        Not armed forces or diplomats, who are often abroad ("troops in Syria", "diplomats in Kabul").
        """
        if (
            sector in ("MIL", "REB")
            or head.lemma_.lower() in self.kb.posted_abroad
            or head.lower_ in (self.kb.posted_abroad)
        ):
            return None, 0.0
        places = [head]
        if sector in CIVILIAN_SECTORS:
            # "tens of thousands of people joined a rally in Seoul", "In Caracas, crowds marched":
            # civilians are where their clause happens, as objects too ("killed nine fishermen in Khan Younis").
            node = head
            while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "NUM"):
                node = node.head.head  # "thousands of people": the clause hangs on "thousands"
            if node.dep_ in ("nsubj", "nsubjpass", "dobj") and node.head.pos_ in ("VERB", "AUX"):
                places += [node.head] + [c for c in node.head.children if c.dep_ == "dobj"]
        for place in places:
            for prep in place.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.i in self.by_token:
                            surfaces = self.by_token[obj.i][1]
                            if {s.kind for s in surfaces} & {"name", "capital", "seat", "region"}:
                                country = self._country_in_match(obj, day)
                                if country and f"country:{country}" in self.kb.actors:
                                    return country, 0.8
                        elif obj.dep_ == "pobj" and self._place_country(obj):
                            return self._place_country(obj), 0.75  # "police in Goma"
        return None, 0.0

    def _back_reference(self, head: Token, day: str | None) -> Resolution | None:
        """'the council', 'the agency', 'the bloc': the organisation named last before this mention.

        Only definite mentions with no country of their own ("Kenya's parliament" is Kenya's);
        the organisation's name must hold the word, except for generic words ("the bloc").
        """
        lemma = head.lemma_.lower()
        kb = self.kb
        if lemma not in kb.back_references | kb.generic_back_references | kb.igo_back_references | (
            kb.business_back_references
        ):
            return None
        if head.pos_ != "NOUN" or not _definite(head) or head.tag_ in ("NNS", "NNPS"):
            return None
        if any(c.i in self.by_token for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod")):
            return None
        # "the transitional council", "the West African bloc": words the organisation's name must have too.
        modifiers = [
            t
            for c in head.lefts
            if c.dep_ in ("amod", "compound")
            for t in c.subtree
            if t.dep_ in ("amod", "compound") and t.pos_ in ("ADJ", "PROPN", "NOUN")
        ]
        named = lemma in kb.back_references
        needed = {c.lower_ for c in modifiers if named or c.text[:1].isupper()} | ({lemma} if named else set())
        for index, actor in reversed(self.parties):
            if index >= head.i or actor.kind not in ("igo", "org"):
                continue
            if lemma in kb.igo_back_references and actor.kind != "igo":
                continue
            if lemma in kb.business_back_references and (actor.kind != "org" or actor.sector != "BUS"):
                continue
            span = self.by_token.get(index, (None,))[0]
            words = set(re.split(r"[\s\-]+", f"{actor.name} {span.text if span is not None else ''}".lower()))
            if not needed <= words:
                continue
            role = actor.role_on(day)
            sector = role.sector if role else actor.sector
            ref = ActorRef(_phrase_text(head), actor.actor_id, actor.name, actor.country, sector)
            return Resolution(ref, 0.75)
        if lemma in kb.igo_back_references and needed:
            # "the West African bloc" before ECOWAS is named: the one organisation whose name says so.
            found = [
                a
                for a in kb.actors.values()
                if a.kind == "igo"
                and a.actor_id == f"igo:{a.country}"
                and needed <= set(re.split(r"[\s\-]+", a.name.lower()))
            ]
            if len(found) == 1:
                return _as_igo(found[0], head)
        return None

    def _country_of_modifiers(
        self, head: Token, day: str | None, skip: set[int] = frozenset(), depth: int = 0
    ) -> tuple[str | None, float]:
        """The country named by an adjective, compound, possessive or 'of' phrase on the head."""
        possessive = None
        children = list(head.children)
        # "Thai F-16 jets": the country may be told on the model's name, parsed as a modifier of it.
        children += [g for c in children if MILITARY_MODEL.fullmatch(c.text) for g in c.children]
        # "the Liberian-flagged ship": the country modifies "flagged".
        children += [g for c in children if c.lower_ in self.kb.ownership_words for g in c.children]
        for child in children:
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
                if subject is not None and subject.i == head.i and head.head.dep_ in ("ccomp", "conj", "advcl"):
                    # "Isaias ... said his government would send": his = the one who said it.
                    subject = self._clause_subject(head.head.head)
                if possessive.lower_ == "its" and subject is not None and _plural(subject):
                    # "Mexico broke off relations after Ecuadorian police stormed its embassy": not the
                    # police's own, but the state that was a subject before them.
                    subject = self._singular_subject_before(possessive, {t.i for t in subject.subtree})
                if subject is not None and subject.i != head.i and possessive.lower_ in ("his", "her", "its", "their"):
                    # "Maduro ... sending his transport minister": his = the clause's subject.
                    resolved = self.resolve(subject, day)
                    if resolved and resolved.ref.country:
                        return resolved.ref.country, resolved.certainty * 0.9
                person = self._last_person_before(possessive.i)
                if person and possessive.lower_ in ("his", "her"):
                    return self.kb.country_of(person, day), 0.8
                owner = self._last_body_before(possessive.i) if possessive.lower_ == "its" else None
                if owner is not None:
                    return owner.country, 0.75  # "ECOWAS, for its part, ... its Commission president"
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
                    elif obj.dep_ == "pobj" and depth == 0:
                        # "the office of the UN High Commissioner", "officials of the Pakistani Foreign Office"
                        country, certainty = self._country_of_modifiers(obj, day, depth=1)
                        if country:
                            return country, certainty * 0.9
        return None, 0.0

    def _clause_subject(self, token: Token) -> Token | None:
        """The subject of the clause a token sits in (following conjoined and participle clauses up)."""
        node = token
        for _ in range(8):
            if node.pos_ in ("VERB", "AUX"):
                subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[0]
                if node.dep_ == "acl" and node.tag_ in ("VBD", "VBZ", "VBP"):
                    # "The AU chairperson, Mahmoud Ali Youssouf, called on ...": a finite verb parsed as
                    # a clause on the noun before it; that noun is its subject.
                    return node.head
                if node.dep_ not in ("conj", "advcl", "xcomp", "acl"):
                    return None
            if node.head == node:
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
            sector = self.kb.org_suffixes.get(entity[-1].lower_) or self.group_sector(head) or "UNK"
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

    # -- actors described in this document ----------------------------------------------------
    def _scan_unknown(self, day: str | None) -> None:
        """Describe, once, the people and organisations of this document that the KB does not hold."""
        described: set[int] = set()
        for token in self.doc:
            if token.pos_ != "PROPN" or token.i in self.by_token or token.i in described:
                continue
            if token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN" and token.head.i > token.i:
                continue  # "Ana" in "Ana Ruiz": the head of the name speaks for it
            if not (token.n_lefts or token.dep_ == "appos" or token.ent_type_ == "ORG" or _has_appos(token)):
                continue  # a bare name: nothing around it says who it is
            found = self._describe_unknown(token, day)
            if found is not None:
                self._register_local(token, *found)
                described |= {t.i for t in found[0]}
        # Later mentions by surname or short name count as mentions, for pronouns and pairs.
        seen = {i for i, _ in self.parties}
        for token in self.doc if self.local_names else ():
            if token.pos_ == "PROPN" and token.i not in self.by_token and token.i not in seen:
                actor = self._local_named(token)
                if actor is not None and actor.actor_id in self.placeless:
                    self.placeless_mentions.append((token.i, actor))
                elif actor is not None:
                    self.parties.append((token.i, actor))
                    if actor.kind == "person":
                        self.people.append((token.i, actor))
        self.people.sort(key=lambda pair: pair[0])
        self.parties.sort(key=lambda pair: pair[0])
        self.placeless_mentions.sort(key=lambda pair: pair[0])

    def _describe_unknown(self, head: Token, day: str | None):
        """(name tokens, kind, country, sector, office, title) for an unknown named actor, or None."""
        names, titles = self._name_tokens(head)
        if not names:
            return None
        entity = self._entity(head)
        label = entity.label_ if entity is not None else None
        if label in NOT_NAME_LABELS:
            return None
        if label == "ORG" and entity.end - 1 == head.i:
            names = [t for t in entity if t.pos_ != "DET"]  # "Kenya Airways" is one name
        # 1. An apposition, either way round: "Ana Ruiz, Peru's energy minister" / "Peru's energy minister, Ana Ruiz".
        described_by = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            described_by.append(head.head)
        for noun in described_by:
            found = self._describe_by_noun(noun, label, day)
            if found is not None:
                return (names, *found)
        # 2. Titles in front of a name: "Energy Minister Carlos Vega", "Peruvian Defence Minister Jorge Paz".
        if titles and label in (None, "PERSON"):
            words = [t.lower_ for t in titles if t.i not in self.by_token]
            if set(words) & TITLE_WORDS:
                owners = [self._owner_country(t, day) for t in titles if t.i in self.by_token]
                country = next((c for c in owners if c), None)
                for token in [head, *titles]:
                    country = country or self._country_of_modifiers(token, day)[0]
                title = " ".join(words)
                office = self._office_of_words(words)
                sector = self.kb.office_sectors.get(office) if office else None
                sector = sector or ("MIL" if set(words) & MILITARY_TITLES else "GOV")
                # Without the country named, a guess would be stored and reused: the person is kept
                # for this document only (surname, title, pronouns), placed in the story's country.
                return names, "person", country, sector, office, title
        # 3. An organisation whose name or descriptor tells its sector: "Chilean miner Andes Copper Ltd".
        # Not "Mexico's Senate", "the Department of Foreign Affairs": institutions of a state stay the state's.
        name = " ".join(t.text for t in names)
        if label == "ORG" and self.kb.is_specific_name(name):
            sector = self.kb.org_suffixes.get(names[-1].lower_)
            inside = [t for t in names if t.i in self.by_token]
            country = self._country_in_match(inside[0], day) if inside else None
            for token in [head, *[c for c in head.children if c.dep_ in ("compound", "amod") and c.pos_ == "NOUN"]]:
                country = country or self._country_of_modifiers(token, day)[0]
                if token != head and not sector:
                    sector = self.group_sector(token)
            armed = self._armed_group_word(head)
            if armed:
                sector = armed  # "militants of the Sierra Liberation Front": an armed group, not a party
                country = country or self.focus_at(head.i)
            if sector or country:
                return names, "org", country, sector or "UNK", None, None
        return None

    def _armed_group_word(self, name: Token) -> str | None:
        """REB/CRM/MIL when the name stands with 'rebels', 'militants of', 'a rebel group' and the like."""
        nouns = [c for c in name.children if c.dep_ == "appos"]
        if name.dep_ == "compound":
            nouns.append(name.head)  # "Sierra Liberation Front rebels"
        if name.dep_ == "pobj" and name.head.lower_ in ("of", "from"):
            nouns.append(name.head.head)  # "militants of the Sierra Liberation Front"
        for noun in nouns:
            sector = self.group_sector(noun) if noun.pos_ == "NOUN" else None
            if sector in ("REB", "CRM", "MIL"):
                return sector
        return None

    def _describe_by_noun(self, noun: Token, label: str | None, day: str | None):
        """What an apposition says: (kind, country, sector, office, title) or None."""
        office, _ = self._office_phrase(noun)
        lemma = noun.lemma_.lower()
        saved = list(self.people), list(self.parties)
        resolved = self.resolve(noun, day)
        if resolved is None or resolved.certainty < DESCRIBED_CERTAINTY:
            # "the chief financial officer of Huawei", "the executive director of the World Food Programme"
            for prep in noun.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "to", "for"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and lemma in PERSON_NOUNS:
                            owner = self.resolve(obj, day)
                            if owner is not None and owner.ref.country and owner.certainty >= DESCRIBED_CERTAINTY:
                                resolved = owner
        self.people, self.parties = saved  # the office holder it names is not this document's person
        person = label == "PERSON" or lemma in PERSON_NOUNS or office is not None
        if resolved is not None and resolved.ref.actor_id and resolved.ref.actor_id.startswith("person:"):
            person = True
        if person and label != "ORG":
            title = " ".join(
                t.lower_ for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i not in self.by_token
            )
            title = f"{title} {noun.lower_}".strip()
            if resolved is None or resolved.certainty < DESCRIBED_CERTAINTY:
                return None  # "Ana Ruiz, the minister": the country would be a guess, stored and reused
            country, sector = resolved.ref.country, resolved.ref.sector
            if office and sector != "IGO" and self.kb.office_sectors.get(office) != "IGO":
                sector = self.kb.office_sectors.get(office, sector)
            if country is None or sector in (None, "UNK"):
                return None
            return "person", country, sector, office, title
        sector = self.group_sector(noun)
        country, _ = self._country_of_modifiers(noun, day)
        if sector and country and label != "PERSON":
            return "org", country, sector, None, None
        return None

    def _name_tokens(self, head: Token) -> tuple[list[Token], list[Token]]:
        """The tokens of the name a proper-noun head ends, and the title words in front of it.

        "Peruvian Defence Minister Jorge Paz" -> [Jorge, Paz], [Peruvian, Defence, Minister].
        """
        names = [head]
        lefts = [t for t in head.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
        for token in reversed(lefts):
            if token.i != names[0].i - 1 or token.lower_ in TITLE_WORDS or token.i in self.by_token:
                break
            names.insert(0, token)
        for token in head.rights:
            if token.dep_ == "flat" and token.pos_ == "PROPN" and token.i == names[-1].i + 1:
                names.append(token)
        if any(t.i in self.by_token for t in names):
            return [], []
        modifiers = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod", "poss") and t.i < names[0].i]
        if not modifiers:
            return names, []
        start = min(t.left_edge.i for t in modifiers)
        titles = [t for t in self.doc[start : names[0].i] if t.pos_ not in ("DET", "PART", "PUNCT", "ADP", "CCONJ")]
        return names, titles

    def _owner_country(self, token: Token, day: str | None) -> str | None:
        """The country of a matched name, organisations included ("State Department spokesman")."""
        country = self._country_in_match(token, day)
        if country is None:
            actor = self.kb.actors[self.by_token[token.i][1][0].actor_id]
            country = actor.country if actor.kind == "org" else None
        return country

    def _office_of_words(self, words: list[str]) -> str | None:
        for start in range(len(words)):
            office = self.kb.office_of(" ".join(words[start:]))
            if office:
                return office
        return None

    def _register_local(
        self,
        head: Token,
        names: list[Token],
        kind: str,
        country: str | None,
        sector: str,
        office: str | None,
        title: str | None,
    ) -> None:
        name = self.doc[names[0].i : names[-1].i + 1].text
        if name.lower().startswith("the "):
            name = name[4:]
        actor_id = f"{kind}:{_slug(name)}"
        if title and FORMER_WORDS & set(title.split()):
            sector, office = "OPP", None  # "former president Jorge Glas": no longer the state
        actor = self.kb.actors.get(actor_id) or self.local.get(actor_id) or self.placeless.get(actor_id)
        if actor is None:
            roles = []
            if kind == "person" and country:
                roles = [Role(office or "other", country, sector, None, None, title)]
            actor = Actor(actor_id, kind, name, country, sector, roles)
            if country is None:
                self.placeless[actor_id] = actor
            else:
                self.local[actor_id] = actor
        self.local_names.setdefault(name, actor)
        if kind == "person" and len(names) > 1:
            self.local_names.setdefault(names[-1].text, actor)  # the surname
        if kind == "org" and len(names) > 1 and names[-1].lower_ in COMPANY_FORMS:
            self.local_names.setdefault(self.doc[names[0].i : names[-1].i].text, actor)  # "Andes Copper"
        if actor.actor_id in self.placeless:
            self.placeless_mentions.append((head.i, actor))
            if title:
                self.local_titles.append((head.i, title, actor))
            return
        self.parties.append((head.i, actor))
        if kind == "person":
            self.people.append((head.i, actor))
            if title:
                self.local_titles.append((head.i, title, actor))

    def _local_named(self, head: Token) -> Actor | None:
        """An actor described earlier in this document that a proper noun names again ("Ruiz")."""
        if head.pos_ != "PROPN" or not self.local_names:
            return None
        names, _ = self._name_tokens(head)
        texts = [self.doc[names[0].i : names[-1].i + 1].text] if names else []
        entity = self._entity(head)
        if entity is not None and entity.label_ in ("ORG", "PERSON"):
            texts.insert(0, entity.text[4:] if entity.text.lower().startswith("the ") else entity.text)
        for text in [*texts, head.text]:
            if text in self.local_names:
                return self.local_names[text]
        return None

    def _entity(self, token: Token) -> Span | None:
        if not token.ent_type_:
            return None
        if self._entities is None:
            self._entities = {i: e for e in self.doc.ents for i in range(e.start, e.end)}
        return self._entities.get(token.i)

    def _local_title(self, head: Token, day: str | None) -> Resolution | None:
        """'the energy minister', 'the minister': a person this document gave that title to."""
        if not self.local_titles or head.pos_ not in ("NOUN", "PROPN") or head.lower_ not in PERSON_NOUNS:
            return None
        words = [t.lower_ for t in head.lefts if t.dep_ in ("amod", "compound") and t.i not in self.by_token]
        phrase = " ".join(words + [head.lower_])
        country, _ = self._country_of_modifiers(head, day)
        owners = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.by_token]
        if owners and country is None:
            # "a U.S. State Department spokeswoman": an owner named, so not the spokeswoman of another.
            country = next((c for c in (self._owner_country(o, day) for o in owners) if c), None)
            if country is None:
                return None
        for index, title, person in reversed(self.local_titles):
            if index >= head.i or (country and person.country != country):
                continue
            if title == phrase or (not words and title.split()[-1] == head.lower_):
                self.remember(head.i, person.actor_id)
                return self._person_ref(person, _phrase_text(head), day, certainty=0.7)
        return None

    def _local_holder(self, country: str, office: str, index: int) -> Actor | None:
        """A person this document named as holding `office` in `country` ("Jane Doe, Peru's foreign minister")."""
        for i, _, person in reversed(self.local_titles):
            role = person.roles[0] if person.roles else None
            if i < index and role and role.office == office and role.country == country:
                return person
        return None

    def _unknown_group(self, head: Token, sector: str, day: str | None) -> Resolution | None:
        """'Sierra Liberation Front rebels', 'militants of the Sierra Liberation Front': the named group."""
        candidates = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                candidates += [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        for token in candidates:
            # "the ELN rebel group", "Hamas fighters": an organisation of the knowledge base.
            if token.i in self.by_token and self.kb.actors[self.by_token[token.i][1][0].actor_id].kind == "org":
                resolved = self._from_match(token, day)
                if resolved is not None:
                    resolved.ref.text = _phrase_text(head)
                    if resolved.ref.sector == "GOV" and sector in ("MIL", "REB"):
                        resolved.ref.sector = "MIL"  # "Jubaland fighters", "Taliban troops" in power: its forces
                    return Resolution(resolved.ref, resolved.certainty * 0.9)
        if sector not in NAMED_GROUP_SECTORS:
            return None  # "Argentina's lower house of Congress", "Galmudug state": the state's own
        for token in candidates:
            if token.i in self.by_token or token.ent_type_ != "ORG":
                continue
            local = self._local_named(token)
            if local is not None and local.sector not in ("REB", "CRM") and sector in ("REB", "CRM"):
                local = None  # described from the group word below
            if local is not None:
                return Resolution(
                    ActorRef(_phrase_text(head), local.actor_id, local.name, local.country, local.sector), 0.75
                )
            entity = self._entity(token)
            name = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
            if not self.kb.is_specific_name(name):
                continue
            org_sector = self.kb.org_suffixes.get(entity[-1].lower_)
            if org_sector not in ("BUS", "MED", "EDU", "NGO"):
                org_sector = sector  # "Front rebels": the group word says what kind of group it is
            country, certainty = self._country_of_modifiers(head, day)
            if country is None and org_sector in FOCUS_SECTORS:
                country, certainty = self.focus_at(head.i), 0.6
            actor = Actor(f"org:{_slug(name)}", "org", name, country, org_sector)
            self.local[actor.actor_id] = actor
            self.local_names[name] = actor
            ref = ActorRef(_phrase_text(head), actor.actor_id, name, country, org_sector)
            return Resolution(ref, 0.7 * (certainty or 1.0))
        return None

    # -- pairs ---------------------------------------------------------------------------------
    def resolve_pair(self, head: Token, day: str | None) -> tuple[Resolution, Resolution] | None:
        """'the two countries', 'both sides', 'the two leaders', 'the neighbours': the pair named last.

        Returns the two actors in the order the document first named them, or None when the
        phrase is not a pair phrase or the document has not named two such actors before it.
        Countries, nations, neighbours, armies: the last two countries (or IGOs) named, a
        person counting for their country. Sides and parties: the same, organisations
        included. Leaders, presidents, ministers: the last two people named.
        """
        lemma = head.lemma_.lower()
        words = {c.lower_ for c in head.children if c.dep_ in ("nummod", "det", "predet", "quantmod", "amod")}
        plural = head.tag_ in ("NNS", "NNPS") or head.lower_ != lemma
        if plural:
            named = self._pair_in_modifiers(head, day)
            if named is not None:
                return named
        if not plural or not (words & PAIR_WORDS or (lemma in ("neighbour", "neighbor") and "the" in words)):
            return None
        if lemma in PAIR_PERSON_NOUNS or (lemma == "minister" and "foreign" in words):
            return self._pair_of_people(head, day)
        if lemma in PAIR_COUNTRY_NOUNS:
            return self._pair_of_parties(head, day, PAIR_COUNTRY_NOUNS[lemma], with_orgs=False)
        if lemma in PAIR_SIDE_NOUNS:
            return self._pair_of_parties(head, day, None, with_orgs=True)
        return None

    def _of_a_region(self, head: Token) -> str | None:
        """'East African leaders', 'Western governments', 'Gulf Arab states': a group of a region. Returns
        the region's organisation's code, "" for a region without one, None for no region."""
        for child in head.lefts:
            if child.dep_ in ("amod", "compound", "nmod"):
                phrase = head.doc[child.left_edge.i : child.i + 1].text
                if phrase.lower() in self.kb.regional_words:
                    return self.kb.regional_words[phrase.lower()] or ""
                if phrase in self.kb.wider_places:
                    return ""
        return None

    def _pair_in_modifiers(self, head: Token, day: str | None) -> tuple[Resolution, Resolution] | None:
        """'Indian and Chinese troops', 'Israeli and Hamas negotiators', 'the presidents of Rwanda and Congo':
        a group of two parties' people."""
        sector = self.group_sector(head) or ("GOV" if head.lemma_.lower() in PAIR_PERSON_NOUNS else None)
        if sector is None:
            return None
        named = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod")]
        named += [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        for first in named:
            if first.i not in self.by_token:
                continue
            second = next((c for c in first.children if c.dep_ == "conj" and c.i in self.by_token), None)
            pair = [self._from_match(t, day) for t in (first, second)] if second is not None else []
            if len(pair) == 2 and all(pair) and pair[0].ref.country != pair[1].ref.country:
                text = _phrase_text(head)
                return tuple(  # type: ignore[return-value]
                    Resolution(self._country_ref(r.ref.country, text, sector), r.certainty * 0.9)
                    if r.ref.actor_id == f"country:{r.ref.country}"
                    else r
                    for r in pair
                )
        return None

    def _pair_of_people(self, head: Token, day: str | None) -> tuple[Resolution, Resolution] | None:
        start = head.left_edge.i
        chosen: list[tuple[int, Actor]] = []
        # "Lourenço mediated between the two ministers": the subject is not one of the pair.
        exclude = self._subject_people(head)
        for index, person in reversed(self.people):
            if index < start and person.actor_id not in {p.actor_id for _, p in chosen} | exclude:
                chosen.append((index, person))
            if len(chosen) == 2:
                break
        if len(chosen) < 2:
            return self._pair_of_parties(head, day, "GOV", with_orgs=False)
        text = _phrase_text(head)
        first, second = sorted(chosen, key=lambda pair: self._first_mention(pair[1]))
        return self._person_ref(first[1], text, day, 0.75), self._person_ref(second[1], text, day, 0.75)

    def _pair_of_parties(
        self, head: Token, day: str | None, sector: str | None, with_orgs: bool
    ) -> tuple[Resolution, Resolution] | None:
        start = head.left_edge.i
        chosen: dict[str, tuple[int, Resolution]] = {}
        text = _phrase_text(head)
        # "Guterres urged both sides": the one who urges is not a side.
        excluded = self._subject_span(head)
        subject_keys = (
            {self._party_key(a, day) for i, a in self.parties if excluded[0] <= i <= excluded[1]} if excluded else set()
        )
        for index, actor in reversed(self.parties):
            if index >= start or (excluded and excluded[0] <= index <= excluded[1]):
                continue
            if actor.kind == "country" and _where_or_what(head.doc[index]):
                continue  # "hosted the two leaders in Ankara", "under the Ankara Declaration": no party
            if actor.kind in ("country", "igo"):
                key = actor.country
                ref = self._country_ref(actor.country, text, sector or "GOV")
            elif actor.kind == "person":
                key = self.kb.country_of(actor, day)
                if key is None:
                    continue
                ref = self._country_ref(key, text, sector or self.kb.sector_of(actor, day))
            elif with_orgs:
                role = actor.role_on(day)
                key = actor.actor_id
                ref = ActorRef(text, actor.actor_id, actor.name, actor.country, role.sector if role else actor.sector)
            else:
                continue
            if key and key not in chosen and key not in subject_keys:  # "Kenya ... urged both countries"
                chosen[key] = (index, Resolution(ref, 0.75))
            if len(chosen) == 2:
                break
        if len(chosen) < 2:
            return None
        keys = sorted(chosen, key=lambda k: self._first_index(k, day))
        return chosen[keys[0]][1], chosen[keys[1]][1]

    def _first_mention(self, actor: Actor) -> int:
        return min((i for i, a in self.parties if a.actor_id == actor.actor_id), default=0)

    def _first_index(self, key: str, day: str | None) -> int:
        for index, actor in self.parties:
            if actor.country == key or actor.actor_id == key:
                return index
            if actor.kind == "person" and self.kb.country_of(actor, day) == key:
                return index
        return 0

    # -- refs -----------------------------------------------------------------------------
    def _person_ref(
        self, person: Actor, text: str, day: str | None, certainty: float, office: str | None = None
    ) -> Resolution:
        if person.actor_id in self.placeless:
            # Only the story's country is known: a guess, not an actor to store.
            ref = ActorRef(text, None, person.name, self.focus_country, person.sector)
            return Resolution(ref, min(certainty, 0.5), office=office)
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


def _where_or_what(token: Token) -> bool:
    """A country's name used as a place ('in Ankara') or as a name of a thing ('the Ankara Declaration')."""
    if token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "near", "inside", "outside"):
        return True
    return token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.ent_type_ not in ("PERSON", "GPE")


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _has_appos(token: Token) -> bool:
    return any(child.dep_ == "appos" for child in token.rights)


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


def _plural(token: Token) -> bool:
    """A plural noun phrase ('police', 'troops', 'the two countries'), which 'its' cannot stand for."""
    if token.ent_type_ in ("GPE", "ORG", "NORP") and token.tag_ == "NNPS":
        return False  # "the United Arab Emirates", "the Philippines": one state
    return token.tag_ in ("NNS", "NNPS") or token.lemma_.lower() in PLURAL_COLLECTIVES


def _as_igo(igo: Actor, head: Token) -> Resolution:
    """The phrase at `head` as an organisation it does not name ("the West African bloc", "East African leaders")."""
    return Resolution(ActorRef(_phrase_text(head), igo.actor_id, igo.name, igo.country, "IGO"), 0.7)


def words_before(pronoun: Token) -> list[Token]:
    """Where a pronoun's antecedent may be: its sentence up to it, then the sentence before, nearest first."""
    sent = pronoun.sent
    previous = list(pronoun.doc[sent.start - 1].sent) if sent.start > 0 else []
    return list(reversed(previous + list(pronoun.doc[sent.start : pronoun.i])))
