"""Recall of the event coder: targets outside the argument slots, refusals, events named inside events.

Sentences written for the project, coded through the real spaCy pipeline.
"""

from __future__ import annotations


def coded(events):
    return {(e.event_type, e.source.country, e.target.country if e.target else None) for e in events}


def test_target_named_inside_the_object_phrase(code):
    text = "Kenya signed a memorandum of understanding on fisheries with the government of Tanzania."
    events = code(text, "2024-02-01")
    assert ("AGREE", "KEN", "TZA") in coded(events)


def test_target_inside_an_infinitive_complement(code):
    events = code("Japan agreed on Friday to postpone tariffs on steel from Vietnam for a year.", "2024-02-02")
    assert ("AGREE", "JPN", "VNM") in coded(events)


def test_a_denied_claim_answers_the_speaker(code):
    text = "Ghana said Togolese troops had crossed the border on Monday, a claim Lomé denied."
    events = code(text, "2024-02-06")
    assert ("REJECT", "TGO", "GHA") in coded(events)


def test_refusing_to_accept_is_a_rejection(code):
    events = code("Morocco has never accepted Algeria's position on the territory.", "2024-02-07")
    kinds = {e.event_type for e in events}
    assert "REJECT" in kinds and "AGREE" not in kinds
    rejection = next(e for e in events if e.event_type == "REJECT")
    assert not rejection.negated


def test_accepting_stays_an_agreement(code):
    events = code("Serbia accepted the European Union's proposal on Tuesday.", "2024-02-07")
    assert any(e.event_type == "AGREE" and not e.negated for e in events)


def test_an_event_noun_with_its_own_doer_under_a_rejection(code):
    text = "Argentina on Monday rejected the list of demands that Britain presented last week."
    events = code(text, "2024-02-12")
    assert ("REJECT", "ARG", "GBR") in coded(events)
    assert ("REQUEST", "GBR", "ARG") in coded(events)


def test_a_possessed_event_noun_under_a_rejection_is_not_coded_again(code):
    events = code("Egypt rejected Ethiopia's accusation on Monday.", "2024-02-12")
    assert ("REJECT", "EGY", "ETH") in coded(events)
    assert not any(e.event_type == "ACCUSE" for e in events)
