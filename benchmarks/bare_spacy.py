"""The floor: a bare spaCy `nlp.pipe` pass over the texts a dyadwatch ingest stored.

    python benchmarks/bare_spacy.py DB.duckdb

Reads the cleaned text of every coded (English) document from the database that
`dyadwatch ingest` just wrote, loads the same pipeline with `dyadwatch.nlp.load_nlp()` and
parses the texts with `nlp.pipe` at the pipeline's batch size, doing nothing with the
result. Prints one JSON object: documents, words, tokens, and seconds for loading and
parsing. `benchmarks/run.py` times the whole process from outside.
"""

from __future__ import annotations

import json
import sys
import time


def main(db: str) -> int:
    started = time.perf_counter()
    import duckdb

    from dyadwatch.nlp import load_nlp
    from dyadwatch.pipeline import PARSE_BATCH

    con = duckdb.connect(db, read_only=True)
    columns = {row[0] for row in con.execute("DESCRIBE documents").fetchall()}
    english = "WHERE language IS NULL OR language = 'en'" if "language" in columns else ""
    texts = [row[0] for row in con.execute(f"SELECT text FROM documents {english} ORDER BY id").fetchall()]
    con.close()
    nlp = load_nlp()
    loaded = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=PARSE_BATCH):
        tokens += len(doc)
    parsed = time.perf_counter()
    print(
        json.dumps(
            {
                "documents": len(texts),
                "words": sum(len(text.split()) for text in texts),
                "tokens": tokens,
                "load_seconds": round(loaded - started, 3),
                "pipe_seconds": round(parsed - loaded, 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
