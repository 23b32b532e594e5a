"""Towns the knowledge base does not hold get their country from the gazetteer (actors/places.py),
on text written for the project and the real spaCy model."""

from __future__ import annotations

import pytest

from dyadwatch.actors import places
from dyadwatch.actors.places import country_of_place
from dyadwatch.actors.resolver import DocumentActors


def document(pipeline, text: str, published: str):
    doc = pipeline.nlp(text)
    return doc, DocumentActors(pipeline.coder.kb, pipeline.coder.matcher, doc, published)


@pytest.mark.parametrize("name", ["Kharkiv", "Goma", "Maiduguri", "Cúcuta", "Hyderabad", "Valencia", "Khan Younis"])
def test_the_towns_here_are_not_in_the_knowledge_base(pipeline, name):
    assert name not in pipeline.coder.kb.surfaces


def test_names_are_compared_without_case_or_accents():
    assert country_of_place("Kharkiv") == "UKR"
    assert country_of_place("CÚCUTA") == country_of_place("Cucuta") == "COL"
    assert country_of_place("Valley of nowhere in particular") is None


def test_a_name_shared_by_large_cities_of_two_countries_gives_no_country():
    # Hyderabad: India's city and Pakistan's, neither ten times the other; Valencia: Spain's and Venezuela's.
    assert country_of_place("Hyderabad") is None
    assert country_of_place("Valencia") is None
    # Ontario is a Canadian province and a Californian city: neither is taken.
    assert country_of_place("Ontario") is None


def test_a_town_attacked_is_its_country_as_the_target(code):
    events = code("Russian missiles struck Kharkiv on Tuesday, killing four people.", "2024-05-01")
    strike = next(e for e in events if e.event_type == "ASSAULT" and e.target and e.target.text == "Kharkiv")
    assert strike.source.country == "RUS"
    assert strike.target.country == "UKR"
    assert strike.target.sector == "CVL"


def test_what_is_attacked_in_a_town_is_the_town_country(code):
    events = code("Russian missiles struck a maternity clinic in Kharkiv on Tuesday.", "2024-05-01")
    assert any(e.event_type == "ASSAULT" and e.target and e.target.country == "UKR" for e in events)
    # The tagger takes "Khan Younis" for a person; after "in" it is the town.
    events = code("Israeli strikes killed nine fishermen in Khan Younis on Monday.", "2024-05-01")
    assert any(e.event_type == "ASSAULT" and e.target and e.target.country == "PSE" for e in events)


def test_a_town_attacked_after_a_place_word_is_its_country(code):
    events = code("Nigerian jets bombed the town of Maiduguri by mistake on Sunday.", "2024-05-01")
    assert any(e.event_type == "ASSAULT" and e.target and e.target.country == "NGA" for e in events)


def test_people_in_a_town_are_of_its_country(pipeline, code):
    text = "Police in Goma arrested dozens of protesters on Friday."
    [arrest] = [e for e in code(text, "2024-05-01") if e.event_type == "COERCE"]
    assert arrest.source.country == "COD"
    _, actors = document(pipeline, text, "2024-05-01")
    assert actors.focus_country == "COD"  # the town counts for the story's country


def test_an_ambiguous_town_is_not_guessed(pipeline):
    day = "2024-05-01"
    doc, actors = document(pipeline, "Police in Hyderabad arrested dozens of protesters on Friday.", day)
    police = next(t for t in doc if t.text == "Police")
    hyderabad = next(t for t in doc if t.text == "Hyderabad")
    assert actors.resolve(police, day) is None
    assert actors.resolve_place(hyderabad, day) is None
    assert actors.focus_country is None


def test_a_knowledge_base_name_is_not_overridden(pipeline):
    # The gazetteer puts Brussels in Belgium; the knowledge base makes it the EU's seat, and that stands.
    assert country_of_place("Brussels") == "BEL"
    day = "2024-05-01"
    doc, actors = document(pipeline, "BRUSSELS — Police in Brussels detained three men on Monday.", day)
    brussels = [t for t in doc if t.text == "Brussels"][0]
    assert actors.resolve(brussels, day).ref.country == "EU"
    assert actors.resolve_place(brussels, day) is None
    assert actors.focus_country != "BEL"


def test_a_dateline_with_an_unknown_town_and_its_country_counts_for_that_country(pipeline, code):
    text = "VILLA SERENA DEL MONTE, Colombia — Police arrested twelve farmers on Saturday."
    assert country_of_place("Villa Serena del Monte") is None
    _, actors = document(pipeline, text, "2024-05-01")
    assert actors.focus_country == "COL"
    [arrest] = [e for e in code(text, "2024-05-01") if e.event_type == "COERCE"]
    assert arrest.source.country == "COL"


def test_a_dateline_with_an_unknown_town_and_its_province_counts_for_the_province_country(pipeline):
    text = "VILLA SERENA DEL MONTE, Putumayo — Police arrested twelve farmers on Saturday."
    _, actors = document(pipeline, text, "2024-05-01")
    assert actors.focus_country == "COL"


def test_a_dateline_town_the_gazetteer_knows_counts_for_its_country(pipeline):
    _, actors = document(pipeline, "CÚCUTA — Police arrested twelve farmers on Saturday.", "2024-05-01")
    assert actors.focus_country == "COL"
    _, nowhere = document(pipeline, "VILLA SERENA DEL MONTE — Police arrested twelve farmers.", "2024-05-01")
    assert nowhere.focus_country is None


def test_a_person_named_like_a_town_is_not_a_place(pipeline):
    # "Jackson" is an American city too; here it is the surname of the person named in full before.
    day = "2024-05-01"
    doc, actors = document(pipeline, "Maria Jackson, a farmer, was detained on Monday. Police questioned Jackson.", day)
    jackson = [t for t in doc if t.text == "Jackson"][1]
    assert actors.resolve_place(jackson, day) is None


def test_the_index_is_built_once_and_read_back_from_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places._index.cache_clear()
    try:
        built = places._index()
        cached = list((tmp_path / "dyadwatch").glob("places-*.tsv"))
        assert len(cached) == 1 and cached[0].read_text(encoding="utf-8") == built.text
        places._index.cache_clear()
        read = places._index()  # from the file this time
        assert read is not built and read.text == built.text and list(read.starts) == list(built.starts)
        assert read.get(places.key("Kharkiv")) == "UKR"
    finally:
        places._index.cache_clear()
