"""Where the pipeline's time goes: a py-spy profile of `dyadwatch ingest`, grouped by stage.

    python benchmarks/profile_pipeline.py [--docs N] [--seed S] [--rate HZ] [--out FILE.json]

Generates a corpus (benchmarks/generate.py), ingests it into a fresh DuckDB file under
py-spy (one worker, so every sample is in one process), and attributes each sample to a
stage by the innermost dyadwatch frame on its stack: a spaCy call made from the actor
resolver counts for the resolver, `nlp.pipe` called from the pipeline counts for spaCy.
Prints the share of each stage and the busiest functions, and writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402

# (stage, pattern on a frame's file): the first match from the innermost frame outwards wins,
# except that library frames only count when no dyadwatch frame is inside them.
STAGES = [
    ("fusion", re.compile(r"dyadwatch/fusion/")),
    ("claims", re.compile(r"dyadwatch/claims/")),
    ("event dates (dateparser)", re.compile(r"dyadwatch/events/dates\.py|/dateparser/")),
    ("event coder", re.compile(r"dyadwatch/events/")),
    ("actor resolver", re.compile(r"dyadwatch/actors/")),
    ("language id", re.compile(r"dyadwatch/ingest/language\.py|/py3langid/")),
    ("near-duplicates (MinHash)", re.compile(r"dyadwatch/ingest/dedup\.py|/datasketch/")),
    ("reading and cleaning", re.compile(r"dyadwatch/ingest/")),
    ("store (DuckDB)", re.compile(r"dyadwatch/store/|/duckdb/|/pyarrow/")),
]
SPACY = re.compile(r"(^|/)(spacy|thinc|cymem|preshed|blis|srsly)/|dyadwatch/nlp\.py")
# Samples of threads that wait (the progress bar's refresh thread): not work, left out of the shares.
IDLE = re.compile(r"^(Condition\.wait|Event\.wait|Thread\.join|_wait_for_tstate_lock|select|sleep)$")
FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^():]+)(?::(?P<line>\d+))?\)$")


def stage_of(frames: list[tuple[str, str]]) -> str:
    """frames: (function, file) from the outermost to the innermost."""
    if any("importlib" in file or func == "<module>" and "site-packages" in file for func, file in frames[:12]):
        if not any("dyadwatch/pipeline.py" in file for _, file in frames):
            return "start-up (imports, model and data loading)"
    dyadwatch = [file for _, file in frames if "dyadwatch/" in file]
    if dyadwatch and "dyadwatch/embeddings.py" in dyadwatch[-1]:
        # The sentence-embedding model: counted for whoever asked for the vectors.
        caller = next((f for f in reversed(dyadwatch) if "dyadwatch/embeddings.py" not in f), "")
        who = "claims" if "dyadwatch/claims/" in caller else "fusion" if "dyadwatch/fusion/" in caller else "other"
        return f"{who}: sentence embeddings (MiniLM, torch)"
    for func, file in reversed(frames):
        if "dyadwatch/" not in file:
            continue
        for stage, pattern in STAGES:
            if pattern.search(file):
                return stage
        if "dyadwatch/pipeline.py" in file:
            if func in ("Pipeline.__init__", "_init_worker"):
                return "start-up (imports, model and data loading)"
            return "spaCy (nlp.pipe)" if any(SPACY.search(f) for _, f in frames) else "pipeline glue"
        if "dyadwatch/nlp.py" in file:
            return "spaCy (nlp.pipe)" if func != "load_nlp" else "start-up (imports, model and data loading)"
    if any(SPACY.search(f) for _, f in frames):
        return "spaCy (nlp.pipe)"
    return "other (CLI, progress bar, interpreter)"


def parse_raw(path: Path) -> tuple[Counter, Counter, int]:
    """py-spy's raw (collapsed stacks) output -> samples by stage, by innermost function, total."""
    stages, leaves, total = Counter(), Counter(), 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack:
            continue
        n = int(count)
        frames = []
        for part in stack.split(";"):
            match = FRAME.match(part.strip())
            frames.append((match["func"], match["file"]) if match else (part, ""))
        func, file = frames[-1]
        if IDLE.match(func):
            continue
        stages[stage_of(frames)] += n
        leaves[f"{func} ({file.split('site-packages/')[-1].split('src/')[-1]})"] += n
        total += n
    return stages, leaves, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rate", type=int, default=100, help="samples per second")
    parser.add_argument("--out", type=Path, default=None, help="write the figures as JSON here")
    parser.add_argument("--raw", type=Path, default=None, help="keep py-spy's raw output here")
    args = parser.parse_args(argv)
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="dyadwatch-profile-") as tmp:
        corpus = Path(tmp) / "corpus"
        counts = write_corpus(corpus, args.docs, args.seed)
        raw = args.raw or Path(tmp) / "profile.raw"
        cmd = [
            str(bin_dir / "py-spy"),
            "record",
            "--rate",
            str(args.rate),
            "--format",
            "raw",
            "--output",
            str(raw),
            "--",
            str(bin_dir / "dyadwatch"),
            "ingest",
            str(corpus),
            "--db",
            str(Path(tmp) / "profile.duckdb"),
        ]
        subprocess.run(
            cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "100"}
        )
        stages, leaves, total = parse_raw(raw)
    result = {
        "documents": args.docs,
        "words": counts["words"],
        "samples": total,
        "rate_hz": args.rate,
        "stages": {stage: round(100 * n / total, 1) for stage, n in stages.most_common()},
        "top_functions": {f: round(100 * n / total, 1) for f, n in leaves.most_common(15)},
    }
    print(f"{total} samples at {args.rate} Hz over {args.docs} documents ({counts['words']:,} words)\n")
    print(f"{'stage':48} share")
    for stage, share in result["stages"].items():
        print(f"{stage:48} {share:5.1f}%")
    print(f"\n{'innermost function':80} share")
    for func, share in result["top_functions"].items():
        print(f"{func[:80]:80} {share:5.1f}%")
    if args.out:
        args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
