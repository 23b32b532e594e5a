"""Fused events in the DuckDB store, kept in step with the events table, incrementally.

Tables (created on first use; the events table is only touched through its `fused_id`):

- `fused_events`: one row per fused event: `fused_id`, `event_type`, `mode`, source and
  target (`*_actor_id`, `*_name`, `*_country`, `*_sector`), `date`, `date_precision`,
  `negated`, `hypothetical`, `quad_class`, `intensity`, `cameo_code`, `confidence`,
  `n_mentions`, `n_documents`, `n_outlets`, `outlets`, `first_report`, `last_report`,
  `first_doc_id`, `sentence` (of the leading report), `flagged`, `conflicts` (JSON) and
  `mentions` (event ids). Dyad series that count each real-world event once read this table.
- `fused_mentions`: one row per event mention: its `fused_id`, the `component_id` of the
  linked set it came from, its blocking keys (`family`, `countries`, `lo`, `hi`) and a
  `fingerprint` of what fusion read from it (to notice re-coded events).
- `fusion_embeddings`: the sentence embedding of each event id, with a hash of the sentence,
  so that re-runs do not embed again. Only mentions that have a compatible candidate are
  ever embedded.

`fuse_new(store)` brings all of this up to date with the events table: mentions that are
new, changed, re-inserted (their `fused_id` is empty) or gone are found by comparing the two
tables; every linked set (component) they were in or that a new mention links to (a stored
mention sharing a blocking key, compatible, close enough in meaning) is fused again in full
with them, and nothing else is read. Because the groups are a function of the components and
the components of pairwise links, the result equals fusing everything from scratch
(`fuse_all`); a stored component that no new mention links to keeps its groups.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import pyarrow as pa

from dyadwatch.fusion.core import (
    FusionConfig,
    Mention,
    Side,
    compatible,
    family,
    fold_country,
    group,
    quantities,
    summarize,
    threshold_for,
)
from dyadwatch.store.duck import filter_clauses, where_sql

DIM = 384
LINK_CHUNK = 20_000  # stored candidate mentions read at a time when looking for the ones new mentions link to

FUSION_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS fused_events (
    fused_id VARCHAR NOT NULL,
    component_id VARCHAR,
    event_type VARCHAR,
    mode VARCHAR,
    source_actor_id VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_actor_id VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    date DATE,
    date_precision VARCHAR,
    negated BOOLEAN,
    hypothetical BOOLEAN,
    quad_class INTEGER,
    intensity DOUBLE,
    cameo_code VARCHAR,
    confidence DOUBLE,
    n_mentions INTEGER,
    n_documents INTEGER,
    n_outlets INTEGER,
    outlets VARCHAR[],
    first_report DATE,
    last_report DATE,
    first_doc_id VARCHAR,
    sentence VARCHAR,
    flagged BOOLEAN,
    conflicts VARCHAR,
    mentions VARCHAR[]
);
CREATE TABLE IF NOT EXISTS fused_mentions (
    event_id VARCHAR NOT NULL,
    fused_id VARCHAR NOT NULL,
    component_id VARCHAR NOT NULL,
    doc_id VARCHAR,
    family VARCHAR,
    countries VARCHAR[],
    lo DATE,
    hi DATE,
    fingerprint VARCHAR
);
CREATE TABLE IF NOT EXISTS fusion_embeddings (
    event_id VARCHAR NOT NULL,
    sentence_hash VARCHAR,
    vector FLOAT[{DIM}]
);
"""

# What fusion reads of a mention; a change in any of it means fusing that mention again.
_FINGERPRINT = (
    "md5(concat_ws('|', e.sentence, e.event_type, e.mode, e.source_actor_id, e.source_country, e.source_sector, "
    "e.target_actor_id, e.target_country, e.target_sector, e.date, e.date_precision, e.negated, e.hypothetical, "
    "e.confidence, e.start, d.published, d.outlet))"
)
_MENTION_COLUMNS = (
    "e.event_id, e.doc_id, e.start, e.sentence, e.event_type, e.mode, e.source_actor_id, e.source_name, "
    "e.source_text, e.source_country, e.source_sector, e.target_actor_id, e.target_name, e.target_text, "
    "e.target_country, e.target_sector, e.date, e.date_precision, e.negated, e.hypothetical, e.quad_class, "
    "e.intensity, e.cameo_code, e.confidence, d.published, d.outlet"
)

FUSED_ARROW = pa.schema(
    [
        ("fused_id", pa.string()),
        ("component_id", pa.string()),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("source_actor_id", pa.string()),
        ("source_name", pa.string()),
        ("source_country", pa.string()),
        ("source_sector", pa.string()),
        ("target_actor_id", pa.string()),
        ("target_name", pa.string()),
        ("target_country", pa.string()),
        ("target_sector", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("quad_class", pa.int32()),
        ("intensity", pa.float64()),
        ("cameo_code", pa.string()),
        ("confidence", pa.float64()),
        ("n_mentions", pa.int32()),
        ("n_documents", pa.int32()),
        ("n_outlets", pa.int32()),
        ("outlets", pa.list_(pa.string())),
        ("first_report", pa.date32()),
        ("last_report", pa.date32()),
        ("first_doc_id", pa.string()),
        ("sentence", pa.string()),
        ("flagged", pa.bool_()),
        ("conflicts", pa.string()),
        ("mentions", pa.list_(pa.string())),
    ]
)
MENTION_ARROW = pa.schema(
    [
        ("event_id", pa.string()),
        ("fused_id", pa.string()),
        ("component_id", pa.string()),
        ("doc_id", pa.string()),
        ("family", pa.string()),
        ("countries", pa.list_(pa.string())),
        ("lo", pa.date32()),
        ("hi", pa.date32()),
        ("fingerprint", pa.string()),
    ]
)


@dataclass
class FuseSummary:
    new: int = 0  # mentions new or changed since the last fusion
    removed: int = 0  # mentions whose events are gone
    refused: int = 0  # mentions fused again (new ones and the stored ones they touch)
    embedded: int = 0  # sentences embedded in this run (the rest came from the cache)
    fused_events: int = 0  # fused events in the store afterwards

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def ensure_tables(con) -> None:
    con.execute(FUSION_SCHEMA)


def has_fusion(con) -> bool:
    rows = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'fused_events'").fetchone()
    return bool(rows and rows[0])


def fuse_new(store, config: FusionConfig | None = None) -> FuseSummary:
    """Bring the fused events of `store` up to date with its events table (see the module doc)."""
    config = config or FusionConfig()
    con = store.con
    ensure_tables(con)
    summary = FuseSummary()
    changed = con.execute(
        f"""
        SELECT e.event_id FROM events e LEFT JOIN documents d ON d.id = e.doc_id
        LEFT JOIN fused_mentions m ON m.event_id = e.event_id
        WHERE m.event_id IS NULL OR m.fingerprint IS DISTINCT FROM {_FINGERPRINT}
           OR e.fused_id IS DISTINCT FROM m.fused_id
        """
    ).fetchall()
    new_ids = sorted({r[0] for r in changed})
    gone = con.execute(
        "SELECT m.event_id, m.component_id FROM fused_mentions m ANTI JOIN events e ON e.event_id = m.event_id"
    ).fetchall()
    summary.new, summary.removed = len(new_ids), len(gone)
    if not new_ids and not gone:
        summary.fused_events = con.execute("SELECT count(*) FROM fused_events").fetchall()[0][0]  # no open result
        return summary

    new_mentions = _load_mentions(con, new_ids)
    keys = [(m.event_id, *k) for m in new_mentions for k in _block_keys(m, config)]

    def vectors(needed: list[Mention]) -> dict[str, np.ndarray]:
        found, embedded = _vectors(con, needed)
        summary.embedded += embedded
        return found

    affected = {c for _, c in gone} | _previous_components(con, new_ids)
    affected |= _linked_components(con, new_mentions, keys, vectors, config)
    members = _component_members(con, affected)
    old_ids = sorted(set(members) - set(new_ids))
    mentions = new_mentions + _load_mentions(con, old_ids)
    groups = group(mentions, vectors, config)
    summary.refused = len(mentions)
    fingerprints = dict(
        con.execute(
            f"SELECT e.event_id, {_FINGERPRINT} FROM events e LEFT JOIN documents d ON d.id = e.doc_id "
            "WHERE e.event_id IN (SELECT unnest(?))",
            [[m.event_id for m in mentions]],
        ).fetchall()
    )
    _write(con, groups, affected, [g for g, _ in gone], new_ids, fingerprints, config)
    quantities.cache_clear()  # its sentences are this fusion's; the next one reads others
    summary.fused_events = con.execute("SELECT count(*) FROM fused_events").fetchall()[0][0]  # no open result
    return summary


def fuse_all(store, config: FusionConfig | None = None) -> FuseSummary:
    """Fuse every event of the store from scratch (cached embeddings are reused)."""
    con = store.con
    ensure_tables(con)
    con.execute("DELETE FROM fused_events")
    con.execute("DELETE FROM fused_mentions")
    con.execute("UPDATE events SET fused_id = NULL WHERE fused_id IS NOT NULL")
    return fuse_new(store, config)


# -- reading ------------------------------------------------------------------------------------


def _load_mentions(con, event_ids: list[str], chunk: int = 20_000) -> list[Mention]:
    """The mentions of these events, in event-id order: fusion's result must not depend on the order
    DuckDB returns rows in (it changes when a query spills under the ingest's memory limit)."""
    out: list[Mention] = []
    for i in range(0, len(event_ids), chunk):
        cursor = con.execute(
            f"SELECT {_MENTION_COLUMNS} FROM events e LEFT JOIN documents d ON d.id = e.doc_id "
            "WHERE e.event_id IN (SELECT unnest(?))",
            [event_ids[i : i + chunk]],
        )
        while rows := cursor.fetchmany(2048):  # a few rows of tuples at a time, not a whole chunk's
            out += [_mention(r) for r in rows]
    out.sort(key=lambda m: (m.event_id, m.doc_id, m.start))
    return out


def _mention(r: tuple) -> Mention:
    (
        event_id,
        doc_id,
        start,
        sentence,
        event_type,
        mode,
        s_id,
        s_name,
        s_text,
        s_country,
        s_sector,
        t_id,
        t_name,
        t_text,
        t_country,
        t_sector,
        day,
        precision,
        negated,
        hypothetical,
        quad_class,
        intensity,
        cameo,
        confidence,
        published,
        outlet,
    ) = r
    source = Side(s_id, s_name or s_text, fold_country(s_country), s_sector, s_country)
    target = None
    if t_text is not None or t_id is not None or t_country is not None:
        target = Side(t_id, t_name or t_text, fold_country(t_country), t_sector, t_country)
    return Mention(
        event_id=event_id,
        doc_id=doc_id,
        start=start or 0,
        sentence=sentence or "",
        event_type=event_type,
        mode=mode,
        source=source,
        target=target,
        date=day,
        precision=precision,
        negated=bool(negated),
        hypothetical=bool(hypothetical),
        quad_class=quad_class,
        intensity=intensity,
        cameo_code=cameo,
        confidence=confidence or 0.0,
        published=published,
        outlet=outlet,
    )


def _block_keys(m: Mention, config: FusionConfig) -> list[tuple]:
    interval = m.interval(config)
    if interval is None:
        return []
    return [(family(m.event_type, m.hypothetical), c, interval[0], interval[1]) for c in (m.countries() or ["?"])]


def _previous_components(con, new_ids: list[str]) -> set[str]:
    """The components that changed or re-inserted mentions were in."""
    rows = con.execute(
        "SELECT DISTINCT component_id FROM fused_mentions WHERE event_id IN (SELECT unnest(?))", [new_ids]
    ).fetchall()
    return {r[0] for r in rows}


def _linked_components(con, new_mentions: list[Mention], keys: list[tuple], vectors, config: FusionConfig) -> set[str]:
    """Components of stored mentions that a new mention links to, as `link` would link them.

    Only these are fused again: a stored component that no new mention links to keeps its groups
    (the links among stored mentions have not changed). The stored candidates, those that share a
    blocking key with a new mention, grow with the store's density; they are read a chunk at a
    time and only the ids of the linked ones are kept.
    """
    new_by_id = {m.event_id: m for m in new_mentions}
    by_old: dict[str, list[str]] = {}
    for new_id, old_id in _stored_candidates(con, keys, config):
        if old_id not in new_by_id:  # changed mentions are new ones
            by_old.setdefault(old_id, []).append(new_id)
    old_ids, linked = sorted(by_old), []
    for i in range(0, len(old_ids), LINK_CHUNK):
        compatible_pairs = []
        for old in _load_mentions(con, old_ids[i : i + LINK_CHUNK]):
            for new_id in by_old[old.event_id]:
                a, b = sorted((new_by_id[new_id], old), key=lambda m: m.event_id)  # as `link` orders them
                if compatible(a, b, config):
                    compatible_pairs.append((a, b, old.event_id))
        if not compatible_pairs:
            continue
        found = vectors(list({m.event_id: m for a, b, _ in compatible_pairs for m in (a, b)}.values()))
        linked += [
            old_id
            for a, b, old_id in compatible_pairs
            if float(np.dot(found[a.event_id], found[b.event_id])) >= threshold_for(a, b, config)
        ]
    if not linked:
        return set()
    rows = con.execute(
        "SELECT DISTINCT component_id FROM fused_mentions WHERE event_id IN (SELECT unnest(?))", [sorted(set(linked))]
    ).fetchall()
    return {r[0] for r in rows}


def _stored_candidates(con, keys: list[tuple], config: FusionConfig) -> Iterator[tuple[str, str]]:
    """(new event id, stored event id) pairs that share a blocking key: a type family, a country and
    dates within reach (what `candidate_pairs` compares)."""
    if not keys:
        return
    slack = timedelta(days=config.day_window)
    table = pa.table(
        {
            "event_id": pa.array([k[0] for k in keys], pa.string()),
            "family": pa.array([k[1] for k in keys], pa.string()),
            "country": pa.array([k[2] for k in keys], pa.string()),
            "lo": pa.array([k[3] - slack for k in keys], pa.date32()),
            "hi": pa.array([k[4] + slack for k in keys], pa.date32()),
        }
    )
    con.register("fusion_new_keys", table)
    try:
        cursor = con.execute(
            """
            SELECT DISTINCT k.event_id, m.event_id
            FROM (SELECT event_id, family, unnest(countries) AS country, lo, hi FROM fused_mentions
                  WHERE lo IS NOT NULL) m
            JOIN fusion_new_keys k ON m.family = k.family AND m.country = k.country
            WHERE m.lo <= k.hi AND k.lo <= m.hi
            """
        )
        while rows := cursor.fetchmany(10_000):
            yield from rows
    finally:
        con.unregister("fusion_new_keys")


def _component_members(con, components: set[str]) -> list[str]:
    if not components:
        return []
    rows = con.execute(
        "SELECT m.event_id FROM fused_mentions m SEMI JOIN events e ON e.event_id = m.event_id "
        "WHERE m.component_id IN (SELECT unnest(?))",
        [sorted(components)],
    ).fetchall()
    return [r[0] for r in rows]


def _sentence_hash(sentence: str) -> str:
    return hashlib.sha1(sentence.encode()).hexdigest()


def _vectors(con, mentions: list[Mention]) -> tuple[dict[str, np.ndarray], int]:
    """Embeddings from the cache; the missing ones are embedded (each sentence once) and cached.

    Vectors go between DuckDB and numpy as Arrow arrays: as Python floats (384 objects per
    mention) they fragmented Python's arenas, and the RSS stayed up after every fusion."""
    wanted = {m.event_id: _sentence_hash(m.sentence) for m in mentions}
    vectors: dict[str, np.ndarray] = {}
    ids = list(wanted)
    for i in range(0, len(ids), 20_000):
        table = con.sql(
            "SELECT event_id, sentence_hash, vector FROM fusion_embeddings WHERE event_id IN (SELECT unnest(?))",
            params=[ids[i : i + 20_000]],
        ).to_arrow_table()
        rows = _matrix(table.column("vector"))
        for k, (event_id, digest) in enumerate(
            zip(table.column("event_id").to_pylist(), table.column("sentence_hash").to_pylist(), strict=True)
        ):
            if wanted.get(event_id) == digest:
                vectors[event_id] = rows[k]
    missing = [m for m in mentions if m.event_id not in vectors]
    if not missing:
        return vectors, 0
    from dyadwatch.embeddings import embed

    sentences = sorted({m.sentence for m in missing})
    embedded = np.asarray(embed(sentences), dtype=np.float32).reshape(len(sentences), DIM)
    row_of = {sentence: k for k, sentence in enumerate(sentences)}
    picked = [row_of[m.sentence] for m in missing]
    for m, k in zip(missing, picked, strict=True):
        vectors[m.event_id] = embedded[k]
    flat = pa.array(np.ascontiguousarray(embedded[picked]).reshape(-1), pa.float32())
    table = pa.table(
        {
            "event_id": pa.array([m.event_id for m in missing], pa.string()),
            "sentence_hash": pa.array([wanted[m.event_id] for m in missing], pa.string()),
            "vector": pa.FixedSizeListArray.from_arrays(flat, DIM),
        }
    )
    con.register("fusion_new_vectors", table)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM fusion_embeddings WHERE event_id IN (SELECT event_id FROM fusion_new_vectors)")
        con.execute("INSERT INTO fusion_embeddings SELECT * FROM fusion_new_vectors")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("fusion_new_vectors")
    return vectors, len(sentences)


def _matrix(column: pa.ChunkedArray) -> np.ndarray:
    """A column of FLOAT[384] as one (rows, 384) float32 array, without a Python object per value."""
    if not len(column):
        return np.zeros((0, DIM), dtype=np.float32)
    values = column.combine_chunks().flatten().to_numpy(zero_copy_only=False)
    return values.astype(np.float32, copy=False).reshape(len(column), DIM)


# -- writing ------------------------------------------------------------------------------------


def _write(
    con, groups, components: set[str], gone: list[str], new_ids: list[str], fingerprints: dict, config: FusionConfig
) -> None:
    events = [summarize(g) for g in groups]
    fused_rows = [_fused_row(e) for e in events]
    mention_rows = []
    for g in groups:
        for m in g.mentions:
            interval = m.interval(config)
            mention_rows.append(
                {
                    "event_id": m.event_id,
                    "fused_id": g.fused_id,
                    "component_id": g.component_id,
                    "doc_id": m.doc_id,
                    "family": family(m.event_type, m.hypothetical),
                    "countries": m.countries() or ["?"],
                    "lo": interval[0] if interval else None,
                    "hi": interval[1] if interval else None,
                    "fingerprint": fingerprints.get(m.event_id),
                }
            )
    tables = {
        "fusion_batch_events": pa.Table.from_pylist(fused_rows, schema=FUSED_ARROW),
        "fusion_batch_mentions": pa.Table.from_pylist(mention_rows, schema=MENTION_ARROW),
        "fusion_batch_components": pa.table({"id": pa.array(sorted(components), pa.string())}),
        "fusion_batch_drop": pa.table({"id": pa.array(sorted(set(gone) | set(new_ids)), pa.string())}),
    }
    for name, table in tables.items():
        con.register(name, table)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "DELETE FROM fused_events WHERE fused_id IN (SELECT fused_id FROM fused_mentions "
            "WHERE component_id IN (SELECT id FROM fusion_batch_components) "
            "OR event_id IN (SELECT id FROM fusion_batch_drop))"
        )
        con.execute(
            "DELETE FROM fused_mentions WHERE component_id IN (SELECT id FROM fusion_batch_components) "
            "OR event_id IN (SELECT id FROM fusion_batch_drop)"
        )
        con.execute(
            "DELETE FROM fusion_embeddings WHERE event_id IN (SELECT id FROM fusion_batch_drop) "
            "AND event_id NOT IN (SELECT event_id FROM events)"
        )
        con.execute("INSERT INTO fused_events SELECT * FROM fusion_batch_events")
        con.execute("INSERT INTO fused_mentions SELECT * FROM fusion_batch_mentions")
        con.execute(
            "UPDATE events SET fused_id = m.fused_id FROM fusion_batch_mentions m "
            "WHERE events.event_id = m.event_id AND events.fused_id IS DISTINCT FROM m.fused_id"
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in tables:
            con.unregister(name)


def _fused_row(e: dict) -> dict:
    from datetime import date

    row = {
        k: e[k]
        for k in (
            "fused_id",
            "component_id",
            "event_type",
            "mode",
            "date_precision",
            "negated",
            "hypothetical",
            "quad_class",
            "intensity",
            "cameo_code",
            "confidence",
            "n_mentions",
            "n_documents",
            "n_outlets",
            "outlets",
            "first_doc_id",
            "sentence",
            "flagged",
            "mentions",
        )
    }
    for side in ("source", "target"):
        actor = e[side] or {}
        for col in ("actor_id", "name", "country", "sector"):
            row[f"{side}_{col}"] = actor.get(col)
    for col in ("date", "first_report", "last_report"):
        row[col] = date.fromisoformat(e[col]) if e[col] else None
    row["conflicts"] = json.dumps(e["conflicts"], ensure_ascii=False) if e["conflicts"] else None
    return row


# -- queries and exports ------------------------------------------------------------------------


@dataclass
class FusedFilter:
    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    min_outlets: int | None = None
    flagged: bool = False
    include_hypothetical: bool = True


def _fused_where(f: FusedFilter) -> tuple[str, list]:
    dyad = tuple(x.upper() if ":" not in x else x for x in f.dyad) if f.dyad else None
    clauses, params = filter_clauses(dyad, f.event_type, f.since, f.until, f.min_confidence)
    if f.min_outlets:
        clauses.append("n_outlets >= ?")
        params.append(f.min_outlets)
    if f.flagged:
        clauses.append("flagged")
    if not f.include_hypothetical:
        clauses.append("NOT hypothetical")
    return where_sql(clauses), params


def fused_rows(con, filters: FusedFilter | None = None, limit: int | None = None) -> list[dict]:
    """Fused events, most corroborated first within each date."""
    where, params = _fused_where(filters or FusedFilter())
    sql = f"SELECT * FROM fused_events {where} ORDER BY date NULLS LAST, n_outlets DESC, fused_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cursor = con.execute(sql, params)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, r, strict=True)) for r in cursor.fetchall()]


def iter_fused(con, filters: FusedFilter | None = None, chunk: int = 5000) -> Iterator[dict]:
    """Fused events as export records (nested actors, conflicts as a list, mentions with their documents)."""
    where, params = _fused_where(filters or FusedFilter())
    cursor = con.execute(f"SELECT * FROM fused_events {where} ORDER BY date NULLS LAST, fused_id", params)
    columns = [c[0] for c in cursor.description]
    while rows := cursor.fetchmany(chunk):
        for row in rows:
            yield fused_record(dict(zip(columns, row, strict=True)))


def fused_record(row: dict) -> dict:
    def actor(side: str) -> dict | None:
        values = {c: row[f"{side}_{c}"] for c in ("actor_id", "name", "country", "sector")}
        return values if any(v is not None for v in values.values()) else None

    def iso(value):
        return value.isoformat() if value else None

    return {
        "fused_id": row["fused_id"],
        "event_type": row["event_type"],
        "mode": row["mode"],
        "source": actor("source"),
        "target": actor("target"),
        "date": iso(row["date"]),
        "date_precision": row["date_precision"],
        "negated": row["negated"],
        "hypothetical": row["hypothetical"],
        "quad_class": row["quad_class"],
        "intensity": row["intensity"],
        "cameo_code": row["cameo_code"],
        "confidence": row["confidence"],
        "n_mentions": row["n_mentions"],
        "n_documents": row["n_documents"],
        "n_outlets": row["n_outlets"],
        "outlets": list(row["outlets"] or []),
        "first_report": iso(row["first_report"]),
        "last_report": iso(row["last_report"]),
        "first_doc_id": row["first_doc_id"],
        "sentence": row["sentence"],
        "flagged": row["flagged"],
        "conflicts": json.loads(row["conflicts"]) if row["conflicts"] else [],
        "mentions": list(row["mentions"] or []),
    }


_ACTOR = pa.struct([(c, pa.string()) for c in ("actor_id", "name", "country", "sector")])
FUSED_RECORD_SCHEMA = pa.schema(
    [
        ("fused_id", pa.string()),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("source", _ACTOR),
        ("target", _ACTOR),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("quad_class", pa.int32()),
        ("intensity", pa.float64()),
        ("cameo_code", pa.string()),
        ("confidence", pa.float64()),
        ("n_mentions", pa.int32()),
        ("n_documents", pa.int32()),
        ("n_outlets", pa.int32()),
        ("outlets", pa.list_(pa.string())),
        ("first_report", pa.string()),
        ("last_report", pa.string()),
        ("first_doc_id", pa.string()),
        ("sentence", pa.string()),
        ("flagged", pa.bool_()),
        ("conflicts", pa.string()),
        ("mentions", pa.list_(pa.string())),
    ]
)


def flat_fused(records: Iterable[dict]) -> Iterator[dict]:
    """Export records -> flat rows for CSV (source_country, ...; lists joined by ';', conflicts as JSON)."""
    for record in records:
        flat = {}
        for key, value in record.items():
            if key in ("source", "target"):
                for col in ("actor_id", "name", "country", "sector"):
                    flat[f"{key}_{col}"] = value.get(col) if value else None
            elif key == "conflicts":
                flat[key] = json.dumps(value, ensure_ascii=False) if value else ""
            elif isinstance(value, list):
                flat[key] = ";".join(value)
            else:
                flat[key] = value
        yield flat


def write_fused(records: Iterable[dict], fmt: str, out: str | None) -> int:
    """Write fused-event records as JSONL, CSV or Parquet (Parquet needs a file; conflicts as a JSON string)."""
    from dyadwatch.store.export import write_rows

    if fmt == "parquet":
        records = (_conflicts_as_json(record) for record in records)
    return write_rows(records, fmt, out, FUSED_RECORD_SCHEMA, flat_fused)


def _conflicts_as_json(record: dict) -> dict:
    conflicts = record["conflicts"]
    record["conflicts"] = json.dumps(conflicts, ensure_ascii=False) if conflicts else None
    return record
