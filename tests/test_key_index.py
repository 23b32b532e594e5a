"""The claim-key index holds stored claims' content vectors in float16 and must still give the keys of
float32: where a float16 cosine could decide a key, the float32 vector is read back (here from a dict,
in an ingest from the store)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from dyadwatch.claims.keys import DIM, ClaimKeyer
from dyadwatch.records import ActorRef, Claim


def _claim(i: int, doc: str, country: str = "USA") -> Claim:
    speaker = ActorRef(text=f"speaker {country}", actor_id=None, name=None, country=country, sector="GOV")
    return Claim(
        claim_id=f"c{i:04d}",
        doc_id=doc,
        sentence=f"sentence {i}",
        start=10 * i,
        end=10 * i + 5,
        speaker=speaker,
        content=f"content {i}",
        stance="assert",
    )


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


class _Store:
    """Stands for the claims table: the float32 content vectors of the claims released so far."""

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}
        self.asked = 0

    def exact(self, claim_ids: list[str]) -> np.ndarray:
        self.asked += len(claim_ids)
        return np.stack([self.vectors[c] for c in claim_ids])


def _keys(docs: list[list[Claim]], vectors: list[np.ndarray], store: _Store | None) -> list[str]:
    """Keys of the claims, document by document; with a store, every document's vectors released after it."""
    keyer = ClaimKeyer(exact=store.exact if store else None)
    keys = []
    for claims, rows in zip(docs, vectors, strict=True):
        claims = [replace(c) for c in claims]  # copies: assign sets their keys
        keyer.assign(claims, rows)
        keys += [c.claim_key for c in claims]
        if store is not None:
            store.vectors.update({c.claim_id: rows[k, :DIM] for k, c in enumerate(claims)})
            keyer.release()
            assert keyer._content.dtype == np.float16 and not len(keyer._tail)
    return keys


def test_a_match_that_float16_alone_would_miss_is_found():
    # Contents 0.8 alike in float32 (the threshold): float16 rounds the stored 0.8 to 0.7998.
    stored = np.zeros(2 * DIM, np.float32)
    stored[0], stored[1], stored[DIM] = 0.8, 0.6, 1.0
    new = np.zeros(2 * DIM, np.float32)
    new[0], new[DIM + 1] = 1.0, 1.0
    assert float(np.float16(0.8)) < 0.8 <= float(np.float32(0.8))
    docs = [[_claim(1, "d1")], [_claim(2, "d2")]]
    rows = [stored[None], new[None]]
    full = _keys(docs, rows, None)
    store = _Store()
    held = _keys(docs, rows, store)
    assert full[1] == full[0]
    assert held == full
    assert store.asked == 1


def test_float16_index_gives_the_keys_of_float32_near_the_threshold():
    rng = np.random.default_rng(11)
    centres = _unit(rng.normal(size=(6, DIM)))
    docs, rows = [], []
    for d in range(120):  # claims whose content cosines with a centre lie close to 0.8
        claims, block = [], []
        for k in range(2):
            i = 2 * d + k
            centre = centres[rng.integers(6)]
            away = _unit(rng.normal(size=DIM) - (rng.normal(size=DIM) @ centre) * centre)
            alike = 0.894 + rng.normal() * 0.002  # two such claims: cosine about alike**2 = 0.8
            content = _unit(alike * centre + np.sqrt(1 - alike**2) * away)
            claims.append(_claim(i, f"d{d:03d}", ["USA", "PAK"][i % 2]))
            block.append(np.concatenate([content, _unit(rng.normal(size=DIM))]))
        docs.append(claims)
        rows.append(np.asarray(block, np.float32))
    full = _keys(docs, rows, None)
    store = _Store()
    held = _keys(docs, rows, store)
    assert held == full
    assert len(set(full)) < len(full) * 0.9  # many claims share keys: the test decides something
    assert store.asked > 0  # and float16 alone was not enough to decide some of them
