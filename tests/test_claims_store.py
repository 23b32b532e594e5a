"""The claims ledger in the store and on the command line: ingest, stable keys, `dyadwatch claims`,
`dyadwatch export claims`, and claim scores in `dyadwatch eval`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.evaluate import load_claims_gold, score_claims
from dyadwatch.ingest.run import ingest
from dyadwatch.store import Store

CORPUS = Path(__file__).parent / "data" / "claims" / "documents.jsonl"
runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _split_corpus(folder: Path, first: int) -> tuple[Path, Path]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    a, b = folder / "a.jsonl", folder / "b.jsonl"
    a.write_text("".join(lines[:first]), encoding="utf-8")
    b.write_text("".join(lines[first:]), encoding="utf-8")
    return a, b


def _keys(db: Path) -> dict[tuple, str]:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT doc_id, start, speaker_country, stance, claim_key FROM claims").fetchall()
    con.close()
    return {row[:4]: row[4] for row in rows}


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "ledger.duckdb"
    with Store(path) as store:
        summary = ingest([str(CORPUS)], store)
    assert summary.ingested == 15
    return path


def test_ingest_stores_keyed_claims(db):
    con = duckdb.connect(str(db), read_only=True)
    n, keys, unkeyed = con.execute(
        "SELECT count(*), count(DISTINCT claim_key), count(*) FILTER (WHERE claim_key IS NULL) FROM claims"
    ).fetchone()
    con.close()
    assert n == 43 and unkeyed == 0 and 20 <= keys < 43


def test_keys_are_stable_across_runs_and_incremental_ingests(db, tmp_path):
    # The same documents in the same order, in one run or in two, give the same keys.
    again = tmp_path / "again.duckdb"
    a, b = _split_corpus(tmp_path, 8)
    with Store(again) as store:
        ingest([str(a)], store)
    with Store(again) as store:
        ingest([str(b)], store)
    assert _keys(again) == _keys(db)
    # Re-ingesting changes nothing; re-coding every document keeps every key.
    with Store(again) as store:
        assert ingest([str(CORPUS)], store).unchanged == 15
        ingest([str(CORPUS)], store, recode=True)
    assert _keys(again) == _keys(db)


def test_claims_command_lists_disputes_with_their_history(db):
    out = json.loads(invoke("claims", "--db", str(db), "--disputed", "--about", "fighter jets", "--json"))
    [jets] = out
    assert jets["disputed"]
    assert [s["stance"] for s in jets["history"]] == ["assert", "deny", "admit", "assert"]
    assert [s["date"] for s in jets["history"]] == ["2025-05-08", "2025-05-08", "2025-05-12", "2025-05-12"]
    assert {s["outlet"] for s in jets["history"]} == {"Frontier Post", "Delhi Ledger"}
    assert jets["documents"] == ["claims-01", "claims-02"]
    assert any("PAK" in s for s in jets["asserted_by"]) and any("IND" in s for s in jets["denied_by"])
    assert any("IND" in s for s in jets["admitted_by"])


def test_claims_command_filters(db):
    everything = json.loads(invoke("claims", "--db", str(db), "--json", "--limit", "100"))
    disputed = json.loads(invoke("claims", "--db", str(db), "--json", "--disputed", "--limit", "100"))
    assert 0 < len(disputed) < len(everything)
    assert all(g["disputed"] for g in disputed)
    # A proposition one side states and nobody contests is not disputed.
    assert not any("parliament was illegitimate" in g["proposition"] for g in disputed)
    rwanda = json.loads(invoke("claims", "--db", str(db), "--json", "--actor", "Rwanda", "--limit", "100"))
    assert rwanda and all(
        any("RWA" in s["speaker"] for s in g["history"]) or "alongside" in g["proposition"] for g in rwanda
    )
    by_code = json.loads(invoke("claims", "--db", str(db), "--json", "--actor", "RWA", "--limit", "100"))
    assert [g["claim_key"] for g in by_code] == [g["claim_key"] for g in rwanda]
    text = invoke("claims", "--db", str(db), "--about", "Coral Vega")
    assert "DISPUTED" in text and "asserted by" in text and "denied by" in text


def test_export_claims_in_the_design_contract(db, tmp_path):
    out = invoke("export", "claims", "--db", str(db), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert len(records) == 43
    for record in records:
        assert {"claim_id", "doc_id", "sentence", "start", "end", "speaker", "content", "stance", "claim_key"} <= set(
            record
        )
        assert set(record["speaker"]) == {"text", "actor_id", "name", "country", "sector"}
        assert record["stance"] in ("assert", "deny", "admit", "dispute")
    rows = list(csv.DictReader(io.StringIO(invoke("export", "claims", "--db", str(db), "--format", "csv"))))
    assert len(rows) == 43 and "speaker_country" in rows[0]
    parquet = tmp_path / "claims.parquet"
    invoke("export", "claims", "--db", str(db), "--format", "parquet", "--out", str(parquet))
    table = pq.read_table(parquet)
    assert table.num_rows == 43 and table.schema.field("speaker").type.num_fields == 5


def test_eval_scores_claims(db, tmp_path):
    # A small gold file in the README's format, for three sentences of the corpus.
    gold = tmp_path / "claims.jsonl"
    gold.write_text(
        "\n".join(
            json.dumps(g)
            for g in [
                {
                    "doc": "claims-07",
                    "sentence": "Canada's prime minister said intelligence showed that an Iranian "
                    "missile had shot down the Ukrainian airliner near Tehran.",
                    "speaker": {"name": "Canada's prime minister", "country": "CAN", "sector": "GOV"},
                    "content": "An Iranian missile shot down the Ukrainian airliner",
                    "stance": "assert",
                    "claim_key": "airliner",
                },
                {
                    "doc": "claims-07",
                    "sentence": "Iran's armed forces initially denied that they had shot down the "
                    "Ukrainian airliner but later admitted it, blaming human error.",
                    "speaker": {"name": "Iran's armed forces", "country": "IRN", "sector": "MIL"},
                    "content": "Iran shot down the Ukrainian airliner",
                    "stance": "deny",
                    "claim_key": "airliner",
                },
                {
                    "doc": "claims-07",
                    "sentence": "Iran's armed forces initially denied that they had shot down the "
                    "Ukrainian airliner but later admitted it, blaming human error.",
                    "speaker": {"name": "they", "country": "IRN", "sector": "MIL"},
                    "content": "Iran shot down the Ukrainian airliner",
                    "stance": "admit",
                    "claim_key": "airliner",
                },
            ]
        ),
        encoding="utf-8",
    )
    scores = json.loads(invoke("eval", "--claims-gold", str(gold), "--db", str(db), "--json"))["claims"]
    assert scores["counts"]["matched"] == 3
    assert scores["stance_accuracy"] == 1.0
    assert scores["claim_key_pairs"]["f1"] == 1.0
    text = invoke("eval", "--claims-gold", str(gold), "--input", str(CORPUS))
    assert "stance accuracy" in text and "claim-key pairs" in text


def test_claim_scoring_counts_pairs():
    gold = [
        {
            "doc": "d",
            "sentence": "A said x.",
            "speaker": {"country": "AAA"},
            "content": "x",
            "stance": "assert",
            "claim_key": "k1",
        },
        {
            "doc": "d",
            "sentence": "B denied x.",
            "speaker": {"country": "BBB"},
            "content": "x",
            "stance": "deny",
            "claim_key": "k1",
        },
        {
            "doc": "d",
            "sentence": "C said y.",
            "speaker": {"country": "CCC"},
            "content": "y",
            "stance": "assert",
            "claim_key": "k2",
        },
    ]
    system = [
        {
            "doc_id": "d",
            "sentence": "A said x.",
            "speaker": {"country": "AAA"},
            "content": "x",
            "stance": "assert",
            "claim_key": "s1",
        },
        {
            "doc_id": "d",
            "sentence": "B denied x.",
            "speaker": {"country": "BBB"},
            "content": "x",
            "stance": "assert",
            "claim_key": "s1",
        },
        {
            "doc_id": "d",
            "sentence": "C said y.",
            "speaker": {"country": "CCC"},
            "content": "y",
            "stance": "assert",
            "claim_key": "s1",
        },
    ]
    scores = score_claims(gold, system)
    assert scores.stance_accuracy == round(2 / 3, 4)
    assert scores.claim_key_pairs["tp"] == 1 and scores.claim_key_pairs["fp"] == 2
    assert scores.claim_key_pairs["precision"] == round(1 / 3, 4) and scores.claim_key_pairs["recall"] == 1.0


def test_gold_claims_are_checked(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"doc": "d", "sentence": "s", "speaker": {}, "stance": "maybe", "claim_key": "k"}))
    with pytest.raises(ValueError, match="stance"):
        load_claims_gold(bad)


def test_a_stored_claim_keeps_its_date_for_keying(tmp_path):
    # Keys of a later ingest compare with stored claims by date too: the same report three years later
    # is a new proposition, read back from the store in a second run.
    sentence = "The ministry said troops from across the river had fired mortars at three border posts overnight."
    path = tmp_path / "dated.duckdb"
    stories = (
        ("clash-2019", "2019-05-01", "Farmers near the crossing left their fields before dawn."),
        ("clash-2022", "2022-06-10", "A new customs post on the bridge had opened only last month."),
    )
    for name, day, other in stories:  # different stories, so that the second is no near-duplicate
        source = tmp_path / f"{name}.jsonl"
        record = {"id": name, "text": f"DUSHANBE, Tajikistan — {other} {sentence}", "published": day}
        source.write_text(json.dumps(record) + "\n", encoding="utf-8")
        with Store(path) as store:
            ingest([str(source)], store)
    con = duckdb.connect(str(path), read_only=True)
    keys = dict(con.execute("SELECT doc_id, claim_key FROM claims").fetchall())
    con.close()
    assert set(keys) == {"clash-2019", "clash-2022"}
    assert keys["clash-2019"] != keys["clash-2022"]


def _ingest_each(path: Path, folder: Path, stories: list[dict]) -> None:
    """Each story ingested in a run of its own, one after the other, into the store at `path`."""
    for story in stories:
        source = folder / f"{story['id']}.jsonl"
        source.write_text(json.dumps(story) + "\n", encoding="utf-8")
        with Store(path) as store:
            assert ingest([str(source)], store).ingested == 1


def _claim_rows(path: Path) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute(
        "SELECT doc_id, speaker_country, speaker_sector, stance, content, claim_key, link FROM claims "
        "ORDER BY doc_id, start"
    ).fetchall()
    con.close()
    return rows


BORDER_STORIES = [
    {
        "id": "border-1",
        "published": "2024-08-02",
        "text": "VILNIUS, Aug 2 — Lithuania accused Minsk of pushing hundreds of migrants across the border "
        "fence near Druskininkai to put pressure on the European Union. Border guards said they had "
        "turned back 140 people overnight.",
    },
    {
        "id": "border-2",
        "published": "2024-08-04",
        "text": "MINSK, Aug 4 — Belarus rejected the accusations on Sunday. The foreign ministry summoned "
        "the Lithuanian charge d'affaires over a separate dispute about rail freight.",
    },
    {
        "id": "border-3",
        "published": "2024-08-06",
        "text": "President Alexander Lukashenko dismissed Lithuania's accusations as a provocation on Tuesday. "
        "Lithuanian officials are to meet Polish counterparts next week to discuss the frontier.",
    },
]


def test_a_denial_answers_an_accusation_made_in_an_earlier_document(tmp_path):
    # "Belarus rejected the accusations" says nothing of its own, and its document holds no accusation:
    # it denies Lithuania's, stored from an earlier run, and is keyed with it.
    path = tmp_path / "border.duckdb"
    _ingest_each(path, tmp_path, BORDER_STORIES)
    rows = _claim_rows(path)
    [accusation] = [r for r in rows if r[0] == "border-1" and "migrants" in r[4]]
    assert accusation[1:4] == ("LTU", "GOV", "assert")
    denials = [r for r in rows if r[0] in ("border-2", "border-3") and r[3] == "deny"]
    assert [r[:2] for r in denials] == [("border-2", "BLR"), ("border-3", "BLR")]
    for denial in denials:
        assert denial[4] == accusation[4] and denial[5] == accusation[5]
    # The same stories in one run give the same claims and keys.
    once = tmp_path / "once.duckdb"
    both = tmp_path / "all.jsonl"
    both.write_text("".join(json.dumps(s) + "\n" for s in BORDER_STORIES), encoding="utf-8")
    with Store(once) as store:
        ingest([str(both)], store)
    assert _claim_rows(once) == rows
    # Alone, the denial answers nothing and says nothing: no claim.
    alone = tmp_path / "alone.duckdb"
    _ingest_each(alone, tmp_path, BORDER_STORIES[1:2])
    assert _claim_rows(alone) == []


def test_rejected_accusations_are_the_earlier_documents_not_another_claim_of_the_accuser(tmp_path):
    # The accusing party's only claim in the denial's own document is no accusation: the denial
    # answers the accusation of the earlier document.
    stories = [
        {
            "id": "arauca-1",
            "published": "2024-03-11",
            "text": "BOGOTA, March 11 — Colombia's defence minister accused the ELN of kidnapping two soldiers "
            "near the Venezuelan border in Arauca.",
        },
        {
            "id": "arauca-2",
            "published": "2024-03-13",
            "text": "BOGOTA, March 13 — The army said it had sent 2,000 troops to Arauca. "
            "In a statement on Wednesday, the ELN rejected the government's accusations.",
        },
    ]
    path = tmp_path / "arauca.duckdb"
    _ingest_each(path, tmp_path, stories)
    rows = _claim_rows(path)
    [accusation] = [r for r in rows if r[0] == "arauca-1"]
    [troops] = [r for r in rows if r[0] == "arauca-2" and r[3] == "assert"]
    [denial] = [r for r in rows if r[0] == "arauca-2" and r[3] == "deny"]
    assert denial[1:3] == ("COL", "REB") and "kidnapping" in denial[4]
    assert denial[5] == accusation[5] != troops[5]
