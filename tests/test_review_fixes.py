"""Conditions that could never be true (review pass): each case failed before its fix.

Sentences written for the project, coded through the real spaCy pipeline.
"""

from __future__ import annotations

from dyadwatch.events.dates import date_entities_for
from dyadwatch.nlp import MAX_CHARS
from dyadwatch.records import Document, Failure


def _only(events, event_type):
    chosen = [e for e in events if e.event_type == event_type]
    assert len(chosen) == 1, [(e.event_type, e.source.country, e.target and e.target.country) for e in events]
    return chosen[0]


def test_going_to_is_future(code):
    # spaCy parses "is going to impose" with "going" as the head and "impose" its xcomp, so the
    # check for an auxiliary "going" on the verb never matched.
    event = _only(code("Beijing is going to impose tariffs on Canadian canola.", "2025-03-01"), "SANCTION")
    assert event.hypothetical
    event = _only(code("Kenya's president is going to visit Ethiopia.", "2025-03-01"), "CONSULT")
    assert event.hypothetical
    # Going somewhere is not the future of what is done there.
    assert not _only(
        code("Kenya's president went to Addis Ababa and met Ethiopia's prime minister.", "2025-03-01"), "CONSULT"
    ).hypothetical


def test_trade_words_on_an_event_noun_make_it_a_sanction_however_it_is_told(code):
    # "export restrictions" was a SANCTION only after a light verb, and only because `c is not item.noun`
    # never held for spaCy tokens; the bare noun stayed COERCE.
    told_with_verb = _only(code("China imposed export restrictions on Japan.", "2025-03-01"), "SANCTION")
    assert (told_with_verb.source.country, told_with_verb.target.country) == ("CHN", "JPN")
    bare = code("China's export restrictions on Japan angered Tokyo.", "2025-03-01")
    assert [e.event_type for e in bare if e.source.country == "CHN"] == ["SANCTION"]
    # Restrictions on people stay coercion.
    assert _only(code("China imposed restrictions on Japanese journalists.", "2025-03-01"), "COERCE")


def test_a_date_that_is_itself_another_event_still_dates_its_own_phrase(pipeline):
    # `node is not ent.root` was always true (Span.root makes a new Token), so a date whose own root
    # was another event's trigger was dropped before a single step was taken.
    doc = pipeline.nlp("Kenya and Ethiopia signed a trade deal on Tuesday.")
    sent = next(iter(doc.sents))
    trigger = next(t for t in doc if t.lemma_ == "sign")
    (date_ent,) = [e for e in doc.ents if e.label_ == "DATE"]
    assert date_entities_for(trigger, sent, frozenset({date_ent.root.i})) == [date_ent]
    # A step further up is still blocked: the date of another event.
    assert date_entities_for(trigger, sent, frozenset({date_ent.root.head.i})) == []


def test_hyphenated_labour_modifiers_make_a_strike_a_labour_strike(code):
    # coding_rules.yaml lists "two-day", "24-hour", "sit-down"; spaCy splits them into three tokens, so
    # comparing one child's text never matched and these strikes were coded as riots.
    for text in (
        "Nigerian unions began a one-day strike against the government.",
        "A 48-hour strike by Nigerian unions paralysed Lagos.",
    ):
        event = _only(code(text, "2025-03-01"), "PROTEST")
        assert (event.mode, event.source.country) == ("strike", "NGA")


def test_a_claim_called_biased_or_inflated_is_disputed(pipeline):
    # "was biased" is parsed as a passive whose head is the participle, and the claim words compared only
    # its lemma ("bias") with claims.yaml's dispute words ("biased", "inflated", "overstated").
    text = "India claimed Pakistan lost five jets. Pakistan said India's claim was biased."
    [(_, _, claims)] = list(pipeline.code([Document(id="t", text=text, published="2025-05-10")], with_claims=True))
    assert sorted((c.speaker.country, c.stance) for c in claims) == [("IND", "assert"), ("PAK", "dispute")]


def test_a_feeling_said_in_the_passive_is_no_claim(pipeline):
    # claims.yaml's attitude words are participles ("disturbed", "alarmed"); compared by the lemma of a
    # passive's head ("disturb") they never matched, so "it was disturbed by ..." became an asserted claim.
    def claims(text):
        [(_, _, found)] = list(pipeline.code([Document(id="t", text=text, published="2025-05-10")], with_claims=True))
        return [(c.speaker.country, c.stance) for c in found]

    assert claims("Pakistan said it was disturbed by the Indian move.") == []
    assert claims("Pakistan said it was alarmed by the Indian move.") == []
    # Not every participle in the list is a feeling: "had not committed any violations" is still a denial.
    assert claims("Kenya said it had not committed any of the violations listed in the report.") == [("KEN", "deny")]


def test_a_document_too_long_to_parse_fails_in_its_place(pipeline):
    # Pipeline.code promises input order; the failure was set aside and came out before the documents
    # nlp.pipe had read in the same batch.
    docs = [
        Document(id="a", text="Kenya's president met Ethiopia's prime minister."),
        Document(id="b", text="x" * (MAX_CHARS + 1)),
        Document(id="c", text="Peru's president met Chile's president."),
    ]
    results = list(pipeline.code(docs))
    assert [r.source if isinstance(r, Failure) else r[0].id for r in results] == ["a", "b", "c"]
    assert isinstance(results[1], Failure) and "longer than" in results[1].reason
