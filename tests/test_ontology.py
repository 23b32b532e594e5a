"""The shipped ontology and lexicon are complete, consistent and documented."""

from pathlib import Path

from dyadwatch.events.lexicon import load_lexicon
from dyadwatch.events.ontology import load_ontology, to_markdown

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_all_sixteen_types_with_quad_class_intensity_and_cameo():
    ontology = load_ontology()
    assert set(ontology.types) == PLOVER_TYPES
    for kind in ontology.types.values():
        assert kind.quad_class in (1, 2, 3, 4)
        assert -10 <= kind.intensity <= 10 and kind.cameo
        # Cooperation is positive, conflict negative.
        assert (kind.intensity > 0) == (kind.quad_class in (1, 2)), kind.name
        for mode in kind.modes.values():
            assert -10 <= mode.intensity <= 10 and mode.cameo, (kind.name, mode.name)


def test_every_lexicon_row_names_a_known_type_mode_and_context():
    ontology, lexicon = load_ontology(), load_lexicon()
    rows = [row for rows in lexicon.verbs.values() for row in rows] + list(lexicon.nouns.values())
    assert len(rows) > 500
    for row in rows:
        assert row.event_type in ontology.types, row
        assert row.mode is None or row.mode in ontology.types[row.event_type].modes, row
        for context in row.contexts:
            assert context in ontology.contexts, row
    assert {row.event_type for row in rows} == PLOVER_TYPES


def test_ontology_reference_page_is_up_to_date():
    page = Path(__file__).resolve().parents[1] / "docs" / "ontology.md"
    assert page.read_text() == to_markdown(load_ontology()), (
        "run: python -m dyadwatch.events.ontology > docs/ontology.md"
    )
