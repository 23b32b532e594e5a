"""Acts done to someone the story gives no country: the act is still told.

Written for the project, coded through the real spaCy pipeline.
"""

from __future__ import annotations


def sides(events, event_type):
    return [
        (e.source.country, e.target.text if e.target else None, e.target.country if e.target else None)
        for e in events
        if e.event_type == event_type
    ]


def test_a_ship_of_no_known_flag_is_still_detained(code):
    events = code("Iran's Revolutionary Guards detained a cargo ship in the Strait of Hormuz on Sunday.", "2024-05-15")
    [(source, target_text, target_country)] = sides(events, "COERCE")
    assert (source, target_country) == ("IRN", None)
    assert "cargo ship" in target_text
    [detained] = [e for e in events if e.event_type == "COERCE"]
    assert detained.target.sector == "BUS"
    assert detained.confidence < 0.5  # stored, flagged low: the other side is known only by its words


def test_a_group_of_no_known_country_is_still_blamed(code):
    text = "The Nigerian government on Tuesday blamed the Ansar Brigade Network for the attack on the Kaduna train."
    [(source, target_text, target_country)] = sides(code(text, "2024-05-15"), "ACCUSE")
    assert source == "NGA" and "Ansar Brigade Network" in target_text and target_country is None


def test_a_known_flag_still_wins(code):
    text = "Iran's Revolutionary Guards detained a Liberian-flagged tanker in the Strait of Hormuz on Sunday."
    [(source, _, target_country)] = sides(code(text, "2024-05-15"), "COERCE")
    assert (source, target_country) == ("IRN", "LBR")


def test_an_object_that_is_a_place_is_no_other_side(code):
    # "the region" is where, not whom: no country-less target is made of it.
    events = code("Ethiopia's army secured the region on Monday.", "2024-05-15")
    assert not any(e.target is not None and e.target.country is None for e in events)
