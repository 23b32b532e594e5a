"""CPU seconds by stage of one `dyadwatch ingest`, measured inside the process.

    python benchmarks/stage_cpu.py CORPUS --db FRESH.duckdb [other ingest options]

py-spy (`profile_pipeline.py`) samples wall time in Python threads only: the CPU of numpy's and
DuckDB's own threads, or of a collector pass, does not show there. This wraps the stages'
functions and times them with `time.process_time` (every thread of the process), each call
less the wrapped calls inside it, and the garbage collector's passes by generation; what is
left outside them is the "elsewhere" line (imports run before the count starts). The wrappers cost a little
themselves; the figures are for comparing stages and versions, not for the totals.
"""

from __future__ import annotations

import atexit
import gc
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator

spent: defaultdict[str, float] = defaultdict(float)
calls: defaultdict[str, int] = defaultdict(int)
inner: list[float] = []  # CPU of wrapped calls inside the running one, per level


def _timed(label: str, run: Callable[[], object]) -> object:
    started = time.process_time()
    inner.append(0.0)
    try:
        return run()
    finally:
        took = time.process_time() - started
        spent[label] += took - inner.pop()
        calls[label] += 1
        if inner:
            inner[-1] += took


def wrap(owner: object, name: str, label: str) -> None:
    function = getattr(owner, name)
    setattr(owner, name, lambda *a, **k: _timed(label, lambda: function(*a, **k)))


def wrap_iterator(label: str, items: Iterator) -> Iterator:
    """Time each step of an iterator (nlp.pipe parses a batch when asked for its next document)."""
    sentinel = object()
    while (item := _timed(label, lambda: next(items, sentinel))) is not sentinel:
        yield item


def _collector(phase: str, info: dict) -> None:
    label = f"garbage collector, generation {info['generation']}"
    if phase == "start":
        _collector.started = time.process_time()
        return
    took = time.process_time() - _collector.started
    spent[label] += took
    calls[label] += 1
    if inner:
        inner[-1] += took


def main() -> None:
    started = time.process_time()  # the interpreter's own start-up is not counted
    import dyadwatch.actors.kb as kb
    import dyadwatch.claims.store as claims_store
    import dyadwatch.ingest.run as run
    import dyadwatch.pipeline as pipeline
    import dyadwatch.store.duck as duck
    from dyadwatch.actors.resolver import ActorMatcher, DocumentActors
    from dyadwatch.claims.attribution import ClaimFinder
    from dyadwatch.claims.keys import ClaimKeyer
    from dyadwatch.cli import app
    from dyadwatch.events.coder import EventCoder
    from dyadwatch.ingest.dedup import StoryClusters

    spent["imports"] = time.process_time() - started
    wrap(pipeline, "load_nlp", "start-up: spaCy model")
    wrap(kb, "_load_knowledge_base", "start-up: knowledge base")
    wrap(ActorMatcher, "__init__", "start-up: actor matcher")
    wrap(EventCoder, "code", "event coder")
    wrap(DocumentActors, "__init__", "actors found (DocumentActors)")
    wrap(ClaimFinder, "find", "claims: finding")
    wrap(ClaimKeyer, "embed", "claims: embeddings")
    wrap(ClaimKeyer, "assign", "claims: keys")
    wrap(ClaimKeyer, "content_cosines", "claims: keys")
    wrap(claims_store, "claim_table", "claims: rows")
    wrap(claims_store, "write_claim_rows", "claims: stored (DuckDB)")
    wrap(duck.Store, "write_batch", "store: documents and events (DuckDB)")
    wrap(run, "fuse_new", "fusion")
    wrap(run, "detect", "language")
    wrap(run, "signature", "near-duplicates (MinHash)")
    wrap(StoryClusters, "add", "near-duplicates (MinHash)")
    load = pipeline.Pipeline._load

    def loaded(self, settings) -> None:
        load(self, settings)
        pipe = self.nlp.pipe
        self.nlp.pipe = lambda *a, **k: wrap_iterator("nlp.pipe (spaCy; reading the inputs)", pipe(*a, **k))

    pipeline.Pipeline._load = loaded
    gc.callbacks.append(_collector)
    atexit.register(report, started)
    sys.argv = ["dyadwatch", "ingest", *sys.argv[1:]]
    app()


def report(started: float) -> None:
    total = time.process_time() - started
    print(f"\nCPU seconds by stage (total {total:.2f})", file=sys.stderr)
    spent["elsewhere (CLI, ingest loop, exit)"] = total - sum(spent.values())
    for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
        print(f"{seconds:8.2f}  {100 * seconds / total:5.1f}%  {calls[label]:6d}  {label}", file=sys.stderr)


if __name__ == "__main__":
    main()
