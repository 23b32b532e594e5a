"""Event coding through the real spaCy pipeline, on sentences written for the project."""

from __future__ import annotations


def only(events, event_type=None):
    chosen = [e for e in events if event_type is None or e.event_type == event_type]
    assert len(chosen) == 1, [(e.event_type, e.source.country, e.target and e.target.country) for e in events]
    return chosen[0]


def pair(event):
    return event.source.country, event.target.country if event.target else None


def test_issue_example_consult_with_relative_day(code):
    events = code("Last Tuesday, Kenya's foreign minister met his Ethiopian counterpart in Addis Ababa.", "2024-03-14")
    event = only(events)
    assert event.event_type == "CONSULT" and pair(event) == ("KEN", "ETH")
    assert (event.date, event.date_precision) == ("2024-03-12", "day")
    assert not event.negated and not event.hypothetical


def test_issue_example_negated_agreement(code):
    event = only(code("Brazil did not sign the trade accord with Argentina.", "2023-05-02"))
    assert event.event_type == "AGREE" and pair(event) == ("BRA", "ARG") and event.negated


def test_evidence_span_points_into_the_text(code):
    text = "Markets were calm. On Monday, Japan and South Korea signed a fisheries agreement."
    event = only(code(text, "2024-06-05"), "AGREE")
    assert text[event.start : event.end] == event.sentence
    assert event.sentence.startswith("On Monday")
    assert pair(event) == ("JPN", "KOR") and event.date == "2024-06-03"


def test_passive_voice_swaps_source_and_target(code):
    event = only(code("Pakistan's army chief was hosted by the US president at the White House.", "2025-06-20"))
    assert event.event_type == "CONSULT" and pair(event) == ("USA", "PAK")
    assert event.source.name == "Donald Trump" and event.target.name == "Asim Munir"


def test_light_verb_and_event_noun(code):
    events = code("India lodged a protest with Washington. Moscow held talks with Beijing.", "2025-06-21")
    assert {(e.event_type, *pair(e)) for e in events} == {("ACCUSE", "IND", "USA"), ("CONSULT", "RUS", "CHN")}


def test_two_verbs_one_subject(code):
    events = code("The Philippine president met Vietnam's prime minister and signed a maritime accord.", "2024-01-30")
    assert sorted((e.event_type, *pair(e)) for e in events) == [("AGREE", "PHL", "VNM"), ("CONSULT", "PHL", "VNM")]


def test_reported_speech_codes_the_reported_event_not_the_saying(code):
    event = only(code("Pakistan said it shot down five Indian jets.", "2025-05-08"))
    assert event.event_type == "ASSAULT" and pair(event) == ("PAK", "IND")


def test_future_and_conditional_events_are_hypothetical(code):
    visit = only(code("The Brazilian president will visit China next month.", "2019-06-10"))
    assert visit.hypothetical and visit.source.name == "Jair Bolsonaro"
    assert (visit.date, visit.date_precision) == ("2019-07-01", "month")
    sanctions = only(code("Washington could impose sanctions on Iran if talks fail.", "2019-06-10"), "SANCTION")
    assert sanctions.hypothetical and pair(sanctions) == ("USA", "IRN")


def test_recalled_event_is_dated_to_its_own_month(code):
    event = only(code("In April, Egypt and Qatar signed a gas supply deal.", "2025-02-11"))
    assert (event.date, event.date_precision) == ("2024-04-01", "month")


def test_sentence_without_political_interaction_yields_nothing(code):
    assert code("Heavy rain fell across Nairobi on Tuesday, and traffic was slow.", "2024-03-14") == []
    assert code("The central bank kept interest rates unchanged at 5 percent.", "2024-03-14") == []


def test_every_event_carries_ontology_fields(code):
    event = only(code("Russian forces shelled the Ukrainian city of Kharkiv on Sunday.", "2024-05-20"))
    assert event.event_type == "ASSAULT" and event.quad_class == 4 and event.intensity < 0
    assert event.cameo_code and 0 < event.confidence <= 1


def test_negation_words_come_from_modality_yaml(pipeline):
    from dyadwatch.events.modality import is_negated, load_modality

    words = load_modality()
    doc = pipeline.nlp("The delegation left Ankara without meeting the foreign minister.")
    meeting = next(t for t in doc if t.lower_ == "meeting")
    assert "without" in words.negators and is_negated(meeting, words)
    assert not is_negated(meeting, words.__class__(**{**words.__dict__, "negators": frozenset({"not"})}))
