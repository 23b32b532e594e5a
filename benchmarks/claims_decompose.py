"""Where pairwise claim-key F1 is lost: detection (gold claims not found, contents cut wrong) or grouping.

    PYTHONPATH=src python benchmarks/claims_decompose.py gold/dev benchmarks/claims_fresh ...

For each folder (documents.jsonl, claims.jsonl) it codes the documents, keys the claims as an ingest
does and splits the gold pairs (two gold claims of one key) and the system's wrong merges:

- lost to detection: a gold pair with a claim the system did not find (counts in the all-gold F1 only);
- among matched claims: right (tp), split (fn) and wrongly merged (fp), each within a document or across
  documents, and whether either claim's content is poor (content-word Jaccard with the gold content
  below 0.34: the content span is wrong);
- counterfactuals on the same matched claims: the keys again with the gold contents put in for the
  system's (what the content spans cost), and with the gold stances as well (what stance errors cost).

Prints counts only, no claim text (so that a confirmation set's errors can be counted without being
read). Coded claims are cached in --cache (default /tmp/claims_decompose) by the documents' hash.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

from dyadwatch.claims.keys import ClaimKeyer
from dyadwatch.claims.store import claim_record_from
from dyadwatch.evaluate import _content_words, load_claims_gold, match_claims, score_claims
from dyadwatch.records import Claim

POOR = 0.34  # content-word Jaccard below this: the system's content is not the gold's proposition


def coded(folder: Path, cache: Path) -> list[list[Claim]]:
    """The claims of each document, in input order (cached by the documents file's and the code's hash)."""
    from dyadwatch.ingest import read_paths
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.records import Document

    source = (folder / "documents.jsonl").read_bytes()
    code = b"".join(p.read_bytes() for p in sorted(Path("src/dyadwatch").rglob("*.py")) if "claims/keys" not in str(p))
    data = b"".join(p.read_bytes() for p in sorted(Path("src/dyadwatch/data").rglob("*")) if p.is_file())
    digest = hashlib.sha256(source + code + data).hexdigest()[:16]
    path = cache / f"{folder.name}-{digest}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    documents = [d for d in read_paths([str(folder / "documents.jsonl")]) if isinstance(d, Document)]
    claims = [r[2] for r in Pipeline().code(documents, with_claims=True) if isinstance(r, tuple)]
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(claims))
    return claims


def keyed(claims_by_doc: list[list[Claim]]) -> list[dict]:
    keyer = ClaimKeyer()
    records = []
    for claims in copy.deepcopy(claims_by_doc):
        keyer.assign(claims)
        records += [claim_record_from(c) | {"link": c.link} for c in claims]
    return records


def jaccard(a: str | None, b: str | None) -> float:
    x, y = _content_words(a), _content_words(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def pair_table(pairs: list[tuple[dict, dict]]) -> Counter:
    """Pairs among matched claims by outcome, place (same document or not) and content quality."""
    out: Counter = Counter()
    for i in range(len(pairs)):
        for j in range(i + 1, len(pairs)):
            (g1, s1), (g2, s2) = pairs[i], pairs[j]
            gold_same = g1["claim_key"] == g2["claim_key"]
            system_same = s1["claim_key"] == s2["claim_key"]
            if not (gold_same or system_same):
                continue
            kind = "tp" if gold_same and system_same else ("fn" if gold_same else "fp")
            place = "doc" if g1["doc"] == g2["doc"] else "xdoc"
            poor = min(jaccard(g1.get("content"), s1.get("content")), jaccard(g2.get("content"), s2.get("content")))
            linked = bool(s1.get("link") or s2.get("link"))
            out[(kind, place, "poor" if poor < POOR else "ok", "linked" if linked else "unlinked")] += 1
    return out


def with_gold(claims_by_doc: list[list[Claim]], gold: list[dict], stance: bool) -> list[list[Claim]]:
    """The claims with the matched gold claim's content (and stance) put in for their own."""
    records = [claim_record_from(c) for doc in claims_by_doc for c in doc]
    pairs, _, _ = match_claims(gold, records)
    by_id = {s["claim_id"]: g for g, s in pairs}
    out = copy.deepcopy(claims_by_doc)
    for doc in out:
        for claim in doc:
            g = by_id.get(claim.claim_id)
            if g is not None:
                claim.content = g.get("content") or claim.content
                if stance:
                    claim.stance = g["stance"]
    return out


def f1(tp: float, fp: float, fn: float) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0


def decompose(folder: Path, cache: Path) -> dict:
    gold = load_claims_gold(folder / "claims.jsonl")
    claims = coded(folder, cache)
    records = keyed(claims)
    scores = score_claims(gold, records)
    pairs, misses, _ = match_claims(gold, [r for r in records if r["doc_id"] in {g["doc"] for g in gold}])
    by_key = Counter(g["claim_key"] for g in gold)
    gold_pairs = sum(n * (n - 1) // 2 for n in by_key.values())
    matched_keys = Counter(g["claim_key"] for g, _ in pairs)
    matched_pairs = sum(n * (n - 1) // 2 for n in matched_keys.values())
    table = pair_table(pairs)
    total = {k: sum(v for key, v in table.items() if key[0] == k) for k in ("tp", "fp", "fn")}
    out = {
        "set": str(folder),
        "gold_claims": len(gold),
        "matched_claims": len(pairs),
        "gold_pairs": gold_pairs,
        "pairs_lost_to_detection": gold_pairs - matched_pairs,
        "matched": {**total, "f1": f1(total["tp"], total["fp"], total["fn"])},
        "f1_all_gold": scores.claim_key_pairs_all_gold["f1"],
        "by_kind": {" ".join(k): v for k, v in sorted(table.items())},
    }
    for name, stance in (("gold_contents", False), ("gold_contents_and_stances", True)):
        again = score_claims(gold, keyed(with_gold(claims, gold, stance))).claim_key_pairs
        out[name] = {k: again[k] for k in ("tp", "fp", "fn", "f1")}
    return out


def main(argv: list[str]) -> None:
    cache = Path("/tmp/claims_decompose")
    folders = [Path(a) for a in argv if not a.startswith("--")]
    for folder in folders:
        print(json.dumps(decompose(folder, cache)))


if __name__ == "__main__":
    main(sys.argv[1:])
