"""DuckDB store. One file, two tables (documents, events), batches written in transactions.

Writing a batch first deletes every row of the batch's document ids, so re-ingesting a
document replaces it and a re-run after a crash never leaves duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from dyadwatch.records import Document, Event

DEFAULT_DB = "dyadwatch.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    published DATE,
    text VARCHAR,
    source VARCHAR,
    content_hash VARCHAR,
    notes VARCHAR[],
    n_events INTEGER,
    ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER,
    source_text VARCHAR,
    source_actor_id VARCHAR,
    source_name VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    event_type VARCHAR,
    mode VARCHAR,
    context VARCHAR[],
    target_text VARCHAR,
    target_actor_id VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    date DATE,
    date_precision VARCHAR,
    negated BOOLEAN,
    hypothetical BOOLEAN,
    quad_class INTEGER,
    intensity DOUBLE,
    cameo_code VARCHAR,
    confidence DOUBLE,
    trigger VARCHAR,
    fused_id VARCHAR
);
"""

DOC_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("text", pa.string()),
        ("source", pa.string()),
        ("content_hash", pa.string()),
        ("notes", pa.list_(pa.string())),
        ("n_events", pa.int32()),
        ("ingested_at", pa.timestamp("us")),
    ]
)
_ACTOR_COLS = ("text", "actor_id", "name", "country", "sector")
EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
    + [(f"source_{c}", pa.string()) for c in _ACTOR_COLS]
    + [("event_type", pa.string()), ("mode", pa.string()), ("context", pa.list_(pa.string()))]
    + [(f"target_{c}", pa.string()) for c in _ACTOR_COLS]
    + [
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("quad_class", pa.int32()),
        ("intensity", pa.float64()),
        ("cameo_code", pa.string()),
        ("confidence", pa.float64()),
        ("trigger", pa.string()),
        ("fused_id", pa.string()),
    ]
)


@dataclass
class EventFilter:
    """What `dyadwatch events` and exports can ask for."""

    dyad: tuple[str, str] | None = None
    event_type: str | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    doc_id: str | None = None


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"no database at {self.path} (run `dyadwatch ingest` first)")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def write_batch(self, results: Sequence[tuple[Document, list[Event]]]) -> None:
        """Store documents with their events, replacing any earlier version of the same ids."""
        if not results:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        docs = pa.Table.from_pylist([_doc_row(doc, len(events), now) for doc, events in results], schema=DOC_SCHEMA)
        events = pa.Table.from_pylist([_event_row(e) for _, evs in results for e in evs], schema=EVENT_SCHEMA)
        con = self.con
        con.register("batch_docs", docs)
        con.register("batch_events", events)
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT id FROM batch_docs)")
            con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM batch_docs)")
            con.execute("INSERT INTO documents SELECT * FROM batch_docs")
            con.execute("INSERT INTO events SELECT * FROM batch_events")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            con.unregister("batch_docs")
            con.unregister("batch_events")

    # -- reading ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        docs = self.con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        events = self.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        return {"documents": docs, "events": events}

    def events_by_type(self) -> list[tuple[str, int]]:
        return self.con.execute("SELECT event_type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1").fetchall()

    def busiest_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """Country pairs (either direction) with the most events, domestic pairs left out."""
        return self.con.execute(
            """
            SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
                   count(*) AS n
            FROM events
            WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
            GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?
            """,
            [limit],
        ).fetchall()

    def event_rows(self, filters: EventFilter, limit: int | None = None, offset: int = 0) -> list[dict]:
        where, params = _where(filters)
        sql = f"SELECT * FROM events {where} ORDER BY date, doc_id, start, event_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cursor = self.con.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def iter_events(self, filters: EventFilter | None = None, chunk: int = 5000) -> Iterator[dict]:
        """Events as DESIGN.md records, streamed in chunks."""
        where, params = _where(filters or EventFilter())
        cursor = self.con.execute(f"SELECT * FROM events {where} ORDER BY doc_id, start, event_id", params)
        columns = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield event_record(dict(zip(columns, row, strict=True)))

    def iter_documents(self, chunk: int = 1000) -> Iterator[dict]:
        cursor = self.con.execute(
            "SELECT id, url, title, outlet, strftime(published, '%Y-%m-%d') AS published, text FROM documents ORDER BY id"
        )
        columns = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield dict(zip(columns, row, strict=True))


def _where(filters: EventFilter) -> tuple[str, list]:
    clauses, params = [], []
    if filters.dyad:
        a, b = filters.dyad
        clauses.append(
            "((? IN (source_country, source_actor_id) AND ? IN (target_country, target_actor_id)) OR "
            "(? IN (source_country, source_actor_id) AND ? IN (target_country, target_actor_id)))"
        )
        params += [a, b, b, a]
    if filters.event_type:
        clauses.append("event_type = ?")
        params.append(filters.event_type.upper())
    if filters.since:
        clauses.append("date >= CAST(? AS DATE)")
        params.append(filters.since)
    if filters.until:
        clauses.append("date <= CAST(? AS DATE)")
        params.append(filters.until)
    if filters.min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(filters.min_confidence)
    if filters.doc_id:
        clauses.append("doc_id = ?")
        params.append(filters.doc_id)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _doc_row(doc: Document, n_events: int, now: datetime) -> dict:
    return {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": _date(doc.published),
        "text": doc.text,
        "source": doc.source,
        "content_hash": doc.content_hash,
        "notes": doc.notes,
        "n_events": n_events,
        "ingested_at": now,
    }


def _event_row(event: Event) -> dict:
    row = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "start": event.start,
        "end": event.end,
        "event_type": event.event_type,
        "mode": event.mode,
        "context": event.context,
        "date": _date(event.date),
        "date_precision": event.date_precision,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "cameo_code": event.cameo_code,
        "confidence": event.confidence,
        "trigger": event.trigger,
        "fused_id": event.fused_id,
    }
    for side in ("source", "target"):
        ref = getattr(event, side)
        for col in _ACTOR_COLS:
            row[f"{side}_{col}"] = getattr(ref, col) if ref is not None else None
    return row


def _date(value: str | None):
    from datetime import date

    return date.fromisoformat(value) if value else None


def event_record(row: dict) -> dict:
    """A flat events row -> the nested event record of DESIGN.md."""

    def actor(side: str) -> dict | None:
        if row.get(f"{side}_text") is None and row.get(f"{side}_actor_id") is None:
            return None
        return {c: row[f"{side}_{c}"] for c in _ACTOR_COLS}

    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "sentence": row["sentence"],
        "start": row["start"],
        "end": row["end"],
        "source": actor("source"),
        "event_type": row["event_type"],
        "mode": row["mode"],
        "context": list(row["context"] or []),
        "target": actor("target"),
        "date": row["date"].isoformat() if row["date"] else None,
        "date_precision": row["date_precision"],
        "negated": row["negated"],
        "hypothetical": row["hypothetical"],
        "quad_class": row["quad_class"],
        "intensity": row["intensity"],
        "cameo_code": row["cameo_code"],
        "confidence": row["confidence"],
        "fused_id": row["fused_id"],
    }


def event_record_from(event: Event) -> dict:
    return event_record(_event_row(event))


def flatten(records: Iterable[dict]) -> Iterator[dict]:
    """Nested event records -> flat rows for CSV (source_country, target_name, ...)."""
    for record in records:
        flat = {}
        for key, value in record.items():
            if key in ("source", "target"):
                for col in _ACTOR_COLS:
                    flat[f"{key}_{col}"] = value.get(col) if value else None
            elif isinstance(value, list):
                flat[key] = ";".join(value)
            else:
                flat[key] = value
        yield flat
