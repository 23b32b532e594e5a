"""The command line, end to end: real files in, a real DuckDB file, real exports out."""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app

runner = CliRunner()

ARTICLE = """The Harbour Times
Ministers agree on ferry link
By Staff Reporter
Mar 14, 2024

Last Tuesday, Kenya's foreign minister met his Ethiopian counterpart in Addis Ababa.

Photo: The delegations before the talks. (Horn Pictures)

Brazil did not sign the trade accord with Argentina, officials said.

Continue Reading
"""


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_code_prints_events_as_json():
    out = invoke(
        "code",
        "Last Tuesday, Kenya's foreign minister met his Ethiopian counterpart in Addis Ababa.",
        "--published",
        "2024-03-14",
        "--json",
    )
    [record] = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert record["event_type"] == "CONSULT"
    assert (record["source"]["country"], record["target"]["country"]) == ("KEN", "ETH")
    assert (record["date"], record["date_precision"]) == ("2024-03-12", "day")


def test_code_rejects_a_bad_date():
    result = runner.invoke(app, ["code", "Kenya met Ethiopia.", "--published", "14/03/2024"])
    assert result.exit_code != 0 and "not a date" in result.output


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "talks.txt").write_text(ARTICLE)
    (folder / "sub" / "feed.jsonl").write_text(
        json.dumps({"id": "w-1", "text": "Washington imposed sanctions on Iran on Monday.", "published": "2019-06-12"})
        + "\n{broken\n"
    )
    (folder / "image.html").write_bytes(b"\x00\x01\x02binary")
    return folder


def test_ingest_query_and_export(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    report = tmp_path / "report.json"
    out = invoke("ingest", str(corpus), "--db", str(db), "--report", str(report))
    assert "ingested 2" in out and "failed 2" in out
    assert "feed.jsonl:2" in out and "binary" in out
    summary = json.loads(report.read_text())
    assert summary["ingested"] == 2 and summary["failed"] == 2
    assert {f["reason"].split(" (")[0] for f in summary["failures"]} == {"invalid JSON", "binary file"}

    con = duckdb.connect(str(db), read_only=True)
    docs = dict(con.execute("SELECT id, published FROM documents").fetchall())
    rows = con.execute(
        "SELECT doc_id, event_type, source_country, target_country, negated FROM events ORDER BY 1, 2"
    ).fetchall()
    con.close()
    assert set(docs) == {"talks.txt", "w-1"} and str(docs["talks.txt"]) == "2024-03-14"
    assert rows == [
        ("talks.txt", "AGREE", "BRA", "ARG", True),
        ("talks.txt", "CONSULT", "KEN", "ETH", False),
        ("w-1", "SANCTION", "USA", "IRN", False),
    ]

    # Re-ingesting replaces: same counts, no duplicates.
    invoke("ingest", str(corpus), "--db", str(db))
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 3
    assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == 2
    con.close()

    table = invoke("events", "--db", str(db), "--dyad", "IRN", "USA")
    assert "SANCTION" in table and "CONSULT" not in table
    assert "CONSULT" in invoke("events", "--db", str(db), "--type", "consult")
    assert "SANCTION" not in invoke("events", "--db", str(db), "--since", "2020-01-01")
    assert "low-confidence" not in table
    con = duckdb.connect(str(db))
    con.execute("UPDATE events SET confidence = 0.3 WHERE event_type = 'SANCTION'")
    con.close()
    listing = invoke("events", "--db", str(db))
    assert listing.count("low-confidence") == 1 and "low-confidence" in invoke(
        "events", "--db", str(db), "--dyad", "IRN", "USA"
    )
    assert "SANCTION" not in invoke("events", "--db", str(db), "--min-confidence", "0.5")

    jsonl = invoke("export", "events", "--db", str(db), "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.splitlines() if line.startswith("{")]
    assert {r["doc_id"] for r in records} == {"talks.txt", "w-1"}
    parquet = tmp_path / "events.parquet"
    invoke("export", "events", "--db", str(db), "--format", "parquet", "--out", str(parquet))
    assert pq.read_table(parquet).num_rows == 3
    docs_csv = tmp_path / "docs.csv"
    invoke("export", "documents", "--db", str(db), "--format", "csv", "--out", str(docs_csv))
    text = docs_csv.read_text()
    assert text.startswith("id,url,title,outlet,published,text") and "Continue Reading" not in text


def test_two_workers_store_what_one_worker_stores(corpus, tmp_path):
    def snapshot(db):
        con = duckdb.connect(str(db), read_only=True)
        rows = con.execute("SELECT * EXCLUDE (fused_id) FROM events ORDER BY event_id").fetchall()
        con.close()
        return rows

    invoke("ingest", str(corpus), "--db", str(tmp_path / "one.duckdb"))
    invoke("ingest", str(corpus), "--db", str(tmp_path / "two.duckdb"), "--workers", "2")
    assert snapshot(tmp_path / "one.duckdb") == snapshot(tmp_path / "two.duckdb")


def test_query_on_a_missing_database_says_so(tmp_path):
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no database" in result.output


def test_installed_entry_point():
    result = subprocess.run([sys.executable, "-m", "dyadwatch", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "dyadwatch" in result.stdout


@pytest.mark.parametrize(
    ("precision", "shown"), [("day", "2025-06-18"), ("month", "2025-06"), ("year", "2025"), (None, "2025-06-18")]
)
def test_listings_show_dates_as_precise_as_the_text(precision, shown):
    from datetime import date

    from dyadwatch.cli import _shown_date

    assert _shown_date(date(2025, 6, 18), precision) == shown
    assert _shown_date(None, precision) == "????-??-??"


def test_a_listing_says_when_its_limit_cut_it():
    from dyadwatch.cli import _shown

    assert _shown(9, 10, "event") == "9 events shown"
    assert _shown(1, 10, "fused event") == "1 fused event shown"
    assert "raise --limit" in _shown(10, 10, "event")


def test_a_csv_export_of_nothing_still_has_its_header(tmp_path):
    from dyadwatch.store import Store

    db = tmp_path / "empty.duckdb"
    Store(str(db)).close()
    out = tmp_path / "events.csv"
    invoke("export", "events", "--db", str(db), "--format", "csv", "--out", str(out))
    header = out.read_text().splitlines()
    assert len(header) == 1 and header[0].startswith("event_id,doc_id,sentence,start,end,source_text,")
    assert "target_country" in header[0].split(",")
