"""Find claims in a parsed document: who says what, in which words, with which stance.

A claim hangs on a cue: a verb of saying, denying, admitting or disputing (the lists live
in `data/claims.yaml`), "according to", or a claim noun with a verb on it ("an accusation
Moscow has rejected", "a charge backed by a U.N. group of experts"). The speaker is the
cue's subject (inherited through participles and conjoined verbs: "..., saying ..."),
resolved to an actor by the document's `DocumentActors`, so "Washington", "the Kremlin
spokesman" and "he" are actors, not the outlet. The content is the cue's clause ("said
[that] ..."), its gerund ("denied [sending troops]"), its object for verbs that take one
("confirmed [Mansour's death]", "denied [any role]") or its object with a complement
("accused [Rwanda of deploying troops]", "described [the letter as an apology]").

Stance: the cue's class (deny, admit, dispute, assert), turned into "deny" when an
asserting speaker says that its own side did not do something ("Russia had nothing to do
with the attack", said by Lavrov). No claim: a withheld statement ("did not confirm",
"declined to comment", "refused to say"), a plan or promise of the speaker's own side
("said it would retaliate": an event, coded as such), a demand ("said Japan should ..."),
a rejection of a thing that is not a claim ("rejected the list of demands": an event).

A claim that answers another ("rejected India's charge", "an accusation Moscow denied",
"contradicting Houthi claims of a direct hit") is linked to the claim it answers, found in
the same sentence or earlier in the document by the answered party; linked claims share
their claim key (`dyadwatch.claims.keys`). "Initially denied ... but later admitted" gives
two claims, a denial and an admission of the same content.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.resolver import PERSON_NOUNS, DocumentActors
from dyadwatch.claims.words import ClaimWords, load_claim_words
from dyadwatch.events.dates import resolve_event_date
from dyadwatch.nlp import sentence_span
from dyadwatch.records import ActorRef, Claim, Document, Event, record_id

NEGATORS = {"not", "n't", "never", "no", "nothing", "none", "neither", "nor", "nobody"}
RELATIVES = {"who", "which", "that", "whom", "whose", "what"}
SPEAKER_PRONOUNS = {"it", "they", "we", "i"}
PERSON_PRONOUNS = {"he", "she"}
OWN_PRONOUNS = {"it", "they", "we", "i", "he", "she", "its", "their", "our", "my", "his", "her", "us"}
EDGE_TRIM = {'"', "'", "“", "”", "‘", "’", ",", ";", ":", "—", "–", "-", ".", "that", "whether"}
HYPOTHETICAL_HEADS = {"plan", "intend", "ready", "prepared", "willing", "want", "seek", "aim", "hope", "expect"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")


@dataclass
class _Context:
    """What the finder learns about a document as it reads it."""

    dateline: str | None = None  # the country of the dateline's place ("KYIV, April 19 —")
    people: dict[str, ActorRef] = field(default_factory=dict)  # names of people resolved once, and who they are
    accusing: set[str] = field(default_factory=set)  # ids of the claims made by accusing ("accused X of ...")


@dataclass
class _Found:
    """A claim found in a sentence, before its speaker is resolved and its links are made."""

    cue: Token
    cue_text: str
    speaker: Token | None
    stance: str
    content: tuple[int, int] | None = None  # token span [start, end)
    prefix: str | None = None  # words put before the content ("The tanker Coral Vega: they hit ...")
    link_noun: Token | None = None  # the claim noun naming the claim answered ("India's charge")
    link_here: bool = False  # answers a claim of this sentence or the one before ("an accusation X denied")
    answers_last: bool = False  # a thing or act denied ("denied any political motive"): answers another's claim
    link_token: Token | None = None  # a token inside the content of the claim it belongs with
    link_head: Token | None = None  # the cue of the claim whose content this one shares ("denied ... but admitted")
    parent: _Found | None = None  # the statement a participle continues ("..., saying ...")
    speaker_ref: ActorRef | None = None


class ClaimFinder:
    """Finds the claims of a parsed document; built once per process, like the event coder."""

    def __init__(self, words: ClaimWords | None = None) -> None:
        self.words = words or load_claim_words()

    # -- public ---------------------------------------------------------------------------
    def find(self, doc: Doc, document: Document, actors: DocumentActors, events: Iterable[Event] = ()) -> list[Claim]:
        """The claims of one document, in text order, with links between them (keys come later)."""
        events = list(events)
        claims: list[Claim] = []
        context = _Context(dateline=actors.dateline_country)
        for _, person in actors.people:  # "Prime Minister Theresa May ..." then "May told MPs"
            surname = person.name.split()[-1] if person.name else None
            if surname and person.kind == "person":
                context.people.setdefault(surname, _actor_ref(surname, person, document.published))
        told: list[tuple[int, str]] = []  # (start, text) of the sentences that hold no claim
        for sent in doc.sents:
            found = self._in_sentence(sent)
            records = self._records(found, sent, document, actors, events, claims, context)
            claims += records
            if not records:
                told.append((sent.start_char, sent.text))
        _mark_narrated(claims, told)
        return claims

    # -- cues -------------------------------------------------------------------------------
    def _in_sentence(self, sent: Span) -> list[_Found]:
        found: list[_Found] = []
        for token in sent:
            item = None
            if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
                item = self._according(token)
            elif token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                item = self._verb_cue(token)
            if item is not None:
                found.append(item)
        return self._attach_participles(found)

    def _according(self, token: Token) -> _Found | None:
        """'..., according to the health ministry': the clause the phrase hangs on is the content."""
        to = token.nbor(1)
        speakers = [c for c in to.children if c.dep_ == "pobj"]
        if not speakers:
            return None
        head = token.head
        while (head.pos_ not in ("VERB", "AUX") or head.dep_ in ("acl", "relcl")) and head.head.i != head.i:
            head = head.head
        # "Jets bombed the village, killing nine civilians, according to local elders": the phrase, parsed on
        # the trailing participle, vouches for the whole clause, not for "killing nine civilians" alone.
        while head.dep_ == "advcl" and head.tag_ in ("VBG", "VBN") and head.head.i < head.i < token.i:
            head = head.head
        if token.left_edge.i <= head.i <= token.right_edge.i:
            return None
        span = _span_without(head, token)
        if span is None:
            return None
        return _Found(token, "according to", speakers[0], "assert", span)

    def _verb_cue(self, verb: Token) -> _Found | None:
        words = self.words
        lemma = verb.lemma_.lower()
        stance = words.stance_of(lemma)
        noun = verb.head if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i else None
        if noun is not None and _is_claim_noun(noun, words):
            # "an accusation Moscow has rejected", "a charge backed by a U.N. group of experts"
            if stance is None and lemma not in words.endorse_verbs:
                return None
            speaker = self._relative_subject(verb)
            if speaker is None:
                return None
            kind = stance if stance in ("deny", "dispute") else "assert"
            return _Found(verb, f"{noun.text} … {verb.text}", speaker, kind, link_noun=noun, link_here=True)
        if stance is None or self._withheld(verb):
            return None
        speaker = self._speaker_token(verb)
        if speaker is None:
            return None
        if _is_claim_noun(speaker, words) and stance in ("deny", "dispute"):
            # "..., an accusation Phnom Penh denied" parsed with the accusation as the subject
            named = next((c for c in speaker.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"), None)
            if named is None:
                return None
            return _Found(verb, f"{speaker.text} … {verb.text}", named, stance, link_noun=speaker, link_here=True)
        if noun is not None and verb.dep_ == "relcl":
            return self._relative_cue(verb, noun, speaker, stance)
        inverted = self._inverted(verb, speaker) if lemma in words.clause_only_verbs else None
        if inverted is not None:
            return inverted
        found = self._content_cue(verb, lemma, speaker, stance)
        if found is not None and found.content is not None:
            a, b = found.content
            if b - a == 1 and verb.doc[a].lower_ in ("it", "this", "that", "so", "them", "these"):
                found.content = None  # "later admitted it": the content of the claim it answers
                found.link_noun = None
                found.link_here = True
                head = _statement_head(verb)
                if verb.dep_ == "conj" and head is not None and self.words.stance_of(head.lemma_.lower()):
                    found.link_head = head
            elif self._reverses(verb):
                found.link_head = verb.head  # "initially denied that P, but later admitted that Q": Q answers P
        elif found is None and verb.dep_ == "conj" and self.words.stance_of(verb.head.lemma_.lower()):
            # "initially denied the report but later admitted": the first verb's content, a second stance
            found = _Found(verb, verb.text, speaker, stance, None, link_head=verb.head)
        return found

    def _reverses(self, verb: Token) -> bool:
        """A second cue of one speaker that takes back the first: "initially denied P but later
        admitted Q" (another stance, and a word of change on either verb)."""
        head = verb.head
        if verb.dep_ != "conj" or head.i == verb.i:
            return False
        first, second = self.words.stance_of(head.lemma_.lower()), self.words.stance_of(verb.lemma_.lower())
        if first is None or second is None or {first, second} & {"deny", "dispute"} == set() or first == second:
            return False
        marks = [c for v in (head, verb) for c in v.children if c.dep_ in ("advmod", "npadvmod")]
        return any(m.lower_ in self.words.reversal_words for m in marks)

    def _inverted(self, verb: Token, subject: Token) -> _Found | None:
        """'P, the Bangladesh Garment and Industrial Workers Federation said.' when the parser lost the speaker.

        The cue closes the sentence, a noun phrase after the last comma stands right before
        it, and the subject the parser gave it lies elsewhere: that noun phrase speaks, and
        what precedes the comma is the content.
        """
        doc = verb.doc
        sent = verb.sent
        before = doc[verb.i - 1] if verb.i > sent.start else None
        if before is None or before.pos_ not in ("NOUN", "PROPN") or before.i == subject.i:
            return None
        if subject.left_edge.i <= before.i <= subject.right_edge.i:
            return None
        if any(
            t.dep_ not in ("punct", "prep", "pobj", "npadvmod", "advmod", "det", "compound", "amod", "space")
            for t in doc[verb.i + 1 : sent.end]
            if t.head.i == verb.i
        ):
            return None
        comma = next((t.i for t in reversed(doc[sent.start : before.i]) if t.text == ","), None)
        if comma is None or comma - sent.start < 4:
            return None
        return _Found(verb, verb.text, before, "assert", (sent.start, comma))

    def _relative_cue(self, verb: Token, noun: Token, speaker: Token, stance: str) -> _Found | None:
        """'the Coral Vega, which the Houthis said they hit', 'a truce with the gangs that his government denies'."""
        clause = _child(verb, ("ccomp",))
        head_span = _noun_phrase(noun)
        if clause is not None:
            # what was said follows the cue: "which the Houthis said [they hit ...]" (the relative
            # pronoun is the prefix's noun); an appositive name keeps its head ("The tanker Coral Vega")
            start, end = _clause_span(clause)
            span = (max(start, verb.i + 1), end)
            named = noun.head if noun.dep_ == "appos" and noun.head.i < noun.i else noun
            prefix = _text(noun.doc, (named.left_edge.i, head_span[1]))
            return _Found(verb, verb.text, speaker, stance, span, prefix=prefix, link_token=noun)
        relative_object = (
            any(c.dep_ == "dobj" and c.lower_ in RELATIVES for c in verb.children)
            or not any(c.dep_ == "dobj" for c in verb.children)
            and not any(c.dep_ == "nsubj" and c.lower_ in RELATIVES for c in verb.children)
        )
        if relative_object and (
            stance in ("deny", "dispute", "admit") or verb.lemma_.lower() in self.words.object_verbs
        ):
            # "a quiet truce with the gangs that his government denies": the noun is what is denied
            return _Found(verb, verb.text, speaker, stance, head_span, link_token=noun)
        if verb.lemma_.lower() in ("attribute", "blame"):
            # "a trend his critics attribute in part to a quiet truce with the gangs"
            prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on")), None)
            if prep is not None:
                return _Found(verb, verb.text, speaker, stance, _clause_span(prep), prefix=_text(noun.doc, head_span))
        return None

    def _content_cue(self, verb: Token, lemma: str, speaker: Token, stance: str) -> _Found | None:
        words = self.words
        clause = _child(verb, ("ccomp",))
        obj = _child(verb, ("dobj",))
        gerund = next((c for c in verb.children if c.dep_ in ("xcomp", "pcomp") and c.tag_ == "VBG"), None)
        cue_text = verb.text
        if (
            verb.dep_ in ("parataxis", "conj")
            and clause is None
            and obj is None
            and verb.head.i < verb.i
            and (
                lemma in words.clause_only_verbs
                and (verb.dep_ == "parataxis" or any(c.dep_ == "nsubj" for c in verb.children))
            )
        ):
            # '"We will not sit at the table," Abiy said' and 'Iran has agreed ..., the head of the
            # watchdog said' parsed with the reported clause as the root.
            span = _span_without(verb.head, verb)
            return _Found(verb, cue_text, speaker, stance, span) if span else None
        if stance == "deny" or lemma in ("dispute", "question", "challenge", "contest"):
            if clause is not None:
                return _Found(verb, cue_text, speaker, stance, _clause_span(clause))
            if gerund is not None and stance == "deny":
                # "denies sending troops to Congo": the answer to the latest assertion of another party
                return _Found(verb, cue_text, speaker, stance, _clause_span(gerund), answers_last=True)
            if obj is not None:
                claim_noun = _claim_noun_in(obj, words)
                if claim_noun is not None:
                    complement = _noun_complement(claim_noun)
                    span = _clause_span(complement) if complement is not None else None
                    if stance == "deny" and (
                        obj.lemma_.lower() in words.dispute_nouns or claim_noun.lemma_.lower() in words.dispute_nouns
                    ):
                        stance = "dispute"  # "rejects Tokyo's explanation", "reject the premise of ..."
                    return _Found(verb, cue_text, speaker, stance, span, link_noun=claim_noun)
                if lemma in words.object_verbs:
                    span = _noun_phrase(obj, with_preps=True)  # "denied any political motive": as a gerund
                    return _Found(verb, cue_text, speaker, stance, span, answers_last=stance == "deny")
            return None
        if lemma in ("accuse", "charge", "blame", "describe", "label", "brand", "attribute"):
            preps = {"accuse": ("of",), "charge": ("with",), "blame": ("for", "on"), "attribute": ("to",)}.get(
                lemma, ("as",)
            )
            if obj is not None and obj.lower_ not in RELATIVES:
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps), None)
                if prep is None:
                    prep = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in preps), None)
                if prep is not None:
                    span = (min(obj.left_edge.i, prep.left_edge.i), max(obj.right_edge.i, prep.right_edge.i) + 1)
                    found = _Found(verb, cue_text, speaker, stance, _without_comment(verb.doc, span))
                    if lemma in ("describe", "label", "brand"):
                        found = self._dismissive(found, _clause_span(prep), obj)
                    return found
            if clause is not None and lemma != "describe":
                return _Found(verb, cue_text, speaker, stance, _clause_span(clause))
            return None
        if lemma == "call":
            predicate = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.i > verb.i), None)
            if obj is not None and obj.lower_ in ("what", "which"):
                # "what he called America's proactive role", "what it called the continued flow of weapons"
                target = predicate or obj
                return _Found(verb, cue_text, speaker, stance, _noun_phrase(target, with_preps=True))
            if obj is not None and predicate is not None:
                span = (min(obj.left_edge.i, predicate.left_edge.i), max(obj.right_edge.i, predicate.right_edge.i) + 1)
                return self._dismissive(_Found(verb, cue_text, speaker, stance, span), _clause_span(predicate), obj)
            if obj is None and predicate is not None and predicate.dep_ == "oprd":
                # "called the ruling binding", parsed as one predicate
                span = _noun_phrase(predicate, with_preps=True)
                return self._dismissive(_Found(verb, cue_text, speaker, stance, span), span, predicate)
            if obj is not None:
                # "Sheinbaum has called that accusation slander": parsed as one noun phrase
                found = _Found(verb, cue_text, speaker, stance, _noun_phrase(obj))
                found = self._dismissive(found, found.content, obj)
                return found if found.stance == "deny" else None
            return None
        if clause is not None and (lemma != "tell" or clause.dep_ == "ccomp"):
            return _Found(verb, cue_text, speaker, stance, _clause_span(clause))
        if obj is not None and lemma in words.object_verbs and obj.lower_ not in RELATIVES:
            claim_noun = _claim_noun_in(obj, words)
            if claim_noun is not None and lemma in ("confirm", "acknowledge", "admit"):
                return _Found(verb, cue_text, speaker, stance, None, link_noun=claim_noun)
            return _Found(verb, cue_text, speaker, stance, _noun_phrase(obj, with_preps=True))
        if lemma in ("take",):
            return None
        return None

    def _dismissive(self, found: _Found, predicate: tuple[int, int] | None, obj: Token) -> _Found:
        """'called the accusation slander', 'described their findings as a fabrication': a denial."""
        if predicate is None:
            return found
        doc = obj.doc
        tokens = doc[predicate[0] : predicate[1]]
        if any(
            t.lemma_.lower() in self.words.dismissive_words or t.lower_ in self.words.dismissive_words for t in tokens
        ):
            found.stance = "deny"
            noun = _claim_noun_in(obj, self.words) or next(
                (t for t in obj.subtree if _is_claim_noun(t, self.words)), None
            )
            if noun is not None:
                found.link_noun = noun
                found.content = None
        return found

    def _withheld(self, verb: Token) -> bool:
        """'did not confirm', 'declined to comment', 'refused to say', 'would not say', 'before X confirmed':
        no claim."""
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ in ("xcomp",) and verb.head.lemma_.lower() in self.words.withholding_heads:
            return True
        if self._unmade(verb):
            return True
        return any(
            c.dep_ == "aux" and c.lower_ in ("will", "'ll", "could", "might", "may", "can") for c in verb.children
        )

    def _unmade(self, verb: Token) -> bool:
        """'before either government had confirmed it', 'unless Moscow confirms': not said (yet)."""
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        return verb.dep_ == "advcl" and bool(marks & self.words.unmade_marks)

    def _speaker_token(self, verb: Token) -> Token | None:
        """The subject of the cue, inherited through participles and conjoined verbs (not from a
        statement not made: 'announced the truce before Delhi had confirmed it, saying ...' is
        the announcer's)."""
        node = verb
        for _ in range(4):
            if node is not verb and self._unmade(node) and node.head.i != node.i:
                node = node.head
                continue
            for child in node.children:
                if child.dep_ == "nsubj":
                    if child.lower_ in RELATIVES and node.dep_ == "relcl":
                        return node.head
                    return child
                if child.dep_ == "agent":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            if any(c.dep_ in ("nsubjpass", "csubj") for c in node.children):
                return None
            if node.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and node.head.i != node.i:
                node = node.head
                if node.dep_ == "prep" and node.head.i != node.i:
                    node = node.head
                continue
            return None
        return None

    def _relative_subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("nsubj",) and child.lower_ not in RELATIVES:
                return child
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return None

    def _attach_participles(self, found: list[_Found]) -> list[_Found]:
        """'rejected India's charge, saying ...', 'said P, contradicting Houthi claims': one statement, not two.

        A participle cue continues the statement it hangs on, or, when the parser hung it
        inside that statement's content ("said [the vessel suffered no damage, contradicting
        ...]"), the statement whose content holds it. It takes that statement's speaker, and
        the content stops before it. Whether it is folded in is decided once the statement's
        own claim is known (see `_fold`).
        """
        by_cue = {f.cue.i: f for f in found}
        for item in found:
            verb = item.cue
            holders = [
                f for f in found if f is not item and f.content is not None and f.content[0] <= verb.i < f.content[1]
            ]
            if (
                verb.tag_ != "VBG"
                and verb.dep_ == "conj"
                and holders
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            ):
                # "said the panel had found ..., and rejected Washington's argument": the parser hung the
                # second statement inside the first one's content; it is the same speaker's.
                holder = min(holders, key=lambda f: f.content[1] - f.content[0])
                item.speaker = holder.speaker
                cut = verb.left_edge.i
                while cut > holder.content[0] and verb.doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                holder.content = (holder.content[0], min(holder.content[1], cut))
                continue
            if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
                continue
            head = _statement_head(verb)
            parent = by_cue.get(head.i) if head is not None else None
            if (
                parent is not None
                and parent is not item
                and parent.content is not None
                and not (parent.content[0] <= verb.i < parent.content[1])
            ):
                item.parent = parent
                continue
            if holders and verb.doc[verb.left_edge.i - 1].text == ",":
                parent = min(holders, key=lambda f: f.content[1] - f.content[0])
                item.parent = parent
                item.speaker = parent.speaker
                parent.content = (parent.content[0], min(parent.content[1], verb.left_edge.i - 1))
            elif parent is not None and parent is not item:
                item.parent = parent
        return found

    def _fold(self, here: list[tuple[_Found, Claim]]) -> list[tuple[_Found, Claim]]:
        """Fold participles into the claim they continue; keep them when that statement made no claim."""
        made = {id(item): claim for item, claim in here}
        kept = []
        for item, claim in here:
            parent_claim = made.get(id(item.parent)) if item.parent is not None else None
            if parent_claim is None:
                if item.parent is None and item.cue.tag_ == "VBG" and item.cue.lemma_.lower() == "call":
                    continue  # "summoned the ambassador, calling it a violation": part of an act, not a claim
                kept.append((item, claim))
                continue
            if claim.stance == "deny" and parent_claim.stance == "assert":
                # "CENTCOM said ..., contradicting Houthi claims of a direct hit"; "told reporters ...,
                # describing their findings as a fabrication": the statement is a denial.
                parent_claim.stance = "deny"
                parent_claim.cue = f"{parent_claim.cue} … {item.cue.text}"
                if item.link_noun is not None and item.parent.link_noun is None:
                    item.parent.link_noun = item.link_noun
        return kept

    # -- records ------------------------------------------------------------------------------
    def _records(
        self,
        found: list[_Found],
        sent: Span,
        document: Document,
        actors: DocumentActors,
        events: list[Event],
        earlier: list[Claim],
        context: _Context,
    ) -> list[Claim]:
        doc = sent.doc
        text, start = sentence_span(sent)
        here: list[tuple[_Found, Claim]] = []
        for item in found:
            if item.cue_text == "according to":  # a source cited, not a statement made on a day of its own
                day, precision = document.published, "day" if document.published else None
            else:
                day, precision, _ = resolve_event_date(item.cue, sent, document.published, False)
            speaker = self._speaker(item.speaker, actors, day, earlier + [c for _, c in here], context)
            if speaker is None:
                continue
            stance = item.stance
            negative = False
            if item.content is not None:
                a, b = _trim(doc, item.content)
                if b <= a:
                    continue
                if doc[a].lower_ in ("only", "merely") and b - a > 2 and stance == "assert":
                    stance = "dispute"  # "said only that Rwanda had taken defensive measures": no answer to the charge
                    a, b = _trim(doc, (a + 1, b))
                item.content = (a, b)
                if stance == "assert":
                    verdict = self._assertion(doc, (a, b), speaker, actors, day)
                    if verdict is None:
                        continue
                    stance, noun, negative = verdict
                    if noun is not None:
                        # "Pakistan's allegation that P is baseless": P is denied; it answers Pakistan's claim
                        item.link_noun = noun
                        complement = _noun_complement(noun)
                        item.content = _trim(doc, _clause_span(complement)) if complement is not None else None
            if item.content is None and item.link_noun is None and not item.link_here and item.link_head is None:
                continue
            content_text, content_start, content_end = None, None, None
            if item.content is not None:
                a, b = item.content
                content_text = doc[a:b].text
                if item.prefix:
                    content_text = f"{item.prefix}: {content_text}"
                content_start, content_end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
            claim = Claim(
                claim_id=record_id(
                    document.id, str(sent.start_char), str(item.cue.i), speaker.actor_id or speaker.text, stance
                ),
                doc_id=document.id,
                sentence=text,
                start=start,
                end=start + len(text),
                speaker=speaker,
                content=content_text or "",
                stance=stance,
                content_start=content_start,
                content_end=content_end,
                date=day,
                date_precision=precision,
                cue=item.cue_text,
                negative=negative,
                about=_about(doc, item.content, actors, day) if item.content else [],
                event_types=_event_types(events, start, content_text or ""),
            )
            here.append((item, claim))
            if item.cue.lemma_.lower() in self.words.accusing_verbs:
                context.accusing.add(claim.claim_id)
        here = self._fold(here)
        for item, claim in here:
            self._link(item, claim, here, earlier, actors, claim.date, context.accusing)
        # An answer with no words of its own whose claim the document does not hold ("Belarus rejected
        # the accusations") is kept without content: the claim keyer looks for it in earlier documents.
        claims = [claim for _, claim in here]
        # "Zelensky said P, a claim the Russian defence ministry denied": also pull in possessor claims.
        claims += self._possessor_claims(here, document, sent, actors, start, text, events)
        return claims

    def _assertion(
        self, doc: Doc, span: tuple[int, int], speaker: ActorRef, actors: DocumentActors, day: str | None
    ) -> tuple[str, Token | None, bool] | None:
        """(stance, claim noun answered, negative) of an asserted content, or None when it is no claim.

        - "Pakistan's allegation that ... is baseless": a denial of the claim named;
          "Canada's arguments do not stand up": a dispute of it;
        - "Japan should take responsibility": a demand, no claim;
        - "we will respond", "Georgia would not seek talks": the speaker's side announces its
          own act, no claim (the event coder codes the act);
        - content that says something did not happen, is not so, or "had nothing to do with":
          a denial ("the troop movements posed no threat", "had not asked for asylum");
        - "he took responsibility for injuries", "apologised": an admission.
        """
        head = _span_root(doc, span)
        subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and _is_claim_noun(subject, self.words):
            predicates = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd")]
            said_of = {w for p in predicates for t in p.subtree for w in (t.lower_, t.lemma_.lower())}
            if said_of & self.words.dismissive_words:
                return "deny", subject, False
            if (
                _negated(head)
                or said_of & self.words.dispute_words
                or {lemma_of(head), head.lower_} & self.words.dispute_words
            ):
                return "dispute", subject, False  # "Canada's arguments do not stand up", "the figures were exaggerated"
        auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
        if auxes & self.words.demand_aux:
            return None
        future = _future(head, self.words)
        if future and self._speaker_side(subject, speaker, actors, day):
            return None
        lemma = head.lemma_.lower()
        own_subject = self._speaker_side(subject, speaker, actors, day, strict=True)
        if (
            lemma in self.words.admit_content_verbs
            and own_subject
            and _child(head, ("ccomp",)) is not None
            or (lemma in ("apologise", "apologize") and own_subject)
            or (lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "responsibility" for c in head.children))
        ):
            return "admit", None, False  # "she regretted that shortcomings ...", "he took responsibility"
        # claims.yaml lists participles ("disturbed", "concerned"): a passive's head, whose lemma is the
        # verb ("disturb"), counts as written ("was disturbed by", not "had committed violations").
        passive = any(c.dep_ == "auxpass" for c in head.children)
        attitude = (
            lemma in self.words.attitude_words
            or (passive and head.lower_ in self.words.attitude_words)
            or any(
                c.dep_ == "acomp" and {c.lemma_.lower(), c.lower_} & self.words.attitude_words for c in head.children
            )
        )
        if attitude and own_subject:
            return None  # "it was disturbed by ...", "he was ready to meet Putin": an attitude, no claim
        # The clauses the content says: its head, clauses conjoined to it, and the clause of a
        # reported assurance ("Sogavare had assured him there would be no base").
        clauses = [(head, subject)]
        for child in head.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                clauses.append((child, next((c for c in child.children if c.dep_ in SUBJECT_DEPS), subject)))
            if child.dep_ == "ccomp" and lemma in ("assure", "promise", "tell", "say", "insist", "confirm"):
                clauses.append((child, next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)))
        negative = False
        for clause, clause_subject in clauses:
            if _nothing_to_do_with(clause):
                return "deny", None, True
            if not _negated(clause):
                continue
            own = self._speaker_side(clause_subject, speaker, actors, day, strict=True)
            if own and not _future(clause, self.words):
                # "Hungary had never sought to weaken ...", "it had not committed any of the violations"
                return "deny", None, True
            if own:
                continue  # "Georgetown would not cede an inch": a commitment, not a denial
            negative = True  # a denial if another party asserts the same (decided with the keys)
        return "assert", None, negative

    def _speaker_side(
        self, subject: Token | None, speaker: ActorRef, actors: DocumentActors, day: str | None, strict: bool = False
    ) -> bool:
        """Is the subject the speaker itself or its side: a pronoun, the speaker's country or its forces?

        strict: "he" and "she" count only when they are the speaker ("she had broken no law",
        said by an embassy of someone else, is not the embassy's side).
        """
        if subject is None:
            return False
        if strict and subject.lower_ in PERSON_PRONOUNS:
            resolved = actors.resolve(subject, day)
            return resolved is not None and resolved.ref.actor_id == speaker.actor_id
        if subject.lower_ in OWN_PRONOUNS:
            return True
        named = _countries(
            [subject] + [c for c in subject.children if c.dep_ in ("compound", "poss", "amod")], actors, day
        )
        if named:
            return speaker.country in named
        if subject.lemma_.lower() in actors.kb.group_sectors or subject.lower_ in actors.kb.group_sectors:
            return not _countries(subject.subtree, actors, day) or speaker.country in _countries(
                subject.subtree, actors, day
            )
        return False

    def _speaker(
        self,
        token: Token | None,
        actors: DocumentActors,
        day: str | None,
        earlier: list[Claim],
        context: _Context | None = None,
    ) -> ActorRef | None:
        """The actor who makes the claim: resolved by the actor layer, with fallbacks for speakers
        it leaves open (pronouns, documents, witnesses, named people it does not hold)."""
        if token is None:
            return None
        words = self.words
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower in words.non_speakers and not any(
            c.dep_ in ("amod", "compound", "poss") and c.i in actors.by_token for c in token.children
        ):
            return None
        if any(c.dep_ == "appos" and c.lemma_.lower() in words.non_speakers for c in token.children):
            return None  # "Ilse Vandermeer, a Geneva-based consultant": a commentator
        if lemma in words.document_nouns or lower in words.document_nouns:
            return self._document_owner(token, actors, day)
        resolved = actors.resolve(token, day)
        if resolved is not None:
            if context is not None and token.pos_ == "PROPN" and (resolved.ref.actor_id or "").startswith("person:"):
                context.people[token.text] = resolved.ref
            if resolved.certainty <= 0.6 and token.pos_ == "NOUN" and not _countries(_modifiers(token), actors, day):
                # "The military also accused India ...", "according to the police": a body named without its
                # country, which the actor layer gave the country the document names most. The same kind
                # of body that spoke last is a better guess, then the dateline's country.
                return self._unnamed_body(token, resolved.ref, actors, earlier, context)
            return resolved.ref
        if lower in SPEAKER_PRONOUNS and token.pos_ == "PRON":
            # "In a statement, it said ...": the last party that spoke, or was named, before.
            if earlier:
                last = earlier[-1].speaker
                if last.actor_id is None or not last.actor_id.startswith("person:"):
                    return ActorRef(token.text, *_ref_fields(last))
            for index, actor in reversed(actors.parties):
                if index < token.i and actor.kind != "person":
                    return _actor_ref(token.text, actor, day)
            return None
        # Speakers the actor layer leaves open. A role ("an army officer", "Ombudsman Dmytro
        # Lubinets") belongs to the country of the dateline ("KYIV, April 19 —") when there is
        # one, else to the country the document names most; a bare name to the country it was
        # given at an earlier mention ("Hungary's Viktor Orbán" ... "Orbán").
        context = context or _Context()
        focus = actors.focus_at(token.i)
        if token.pos_ == "PRON" or (focus is None and context.dateline is None):
            return None
        own = next(iter(_countries(_modifiers(token), actors, day)), None)
        sector = words.speaker_nouns.get(lower) or words.speaker_nouns.get(lemma)
        if sector is not None:
            return ActorRef(_phrase(token), None, None, own or context.dateline or focus, sector)
        if own is not None and token.pos_ == "NOUN" and lemma in PERSON_NOUNS:
            # "India's air chief", "Peru's deputy minister": an office the knowledge base does not hold
            military = {t.lower_ for t in token.lefts} & {"air", "army", "military", "naval", "navy", "defence"}
            return ActorRef(_phrase(token), None, None, own, "MIL" if military and lemma == "chief" else "GOV")
        if token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "NORP", "FAC"):
            dated = token.i + 1 < len(token.doc) and token.nbor(1).like_num  # "May 8": a date, not Mrs May
            remembered = None if dated else context.people.get(token.text)
            if remembered is not None:
                return ActorRef(_phrase(token), *_ref_fields(remembered))
            titles = {t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod", "nmod")}
            described = _appositive(token) or bool(titles & (PERSON_NOUNS | set(words.speaker_nouns)))
            if token.ent_type_ != "PERSON" and not described:
                return None
            sector = "MIL" if titles & {"general", "gen.", "colonel", "commander", "admiral", "marshal"} else "GOV"
            country = own or ((context.dateline or focus) if described else (focus or context.dateline))
            ref = ActorRef(_phrase(token), None, token.text, country, sector)
            if own is not None:
                context.people[token.text] = ref
            return ref
        return None

    def _unnamed_body(
        self, token: Token, ref: ActorRef, actors: DocumentActors, earlier: list[Claim], context: _Context | None
    ) -> ActorRef:
        for claim in reversed(earlier[-6:]):
            words = claim.speaker.text.lower().replace("’", "'").split()
            if words and words[-1] in (token.lower_, token.lemma_.lower()) and claim.speaker.country:
                return ActorRef(ref.text, *_ref_fields(claim.speaker))
        if context is not None and context.dateline and context.dateline != ref.country:
            country = actors.kb.actors.get(f"country:{context.dateline}")
            if country is not None:
                return ActorRef(ref.text, country.actor_id, country.name, country.country, ref.sector)
        return ref

    def _document_owner(self, token: Token, actors: DocumentActors, day: str | None) -> ActorRef | None:
        """'the ministry's statement', 'a statement from the army', 'The letter said' (the letter handed over)."""
        owners = [c for c in token.children if c.dep_ == "poss"]
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "by"):
                owners += [c for c in prep.children if c.dep_ == "pobj"]
        owners += [c for c in token.children if c.dep_ in ("compound", "amod") and c.i in actors.by_token]
        if not owners:
            # "The letter said": the one who wrote, sent or handed over the letter mentioned before
            lemma = token.lemma_.lower()
            for earlier in reversed(token.doc[: token.i]):
                if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
                    continue
                owners = [c for c in earlier.children if c.dep_ == "poss"]
                verb = earlier.head if earlier.dep_ in ("dobj", "nsubjpass") else None
                if verb is not None:
                    owners += [c for c in verb.children if c.dep_ == "nsubj"]
                if owners:
                    break
        for owner in owners:
            resolved = actors.resolve(owner, day)
            if resolved is not None:
                return ActorRef(_phrase(token), *_ref_fields(resolved.ref))
        return None

    # -- links ------------------------------------------------------------------------------
    def _link(
        self,
        item: _Found,
        claim: Claim,
        here: list[tuple[_Found, Claim]],
        earlier: list[Claim],
        actors: DocumentActors,
        day: str | None,
        accusing: set[str] = frozenset(),
    ) -> None:
        target: Claim | None = None
        if item.link_head is not None:
            # "initially denied the report but later admitted it": the same content, a second stance
            target = next((c for i, c in here if i.cue.i == item.link_head.i and c is not claim), None)
        elif item.link_token is not None:
            # a claim in a relative clause inside another claim's content ("the tanker, which the Houthis
            # said they hit, docked with no visible damage, port officials said")
            for other_item, other in here:
                span = other_item.content
                if other is not claim and span and span[0] <= item.link_token.i < span[1]:
                    target = other
                    break
            if target is None and claim.stance in ("deny", "dispute"):
                # "a trend his critics attribute to a truce with the gangs that his government denies",
                # parsed with the noun outside the critics' content: it still answers their claim
                side = _party(claim.speaker)
                earlier_here = [c for i, c in reversed(here) if i.cue.i < item.cue.i]
                target = next((c for c in earlier_here if _party(c.speaker) != side), None)
        elif item.link_noun is not None or item.link_here or item.answers_last:
            owner_country = self._owner_country(item.link_noun, actors, day) if item.link_noun is not None else None
            before = [c for i, c in here if c is not claim and i.cue.i < item.cue.i and c.content]
            if item.link_here:
                # "P, an accusation Moscow has rejected": the claim just made, by another party
                others = [c for c in before if _party(c.speaker) != _party(claim.speaker) or c.stance != claim.stance]
                target = others[-1] if others else None
            pool = _on_topic(list(reversed(before)) + [c for c in reversed(earlier) if c.content], item.link_noun)
            if target is None and owner_country:
                # "rejected India's charge": India's claim in the document, the latest one that names the
                # party rejecting it ("India accused Pakistan of ..."), else India's latest assertion.
                owned = [c for c in pool if c.speaker.country == owner_country]
                target = next((c for c in owned if claim.speaker.country in c.about and c.stance == "assert"), None)
                if item.link_noun.lemma_.lower() in self.words.accusation_nouns:
                    # "rejected the government's accusations": what the government said accusing someone,
                    # not its latest statement ("the army said it had deployed 5,000 soldiers")
                    accusations = [c for c in owned if c.claim_id in accusing]
                    claim.look_back = target is None and not accusations  # perhaps in an earlier document
                    owned = accusations or owned
                owned = _on_topic(owned, item.link_noun)
                target = target or next((c for c in owned if c.stance == "assert"), None)
                target = target or next(iter(owned), None)
            if target is None and not owner_country:
                # "dismissed the accusation": the last claim of another party
                target = next(
                    (c for c in pool if _party(c.speaker) != _party(claim.speaker) and c.stance == "assert"), None
                )
            if target is None and item.link_here and pool:
                target = pool[0]
        if target is None:
            # "rejected India's charge" with no claim of India's in the document: the keys look further
            claim.answers = self._owner_country(item.link_noun, actors, day) if item.link_noun is not None else None
            return
        while target.link and target.link != claim.claim_id:
            found = next((c for c in earlier + [c for _, c in here] if c.claim_id == target.link), None)
            if found is None:
                break
            target = found
        claim.link = target.claim_id
        if not claim.content or _topic_only(item.link_noun):
            # "rejected the charge", or "the claims about Zalambessa" (a topic, not what is claimed): the
            # content is that of the claim answered, as its key is
            claim.content = target.content
            claim.content_start, claim.content_end = target.content_start, target.content_end
            claim.about = list(target.about)
            claim.event_types = list(target.event_types)

    def _owner_country(self, noun: Token, actors: DocumentActors, day: str | None) -> str | None:
        """'India's charge', 'Houthi claims', 'the claims of Pakistan': the country of whose claim it is."""
        owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "by"):
                owners += [c for c in prep.children if c.dep_ == "pobj"]
        for owner in owners:
            if owner.lower_ in OWN_PRONOUNS or owner.lower_ in RELATIVES:
                continue
            resolved = actors.resolve(owner, day)
            if resolved is not None and resolved.ref.country:
                return resolved.ref.country
        return None

    def _possessor_claims(
        self,
        here: list[tuple[_Found, Claim]],
        document: Document,
        sent: Span,
        actors: DocumentActors,
        start: int,
        text: str,
        events: list[Event],
    ) -> list[Claim]:
        """'contradicting Houthi claims of a direct hit': the Houthis claim a direct hit."""
        out = []
        for item, claim in here:
            noun = item.link_noun
            if noun is None or claim.stance not in ("deny", "dispute") or item.link_here:
                continue
            complement = _noun_complement(noun)
            if complement is None or noun.dep_ != "dobj" or noun.head.lemma_.lower() != "contradict":
                continue
            owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
            speaker = None
            for owner in owners:
                resolved = actors.resolve(owner, claim.date)
                if resolved is not None:
                    speaker = resolved.ref
                    break
            if speaker is None:
                continue
            doc = sent.doc
            a, b = _trim(doc, _clause_span(complement))
            if b <= a:
                continue
            content = doc[a:b].text
            out.append(
                Claim(
                    claim_id=record_id(
                        document.id, str(sent.start_char), str(noun.i), speaker.actor_id or speaker.text, "assert"
                    ),
                    doc_id=document.id,
                    sentence=text,
                    start=start,
                    end=start + len(text),
                    speaker=speaker,
                    content=content,
                    stance="assert",
                    content_start=doc[a].idx,
                    content_end=doc[b - 1].idx + len(doc[b - 1].text),
                    date=claim.date,
                    date_precision=claim.date_precision,
                    cue=noun.text,
                    about=_about(doc, (a, b), actors, claim.date),
                    event_types=_event_types(events, start, content),
                    link=claim.claim_id,
                )
            )
        return out


# -- helpers ---------------------------------------------------------------------------------
def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _is_claim_noun(token: Token, words: ClaimWords) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in words.claim_nouns or token.lower_ in words.claim_nouns
    )


def _claim_noun_in(obj: Token, words: ClaimWords) -> Token | None:
    """The object itself, or the claim noun it is made of ('the premise of Trump's argument')."""
    if _is_claim_noun(obj, words):
        return obj
    for child in obj.children:
        if child.dep_ == "compound" and _is_claim_noun(child, words):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and _is_claim_noun(pobj, words):
                    return pobj
    return None


def _noun_complement(noun: Token) -> Token | None:
    """'the claim that P' (its clause) or 'claims of a direct hit' (the object of 'of')."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return child
        if child.dep_ in ("acl", "ccomp") and child.tag_ != "VBN":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "about"):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects[0]
    return None


def _topic_only(noun: Token | None) -> bool:
    """'the claims about Zalambessa': the noun's complement names a topic (after 'about'), not a proposition
    ('claims of a direct hit', 'the claim that P')."""
    complement = _noun_complement(noun) if noun is not None else None
    return complement is not None and complement.head.lower_ == "about" and complement.head.head.i == noun.i


def _on_topic(candidates: list[Claim], noun: Token | None) -> list[Claim]:
    """The claims a claim noun may name, those about what its complement names first ("the claims about
    Zalambessa", "the charge of interference": the claim whose content speaks of Zalambessa or of
    interfering, not the accuser's latest); otherwise in the order given."""
    complement = _noun_complement(noun) if noun is not None else None
    if complement is None:
        return candidates
    from dyadwatch.claims.keys import referents_of, related_words

    topic = referents_of(noun.doc[complement.left_edge.i : complement.right_edge.i + 1].text)
    if not topic:
        return candidates
    about = [c for c in candidates if related_words(topic, referents_of(c.content))]
    return about + [c for c in candidates if not any(c is a for a in about)]


def _clause_span(head: Token) -> tuple[int, int]:
    """The clause of `head`, without what only hangs on it as comment: ', an accusation Moscow has
    rejected', ', though he did not say when', ', but did not name it'; a that-clause after a colon
    is the clause itself ('... did not change the facts: that the state was culpable')."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    doc = head.doc
    for token in doc[head.i + 1 : end]:
        colon = token.left_edge.i > head.i and doc[token.left_edge.i - 1].text == ":"
        if colon and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            return _clause_span(token)  # "did not change the facts: that the state was culpable": what is claimed
    for child in head.rights:
        cut = None
        if child.dep_ in ("npadvmod", "appos") and any(c.dep_ in ("relcl", "acl") for c in child.children):
            cut = child.left_edge.i  # ", an accusation Moscow has rejected", ", a charge backed by ..."
        elif child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("though", "although", "while", "whereas") for c in child.children
        ):
            cut = child.left_edge.i
        elif (
            child.dep_ == "conj"
            and child.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children)
            and doc[child.left_edge.i - 1].lower_ == "but"
        ):
            cut = child.left_edge.i - 1
        if cut is not None and cut > start:
            while cut > start and doc[cut - 1].dep_ in ("punct", "cc"):
                cut -= 1
            end = min(end, cut)
            break
    return start, end


def _without_comment(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """The span up to a comment on it: '..., a charge New Delhi rejected', '..., an accusation Moscow denied'."""
    start, end = span
    for token in doc[start + 1 : end]:
        if (
            doc[token.left_edge.i - 1].text == ","
            and token.pos_ == "NOUN"
            and any(c.dep_ in ("relcl", "acl") for c in token.children)
            and token.left_edge.i > start
        ):
            return start, token.left_edge.i - 1
    return span


def _noun_phrase(head: Token, with_preps: bool = False) -> tuple[int, int]:
    """The noun phrase up to its head and its prepositional modifiers, not its relative clauses."""
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj") and not with_preps:
            break
        if child.dep_ in ("relcl", "punct", "cc"):
            break
        end = child.right_edge.i + 1
    return start, end


def _span_without(head: Token, cut: Token) -> tuple[int, int] | None:
    """The clause of `head` without the phrase `cut` ('..., according to X'), as one contiguous span.

    The side that holds `head` is the clause; what lies on the other side only hangs on it
    ('P, Central Command said, a day after the group fired ...': P, not 'a day after ...').
    """
    start, end = head.left_edge.i, head.right_edge.i + 1
    cut_start, cut_end = cut.left_edge.i, cut.right_edge.i + 1
    before = (start, cut_start)
    after = (cut_end, end)
    if before[0] <= head.i < before[1]:
        span = before
    elif after[0] <= head.i < after[1]:
        span = after
    else:
        span = before if before[1] - before[0] >= after[1] - after[0] else after
    return span if span[1] > span[0] else None


def _trim(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    a, b = span
    while a < b and (doc[a].lower_ in EDGE_TRIM or doc[a].is_space or doc[a].dep_ in ("mark", "cc")):
        a += 1
    while b > a and (doc[b - 1].lower_ in EDGE_TRIM or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
        b -= 1
    return a, b


def _text(doc: Doc, span: tuple[int, int]) -> str:
    a, b = _trim(doc, span)
    return doc[a:b].text


def _span_root(doc: Doc, span: tuple[int, int]) -> Token:
    tokens = doc[span[0] : span[1]]
    return tokens.root


def _negated(head: Token) -> bool:
    """'had not asked', 'never sought', 'posed no threat', 'no targets had been planned'."""
    for child in head.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ == "preconj" and child.lower_ == "neither":
            return True
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
            child.lower_ in ("nothing", "none", "nobody")
            or any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
        ):
            return True
    return False


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def _future(head: Token, words: ClaimWords) -> bool:
    """'will resume', 'would not seek', 'is going to change', 'plans to', 'cannot take effect'."""
    auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if auxes & (words.intention_aux | {"can", "ca", "could", "may", "might"}):
        return True
    return head.dep_ == "xcomp" and head.head.lemma_.lower() in HYPOTHETICAL_HEADS


def _nothing_to_do_with(head: Token) -> bool:
    return head.lemma_.lower() == "have" and any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in head.children)


def _statement_head(verb: Token) -> Token | None:
    """The verb a participle or conjoined cue continues ('rejected ..., saying' -> rejected)."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("advcl", "xcomp", "conj") or node.head.i == node.i:
            return None if node is verb else node
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _countries(tokens: Iterable[Token], actors: DocumentActors, day: str | None) -> list[str]:
    """Countries (and IGO codes) of the knowledge-base names among the tokens, in order."""
    out: list[str] = []
    seen_spans: set[int] = set()
    for token in tokens:
        hit = actors.by_token.get(token.i)
        if hit is None:
            continue
        span, surfaces = hit
        if span.start in seen_spans:
            continue
        seen_spans.add(span.start)
        actor = actors.kb.actors.get(surfaces[0].actor_id)
        if actor is None:
            continue
        country = actors.kb.country_of(actor, day) if actor.kind == "person" else actor.country
        if country and country not in out:
            out.append(country)
    return out


def _about(doc: Doc, span: tuple[int, int] | None, actors: DocumentActors, day: str | None) -> list[str]:
    if span is None:
        return []
    return _countries(doc[span[0] : span[1]], actors, day)


def _event_types(events: list[Event], sentence_start: int, content: str) -> list[str]:
    """Types of the events coded in the same sentence whose trigger lies in the content."""
    types = []
    for event in events:
        if event.start != sentence_start or not event.trigger:
            continue
        if event.trigger.split()[0] in content and event.event_type not in types:
            types.append(event.event_type)
    return types


def _modifiers(token: Token) -> list[Token]:
    """The words in front of a name or noun and its appositions: where its country is said."""
    out = list(token.doc[token.left_edge.i : token.i])
    for child in token.children:
        if child.dep_ == "appos":
            out += list(child.subtree)
    return out


def _appositive(token: Token) -> bool:
    return any(c.dep_ == "appos" for c in token.children) or token.dep_ == "appos"


STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "IGO", None}


def _party(ref: ActorRef) -> tuple[str | None, str | None]:
    """A side: a state's government, army, parliament and courts are one; its rebels, opposition,
    companies and civilians are others."""
    return ref.country, None if ref.sector in STATE_SECTORS else ref.sector


def _actor_ref(text: str, actor, day: str | None) -> ActorRef:
    role = actor.role_on(day)
    return ActorRef(text, actor.actor_id, actor.name, actor.country, role.sector if role else actor.sector)


def _phrase(token: Token) -> str:
    return token.doc[token.left_edge.i : token.i + 1].text


def _ref_fields(ref: ActorRef) -> tuple:
    return ref.actor_id, ref.name, ref.country, ref.sector


def _mark_narrated(claims: list[Claim], told: list[tuple[int, str]]) -> None:
    """`Claim.narration` of each answer: the sentence before it that holds no claim (what the story tells
    without a speaker) sharing the most words of what happened with its content, so that the keyer can tell
    a denial of the story's own account from a denial of its accuser's other statements."""
    from dyadwatch.claims.keys import referents_of

    told_words = [(start, text, referents_of(text)) for start, text in told]  # once per sentence, not per claim
    for claim in claims:
        if claim.stance not in ("deny", "dispute", "admit") and not claim.negative:
            continue
        words = referents_of(claim.content)
        best = max(
            ((len(words & said), start, text) for start, text, said in told_words if start < claim.start),
            default=(0, 0, None),
        )
        if best[0]:
            claim.narration = best[2]
