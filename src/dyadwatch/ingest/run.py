"""Ingest: read inputs, code them, store them, and account for every input in a summary.

For each document read, in input order:

1. an id already read in this run: skipped (the first copy wins);
2. the same id with the same text already in the store: left alone, not coded again
   (this is what makes a re-run after `kill -9` cheap and exact);
3. the same normalised text as a document stored or read before (an exact duplicate):
   not stored again, its input recorded as one more source of that document;
4. otherwise stored: its language is detected (only English is coded; other languages
   are stored with no events), and its MinHash signature links it into a story cluster
   with its near-duplicates.

Writes go to the store in transactions of WRITE_BATCH documents, in input order, so an
interrupted run leaves a prefix of the full result, and the next run picks up after it.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from dyadwatch.fusion import fuse_new
from dyadwatch.ingest.dedup import StoryClusters, from_bytes, signature, to_bytes
from dyadwatch.ingest.language import detect
from dyadwatch.ingest.readers import DEFAULT_MAX_BYTES, read_paths
from dyadwatch.nlp import MAX_CHARS
from dyadwatch.pipeline import Settings, code_parallel
from dyadwatch.records import Document, Event, Failure
from dyadwatch.store import Store
from dyadwatch.store.duck import DocExtras

WRITE_BATCH = 64
LOOKUP_CHUNK = 64
# Fusion runs every FUSE_EVERY stored documents, not once at the end, so that it never holds more than
# that many documents' event mentions (and vectors) at once; incremental fusion gives the same result.
FUSE_EVERY = 2000
# DuckDB keeps the blocks it reads and writes cached up to its memory limit (by default 80% of RAM): over
# a long ingest its cache grows with the store, about 10 MB per 1,000 generated documents (the database
# file's size; benchmarks/README.md). An ingest needs little of it at a time: past the limit DuckDB evicts
# cached blocks and reads them again from the file (the OS's page cache), and spills what a query cannot
# hold to a temporary file. The cap is what makes DuckDB's share flat (about 6,000 documents fill it);
# a store whose fusion needs more can be given more with $DYADWATCH_INGEST_MEMORY_LIMIT (e.g. "256MiB").
INGEST_MEMORY_LIMIT = "64MiB"
MEMORY_LIMIT_VAR = "DYADWATCH_INGEST_MEMORY_LIMIT"
# The ingest opens the database again every REOPEN_EVERY stored documents (between two write batches), not
# only after a fusion: what DuckDB keeps of the blocks it wrote, and its allocator's pages, went on growing
# up to the memory limit between fusions (7 -> 53 MB over 10,000 documents; benchmarks/README.md, "Sixth
# round"), and only closing the database gives them back. A reopening costs about 30 ms of CPU.
REOPEN_EVERY = 500


def ingest_memory_limit() -> str:
    """DuckDB's memory limit for an ingest: $DYADWATCH_INGEST_MEMORY_LIMIT, else INGEST_MEMORY_LIMIT."""
    return os.environ.get(MEMORY_LIMIT_VAR) or INGEST_MEMORY_LIMIT


@dataclass
class IngestSummary:
    read: int = 0
    ingested: int = 0  # documents stored in this run (coded, or stored uncoded as not English)
    events: int = 0
    unchanged: int = 0  # already in the store with the same text: not coded again
    skipped: int = 0  # same id seen twice in one run: the first copy wins
    exact_duplicates: int = 0
    near_duplicates: int = 0
    not_english: int = 0
    failures: list[Failure] = field(default_factory=list)
    duplicate_list: list[dict] = field(default_factory=list)
    near_list: list[dict] = field(default_factory=list)
    language_list: list[dict] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def coded(self) -> int:
        return self.ingested - self.not_english

    @property
    def docs_per_second(self) -> float:
        return self.ingested / self.elapsed if self.elapsed else 0.0

    @property
    def failed(self) -> list[Failure]:
        return [f for f in self.failures if not f.reason.startswith("skipped:")]

    def failures_by_reason(self) -> Counter:
        return Counter(_reason_kind(f.reason) for f in self.failed)

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "ingested": self.ingested,
            "coded": self.coded,
            "events": self.events,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "exact_duplicates": self.exact_duplicates,
            "near_duplicates": self.near_duplicates,
            "not_english": self.not_english,
            "failed": len(self.failed),
            "failed_by_reason": dict(self.failures_by_reason()),
            "failures": [{"input": f.source, "reason": f.reason} for f in self.failures],
            "duplicates": self.duplicate_list,
            "near_duplicate_links": self.near_list,
            "not_english_documents": self.language_list,
            "elapsed_seconds": round(self.elapsed, 3),
            "documents_per_second": round(self.docs_per_second, 2),
        }


def _reason_kind(reason: str) -> str:
    """The reason without its particulars: 'file too large (123 bytes > ...)' -> 'file too large'."""
    return reason.split(" (")[0].split(": ")[0].split("; ")[0]


@dataclass
class _Stored:
    doc: Document
    events: list[Event]
    language: str
    sig: bytes | None


@dataclass
class _Duplicate:
    kept: str
    doc: Document
    drop: bool  # the input's id held another text in the store: that document goes


class _Writer:
    """Collects results in input order and writes them in transactions of WRITE_BATCH documents."""

    def __init__(self, store: Store, clusters: StoryClusters, written: dict[str, str]) -> None:
        self.store = store
        self.clusters = clusters
        self.written = written  # stored document -> the cluster id the store holds for it
        self.stored: list[_Stored] = []
        self.duplicates: list[_Duplicate] = []

    @property
    def empty(self) -> bool:
        """Nothing waits to be written (the last item added completed a write batch)."""
        return not (self.stored or self.duplicates)

    def add(self, item: _Stored | _Duplicate) -> None:
        (self.stored if isinstance(item, _Stored) else self.duplicates).append(item)
        if len(self.stored) + len(self.duplicates) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        touched = self.clusters.take_touched()
        in_batch = {s.doc.id for s in self.stored}
        dropped = {d.doc.id for d in self.duplicates if d.drop}
        extras = {
            s.doc.id: DocExtras(language=s.language, cluster_id=self.clusters.cluster_of(s.doc.id), minhash=s.sig)
            for s in self.stored
        }
        updates = {}
        for doc_id in sorted(touched - in_batch - dropped):
            if doc_id in self.written and doc_id in self.clusters:
                cluster = self.clusters.cluster_of(doc_id)
                if self.written[doc_id] != cluster:
                    updates[doc_id] = cluster
        if not (self.stored or self.duplicates or updates):
            return
        self.store.write_batch(
            [(s.doc, s.events) for s in self.stored],
            extras=extras,
            duplicates=[(d.kept, d.doc) for d in self.duplicates],
            cluster_updates=updates,
            drop_ids=dropped,
        )
        for doc_id in dropped:
            self.written.pop(doc_id, None)
        for doc_id, extra in extras.items():
            if extra.minhash is not None:
                self.written[doc_id] = extra.cluster_id
            else:
                self.written.pop(doc_id, None)
        self.written.update(updates)
        self.stored, self.duplicates = [], []


def load_clusters(store: Store) -> tuple[StoryClusters, dict[str, str]]:
    """The cluster index of the stored documents, rebuilt from their signatures.

    Clusters are recomputed rather than trusted, so that a run interrupted between two
    writes cannot leave a stale cluster id behind; differences are written back.
    """
    clusters = StoryClusters()
    written: dict[str, str] = {}
    for doc_id, published, cluster_id, blob in store.iter_signatures():
        clusters.add(doc_id, published, from_bytes(blob))
        written[doc_id] = cluster_id
    return clusters, written


def ingest(
    paths: Iterable[str],
    store: Store,
    workers: int = 1,
    settings: Settings | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_document: Callable[[IngestSummary], None] | None = None,
    recode: bool = False,
) -> IngestSummary:
    """Code every new document under `paths` into `store`; bad inputs are listed, never fatal.

    recode: code again documents already stored with the same text (after a coder change).
    """
    store.con.execute(f"SET memory_limit = '{ingest_memory_limit()}'")
    try:
        return _ingest(paths, store, workers, settings, max_bytes, on_document, recode)
    finally:
        store.con.execute("RESET memory_limit")


def _ingest(
    paths: Iterable[str],
    store: Store,
    workers: int,
    settings: Settings | None,
    max_bytes: int,
    on_document: Callable[[IngestSummary], None] | None,
    recode: bool,
) -> IngestSummary:
    summary = IngestSummary()
    started = time.perf_counter()
    clusters, written = load_clusters(store)
    writer = _Writer(store, clusters, written)
    seen_ids: set[str] = set()
    # content hash (20 bytes, not its 40 hex digits: one entry per document read) -> id of the document kept for it
    run_hashes: dict[bytes, str] = {}
    # Results in input order: ("code", doc id, language, signature) waits for the coder; the rest is ready.
    order: deque[tuple] = deque()

    def tick() -> None:
        if on_document:
            summary.elapsed = time.perf_counter() - started
            on_document(summary)

    def drain() -> None:
        while order and order[0][0] != "code":
            writer.add(order.popleft()[1])
            tick()

    def accept(doc: Document, by_id: dict[str, str], by_hash: dict[str, str]) -> Iterator[Document]:
        if doc.id in seen_ids:
            summary.skipped += 1
            summary.failures.append(Failure(doc.source or doc.id, f"skipped: id {doc.id!r} already read in this run"))
            return
        seen_ids.add(doc.id)
        digest = doc.content_hash
        raw = bytes.fromhex(digest)
        if not recode and by_id.get(doc.id) == digest:
            summary.unchanged += 1
            run_hashes.setdefault(raw, doc.id)
            return
        kept = run_hashes.get(raw)
        if kept is None and by_hash.get(digest) not in seen_ids:  # read in this run: its text may have changed
            kept = by_hash.get(digest)
        if kept and kept != doc.id:
            summary.exact_duplicates += 1
            summary.duplicate_list.append({"input": doc.source or doc.id, "id": doc.id, "duplicate_of": kept})
            drop = doc.id in by_id
            if drop:
                clusters.remove(doc.id)
            order.append(("dup", _Duplicate(kept, doc, drop)))
            drain()
            return
        if len(doc.text) > MAX_CHARS:
            summary.failures.append(Failure(doc.source or doc.id, f"document longer than {MAX_CHARS:,} characters"))
            return
        run_hashes[raw] = doc.id
        language = detect(doc.text)
        sig = signature(doc.text)
        if sig is None:
            clusters.remove(doc.id)
        else:
            matches = clusters.add(doc.id, doc.published, sig)
            if matches:
                summary.near_duplicates += 1
                summary.near_list.append({"id": doc.id, "near_duplicate_of": matches})
        if not language.is_english:
            summary.not_english += 1
            summary.language_list.append(
                {
                    "input": doc.source or doc.id,
                    "id": doc.id,
                    "language": language.code,
                    "confidence": language.confidence,
                }
            )
            doc.notes.append(f"language: {language.code} ({language.confidence:.2f}); not coded")
            summary.ingested += 1
            order.append(("doc", _Stored(doc, [], language.code, to_bytes(sig))))
            drain()
            return
        order.append(("code", doc.id, language.code, to_bytes(sig)))
        yield doc

    def documents() -> Iterator[Document]:
        items = read_paths(paths, max_bytes=max_bytes)
        while chunk := list(islice(items, LOOKUP_CHUNK)):
            summary.read += len(chunk)
            docs = [d for d in chunk if isinstance(d, Document)]
            by_id, by_hash = store.stored_versions([d.id for d in docs], [d.content_hash for d in docs])
            for item in chunk:
                if isinstance(item, Failure):
                    summary.failures.append(item)
                else:
                    yield from accept(item, by_id, by_hash)

    fused_at = reopened_at = 0  # summary.ingested at the last fusion, at the last reopening

    def reopen() -> None:
        nonlocal reopened_at
        store.reopen()
        store.con.execute(f"SET memory_limit = '{ingest_memory_limit()}'")  # the connection's settings go with it
        reopened_at = summary.ingested

    for result in code_parallel(documents(), workers, settings, with_claims=True, claim_vectors=True):
        if isinstance(result, Failure):  # not expected: too-long documents are refused before coding
            summary.failures.append(result)
            continue
        doc, events, claims, vectors = result  # vectors: embedded by a worker (None with one process)
        store.write_claims(doc.id, claims, vectors=vectors)  # the claims ledger, keyed against the stored claims
        drain()
        _, doc_id, language, sig = order.popleft()
        assert doc_id == doc.id, (doc_id, doc.id)
        summary.ingested += 1
        summary.events += len(events)
        writer.add(_Stored(doc, events, language, sig))
        tick()
        drain()
        if summary.ingested - fused_at >= FUSE_EVERY:
            writer.flush()
            fuse_new(store)
            fused_at = summary.ingested
            # What fusion's queries leave with DuckDB's allocator (20-50 MB of RSS after each fusion, a
            # ratchet over a long run) goes only with the database: open it again.
            reopen()
        elif summary.ingested - reopened_at >= REOPEN_EVERY and writer.empty:
            reopen()  # between two write batches: what DuckDB kept of the last REOPEN_EVERY documents goes
    drain()
    writer.flush()
    fuse_new(store)  # fused events: the new mentions join (or start) the real-world events they report
    summary.elapsed = time.perf_counter() - started
    return summary
