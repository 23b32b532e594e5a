"""The index rows kept on disk (dyadwatch.rowfile): read back exactly as written, and out of the
process's memory, so that the near-duplicate and claim-key indexes stop growing its RSS."""

from __future__ import annotations

import tracemalloc

import numpy as np

from dyadwatch.claims.keys import DIM, ClaimKeyer, keyed_from
from dyadwatch.ingest.dedup import NUM_PERM, BandIndex
from dyadwatch.records import ActorRef, Claim
from dyadwatch.rowfile import RowFile


def test_rows_read_back_as_written_whichever_way_they_are_read():
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(700, 12)).astype(np.float16)
    held = RowFile(12, np.float16, block_rows=64)
    held.put(0, rows[:500])
    for row in rows[500:]:
        held.append(row)
    held.put(10, rows[10:20])  # over rows already there
    assert len(held) == 700
    assert np.array_equal(held.row(699), rows[699])
    assert np.array_equal(held.block(100, 164), rows[100:164])
    picks = np.concatenate([rng.integers(0, 700, size=40), np.arange(200, 260), [5, 5, 699]])
    assert np.array_equal(held.take(picks), rows[picks])  # sparse and dense parts, repeats, any order
    keep = np.array([k for k in range(700) if k % 3])
    held.keep(keep)
    assert len(held) == len(keep)
    assert np.array_equal(held.take(np.arange(len(keep))), rows[keep])


def _claim(i: int) -> Claim:
    speaker = ActorRef(text="a minister", actor_id=None, name=None, country="USA", sector="GOV")
    return Claim(
        claim_id=f"c{i:05d}",
        doc_id=f"d{i // 2:05d}",
        sentence=f"sentence {i}",
        start=100 * (i % 2),
        end=100 * (i % 2) + 10,
        speaker=speaker,
        content=f"content {i}",
        stance="assert",
    )


def test_near_duplicate_index_holds_its_signatures_on_disk():
    """20,000 documents' signatures were 10 MB in the process (512 bytes each, in an array grown by
    doubling); the index now holds the band hashes it searches, about 220 bytes a document."""
    rng = np.random.default_rng(1)
    signatures = rng.integers(0, 2**32, size=(20_000, NUM_PERM), dtype=np.uint64).astype(np.uint32)
    tracemalloc.start()
    index = BandIndex()
    for sig in signatures:
        index.insert(sig)
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held / len(signatures) < 320, held / len(signatures)
    assert index.query(signatures[12_345]) == [12_345]  # read back from disk to check the candidate
    assert np.array_equal(index.signatures[777], signatures[777])


def test_claim_key_index_holds_its_vectors_on_disk():
    """A released claim's content vector was 768 bytes of the process's memory (float16): it is read
    from disk now, in blocks, and the index keeps the claims' records only."""
    rng = np.random.default_rng(2)
    claims = [_claim(i) for i in range(4000)]
    vectors = rng.normal(size=(4000, 2 * DIM)).astype(np.float32)
    items = [keyed_from(c) for c in claims]
    keyer = ClaimKeyer(exact=lambda ids: vectors[[int(i[1:]) for i in ids], :DIM])
    keyer.add(items[:10], vectors[:10])  # the first additions allocate what every keyer holds
    keyer.release()
    tracemalloc.start()
    for start in range(10, 4000, 500):
        keyer.add(items[start : start + 500], vectors[start : start + 500])
        keyer.release()
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held / 3990 < 400, held / 3990  # the Keyed records' list, not 768 bytes of vector per claim
    assert np.array_equal(keyer.vectors, vectors[:, :DIM].astype(np.float16).astype(np.float32))
