"""Where ingest time goes, per document: reading, language, MinHash, LSH, coding, storing.

    python benchmarks/ingest_stages.py PATH... [--lsh-docs N]

Times each stage of `dyadwatch ingest` separately over the same documents (CPU seconds
of this process, so other load on the machine counts less), then, with --lsh-docs, the
cost of signatures and the LSH index on N generated documents without the NLP, and of
rebuilding the index from a store at the start of a run.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

# This folder holds a profile.py, which would shadow the standard library's (spaCy imports cProfile).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


def clock():
    return time.process_time(), time.perf_counter()


def since(start) -> tuple[float, float]:
    cpu, wall = clock()
    return cpu - start[0], wall - start[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--lsh-docs", type=int, default=0)
    args = parser.parse_args()

    from dyadwatch.ingest.dedup import StoryClusters, signature, to_bytes
    from dyadwatch.ingest.language import detect
    from dyadwatch.ingest.readers import read_paths
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.records import Document
    from dyadwatch.store import Store
    from dyadwatch.store.duck import DocExtras

    rows = []
    start = clock()
    docs = [d for d in read_paths(args.paths) if isinstance(d, Document)]
    rows.append(("read + clean/extract", since(start)))
    n = len(docs)
    detect("warm up the language model " * 3)
    start = clock()
    languages = [detect(d.text) for d in docs]
    rows.append(("language", since(start)))
    StoryClusters()  # imports datasketch
    start = clock()
    sigs = [signature(d.text) for d in docs]
    rows.append(("MinHash signature", since(start)))
    clusters = StoryClusters()
    start = clock()
    for doc, sig in zip(docs, sigs, strict=True):
        if sig is not None:
            clusters.add(doc.id, doc.published, sig)
    rows.append(("LSH query + insert", since(start)))
    pipeline = Pipeline()
    english = [d for d, lang in zip(docs, languages, strict=True) if lang.is_english]
    start = clock()
    results = list(pipeline.code(english))
    rows.append((f"NLP + coding ({len(english)} English)", since(start)))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as store:
        start = clock()
        for i in range(0, len(results), 64):
            batch = results[i : i + 64]
            extras = {
                d.id: DocExtras("en", clusters.cluster_of(d.id), to_bytes(s))
                for (d, _), s in zip(batch, sigs[i : i + 64], strict=False)
            }
            store.write_batch(batch, extras=extras)
        rows.append(("store (transactions of 64)", since(start)))
    total = sum(cpu for _, (cpu, _) in rows)
    print(f"{n} documents, {sum(len(d.text) for d in docs):,} characters")
    print(f"{'stage':32} {'CPU s':>8} {'ms/doc':>8} {'share':>7} {'wall s':>8}")
    for name, (cpu, wall) in rows:
        print(f"{name:32} {cpu:8.2f} {1000 * cpu / n:8.2f} {100 * cpu / total:6.1f}% {wall:8.2f}")

    if args.lsh_docs:
        lsh_scaling(args.lsh_docs)


def lsh_scaling(n: int) -> None:
    """Signatures and LSH on n generated stories (no NLP), and rebuilding the index from a store."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from corpus_gen import story
    from dyadwatch.ingest.dedup import StoryClusters, signature, to_bytes
    from dyadwatch.ingest.run import load_clusters
    from dyadwatch.records import Document
    from dyadwatch.store import Store
    from dyadwatch.store.duck import DocExtras

    rng = random.Random(3)
    texts = ["\n\n".join(story(rng)[1]) for _ in range(n)]
    start = clock()
    sigs = [signature(t) for t in texts]
    cpu_sig, _ = since(start)
    clusters = StoryClusters()
    start = clock()
    for i, sig in enumerate(sigs):
        clusters.add(f"d{i}", "2025-01-01", sig)
    cpu_lsh, _ = since(start)
    linked = sum(1 for i in range(n) if clusters.cluster_size(f"d{i}") > 1)
    print(
        f"\n{n} generated stories: signature {1000 * cpu_sig / n:.2f} ms/doc, LSH query+insert "
        f"{1000 * cpu_lsh / n:.2f} ms/doc; {linked} in clusters (chance overlaps of templated text)"
    )
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "l.duckdb") as store:
        for i in range(0, n, 1000):
            ids = range(i, min(n, i + 1000))
            batch = [(Document(id=f"d{j}", text=texts[j], published="2025-01-01"), []) for j in ids]
            store.write_batch(batch, extras={f"d{j}": DocExtras("en", f"d{j}", to_bytes(sigs[j])) for j in ids})
        start = clock()
        clusters, _ = load_clusters(store)
        cpu, wall = since(start)
        print(
            f"rebuilding the index of {len(clusters)} stored documents at the start of a run: {cpu:.2f} s CPU, "
            f"{wall:.2f} s wall"
        )


if __name__ == "__main__":
    main()
