"""Did it happen? Negation, futurity and conditionality of an event, read off the parse."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml
from spacy.tokens import Token

from dyadwatch.events.lexicon import TRIGGER_FORM


@dataclass(frozen=True)
class ModalityWords:
    hypothetical_aux: frozenset[str]
    hypothetical_heads: frozenset[str]
    hypothetical_light: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    negating_heads: frozenset[str]
    conditional_marks: frozenset[str]
    negators: frozenset[str]
    speech_verbs: frozenset[str]
    non_factual_heads: frozenset[str]


@dataclass(frozen=True)
class CodingRules:
    joint_modifiers: frozenset[str]
    joint_switch: tuple[str, str]
    promise_verbs: frozenset[str]
    threat_quad_classes: frozenset[int]
    labour_strike_modifiers: frozenset[str]
    by_sector: tuple[tuple[str, frozenset[str], str, str | None], ...] = ()
    # (verb lemma, particle or None, object lemmas or empty, type when negated, mode when negated)
    negated_switch: tuple[tuple[str, str | None, frozenset[str], str, str | None], ...] = ()
    claim_nouns: frozenset[str] = frozenset()
    container_nouns: frozenset[str] = frozenset()
    by_target_sector: tuple[tuple[str, str | None, frozenset[str], str, str | None], ...] = ()
    trade_switch: tuple[str, str, str | None] | None = None
    trade_words: frozenset[str] = frozenset()
    announcing_verbs: frozenset[str] = frozenset()
    own_forces_types: frozenset[str] = frozenset()
    own_equipment_types: frozenset[str] = frozenset()  # "hand over two patrol boats to ...": not the target
    participle_target_types: frozenset[str] = frozenset()
    phrase_target_types: frozenset[str] = frozenset()
    purpose_verbs: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    mission_nouns: frozenset[str] = frozenset()
    mutual_types: frozenset[str] = frozenset()
    judging_types: frozenset[str] = frozenset()
    retaliation_objects: frozenset[str] = frozenset()
    agreed_contents: frozenset[str] = frozenset()
    claiming_verbs: frozenset[str] = frozenset()
    objectless_verbs: frozenset[str] = frozenset()
    police_words: frozenset[str] = frozenset()
    weapon_verbs: frozenset[str] = frozenset()
    ordering_verbs: frozenset[str] = frozenset()
    speaker_acts: frozenset[str] = frozenset()
    occasion_preps: frozenset[str] = frozenset()
    non_event_modifiers: frozenset[str] = frozenset()
    characterising_verbs: frozenset[str] = frozenset()
    threat_types: frozenset[str] = frozenset()
    vowed_types: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    joint_nouns: frozenset[str] = frozenset()
    carrier_nouns: frozenset[str] = frozenset()
    sector_only: tuple[tuple[str, frozenset[str]], ...] = ()
    retaliation_verbs: frozenset[str] = frozenset()
    missile_words: frozenset[str] = frozenset()
    sea_words: frozenset[str] = frozenset()
    response_verbs: frozenset[str] = frozenset()
    response_objects: frozenset[str] = frozenset()
    attempt_verbs: frozenset[str] = frozenset()
    ruling_verbs: frozenset[str] = frozenset()
    demand_aux: frozenset[str] = frozenset()
    ruling_sectors: frozenset[str] = frozenset()
    adverse_findings: frozenset[str] = frozenset()
    stopping_switch: tuple[frozenset[str], frozenset[str], str, str | None] | None = None
    threat_aux: frozenset[str] = frozenset()
    negative_judgements: frozenset[str] = frozenset()
    wrongdoing_verbs: frozenset[str] = frozenset()
    crowd_words: frozenset[str] = frozenset()
    crowd_verbs: frozenset[str] = frozenset()
    riot_verbs: frozenset[str] = frozenset()
    offer_words: frozenset[str] = frozenset()
    generic_acts: Mapping[str, str] = field(default_factory=dict)  # noun -> any | material | verbal | court
    particle_first: frozenset[str] = frozenset()
    company_preps: frozenset[str] = frozenset()
    answered_types: frozenset[str] = frozenset()
    sequel_words: frozenset[str] = frozenset()
    penalties_done: frozenset[str] = frozenset()
    penalties_borne: frozenset[str] = frozenset()
    penalty_objects: frozenset[str] = frozenset()
    commanding_verbs: frozenset[str] = frozenset()
    own_body_words: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    denied_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_rules() -> CodingRules:
    data = yaml.safe_load(resources.files("dyadwatch").joinpath("data/coding_rules.yaml").read_text())

    def words(key: str) -> frozenset[str]:  # a word list, lower-cased; absent is empty
        return frozenset(str(w).lower() for w in data.get(key, []))

    def names(key: str) -> frozenset[str]:  # event type names, as written
        return frozenset(data.get(key, []))

    return CodingRules(
        joint_modifiers=frozenset(data["joint_modifiers"]),
        joint_switch=(data["joint_switch"]["from"], data["joint_switch"]["to"]),
        promise_verbs=frozenset(data["promise_verbs"]),
        threat_quad_classes=frozenset(int(q) for q in data["threat_quad_classes"]),
        labour_strike_modifiers=frozenset(str(w).lower() for w in data["labour_strike_modifiers"]),
        by_sector=tuple(
            (r["type"], frozenset(r["sectors"]), r["to"], r.get("mode")) for r in data.get("by_sector", [])
        ),
        negated_switch=tuple(_negated_switch(data.get("negated_switch") or {})),
        claim_nouns=words("claim_nouns"),
        container_nouns=words("container_nouns"),
        by_target_sector=tuple(
            (r["type"], r.get("mode"), frozenset(r["sectors"]), r["to"], r.get("to_mode"))
            for r in data.get("by_target_sector", [])
        ),
        trade_switch=(
            (data["trade_switch"]["from"], data["trade_switch"]["to"], data["trade_switch"].get("mode"))
            if data.get("trade_switch")
            else None
        ),
        trade_words=words("trade_words"),
        announcing_verbs=words("announcing_verbs"),
        own_forces_types=names("own_forces_types"),
        own_equipment_types=names("own_equipment_types"),
        participle_target_types=names("participle_target_types"),
        phrase_target_types=names("phrase_target_types"),
        purpose_verbs=words("purpose_verbs"),
        relational_nouns=words("relational_nouns"),
        mission_nouns=words("mission_nouns"),
        mutual_types=names("mutual_types"),
        judging_types=names("judging_types"),
        retaliation_objects=words("retaliation_objects"),
        agreed_contents=names("agreed_contents"),
        claiming_verbs=words("claiming_verbs"),
        objectless_verbs=words("objectless_verbs"),
        police_words=words("police_words"),
        weapon_verbs=words("weapon_verbs"),
        ordering_verbs=words("ordering_verbs"),
        speaker_acts=names("speaker_acts"),
        occasion_preps=words("occasion_preps"),
        non_event_modifiers=words("non_event_modifiers"),
        characterising_verbs=words("characterising_verbs"),
        threat_types=names("threat_types"),
        vowed_types=names("vowed_types"),
        issuing_verbs=words("issuing_verbs"),
        document_nouns=words("document_nouns"),
        joint_nouns=words("joint_nouns"),
        carrier_nouns=words("carrier_nouns"),
        sector_only=tuple((str(k).lower(), frozenset(v)) for k, v in (data.get("sector_only") or {}).items()),
        retaliation_verbs=words("retaliation_verbs"),
        missile_words=words("missile_words"),
        sea_words=words("sea_words"),
        response_verbs=words("response_verbs"),
        response_objects=words("response_objects"),
        attempt_verbs=words("attempt_verbs"),
        ruling_verbs=words("ruling_verbs"),
        demand_aux=words("demand_aux"),
        ruling_sectors=names("ruling_sectors"),
        adverse_findings=words("adverse_findings"),
        stopping_switch=_stopping(data.get("stopping_switch")),
        threat_aux=words("threat_aux"),
        negative_judgements=words("negative_judgements"),
        wrongdoing_verbs=words("wrongdoing_verbs"),
        crowd_words=words("crowd_words"),
        crowd_verbs=words("crowd_verbs"),
        riot_verbs=words("riot_verbs"),
        offer_words=words("offer_words"),
        generic_acts=MappingProxyType({str(k).lower(): str(v) for k, v in (data.get("generic_acts") or {}).items()}),
        particle_first=words("particle_first"),
        company_preps=words("company_preps"),
        answered_types=names("answered_types"),
        sequel_words=words("sequel_words"),
        penalties_done=words("penalties_done"),
        penalties_borne=words("penalties_borne"),
        penalty_objects=words("penalty_objects"),
        commanding_verbs=words("commanding_verbs"),
        own_body_words=words("own_body_words"),
        denial_verbs=words("denial_verbs"),
        denied_nouns=words("denied_nouns"),
    )


def _negated_switch(rules: dict) -> Iterator[tuple[str, str | None, frozenset[str], str, str | None]]:
    """Keys in the lexicon's trigger form ("rule out [action|force]"); values "TYPE" or "TYPE/mode"."""
    for key, value in rules.items():
        match = TRIGGER_FORM.match(str(key).lower().strip())
        if match is None:
            raise ValueError(f"coding_rules.yaml negated_switch: {key!r} is not 'verb [particle] [[object|...]]'")
        objects = frozenset(o.strip() for o in (match["objects"] or "").split("|") if o.strip())
        event_type, _, mode = str(value).partition("/")
        yield match["lemma"], match["particle"], objects, event_type, mode or None


def _stopping(rule: dict | None) -> tuple[frozenset[str], frozenset[str], str, str | None] | None:
    if not rule:
        return None
    return frozenset(rule["heads"]), frozenset(rule["types"]), rule["to"], rule.get("mode")


@lru_cache(maxsize=1)
def load_modality() -> ModalityWords:
    data = yaml.safe_load(resources.files("dyadwatch").joinpath("data/modality.yaml").read_text())
    return ModalityWords(**{key: frozenset(str(w).lower() for w in data[key]) for key in ModalityWords.__annotations__})


def is_negated(verb: Token, words: ModalityWords, noun: Token | None = None) -> bool:
    """'did not sign', 'never met', 'failed to reach', 'no agreement was reached', 'left without
    meeting' (the words are modality.yaml's negators)."""
    if any(c.dep_ == "neg" or (c.dep_ in ("advmod", "preconj") and c.lower_ in words.negators) for c in verb.children):
        return True
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in words.negating_heads:
        return not any(c.dep_ == "neg" for c in verb.head.children)
    if verb.dep_ == "pcomp" and (
        verb.head.head.lemma_.lower() in words.negating_heads or verb.head.lower_ in words.negators
    ):
        return True
    if noun is not None and any(c.dep_ == "det" and c.lower_ in words.negators for c in noun.children):
        return True
    return False


def is_hypothetical(verb: Token, words: ModalityWords, noun: Token | None = None) -> bool:
    """Future, planned, conditional or merely possible: 'will visit', 'plans to meet', 'if ... would'."""
    if verb.pos_ in ("VERB", "AUX"):
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in words.hypothetical_aux:
                return True
            if child.dep_ == "aux" and child.lower_ == "going":
                return True
            if child.dep_ == "mark" and child.lower_ in words.conditional_marks:
                return True
        if verb.lemma_.lower() in words.hypothetical_light and noun is not None:
            return True
        node = verb
        for _ in range(3):
            if node.dep_ not in ("xcomp", "acl", "ccomp", "pcomp", "advcl", "conj") or node.head == node:
                break
            if node.dep_ == "conj" and node.tag_ == "VBD":
                break  # a past-tense conjunct has its own tense: "should spend ... and accused"
            head = node.head
            if node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in words.conditional_marks for c in node.children
            ):
                return True
            if node.dep_ in ("xcomp", "acl", "pcomp") and head.lemma_.lower() in words.hypothetical_heads:
                return True
            if node.dep_ in ("xcomp", "pcomp") and any(
                c.dep_ == "aux" and c.lower_ in words.hypothetical_aux for c in head.children
            ):
                return True
            if node.dep_ == "xcomp" and head.lower_ == "going" and any(c.dep_ == "aux" for c in head.children):
                return True  # "is going to impose": spaCy makes "going" the head, not an auxiliary
            if node.dep_ == "conj":
                # "will meet and sign": the conjunct shares the first verb's auxiliaries.
                if any(c.dep_ == "aux" and c.lower_ in words.hypothetical_aux for c in head.children):
                    return True
            node = head
    if noun is not None and noun.i != verb.i:
        # "had doubled the planned levy": an act done to a planned thing is done; "announced planned
        # tariffs", "the planned tariffs" are not.
        done = verb.tag_ in ("VBD", "VBN") and verb.lemma_.lower() not in words.hypothetical_light | words.speech_verbs
        if done:
            return False
    if noun is not None:
        if any(c.dep_ == "amod" and c.lower_ in words.hypothetical_adjectives for c in noun.children):
            return True
    return False
