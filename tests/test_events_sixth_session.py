"""Targets and types the sixth session's smoke tests found wrong: a threat left on the table,
the halves of a divided country, ships by their flag.

Written for the project, coded through the real spaCy pipeline.
"""

from __future__ import annotations


def kinds(events):
    return {(e.event_type, e.source.country, e.target.country if e.target else None) for e in events}


def test_not_ruling_out_force_is_a_threat(code):
    text = "Israel's defence minister did not rule out military action against Hezbollah on Sunday."
    events = code(text, "2024-05-15")
    threats = [e for e in events if e.event_type == "THREATEN"]
    assert [(e.source.country, e.target.country, e.mode, e.negated) for e in threats] == [
        ("ISR", "LBN", "violence", False)
    ]
    assert not any(e.event_type == "REJECT" for e in events)


def test_not_ruling_out_sanctions_is_a_threat_to_restrict(code):
    events = code("Beijing did not rule out new sanctions on Lithuania, a spokesman said.", "2024-05-15")
    assert [(e.event_type, e.mode) for e in events] == [("THREATEN", "restrict")]


def test_not_ruling_out_talks_is_no_threat(code):
    events = code("Kyiv did not rule out talks with Moscow, a spokesman said.", "2024-05-15")
    assert not any(e.event_type == "THREATEN" for e in events)


def test_the_north_in_a_story_about_korea(code):
    text = "Seoul and Pyongyang traded accusations on Monday. The South accused the North of flying balloons."
    assert ("ACCUSE", "KOR", "PRK") in kinds(code(text, "2024-05-15"))


def test_the_north_is_a_region_elsewhere(code):
    text = "Government troops clashed with rebels in the North on Monday, Sudan's army said."
    assert not any("PRK" in pair[1:] for pair in kinds(code(text, "2024-05-15")))
    text = "Nigerian troops clashed with the North's militias on Monday."  # no Korea named in the story
    assert not any("PRK" in pair[1:] for pair in kinds(code(text, "2024-05-15")))


def test_a_ship_is_of_its_flag(code):
    text = "Iranian commandos seized the Liberian-flagged container ship MSC Aries near the Strait of Hormuz."
    assert ("COERCE", "IRN", "LBR") in kinds(code(text, "2024-04-14"))
