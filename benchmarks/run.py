"""`make bench`: the whole pipeline against the bare spaCy floor, memory, workers and query speed.

    python benchmarks/run.py [--docs 500] [--small-docs 125] [--seed 1] [--query-events 10000000]
                             [--no-query] [--out benchmarks/results.json] [--readme benchmarks/README.md]

In one run, over one generated corpus (benchmarks/generate.py) and one model:

1. `dyadwatch ingest CORPUS --db FRESH --workers 1` (files in, coded events in the store);
2. a bare spaCy `nlp.pipe` pass over the same texts, those the ingest stored
   (benchmarks/bare_spacy.py, same `load_nlp()`, same batch size);
3. the same ingest with `--workers 2`;
4. the ingest and the bare pass of a corpus a quarter the size, for memory flatness and
   for the overhead per document with start-up costs left out;
5. the query benchmark (benchmarks/query.py) over 10 million synthetic events.

Each command runs as its own process, timed from outside: wall time, CPU time (user +
system, worker processes included), peak RSS of the largest process and peak PSS of the
process tree (sampled). Figures go to results.json and to the table in README.md.

On a shared machine wall time depends on what else runs; CPU time much less so. Both are
reported, with the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402
from memory_curve import run_probe, summarize  # noqa: E402

TARGETS = {"overhead": 1.3, "words_per_core": 2000, "rss_100k_mb": 1500, "workers_speedup": 1.7}
MARK_START, MARK_END = "<!-- results:start -->", "<!-- results:end -->"
LONG_MEMORY = HERE / "memory.json"  # written by `make bench-memory` (memory_curve.py)


def measured(cmd: list[str], sample_every: float = 0.25) -> dict:
    """Run cmd; its wall and CPU seconds, peak RSS (largest process) and peak PSS (whole tree), stdout."""
    out = tempfile.TemporaryFile()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "100"})
    timeline, peak_tree, main_cpu = [], 0, 0.0
    watched = psutil.Process(proc.pid)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            times = watched.cpu_times()
            main_cpu = times.user + times.system  # the main process alone (workers not included)
            main_rss = watched.memory_info().rss
            tree = 0
            for p in [watched] + watched.children(recursive=True):
                try:
                    tree += p.memory_full_info().pss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
            peak_tree = max(peak_tree, tree)
            timeline.append((round(time.perf_counter() - started, 2), main_rss, tree))
        except (psutil.NoSuchProcess, psutil.ZombieProcess):
            pass
        time.sleep(sample_every)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    stdout = out.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with exit code {proc.returncode}:\n{stdout[-2000:]}")
    return {
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "main_cpu_seconds": round(main_cpu, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),  # Linux: KiB; the largest process (itself or a worker)
        "peak_tree_pss_mb": round(peak_tree / 2**20),
        "timeline": timeline,
        "stdout": stdout,
    }


def rss_at(timeline: list, fraction: float) -> int:
    """The main process's RSS (MB) at a fraction of the run's duration."""
    if not timeline:
        return 0
    end = timeline[-1][0]
    point = min(timeline, key=lambda t: abs(t[0] - fraction * end))
    return round(point[1] / 2**20)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import duckdb
    import spacy

    from dyadwatch.nlp import MODEL_PACKAGE, load_nlp

    nlp = load_nlp()
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        commit += " (+ uncommitted changes)" if dirty else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": commit,
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30),
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": f"{MODEL_PACKAGE} {nlp.meta.get('version', '?')} ({', '.join(nlp.pipe_names)})",
        "duckdb": duckdb.__version__,
    }


def ingest(bin_dir: Path, corpus: Path, db: Path, workers: int, report: Path) -> dict:
    result = measured(
        [
            str(bin_dir / "dyadwatch"),
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--workers",
            str(workers),
            "--report",
            str(report),
        ]
    )
    summary = json.loads(report.read_text())
    result["documents"] = summary["ingested"]
    result["events"] = summary["events"]
    result["failed"] = summary.get("failed", 0)
    return result


def figures(runs: dict, words: int) -> dict:
    one, two, bare, small = runs["ingest_w1"], runs["ingest_w2"], runs["bare_spacy"], runs["ingest_small"]
    bare_small = runs["bare_spacy_small"]
    docs = one["documents"]
    # CPU seconds per document beyond fixed start-up costs: the slope between the two corpus sizes.
    per_doc = (one["cpu_seconds"] - small["cpu_seconds"]) / max(1, docs - small["documents"])
    bare_docs = max(1, bare["documents"] - bare_small["documents"])
    bare_per_doc = (bare["cpu_seconds"] - bare_small["cpu_seconds"]) / bare_docs
    slope = (one["peak_rss_mb"] - small["peak_rss_mb"]) / max(1, docs - small["documents"])
    return {
        "documents": docs,
        "words": words,
        "events": one["events"],
        "docs_per_second": round(docs / one["wall_seconds"], 1),
        "words_per_second": round(words / one["wall_seconds"]),
        "words_per_cpu_second": round(words / one["cpu_seconds"]),
        "bare_words_per_second": round(words / bare["wall_seconds"]),
        "bare_words_per_cpu_second": round(words / bare["cpu_seconds"]),
        "overhead_wall": round(one["wall_seconds"] / bare["wall_seconds"], 2),
        "overhead_cpu": round(one["cpu_seconds"] / bare["cpu_seconds"], 2),
        # Start-up cancels out: the extra CPU time of the large corpus over the small one, pipeline over spaCy.
        "overhead_marginal_cpu": round(per_doc / max(1e-6, bare_per_doc), 2),
        "startup_cpu_seconds_pipeline": round(one["cpu_seconds"] - per_doc * docs, 1),
        "startup_cpu_seconds_bare": round(bare["cpu_seconds"] - bare_per_doc * bare["documents"], 1),
        "workers2_speedup": round(one["wall_seconds"] / two["wall_seconds"], 2),
        # What 2 workers could reach with 2 idle cores: the work spread over two cores, unless the
        # main process (reading, language, duplicates, store) is the longer of the two.
        "workers2_speedup_cpu_bound": round(
            one["cpu_seconds"] / max(two["cpu_seconds"] / 2, two["main_cpu_seconds"]), 2
        ),
        "workers2_main_cpu_share": round(two["main_cpu_seconds"] / two["cpu_seconds"], 2),
        "cpu_use_w1": round(one["cpu_seconds"] / one["wall_seconds"], 2),
        "cpu_use_w2": round(two["cpu_seconds"] / two["wall_seconds"], 2),
        "workers2_docs_per_second": round(two["documents"] / two["wall_seconds"], 1),
        "peak_rss_mb_w1": one["peak_rss_mb"],
        "peak_rss_mb_small": small["peak_rss_mb"],
        "small_documents": small["documents"],
        "peak_tree_pss_mb_w2": two["peak_tree_pss_mb"],
        "rss_mb_at_half_run": rss_at(one["timeline"], 0.5),
        "rss_mb_at_end": rss_at(one["timeline"], 0.98),
        "rss_growth_mb_per_1000_docs": round(slope * 1000, 1),
        "rss_mb_100k_extrapolated": round(one["peak_rss_mb"] + slope * max(0, 100_000 - docs)),
    }


def verdicts(f: dict) -> dict:
    return {
        "overhead": f["overhead_wall"] <= TARGETS["overhead"] and f["overhead_cpu"] <= TARGETS["overhead"],
        "words_per_core": f["words_per_cpu_second"] >= TARGETS["words_per_core"]
        and f["words_per_second"] >= TARGETS["words_per_core"],
        # a short run's high-water mark lower at the end than earlier is noise, not flat memory: no verdict
        "flat_memory": None
        if not f.get("memory_long_run") and f.get("memory_growth_mb_per_1000_docs", 0) < 0
        else f.get("memory_rss_mb_100k", f["rss_mb_100k_extrapolated"]) < TARGETS["rss_100k_mb"],
        "workers_speedup": f["workers2_speedup"] >= TARGETS["workers_speedup"],
    }


def table(result: dict) -> str:
    f, v, m = result["figures"], result["targets_met"], result["machine"]
    yes = {True: "met", False: "**not met**", None: "not shown: the run's growth is below its noise (see Memory)"}
    rows = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; {m['os']}; Python {m['python']}, "
        f"spaCy {m['spacy']}, {m['model']}, DuckDB {m['duckdb']}.",
        f"Run: {m['date']}, commit {m['commit']}; load average {result['load_before']} before, "
        f"{result['load_after']} after (2 cores: above 2 means other work shared the CPU).",
        f"Corpus: {f['documents']:,} documents, {f['words']:,} words after cleaning "
        f"(benchmarks/generate.py, seed {result['seed']}), {f['events']:,} events coded.",
        "",
        "| figure | measured | target | |",
        "|---|---|---|---|",
        f"| end-to-end, 1 worker | {f['docs_per_second']} docs/s, {f['words_per_second']:,} words/s "
        f"({f['words_per_cpu_second']:,} per CPU-second) | ≥ 2,000 words/s per core | {yes[v['words_per_core']]} |",
        f"| bare spaCy `nlp.pipe`, same texts | {f['bare_words_per_second']:,} words/s "
        f"({f['bare_words_per_cpu_second']:,} per CPU-second) | (the floor) | |",
        f"| overhead: pipeline / bare spaCy | {f['overhead_wall']} wall, {f['overhead_cpu']} CPU; "
        f"{f['overhead_marginal_cpu']} per document, start-up left out | ≤ 1.3 | {yes[v['overhead']]} |",
        f"| start-up (CPU) | pipeline {f['startup_cpu_seconds_pipeline']} s, bare spaCy "
        f"{f['startup_cpu_seconds_bare']} s | | |",
        f"| `--workers 2` vs 1 | {f['workers2_speedup']}× ({f['workers2_docs_per_second']} docs/s); CPU use "
        f"{f['cpu_use_w1']} / {f['cpu_use_w2']} cores; {f['workers2_speedup_cpu_bound']}× if the 2 cores were ours "
        f"| ≥ 1.7× | {yes[v['workers_speedup']]} |",
        f"| peak RSS, 1 worker | {f['peak_rss_mb_small']} MB ({f['small_documents']:,} docs), "
        f"{f['peak_rss_mb_w1']} MB ({f['documents']:,} docs); {f['rss_growth_mb_per_1000_docs']} MB per 1,000 docs "
        f"| flat | |",
        f"| peak RSS at 100,000 docs (extrapolated) | {memory_cell(result)} | < 1,500 MB | {yes[v['flat_memory']]} |",
        f"| peak memory, `--workers 2` (PSS, all processes) | {f['peak_tree_pss_mb_w2']} MB | | |",
    ]
    q = result.get("query")
    if q:
        s, a, old = q["sorted"], q["arrival_order"], q.get("legacy_filter_arrival_order", {})

        def before(key: str) -> str:
            return f"; before: {old[key]['warm_ms']:.0f} ms (old filter, arrival order)" if key in old else ""

        rows += [
            f"| query: monthly dyad series, {q['events'] / 1e6:.0f}M events | {s['series_busy']['warm_ms']:.0f} ms "
            f"(busy pair; cold {s['series_busy']['cold_ms']:.0f} ms), {s['series_rare']['warm_ms']:.0f} ms (rare); "
            f"arrival order {a['series_busy']['warm_ms']:.0f} ms{before('series_busy')} | < 200 ms "
            f"| {yes[q['all_under_200ms']]} |",
            f"| query: page of 50 events, dyad + type + dates | {s['page_busy']['warm_ms']:.0f} ms (busy; cold "
            f"{s['page_busy']['cold_ms']:.0f} ms), {s['page_rare']['warm_ms']:.0f} ms (rare); arrival order "
            f"{a['page_busy']['warm_ms']:.0f} ms{before('page_busy')} | < 200 ms | {yes[q['all_under_200ms']]} |",
            f"| query: 10M events built / sorted | {q['build_seconds']:.0f} s / {q['sort_seconds']:.0f} s; 64 "
            f"documents rewritten in {q['write_sorted']['write_ms']:.0f} ms, counts "
            f"{'right' if q['write_sorted']['correct'] else 'WRONG'} | | |",
        ]
    rows.append("")
    rows.append(f"`make bench` took {result['bench_seconds']:.0f} s (without installing).")
    return "\n".join(rows)


def memory_cell(result: dict) -> str:
    f, short, long = result["figures"], result.get("memory"), result.get("memory_long")
    cells = []
    if long:
        cells.append(
            f"{long['rss_mb_100k_extrapolated']:,} MB from a {long['documents']:,}-document run (`make bench-memory`, "
            f"{long['date']}, {long['commit']}): high-water {long['high_water_mb']} MB, growth past "
            f"{long['warmup_documents']:,} documents {long['growth_mb_per_1000_docs']} MB per 1,000 docs"
        )
    if short:
        cells.append(
            f"this run's {short['documents']:,} documents: high-water {short['high_water_mb']} MB, "
            f"{short['growth_mb_per_1000_docs']} MB per 1,000 docs past {short['warmup_documents']:,} (too short "
            f"to tell growth from spaCy's swings)"
        )
    cells.append(f"{f['rss_mb_100k_extrapolated']:,} MB from the two sizes")
    return "; ".join(cells)


def write_readme(path: Path, text: str, start: str = MARK_START, end: str = MARK_END) -> None:
    old = path.read_text() if path.exists() else f"# Benchmarks\n\n{start}\n{end}\n"
    if start not in old:
        old += f"\n{start}\n{end}\n"
    before, rest = old.split(start, 1)
    after = rest.split(end, 1)[1]
    path.write_text(f"{before}{start}\n{text}\n{end}{after}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--small-docs", type=int, default=125)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--query-events", type=int, default=10_000_000)
    parser.add_argument("--no-query", action="store_true", help="leave out the query benchmark")
    parser.add_argument(
        "--memory-docs", type=int, default=1500, help="a longer 1-worker ingest for memory growth (0: leave it out)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    parser.add_argument("--readme", type=Path, default=HERE / "README.md")
    args = parser.parse_args(argv)
    bench_started = time.perf_counter()
    bin_dir = Path(sys.executable).parent
    result = {"seed": args.seed, "load_before": [round(x, 2) for x in os.getloadavg()]}
    result["machine"] = machine()
    runs = {}
    with tempfile.TemporaryDirectory(prefix="dyadwatch-bench-") as tmp:
        work = Path(tmp)
        print(f"generating {args.docs:,} + {args.small_docs:,} documents ...", flush=True)
        write_corpus(work / "large", args.docs, args.seed)
        write_corpus(work / "small", args.small_docs, args.seed)
        print("ingest, 1 worker ...", flush=True)
        runs["ingest_w1"] = ingest(bin_dir, work / "large", work / "w1.duckdb", 1, work / "w1.json")
        print("bare spaCy ...", flush=True)
        runs["bare_spacy"] = measured([sys.executable, str(HERE / "bare_spacy.py"), str(work / "w1.duckdb")])
        runs["bare_spacy"].update(json.loads(runs["bare_spacy"]["stdout"].strip().splitlines()[-1]))
        print("ingest, 2 workers ...", flush=True)
        runs["ingest_w2"] = ingest(bin_dir, work / "large", work / "w2.duckdb", 2, work / "w2.json")
        print(f"ingest of {args.small_docs:,} documents, 1 worker ...", flush=True)
        runs["ingest_small"] = ingest(bin_dir, work / "small", work / "small.duckdb", 1, work / "small.json")
        runs["bare_spacy_small"] = measured([sys.executable, str(HERE / "bare_spacy.py"), str(work / "small.duckdb")])
        runs["bare_spacy_small"].update(json.loads(runs["bare_spacy_small"]["stdout"].strip().splitlines()[-1]))
        if args.memory_docs:
            print(f"memory: ingest of {args.memory_docs:,} documents, 1 worker ...", flush=True)
            write_corpus(work / "memory", args.memory_docs, args.seed)
            every = max(100, args.memory_docs // 6)
            lines = run_probe(work / "memory", work / "memory.duckdb", every, work / "memory.jsonl")
            result["memory"] = summarize(lines, warmup=every * 2)
        if not args.no_query:
            print(f"query benchmark, {args.query_events:,} events ...", flush=True)
            run = measured(
                [
                    sys.executable,
                    str(HERE / "query.py"),
                    "--events",
                    str(args.query_events),
                    "--db",
                    str(work / "query.duckdb"),
                    "--out",
                    str(work / "query.json"),
                ]
            )
            result["query"] = json.loads((work / "query.json").read_text())
            result["query"]["wall_seconds"] = run["wall_seconds"]
            result["query"]["peak_rss_mb"] = run["peak_rss_mb"]
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    result["figures"] = figures(runs, runs["bare_spacy"]["words"])
    if LONG_MEMORY.exists():  # `make bench-memory`: a run long enough for the growth to show above the noise
        long = json.loads(LONG_MEMORY.read_text())
        result["memory_long"] = {"date": long["date"], "commit": long["commit"], **long["summary"]}
    memory = result.get("memory_long") or result.get("memory")
    if memory:
        result["figures"]["memory_rss_mb_100k"] = memory["rss_mb_100k_extrapolated"]
        result["figures"]["memory_growth_mb_per_1000_docs"] = memory["growth_mb_per_1000_docs"]
        result["figures"]["memory_long_run"] = "memory_long" in result
    result["targets_met"] = verdicts(result["figures"])
    for run in runs.values():
        run.pop("stdout", None)
        # Keep the memory timeline short: about 40 points.
        step = max(1, len(run["timeline"]) // 40)
        run["timeline"] = [[t, round(rss / 2**20), round(pss / 2**20)] for t, rss, pss in run["timeline"][::step]]
    result["runs"] = runs
    result["bench_seconds"] = round(time.perf_counter() - bench_started, 1)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    text = table(result)
    write_readme(args.readme, text)
    print()
    print(re.sub(r"\*\*", "", text))
    print(f"\nresults: {args.out}; table: {args.readme}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
