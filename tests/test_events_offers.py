"""Being ready to act is an offer or a threat made now, not a hypothetical act.

Sentences written for the project, coded through the real spaCy pipeline.
"""

from __future__ import annotations


def coded(events):
    return {(e.event_type, e.source.country, e.target.country if e.target else None, e.hypothetical) for e in events}


def test_ready_to_meet_is_an_offer_made_now(code):
    events = code("Armenia's prime minister said on Friday that he was ready to meet Aliyev in Brussels.", "2024-05-10")
    assert ("AGREE", "ARM", "AZE", False) in coded(events)
    assert not any(e.event_type == "CONSULT" for e in events)


def test_standing_ready_to_provide_aid_is_an_offer(code):
    events = code("The World Bank said it stood ready to provide emergency loans to Malawi.", "2023-03-20")
    assert ("AGREE", "WB", "MWI", False) in coded(events)


def test_prepared_to_strike_is_a_threat_made_now(code):
    events = code("Iran said on Sunday that it was prepared to strike Israel again.", "2024-04-14")
    assert ("THREATEN", "IRN", "ISR", False) in coded(events)


def test_launchers_prepared_to_fire_describe_no_offer(code):
    text = "US forces struck two Houthi missile launchers in Yemen that were prepared to fire on ships."
    events = code(text, "2024-02-20")
    assert not any(e.event_type in ("AGREE", "THREATEN") for e in events)
