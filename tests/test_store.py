"""The DuckDB store: replace-by-id writes, filters, and exports in the DESIGN.md contract."""

from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from dyadwatch.records import ActorRef, Document, Event
from dyadwatch.store import Store
from dyadwatch.store.duck import EventFilter
from dyadwatch.store.export import write_records

EVENT_KEYS = {
    "event_id",
    "doc_id",
    "sentence",
    "start",
    "end",
    "source",
    "event_type",
    "mode",
    "context",
    "target",
    "date",
    "date_precision",
    "negated",
    "hypothetical",
    "quad_class",
    "intensity",
    "cameo_code",
    "confidence",
    "fused_id",
}


def make_event(
    doc_id: str,
    n: int,
    source: str = "KEN",
    target: str = "ETH",
    event_type: str = "CONSULT",
    day: str = "2024-03-12",
    confidence: float = 0.9,
) -> Event:
    return Event(
        event_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        sentence="Kenya met Ethiopia.",
        start=0,
        end=19,
        source=ActorRef("Kenya", f"country:{source}", source, source, "GOV"),
        event_type=event_type,
        mode=None,
        context=["political"],
        target=ActorRef("Ethiopia", f"country:{target}", target, target, "GOV"),
        date=day,
        date_precision="day",
        negated=False,
        hypothetical=False,
        quad_class=1,
        intensity=1.0,
        cameo_code="04",
        confidence=confidence,
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_reingesting_a_document_replaces_it(store):
    doc = Document(id="a.txt", text="Kenya met Ethiopia.", published="2024-03-14", outlet="Ledger")
    store.write_batch([(doc, [make_event("a.txt", 1), make_event("a.txt", 2)])])
    store.write_batch([(Document(id="b.txt", text="x"), [make_event("b.txt", 1)])])
    assert store.counts() == {"documents": 2, "events": 3}
    store.write_batch([(doc, [make_event("a.txt", 3)])])
    assert store.counts() == {"documents": 2, "events": 2}
    assert [r["event_id"] for r in store.event_rows(EventFilter(doc_id="a.txt"))] == ["a.txt-3"]


def test_filters_and_summaries(store):
    doc = Document(id="d", text="...")
    events = [
        make_event("d", 1, "USA", "PAK", "CONSULT", "2025-06-18"),
        make_event("d", 2, "PAK", "USA", "AGREE", "2025-07-01"),
        make_event("d", 3, "IND", "PAK", "ACCUSE", "2025-06-19", confidence=0.3),
    ]
    store.write_batch([(doc, events)])
    assert len(store.event_rows(EventFilter(dyad=("USA", "PAK")))) == 2  # either direction
    assert [r["event_type"] for r in store.event_rows(EventFilter(event_type="agree"))] == ["AGREE"]
    assert len(store.event_rows(EventFilter(since="2025-06-19"))) == 2
    assert len(store.event_rows(EventFilter(until="2025-06-18"))) == 1
    assert len(store.event_rows(EventFilter(min_confidence=0.5))) == 2
    assert store.busiest_dyads() == [("PAK", "USA", 2), ("IND", "PAK", 1)]


def test_exports_follow_the_event_contract(store, tmp_path):
    store.write_batch([(Document(id="d", text="..."), [make_event("d", 1), make_event("d", 2)])])
    out = tmp_path / "e.jsonl"
    assert write_records(store.iter_events(), "events", "jsonl", str(out)) == 2
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert set(records[0]) == EVENT_KEYS
    assert records[0]["source"]["country"] == "KEN" and records[0]["target"]["actor_id"] == "country:ETH"
    assert records[0]["date"] == "2024-03-12" and records[0]["context"] == ["political"]

    parquet = tmp_path / "e.parquet"
    write_records(store.iter_events(), "events", "parquet", str(parquet))
    table = pq.read_table(parquet)
    assert table.num_rows == 2 and set(table.column_names) == EVENT_KEYS
    assert table.column("source").to_pylist()[0]["country"] == "KEN"

    flat = tmp_path / "e.csv"
    write_records(store.iter_events(), "events", "csv", str(flat))
    rows = list(csv.DictReader(flat.open()))
    assert len(rows) == 2 and rows[0]["source_country"] == "KEN" and rows[0]["target_sector"] == "GOV"


def test_document_export_carries_the_cleaned_text(store, tmp_path):
    doc = Document(id="x.txt", text="Body.", title="T", url="https://a.example/x", outlet="O", published="2024-01-02")
    store.write_batch([(doc, [])])
    out = tmp_path / "d.jsonl"
    write_records(store.iter_documents(), "documents", "jsonl", str(out))
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    assert record == {
        "id": "x.txt",
        "url": "https://a.example/x",
        "title": "T",
        "outlet": "O",
        "published": "2024-01-02",
        "text": "Body.",
    }


def test_parquet_needs_a_file(store):
    with pytest.raises(ValueError, match="--out"):
        write_records(store.iter_events(), "events", "parquet", None)


def test_a_file_that_is_not_our_store_is_released_when_opening_it_fails(tmp_path):
    """The error is kept (as a CLI keeps it to print it); the file must not stay locked by the failed Store."""
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE VIEW documents AS SELECT 1 AS x")  # someone else's database, with our table name as a view
    con.close()
    errors = []
    try:
        Store(path)
    except duckdb.Error as error:
        errors.append(error)
    assert errors, "a view named documents cannot be upgraded into our table"
    reopened = duckdb.connect(str(path), read_only=True)  # fails while a read-write connection is still open
    assert reopened.execute("SELECT x FROM documents").fetchone() == (1,)
    reopened.close()
