"""Who owns the memory of a long ingest: RSS beside the allocator's, Python's, spaCy's and DuckDB's own counts.

    python benchmarks/memory_probe.py CORPUS --db FRESH.duckdb [--every 250] [--types] [--trim]
                                      [--fuse-every N] [--out probe.jsonl]

Runs `dyadwatch.ingest.run.ingest` in this process (one worker) and, every `--every` stored
documents, prints one JSON line: RSS now and its high-water mark since the last line; glibc's
heap (bytes in use, free but kept, mmapped); Arrow's pool; Python's allocated blocks; the spaCy
vocabulary and string store; DuckDB's own accounting (`duckdb_memory()`); with --types, the
object types whose counts grew most since the last line (slow: walks every object); with
--trim, the RSS after `malloc_trim(0)`. RSS that grows while none of the others do lives
outside all of them (torch's kernels, fragmentation of Python's arenas). --fuse-every runs
fusion more often than the ingest does, to see several fusions in a short run. Each fusion
prints a line of its own: the mentions it read (new and stored), the RSS before it, its
high-water mark during it and the RSS after it.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import sys
import time
from collections import Counter
from pathlib import Path

# This folder holds a profile.py, which would shadow the standard library's (spaCy imports cProfile).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks")
        + ("keepcost",)
    ]


def _heap() -> dict:
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _Mallinfo2
    info = libc.mallinfo2()
    mb = 2**20
    return {
        "heap_used_mb": round(info.uordblks / mb, 1),
        "heap_free_mb": round(info.fordblks / mb, 1),
        "mmap_mb": round(info.hblkhd / mb, 1),
    }


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return round(int(f.read().split()[1]) * 4096 / 2**20, 1)


def _window_peak_mb() -> float:
    """The RSS high-water mark since the last call (the kernel's VmHWM, reset after reading)."""
    with open("/proc/self/status") as f:
        peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    return round(peak / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--db", required=True)
    parser.add_argument("--every", type=int, default=250)
    parser.add_argument("--types", action="store_true")
    parser.add_argument("--out")
    parser.add_argument("--trim", action="store_true", help="malloc_trim(0) after each line; rss_trimmed_mb after it")
    parser.add_argument("--fuse-every", type=int, help="fuse every N documents instead of FUSE_EVERY")
    args = parser.parse_args()

    import pyarrow as pa

    import dyadwatch.ingest.run
    from dyadwatch.ingest.run import ingest
    from dyadwatch.nlp import load_nlp
    from dyadwatch.pipeline import Settings
    from dyadwatch.store import Store

    if args.fuse_every:
        dyadwatch.ingest.run.FUSE_EVERY = args.fuse_every
    fuse = dyadwatch.ingest.run.fuse_new

    def measured_fuse(store):
        before, started_fuse = _rss_mb(), time.process_time()
        peak_before = _window_peak_mb()  # the high-water mark of the documents before it
        summary = fuse(store)
        line = {"fusion": summary.new, "refused": summary.refused, "embedded": summary.embedded}
        line |= {"rss_before_mb": before, "peak_before_mb": peak_before, "peak_mb": _window_peak_mb()}
        line["rss_mb"] = _rss_mb()
        line["cpu_s"] = round(time.process_time() - started_fuse, 1)
        print(json.dumps(line), flush=True)
        return summary

    dyadwatch.ingest.run.fuse_new = measured_fuse
    out = open(args.out, "w") if args.out else None  # noqa: SIM115
    last_types: Counter = Counter()
    next_at = [args.every]
    started = time.process_time()

    def probe(store: Store, docs: int) -> None:
        nlp = load_nlp()
        tags = store.con.execute(
            "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0"
        ).fetchall()
        duck = sum(size for _, size in tags)
        line = {
            "docs": docs,
            "cpu_s": round(time.process_time() - started, 1),
            "rss_mb": _rss_mb(),
            "peak_mb": _window_peak_mb(),
            "arrow_mb": round(pa.total_allocated_bytes() / 2**20, 1),
            **_heap(),
            "py_blocks": sys.getallocatedblocks(),
            "strings": len(nlp.vocab.strings),
            "lexemes": len(nlp.vocab),
            "duckdb_mb": round(duck / 2**20, 1),
            "duckdb_by_tag_mb": {tag: round(size / 2**20, 1) for tag, size in sorted(tags, key=lambda t: -t[1])},
        }
        if args.trim:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
            line["rss_trimmed_mb"] = _rss_mb()
        if args.types:
            counts = Counter(type(o).__name__ for o in gc.get_objects())
            grown = {k: v - last_types.get(k, 0) for k, v in counts.items()}
            line["grown"] = dict(sorted(grown.items(), key=lambda kv: -kv[1])[:8])
            last_types.clear()
            last_types.update(counts)
        text = json.dumps(line)
        print(text, flush=True)
        if out:
            out.write(text + "\n")
            out.flush()

    with Store(args.db) as store:

        def tick(summary) -> None:
            if summary.ingested >= next_at[0]:
                next_at[0] += args.every
                probe(store, summary.ingested)

        summary = ingest(args.paths, store, settings=Settings(), on_document=tick)
        probe(store, summary.ingested)


if __name__ == "__main__":
    main()
