"""kill -9 in the middle of a real `dyadwatch ingest`, then again: the store ends as an uninterrupted run leaves it."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from corpus_gen import make_corpus
from dyadwatch.cli import app
from dyadwatch.ingest.run import WRITE_BATCH

N_DOCS = 200


def snapshot(db: Path) -> dict:
    """Documents (all but the ingestion time), events, sources and counts."""
    con = duckdb.connect(str(db), read_only=True)
    out = {
        "documents": con.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id").fetchall(),
        "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
        "sources": con.execute("SELECT * FROM document_sources ORDER BY source_id").fetchall(),
        "counts": con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM document_sources), (SELECT count(DISTINCT cluster_id) FROM documents)"
        ).fetchone(),
    }
    con.close()
    return out


def stored_documents(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def written_documents(wal: Path) -> int:
    """How many of the corpus's documents DuckDB's write-ahead log names (their ids are their file names).

    The size of the log says nothing: other tables (actors found in context, settings) are logged too.
    """
    if not wal.exists():
        return 0
    return len(set(re.findall(rb"story-\d{4}", wal.read_bytes())))


def test_kill_9_mid_batch_then_rerun_gives_the_uninterrupted_store(tmp_path):
    corpus = tmp_path / "corpus"
    made = make_corpus(corpus, n_docs=N_DOCS)
    assert made["exact"] and made["near"] and made["foreign"] and made["broken"]

    # Uninterrupted reference (in this process: the same command, without a second model load).
    reference = tmp_path / "reference.duckdb"
    args = ["ingest", str(corpus), "--db", str(reference), "--report", str(tmp_path / "r.json")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    full = json.loads((tmp_path / "r.json").read_text())

    # A real process, killed with SIGKILL once its first transactions are in the file.
    cut = tmp_path / "cut.duckdb"
    wal = Path(str(cut) + ".wal")
    process = subprocess.Popen(
        [sys.executable, "-m", "dyadwatch", "ingest", str(corpus), "--db", str(cut)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200"},
    )
    deadline = time.monotonic() + 240
    try:
        # More documents in the log than one write batch holds: the first batch's transaction is complete.
        while written_documents(wal) <= WRITE_BATCH:
            assert process.poll() is None, "ingest ended before it could be killed"
            assert time.monotonic() < deadline, "no documents stored in time"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL

    stored = stored_documents(cut)
    assert 0 < stored < full["ingested"], (stored, full["ingested"])

    # Run again: what was stored is skipped, not coded again; the rest is added.
    args = ["ingest", str(corpus), "--db", str(cut), "--report", str(tmp_path / "again.json")]
    rerun = CliRunner().invoke(app, args)
    assert rerun.exit_code == 0, rerun.output
    again = json.loads((tmp_path / "again.json").read_text())
    assert again["unchanged"] == stored
    assert again["ingested"] == full["ingested"] - stored
    assert snapshot(cut) == snapshot(reference)
