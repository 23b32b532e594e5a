"""Fit the claim-key weights and threshold on a development gold set (never on held-out data).

    python -m dyadwatch.claims.tune gold/dev

codes the folder's `documents.jsonl` (events and claims, as `dyadwatch ingest` does), then
tries every combination of weights in GRID and threshold in THRESHOLDS: keys are assigned
incrementally, document by document, exactly as the keyer does at ingest (a claim linked to
the claim it answers takes its key; the others take the key of the best-scoring claim seen
before them when the score reaches the threshold), and each combination is scored against
`claims.jsonl` (pairwise claim-key F1 on matched claims). It prints the best weights and
threshold, to put in `dyadwatch/claims/keys.py`, and the runners-up. Ties go to the
combination listed first (smaller weights, lower threshold).
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import numpy as np

from dyadwatch.claims.keys import ClaimKeyer, KeyParams, key_for, keyed_from, pair_score
from dyadwatch.evaluate import load_claims_gold, score_claims
from dyadwatch.records import Claim

GRID = {
    "sentence_mix": (0.0, 0.3),
    "opposed_here": (0.0, 0.1, 0.2),
    "opposed": (0.0, 0.1, 0.2),
    "subject_speaks": (0.0, 0.1),
    "answers": (0.0, 0.2),
    "cross_doc_floor": (0.0, 0.5, 0.6, 0.65),
    "cross_doc_days": (365,),  # not tuned: every cross-document pair of the dev gold lies within 54 days
}
THRESHOLDS = (0.65, 0.7, 0.75, 0.8)


def candidate_features(claims: list[Claim], vectors: np.ndarray) -> list[list[tuple[int, dict[str, float]]]]:
    """For each claim, the features of its pair with every claim before it (what the keyer compares)."""
    keyer = ClaimKeyer()
    features = []
    for i, claim in enumerate(claims):
        new = keyed_from(claim)
        features.append([(item.index, f) for item, f in keyer.candidates(new, vectors[i])])
        new.index = i
        keyer.add([new], vectors[i : i + 1])
    return features


def assign_keys(claims: list[Claim], features: list, params: KeyParams) -> list[str]:
    """Keys as `ClaimKeyer.assign` gives them, document by document, from precomputed features."""
    keys: list[str | None] = [None] * len(claims)
    position = {c.claim_id: i for i, c in enumerate(claims)}

    def key(i: int, seen: frozenset = frozenset()) -> None:
        if keys[i] is not None:
            return
        target = position.get(claims[i].link) if claims[i].link else None
        if target is not None and target not in seen and target != i:
            key(target, seen | {i})
            keys[i] = keys[target]
            return
        best, best_score = None, params.threshold
        for j, f in features[i]:
            if keys[j] is None:
                continue
            score = pair_score(f, params.weights)
            if score >= best_score:
                best, best_score = j, score
        keys[i] = keys[best] if best is not None else key_for(claims[i].claim_id)

    for i in range(len(claims)):
        key(i)
    return keys


def tune(claims_by_doc: list[list[Claim]], gold: list[dict], embed=None) -> tuple[KeyParams, list[tuple]]:
    """The weights and threshold (from GRID and THRESHOLDS) with the best pairwise claim-key F1."""
    keyer = ClaimKeyer(embedder=embed)
    claims = [c for doc in claims_by_doc for c in doc]
    vectors = np.vstack([keyer.embed(doc) for doc in claims_by_doc if doc])
    features = candidate_features(claims, vectors)
    records = [
        {
            "doc_id": c.doc_id,
            "sentence": c.sentence,
            "speaker": c.speaker.to_dict(),
            "content": c.content,
            "stance": c.stance,
        }
        for c in claims
    ]
    results = []
    names = list(GRID)
    for values in itertools.product(*GRID.values()):
        weights = dict(zip(names, values, strict=True))
        for threshold in THRESHOLDS:
            params = KeyParams(weights=weights, threshold=threshold)
            keys = assign_keys(claims, features, params)
            scored = [r | {"claim_key": k} for r, k in zip(records, keys, strict=True)]
            pairs = score_claims(gold, scored).claim_key_pairs
            results.append((pairs["f1"], threshold, weights, pairs))
    results.sort(key=lambda r: -r[0])  # stable: ties keep the grid's order
    best = results[0]
    return KeyParams(weights=best[2], threshold=best[1]), results


def main(folder: str) -> None:
    from dyadwatch.ingest import read_paths
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.records import Document

    root = Path(folder)
    documents = [d for d in read_paths([str(root / "documents.jsonl")]) if isinstance(d, Document)]
    claims_by_doc = [r[2] for r in Pipeline().code(documents, with_claims=True) if isinstance(r, tuple)]
    gold = load_claims_gold(root / "claims.jsonl")
    params, results = tune(claims_by_doc, gold)
    print(
        json.dumps(
            {
                "weights": params.weights,
                "threshold": params.threshold,
                "pairs": results[0][3],
                "runners_up": [{"f1": r[0], "threshold": r[1], "weights": r[2]} for r in results[1:6]],
            },
            indent=2,
        )
    )


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1] if len(sys.argv) > 1 else "gold/dev")
