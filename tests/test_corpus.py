"""End to end over the bundled sample corpus: files in, specific expected events out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "failed 0" in result.output
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def events(con, doc_id: str) -> list[dict]:
    cursor = con.execute("SELECT * FROM events WHERE doc_id = ? ORDER BY start", [doc_id])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def find(con, doc_id: str, event_type: str, source: str, target: str) -> list[dict]:
    return [
        e
        for e in events(con, doc_id)
        if e["event_type"] == event_type and e["source_country"] == source and e["target_country"] == target
    ]


def test_every_file_and_wire_item_is_a_document(store):
    files = [p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".html")]
    wire = (CORPUS / "wire.jsonl").read_text().strip().splitlines()
    assert store.execute("SELECT count(*) FROM documents").fetchall()[0][0] == len(files) + len(wire)
    undated = store.execute("SELECT id FROM documents WHERE published IS NULL").fetchall()
    assert undated == []


def test_evidence_spans_point_into_the_cleaned_text(store):
    rows = store.execute(
        'SELECT e.sentence, substr(d.text, e.start + 1, e."end" - e.start) '
        "FROM events e JOIN documents d ON d.id = e.doc_id"
    ).fetchall()
    assert rows and all(sentence == span for sentence, span in rows)


def test_meeting_with_relative_day(store):
    [event] = find(store, "kenya-ethiopia-talks.txt", "CONSULT", "KEN", "ETH")[:1]
    assert event["date"] == date(2024, 3, 12) and event["date_precision"] == "day"
    assert event["source_name"] == "Musalia Mudavadi"


def test_recalled_agreement_and_planned_visit(store):
    agreements = find(store, "kenya-ethiopia-talks.txt", "AGREE", "KEN", "ETH")
    assert any(e["date"] == date(2024, 1, 1) and e["date_precision"] == "month" for e in agreements)
    planned = [e for e in find(store, "kenya-ethiopia-talks.txt", "CONSULT", "KEN", "ETH") if e["hypothetical"]]
    assert planned and planned[0]["date"] == date(2024, 4, 1)


def test_same_lunch_told_by_two_outlets(store):
    # (the story also tells a planned visit: "Rubio is expected to travel to Islamabad", hypothetical)
    [exact] = [
        e
        for e in find(store, "trump-hosts-munir-white-house-lunch.txt", "CONSULT", "USA", "PAK")
        if not e["hypothetical"]
    ]
    assert (exact["date"], exact["date_precision"]) == (date(2025, 6, 18), "day")
    assert exact["source_name"] == "Donald Trump" and exact["target_name"] == "Asim Munir"
    [monthly] = find(store, "munir-washington-lunch-analysis.txt", "CONSULT", "USA", "PAK")
    assert (monthly["date"], monthly["date_precision"]) == (date(2025, 6, 1), "month")
    assert monthly["target_sector"] == "MIL"


def test_protest_lodged_and_negated_request(store):
    assert find(store, "trump-hosts-munir-white-house-lunch.txt", "ACCUSE", "IND", "USA")
    [request] = find(store, "munir-washington-lunch-analysis.txt", "REQUEST", "PAK", "USA")
    assert request["negated"]


def test_title_resolves_to_the_office_holder_of_the_year(store):
    [rejection] = find(store, "brazil-rejects-g7-amazon-aid.txt", "REJECT", "BRA", "FRA")
    assert rejection["source_name"] == "Jair Bolsonaro" and rejection["source_text"] == "The Brazilian president"


def test_html_page_and_wire_item(store):
    mediations = find(store, "html/kyiv-prisoner-exchange.html", "CONSULT", "ARE", "UKR")
    assert mediations and mediations[0]["mode"] == "mediate"
    [swap] = find(store, "wire-0001", "RETREAT", "RUS", "UKR")
    assert swap["date"] == date(2024, 10, 18)
