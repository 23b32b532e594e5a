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

    python -m dyadwatch.claims.tune gold/dev --cv

asks whether the choice generalises: leave-one-group-out cross-validation over the dev
document groups (`ga-`, `gb-`, `gc-`: ids start with the group). Keys are assigned over all
documents, as an ingest would; for each group, the combinations with the best pairwise F1
on the other two groups are scored on the group left out (tied combinations are all scored
and their pair counts averaged, so a tie does not pick a lucky one), and the three groups'
counts are summed into one P/R/F1. A pair of claims from two groups is never a gold pair, so
a system pair there is a wrong merge: it counts half to each of its groups when they are
scored, and not in training when either is left out (before 2026-11-23 such pairs were not
counted at all, which hid the wrong merges across stories that a low threshold makes).
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

import numpy as np

from dyadwatch.claims.keys import DIM, ClaimKeyer, KeyParams, key_for, keyed_from
from dyadwatch.evaluate import load_claims_gold, match_claims, score_claims
from dyadwatch.records import Claim

GRID = {
    "sentence_mix": (0.0, 0.3),
    "opposed": (0.0, 0.1, 0.2),
    "subject_speaks": (0.0, 0.1),
    "answers": (0.0, 0.2),
    "accused": (0.0, 0.1, 0.2),
    "restates": (0.0, 0.1, 0.2),
    "reverses": (0.0, 0.1, 0.2),
    "accused_elsewhere": (-0.1,),  # not tuned here: it changes no dev key; chosen on benchmarks/claims_fresh3
    "cross_doc_floor": (0.5, 0.6),
    "cross_doc_days": (365,),  # not tuned: every cross-document pair of the dev gold lies within 54 days
    "answer_days": (30,),  # not tuned: set from the dev gold's cross-document pairs (within 23 days with a bonus)
}
THRESHOLDS = (0.65, 0.7, 0.75, 0.8)
GROUPS = ("ga", "gb", "gc")


def settled(claims_by_doc: list[list[Claim]], embed=None) -> tuple[list[Claim], np.ndarray]:
    """The claims and their vectors as an ingest keys them: an answer whose claim is in an earlier
    document linked to it, one that answers nothing dropped (`ClaimKeyer.settle`, which depends on
    no tuned weight)."""
    keyer = ClaimKeyer(embedder=embed)
    claims, parts = [], []
    for doc in claims_by_doc:
        doc = list(doc)
        if doc:
            parts.append(keyer.assign(doc, keyer.embed(doc)))
            claims += doc
    return claims, np.vstack(parts) if parts else np.zeros((0, 2 * DIM), dtype=np.float32)


def candidate_features(claims: list[Claim], vectors: np.ndarray) -> list[tuple[np.ndarray, dict[str, np.ndarray]]]:
    """For each claim, the claims before it (their positions) and the features of each pair, as columns."""
    keyer = ClaimKeyer()
    features = []
    for i, claim in enumerate(claims):
        new = keyed_from(claim)
        pairs = keyer.candidates(new, vectors[i], told=keyer.told_cosine(claim, vectors[i]))
        names = list(pairs[0][1]) if pairs else []
        columns = {name: np.array([f[name] for _, f in pairs], dtype=np.float64) for name in names}
        features.append((np.array([item.index for item, _ in pairs], dtype=int), columns))
        new.index = i
        keyer.add([new], vectors[i : i + 1])
    return features


def pair_scores(columns: dict[str, np.ndarray], weights: dict[str, float]) -> np.ndarray:
    """`pair_score` of many pairs at once (one array per feature): the grid scores every pair for
    every combination, and one pair at a time takes minutes."""
    if not columns:
        return np.zeros(0)
    mix = weights.get("sentence_mix", 0.0)
    score = (1 - mix) * columns["cosine"] + mix * columns["sentence_cosine"]
    for name, values in columns.items():
        if name not in ("cosine", "sentence_cosine", "days_apart"):
            score = score + weights.get(name, 0.0) * values
    elsewhere = columns["same_doc"] == 0
    base = (1 - mix) * columns["cosine"] + mix * columns["sentence_cosine"]
    score = np.where(elsewhere & (columns["days_apart"] > weights.get("answer_days", float("inf"))), base, score)
    too_far = (columns["cosine"] < weights.get("cross_doc_floor", 0.0)) | (
        columns["days_apart"] > weights.get("cross_doc_days", float("inf"))
    )
    return np.where(elsewhere & too_far, 0.0, score)


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
        rows, columns = features[i]
        scores = pair_scores(columns, params.weights)
        best, best_score = None, params.threshold
        for j, score in zip(rows, scores, strict=True):
            if keys[j] is not None and score >= best_score:  # ties: the later claim, as the keyer does
                best, best_score = j, score
        keys[i] = keys[best] if best is not None else key_for(claims[i].claim_id)

    for i in range(len(claims)):
        key(i)
    return keys


def tune(claims_by_doc: list[list[Claim]], gold: list[dict], embed=None) -> tuple[KeyParams, list[tuple]]:
    """The weights and threshold (from GRID and THRESHOLDS) with the best pairwise claim-key F1."""
    claims, vectors = settled(claims_by_doc, embed)
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


def _records(claims: list[Claim]) -> list[dict]:
    return [
        {
            "claim_id": c.claim_id,
            "doc_id": c.doc_id,
            "start": c.start,
            "sentence": c.sentence,
            "speaker": c.speaker.to_dict(),
            "content": c.content,
            "stance": c.stance,
        }
        for c in claims
    ]


def _pair_counts(matched: list[tuple[str, int]], keys: list[str]) -> np.ndarray:
    """(tp, fp, fn) of claim-key pairs among matched claims: (gold key, index of the system claim)."""
    return _pair_counts_by_group([(g, i, "") for g, i in matched], keys)[("", "")]


def _pair_counts_by_group(matched: list[tuple[str, int, str]], keys: list[str]) -> dict[tuple[str, str], np.ndarray]:
    """(tp, fp, fn) of claim-key pairs among matched claims (gold key, system claim's index, group),
    by the (sorted) pair of groups the two claims come from."""
    gold = np.array([g for g, _, _ in matched], dtype=object)
    system = np.array([keys[i] for _, i, _ in matched], dtype=object)
    groups = np.array([grp for _, _, grp in matched], dtype=object)
    upper = np.triu(np.ones((len(matched), len(matched)), dtype=bool), 1)
    gold_same = (gold[:, None] == gold[None, :]) & upper
    system_same = (system[:, None] == system[None, :]) & upper
    out = {}
    names = sorted(set(groups.tolist()))
    for a, b in itertools.combinations_with_replacement(names, 2):
        where = ((groups[:, None] == a) & (groups[None, :] == b)) | ((groups[:, None] == b) & (groups[None, :] == a))
        both = (gold_same & system_same & where).sum()
        out[(a, b)] = np.array([both, (system_same & where).sum() - both, (gold_same & where).sum() - both])
    return out


def _fold_counts(by_pair: dict[tuple[str, str], np.ndarray], group: str) -> tuple[np.ndarray, np.ndarray]:
    """(training counts, test counts) when `group` is left out: training holds the pairs of the other
    groups (within and between them); the test the pairs within `group` and half of those between it
    and another group (each such pair belongs half to each of its two groups)."""
    train, test = np.zeros(3), np.zeros(3)
    for (a, b), counts in by_pair.items():
        if group not in (a, b):
            train = train + counts
        elif a == b:
            test = test + counts
        else:
            test = test + counts / 2
    return train, test


def _f1(counts: np.ndarray) -> float:
    tp, fp, fn = counts
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cross_validate(claims_by_doc: list[list[Claim]], gold: list[dict], embed=None) -> dict:
    """Leave-one-group-out pairwise claim-key F1 over GRID x THRESHOLDS (see the module's docstring)."""
    claims, vectors = settled(claims_by_doc, embed)
    features = candidate_features(claims, vectors)
    records = _records(claims)
    index = {r["claim_id"]: i for i, r in enumerate(records)}
    group_of = {g["doc"]: next((grp for grp in GROUPS if g["doc"].startswith(grp)), "") for g in gold}
    pairs, _, _ = match_claims(gold, records)
    matched = [(g["claim_key"], index[s["claim_id"]], group_of[g["doc"]]) for g, s in pairs]
    names = list(GRID)
    table = []  # (params, {(group, group): counts})
    for values in itertools.product(*GRID.values()):
        weights = dict(zip(names, values, strict=True))
        for threshold in THRESHOLDS:
            keys = assign_keys(claims, features, KeyParams(weights=weights, threshold=threshold))
            table.append(((threshold, weights), _pair_counts_by_group(matched, keys)))
    total, folds = np.zeros(3), {}
    for group in GROUPS:
        split = [_fold_counts(by, group) for _, by in table]
        best = max(_f1(train) for train, _ in split)
        chosen = [k for k, (train, _) in enumerate(split) if _f1(train) == best]
        counts = np.mean([split[k][1] for k in chosen], axis=0)
        total += counts
        folds[group] = {"train_f1": round(best, 4), "ties": len(chosen), "test_f1": round(_f1(counts), 4)}
    tp, fp, fn = total
    return {
        "folds": folds,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "f1": round(_f1(total), 4),
        "pairs": [round(float(x), 2) for x in total],
    }


def main(folder: str, cv: bool = False) -> None:
    from dyadwatch.ingest import read_paths
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.records import Document

    root = Path(folder)
    documents = [d for d in read_paths([str(root / "documents.jsonl")]) if isinstance(d, Document)]
    claims_by_doc = [r[2] for r in Pipeline().code(documents, with_claims=True) if isinstance(r, tuple)]
    gold = load_claims_gold(root / "claims.jsonl")
    if cv:
        print(json.dumps(cross_validate(claims_by_doc, gold), indent=2))
        return
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
    args = [a for a in sys.argv[1:] if a != "--cv"]
    main(args[0] if args else "gold/dev", cv="--cv" in sys.argv[1:])
