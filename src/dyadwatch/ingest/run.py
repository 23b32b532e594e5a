"""Ingest: read inputs, code them, store them, and account for every input in a summary."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dyadwatch.ingest.readers import DEFAULT_MAX_BYTES, read_paths
from dyadwatch.pipeline import Settings, code_parallel
from dyadwatch.records import Document, Event, Failure
from dyadwatch.store import Store

WRITE_BATCH = 64


@dataclass
class IngestSummary:
    read: int = 0
    ingested: int = 0
    events: int = 0
    skipped: int = 0  # same id seen twice in one run: the first copy wins
    failures: list[Failure] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.ingested / self.elapsed if self.elapsed else 0.0

    @property
    def failed(self) -> list[Failure]:
        return [f for f in self.failures if not f.reason.startswith("skipped:")]

    def failures_by_reason(self) -> Counter:
        return Counter(f.reason.split(" (")[0] for f in self.failed)

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "ingested": self.ingested,
            "events": self.events,
            "skipped": self.skipped,
            "failed": len(self.failed),
            "failed_by_reason": dict(self.failures_by_reason()),
            "failures": [{"input": f.source, "reason": f.reason} for f in self.failures],
            "elapsed_seconds": round(self.elapsed, 3),
            "documents_per_second": round(self.docs_per_second, 2),
        }


def ingest(
    paths: Iterable[str],
    store: Store,
    workers: int = 1,
    settings: Settings | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_document: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Code every document under `paths` into `store`; bad inputs are listed, never fatal."""
    summary = IngestSummary()
    started = time.perf_counter()
    seen_ids: set[str] = set()

    def documents() -> Iterator[Document]:
        for item in read_paths(paths, max_bytes=max_bytes):
            summary.read += 1
            if isinstance(item, Failure):
                summary.failures.append(item)
                continue
            if item.id in seen_ids:
                summary.skipped += 1
                summary.failures.append(
                    Failure(item.source or item.id, f"skipped: id {item.id!r} already read in this run")
                )
                continue
            seen_ids.add(item.id)
            yield item

    batch: list[tuple[Document, list[Event]]] = []
    for result in code_parallel(documents(), workers, settings):
        if isinstance(result, Failure):
            summary.failures.append(result)
            continue
        batch.append(result)
        summary.ingested += 1
        summary.events += len(result[1])
        if len(batch) >= WRITE_BATCH:
            store.write_batch(batch)
            batch = []
        if on_document:
            summary.elapsed = time.perf_counter() - started
            on_document(summary)
    store.write_batch(batch)
    summary.elapsed = time.perf_counter() - started
    return summary
