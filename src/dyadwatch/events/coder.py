"""Code PLOVER events from a parsed document: trigger, source, target, modality and date.

The coder walks each sentence's dependency parse. A trigger is a verb, a verb with a
particle or a specific object, an event noun, or a light verb with an event noun
("held talks"); all of them come from the lexicon data file. Source and target are the
trigger's arguments (subject, agent of a passive, object, prepositional object, the
possessor of an event noun), resolved to actors in context. A sentence with no trigger
whose arguments are political actors yields no event.

Beyond the lexicon, a few readings of reported speech make triggers of their own (data in
coding_rules.yaml): a saying whose content judges someone's act ("said Japan's move was
retaliatory": ACCUSE) or demands ("said X should": REQUEST), a response promised ("would
respond with measures": THREATEN), a court's adverse ruling (SANCTION). When no argument slot
gives the other side, an actor named inside the event's own phrase is taken (lower confidence).
One predication gives one event: conjoined doers or targets are coded once, first conjunct.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.kb import KnowledgeBase
from dyadwatch.actors.places import country_of_place
from dyadwatch.actors.resolver import (
    DESCRIBED_CERTAINTY,
    PLACE_LABELS,
    ActorMatcher,
    DocumentActors,
    Resolution,
    words_before,
)
from dyadwatch.events.dates import anaphoric_step, resolve_event_date, step_from
from dyadwatch.events.lexicon import DEFAULT_TARGET_PREPS, PLACE, Lexicon, Trigger
from dyadwatch.events.modality import CodingRules, ModalityWords, is_hypothetical, is_negated, load_rules
from dyadwatch.events.ontology import Ontology
from dyadwatch.nlp import sentence_span
from dyadwatch.records import ActorRef, Document, Event, record_id

# Types that are complete without a target ("troops were deployed", "thousands protested").
TARGETLESS_TYPES = {"PROTEST", "MOBILIZE"}
# An attack with a clear doer is an event even when its victims are not an actor we know
# ("police fired tear gas at the crowds", docs/annotation.md); its passive subject is still the victim.
VICTIMLESS_TYPES = {"ASSAULT"}
# Acts whose doer is whoever ordered them done ("ordered the US to close its consulate"); a release or a
# withdrawal someone is forced into stays the doer's own.
ORDERED_TYPES = {"SANCTION", "COERCE"}
# Uses of force ordered are the force's own act, whoever is told: never a demand made of them.
FORCE_TYPES = {"ASSAULT", "MOBILIZE"}
# Doers whose "strike on" somewhere is an attack whatever its modifiers say ("a two-day strike on rebel camps").
ARMED_SECTORS = {"MIL"}
# Groups a later "them" may stand for: people in the street, not states or armies.
PLURAL_ANTECEDENT_SECTORS = {"CVL", "OPP", "POL", "BUS", "REL", "EDU", "MED", "NGO"}
# ... and some modes: a curfew or state of emergency over everyone, a leader resigning.
TARGETLESS_MODES = {("COERCE", "curfew"), ("COERCE", "martial_law"), ("RETREAT", "resign")}

# Event types whose complement clause is their content, not a separate event:
# "agreed to withdraw" is AGREE, "threatened to impose sanctions" is THREATEN.
# A protest's purpose clause ("marched to demand ...") is part of the protest, too.
SPEECH_ACT_TYPES = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "CONCEDE", "PROTEST"}

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Types whose target is the subject of their "that" clause: "demanded that the EU reconnect ...".
CONTENT_SUBJECT_TYPES = {"REQUEST", "THREATEN", "ACCUSE"}
# How many sentences back "condemned the sanctions" looks for the sanctions it judges.
TOLD_BEFORE_SENTENCES = 3
GERUND_TIME_PREPS = ("after", "before", "since", "while", "by", "without", "despite")
# Subordinators of time: a clause they open tells an act of its own, not another act's content.
TIME_MARKS = {"after", "before", "when", "since", "while", "once", "as"}
# "a series of talks", "a round of strikes": the event noun's doer is the governing verb's subject.
SERIES_NOUNS = {"series", "round", "wave", "spate", "string", "number", "set", "batch", "flurry", "volley"}
# Prepositions whose object may belong to the target ("agreed to London's requests").
OWNER_PREPS = ("to", "for", "over", "about", "against", "on", "with", "into", "toward", "towards", "of")
# Definite nouns that refer back to an organisation named earlier: "the council", "the bloc".

BACK_REFERENCES = {
    "council",
    "bloc",
    "alliance",
    "organisation",
    "organization",
    "body",
    "agency",
    "fund",
    "court",
    "union",
    "commission",
    "mission",
    "group",
    "movement",
    "board",
    "watchdog",
    "tribunal",
    "bank",
    "forum",
    "league",
    "party",
    "militia",
    "rebels",
    "force",
}
# Of these, the ones that can mean any organisation (the others must be in its name).
GENERIC_BACK_REFERENCES = {"bloc", "alliance", "organisation", "organization", "body", "watchdog", "group", "movement"}
# Number words that head a group: "thousands of protesters".

QUANTITY_HEADS = {
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "score",
    "scores",
    "million",
    "millions",
    "ten",
    "tens",
    "some",
    "many",
    "several",
    "most",
    "all",
    "group",
    "crowd",
    "crowds",
    "number",
    "majority",
    "handful",
    "members",
    "member",
    "contingent",
    "unit",
    "units",
    "team",
}
# Clauses inside an event's phrase that tell of something else ("an outcome that let India ...").
OTHER_CLAUSE_DEPS = ("relcl", "ccomp", "parataxis", "acl", "advcl", "csubj")
MODIFIER_DEPS = ("compound", "amod")
# A target found by proximity, not by an argument slot, is less certain.
GUESSED_TARGET_WEIGHT = 0.8
# Types whose target can be the place acted on: "struck sites in Pakistan" targets Pakistan.
LOCATED_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
PARTICLE_DEPS = ("prt", "prep", "advmod", "dative")


@dataclass
class Found:
    """A trigger found in a sentence, before its arguments are resolved."""

    verb: Token  # the clause's verb (the light verb for "held talks"; the noun itself for nominal events)
    noun: Token | None  # the event noun, when the event is nominal
    entry: Trigger
    kind: str  # verb | light | noun
    reported: bool = False  # a saying verb whose content condemns someone ("said Japan's move was retaliatory")


class EventCoder:
    """Everything needed to code a document, built once per process."""

    def __init__(
        self, kb: KnowledgeBase, matcher: ActorMatcher, lexicon: Lexicon, ontology: Ontology, words: ModalityWords
    ):
        self.kb = kb
        # "EEAS" -> "EU": an organisation's organs are one side with it.
        self.organ_of = {organ: family for family, organs in kb.organs.items() for organ in organs}
        self._earlier: list[Event] = []  # the events of the document being coded, so far
        self.matcher = matcher
        self.lexicon = lexicon
        self.ontology = ontology
        self.words = words
        self.rules: CodingRules = load_rules()

    def code(self, doc: Doc, document: Document, actors: DocumentActors | None = None) -> list[Event]:
        """actors: the document's actors when the caller has them (a copy: resolving adds to them)."""
        if actors is None:
            actors = DocumentActors(self.kb, self.matcher, doc, document.published)
        events: list[Event] = []
        self._earlier = events  # what the document has told so far: "condemned the sanctions" are those
        seen: set[tuple] = set()
        for sent in doc.sents:
            for event in self._code_sentence(sent, actors, document):
                key = (
                    event.start,
                    event.event_type,
                    event.source.actor_id,
                    event.source.sector,
                    event.target.actor_id if event.target else None,
                )
                if key not in seen:
                    seen.add(key)
                    events.append(event)
        # "fired water cannon at a Philippine boat, injuring four": the second verb, with no victim
        # of its own, tells the same attack; a targetless event beside a targeted one is dropped.
        targeted = {(e.start, e.event_type, e.source.actor_id) for e in events if e.target is not None}
        return [e for e in events if e.target is not None or (e.start, e.event_type, e.source.actor_id) not in targeted]

    # -- triggers ---------------------------------------------------------------------------
    def find_triggers(self, sent: Span) -> list[Found]:
        found: list[Found] = []
        claimed_nouns: set[int] = set()
        for token in sent:
            if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                found.extend(self._verb_triggers(token, claimed_nouns))
        triggered = {f.verb.i for f in found}
        for token in sent:
            if token.i not in triggered and self._adverse_ruling(token):
                # "the tribunal ruled that China had no legal basis", "the panel found that the duties broke
                # trade rules": a court or panel finds against a party (SANCTION convict).
                entry = Trigger(token.lemma_, "VERB", "SANCTION", "convict", ("legal",), DEFAULT_TARGET_PREPS)
                found.append(Found(token, None, entry, "verb", reported=True))
                triggered.add(token.i)
        for token in sent:
            if token.i not in triggered and self._promised_response(token):
                # "Moscow would respond with measures of its own against the bloc": a threat.
                entry = Trigger(token.lemma_, "VERB", "THREATEN", None, (), ("against", "to", "on", "with"))
                found.append(Found(token, None, entry, "verb"))
                triggered.add(token.i)
        for token in sent:
            if token.i not in triggered and token.lemma_.lower() in self.words.speech_verbs and self._demands(token):
                # "told him the violence must be stopped", "adding that the Taliban must stop building":
                # a demand in reported speech (README, claims: "said Japan should ..." is an event).
                entry = Trigger(token.lemma_, "VERB", "REQUEST", None, (), DEFAULT_TARGET_PREPS)
                found.append(Found(token, None, entry, "verb", reported=True))
                triggered.add(token.i)
                continue
            if token.i not in triggered and token.lemma_.lower() in self.words.speech_verbs and self._warns(token):
                # "said Lai would be punished if he continued to provoke": a threat in reported speech.
                entry = Trigger(token.lemma_, "VERB", "THREATEN", None, (), DEFAULT_TARGET_PREPS)
                found.append(Found(token, None, entry, "verb", reported=True))
                triggered.add(token.i)
                continue
            if token.i not in triggered and token.lemma_.lower() in self.words.speech_verbs and self._condemns(token):
                judged = self._judged_claim(token)
                if judged is not None and judged.lemma_.lower() in self.rules.claim_nouns:
                    # "Pakistan's allegation ... is baseless," the spokesman said: a rejection.
                    entry = Trigger(token.lemma_, "VERB", "REJECT", None, (), DEFAULT_TARGET_PREPS)
                else:
                    entry = Trigger(token.lemma_, "VERB", "ACCUSE", "disapprove", (), DEFAULT_TARGET_PREPS)
                found.append(Found(token, None, entry, "verb", reported=True))
        for token in sent:
            if token.i in claimed_nouns or token.pos_ not in ("NOUN", "PROPN"):
                continue
            if token.ent_type_ and token.ent_type_ not in ("EVENT",):
                continue  # "March" the month, "Strike Group" the name: not event nouns

            entry = self._noun_entry(token)
            carrier = token.head if token.dep_ == "compound" else None
            if carrier is not None and carrier.lemma_.lower() in self.rules.carrier_nouns:
                # "relief flights to Tonga", "credit lines to Sri Lanka": the carrier holds the arguments.
                if entry and carrier.i not in claimed_nouns and not self._governed_by_trigger(carrier, found):
                    found.append(Found(carrier, carrier, entry, "noun"))
                continue
            if entry and not self._governed_by_trigger(token, found):
                found.append(Found(token, token, entry, "noun"))
        for token in sent:
            # "rejected the protest that Pakistan lodged", "rebuffed appeals from West African leaders":
            # the object is an event of its own, done by someone other than the verb's subject.
            if token.i not in claimed_nouns and not any(f.noun == token for f in found) and token.dep_ != "dobj":
                continue
            if any(f.noun == token and f.kind == "noun" for f in found) or token.pos_ not in ("NOUN", "PROPN"):
                continue
            entry = self._noun_entry(token)
            if entry and _own_doer(token):
                found.append(Found(token, token, entry, "noun"))
        return [self._commanded(f, found) for f in found]

    def _commanded(self, item: Found, found: list[Found]) -> Found:
        """'ordered Israel to halt its offensive', 'told Israel to allow investigators in': a demand made of
        the one told (REQUEST, as 'urged Israel to halt'), not the act told. Sanctions and coercion ordered
        of one's own officials stay the orderer's act ('ordered the US to close its consulate')."""
        verb = item.verb
        if item.kind != "verb" or verb.dep_ != "xcomp" or item.entry.event_type in ORDERED_TYPES | FORCE_TYPES:
            return item  # "ordered the IDF to strike", "directed the Pentagon to send troops": the force is used
        head = verb.head
        if head.lemma_.lower() not in self.rules.commanding_verbs or any(f.verb == head for f in found):
            return item
        told = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i]
        if not told or any(_own_body(t, self.rules.own_body_words) for t in told):
            return item  # "Putin ordered his government to lift a ban": his own act (CONCEDE), done through it
        return Found(head, None, Trigger(head.lemma_, "VERB", "REQUEST", None, (), DEFAULT_TARGET_PREPS), "verb")

    def _verb_triggers(self, token: Token, claimed_nouns: set[int]) -> list[Found]:
        lemma = token.lemma_.lower()
        if lemma in self.rules.attempt_verbs and any(c.dep_ == "xcomp" for c in token.children):
            return []  # "never sought to violate Somalia's sovereignty": an attempt, not a request
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd")]
        if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
            objects.append(token.head)  # "a protest lodged by India"
        for clause in (c for c in token.children if c.dep_ == "ccomp" and _infinitive(c)):
            objects += [c for c in clause.children if c.dep_ == "nsubj"]  # "allowed 200 trucks to enter"
        first_object = (  # only asked for verbs whose particle must come first
            min((c.i for c in token.children if c.dep_ == "dobj"), default=len(token.doc))
            if lemma in self.rules.particle_first
            else len(token.doc)
        )
        particles = {
            c.lemma_.lower()
            for c in token.children
            if c.dep_ in PARTICLE_DEPS
            and not _dates_only(c)
            and not _set_off(c)
            # "called the strike on a boat a murder" is no "call on": that particle comes before the object
            and not (c.dep_ == "prep" and c.i > first_object)
        }
        if token.dep_ == "conj" and any(o.lower_ in ("it", "them") for o in objects):
            # "shut the crossings in 2023 and reopened them in 2024": the pronoun is the first verb's object
            objects += [c for c in token.head.children if c.dep_ == "dobj"]
        # the word as written too: "closed the Torkham crossing" (tagged a verb, lemma "cross")
        object_lemmas = {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}
        if lemma in self.lexicon.place_verbs and any(_named_place(o) for o in objects):
            object_lemmas.add(PLACE)  # "Russian drones hit Odesa"
        particle_objects = {o.lemma_.lower() for c in token.children if c.dep_ == "prep" for o in c.children}
        entry = self.lexicon.verb(lemma, particles, object_lemmas, particle_objects)
        if entry is not None and entry.event_type == "CONSULT" and lemma == "call" and _characterises(token):
            entry = None  # "called Russia's behaviour reckless": a description, not a phone call
        if entry is None and lemma in self.rules.characterising_verbs:
            judged = self._judgement(token)
            if judged is not None:
                return [Found(token, None, judged, "verb")]
        specific = entry is not None and (entry.particle or entry.objects)
        if not specific and lemma in self.lexicon.light:
            results = []
            for obj in objects:
                amount = False
                if obj.lemma_.lower() in self.rules.container_nouns:  # "adopted a package of sanctions"
                    held = [o for p in obj.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
                    obj = held[0] if held else obj
                elif obj.ent_type_ in ("MONEY", "QUANTITY") or obj.pos_ == "NUM":
                    # "extended $3.8 billion in credit lines", "sent 120 tonnes of food": what the amount is of.
                    held = [o for p in obj.children if p.lower_ in ("in", "of") for o in p.children if o.dep_ == "pobj"]
                    obj, amount = (held[0], True) if held else (obj, False)
                for noun in [obj] + [c for c in obj.children if c.dep_ == "conj"]:
                    noun_entry = self._noun_entry(noun) or self._carried_entry(noun)
                    if amount and noun_entry and results and noun_entry.event_type != results[0].entry.event_type:
                        continue  # "$3.8 billion in credit lines and currency swaps": one amount, one act
                    if noun_entry:
                        claimed_nouns.add(noun.i)
                        results.append(Found(token, noun, noun_entry, "light"))
                if results:
                    return results
        if self._crowd_act(token) and (entry is None or lemma in dict(self.rules.sector_only)):
            # "protesters gathered outside the prefecture", "demonstrators threw stones at police": the
            # crowd makes it a protest (the trigger is the crowd's word, so "gather" stays MIL's otherwise).
            mode, preps = ("riot", ("against", "at")) if lemma in self.rules.riot_verbs else ("demo", ("against",))
            return [Found(token, None, Trigger("protester", "VERB", "PROTEST", mode, (), preps), "verb")]
        if entry is None:
            return []
        for obj in objects:
            if obj.lemma_.lower() in self.lexicon.nouns:
                claimed_nouns.add(obj.i)  # "signed an agreement": one AGREE, not two
        return [Found(token, None, entry, "verb")]

    def _crowd_act(self, verb: Token) -> bool:
        """A crowd verb whose subject is protesters ('thousands of demonstrators spent a night outside')."""
        lemma = verb.lemma_.lower()
        if lemma not in self.rules.crowd_verbs and lemma not in self.rules.riot_verbs:
            return False  # asked of every verb: the cheap test first
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "conj":
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]  # "gathered ... and threw stones"
        for subject in subjects:
            held = [o for p in subject.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            if any(w.lemma_.lower() in self.rules.crowd_words for w in [subject, *held]):
                return True
        return False

    def _adverse_ruling(self, verb: Token) -> bool:
        """'ruled that China has no legal basis', 'found that the duties were inconsistent with ...'."""
        if verb.lemma_.lower() not in self.rules.ruling_verbs:
            return False
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            for token in clause.subtree:
                if token.lemma_.lower() in self.rules.adverse_findings:
                    return True
                if token.lemma_.lower() in ("basis", "ground", "grounds") and any(
                    c.lower_ == "no" for c in token.children
                ):
                    return True
        return False

    def _promised_response(self, verb: Token) -> bool:
        """'would respond', 'will retaliate', 'will take all necessary measures': a response to come."""
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        lemma = verb.lemma_.lower()
        response = lemma in self.rules.response_verbs or (
            lemma == "take"
            and any(c.dep_ == "dobj" and c.lemma_.lower() in self.rules.response_objects for c in verb.children)
        )
        if not response or any(c.dep_ == "neg" for c in verb.children):
            return False
        return any(c.dep_ == "aux" and c.lower_ in self.rules.threat_aux for c in verb.children)

    def _demands(self, verb: Token) -> bool:
        """'said Japan should take responsibility', 'told him the violence must be stopped'."""
        if verb.lemma_.lower() in self.words.non_factual_heads:
            return False
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
            if any(c.dep_ == "aux" and c.lower_ in self.rules.demand_aux for c in clause.children):
                return True
        return False

    def _warns(self, verb: Token) -> bool:
        """'said Taiwan would pay a heavy price', 'said Lai would be punished': a penalty to come."""
        if verb.lemma_.lower() in self.words.non_factual_heads:
            return False
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
            lemma = clause.lemma_.lower()
            if not any(c.dep_ == "aux" and c.lower_ in self.rules.threat_aux for c in clause.children):
                continue
            passive = any(c.dep_ == "auxpass" for c in clause.children)
            borne = {c.lemma_.lower() for c in clause.children if c.dep_ in ("dobj", "advmod")}
            if lemma in self.rules.penalties_done and passive and not any(c.dep_ == "agent" for c in clause.children):
                return True  # not "would be hit by more Russian drones": a forecast of another's act
            if lemma in self.rules.penalties_borne and not passive and borne & self.rules.penalty_objects:
                return True  # "would pay a heavy price", "would pay dearly"; not "would pay more", "would suffer"
        return False

    def _condemns(self, verb: Token) -> bool:
        """'said Japan's move was clearly retaliatory', '"... this is unacceptable," X said': the content
        of the saying judges someone's act (docs/annotation.md: a condemnation in reported speech)."""
        if verb.lemma_.lower() in self.words.non_factual_heads:
            return False  # "denied that ...", "claimed that ...": their own events
        return self._judged_claim(verb) is not None

    def _judged_claim(self, verb: Token) -> Token | None:
        """The subject of a said clause whose predicate is a negative judgement, if any.

        Only the predicate counts ("was retaliatory", "committed a flagrant violation"), not a word
        deeper in the clause ("shelled positions in violation of the truce" reports an attack).
        """
        said = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        said += [c for clause in said for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        for clause in said:  # '"Washington carried out the strike ..., and this is unacceptable," he said'
            if any(c.dep_ == "neg" for c in clause.children):
                continue
            predicates = [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd", "dobj")]
            if any(c.dep_ == "auxpass" for c in clause.children):
                predicates.append(clause)  # "said it was disturbed by ...": the participle judges
            words = predicates + [m for p in predicates for m in p.children if m.dep_ in ("amod", "compound")]
            doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            wrongdoing = (
                clause.lemma_.lower() in self.rules.wrongdoing_verbs
                and doer is not None
                and (doer.pos_ == "PROPN" or doer.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"))  # not "the draft"
                and not is_hypothetical(clause, self.words)
            )
            if wrongdoing or any(
                t.lemma_.lower() in self.rules.negative_judgements or t.lower_ in self.rules.negative_judgements
                for t in words
            ):
                return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), clause)
        return None

    def _reported_target(
        self, verb: Token, actors: DocumentActors, day: str | None, source: Resolution
    ) -> list[Resolution]:
        """The one condemned: the content's subject, its owner ('Japan's move'), an actor named in it, or
        the one told ('told him the violence must be stopped')."""
        for clause in (c for c in verb.children if c.dep_ in ("ccomp", "parataxis")):
            subjects = [c for c in clause.subtree if c.dep_ in ("nsubj", "nsubjpass") and c.head.i != verb.i]
            subjects = [c for c in subjects if c.lower_ not in ("this", "that", "it", "which")]
            for subject in subjects:
                for head in [subject] + self._owners(subject, "ACCUSE"):
                    resolved = self._resolve(head, actors, day, verb)
                    if resolved is not None and not _same_actor(source.ref, resolved.ref):
                        return [resolved]
            for token in clause.subtree:
                if token.i in actors.by_token:
                    resolved = self._resolve(token, actors, day, verb)
                    if resolved is not None and not _same_actor(source.ref, resolved.ref):
                        return [resolved]
        for told in (c for c in verb.children if c.dep_ in ("dative", "dobj")):
            for head in [told] + self._owners(told, "REQUEST"):  # "told Myanmar's junta chief"
                resolved = self._resolve(head, actors, day, verb)
                if resolved is not None and not _same_actor(source.ref, resolved.ref):
                    return [resolved]
        return []

    def _noun_entry(self, noun: Token) -> Trigger | None:
        """The lexicon's event noun, or joint work of any kind: 'joint operations with', 'joint work with'."""
        entry = self._noun_of(noun) if noun.lemma_.lower() in self.lexicon.nouns_of else None
        entry = entry or self.lexicon.nouns.get(noun.lemma_.lower()) or self.lexicon.nouns.get(noun.lower_)
        if entry is not None and entry.event_type == "CONSULT" and noun.lemma_.lower() == "call" and _asks(noun):
            return self.lexicon.nouns.get("appeal", entry)  # "calls for a ceasefire", "calls from Senegal to step down"
        if entry is None and noun.lemma_.lower() in self.rules.joint_nouns:
            if any(c.dep_ in MODIFIER_DEPS and c.lower_ in self.rules.joint_modifiers for c in noun.children):
                return Trigger(noun.lemma_.lower(), "NOUN", self.rules.joint_switch[1], None, (), ("with",))
        return entry

    def _noun_of(self, noun: Token) -> Trigger | None:
        """'a prisoner exchange', 'the exchange of prisoners': a noun that is an event only of these things."""
        things = {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
        things |= {
            o.lemma_.lower()
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
            if o.dep_ == "pobj"
        }
        return next((row for row in self.lexicon.nouns_of[noun.lemma_.lower()] if row.objects & things), None)

    def _carried_entry(self, noun: Token) -> Trigger | None:
        """'credit lines', 'relief flights': a carrier noun takes the event of the noun in front of it."""
        if noun.lemma_.lower() not in self.rules.carrier_nouns:
            return None
        return next((e for c in noun.children if c.dep_ == "compound" and (e := self._noun_entry(c))), None)

    def _judgement(self, verb: Token) -> Trigger | None:
        """'called Russia's behaviour reckless', 'described the tariffs as an attack': a condemnation (ACCUSE).

        Said of a claim ('called the accusation slander') it is a rejection (REJECT).
        """
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects:
            return None
        words: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp"):
                words += list(child.subtree)
            if child.dep_ == "prep" and child.lower_ == "as":
                words += [t for o in child.children for t in o.subtree]
        for obj in objects:
            words += [t for c in obj.children if c.dep_ in ("amod", "appos") and c.i > obj.i for t in c.subtree]
        if not any(
            t.lemma_.lower() in self.rules.negative_judgements or t.lower_ in self.rules.negative_judgements
            for t in words
        ):
            return None
        if any(o.lemma_.lower() in self.rules.claim_nouns for o in objects):
            return Trigger(verb.lemma_, "VERB", "REJECT", None, (), DEFAULT_TARGET_PREPS)
        return Trigger(verb.lemma_, "VERB", "ACCUSE", "disapprove", (), DEFAULT_TARGET_PREPS)

    def _governed_by_trigger(self, noun: Token, found: list[Found]) -> bool:
        """An event noun that is another trigger's object or doer is a thing or a unit there: "attacked
        an Indian patrol", "were seized by an army patrol", "opened fire on a Kyrgyz patrol"."""
        verbs = {f.verb.i: f for f in found if f.kind != "noun"}
        if noun.dep_ in ("dobj", "nsubjpass"):
            return noun.head.i in verbs
        if noun.dep_ != "pobj" or noun.head.head.i not in verbs:
            return False
        prep = noun.head.lower_
        hostile = verbs[noun.head.head.i].entry.event_type in ("ASSAULT", "COERCE")
        return prep == "by" or (hostile and prep in ("on", "at", "against"))

    # -- sentences --------------------------------------------------------------------------
    def _code_sentence(self, sent: Span, actors: DocumentActors, document: Document) -> Iterator[Event]:
        found = self.find_triggers(sent)
        trigger_verbs = {f.verb.i: f for f in found if f.kind != "noun" and not f.reported}
        trigger_tokens = {f.verb.i for f in found} | {f.noun.i for f in found if f.noun is not None}
        coded: list[tuple[Found, list[Event]]] = []
        for item in found:
            if item.entry.event_type is None or self._subsumed(item, trigger_verbs):
                continue
            own = {item.verb.i} | ({item.noun.i} if item.noun is not None else set())
            coded.append((item, list(self._events_for(item, sent, actors, document, frozenset(trigger_tokens - own)))))
        # "Israeli strikes on southern Lebanon killed 14 people": the killing is the strikes' own act,
        # told by the noun with its target; "shelled villages in Kunar, killing three civilians": the
        # killing is the shelling's. Neither is a second event of the same type.
        acting = {
            ((item.noun if item.kind == "noun" else item.verb).i, e.event_type): e.target.country
            for item, events in coded
            for e in events
            if e.target
        }
        for item, events in coded:
            if item.kind == "verb":
                verb = item.verb
                doers = [c.i for c in verb.children if c.dep_ == "nsubj"]
                events = [e for e in events if not any(_same_toll(acting.get((i, e.event_type)), e) for i in doers)]
                if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not doers:
                    # "..., killing three civilians": the toll of the act it hangs on, whoever the victims
                    events = [e for e in events if (verb.head.i, e.event_type) not in acting]
            yield from events

    def _subsumed(self, item: Found, trigger_verbs: dict[int, Found]) -> bool:
        """True when the trigger is the content of another act or of a denial, not an event itself."""
        node = item.verb
        if item.kind == "noun" and node.dep_ == "compound":
            return True  # "Protest leaders", "Strike committee": a modifier, not an event
        if item.kind == "noun":
            governing = _governing_verb(node)
            if governing is None:
                return False
            if governing.i in trigger_verbs and governing.i != node.i:
                # "threatened to block ratification of the deal": the noun is part of the threat.
                if self._subsumed(trigger_verbs[governing.i], trigger_verbs):
                    return True
            node = governing
        if item.kind == "verb" and node.dep_ == "conj" and item.entry.event_type in SPEECH_ACT_TYPES:
            if node.head.dep_ == "ccomp":
                # "denied that it harboured the fighters and accused Islamabad of ...": a second speech act
                # after a denial's content is the speaker's own, not part of what was denied.
                return False
        for _ in range(3):
            if node.dep_ not in ("xcomp", "ccomp", "pcomp", "conj", "advcl", "pobj") or node.head == node:
                return False
            if (
                node.dep_ == "advcl"
                and node.tag_ == "VBD"  # "after Berlin expelled": told as done; not "once Israel strikes"
                and node.head.i in trigger_verbs
                and node.head.dep_ not in ("xcomp", "ccomp", "pcomp", "advcl", "conj")
                and any(m.dep_ == "mark" and m.lower_ in TIME_MARKS for m in node.children)
            ):
                return False  # "summoned the ambassador after Berlin expelled two diplomats": an act of its own
            head = node.head
            if head.dep_ == "prep" and node.dep_ in ("pcomp", "pobj"):
                head = head.head  # "accused X of attacking": attacking <- of <- accused
            # A clause before its head ("X attacked Y, a charge Z denied") is usually the main
            # clause misparsed as a complement: only content that follows its head is swallowed.
            if node.dep_ != "conj" and node.i > head.i:
                if head.i in trigger_verbs and trigger_verbs[head.i].entry.event_type in SPEECH_ACT_TYPES:
                    return True
                if head.lemma_.lower() in self.words.non_factual_heads:
                    return True
            elif head.i in trigger_verbs:
                return False
            node = head
        return False

    def _type_and_mode(self, item: Found) -> tuple[str, str | None]:
        """The lexicon's type and mode, switched where context changes them (data/coding_rules.yaml)."""
        entry, rules = item.entry, self.rules
        event_type, mode = entry.event_type, entry.mode
        noun = item.noun
        if event_type == rules.joint_switch[0]:
            holder = noun if noun is not None else item.verb
            joint = any(
                c.lower_ in rules.joint_modifiers for c in holder.children if c.dep_ in ("amod", "advmod", "compound")
            )
            partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in holder.children)
            if joint or partner:
                return rules.joint_switch[1], None
        if noun is not None and noun.lemma_.lower() == "strike":
            if any(
                # "two-day", "24-hour", "sit-down" are three tokens: the modifier's phrase counts as written.
                c.lower_ in rules.labour_strike_modifiers
                or noun.doc[c.left_edge.i : c.right_edge.i + 1].text.lower() in rules.labour_strike_modifiers
                for c in noun.children
                if c.dep_ in ("amod", "compound", "nummod")
            ):
                return "PROTEST", "strike" if "strike" in self.ontology.types["PROTEST"].modes else None
        if rules.trade_switch and event_type == rules.trade_switch[0] and self._on_trade(item):
            return rules.trade_switch[1], rules.trade_switch[2]
        if item.kind == "verb" and event_type == "AGREE" and rules.agreed_contents:
            for child in item.verb.children:
                if child.dep_ == "xcomp":
                    objects = {c.lemma_.lower() for c in child.children if c.dep_ == "dobj"}
                    inner = self.lexicon.verb(child.lemma_.lower(), set(), objects)
                    negated = any(c.dep_ == "neg" for c in child.children)
                    pair = any(c.dep_ == "conj" for s in item.verb.children if s.dep_ == "nsubj" for c in s.children)
                    if inner is not None and inner.event_type in rules.agreed_contents and not (negated or pair):
                        return inner.event_type, inner.mode  # "agreed to pause the tariffs": a concession
        if item.kind == "verb" and item.verb.lemma_.lower() in rules.promise_verbs:
            for child in item.verb.children:
                if child.dep_ == "xcomp":
                    objects = {c.lemma_.lower() for c in child.children if c.dep_ == "dobj"}
                    inner = self.lexicon.verb(child.lemma_.lower(), set(), objects)
                    nouns = [self._noun_entry(c) for c in child.children if c.dep_ == "dobj"]
                    conflict = [e for e in [inner, *nouns] if e is not None and e.event_type]
                    if (
                        any(self.ontology.types[e.event_type].quad_class in rules.threat_quad_classes for e in conflict)
                        or child.lemma_.lower() in rules.retaliation_verbs
                        or (
                            objects & rules.retaliation_objects
                            and any(
                                self._prep_objects(t, ("against",))
                                for t in [child, *(c for c in child.children if c.dep_ == "dobj")]
                            )
                        )
                    ):
                        # "vowed to retaliate", "vowed to resume the offensive", "vowed to drive the group out"
                        return "THREATEN", None
        if event_type == "ASSAULT" and self._weapons_test(item):
            return "MOBILIZE", "weapons"
        return event_type, mode

    def _weapons_test(self, item: Found) -> bool:
        """'fired a ballistic missile into the sea', 'launched three missiles': a test, not an attack.

        A launch of missiles at no one (no 'at', 'on', 'against' phrase) or into the sea shows force
        (MOBILIZE weapons); fired at someone it is an attack.
        """
        verb = item.verb
        if item.kind != "verb":
            return False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(o.lemma_.lower() in self.rules.missile_words for o in objects):
            return False
        preps = {
            c.lower_: [o for o in c.children if o.dep_ == "pobj"]
            for c in verb.children
            if c.dep_ == "prep" and not _dates_only(c)
        }
        if any(p in preps for p in ("at", "on", "against", "toward", "towards")):
            return False
        into = preps.get("into", [])
        return not into or all(o.lemma_.lower() in self.rules.sea_words for o in into)

    def _on_trade(self, item: Found) -> bool:
        """'a ban on seafood imports', 'restricted exports of chips': the measure falls on trade."""
        holders = [item.noun] if item.noun is not None else [item.verb]
        if item.kind == "light":
            holders.append(item.verb)  # "imposed restrictions on Thursday on seafood": the prep may hang on the verb
        holders += [c for c in item.verb.children if c.dep_ == "dobj" and c != item.noun]
        words = self.rules.trade_words
        for holder in holders:
            # spaCy tokens compare with == ('is' is never true for two look-ups of one token). The event noun
            # itself is no trade good, but its modifiers may say what it falls on: "export restrictions".
            things = [holder] if holder not in (item.noun, item.verb) else []
            if holder == item.noun and any(
                c.dep_ in ("compound", "amod") and (c.lemma_.lower() in words or c.lower_ in words)
                for c in holder.children
            ):
                return True
            things += [o for p in holder.children if p.dep_ == "prep" and p.lower_ in ("on", "of") for o in p.children]
            for thing in things:
                if thing.lemma_.lower() in words or thing.lower_ in words:
                    return True
                if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in words for c in thing.children):
                    return True
        return False

    def _by_sector(self, event_type: str, mode: str | None, sector: str | None) -> tuple[str, str | None]:
        """A government 'protesting' complains (ACCUSE); civilians 'storming' riot (PROTEST)."""
        for from_type, sectors, to_type, to_mode in self.rules.by_sector:
            if event_type == from_type and sector in sectors:
                return to_type, to_mode
        return event_type, mode

    def _offered(self, item: Found) -> Token | None:
        """The verb of 'was ready to', 'stood willing to' when the event is what is offered."""
        if item.kind == "noun" or item.verb.dep_ != "xcomp":
            return None
        adjective = item.verb.head
        if adjective.lemma_.lower() not in self.rules.offer_words or adjective.dep_ not in ("acomp", "oprd"):
            return None
        being = adjective.head
        if being.dep_ == "relcl":
            return None  # "launchers that were prepared to fire on ships" describes, it offers nothing
        if being.dep_ == "ccomp" and being.head.lemma_.lower() in self.words.speech_verbs:
            # "Zelensky said he was ready to meet Putin" is his offer; "analysts said Iran was not ready to
            # negotiate" is an opinion about Iran, not Iran's answer.
            ready = [c for c in being.children if c.dep_ == "nsubj"]
            teller = [c for c in being.head.children if c.dep_ == "nsubj"]
            if not ready or not (ready[0].pos_ == "PRON" or (teller and teller[0].lower_ == ready[0].lower_)):
                return None
        return being

    def _is_threat(self, item: Found, event_type: str) -> bool:
        """A conflict act its doer will do on a condition is a threat (THREATEN): "will file a motion
        against Yoon if he does not resign". Without a condition ("would impose tariffs") it stays a
        hypothetical SANCTION; with "could", "might" it is a possibility.
        """
        if event_type not in self.rules.threat_types:
            return False
        verb = item.verb if item.kind != "noun" else _governing_verb(item.noun)
        if verb is None:
            return False
        chain = [verb]
        while chain[-1].dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep", "pobj") and len(chain) < 4:
            chain.append(chain[-1].head)
        if not any(c.dep_ == "aux" and c.lower_ in self.rules.threat_aux for v in chain for c in v.children):
            return False
        return bool(_conditions(chain))

    def _vowed(self, item: Found, event_type: str, source: Resolution, actors: DocumentActors, day: str | None) -> bool:
        """'Israel's defence minister said Israel would strike Hezbollah again': a side's own spokesman
        telling what it will do to another is a threat made now (docs/annotation.md: quotations), not
        a forecast. Only 'will'/'would' (not 'could'), only when the speaker is of the doer's side."""
        if item.kind == "noun" or event_type not in self.rules.vowed_types or source.ref.country is None:
            return False
        chain = [item.verb]
        while chain[-1].dep_ in ("xcomp", "conj") and len(chain) < 4:
            chain.append(chain[-1].head)
        clause = chain[-1]
        saying = clause.head
        if clause.dep_ != "ccomp" or saying.lemma_.lower() not in self.words.speech_verbs:
            return False
        if saying.lemma_.lower() in self.words.non_factual_heads or is_negated(saying, self.words):
            return False
        if not any(c.dep_ == "aux" and c.lower_ in self.rules.threat_aux for v in chain for c in v.children):
            return False
        speaker = next((c for c in saying.children if c.dep_ == "nsubj"), None)
        said_by = self._resolve(speaker, actors, day, saying) if speaker is not None else None
        return said_by is not None and said_by.ref.country == source.ref.country

    def _conditioned(
        self, item: Found, actors: DocumentActors, day: str | None, source: Resolution
    ) -> list[Resolution]:
        """The subject of an 'if' or 'unless' clause on the act: who a threat is aimed at."""
        verb = item.verb if item.kind != "noun" else _governing_verb(item.noun)
        chain = [verb] if verb is not None else []
        while chain and chain[-1].dep_ in ("xcomp", "conj", "advcl", "ccomp") and len(chain) < 4:
            chain.append(chain[-1].head)
        chain += [
            c for c in (verb.children if verb is not None else ()) if c.dep_ == "xcomp"
        ]  # "vowed to boycott ... unless"
        for clause in _conditions(chain):
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                resolved = self._resolve(subject, actors, day, clause)
                if resolved is not None and not _same_actor(source.ref, resolved.ref):
                    return [resolved]
        return []

    def _negated_switch(self, verb: Token, entry: Trigger) -> tuple[str, str | None] | None:
        """What a verb's negation says instead of "did not happen" (coding_rules.yaml negated_switch)."""
        lemma = verb.lemma_.lower()
        for switch_lemma, particle, objects, event_type, mode in self.rules.negated_switch:
            if switch_lemma != lemma or (particle is not None and entry.particle != particle):
                continue
            if objects and not any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in verb.children):
                continue
            return event_type, mode
        return None

    def _by_target(self, event_type: str, mode: str | None, target: Resolution | None) -> tuple[str, str | None]:
        """Pulling out of a body (an IGO) cuts a relation (SANCTION); out of a place it is RETREAT."""
        if target is None or target.ref.actor_id is None:
            return event_type, mode
        for from_type, from_mode, sectors, to_type, to_mode in self.rules.by_target_sector:
            if event_type == from_type and (from_mode is None or mode == from_mode) and target.ref.sector in sectors:
                return to_type, to_mode
        return event_type, mode

    def _events_for(
        self, item: Found, sent: Span, actors: DocumentActors, document: Document, other_events: frozenset[int]
    ) -> Iterator[Event]:
        verb, noun, entry = item.verb, item.noun, item.entry
        event_type, mode = self._type_and_mode(item)
        negated = is_negated(verb, self.words, noun) if item.kind != "noun" else is_negated(noun, self.words, noun)
        if not negated and item.kind == "noun" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
            negated = is_negated(noun.head, self.words)  # "did not attend the summit"
        stopped = self.rules.stopping_switch
        if (
            negated
            and stopped is not None
            and event_type in stopped[1]
            and verb.dep_ == "xcomp"
            and verb.head.lemma_.lower() in stopped[0]
        ):
            # "stopped selling tours to South Korea", "halted arms deliveries": cutting a relation.
            event_type, mode, negated = stopped[2], stopped[3], False
        if negated and item.kind == "verb":
            switched = self._negated_switch(verb, item.entry)
            if switched and switched[0] != event_type:
                # "never accepted the ruling": a refusal (REJECT), not an acceptance that did not happen;
                # "did not rule out military action": a threat, not a refusal that did not happen.
                (event_type, mode), negated = switched, False
        hypothetical = is_hypothetical(verb, self.words, noun)
        if item.kind == "noun" and not hypothetical:
            hypothetical = self._noun_hypothetical(noun)
        if not hypothetical and item.kind == "verb" and verb.dep_ == "acl" and verb.tag_ == "VBG":
            # "will table a resolution censuring Iran": the resolution's censure is as real as its tabling.
            governing = _governing_verb(verb.head)
            hypothetical = governing is not None and is_hypothetical(governing, self.words)
        offered = self._offered(item)
        if offered is not None:
            # "said he was ready to meet Putin", "stood ready to provide grants": an offer made now (AGREE);
            # "is prepared to strike back" a threat made now; "was not willing to return" a refusal.
            quad = self.ontology.types[event_type].quad_class
            event_type = "THREATEN" if quad in self.rules.threat_quad_classes else "AGREE"
            if is_negated(offered, self.words):
                event_type, negated = "REJECT", False
            mode, hypothetical = None, is_hypothetical(offered, self.words)
        day, precision, dated = resolve_event_date(
            item.noun or verb, sent, document.published, hypothetical, other_events
        )
        if not dated and not hypothetical and any(c.lower_ in self.rules.sequel_words for c in verb.children):
            # "In June 2020, soldiers clashed in the Galwan valley. India then banned 59 apps": "then" carries
            # the date of the act told just before.
            day, precision = self._date_before(sent, document.published) or (day, precision)
        elif not dated and not hypothetical:
            # "She travelled to Berlin later that month": the sentence is asked first, the clause only then.
            step = anaphoric_step(sent.text) and anaphoric_step(_own_clause_text(verb))
            before = self._date_before(sent, document.published) if step else None
            if before is not None:
                day, precision = step_from(before, step)

        if item.kind == "noun":
            sources = self._noun_sources(noun, actors, day)
            targets_for = lambda source: self._noun_targets(noun, entry, actors, day, source)  # noqa: E731
        else:
            sources = self._verb_sources(verb, actors, day, passive_subject=event_type in TARGETLESS_TYPES)
            if not sources and item.kind == "light" and verb.dep_ in ("acl", "relcl") and verb.head == noun:
                sources = self._noun_sources(noun, actors, day)  # "ECOWAS sanctions imposed on Mali"
            # "Kenya and Uganda agreed to set up a committee on refugees": a pair of doers acts on each
            # other, not on whoever their plan's clause names (docs/annotation.md: coordination).
            paired = len({s.ref.country for s in sources}) > 1  # a pair of parties, not "prosecutors and police"
            targets_for = lambda source: self._verb_targets(item, actors, day, source, content=not paired)  # noqa: E731
            if item.reported:
                targets_for = lambda source: self._reported_target(verb, actors, day, source)  # noqa: E731
            ordered = self._ordered_by(verb, sources, actors, day) if event_type in ORDERED_TYPES else None
            if ordered is not None:
                # "China ordered the United States to close its consulate": China's act, done to the US.
                sources, told = [ordered], sources[0]
                targets_for = lambda source: [told]  # noqa: E731

        if item.reported and entry.event_type == "SANCTION":
            sources = [r for r in sources if r.ref.sector in self.rules.ruling_sectors]  # courts and panels only
        bare = item.kind == "verb" and not entry.objects  # "flew aid to Gaza" is its own row, for anyone
        only = dict(self.rules.sector_only).get(entry.lemma.lower()) if bare else None
        if bare and entry.lemma.lower() in self.rules.objectless_verbs and any(c.dep_ == "dobj" for c in verb.children):
            return  # "flew to Cairo" is a visit; "flew two bombers to Venezuela" is not
        if only is not None:
            sources = [r for r in sources if r.ref.sector in only]  # "troops gathered", not "crowds gathered"
        if not sources:
            return
        if (
            (event_type, entry.event_type) == ("PROTEST", "ASSAULT")
            and sources[0].ref.sector in ARMED_SECTORS
            and noun is not None
            and self._prep_objects(noun, ("on",))
        ):
            # "forces carried out a two-day strike on rebel positions": soldiers' strike on a place is an attack.
            event_type, mode = entry.event_type, entry.mode
        targets = targets_for(sources[0])
        doers = {s.ref.country for s in sources}
        if len(doers) > 1:
            # "Armenia and Azerbaijan exchanged prisoners": what belongs to one side of a pair is no third side
            # (a pair of one country's doers, "prosecutors and police raided ...", may act at home).
            targets = [t for t in targets if t.ref.country not in doers]
        guessed = False
        phrase_only = event_type in self.rules.phrase_target_types
        if (
            not targets
            and len(sources) == 1
            and not item.reported
            and (event_type not in TARGETLESS_TYPES or phrase_only)
        ):
            # No argument slot names the other side: an actor named inside the event's own phrase
            # ("signed a memorandum of understanding with the breakaway region of Somaliland"). A protest
            # needs no target, so only one it is said to be against counts ("marched, the fourth week of
            # protests against the president").
            targets = self._nearby_target(item, actors, day, sources[0], entry.target_preps if phrase_only else None)
            if not targets and phrase_only:
                targets = self._mission_owner(item, actors, day, sources[0])
            guessed = bool(targets)
        if not targets and event_type in ("ASSAULT", "COERCE") and not item.reported:
            targets = self._policed(item, sources[0])  # "Police and soldiers arrested 1,000 gang members"
        if (
            not targets
            and len(sources) == 1
            and (event_type == "THREATEN" or (hypothetical and self._is_threat(item, event_type)))
        ):
            # "vowed to boycott the election unless Hasina's government steps down": the one told what to do.
            targets = self._conditioned(item, actors, day, sources[0])
        if (
            not targets
            and len(sources) == 1
            and event_type == "REJECT"
            and item.kind == "verb"
            and self._bare_denial(verb)
            and not item.reported
            and verb.dep_ not in ("relcl", "acl")  # "a truce with the gangs that his government denies"
        ):
            targets = self._accuser_before(sent, sources[0])
            guessed = guessed or bool(targets)
        if targets:
            pairs = [(source, target) for source in sources for target in targets]
        elif len(sources) > 1 and event_type in self.rules.mutual_types:
            # "Kenya and Ethiopia signed a pact": the first conjunct acts on the others (not "Japan and
            # Australia also expressed concern": that is about a third party, here unnamed).
            pairs = [(sources[0], other) for other in sources[1:]]
        elif event_type in TARGETLESS_TYPES | VICTIMLESS_TYPES or (event_type, mode) in TARGETLESS_MODES:
            pairs = [(sources[0], None)]
        elif (unplaced := self._unplaced_object(item, actors, sources[0])) is not None:
            pairs = [(sources[0], unplaced)]
            guessed = True
        else:
            return
        pairs = [(s, t) for s, t in pairs if t is None or not _same_actor(s.ref, t.ref)]
        if not pairs and (event_type in TARGETLESS_TYPES or (event_type, mode) in TARGETLESS_MODES):
            pairs = [(sources[0], None)]  # "Peru moved troops to its border": complete without a target
        # One predication, one event (docs/annotation.md): "telephoned Hun Manet and Phumtham", "urged
        # Beijing and Manila", "Russia and Ukraine signed agreements with Turkey and the UN" are coded
        # once, first conjunct on each side.
        pairs = pairs[:1]
        for source, target in pairs:
            confidence = self._confidence(item, source, target)
            if guessed:
                confidence = round(confidence * GUESSED_TARGET_WEIGHT, 3)
            final_type, final_mode = self._by_sector(event_type, mode, source.ref.sector)
            if target is not None and source.ref.country != target.ref.country:
                final_type, final_mode = self._by_target(final_type, final_mode, target)
            if final_type in self.rules.own_forces_types and target is not None and _own_forces(source, target):
                # "North Korea launched three missiles", "US troops are deployed at the airport": the
                # forces moved are the source's own, whichever path named them.
                target = None
            if (
                final_type == "ASSAULT"
                and target is not None
                and target.ref.sector == "MIL"
                and source.ref.sector in ("GOV", "MIL")
                and target.ref.country == source.ref.country
                and source.ref.country is not None
            ):
                target = None  # "drones launched by Russia": a state's own forces are no other side of its attack
            threat = (
                hypothetical
                and not negated
                and (self._is_threat(item, final_type) or self._vowed(item, final_type, source, actors, day))
            )
            if threat:
                # "will file a motion against Yoon if he does not resign".
                final_type, final_mode = "THREATEN", None
            yield self._make_event(
                item,
                final_type,
                final_mode,
                sent,
                document,
                source.ref,
                target.ref if target else None,
                day,
                precision,
                negated,
                hypothetical and not threat,
                confidence,
            )

    # -- arguments of verbs -------------------------------------------------------------------
    def _verb_sources(
        self, verb: Token, actors: DocumentActors, day: str | None, passive_subject: bool = False
    ) -> list[Resolution]:
        """The doer(s): subject, or the agent of a passive; inherited through conjoined and controlled verbs."""
        head = self._subject_head(verb, passive_subject)
        if head is None:
            return []
        pair = actors.resolve_pair(head, day)
        if pair:
            return list(pair)  # "the two countries agreed": the first acts on the second
        named = [c for c in head.children if c.dep_ == "appos"]
        # "Venezuela's President Nicolas Maduro and Guyana's President Irfaan Ali agreed": the second doer
        # may hang on the first one's name.
        heads = [head] + [c for n in [head, *named] for c in n.children if c.dep_ == "conj"]
        office = None
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            # "was received by his Chinese counterpart": the counterpart holds the received one's office.
            received = next((c for c in head.head.head.children if c.dep_ == "nsubjpass"), None)
            found = actors.resolve(received, day) if received is not None else None
            office = found.office if found is not None else None
        resolved = [r for r in (self._resolve(h, actors, day, verb, counterpart_office=office) for h in heads) if r]
        if not resolved and head.pos_ == "NOUN" and head.dep_ == "nsubj":
            # "Indian fire had killed three people", "the war between the army and the RSF has killed":
            # a thing that is no actor does the act for whoever owns it.
            resolved = self._owners_of(head, actors, day)
        return resolved

    def _side(self, code: str | None) -> str | None:
        """The organisation an organ belongs to ('EEAS' -> 'EU'), else the code itself: one side."""
        return self.organ_of.get(code, code) if code else code

    def _told_before(self, noun: Token, source: Resolution) -> list[Resolution]:
        """'Tehran condemned the sanctions': the doer of the last such act the document told, preferring
        one done to the judge. Only for an act named with 'the', 'this' or 'these' and no owner."""
        entry = self._noun_entry(noun)
        generic = self.rules.generic_acts.get(noun.lemma_.lower())  # "the decision", "the move"
        if (entry is None and not generic) or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in noun.children
        ):
            return []
        if any(c.dep_ == "prep" for c in noun.children):
            return []  # "condemned the attack on Lebanon": the act is named with its own side
        since, start = _window(noun.sent), noun.sent.start_char
        told = [
            e
            for e in self._earlier
            if since <= e.start < start and (self._of_kind(e, generic) if generic else e.event_type == entry.event_type)
        ]
        aimed = [e for e in told if e.target is not None and e.target.country == source.ref.country]
        for event in reversed(aimed or told):
            if event.source.country and event.source.country != source.ref.country:
                return [Resolution(ActorRef(_phrase(noun), *_ref_fields(event.source)), 0.6)]
        return []

    def _date_before(self, sent: Span, published: str | None) -> tuple[str, str | None] | None:
        """The date of the last act the sentence before told, when the text dated it (not the publication day)."""
        if sent.start == 0:
            return None
        before = sent.doc[sent.start - 1].sent
        for event in reversed(self._earlier):
            if before.start_char <= event.start < sent.start_char and event.date and event.date != published:
                return event.date, event.date_precision
        return None

    def _of_kind(self, event: Event, kind: str) -> bool:
        """Whether an act is of the kind a generic noun names (coding_rules.yaml, generic_acts)."""
        if kind == "court":
            return event.source.sector in self.rules.ruling_sectors
        quad = self.ontology.types[event.event_type].quad_class
        return kind == "any" or (kind == "material") == (quad in (2, 4))

    def _bare_denial(self, verb: Token) -> bool:
        """'denied any involvement', 'dismissed the claims': a denial of what was said, not 'rejected a draft law'."""
        if verb.lemma_.lower() not in self.rules.denial_verbs:
            return False
        objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]
        return all(o in self.rules.claim_nouns or o in self.rules.denied_nouns for o in objects)

    def _accuser_before(self, sent: Span, denier: Resolution) -> list[Resolution]:
        """'Israel accused Hezbollah of firing rockets. Hezbollah denied any involvement': a denial with
        no one named answers the last one who accused, pressed or threatened the denier (the guideline's
        "the accuser when named")."""
        since, start = _window(sent), sent.start_char
        for event in reversed(self._earlier):
            if not since <= event.start < start or event.event_type not in self.rules.answered_types:
                continue
            if event.target is not None and event.target.country == denier.ref.country != event.source.country:
                return [Resolution(ActorRef(event.source.name, *_ref_fields(event.source)), 0.6)]
        return []

    def _owners_of(self, noun: Token, actors: DocumentActors, day: str | None) -> list[Resolution]:
        """Whose the noun is: 'Indian fire', 'Russia's shelling', 'the war between the army and the RSF'."""
        for child in noun.children:
            if child.dep_ == "poss" or (child.dep_ in MODIFIER_DEPS and child.ent_type_ in ("NORP", "GPE", "ORG")):
                resolved = self._resolve(child, actors, day, noun)
                if resolved is not None:
                    return [resolved]
            if child.dep_ == "prep" and child.lower_ == "between":
                pair = self._between(child, actors, day, noun)
                if pair:
                    return pair
        return []

    def _between(self, prep: Token, actors: DocumentActors, day: str | None, noun: Token) -> list[Resolution]:
        """'talks between A and B', 'the war between the army and the RSF': both sides, when both are actors."""
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        heads = objects[:1] + [c for c in objects[0].children if c.dep_ == "conj"] if objects else []
        resolved = [r for r in (self._resolve(h, actors, day, noun) for h in heads) if r]
        return resolved if len(resolved) >= 2 else []

    def _ordered_by(
        self, verb: Token, doers: list[Resolution], actors: DocumentActors, day: str | None
    ) -> Resolution | None:
        """The one who ordered another country's actor to do the act ('ordered the US to close ...'), if any."""
        if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in self.rules.ordering_verbs or len(doers) != 1:
            return None
        orderers = self._verb_sources(verb.head, actors, day)
        if not orderers or orderers[0].ref.country in (None, doers[0].ref.country):
            return None
        return orderers[0]

    def _subject_head(self, verb: Token, passive_subject: bool = False) -> Token | None:
        node = verb
        for _ in range(4):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
            if passive:
                for child in node.children:
                    if child.dep_ == "agent":
                        objs = [c for c in child.children if c.dep_ == "pobj"]
                        if objs:
                            return objs[0]
                if passive_subject or node != verb:
                    # "3,500 US troops are deployed": for deployments the troops are the doers; "India's
                    # minister is expected to visit", "Qatar was asked to mediate": the one expected or asked.
                    return next((c for c in node.children if c.dep_ == "nsubjpass"), None)
                return None
            # The subject nearest the verb: "Recap: Yoon declared ..." is parsed with two subjects.
            for child in sorted(node.children, key=lambda c: abs(c.i - node.i)):
                if child.dep_ in ("nsubj", "csubj"):
                    if child.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
                        return node.head
                    return child
            if node.dep_ in ("acl",) and node.tag_ == "VBN":
                for child in node.children:
                    if child.dep_ == "agent":
                        objs = [c for c in child.children if c.dep_ == "pobj"]
                        return objs[0] if objs else None
                return None
            if node.dep_ == "acl" and node.tag_ == "VBG":
                holder = node.head
                if holder.lemma_.lower() not in self.rules.document_nouns:
                    return holder  # "protesters carrying banners", "troops firing on": the noun does it
                # "handed him a letter accusing Indian forces", "a resolution calling on Yoon": its author.
                # "a European Union statement condemning ...": the author may be a modifier naming it.
                author = next((c for c in holder.children if c.dep_ == "poss"), None) or next(
                    (c for c in holder.children if c.dep_ in MODIFIER_DEPS and c.ent_type_ in ("NORP", "GPE", "ORG")),
                    None,
                )
                if author is not None:
                    return author
                governing = holder.head.head if holder.dep_ == "pobj" else holder.head
                if holder.dep_ not in ("dobj", "pobj", "dative") or governing.pos_ not in ("VERB", "AUX"):
                    return None
                node = governing
                continue
            if (
                node.dep_ == "xcomp"
                and node.head.lemma_.lower() not in self.rules.promise_verbs | self.rules.purpose_verbs
            ):
                # "prompting China to announce a ban": the object of the governing verb does it.
                controller = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
                if controller is not None:
                    return controller
            if node.dep_ == "acl" and node.tag_ in ("VBD", "VBZ", "VBP"):
                # "The AU chairperson, Mahmoud Ali Youssouf, called on ...": a finite verb parsed as
                # a clause on the noun before it; that noun is its subject.
                return node.head
            if (
                node.dep_ == "conj"
                and node.tag_ == "VBD"
                and node.lemma_.lower() in self.rules.speaker_acts
                and node.head.dep_ == "ccomp"
                and node.head.head.lemma_.lower() in self.words.speech_verbs
                and node.head.head.tag_ == "VBD"
            ):
                node = node.head.head  # "said the money was welcome and accused France": the speaker accuses
                continue
            if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ in GERUND_TIME_PREPS:
                # "staged drills on Wednesday, a day after sending warships to surround Taiwan": the gerund's
                # doer is the subject of the verb the time phrase hangs on.
                governing = next((a for a in node.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if governing is not None:
                    node = governing
                    continue
            progressive = node.dep_ == "attr" and node.tag_ == "VBG"  # "Qatar is mediating", parsed as is -> attr
            if (node.dep_ in ("conj", "xcomp", "advcl", "acomp") or progressive) and node.head != node:
                node = node.head  # "is due to meet", "ready to receive": climb to the subject's verb
                continue
            if node.dep_ == "ROOT":
                # "From exile in Colombo, former president Nasheed urged ...": the subject parsed as an
                # apposition inside the opening phrase.
                fronted = [t for t in node.subtree if t.i < node.i and t.dep_ == "appos" and t.head.i < t.i]
                return fronted[-1] if fronted else None
            return None
        return None

    def _verb_targets(
        self, item: Found, actors: DocumentActors, day: str | None, source: Resolution, content: bool = True
    ) -> list[Resolution]:
        verb, noun, entry = item.verb, item.noun, item.entry
        office = source.office
        candidates: list[Token] = []
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.rules.purpose_verbs:
            # "summoned Chad's charge d'affaires to protest against ...": the one summoned hears it.
            candidates += [c for c in verb.head.children if c.dep_ == "dobj"]
        if noun is not None:
            candidates += self._prep_objects(noun, entry.target_preps)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        for child in verb.children:
            if child.dep_ == "dobj" and (noun is None or child.i != noun.i):
                # "the UAE, which it accuses of arming the RSF": the relative pronoun stands for the UAE
                relative = child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl"
                candidates.append(verb.head if relative else child)
            if passive and child.dep_ == "nsubjpass" and (noun is None or child.i != noun.i):
                candidates.append(child)
            if child.dep_ == "dative":
                candidates.append(child)
        candidates += self._prep_objects(verb, entry.target_preps)
        if verb.dep_ == "conj" and any(c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in verb.children):
            # "imposed sanctions on Georgia in 2008 and lifted them in 2012": the first verb's other side
            first = verb.head
            candidates += self._prep_objects(first, DEFAULT_TARGET_PREPS)
            for thing in (c for c in first.children if c.dep_ == "dobj"):
                candidates += self._prep_objects(thing, DEFAULT_TARGET_PREPS)
        for between in self._prep_objects(verb, ("between",)):
            # "mediated between Kinshasa and Kigali": both sides are targets.
            heads = [between] + [c for c in between.children if c.dep_ == "conj"]
            pair = [r for r in (self._resolve(h, actors, day, verb) for h in heads) if r is not None]
            if pair:
                return pair
        for particle in verb.children:
            if particle.dep_ in ("prt", "advmod"):  # "pulled out of the OAS": the preposition hangs on "out"
                candidates += self._prep_objects(particle, tuple(entry.target_preps) + ("of", "from"))
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            if entry.mode == "mediate":
                # "exchanged prisoners in a swap mediated by the UAE", "agreed after talks mediated by
                # Erdogan": the parties are whoever held the swap or the talks, the clause's subject.
                governing = _governing_verb(verb.head)
                if governing is not None:
                    for subject in self._verb_sources(governing, actors, day):
                        if not _same_actor(source.ref, subject.ref):
                            return [subject]
            candidates.append(verb.head)  # "Britain, backed by the United States": Britain is backed
        for child in verb.children:
            if child.dep_ == "dobj" and (noun is None or child.i != noun.i):
                if entry.event_type in self.rules.judging_types and (
                    self._noun_entry(child) is not None or child.lemma_.lower() in self.rules.generic_acts
                ):
                    # "condemned Russia's attack on Kyiv", "opposes the US arms sale to Taiwan": judging an
                    # act is about whoever did it, not whom it was done to.
                    doers = [
                        r
                        for r in self._owners_of(child, actors, day) or self._told_before(child, source)
                        if self._side(r.ref.country) != self._side(source.ref.country)
                    ]
                    if doers:
                        return doers[:1]
                candidates += self._prep_objects(child, entry.target_preps)
        if noun is not None and verb.dep_ == "acl" and verb.head == noun:
            under = self._held_under(noun, actors, day, source)  # "under ECOWAS sanctions imposed in January"
            if under:
                return under
        itself: list[Resolution] = []
        for candidate in candidates:
            pair = actors.resolve_pair(candidate, day)
            if pair:
                return list(pair)  # "urged both sides to ...": each side is a target
            heads = [candidate] + [c for c in candidate.children if c.dep_ == "conj"]
            resolved = [self._resolve(h, actors, day, verb, counterpart_office=office) for h in heads]

            resolved = [r for r in resolved if r is not None]
            if entry.event_type in self.rules.own_forces_types and source.ref.country:
                # "Peru moved troops to the border with Ecuador": the troops are Peru's, not the target;
                # so are "three missiles" that only the story's focus country would give a country.
                resolved = [r for r in resolved if not _own_forces(source, r)]
            if entry.event_type in self.rules.own_equipment_types and source.ref.country:
                resolved = [r for r in resolved if (r.ref.country, r.ref.sector) != (source.ref.country, "MIL")]
            # "Eritrea sent a delegation to Addis Ababa", "recalled its ambassador from Kabul": the source's
            # own people are what it moved; the one they went to or left comes later.
            others = [r for r in resolved if not _same_actor(source.ref, r.ref)]
            if entry.event_type in self.rules.judging_types:
                others = [r for r in others if not _own_people(source, r)]
            if _own_possession(candidate):
                # "to defend its companies": the source's own, of whatever sector
                others = [r for r in others if r.ref.country is None or r.ref.country != source.ref.country]
            if others:
                return others
            if resolved and not itself and not _own_possession(candidate):
                itself = resolved
        if itself:
            return itself  # no other side named in the slots: the act is on the source itself (no event)
        # "shelled the Ukrainian city of Kharkiv": the place's country.
        if entry.event_type in LOCATED_TYPES:
            for candidate in candidates:
                place = actors.resolve_place(candidate, day)
                if place is not None and not _same_actor(source.ref, place.ref):
                    return [place]  # (not "closed its border with Belarus": the border is Poland's own)
        # "dismissed Brazil's threat", "rejected the claims of Pakistan", "suspended imports from
        # Australian processors": the owner of the thing acted on.
        # "opened fire with small arms and mortars on Indian posts": a target one preposition down.
        for obj in self._prep_objects(verb, ("with", "at", "into")):
            for inner in [obj] + [c for c in obj.children if c.dep_ == "conj"]:
                candidates += [c for c in self._prep_objects(inner, entry.target_preps) if c not in candidates]
        from_objects = [c for c in self._prep_objects(verb, ("from",)) if c not in candidates]
        for candidate in from_objects:
            resolved = self._resolve(candidate, actors, day, verb, counterpart_office=office)
            if resolved is not None:
                return [resolved]
        candidates += from_objects
        # "did not agree to London's requests": any object of the verb may belong to the target.
        candidates += [c for c in self._prep_objects(verb, OWNER_PREPS) if c not in candidates]
        for candidate in candidates:
            # "Pakistan and Afghanistan agreed to a truce brokered by Qatar": a pair of doers acts on each
            # other; whoever brought about what they acted on is no third side.
            if not content and candidate.lemma_.lower() in self.kb.not_actors:
                continue  # "the two presidents met on the island of St. Vincent": where, not with whom
            brokers = set() if content else {t.i for t in _clause_doers(candidate)}
            for owner in self._owners(candidate, entry.event_type):
                if owner.i in brokers:
                    continue
                resolved = self._resolve(owner, actors, day, verb, counterpart_office=office)
                judging = entry.event_type in self.rules.judging_types
                if resolved is not None and judging and _own_people(source, resolved):
                    continue
                if resolved is None and entry.event_type in LOCATED_TYPES:
                    resolved = actors.resolve_place(owner, day)  # "struck a hospital in Kharkiv": the town's
                    resolved = None if resolved and _same_actor(source.ref, resolved.ref) else resolved
                if resolved is not None:
                    return [resolved]
        if entry.event_type in LOCATED_TYPES:
            # "shelled villages in Kunar": where the act was done, when nothing it was done to says whose.
            for where in self._prep_objects(verb, ("in", "near", "inside", "outside")):
                place = actors.resolve_place(where, day)
                if place is not None and not _same_actor(source.ref, place.ref):
                    return [place]
        if not passive and any(c.dep_ == "dobj" for c in verb.children):
            # "condemned the launches by North Korea": the object's doer, its "by" hung on the verb.
            for doer in self._prep_objects(verb, ("by",)):
                resolved = self._resolve(doer, actors, day, verb, counterpart_office=office)
                if resolved is not None and not _same_actor(source.ref, resolved.ref):
                    return [resolved]
        # "threatened to cut funding to the WHO", "refused to sign a deal with Cairo": the content clause's partner.
        for child in verb.children:
            infinitive = child.dep_ in ("advcl", "ccomp") and _infinitive(child)
            # "marched, chanting slogans against the government": a participle clause's partner.
            participle = (
                child.dep_ == "advcl" and child.tag_ == "VBG" and entry.event_type in self.rules.participle_target_types
            )
            if content and (child.dep_ == "xcomp" or infinitive or participle) and child.pos_ in ("VERB", "AUX"):
                objects = {c.lemma_.lower() for c in child.children if c.dep_ == "dobj"}
                inner = self.lexicon.verb(child.lemma_.lower(), set(), objects)
                preps = inner.target_preps if inner else entry.target_preps
                # "denies sending troops to Congo": the troops the content moves are the source's own.
                own = inner is not None and inner.event_type in self.rules.own_forces_types
                kind = inner.event_type if own else entry.event_type
                content = Found(child, None, Trigger(child.lemma_, "VERB", kind, None, (), preps), "verb")
                found = self._verb_targets(content, actors, day, source)
                if found:
                    return found
            if child.dep_ == "ccomp" and entry.event_type in CONTENT_SUBJECT_TYPES:
                # "demanded that the European Union reconnect ...": the one asked is the clause's subject.
                own = False
                for subject in child.children:
                    if subject.dep_ in ("nsubj", "nsubjpass"):
                        resolved = self._resolve(subject, actors, day, verb, counterpart_office=office)
                        if resolved is not None and not _same_actor(source.ref, resolved.ref):
                            return [resolved]
                        own = own or resolved is not None
                if own and child.pos_ in ("VERB", "AUX"):
                    # "warned that Venezuela would quit the body": the speaker's own act; its target is the one warned.
                    inner = self.lexicon.verb(child.lemma_.lower(), set(), set())
                    preps = inner.target_preps if inner else entry.target_preps
                    trigger = Trigger(child.lemma_, "VERB", entry.event_type, None, (), preps)
                    found = self._verb_targets(Found(child, None, trigger, "verb"), actors, day, source)
                    found = [r for r in found if not _same_actor(source.ref, r.ref)]
                    if found:
                        return found
        if entry.event_type in CONTENT_SUBJECT_TYPES:
            # "condemned the decision, saying the bloc was prolonging the war": the one the saying blames.
            for saying in verb.children:
                if (
                    saying.dep_ != "advcl"
                    or saying.tag_ != "VBG"
                    or saying.lemma_.lower() not in self.words.speech_verbs
                ):
                    continue
                for clause in (c for c in saying.children if c.dep_ == "ccomp"):
                    for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                        resolved = self._resolve(subject, actors, day, verb, counterpart_office=office)
                        if resolved is not None and not _same_actor(source.ref, resolved.ref):
                            return [resolved]
        answered = self._answered_speaker(verb, actors, day, source)
        if answered is not None:
            return [answered]
        if entry.event_type == "REJECT" and verb.lemma_.lower() in self.words.non_factual_heads:
            # "Russia denied that it had targeted Poland": with no accuser named, the one the denied act was
            # done to (docs/annotation.md).
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                mentions = [t for t in clause.subtree if t.i in actors.by_token]
                for token in mentions:
                    resolved = self._resolve(token, actors, day, verb)
                    if resolved is not None and not _same_actor(source.ref, resolved.ref):
                        return [resolved]
        # "met Vietnam's prime minister and signed an accord": the second verb shares the first's partner.
        if (
            verb.dep_ == "conj"
            and verb.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ == "nsubj" for c in verb.children)
        ):
            first = self.lexicon.verb(verb.head.lemma_.lower(), set(), set())
            if first is not None:
                head_item = Found(verb.head, None, first, "verb")
                return self._verb_targets(head_item, actors, day, source)
        return []

    def _answered_speaker(
        self, verb: Token, actors: DocumentActors, day: str | None, source: Resolution
    ) -> Resolution | None:
        """'Kyiv said Russia had shelled the city, a claim Moscow denied': Moscow answers Kyiv."""
        for said in (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i):
            # The same sentence misparsed with "denied" as its root and "said" as a clause before it.
            if said.lemma_.lower() in self.words.speech_verbs and verb.lemma_.lower() in self.words.non_factual_heads:
                for subject in (c for c in said.children if c.dep_ == "nsubj"):
                    resolved = self._resolve(subject, actors, day, said)
                    if resolved is not None and not _same_actor(source.ref, resolved.ref):
                        return resolved
        accused = verb.head
        if verb.dep_ == "relcl" and accused.dep_ == "dobj" and verb.lemma_.lower() in self.words.non_factual_heads:
            # "The government blamed the RSF, which denied any role": the RSF answers the government.
            accuser = accused.head
            entry = self.lexicon.verb(accuser.lemma_.lower(), set(), {accused.lemma_.lower()})
            if entry is not None and entry.event_type == "ACCUSE":
                for subject in (c for c in accuser.children if c.dep_ == "nsubj"):
                    resolved = self._resolve(subject, actors, day, accuser)
                    if resolved is not None and not _same_actor(source.ref, resolved.ref):
                        return resolved
        if verb.dep_ != "relcl" or verb.head.lemma_.lower() not in self.rules.claim_nouns:
            return None
        if any(c.dep_ == "dobj" for c in verb.children):
            return None
        node = verb.head
        for _ in range(6):
            if node.head == node:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.words.speech_verbs:
                for subject in (c for c in node.children if c.dep_ == "nsubj"):
                    resolved = self._resolve(subject, actors, day, node)
                    if resolved is not None and not _same_actor(source.ref, resolved.ref):
                        return resolved
                return None
        return None

    def _owners(self, thing: Token, event_type: str) -> list[Token]:
        """Who a non-actor object belongs to: its possessor, its 'of' object, or where it is (for attacks)."""
        if event_type in TARGETLESS_TYPES and thing.lemma_.lower() in self.kb.not_actors:
            return []  # "blocked the Dhaka-Tangail highway", "marched to the Polish border": where, not whom
        owners = [c for c in thing.children if c.dep_ == "poss"]
        # "an offer pledged by France", "demands that Saudi Arabia presented"
        owners += _clause_doers(thing)
        if thing.like_num or thing.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT"):
            for prep in thing.children:  # "$20 million in aid pledged by the G7"
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            owners += self._owners(obj, event_type)

        for prep in thing.children:
            if prep.dep_ != "prep":
                continue
            located = event_type in LOCATED_TYPES and prep.lower_ in ("in", "inside", "near", "across")
            if prep.lower_ in ("of", "from", "by") or located:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        owners += [obj] + [c for c in obj.children if c.dep_ == "conj"] + self._owners(obj, event_type)
        if event_type in LOCATED_TYPES:
            # "struck a car carrying the Taliban leader", "seized a tanker carrying Iranian oil": who it carried.
            for clause in thing.children:
                if clause.dep_ == "acl" and clause.tag_ == "VBG":
                    for carried in (c for c in clause.children if c.dep_ == "dobj"):
                        owners += [carried] + self._owners(carried, event_type)
        # "Mexican goods", "a Philippine supply mission": an adjective or compound naming a country.
        owners += [c for c in thing.children if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN")]
        return owners

    def _prep_objects(self, token: Token, preps: tuple[str, ...]) -> list[Token]:
        found = []
        for child in token.children:
            if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
                found += [c for c in child.children if c.dep_ == "pobj"]
        return found

    def _unplaced_object(self, item: Found, actors: DocumentActors, source: Resolution) -> Resolution | None:
        """The verb's object when it is someone the story gives no country ("arrested Choi", "detained
        a cargo ship", "blamed the Ansar network"): the act is still told, its other side known only by
        its words and, for a group word, its sector (docs/annotation.md: country-less actors)."""
        if item.kind != "verb" or item.reported:
            return None
        for obj in item.verb.children:
            if obj.dep_ not in ("dobj", "dative") or obj.pos_ == "PRON" or _own_possession(obj):
                continue
            named = obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG", "NORP")
            sector = actors.group_sector(obj)
            if named or sector:
                if obj.lemma_.lower() in self.kb.not_actors:
                    return None
                return Resolution(ActorRef(_phrase(obj), None, _phrase(obj), None, sector or "UNK"), 0.4)
        return None

    def _nearby_target(
        self,
        item: Found,
        actors: DocumentActors,
        day: str | None,
        source: Resolution,
        through: tuple[str, ...] | None = None,
    ) -> list[Resolution]:
        """The actor named closest to the trigger inside its phrase, when no argument slot gave one.

        Only names the actor matcher found (not titles or back references), outside the subject,
        so that a mention deep in an object or a prepositional phrase still gives the event its other side.
        With `through`, only names inside a phrase opened by one of those prepositions count.
        """
        anchor = item.noun if item.kind == "noun" else item.verb
        excluded: set[int] = set()
        if through is not None:
            allowed = {
                t.i
                for p in anchor.subtree
                if p.dep_ == "prep" and p.lower_ in through and p.i != anchor.i
                for t in p.subtree
            }
            excluded.update(t.i for t in anchor.subtree if t.i not in allowed)
        for child in anchor.children:
            if child.dep_ in SUBJECT_DEPS + ("agent", "poss", "expl"):
                excluded.update(t.i for t in child.subtree)
        for token in anchor.subtree:
            if token.dep_ == "prep" and token.lower_ in self.rules.company_preps:
                excluded.update(t.i for t in token.subtree)  # "voted against it alongside Russia"
            if (
                token.dep_ == "prep"
                and token.lower_ in ("in", "at")
                and source.ref.sector == "IGO"
                and item.entry.event_type == "CONSULT"
            ):
                excluded.update(t.i for t in token.subtree)  # "a NATO summit in Vilnius", "will meet in Port of Spain"
        for token in anchor.subtree:
            content = token.dep_ in ("acl", "advcl", "relcl") and _infinitive(
                token
            )  # "asked for approval to come to India"
            if (
                token.i != anchor.i
                and not content
                and (token.dep_ in OTHER_CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")))
            ):
                excluded.update(t.i for t in token.subtree)  # another clause, with its own events
        seen: set[int] = set()
        ranked = sorted(
            (
                t
                for t in anchor.subtree
                if t.i not in excluded
                and t.i != anchor.i
                and (t.i in actors.by_token or (t.dep_ in ("pobj", "dobj", "dative") and t.pos_ == "NOUN"))
            ),
            key=lambda t: (t.i < anchor.i, abs(t.i - anchor.i)),
        )
        for token in ranked:
            span = actors.by_token[token.i][0] if token.i in actors.by_token else token.doc[token.i : token.i + 1]
            if span.start in seen:
                continue
            seen.add(span.start)
            head = span.root
            while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head.i not in excluded:
                if head.head == head or head.head.pos_ not in ("NOUN", "PROPN"):
                    break
                head = head.head
            resolved = self._resolve(head, actors, day, anchor, source.office) or self._resolve(
                span.root, actors, day, anchor, source.office
            )
            if resolved is None or _same_actor(source.ref, resolved.ref):
                continue
            if _own_possession(head) and resolved.ref.country == source.ref.country:
                continue  # "withdrew its forces from the corridor": the source's own, no other side
            return [resolved]
        return []

    def _policed(self, item: Found, source: Resolution) -> list[Resolution]:
        """'Spanish police stormed polling stations': the police's own country's people, when the people
        or places acted on are named without a country of their own."""
        words = {w.lower() for w in (source.ref.text or "").split()}
        if source.ref.country is None or not words & self.rules.police_words or item.kind == "noun":
            return []
        verb = item.verb
        fired = verb.lemma_.lower() in self.rules.weapon_verbs  # "fired live rounds": no one acted on
        acted_on = [c for c in verb.children if c.dep_ == "dobj" and not fired]
        acted_on += self._prep_objects(verb, ("at", "on", "against"))
        for purpose in (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and _infinitive(c)):
            acted_on += [c for c in purpose.children if c.dep_ == "dobj"]  # "used tear gas to clear workers"
        if not any(t.pos_ in ("NOUN", "PRON") for t in acted_on):
            return []
        country = self.kb.actors.get(f"country:{source.ref.country}")
        if country is None:
            return []
        ref = ActorRef(_phrase(acted_on[0]), country.actor_id, country.name, country.country, "CVL")
        return [Resolution(ref, 0.6)]

    def _mission_owner(
        self, item: Found, actors: DocumentActors, day: str | None, source: Resolution
    ) -> list[Resolution]:
        """'rallied outside the Chinese consulate in Makati': the state whose embassy or consulate it is."""
        anchor = item.noun if item.kind == "noun" else item.verb
        for token in anchor.subtree:
            if token.lemma_.lower() in self.rules.mission_nouns and token.dep_ == "pobj":
                owner = actors.resolve(token, day)
                if owner is not None and owner.ref.country and not _same_actor(source.ref, owner.ref):
                    return [owner]
        return []

    # -- arguments of event nouns ---------------------------------------------------------------
    def _noun_sources(self, noun: Token, actors: DocumentActors, day: str | None) -> list[Resolution]:
        """'Russia's attack', 'US sanctions', 'an attack by rebels', 'talks between A and B'."""
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.rules.announcing_verbs:
            # "Ottawa announced a surtax on steel from China": the one announcing it does it.
            announced = self._verb_sources(noun.head, actors, day)
            if announced:
                return announced
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() == "responsibility":
            # "The Houthis claimed responsibility for a missile attack on Eilat": the one claiming did it.
            claimed = noun.head.head
            if claimed.dep_ == "dobj" and claimed.head.lemma_.lower() in self.rules.claiming_verbs:
                return self._verb_sources(claimed.head, actors, day)
        candidates = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        # "Turkish drone strikes": the doer may modify the weapon that names the attack.
        candidates += [
            g
            for c in noun.children
            if c.dep_ == "compound" and c.pos_ == "NOUN"
            for g in c.children
            if g.dep_ in ("poss", "amod", "compound") and g.pos_ in ("ADJ", "PROPN")
        ]
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                candidates += [c for c in child.children if c.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ == "between":
                pair = self._between(child, actors, day, noun)
                if pair:
                    return pair
        candidates += _clause_doers(noun)  # "the ultimatum that ECOWAS issued", "a protest lodged by India"
        for candidate in candidates:
            if _anti(candidate):
                continue  # "anti-government protests" are against the government, not by it
            resolved = self._resolve(candidate, actors, day, noun)
            if resolved is not None:
                return [resolved]
        # "Saudi officials began a series of talks with ...": the doer of the verb that governs the noun.
        # Only through "a series of", "a round of": other verbs that govern an event noun are
        # either light verbs (handled as such) or say nothing about who did it ("have a treaty").
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in SERIES_NOUNS:
            holder = noun.head.head
            if holder.dep_ in ("dobj", "attr") and holder.head.pos_ in ("VERB", "AUX"):
                return self._verb_sources(holder.head, actors, day)
            noun = holder  # "arrived in Cairo for a new round of talks": the round stands for the talks
        # "restarted negotiations with the ELN", "arrived in Washington for talks", "said during a visit
        # to London", "retaliated with duties": a verb that is no event itself lends its subject.
        governing = None
        if noun.dep_ == "dobj":
            governing = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in self.rules.occasion_preps:
            governing = noun.head.head
        if (
            governing is not None
            and governing.pos_ in ("VERB", "AUX")
            and not self._verb_triggers(governing, set())  # a verb that is no event here ("sent relief flights")
            and governing.lemma_.lower() not in self.words.hypothetical_light  # "faces extradition": the target
            and not any(c.lower_ in self.rules.non_event_modifiers for c in noun.children if c.dep_ in MODIFIER_DEPS)
        ):
            return self._verb_sources(governing, actors, day)
        return []

    def _noun_targets(
        self, noun: Token, entry: Trigger, actors: DocumentActors, day: str | None, source: Resolution
    ) -> list[Resolution]:
        candidates = self._prep_objects(noun, entry.target_preps)
        for candidate in candidates:
            heads = [candidate] + [c for c in candidate.children if c.dep_ == "conj"]
            resolved = [r for r in (self._resolve(h, actors, day, noun, source.office) for h in heads) if r]
            if resolved:
                return resolved
        for candidate in candidates:
            for owner in self._owners(candidate, entry.event_type):
                resolved = self._resolve(owner, actors, day, noun, source.office)
                if resolved is not None:
                    return [resolved]
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            # "sent relief flights to Tonga": the recipient hangs on the verb that carries the noun.
            for candidate in self._prep_objects(noun.head, entry.target_preps):
                resolved = self._resolve(candidate, actors, day, noun, source.office)
                if resolved is not None and not _same_actor(source.ref, resolved.ref):
                    return [resolved]
        under = self._held_under(noun, actors, day, source)
        if under:
            return under
        held = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            if noun.head.head.lemma_.lower() in self.rules.container_nouns:
                held = noun.head.head  # "rejected the list of demands that ..."
        if held.dep_ in ("dobj", "nsubjpass") and held.head.pos_ in ("VERB", "AUX") and _own_doer(noun):
            # "Qatar rejected the demands that Saudi Arabia presented": the demands were made of Qatar.
            for resolved in self._verb_sources(held.head, actors, day):
                if not _same_actor(source.ref, resolved.ref):
                    return [resolved]
        return []

    def _held_under(self, noun: Token, actors: DocumentActors, day: str | None, source: Resolution) -> list[Resolution]:
        """'Mali remains under ECOWAS sanctions', 'who was placed on a US blacklist': the one under it."""
        if noun.dep_ != "pobj" or noun.head.lower_ not in ("under", "on") or noun.head.head.pos_ not in ("VERB", "AUX"):
            return []
        holder = noun.head.head
        for subject in (c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subject.lower_ in ("who", "which", "that") and holder.dep_ == "relcl":
                subject = holder.head
            resolved = self._resolve(subject, actors, day, noun, source.office)
            if resolved is not None and not _same_actor(source.ref, resolved.ref):
                return [resolved]
        return []

    def _noun_hypothetical(self, noun: Token) -> bool:
        head = noun.head
        if noun.dep_ in ("dobj", "pobj") and head.lemma_.lower() in self.words.hypothetical_light:
            return True
        # "will attend a summit", "plans to join the talks": the verb whose object the event is.
        return noun.dep_ == "dobj" and head.pos_ == "VERB" and is_hypothetical(head, self.words)

    # -- resolution helpers ---------------------------------------------------------------------
    def _resolve(
        self, head: Token, actors: DocumentActors, day: str | None, verb: Token, counterpart_office: str | None = None
    ) -> Resolution | None:
        if head.lemma_.lower() in QUANTITY_HEADS:
            # "Thousands of protesters", "dozens of soldiers": the group is the actor, not the number.
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self._resolve(obj, actors, day, verb, counterpart_office)
        resolved = actors.resolve(head, day, counterpart_office=counterpart_office)
        if resolved is None and head.lemma_.lower() in BACK_REFERENCES and _definite(head):
            resolved = self._back_reference(head, actors, day)
        if (
            resolved is None
            and head.ent_type_ == "PERSON"
            and head.pos_ == "PROPN"
            and actors.focus_at(head.i)
            and not actors.is_place_name(head)
        ):
            # A named person we know nothing about: most likely of the country the story is about.
            name = next((e.text for e in head.doc.ents if e.start <= head.i < e.end), head.text)
            ref = ActorRef(_phrase(head), None, name, actors.focus_at(head.i), "UNK")
            resolved = Resolution(ref, 0.5)

        if resolved is None and head.pos_ == "PRON" and head.lower_ in ("it", "they", "we", "he", "she"):
            for speaker in self._speakers_of(verb):
                if speaker.i == head.i:
                    continue
                found = actors.resolve(speaker, day)
                if found is not None:
                    return Resolution(ActorRef(head.text, *_ref_fields(found.ref)), found.certainty * 0.8, found.office)
        if resolved is None and head.pos_ == "PRON" and head.lower_ == "them":
            resolved = self._plural_antecedent(head, actors, day, verb)
        if resolved is None and head.lower_ == "it" and head.dep_ in ("nsubj", "nsubjpass"):
            resolved = self._it_antecedent(head, actors, day)
        if resolved is None and head.lower_ == "it" and head.dep_ == "dobj" and _told_to_act(head):
            resolved = self._object_antecedent(head, actors, day, verb)
        if resolved is None and head.lemma_.lower() in self.rules.relational_nouns and head.tag_ == "NN":
            resolved = self._other_state(head, actors, day)
        return resolved

    def _other_state(self, head: Token, actors: DocumentActors, day: str | None) -> Resolution | None:
        """'Pakistan suspended trade with its neighbour': the state its owner's story names nearest before."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"), None)
        if owner is None:
            return None
        own = self._it_antecedent(owner, actors, day)
        if own is None or own.ref.country is None:
            return None
        for token in words_before(head):
            if token.i not in actors.by_token:
                continue
            found = actors.resolve(token, day)
            if found is not None and found.ref.country not in (None, own.ref.country):
                if found.ref.actor_id and found.ref.actor_id.startswith("country:"):
                    return Resolution(ActorRef(_phrase(head), *_ref_fields(found.ref)), found.certainty * 0.7)
        return None

    def _it_antecedent(self, pronoun: Token, actors: DocumentActors, day: str | None) -> Resolution | None:
        """'Russia expelled 23 diplomats. It also closed the consulate': the state or body that was the
        subject last, earlier in this sentence or in the one before (people are 'he' or 'she')."""
        for token in words_before(pronoun):
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ == "PRON":
                continue
            found = actors.resolve(token, day)
            if found is None:
                return None  # the last subject is no actor: "it" may well be that
            if found.ref.actor_id and found.ref.actor_id.startswith("person:"):
                return None
            return Resolution(ActorRef(pronoun.text, *_ref_fields(found.ref)), found.certainty * 0.7, found.office)
        return None

    def _object_antecedent(
        self, pronoun: Token, actors: DocumentActors, day: str | None, verb: Token
    ) -> Resolution | None:
        """'thanked the EU but urged it to target Russia's banks': the state or body named last before,
        in this sentence or the one before, that is not the doer of the pronoun's own clause."""
        doers = [actors.resolve(c, day) for c in verb.children if c.dep_ in SUBJECT_DEPS]
        own = {r.ref.country for r in doers if r is not None}
        for token in words_before(pronoun):
            if token.i not in actors.by_token:
                continue
            found = actors.resolve(token, day)
            if found is None or found.ref.country in own or found.ref.country is None:
                continue
            if found.ref.actor_id and found.ref.actor_id.startswith("person:"):
                continue
            return Resolution(ActorRef(pronoun.text, *_ref_fields(found.ref)), found.certainty * 0.7, found.office)
        return None

    def _plural_antecedent(
        self, pronoun: Token, actors: DocumentActors, day: str | None, verb: Token
    ) -> Resolution | None:
        """'Troops fired tear gas to stop them': the group named last before, in this sentence or the one
        before, that is not the doer of the pronoun's own clause (crowds, supporters, workers)."""
        own_subjects = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        for token in words_before(pronoun):
            if token.i in own_subjects or token.tag_ not in ("NNS", "NNPS"):
                continue
            if token.dep_ not in SUBJECT_DEPS + ("dobj", "pobj", "conj", "appos"):
                continue
            found = actors.resolve(token, day)
            if found is not None and found.ref.sector in PLURAL_ANTECEDENT_SECTORS:
                return Resolution(ActorRef(pronoun.text, *_ref_fields(found.ref)), found.certainty * 0.8, found.office)
        return None

    def _back_reference(self, head: Token, actors: DocumentActors, day: str | None) -> Resolution | None:
        """'the council', 'the bloc', 'the agency': the organisation named last before this mention."""
        lemma = head.lemma_.lower()
        best = None
        for index in sorted(actors.by_token, reverse=True):
            if index >= head.i:
                continue
            span, surfaces = actors.by_token[index]
            actor = self.kb.actors.get(surfaces[0].actor_id)
            if actor is None or actor.kind not in ("igo", "org"):
                continue
            words = {w.lower() for w in actor.name.replace("-", " ").split()}
            if lemma in words or lemma in GENERIC_BACK_REFERENCES:
                best = span
                break
        if best is None:
            return None
        found = actors.resolve(best.root, day)
        if found is None:
            return None
        return Resolution(ActorRef(_phrase(head), *_ref_fields(found.ref)), found.certainty * 0.8, found.office)

    def _speakers_of(self, verb: Token) -> list[Token]:
        """In 'Pakistan said it shot down ...', the subject(s) of the saying verb, nearest first."""
        node = verb
        for _ in range(3):
            if node.head == node:
                return []
            if (
                node.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis")
                and node.head.lemma_.lower() in self.words.speech_verbs
            ):
                subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
                return sorted(subjects, key=lambda t: abs(t.i - node.head.i))
            node = node.head
        return []

    def _confidence(self, item: Found, source: Resolution, target: Resolution | None) -> float:
        base = {"verb": 0.95, "light": 0.9, "noun": 0.8}[item.kind]
        score = base * source.certainty * (target.certainty if target else 0.75)
        if source.ref.country is None or (target is not None and target.ref.country is None):
            score *= 0.8
        return round(min(score, 1.0), 3)

    def _make_event(
        self,
        item: Found,
        event_type: str,
        mode: str | None,
        sent: Span,
        document: Document,
        source: ActorRef,
        target: ActorRef | None,
        day: str | None,
        precision: str | None,
        negated: bool,
        hypothetical: bool,
        confidence: float,
    ) -> Event:
        entry = item.entry
        kind = self.ontology.types[event_type]
        trigger_text = (
            item.verb.text
            if item.noun is None
            else (item.noun.text if item.kind == "noun" else f"{item.verb.text} {item.noun.text}")
        )
        text, start = sentence_span(sent)
        return Event(
            event_id=record_id(
                document.id,
                str(sent.start_char),
                str(item.verb.i),
                event_type,
                source.actor_id or source.text,
                (target.actor_id or target.text) if target else "",
            ),
            doc_id=document.id,
            sentence=text,
            start=start,
            end=start + len(text),
            source=source,
            event_type=event_type,
            mode=mode,
            context=list(entry.contexts),
            target=target,
            date=day,
            date_precision=precision,
            negated=negated,
            hypothetical=hypothetical,
            quad_class=kind.quad_class,
            intensity=self.ontology.intensity(event_type, mode),
            cameo_code=self.ontology.cameo(event_type, mode),
            confidence=confidence,
            trigger=trigger_text,
        )


def _named_place(token: Token) -> bool:
    """A proper noun the tagger calls a place, or the gazetteer knows as a town or region."""
    if token.pos_ != "PROPN":
        return False
    name = [t.text for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [token.text]
    return token.ent_type_ in PLACE_LABELS or country_of_place(" ".join(name)) is not None


def _own_forces(source: Resolution, moved: Resolution) -> bool:
    """Forces a MOBILIZE moves that are the mover's own: of its country, or given a country only by
    the story's focus (a guess), so not the other side."""
    return moved.ref.country == source.ref.country or moved.certainty < DESCRIBED_CERTAINTY


def _conditions(nodes: list[Token]) -> list[Token]:
    """The 'if' and 'unless' clauses on these verbs: what a threat demands, and of whom."""
    return [
        clause
        for node in nodes
        for clause in node.children
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)
    ]


def _own_people(judge: Resolution, named: Resolution) -> bool:
    """'condemned the arrest of its citizens in Japan': the judge's own civilians are the victims of the act
    judged, not the side judged."""
    return named.ref.sector == "CVL" and named.ref.country == judge.ref.country


def _same_toll(acting_target: str | None, event: Event) -> bool:
    """True when an act's toll tells no other side than the act itself ('..., killing three civilians')."""
    if acting_target is None:
        return False
    return event.target is None or event.target.country in (None, acting_target)


def _told_to_act(obj: Token) -> bool:
    """'urged it to ...', 'asked it to ...': an object told to do something is a party, not a thing."""
    return any(c.dep_ == "xcomp" and c.i > obj.i and _infinitive(c) for c in obj.head.children)


def _own_possession(token: Token) -> bool:
    """'its ambassador', 'their troops': a phrase owned by a possessive pronoun (most often the doer's own)."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in token.children)


def _asks(noun: Token) -> bool:
    """A call that asks for something: 'calls for talks', 'a call to lay down arms', and 'rejected calls from
    Senegal to step down', where the parser hangs the infinitive on the verb."""
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children):
        return True
    if any(c.dep_ in ("acl", "relcl") and _infinitive(c) for c in noun.children):
        return True
    head = noun.head
    return noun.dep_ == "dobj" and any(
        c.dep_ in ("advcl", "xcomp") and c.i > noun.i and _infinitive(c) for c in head.children
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose argument (or argument's modifier) the noun is."""
    node = noun
    for _ in range(6):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _infinitive(clause: Token) -> bool:
    """'to enter', 'to leave': a clause with the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _clause_doers(noun: Token) -> list[Token]:
    """The subject of a relative clause on the noun, or the agent of a participle: who made it."""
    doers = []
    for clause in noun.children:
        # "the demands (that) Britain presented", as a relative clause or as a clause missing its
        # object; not "a clash in which 20 soldiers died".
        if clause.dep_ in ("relcl", "acl") and _object_gap(clause):
            doers += [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if clause.dep_ == "acl":
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                doers += [c for c in agent.children if c.dep_ == "pobj"]
    return doers


def _object_gap(clause: Token) -> bool:
    """'demands that Britain presented' (the noun is the object), not 'warnings that an invasion could begin'.

    spaCy parses both as a clause on the noun; only verbs that put forward a demand, a protest or
    an offer ("presented", "lodged", "issued") make the clause's subject the noun's doer.
    """
    if clause.lemma_.lower() not in load_rules().issuing_verbs:
        return False
    relative = ("that", "which", "whom")  # "the protest that Pakistan lodged": 'that' is the object
    return not any(
        c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "nsubjpass") and c.lower_ not in relative
        for c in clause.children
    )


def _own_body(token: Token, body_words: frozenset[str]) -> bool:
    """'his government', 'its troops', 'the army': the doer's own people, not another party."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        return True
    named = any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in token.subtree if c.i != token.i)
    return token.lemma_.lower() in body_words and not named


def _own_clause_text(verb: Token) -> str:
    """The verb's clause without the clauses inside it ('a diplomat who served in Moscow that year')."""
    kept = []
    for token in verb.subtree:
        node = token
        while node.i != verb.i and node.dep_ not in ("relcl", "acl", "ccomp", "advcl"):
            node = node.head
        if node.i == verb.i:
            kept.append(token.text_with_ws)
    return "".join(kept)


def _window(sent: Span) -> int:
    """Where the TOLD_BEFORE_SENTENCES sentences before this one start (walked back, not all listed)."""
    first = sent
    for _ in range(TOLD_BEFORE_SENTENCES):
        if first.start == 0:
            break
        first = sent.doc[first.start - 1].sent
    return first.start_char


def _anti(token: Token) -> bool:
    """'anti-government', 'anti-Western': the word names what the event is against."""
    doc = token.doc
    if token.lower_.startswith("anti-"):
        return True
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "anti"


def _own_doer(noun: Token) -> bool:
    """True when the event noun is told with its own doer: 'appeals from X', 'the demands X made'.

    A possessor alone ("rejected London's accusation") refers back to an event told before.
    """
    if any(
        c.dep_ == "prep" and c.lower_ in ("by", "from") and any(o.dep_ == "pobj" for o in c.children)
        for c in noun.children
    ):
        return True
    return bool(_clause_doers(noun))


def _characterises(verb: Token) -> bool:
    """'called X reckless', 'called it a sign of ...': the object gets a description."""
    return any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") for c in verb.children) or any(
        c.dep_ in ("amod", "appos") and c.i > o.i for o in verb.children if o.dep_ == "dobj" for c in o.children
    )


def _definite(token: Token) -> bool:

    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children) or any(
        c.dep_ == "poss" for c in token.children
    )


def _phrase(token: Token) -> str:
    return token.doc[token.left_edge.i : token.i + 1].text


def _set_off(prep: Token) -> bool:
    """'gave the envoy 72 hours to leave, in a sharp escalation': a phrase after the verb's object or
    complement and a comma is no particle (but 'called, in a statement, for a ceasefire' keeps 'for')."""
    verb = prep.head
    if prep.dep_ != "prep" or prep.i <= verb.i + 1 or not prep.doc[prep.i - 1].is_punct:
        return False
    return any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "advcl") and verb.i < c.i < prep.i for c in verb.children)


def _dates_only(prep: Token) -> bool:
    """'called Sharif on Thursday': a preposition whose object is a date is not a particle ('call on')."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    # "called for a further week of strikes": a date that holds an event is not a date only.
    held = any(p.dep_ == "prep" and p.lower_ == "of" for o in objects for p in o.children)
    return bool(objects) and not held and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    """One actor on both sides: no event ("Kenyan police arrested Kenyan protesters" is two actors).

    A government acting on its own state (Lula -> "Brazil") is one side too; a government
    acting on one of its own people (police detaining a former president) is not.
    """
    if a.actor_id and a.actor_id == b.actor_id:
        return a.sector == b.sector
    generic = b.actor_id is None or b.actor_id.startswith("country:") or a.actor_id is None
    return generic and a.country is not None and a.country == b.country and a.sector == b.sector


def _ref_fields(ref: ActorRef) -> tuple:
    return ref.actor_id, ref.name, ref.country, ref.sector
