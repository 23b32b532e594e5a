"""The actor knowledge base and in-context resolution, on text written for the project."""

from __future__ import annotations

import pycountry
import pytest

from dyadwatch.actors.kb import load_knowledge_base
from dyadwatch.actors.resolver import DocumentActors


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def resolve_all(pipeline, text: str, published: str, words: list[str]):
    """Resolve the noun phrase whose head is each word (first occurrence) in the text."""
    coder = pipeline.coder
    doc = pipeline.nlp(text)
    actors = DocumentActors(coder.kb, coder.matcher, doc, published)
    found = {}
    for word in words:
        token = next(t for t in doc if t.text == word)
        resolved = actors.resolve(token, published)
        found[word] = resolved.ref if resolved else None
    return found


def test_every_country_code_is_iso_and_every_un_member_is_there(kb):
    countries = {a.country for a in kb.actors.values() if a.kind == "country"}
    assert len(countries) >= 195
    for code in countries - {"XKX"}:
        assert pycountry.countries.get(alpha_3=code) is not None, code
    for code in ("KEN", "ETH", "PAK", "IND", "USA", "BRA", "CHL", "VAT", "PSE"):
        assert code in countries


def test_g20_heads_have_dated_terms(kb):
    g20 = [
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "KOR",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "TUR",
        "GBR",
        "USA",
    ]
    for country in g20:
        heads = [
            kb.holder(country, office, "2024-06-01")
            for office in ("president", "prime_minister", "chancellor", "monarch", "crown_prince")
        ]
        assert any(heads), country


def test_office_holder_changes_with_the_date(kb):
    assert kb.holder("BRA", "president", "2019-06-01").name == "Jair Bolsonaro"
    assert kb.holder("BRA", "president", "2025-06-01").name.startswith("Luiz Inácio Lula")
    assert kb.holder("USA", "president", "2022-01-01").name == "Joe Biden"
    assert kb.holder("USA", "president", "2025-06-01").name == "Donald Trump"


def test_names_adjectives_capitals_and_seats(pipeline):
    text = (
        "Washington said the Kremlin had rejected the offer. Kenyan troops crossed the border, "
        "and Downing Street welcomed the move."
    )
    found = resolve_all(pipeline, text, "2024-05-01", ["Washington", "Kremlin", "troops", "Street"])
    assert (found["Washington"].country, found["Washington"].sector) == ("USA", "GOV")
    assert (found["Kremlin"].country, found["Kremlin"].sector) == ("RUS", "GOV")
    assert (found["troops"].country, found["troops"].sector) == ("KEN", "MIL")
    assert found["Street"].country == "GBR"


def test_titles_with_a_country_resolve_to_the_office_holder(pipeline):
    found = resolve_all(
        pipeline, "The US president spoke to Pakistan's army chief.", "2025-06-20", ["president", "chief"]
    )
    assert found["president"].name == "Donald Trump"
    assert found["chief"].name == "Asim Munir" and found["chief"].sector == "MIL"


def test_unknown_organisation_takes_the_country_of_its_possessor(pipeline):
    found = resolve_all(pipeline, "Chile's mining council criticised the plan.", "2024-01-10", ["council"])
    assert found["council"].country == "CHL"


def test_igos(pipeline):
    found = resolve_all(pipeline, "NATO and the African Union issued statements.", "2024-01-10", ["NATO", "Union"])
    assert found["NATO"].country == "NATO" and found["NATO"].sector == "IGO"
    assert found["Union"].country == "AU"


def test_full_name_surname_title_and_pronoun_are_one_person(pipeline):
    text = (
        "William Ruto arrived in Addis Ababa on Monday. Ruto said the talks were useful. "
        "The Kenyan president later met Ethiopian officials, and he thanked them."
    )
    found = resolve_all(pipeline, text, "2024-02-12", ["Ruto", "president", "he"])
    ids = {ref.actor_id for ref in found.values()}
    assert ids == {"person:william-ruto"}


def test_locations_are_not_actors(pipeline):
    found = resolve_all(pipeline, "The ministers met in the capital.", "2024-02-12", ["capital"])
    assert found["capital"] is None
