"""Ingest end to end: exact and near duplicates, languages, resume, the summary and `dyadwatch documents`."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.ingest import run as run_module
from dyadwatch.ingest.dedup import StoryClusters, signature
from dyadwatch.ingest.language import detect
from dyadwatch.ingest.run import ingest
from dyadwatch.store import Store

runner = CliRunner()

STORY = [
    "Kenya and Ethiopia signed a trade agreement in Addis Ababa on Tuesday, cutting tariffs on tea, coffee and "
    "cut flowers and opening the border post at Moyale to trucks around the clock, officials from both sides said.",
    "The agreement follows two years of talks that stalled last spring over Ethiopian demands for access to the "
    "port of Lamu, which Kenya is expanding with money from several Gulf investors.",
    "Traders in Moyale said queues of lorries had stretched for kilometres during the closures of the past year, "
    "and that perishable goods were often lost before they could cross.",
]
FRENCH = (
    "Le ministre des affaires étrangères du Sénégal a rencontré son homologue malien à Bamako mardi pour discuter "
    "de la sécurité à la frontière et de la reprise du commerce entre les deux pays, selon un communiqué officiel."
)


def article(outlet: str, date: str, paragraphs: list[str]) -> str:
    return f"{outlet}\nTrade pact signed\n{date}\n\n" + "\n\n".join(paragraphs) + "\n"


def edited(paragraphs: list[str]) -> list[str]:
    return paragraphs[:-1] + [paragraphs[-1].replace("Traders in Moyale", "Hauliers in Moyale") + " Prices fell."]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-ledger.txt").write_text(article("The Ledger", "Mar 14, 2024", STORY))
    # The same text under other headers and in a wire feed: exact duplicates.
    (folder / "b-echo.txt").write_text(article("Echo Daily", "Mar 15, 2024", [p.upper() for p in STORY]))
    (folder / "c-wire.jsonl").write_text(
        json.dumps({"id": "wire-1", "text": "\n".join(STORY), "outlet": "Wire", "published": "2024-03-14"}) + "\n"
    )
    # A light edit published later, and another one published earlier but read last: near-duplicates.
    (folder / "d-later-edit.txt").write_text(article("Regional Echo", "Mar 16, 2024", edited(STORY)))
    (folder / "e-french.txt").write_text(FRENCH + "\n")
    (folder / "f-other.txt").write_text(
        article(
            "The Ledger",
            "Mar 14, 2024",
            [
                "Chile and Peru signed a border accord in Lima on Monday, ending a "
                "dispute over fishing rights that had "
                "simmered for a decade and twice reached the courts in The Hague, the two foreign ministries said."
            ],
        )
    )
    (folder / "z-early-copy.txt").write_text(article("Morning Wire", "Mar 13, 2024", edited(edited(STORY))))
    return folder


def snapshot(db) -> dict:
    """Everything in a store but the ingestion timestamps."""
    con = duckdb.connect(str(db), read_only=True)
    out = {
        "documents": con.execute("SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id").fetchall(),
        "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
        "sources": con.execute("SELECT * FROM document_sources ORDER BY source_id").fetchall(),
    }
    con.close()
    return out


def test_language_detection():
    assert detect(FRENCH).code == "fr"
    assert detect(" ".join(STORY)).is_english
    short = detect("Kenya met Ethiopia.")
    assert short.is_english and not short.reliable  # too short to judge: coded as English


def test_duplicates_languages_and_clusters(corpus, tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        summary = ingest([str(corpus)], store)
        counts = store.document_counts()
        rows = {r["id"]: r for r in store.document_rows()}
        [exact] = store.exact_duplicates()
        [cluster] = store.clusters()
    assert (summary.read, summary.ingested, summary.exact_duplicates, summary.not_english) == (7, 5, 2, 1)
    assert summary.near_duplicates == 2 and summary.coded == 4
    # Exact duplicates: one document, three sources.
    assert set(rows) == {"a-ledger.txt", "d-later-edit.txt", "e-french.txt", "f-other.txt", "z-early-copy.txt"}
    assert exact["doc_id"] == "a-ledger.txt"
    assert [s["source_id"] for s in exact["sources"]] == ["a-ledger.txt", "b-echo.txt", "wire-1"]
    assert {s["outlet"] for s in exact["sources"]} == {"The Ledger", "Echo Daily", "Wire"}
    # Near-duplicates: one story cluster, the earliest published document canonical though read last.
    assert cluster["cluster_id"] == "z-early-copy.txt" and cluster["size"] == 3
    assert [m["id"] for m in cluster["members"]] == ["z-early-copy.txt", "a-ledger.txt", "d-later-edit.txt"]
    assert rows["f-other.txt"]["cluster_id"] == "f-other.txt"
    # Not English: stored, not coded.
    assert rows["e-french.txt"]["language"] == "fr" and rows["e-french.txt"]["n_events"] == 0
    assert rows["a-ledger.txt"]["language"] == "en" and rows["a-ledger.txt"]["n_events"] > 0
    assert counts == {
        "documents": 5,
        "not_english": 1,
        "clusters": 1,
        "clustered_documents": 3,
        "sources": 7,
        "exact_duplicates": 2,
    }


def test_rerun_codes_nothing_and_changes_nothing(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        ingest([str(corpus)], store)
    before = snapshot(db)
    with Store(db) as store:
        again = ingest([str(corpus)], store)
    assert (again.ingested, again.unchanged, again.exact_duplicates, again.events) == (0, 5, 2, 0)
    assert snapshot(db) == before


def test_clusters_do_not_depend_on_the_reading_order(corpus, tmp_path):
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt" and "echo" not in p.name)
    with Store(tmp_path / "one.duckdb") as store:
        ingest([str(p) for p in files], store)
        forward = sorted((r["id"], r["cluster_id"]) for r in store.document_rows())
    with Store(tmp_path / "two.duckdb") as store:
        ingest([str(p) for p in reversed(files)], store)
        backward = sorted((r["id"], r["cluster_id"]) for r in store.document_rows())
    assert forward == backward


def test_changed_text_replaces_the_document_and_its_links(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        ingest([str(corpus)], store)
    # The canonical story now says something else: its duplicates and its cluster must follow.
    (corpus / "z-early-copy.txt").write_text(
        article(
            "Morning Wire",
            "Mar 13, 2024",
            [
                "Brazil and Argentina agreed on Friday to build a second bridge over "
                "the Uruguay River near the town of "
                "Santo Tomé, with money from a regional development bank, the two public works ministries said."
            ],
        )
    )
    with Store(db) as store:
        summary = ingest([str(corpus)], store)
        [cluster] = store.clusters()
    assert summary.ingested == 1 and summary.unchanged == 4
    assert cluster["cluster_id"] == "a-ledger.txt" and [m["id"] for m in cluster["members"]] == [
        "a-ledger.txt",
        "d-later-edit.txt",
    ]
    # A document whose input became a copy of another is removed and recorded as a source.
    (corpus / "f-other.txt").write_text(article("The Ledger", "Mar 14, 2024", STORY))
    with Store(db) as store:
        summary = ingest([str(corpus)], store)
        ids = {r["id"] for r in store.document_rows()}
        [exact] = store.exact_duplicates()
    assert summary.exact_duplicates == 3 and "f-other.txt" not in ids
    assert "f-other.txt" in [s["source_id"] for s in exact["sources"]]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM events WHERE doc_id = 'f-other.txt'").fetchone()[0] == 0
    con.close()


def test_interrupted_run_resumes_to_the_same_store(corpus, tmp_path, monkeypatch):
    """In-process version of the kill -9 test: the store refuses the second transaction."""
    for i in range(12):  # enough documents for several write batches
        (corpus / f"g-{i:02d}.txt").write_text(
            article(
                "The Ledger",
                f"Apr {i + 1}, 2024",
                [
                    f"Peru and Bolivia held talks number {i} on the lake border, and the "
                    f"navies of both countries agreed "
                    f"on patrol schedule {i * 7} for the smuggling routes near Puno and Copacabana, officials said."
                ],
            )
        )
    with Store(tmp_path / "ref.duckdb") as store:
        reference = ingest([str(corpus)], store)
    monkeypatch.setattr(run_module, "WRITE_BATCH", 4)
    original = Store.write_batch
    calls = {"n": 0}

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # like a kill between two transactions, the open one rolled back
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "write_batch", failing)
    with Store(tmp_path / "cut.duckdb") as store, pytest.raises(KeyboardInterrupt):
        ingest([str(corpus)], store)
    monkeypatch.setattr(Store, "write_batch", original)
    with Store(tmp_path / "cut.duckdb") as store:
        stored = store.counts()["documents"]
        resumed = ingest([str(corpus)], store)
    assert 0 < stored < reference.ingested
    assert resumed.unchanged == stored and resumed.ingested == reference.ingested - stored
    assert snapshot(tmp_path / "cut.duckdb") == snapshot(tmp_path / "ref.duckdb")


def test_signature_and_clusters_unit():
    text = " ".join(STORY)
    assert signature("too short to cluster") is None
    a, b = signature(text), signature(" ".join(edited(STORY)))
    clusters = StoryClusters()
    assert clusters.add("a", "2024-03-14", a) == []
    assert clusters.add("b", None, b) == ["a"]
    assert clusters.cluster_of("b") == "a"  # undated documents come after dated ones
    clusters.remove("a")
    assert clusters.cluster_of("b") == "b" and clusters.cluster_size("b") == 1


def test_cli_summary_report_and_documents_command(corpus, tmp_path):
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary")
    db, report = tmp_path / "t.duckdb", tmp_path / "r.json"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--report", str(report)])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    for part in (
        "read 8",
        "ingested 5 (coded 4, not English 1)",
        "exact duplicates 2",
        "near-duplicates 2",
        "failed 1",
        "failed by reason: binary file 1",
        "broken.txt: binary file",
        "e-french.txt: fr",
    ):
        assert part in out, part
    data = json.loads(report.read_text())
    assert {
        k: data[k]
        for k in ("read", "ingested", "coded", "exact_duplicates", "near_duplicates", "not_english", "failed")
    } == {
        "read": 8,
        "ingested": 5,
        "coded": 4,
        "exact_duplicates": 2,
        "near_duplicates": 2,
        "not_english": 1,
        "failed": 1,
    }
    assert data["failed_by_reason"] == {"binary file": 1}
    assert [d["duplicate_of"] for d in data["duplicates"]] == ["a-ledger.txt", "a-ledger.txt"]
    assert data["not_english_documents"][0]["language"] == "fr"
    assert data["elapsed_seconds"] > 0 and data["documents_per_second"] > 0

    listing = runner.invoke(app, ["documents", "--db", str(db)])
    assert listing.exit_code == 0, listing.output
    flat = " ".join(listing.output.split())
    assert "5 documents (1 not in English, not coded)" in flat and "1 story clusters holding 3 documents" in flat
    assert "e-french.txt" in flat and "fr, not coded" in flat and "3 sources" in flat
    assert "near-duplicate of z-early-copy.txt" in flat

    dups = runner.invoke(app, ["documents", "--duplicates", "--db", str(db)])
    assert dups.exit_code == 0, dups.output
    flat = " ".join(dups.output.split())
    assert "cluster z-early-copy.txt · 3 documents" in flat and "a-ledger.txt · 3 sources" in flat
    assert "b-echo.txt" in flat and "Wire 2024-03-14" in flat


def test_documents_command_on_a_database_from_before_languages_and_clusters(tmp_path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute(
        "CREATE TABLE documents (id VARCHAR NOT NULL, url VARCHAR, title VARCHAR, outlet VARCHAR, published DATE, "
        "text VARCHAR, source VARCHAR, content_hash VARCHAR, notes VARCHAR[], n_events INTEGER, ingested_at TIMESTAMP)"
    )
    con.execute(
        "INSERT INTO documents VALUES ('a.txt', NULL, 'T', 'O', DATE '2024-01-02', 'Body.', 'a.txt', 'h', [], 0, NULL)"
    )
    con.close()
    for args in (["documents"], ["documents", "--duplicates"]):
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert "1 documents (0 not in English" in " ".join(result.output.split())
    with Store(db) as store:  # opened for writing, it is upgraded in place
        assert store.document_counts()["documents"] == 1
