"""The sentence typer: its shipped weights, its training step, and where its events may appear."""

from __future__ import annotations

import numpy as np

from dyadwatch.events.classifier import NONE, Model, candidates, main_verb, texts_of
from dyadwatch.events.coder import LOW_CONFIDENCE
from dyadwatch.events.train import fit
from dyadwatch.records import Document


def test_shipped_weights_cover_every_type_and_give_probabilities(pipeline):
    model = Model.load()
    assert model.classes == [NONE, *sorted(pipeline.coder.ontology.types)]
    assert 0 < model.threshold < 1 and model.threshold * model.learned_weight < LOW_CONFIDENCE
    rows = np.random.RandomState(1).normal(size=(3, model.mean.shape[0])).astype(np.float32)
    p = model.probabilities(rows)
    assert p.shape == (3, len(model.classes)) and np.allclose(p.sum(axis=1), 1.0)


def test_training_separates_classes_it_can_see():
    rng = np.random.RandomState(0)
    centres = {"NONE": 0, "AID": 1, "ASSAULT": 2}
    labels = [name for name in centres for _ in range(30)]
    x = rng.normal(scale=0.3, size=(len(labels), 5))
    for row, name in enumerate(labels):
        x[row, centres[name]] += 3.0
    model = fit(x, labels, list(centres), strength=1.0)
    predicted = [model.classes[i] for i in model.probabilities(x).argmax(axis=1)]
    assert np.mean([a == b for a, b in zip(predicted, labels, strict=True)]) > 0.95


def test_main_verb_is_the_reported_act_and_names_are_masked(pipeline):
    doc = pipeline.nlp("The ministry said that Ghana had recalled its envoy from Togo.")
    sent = next(doc.sents)
    verb = main_verb(sent, pipeline.coder.words.speech_verbs)
    assert verb is not None and verb.lemma_ == "recall"
    masked, phrase = texts_of(sent, verb)
    assert "Ghana" not in masked and "Togo" not in masked and "X" in masked
    assert phrase.startswith("recalled") and "envoy" in phrase


def test_learned_events_only_in_sentences_the_rules_left_empty(pipeline):
    text = (
        "Chile and Peru signed a fisheries accord on Monday. "
        "Chilean inspectors handed their Peruvian counterparts the catch records of the disputed zone. "
        "Ecuador's foreign ministry said Mexico had violated its sovereignty."
    )
    document = Document(id="typer", text=text, published="2024-05-08")
    parsed = pipeline.nlp(text)
    rules = pipeline.coder.code(parsed, document)
    [(_, events)] = list(pipeline.code([document]))
    assert events[: len(rules)] == rules
    ruled = {e.start for e in rules}
    empty = {sent.start_char for sent, _ in candidates(parsed, rules, pipeline.coder.words.speech_verbs)}
    learned = events[len(rules) :]
    for event in learned:
        assert event.start not in ruled and event.start in empty
        assert event.confidence < LOW_CONFIDENCE
    # the lexicon has no entry for 'violated'; the model reads the sentence as Ecuador's complaint
    assert [(e.source.country, e.target.country if e.target else None) for e in learned if "Ecuador" in e.sentence] == [
        ("ECU", "MEX")
    ]
