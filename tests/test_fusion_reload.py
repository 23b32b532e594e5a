"""Incremental fusion reads again only the stored components a new mention links to: a stored event that
merely shares a blocking key (type family, country, dates) with a new one is left as it is, so what a
fusion holds does not grow with the store's density."""

from __future__ import annotations

import json

from dyadwatch.fusion import fuse_all, fuse_new
from dyadwatch.ingest.run import ingest
from dyadwatch.store import Store

DOCS = [
    {
        "id": "ken-eth-a",
        "outlet": "Wire A",
        "published": "2024-03-14",
        "text": "Kenya's foreign minister met his Ethiopian counterpart in Addis Ababa on Tuesday.",
    },
    {
        "id": "ken-uga",
        "outlet": "Wire B",
        "published": "2024-03-14",
        "text": "Kenya's president met Uganda's president in Kampala on Tuesday.",
    },
    {
        "id": "ken-eth-b",
        "outlet": "Wire C",
        "published": "2024-03-14",
        "text": "On Tuesday Kenya's foreign minister held talks with his Ethiopian counterpart in Addis Ababa.",
    },
]


def _groups(store: Store) -> set[frozenset[str]]:
    rows = store.con.execute("SELECT fused_id, event_id FROM fused_mentions").fetchall()
    by_fused: dict[str, set[str]] = {}
    for fused_id, event_id in rows:
        by_fused.setdefault(fused_id, set()).add(event_id)
    return {frozenset(v) for v in by_fused.values()}


def _unfuse(store: Store, doc_id: str) -> None:
    """Make one document's mentions new again, as if just stored."""
    store.con.execute("DELETE FROM fused_mentions WHERE doc_id = ?", [doc_id])
    store.con.execute("UPDATE events SET fused_id = NULL WHERE doc_id = ?", [doc_id])


def test_a_new_mention_reads_only_the_components_it_links_to(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    with Store(tmp_path / "store.duckdb") as store:
        ingest([str(path)], store)
        scratch = _groups(store)
        assert frozenset() not in scratch and len(scratch) == 2  # the two KEN-ETH reports are one event

        _unfuse(store, "ken-uga")  # shares CONSULT, KEN and the day with the stored meeting, links to nothing
        summary = fuse_new(store)
        assert summary.new == 1 and summary.refused == 1
        assert _groups(store) == scratch

        _unfuse(store, "ken-eth-b")  # links to the stored report of the same meeting: its component is read
        summary = fuse_new(store)
        assert summary.new == 1 and summary.refused == 2
        assert _groups(store) == scratch

        fuse_all(store)
        assert _groups(store) == scratch
