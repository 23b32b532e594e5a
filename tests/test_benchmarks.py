"""The benchmark corpus generator and the events layout the query benchmark relies on.

No timings here: speed is measured by `make bench`, not asserted by tests.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from dyadwatch.ingest.readers import read_paths
from dyadwatch.records import ActorRef, Document, Event
from dyadwatch.store.duck import EventFilter, Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate import story, write_corpus  # noqa: E402

CONTRACT_KEYS = {"id", "text", "html", "url", "title", "outlet", "published"}


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def test_generator_is_deterministic_and_prefix_stable(tmp_path):
    a = write_corpus(tmp_path / "a", 120, seed=3)
    b = write_corpus(tmp_path / "b", 120, seed=3)
    assert a == b and _digest(tmp_path / "a") == _digest(tmp_path / "b")
    write_corpus(tmp_path / "c", 120, seed=4)
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")
    # Document i does not depend on the corpus size.
    assert story(3, 57) == story(3, 57)
    write_corpus(tmp_path / "d", 60, seed=3)
    name = "txt/000/story-000058.txt"
    assert (tmp_path / "d" / name).read_text() == (tmp_path / "a" / name).read_text()


def test_generator_writes_the_input_contract(tmp_path):
    counts = write_corpus(tmp_path, 200, seed=1, fmt="mixed")
    assert counts["txt"] == 100 and counts["jsonl"] == 100
    records = [json.loads(line) for f in sorted((tmp_path / "wire").glob("*.jsonl")) for line in f.open()]
    assert len(records) == 100 and len({r["id"] for r in records}) == 100
    for record in records:
        assert set(record) == CONTRACT_KEYS
        assert isinstance(record["text"], str) and record["text"].strip()
        assert len(record["published"]) == 10 and record["published"][4] == "-"
    # The readers take every generated input, and the headers and boilerplate are cleaned away.
    docs = list(read_paths([tmp_path]))
    assert len(docs) == 200 and all(isinstance(d, Document) for d in docs)
    assert all(d.published for d in docs)
    assert not any("Continue Reading" in d.text or "Share this article" in d.text for d in docs)
    words = [len(d.text.split()) for d in docs]
    assert 100 < sum(words) / len(words) < 600


def _event(doc_id: str, k: int, source: str, target: str, day: str) -> Event:
    return Event(
        event_id=f"{doc_id}-{k}",
        doc_id=doc_id,
        sentence="s",
        start=0,
        end=1,
        source=ActorRef(source, f"country:{source}", source, source, "GOV"),
        event_type="CONSULT",
        mode=None,
        context=[],
        target=ActorRef(target, f"person:leader-{target.lower()}", target, target, "GOV"),
        date=day,
        date_precision="day",
        negated=False,
        hypothetical=False,
        quad_class=1,
        intensity=1.0,
        cameo_code="040",
        confidence=0.9,
    )


@pytest.fixture
def store(tmp_path):
    pairs = [("USA", "PAK"), ("PAK", "USA"), ("IND", "PAK"), ("USA", "USA"), ("CHN", "USA")]
    results = []
    for i in range(40):
        doc_id = f"doc-{i:03d}"
        source, target = pairs[i % len(pairs)]
        day = f"2024-{1 + i % 12:02d}-15"
        results.append((Document(id=doc_id, text="x"), [_event(doc_id, 0, source, target, day)]))
    with Store(tmp_path / "t.duckdb") as s:
        s.write_batch(results)
        yield s


def test_dyad_filter_and_series_after_sorting(store):
    before = [r["event_id"] for r in store.event_rows(EventFilter(dyad=("PAK", "USA")))]
    assert len(before) == 16  # both directions
    assert len(store.event_rows(EventFilter(dyad=("USA", "USA")))) == 8  # domestic
    assert len(store.event_rows(EventFilter(dyad=("USA", "person:leader-pak")))) == 8  # actor id: one direction here
    assert store.sort_events() == 40
    assert store.unsorted_events() == 0
    assert [r["event_id"] for r in store.event_rows(EventFilter(dyad=("PAK", "USA")))] == before
    series = store.dyad_series(EventFilter(dyad=("USA", "PAK")), by="quarter")
    assert sum(r["events"] for r in series) == 16
    assert {r["source"] for r in series} == {"USA", "PAK"}
    assert all(str(r["period"])[5:] in ("01-01", "04-01", "07-01", "10-01") for r in series)


def test_writes_stay_correct_after_sorting(store):
    store.sort_events()
    store.write_batch([(Document(id="doc-000", text="y"), [_event("doc-000", 5, "PAK", "USA", "2025-01-01")])])
    rows = store.event_rows(EventFilter(doc_id="doc-000"))
    assert [r["event_id"] for r in rows] == ["doc-000-5"]
    assert store.counts()["events"] == 40
    assert store.sort_events(force=False) == 0  # far below the threshold


def test_memory_growth_reads_the_trend_under_the_swings():
    from memory_curve import summarize

    # 6,000 documents in windows of 500: 700 MB plus 0.05 MB per document, with swings of up to 60 MB, a
    # fusion whose mark is the window's highest, and the closing line of a run that ended on a window.
    lines = []
    for i, docs in enumerate(range(500, 6001, 500)):
        if docs == 4000:
            lines.append({"fusion": 10, "peak_before_mb": 700 + 0.05 * docs, "peak_mb": 700 + 0.05 * docs + 90})
        lines.append({"docs": docs, "peak_mb": 700 + 0.05 * docs + (60 if i % 3 == 0 else 0)})
    lines.append({"docs": 6000, "peak_mb": 500.0})
    result = summarize(lines, warmup=1000)
    assert [d for d, _ in result["windows"]] == list(range(500, 6001, 500))
    assert dict(result["windows"])[4000] == 700 + 200 + 90  # the fusion counts in its window
    assert dict(result["windows"])[6000] == 700 + 300  # the closing line does not hide the window's mark
    assert 40 <= result["growth_mb_per_1000_docs"] <= 65
    assert result["high_water_mb"] == 700 + 250 + 60  # 5,000 documents, a swing
    assert result["rss_mb_100k_extrapolated"] == pytest.approx(1010 + 50 * 94, rel=0.15)
