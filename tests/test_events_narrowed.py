"""Sentences a reviewer wrote against this session's rules: each rule must leave them alone.

Written for the project, coded through the real spaCy pipeline.
"""

from __future__ import annotations


def kinds(events):
    return {(e.event_type, e.source.country, e.target.country if e.target else None) for e in events}


def test_an_order_to_strike_is_the_strike(code):
    events = code("Netanyahu ordered the IDF to strike Hezbollah targets in Beirut.", "2024-10-01")
    assert ("ASSAULT", "ISR", "LBN") in kinds(events)
    assert not any(e.event_type == "REQUEST" for e in events)


def test_a_forecast_is_no_threat(code):
    text = "Chancellor Olaf Scholz said Germany would suffer if the United States imposed tariffs on cars."
    assert not any(e.event_type == "THREATEN" for e in code(text, "2024-10-01"))
    text = "Zelensky said Ukraine would be hit by more Russian drones this winter."
    assert not any(e.event_type == "THREATEN" for e in code(text, "2024-10-01"))


def test_protesters_in_custody_are_not_protesting(code):
    text = "Police said 40 protesters remained in custody on Tuesday after clashes in Tbilisi."
    assert not any(e.trigger.startswith("remained") for e in code(text, "2024-10-01"))


def test_leaving_a_court_building_is_no_withdrawal(code):
    text = "Israeli Prime Minister Benjamin Netanyahu left the court in Tel Aviv on Tuesday after testifying."
    assert not any(e.event_type in ("SANCTION", "RETREAT") for e in code(text, "2024-10-01"))


def test_rejecting_a_draft_law_answers_no_accusation(code):
    text = (
        "Russia accused Ukraine of shelling the Zaporizhzhia nuclear plant. "
        "On Tuesday, Ukraine's parliament rejected a draft law on mobilisation."
    )
    assert not any(e.event_type == "REJECT" for e in code(text, "2024-10-01"))


def test_that_year_inside_a_relative_clause_dates_nothing(code):
    text = (
        "Putin annexed Crimea in March 2014. Ukraine's foreign minister, who served as a diplomat in Moscow "
        "that year, met NATO's secretary general in Brussels."
    )
    met = [e for e in code(text, "2025-04-01") if e.event_type == "CONSULT"]
    assert met and met[0].date == "2025-04-01"


def test_an_opinion_that_a_party_is_not_ready_is_not_its_refusal(code):
    events = code("Analysts said Iran was not ready to negotiate with the United States.", "2025-04-01")
    assert not any(e.event_type in ("REJECT", "AGREE") for e in events)
    events = code("Zelensky said on Friday that he was ready to meet Putin.", "2021-04-23")
    assert ("AGREE", "UKR", "RUS") in kinds(events)
