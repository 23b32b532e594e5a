"""Actors in context, on text written for the project: unknown people and organisations,
offices that change hands, metonyms, and pairs ("the two countries", "both sides")."""

from __future__ import annotations

import pytest

from dyadwatch.actors.resolver import DocumentActors


def document(pipeline, text: str, published: str):
    doc = pipeline.nlp(text)
    return doc, DocumentActors(pipeline.coder.kb, pipeline.coder.matcher, doc, published)


def token(doc, word: str, nth: int = 1):
    """The nth occurrence (1-based) of a word in the document."""
    found = [t for t in doc if t.text == word]
    return found[nth - 1]


def ref(actors, doc, word: str, day: str, nth: int = 1):
    resolved = actors.resolve(token(doc, word, nth), day)
    return resolved.ref if resolved else None


# -- one person: full name, surname, title, pronoun -------------------------------------------------
RUIZ = (
    "Ana Ruiz, Peru's energy minister, accused Andes Copper Ltd of polluting rivers near Cusco on Thursday. "
    "Ruiz said the company had ignored three warnings. "
    "The energy minister later met Chile's mining council, and she praised its cooperation."
)


def test_an_unknown_person_from_an_apposition_is_one_person_by_name_surname_title_and_pronoun(pipeline):
    day = "2024-05-10"
    doc, actors = document(pipeline, RUIZ, day)
    full = ref(actors, doc, "Ruiz", day, 1)
    surname = ref(actors, doc, "Ruiz", day, 2)
    title = ref(actors, doc, "minister", day, 2)
    pronoun = ref(actors, doc, "she", day)
    assert (full.actor_id, full.name, full.country, full.sector) == ("person:ana-ruiz", "Ana Ruiz", "PER", "GOV")
    assert {r.actor_id for r in (full, surname, title, pronoun)} == {"person:ana-ruiz"}
    assert title.text == "The energy minister" and pronoun.text == "she"


def test_the_title_before_the_apposition_is_the_person_named_not_the_office_holder_on_file(pipeline):
    # The knowledge base has its own Peruvian foreign minister on this date; the text names another.
    day = "2024-05-10"
    text = "Peru's foreign minister, Ana Ruiz, met Chile's mining council. The foreign minister said talks went well."
    doc, actors = document(pipeline, text, day)
    assert ref(actors, doc, "minister", day, 1).actor_id == "person:ana-ruiz"
    assert ref(actors, doc, "minister", day, 2).actor_id == "person:ana-ruiz"


def test_titled_unknown_people_take_the_country_of_the_title(pipeline):
    day = "2024-05-10"
    text = "Peruvian Defence Minister Jorge Paz met State Department spokesman John Kirby. Paz later left Lima."
    doc, actors = document(pipeline, text, day)
    paz, kirby, again = ref(actors, doc, "Paz", day, 1), ref(actors, doc, "Kirby", day), ref(actors, doc, "Paz", day, 2)
    assert (paz.actor_id, paz.country, paz.sector) == ("person:jorge-paz", "PER", "GOV")
    assert (kirby.actor_id, kirby.country, kirby.sector) == ("person:john-kirby", "USA", "GOV")
    assert again.actor_id == "person:jorge-paz"


def test_a_person_described_by_the_body_they_work_for(pipeline):
    day = "2024-05-10"
    text = "Cindy Blake, the executive director of the World Food Programme, called on Sudan's warring parties to talk."
    doc, actors = document(pipeline, text, day)
    blake = ref(actors, doc, "Blake", day)
    assert (blake.actor_id, blake.country, blake.sector) == ("person:cindy-blake", "UN", "IGO")


def test_a_title_without_a_named_country_is_not_a_guess_to_store(pipeline):
    # "the minister" with no country: the person is not described (a guess would be stored and reused).
    day = "2024-05-10"
    doc, actors = document(pipeline, "Ana Ruiz, the minister, met Chilean officials in Santiago.", day)
    assert "person:ana-ruiz" not in actors.local


# -- unknown organisations -----------------------------------------------------------------------------
def test_company_suffix_makes_a_business_and_a_descriptor_gives_its_country(pipeline):
    day = "2024-05-10"
    doc, actors = document(
        pipeline, "Chilean miner Andes Copper Ltd rejected the claims. Andes Copper said it would appeal.", day
    )
    first, short = ref(actors, doc, "Ltd", day), ref(actors, doc, "Copper", day, 2)
    assert (first.actor_id, first.name, first.country, first.sector) == (
        "org:andes-copper-ltd",
        "Andes Copper Ltd",
        "CHL",
        "BUS",
    )
    assert short.actor_id == "org:andes-copper-ltd"


def test_a_company_with_no_country_in_context_is_still_a_business(pipeline):
    day = "2024-05-10"
    doc, actors = document(pipeline, RUIZ, day)
    company = ref(actors, doc, "Ltd", day)
    assert (company.actor_id, company.sector) == ("org:andes-copper-ltd", "BUS")


@pytest.mark.parametrize(
    "text, word",
    [
        ("Militants of the Sierra Liberation Front attacked a police post in Peru's south.", "Militants"),
        ("Sierra Liberation Front rebels attacked a police post in Peru's south.", "rebels"),
    ],
)
def test_rebels_and_militants_make_an_unknown_group_an_armed_group(pipeline, text, word):
    day = "2024-05-10"
    doc, actors = document(pipeline, text, day)
    group = ref(actors, doc, word, day)
    assert (group.actor_id, group.name, group.sector, group.country) == (
        "org:sierra-liberation-front",
        "Sierra Liberation Front",
        "REB",
        "PER",
    )


def test_a_named_group_of_the_knowledge_base_in_front_of_a_group_word(pipeline):
    day = "2024-05-10"
    doc, actors = document(pipeline, "Colombia resumed talks with the ELN rebel group in Caracas.", day)
    assert ref(actors, doc, "group", day).actor_id == "org:eln"


def test_generic_institution_names_stay_with_their_state(pipeline):
    day = "2024-05-10"
    doc, actors = document(
        pipeline, "Pakistan's Foreign Office rejected the charge. Mexico's National Guard deployed troops.", day
    )
    office = ref(actors, doc, "Office", day)
    assert (office.country, office.sector) == ("PAK", "GOV") and not office.actor_id.startswith("org:")
    assert not any(a.name == "National Guard" for a in actors.local.values())


# -- dates select the office holder; a person's office changes ------------------------------------------
@pytest.mark.parametrize("day, name", [("2019-06-01", "Jair Bolsonaro"), ("2025-06-01", "Luiz Inácio Lula da Silva")])
def test_the_same_title_is_a_different_person_on_another_date(pipeline, day, name):
    doc, actors = document(pipeline, "The Brazilian president met Argentina's foreign minister.", day)
    assert ref(actors, doc, "president", day).name == name


@pytest.mark.parametrize("day, office", [("2020-03-01", "vice_president"), ("2024-03-01", "president")])
def test_one_person_whose_office_changed(pipeline, day, office):
    doc, actors = document(pipeline, "William Ruto met Ethiopian officials in Addis Ababa.", day)
    resolved = actors.resolve(token(doc, "Ruto"), day)
    assert resolved.ref.actor_id == "person:william-ruto" and resolved.office == office
    # ...and the title finds him only while he held it.
    doc, actors = document(pipeline, "Kenya's deputy president met Ethiopian officials.", day)
    deputy = ref(actors, doc, "president", day)
    assert (deputy.actor_id == "person:william-ruto") == (office == "vice_president")


# -- metonyms: one per kind --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, word, country",
    [
        ("Nairobi rejected the claim on Monday.", "Nairobi", "KEN"),  # capital
        ("Islamabad summoned the envoy.", "Islamabad", "PAK"),  # capital
        ("Zhongnanhai signalled a softer line.", "Zhongnanhai", "CHN"),  # seat of government
        ("The White House criticised the vote.", "House", "USA"),  # seat of government
    ],
)
def test_capitals_and_seats_of_government_stand_for_the_government(pipeline, text, word, country):
    day = "2024-05-10"
    doc, actors = document(pipeline, text, day)
    found = ref(actors, doc, word, day)
    assert (found.country, found.sector, found.actor_id) == (country, "GOV", f"country:{country}")


# -- pairs ---------------------------------------------------------------------------------------------
PAIRS = (
    "Kenya's foreign minister met his Ethiopian counterpart in Addis Ababa on Monday. "
    "The two countries agreed to reopen the border, and both sides signed a memorandum. "
    "President William Ruto later met Prime Minister Abiy Ahmed, and the two leaders praised the deal. "
    "The neighbours will meet again in May."
)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("countries", ("country:KEN", "country:ETH")),
        ("sides", ("country:KEN", "country:ETH")),
        ("leaders", ("person:william-ruto", "person:abiy-ahmed")),
        ("neighbours", ("country:KEN", "country:ETH")),
    ],
)
def test_pair_phrases_resolve_to_the_pair_named_last(pipeline, word, expected):
    day = "2024-03-11"
    doc, actors = document(pipeline, PAIRS, day)
    pair = actors.resolve_pair(token(doc, word), day)
    assert pair is not None
    assert tuple(r.ref.actor_id for r in pair) == expected
    assert all(r.ref.text.lower().endswith(word) for r in pair)


def test_pairs_follow_the_story_and_keep_the_sector_of_the_noun(pipeline):
    day = "2025-07-25"
    text = "Thailand launched air strikes on Cambodian positions on Thursday. The two armies exchanged fire on Friday."
    doc, actors = document(pipeline, text, day)
    first, second = actors.resolve_pair(token(doc, "armies"), day)
    assert (first.ref.country, second.ref.country) == ("THA", "KHM")
    assert first.ref.sector == second.ref.sector == "MIL"


def test_not_a_pair(pipeline):
    day = "2024-03-11"
    doc, actors = document(pipeline, PAIRS, day)
    for word in ("border", "memorandum", "Ruto", "deal"):
        assert actors.resolve_pair(token(doc, word), day) is None
    # A pair phrase before two actors have been named has no pair yet.
    doc, actors = document(pipeline, "The two countries agreed to talk. Kenya said so.", day)
    assert actors.resolve_pair(token(doc, "countries"), day) is None


def test_civilians_are_of_the_country_where_their_clause_happens(code):
    text = (
        "China said on Friday that its coast guard had acted lawfully. Beijing also rejected a protest "
        "note from Seoul, and China's embassy called the criticism groundless. On Saturday, tens of "
        "thousands of people joined a rally in Seoul against the decision."
    )
    protests = [e for e in code(text, "2024-06-08") if e.event_type == "PROTEST"]
    assert [e.source.country for e in protests] == ["KOR"]


def test_a_tribunal_in_the_hague_is_the_court_of_arbitration_not_the_netherlands(code):
    text = (
        "An arbitral tribunal in The Hague ruled on Monday that Russia had breached the convention in "
        "the Kerch Strait. Ukraine welcomed the tribunal's award."
    )
    pairs = {(e.event_type, e.source.country, e.target.country if e.target else None) for e in code(text, "2023-03-06")}
    assert ("SANCTION", "PCA", "RUS") in pairs and ("SUPPORT", "UKR", "PCA") in pairs


def test_migrants_do_not_take_the_story_s_country(code):
    events = code("Tunisia refused to accept migrants deported from Italy.", "2024-03-12")
    assert not [e for e in events if e.target is not None and e.target.country == "TUN"]


def test_resolving_with_a_copy_leaves_the_actors_as_found(pipeline):
    # The event coder resolves with a copy, the claim finder with the actors as found (pipeline.py).
    day = "2024-05-10"
    doc, actors = document(pipeline, RUIZ, day)
    found = {name: list(value) for name, value in vars(actors).items() if isinstance(value, list | dict | set)}
    copy = actors.copy()
    assert ref(copy, doc, "Ruiz", day, 1).actor_id == "person:ana-ruiz"
    assert ref(copy, doc, "minister", day, 2).actor_id == "person:ana-ruiz"
    assert len(copy.parties) > len(found["parties"]) and "person:ana-ruiz" in copy.local  # the copy learned
    assert {name: list(getattr(actors, name)) for name in found} == found  # the original did not
    assert ref(actors, doc, "minister", day, 2).actor_id == "person:ana-ruiz"  # and finds the same alone
