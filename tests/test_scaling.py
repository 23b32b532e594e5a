"""What the speed and memory work (benchmarks/README.md) must not change: claim keys from the
compact key index, claim vectors embedded by worker processes."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np

from dyadwatch.claims.keys import DIM, THRESHOLD, WEIGHTS, ClaimKeyer, key_for, keyed_from, pair_features, pair_score
from dyadwatch.ingest.run import ingest
from dyadwatch.records import ActorRef, Claim
from dyadwatch.store import Store

CLAIMS_CORPUS = Path(__file__).parent / "data" / "claims" / "documents.jsonl"


def _claim(i: int, doc: str, start: int, country: str) -> Claim:
    speaker = ActorRef(text=f"speaker {country}", actor_id=None, name=None, country=country, sector="GOV")
    return Claim(
        claim_id=f"c{i:04d}",
        doc_id=doc,
        sentence=f"sentence {i}",
        start=start,
        end=start + 10,
        speaker=speaker,
        content=f"content {i}",
        stance="assert",
    )


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def _reference_keys(claims: list[Claim], vectors: np.ndarray) -> list[str]:
    """Every claim scored against every claim before it with its full vectors: what the index must give."""
    keys: list[str] = []
    for i, claim in enumerate(claims):
        new = keyed_from(claim)
        best, best_score = None, THRESHOLD
        for j in range(i):
            old = keyed_from(claims[j])
            old.claim_key = keys[j]
            content = float(vectors[i, :DIM] @ vectors[j, :DIM])
            sentence = float(vectors[i, DIM:] @ vectors[j, DIM:])
            score = pair_score(pair_features(new, old, content, sentence), WEIGHTS)
            if score >= best_score:
                best, best_score = keys[j], score
        keys.append(best or key_for(claim.claim_id))
    return keys


def test_key_index_gives_the_keys_of_a_full_comparison():
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(12, 2 * DIM))
    claims, rows = [], []
    for i in range(400):  # 100 documents of 4 claims, each near one of 12 propositions
        doc = f"d{i // 4:03d}"
        claims.append(_claim(i, doc, 100 * (i % 4), ["USA", "PAK", "IND"][i % 3]))
        noise = rng.normal(size=2 * DIM) * rng.choice([0.3, 0.6, 0.9])
        rows.append(centres[rng.integers(12)] + noise)
    raw = np.asarray(rows)
    vectors = np.hstack([_unit(raw[:, :DIM]), _unit(raw[:, DIM:])])
    keyer = ClaimKeyer()
    for d in range(100):
        keyer.assign(claims[4 * d : 4 * d + 4], vectors[4 * d : 4 * d + 4])
    got = [c.claim_key for c in claims]
    expected = _reference_keys(claims, vectors)
    assert got == expected
    assert len(set(got)) < len(got) / 2  # the test means something only if many claims share keys
    assert np.array_equal(keyer.vectors, vectors[:, :DIM])


def test_sentences_count_within_a_document_only():
    # Contents 0.75 alike, sentences identical: 0.7 * 0.75 + 0.3 * 1.0 = 0.825 reaches 0.8 in one
    # document; across documents only the contents count (0.75).
    content_a = np.zeros(DIM, np.float32)
    content_a[0] = 1
    content_b = np.zeros(DIM, np.float32)
    content_b[0], content_b[1] = 0.75, np.sqrt(1 - 0.75**2)
    sentence = np.zeros(DIM, np.float32)
    sentence[2] = 1
    a, b = np.concatenate([content_a, sentence]), np.concatenate([content_b, sentence])

    same = ClaimKeyer()
    first, second = _claim(1, "d1", 0, "USA"), _claim(2, "d1", 200, "USA")
    same.assign([first, second], np.stack([a, b]))
    assert second.claim_key == first.claim_key

    apart = ClaimKeyer()
    first, second = _claim(1, "d1", 0, "USA"), _claim(2, "d2", 200, "USA")
    apart.assign([first], a[None])
    apart.assign([second], b[None])
    assert second.claim_key != first.claim_key


def test_removed_documents_leave_the_other_vectors_in_place():
    rng = np.random.default_rng(3)
    keyer = ClaimKeyer()
    vectors = np.hstack([_unit(rng.normal(size=(30, DIM))), _unit(rng.normal(size=(30, DIM)))])
    claims = [_claim(i, f"d{i // 3}", i, "USA") for i in range(30)]
    for d in range(10):
        keyer.add([keyed_from(c) for c in claims[3 * d : 3 * d + 3]], vectors[3 * d : 3 * d + 3])
    keyer.remove_documents(["d2", "d9"])
    kept = [i for i in range(30) if i // 3 not in (2, 9)]
    assert [item.claim_id for item in keyer.items] == [claims[i].claim_id for i in kept]
    assert np.array_equal(keyer.vectors, vectors[kept, :DIM])


def _claim_rows(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT claim_id, claim_key, stance FROM claims ORDER BY claim_id").fetchall()
    con.close()
    return rows


def test_two_workers_key_claims_as_one_worker_does(tmp_path):
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.duckdb") as store:
            ingest([str(CLAIMS_CORPUS)], store, workers=workers)
    one, two = _claim_rows(tmp_path / "w1.duckdb"), _claim_rows(tmp_path / "w2.duckdb")
    assert len(one) > 10 and len({r[1] for r in one}) < len(one)
    assert one == two


def test_band_index_finds_what_datasketch_lsh_finds(monkeypatch):
    from datasketch import LeanMinHash, MinHashLSH

    from dyadwatch.ingest.dedup import NUM_PERM, SCHEME, THRESHOLD, BandIndex

    monkeypatch.setattr(BandIndex, "MERGE_EVERY", 16)  # merge often: sorted part and tail both used
    rng = np.random.default_rng(5)
    bases = rng.integers(0, 2**32, size=(40, NUM_PERM), dtype=np.uint64).astype(np.uint32)
    index, lsh = BandIndex(), MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    slots: dict[str, int] = {}
    shared = 0
    for i in range(300):
        sig = bases[rng.integers(40)].copy()
        changed = rng.choice(NUM_PERM, size=int(rng.integers(0, NUM_PERM)), replace=False)
        sig[changed] = rng.integers(0, 2**32, size=len(changed), dtype=np.uint64).astype(np.uint32)
        minhash = LeanMinHash(seed=1, hashvalues=sig, scheme=SCHEME)
        expected = set(lsh.query(minhash))
        got = {f"d{j}" for j in (int(s) for s in index.query(sig)) if f"d{j}" in slots}
        assert got == expected
        shared += bool(expected)
        slot = index.insert(sig)
        assert slot == i
        slots[f"d{i}"] = slot
        lsh.insert(f"d{i}", minhash)
        if i % 7 == 3:  # take an earlier document out again
            gone = f"d{int(rng.integers(i + 1))}"
            if gone in slots:
                index.remove(slots.pop(gone))
                lsh.remove(gone)
    assert shared > 50  # near-duplicates were there to be found


def test_fusing_every_few_documents_gives_what_fusing_at_the_end_gives(tmp_path, monkeypatch):
    import json

    from dyadwatch.ingest import run
    from test_fusion import ALL, fused, groups

    corpus = tmp_path / "all.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in ALL))
    with Store(tmp_path / "end.duckdb") as store:
        ingest([str(corpus)], store)
    monkeypatch.setattr(run, "FUSE_EVERY", 2)
    with Store(tmp_path / "often.duckdb") as store:
        ingest([str(corpus)], store)
    assert groups(tmp_path / "often.duckdb") == groups(tmp_path / "end.duckdb")
    assert fused(tmp_path / "often.duckdb") == fused(tmp_path / "end.duckdb")
    assert any(len(g) > 1 for g in groups(tmp_path / "end.duckdb"))


def test_cosines_computed_for_a_batch_give_the_same_keys_and_stances():
    rng = np.random.default_rng(11)
    centres = rng.normal(size=(8, 2 * DIM))
    claims, rows = [], []
    for i in range(240):
        claim = _claim(i, f"d{i // 3:03d}", 100 * (i % 3), ["USA", "PAK", "IND", "CHN"][int(rng.integers(4))])
        claim.negative = bool(rng.random() < 0.3)
        claims.append(claim)
        rows.append(centres[rng.integers(8)] + rng.normal(size=2 * DIM) * rng.choice([0.3, 0.7]))
    raw = np.asarray(rows)
    vectors = np.hstack([_unit(raw[:, :DIM]), _unit(raw[:, DIM:])])

    def keys(batched: bool) -> list[tuple[str | None, str]]:
        fresh = [Claim(**{**c.__dict__}) for c in claims]
        keyer = ClaimKeyer()
        for start in range(0, 240, 12):  # 4 documents at a time, cosines with the index computed once
            cosines = keyer.content_cosines(vectors[start : start + 12]) if batched else None
            for d in range(start, start + 12, 3):
                chunk = None if cosines is None else cosines[d - start : d - start + 3]
                keyer.assign(fresh[d : d + 3], vectors[d : d + 3], chunk)
        return [(c.claim_key, c.stance) for c in fresh]

    one_by_one = keys(False)
    assert keys(True) == one_by_one
    assert any(stance == "deny" for _, stance in one_by_one)
    assert len({k for k, _ in one_by_one}) < 200


def test_signatures_are_datasketch_minhashes():
    """Stored signatures must not change with the code that computes them."""
    from datasketch import MinHash

    from dyadwatch.ingest.dedup import _WORD, NUM_PERM, SCHEME, SHINGLE_WORDS, signature

    rng = np.random.default_rng(3)
    vocabulary = "the talks between both governments resumed on monday after a pause of several weeks".split()
    texts = [" ".join(rng.choice(vocabulary, size=int(rng.integers(30, 400)))) + f" ä{i}" for i in range(25)]
    for text in texts:
        words = _WORD.findall(text.lower())
        minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
        minhash.update_batch({" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - 2)})
        assert np.array_equal(signature(text), minhash.hashvalues)
    assert signature(" ".join(vocabulary)) is None  # too short to cluster


def test_band_parameters_are_datasketch_lsh_parameters():
    from datasketch.lsh import _optimal_param

    from dyadwatch.ingest.dedup import lsh_bands

    for threshold in (0.5, 0.6, 0.8):
        for num_perm in (64, 128):
            assert lsh_bands(threshold, num_perm) == _optimal_param(threshold, num_perm, 0.5, 0.5)


def test_documents_without_near_duplicates_hold_no_cluster_bookkeeping():
    """The cluster index grows with every stored document: one that is alone keeps a slot and a date only."""
    from dyadwatch.ingest.dedup import NUM_PERM, StoryClusters

    rng = np.random.default_rng(7)
    clusters = StoryClusters()
    base = rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32)
    for i in range(500):
        clusters.add(f"d{i}", "2024-01-02", rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32))
    clusters.add("copy-a", "2024-01-03", base)
    clusters.add("copy-b", "2024-01-01", base)
    assert len(clusters) == 502
    assert len(clusters.root) == 2 and len(clusters.members) == 1 and len(clusters._canonical) == 1
    assert clusters.cluster_of("copy-a") == "copy-b" and clusters.cluster_of("d3") == "d3"
    clusters.remove("copy-b")
    assert not clusters.root and not clusters.members and not clusters._canonical


def test_key_index_holds_one_object_per_repeated_value(tmp_path):
    """The key index lives as long as the run: claims that share a key, a document or a set of countries
    share one object for it, whether keyed in the run or read back from the store."""
    from dyadwatch.claims.store import load_keyer

    first, second = _claim(1, "doc-a", 0, "IND"), _claim(2, "doc-b", 50, "PAK")
    first.about, second.about = ["PAK", "IND"], ["IND", "PAK"]
    first.content, second.content = "talks would resume soon", "the border would stay open"  # no names: no anchors
    a, b = keyed_from(first), keyed_from(second)
    assert a.about is b.about and a.event_types is b.event_types and a.anchors is b.anchors

    with Store(tmp_path / "claims.duckdb") as store:
        ingest([str(CLAIMS_CORPUS)], store)
        items = load_keyer(store.con).items
    assert len(items) > 10
    for field in ("claim_key", "doc_id", "about"):
        values = [getattr(item, field) for item in items]
        assert len({id(v) for v in values}) == len(set(values)) < len(values), field
    assert len({id(item.anchors) for item in items if not item.anchors}) == 1  # names differ; none is one set


def _memory_limit(store: Store) -> str:
    return store.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]


def _as_duckdb_shows(limit: str) -> str:
    capped = duckdb.connect()
    capped.execute(f"SET memory_limit = '{limit}'")
    return capped.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]


def test_duckdb_cache_is_bounded_during_an_ingest_only(tmp_path):
    """DuckDB caches blocks up to its memory limit, by default most of the machine's memory: an ingest
    caps it (its cache grew with the store), and gives the store back its default afterwards."""
    from dyadwatch.ingest.run import INGEST_MEMORY_LIMIT

    seen: list[str] = []
    with Store(tmp_path / "limit.duckdb") as store:
        default = _memory_limit(store)
        ingest([str(CLAIMS_CORPUS)], store, on_document=lambda summary: seen.append(_memory_limit(store)))
        after = _memory_limit(store)
    assert len(seen) > 5 and set(seen) == {_as_duckdb_shows(INGEST_MEMORY_LIMIT)} != {default}
    assert after == default


def test_ingest_memory_limit_from_the_environment_holds_duckdb_to_it(tmp_path, monkeypatch):
    """$DYADWATCH_INGEST_MEMORY_LIMIT replaces the default cap on the real connection, and DuckDB's own
    accounting stays under it while documents are written and fused."""
    from dyadwatch.ingest.run import MEMORY_LIMIT_VAR

    monkeypatch.setenv(MEMORY_LIMIT_VAR, "24MiB")
    seen: list[tuple[str, int]] = []

    def look(store: Store) -> None:
        used = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()[0][0]
        seen.append((_memory_limit(store), used))

    with Store(tmp_path / "env.duckdb") as store:
        summary = ingest([str(CLAIMS_CORPUS)], store, on_document=lambda _: look(store))
        assert summary.ingested > 5 and store.counts()["events"] > 0
    assert {limit for limit, _ in seen} == {_as_duckdb_shows("24MiB")}
    assert max(used for _, used in seen) <= 24 * 2**20


def test_ingest_opens_the_store_again_after_each_fusion_and_keeps_its_cap(tmp_path, monkeypatch):
    """Each fusion is followed by a new connection (what fusion left with DuckDB's allocator goes with
    the old one); the ingest's cap holds on the new one, and claims keyed after it are those keyed
    without it."""
    from dyadwatch.ingest import run

    seen: list[tuple[object, str]] = []  # the connections themselves: ids of freed ones repeat
    with Store(tmp_path / "once.duckdb") as store:
        ingest([str(CLAIMS_CORPUS)], store)
    monkeypatch.setattr(run, "FUSE_EVERY", 3)
    with Store(tmp_path / "often.duckdb") as store:
        ingest([str(CLAIMS_CORPUS)], store, on_document=lambda _: seen.append((store.con, _memory_limit(store))))
    assert len({id(con) for con, _ in seen}) > 2  # opened again, more than once
    assert {limit for _, limit in seen} == {_as_duckdb_shows(run.INGEST_MEMORY_LIMIT)}
    assert _claim_rows(tmp_path / "often.duckdb") == _claim_rows(tmp_path / "once.duckdb")


def test_a_reopened_store_reads_stored_claim_vectors_from_the_new_connection(tmp_path):
    """The claim-key index reads float32 vectors back from the store when float16 cannot decide a key:
    after `Store.reopen` it must read them through the connection that is open."""
    with Store(tmp_path / "reopen.duckdb") as store:
        ingest([str(CLAIMS_CORPUS)], store)
        ids = [r[0] for r in store.con.execute("SELECT claim_id FROM claims ORDER BY claim_id LIMIT 3").fetchall()]
        keyer = store._claim_writer.keyer
        before = keyer.exact(ids)
        store.reopen()
        assert np.array_equal(keyer.exact(ids), before)
        assert keyer.contents(ids) == [
            r[0] for r in store.con.execute("SELECT content FROM claims ORDER BY claim_id LIMIT 3").fetchall()
        ]


def _event_rows(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT * EXCLUDE (event_id) FROM events ORDER BY doc_id, start").fetchall()
    finally:
        con.close()


def test_ingest_opens_the_store_again_every_few_documents_between_write_batches(tmp_path, monkeypatch):
    """Between fusions the ingest opens the database again every REOPEN_EVERY documents, between write
    batches (what DuckDB kept of the blocks written goes with the old connection); the cap holds on each
    new connection, and the stored events and claims are those of an ingest that never reopened."""
    from dyadwatch.ingest import run

    monkeypatch.setattr(run, "WRITE_BATCH", 2)
    with Store(tmp_path / "never.duckdb") as store:
        ingest([str(CLAIMS_CORPUS)], store)
    monkeypatch.setattr(run, "REOPEN_EVERY", 4)
    seen: list[tuple[object, str]] = []
    with Store(tmp_path / "often.duckdb") as store:
        ingest([str(CLAIMS_CORPUS)], store, on_document=lambda _: seen.append((store.con, _memory_limit(store))))
    assert len({id(con) for con, _ in seen}) > 2  # no fusion before the end: only REOPEN_EVERY reopened it
    assert {limit for _, limit in seen} == {_as_duckdb_shows(run.INGEST_MEMORY_LIMIT)}
    assert _claim_rows(tmp_path / "often.duckdb") == _claim_rows(tmp_path / "never.duckdb")
    assert _event_rows(tmp_path / "often.duckdb") == _event_rows(tmp_path / "never.duckdb")
