"""Protests told by who is in the street rather than by a protest verb.

Sentences written for the project, coded through the real spaCy pipeline.
"""

from __future__ import annotations


def protests(events):
    return [(e.source.country, e.source.sector, e.mode) for e in events if e.event_type == "PROTEST"]


def test_protesters_gathering_protest(code):
    text = "Bolivia's government declared a curfew. Protesters gathered outside the electoral court on Saturday."
    assert ("BOL", "CVL", "demo") in protests(code(text, "2024-05-05"))


def test_mourners_gathering_do_not_protest_and_troops_gathering_mobilise(code):
    text = "Bolivia's government declared a curfew on Friday. Mourners gathered at the cemetery in La Paz on Saturday."
    assert protests(code(text, "2024-05-05")) == []
    events = code("Bolivian troops gathered near the border with Chile on Saturday.", "2024-05-05")
    assert any(e.event_type == "MOBILIZE" for e in events)


def test_protesters_throwing_stones_riot(code):
    text = "In Nairobi, demonstrators threw stones at police lines on Tuesday."
    assert ("KEN", "CVL", "riot") in protests(code(text, "2024-06-26"))


def test_taking_to_the_streets_is_a_protest_and_taking_to_social_media_is_not(code):
    events = code("Thousands of Serbians took to the streets of Belgrade on Saturday.", "2025-03-16")
    assert ("SRB", "CVL", "demo") in protests(events)
    events = code("Serbia's president took to social media on Saturday to thank his supporters.", "2025-03-16")
    assert protests(events) == []


def test_a_human_chain_is_a_protest(code):
    events = code("Thousands of Georgians formed a human chain along the main avenue of Tbilisi.", "2024-12-02")
    assert ("GEO", "CVL", "demo") in protests(events)


def test_an_anti_government_protest_is_not_the_governments(code):
    events = code("Thousands of Kenyans joined anti-government protests in Nairobi on Tuesday.", "2024-06-26")
    assert ("KEN", "CVL", "demo") in protests(events)
    assert not any(e.source.sector == "GOV" for e in events)
