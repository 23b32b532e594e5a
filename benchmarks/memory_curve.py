"""`make bench-memory`: is an ingest's memory flat in corpus size? RSS per N documents over a long run.

    python benchmarks/memory_curve.py [--docs 5000] [--every 500] [--seed 1] [--warmup 1000]
                                      [--out benchmarks/memory.json] [--readme benchmarks/README.md]

Generates a corpus (benchmarks/generate.py), ingests it with one worker in a process of its own
(benchmarks/memory_probe.py: the real `ingest`, fusion every FUSE_EVERY documents) and reads, for
each window of `--every` documents, the main process's RSS high-water mark (the kernel's VmHWM,
reset at each line: fusions are counted in the window they fall in). spaCy's batches swing the
RSS by 80-100 MB, so single marks say little: the growth is the least-squares slope of the
windows' marks past the warm-up (`--warmup` documents: spaCy's string store and the caches
filling), and the 100,000-document figure is the highest mark plus that slope over the rest.
`summarize` is also what `make bench` (benchmarks/run.py) uses for its shorter memory run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402

MARK_START, MARK_END = "<!-- memory:start -->", "<!-- memory:end -->"
TARGET_DOCS, TARGET_MB = 100_000, 1500


def windows(lines: list[dict]) -> list[tuple[int, float]]:
    """(documents at the window's end, RSS high-water mark in the window), fusions included."""
    out: list[tuple[int, float]] = []
    fused = 0.0  # the marks of the fusion lines since the last document line
    for line in lines:
        if "fusion" in line:
            fused = max(fused, line["peak_before_mb"], line["peak_mb"])
        elif "docs" in line:
            mark = max(fused, line["peak_mb"])
            fused = 0.0
            if out and out[-1][0] == line["docs"]:  # the closing line after a window that ended the run
                out[-1] = (line["docs"], max(out[-1][1], mark))
            else:
                out.append((line["docs"], mark))
    return out


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares MB per 1,000 documents."""
    if len(points) < 2:
        return 0.0
    xs, ys = [p[0] / 1000 for p in points], [p[1] for p in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


def summarize(lines: list[dict], warmup: int = 1000) -> dict:
    """High-water marks per window, the slope past the warm-up and the extrapolation to 100,000 documents."""
    marks = windows(lines)
    if not marks:
        return {}
    past = [p for p in marks if p[0] > warmup] or marks
    per_1000 = slope(past)
    high = max(m for _, m in marks)
    docs = marks[-1][0]
    trimmed = [(line["docs"], line["rss_trimmed_mb"]) for line in lines if "rss_trimmed_mb" in line]
    duck = [line.get("duckdb_mb", 0.0) for line in lines if "docs" in line]
    return {
        "documents": docs,
        "warmup_documents": warmup,
        "windows": [[d, round(m)] for d, m in marks],
        "high_water_mb": round(high),
        "first_window_mb": round(marks[0][1]),
        "last_window_mb": round(marks[-1][1]),
        "growth_mb_per_1000_docs": round(per_1000, 1),
        "trimmed_growth_mb_per_1000_docs": round(slope([p for p in trimmed if p[0] > warmup]), 1) if trimmed else None,
        "duckdb_mb_end": duck[-1] if duck else None,
        "rss_mb_100k_extrapolated": round(high + max(0.0, per_1000) * max(0, TARGET_DOCS - docs) / 1000),
    }


def run_probe(corpus: Path, db: Path, every: int, out: Path, trim: bool = False) -> list[dict]:
    """memory_probe.py over `corpus` in a fresh process; its JSON lines (documents and fusions)."""
    cmd = [sys.executable, str(HERE / "memory_probe.py"), str(corpus), "--db", str(db), "--every", str(every)]
    cmd += ["--trim"] if trim else []
    with open(out, "w") as f:
        subprocess.run(cmd, stdout=f, stderr=subprocess.DEVNULL, check=True)
    return [json.loads(line) for line in out.read_text().splitlines() if line.startswith("{")]


def table(result: dict) -> str:
    s = result["summary"]
    verdict = "met" if s["rss_mb_100k_extrapolated"] < TARGET_MB else "**not met**"
    marks = " · ".join(f"{d:,}: {m}" for d, m in s["windows"])
    return "\n".join(
        [
            f"Run: {result['date']}, commit {result['commit']}; {s['documents']:,} documents stored of "
            f"{result['docs']:,} generated (seed {result['seed']}), one worker, {result['cpu_seconds']:.0f} s of CPU; "
            f"load average {result['load_before']} before, {result['load_after']} after.",
            "",
            "| figure | measured | target | |",
            "|---|---|---|---|",
            f"| RSS high-water mark, whole run | {s['high_water_mb']} MB (first window {s['first_window_mb']} MB, "
            f"last {s['last_window_mb']} MB) | | |",
            f"| growth past {s['warmup_documents']:,} documents (least squares over the windows' marks) | "
            f"{s['growth_mb_per_1000_docs']} MB per 1,000 docs | flat | |",
            f"| peak RSS at 100,000 docs (extrapolated: high-water + growth) | {s['rss_mb_100k_extrapolated']:,} MB "
            f"| < 1,500 MB | {verdict} |",
            "",
            f"High-water mark of each {result['every']:,} documents (MB): {marks}.",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=HERE / "memory.json")
    parser.add_argument("--readme", type=Path, default=HERE / "README.md")
    args = parser.parse_args(argv)
    import os

    from run import machine, write_readme

    result = {"docs": args.docs, "every": args.every, "seed": args.seed}
    result["load_before"] = [round(x, 2) for x in os.getloadavg()]
    result |= {k: v for k, v in machine().items() if k in ("date", "commit")}
    with tempfile.TemporaryDirectory(prefix="dyadwatch-memory-") as tmp:
        work = Path(tmp)
        write_corpus(work / "corpus", args.docs, args.seed)
        before = os.times()
        lines = run_probe(work / "corpus", work / "store.duckdb", args.every, work / "probe.jsonl")
        after = os.times()
    result["cpu_seconds"] = round(
        after.children_user + after.children_system - before.children_user - before.children_system, 1
    )
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    result["summary"] = summarize(lines, args.warmup)
    result["lines"] = lines
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    text = table(result)
    write_readme(args.readme, text, MARK_START, MARK_END)
    print(text.replace("**", ""))
    return 0


if __name__ == "__main__":
    t0 = time.perf_counter()
    code = main()
    print(f"\n{time.perf_counter() - t0:.0f} s")
    sys.exit(code)
