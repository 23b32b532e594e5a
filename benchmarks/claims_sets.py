"""Write a claims check set (documents.jsonl, claims.jsonl) from the texts of its build.py.

Each set's build.py holds DOCS: (doc id, outlet, published, title, text, claims), a claim being
(sentence, speaker name, country, sector, content, stance, claim key); every sentence must
stand in its text, so a typo in either fails the build instead of the eval.
"""

from __future__ import annotations

import json
from pathlib import Path


def write_claims_set(folder: Path, docs: list[tuple]) -> None:
    documents, gold = [], []
    for doc_id, outlet, published, title, text, claims in docs:
        documents.append({"id": doc_id, "text": text, "published": published, "outlet": outlet, "title": title})
        for sentence, name, country, sector, content, stance, key in claims:
            assert sentence in text, (doc_id, sentence)
            gold.append(
                {
                    "doc": doc_id,
                    "sentence": sentence,
                    "speaker": {"name": name, "country": country, "sector": sector},
                    "content": content,
                    "stance": stance,
                    "claim_key": key,
                }
            )
    (folder / "documents.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents))
    (folder / "claims.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold))
    print(f"{len(documents)} documents, {len(gold)} gold claims")
