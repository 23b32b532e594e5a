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


def test_force_its_own_side_says_it_will_use_is_a_threat(code):
    text = "Israel's defence minister said on Monday that Israel would strike Hezbollah again."
    events = code(text, "2024-05-15")
    assert [(e.event_type, e.source.country, e.target.country, e.hypothetical) for e in events] == [
        ("THREATEN", "ISR", "LBN", False)
    ]


def test_arrests_a_navy_will_go_on_making_are_a_threat(code):
    text = "Sri Lanka's fisheries minister said on Tuesday that the navy would continue to arrest Indian fishermen."
    assert "THREATEN" in {e.event_type for e in code(text, "2024-05-15")}


def test_a_forecast_by_others_stays_a_possible_attack(code):
    for text in (
        "Analysts said Israel would probably strike Hezbollah again.",
        "Lebanon's prime minister said Israel would strike Hezbollah again.",
    ):
        events = code(text, "2024-05-15")
        assert [(e.event_type, e.hypothetical) for e in events] == [("ASSAULT", True)], text


def test_an_announced_measure_is_no_threat(code):
    text = "Canada's prime minister said on Monday that Canada would impose tariffs on steel from China."
    events = code(text, "2024-05-15")
    assert [(e.event_type, e.hypothetical) for e in events] == [("SANCTION", True)]


def test_a_visa_ban_on_officials_is_a_sanction(code):
    events = code("The United States imposed visa bans on 12 Ugandan officials on Tuesday.", "2024-05-15")
    assert [(e.event_type, e.source.country, e.target.country) for e in events] == [("SANCTION", "USA", "UGA")]


def test_a_ban_on_rallies_is_still_a_restriction_of_rights(code):
    events = code("Uganda's government imposed a ban on opposition rallies on Tuesday.", "2024-05-15")
    assert "SANCTION" not in {e.event_type for e in events}


def test_releasing_money_is_aid_and_releasing_hostages_a_release(code):
    money = code("The IMF's executive board approved the release of $370 million to Zambia on Monday.", "2024-05-15")
    assert [(e.event_type, e.source.country, e.target.country) for e in money] == [("AID", "IMF", "ZMB")]
    hostages = code("Hamas announced the release of three Israeli hostages on Saturday.", "2024-05-15")
    assert [e.event_type for e in hostages] == ["RETREAT"]


def test_declining_talks_is_a_refusal(code):
    events = code("Serbia's president declined to hold talks with Kosovo's prime minister on Monday.", "2024-05-15")
    assert [(e.event_type, e.source.country, e.target.country, e.negated) for e in events] == [
        ("REJECT", "SRB", "XKX", False)
    ]


def test_declining_to_comment_is_no_event(code):
    assert code("The foreign ministry declined to comment on the report.", "2024-05-15") == []


def test_handing_over_radar_systems_is_aid(code):
    events = code("Tokyo will hand over five coastal radar systems to the Philippine navy next year.", "2024-05-15")
    assert [(e.event_type, e.source.country, e.target.country, e.hypothetical) for e in events] == [
        ("AID", "JPN", "PHL", True)
    ]


def test_blocking_fishermen_restricts_them(code):
    text = "Chinese coast guard vessels have blocked Filipino fishermen from the lagoon since March."
    events = code(text, "2024-05-15")
    assert [(e.event_type, e.mode, e.source.country, e.target.country) for e in events] == [
        ("COERCE", "restrict", "CHN", "PHL")
    ]


def test_saying_a_state_colludes_is_an_accusation(code):
    text = "A Chinese foreign ministry spokesperson said on Monday that Manila was colluding with outside forces."
    events = code(text, "2024-05-15")
    assert [(e.event_type, e.source.country, e.target.country) for e in events] == [("ACCUSE", "CHN", "PHL")]


def test_a_wrong_a_draft_does_or_will_not_do_is_no_accusation(code):
    for text in (
        "Russia's ambassador told the council that the draft interfered in Sudan's internal affairs.",
        "The minister said the ships would not intrude into Indonesian waters.",
    ):
        assert not any(e.event_type == "ACCUSE" for e in code(text, "2024-05-15")), text
