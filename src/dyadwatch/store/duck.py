"""DuckDB store. One file: documents, events and document_sources; batches written in transactions.

Writing a batch first deletes every row of the batch's document ids, so re-ingesting a
document replaces it and a re-run after a crash never leaves duplicates.

`documents` also holds each document's `language` (only English is coded), its story
`cluster_id` (the id of the cluster's canonical document; its own id when it has no
near-duplicate) and its MinHash signature. `document_sources` records every input a
document was read from: its own, and those of its exact duplicates, which are not stored
as documents of their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from dyadwatch.claims.store import ensure_claims_table, write_batch_claims
from dyadwatch.records import Claim, Document, Event
from dyadwatch.store.actors import ensure_actors_table, record_new_actors

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
ALTER TABLE documents ADD COLUMN IF NOT EXISTS language VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS cluster_id VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS minhash BLOB;
CREATE TABLE IF NOT EXISTS document_sources (
    doc_id VARCHAR NOT NULL,      -- the stored document
    source_id VARCHAR NOT NULL,   -- the id this input carries (file path, JSONL id, URL)
    source VARCHAR,               -- where it was read (file, file:line, feed#item)
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    published DATE,
    content_hash VARCHAR
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
        ("language", pa.string()),
        ("cluster_id", pa.string()),
        ("minhash", pa.binary()),
    ]
)
SOURCE_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("source_id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("content_hash", pa.string()),
    ]
)


@dataclass
class DocExtras:
    """What the ingest knows about a document beyond the record itself."""

    language: str | None = None
    cluster_id: str | None = None
    minhash: bytes | None = None


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


# Physical order of the events table after `Store.sort_events`: a country pair's events sit
# together (both directions in two runs), dated in order.
SORT_KEY = "source_country, target_country, date, doc_id, start"
SORT_MIN_ROWS = 200_000
SORT_FRACTION = 0.10
SAMPLE_STEP = 2048
PERIODS = ("day", "week", "month", "quarter", "year")


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
        self.read_only = read_only
        self.con = duckdb.connect(self.path, read_only=read_only)
        self._claim_writer = None  # keys and holds claims until their documents are written (write_claims)
        try:
            if not read_only:
                self.con.execute(SCHEMA)
                ensure_actors_table(self.con)  # actors found in context (store/actors.py)
                ensure_claims_table(self.con)  # the claims ledger (claims/store.py)
            elif self._has_table("documents"):
                self._older_schema_views()
        except BaseException:
            self.con.close()  # a file that is no store of ours must not stay locked by a half-made Store
            raise

    def _has_table(self, name: str) -> bool:
        query = "SELECT count(*) FROM information_schema.tables WHERE table_name = ?"
        return bool(self.con.execute(query, [name]).fetchone()[0])

    def _older_schema_views(self) -> None:
        """A database written before documents had languages, clusters and sources, opened read-only
        (so it cannot be upgraded): temporary views give it the missing columns and tables, empty."""
        columns = {
            r[0]
            for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents'"
            ).fetchall()
        }
        missing = [c for c in ("language", "cluster_id", "minhash") if c not in columns]
        catalog = self.con.execute("SELECT current_database()").fetchone()[0]
        if missing:
            extra = ", ".join(f"NULL::{'BLOB' if c == 'minhash' else 'VARCHAR'} AS {c}" for c in missing)
            self.con.execute(f'CREATE TEMP VIEW documents AS SELECT *, {extra} FROM "{catalog}".main.documents')
        if not self._has_table("document_sources"):
            self.con.execute(
                SCHEMA[
                    SCHEMA.index("CREATE TABLE IF NOT EXISTS document_sources") : SCHEMA.index(
                        "CREATE TABLE IF NOT EXISTS events"
                    )
                ].replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE")
            )

    def close(self) -> None:
        self.con.close()

    def reopen(self) -> None:
        """Close the connection and open the file again (settings made on the connection are lost).

        For long writers (the ingest, after each fusion): a fusion's queries leave memory with DuckDB's
        allocator, outside DuckDB's own count, that stays with the process until the database is closed
        (benchmarks/README.md, "Fifth round"). Call between transactions only."""
        assert not self.read_only, "only the ingest, a writer, needs this"
        self.con.close()
        self.con = duckdb.connect(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        try:
            if exc_type is None and not self.read_only:
                self.sort_events(force=False)
        finally:
            self.close()

    # -- writing ----------------------------------------------------------------------------
    def write_batch(
        self,
        results: Sequence[tuple[Document, list[Event]]],
        extras: Mapping[str, DocExtras] | None = None,
        duplicates: Sequence[tuple[str, Document]] = (),
        cluster_updates: Mapping[str, str] | None = None,
        drop_ids: Iterable[str] = (),
    ) -> None:
        """Store documents with their events, replacing any earlier version of the same ids; one transaction.

        extras: language, cluster id and signature per document id.
        duplicates: (stored document id, input with the same text): recorded as sources only.
        cluster_updates: new cluster ids for documents stored earlier.
        drop_ids: stored documents to remove (their input is now an exact duplicate of another).
        """
        extras = extras or {}
        cluster_updates = cluster_updates or {}
        drop_ids = sorted(set(drop_ids))
        if not (results or duplicates or cluster_updates or drop_ids):
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        docs = pa.Table.from_pylist(
            [_doc_row(doc, len(events), now, extras.get(doc.id)) for doc, events in results], schema=DOC_SCHEMA
        )
        events = pa.Table.from_pylist([_event_row(e) for _, evs in results for e in evs], schema=EVENT_SCHEMA)
        sources = pa.Table.from_pylist(
            [_source_row(doc.id, doc) for doc, _ in results] + [_source_row(kept, dup) for kept, dup in duplicates],
            schema=SOURCE_SCHEMA,
        )
        removed = pa.table({"id": pa.array([d.id for d, _ in results] + drop_ids, pa.string())})
        updates = pa.table(
            {
                "id": pa.array(list(cluster_updates), pa.string()),
                "cluster_id": pa.array(list(cluster_updates.values()), pa.string()),
            }
        )
        con = self.con
        tables = {
            "batch_docs": docs,
            "batch_events": events,
            "batch_sources": sources,
            "batch_removed": removed,
            "batch_clusters": updates,
        }
        for name, table in tables.items():
            con.register(name, table)
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT id FROM batch_removed)")
            con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM batch_removed)")
            con.execute("INSERT INTO documents BY NAME SELECT * FROM batch_docs")
            con.execute("INSERT INTO events SELECT * FROM batch_events")
            # Sources: an input is recorded once (its latest reading); rows that pointed at the old
            # text of a replaced document, or at a removed one, go.
            con.execute("DELETE FROM document_sources WHERE source_id IN (SELECT source_id FROM batch_sources)")
            con.execute(
                "DELETE FROM document_sources s USING batch_docs d "
                "WHERE s.doc_id = d.id AND s.content_hash IS DISTINCT FROM d.content_hash"
            )
            if drop_ids:
                con.execute("DELETE FROM document_sources WHERE doc_id IN (SELECT id FROM batch_removed)")
            con.execute("INSERT INTO document_sources SELECT * FROM batch_sources")
            if cluster_updates:
                con.execute(
                    "UPDATE documents SET cluster_id = u.cluster_id FROM batch_clusters u WHERE documents.id = u.id"
                )
            record_new_actors(con, results)
            write_batch_claims(con, self._claim_writer, [d.id for d, _ in results], drop_ids)  # claims/store.py
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            for name in tables:
                con.unregister(name)

    # -- what is stored already (resume, duplicates) ---------------------------------------
    def stored_versions(self, ids: Iterable[str], hashes: Iterable[str]) -> tuple[dict[str, str], dict[str, str]]:
        """For the given ids and content hashes: the stored hash of each stored id, and the stored id of each hash."""
        ids, hashes = list(ids), list(hashes)
        rows = self.con.execute(
            "SELECT id, content_hash FROM documents "
            "WHERE id IN (SELECT unnest(?)) OR content_hash IN (SELECT unnest(?)) ORDER BY id",
            [ids, hashes],
        ).fetchall()
        wanted_ids, wanted_hashes = set(ids), set(hashes)
        by_id = {i: h for i, h in rows if i in wanted_ids}
        by_hash: dict[str, str] = {}
        for i, h in rows:
            if h in wanted_hashes:
                by_hash.setdefault(h, i)
        return by_id, by_hash

    def iter_signatures(self, chunk: int = 10_000) -> Iterator[tuple[str, str | None, str | None, bytes]]:
        """(id, published, cluster_id, MinHash signature) of every document that has a signature."""
        cursor = self.con.execute(
            "SELECT id, strftime(published, '%Y-%m-%d'), cluster_id, minhash FROM documents "
            "WHERE minhash IS NOT NULL ORDER BY id"
        )
        while rows := cursor.fetchmany(chunk):
            yield from rows

    # -- documents and duplicates -----------------------------------------------------------
    def document_counts(self) -> dict[str, int]:
        row = self.con.execute(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE language IS NOT NULL AND language <> 'en'),
                   count(DISTINCT cluster_id) FILTER (WHERE cluster_id <> id),
                   count(*) FILTER (WHERE cluster_id IN (SELECT cluster_id FROM documents WHERE cluster_id <> id))
            FROM documents
            """
        ).fetchone()
        sources, extra = self.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE source_id <> doc_id) FROM document_sources"
        ).fetchone()
        return {
            "documents": row[0],
            "not_english": row[1],
            "clusters": row[2],
            "clustered_documents": row[3],
            "sources": sources,
            "exact_duplicates": extra,
        }

    def document_rows(self, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Documents with their language, events, number of sources and cluster, by date then id."""
        sql = """
            SELECT d.id, d.published, d.outlet, d.title, d.language, d.n_events, d.cluster_id, d.source,
                   (SELECT count(*) FROM document_sources s WHERE s.doc_id = d.id) AS n_sources,
                   (SELECT count(*) FROM documents c WHERE c.cluster_id = d.cluster_id) AS cluster_size
            FROM documents d ORDER BY d.published NULLS LAST, d.id
        """
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cursor = self.con.execute(sql)
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def clusters(self, limit: int | None = None) -> list[dict]:
        """Story clusters of two or more documents, largest first: the canonical document and its members."""
        sql = """
            SELECT cluster_id, count(*) AS size FROM documents WHERE cluster_id IS NOT NULL
            GROUP BY 1 HAVING count(*) > 1 ORDER BY size DESC, cluster_id
        """
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        out = []
        for cluster_id, size in self.con.execute(sql).fetchall():
            members = self.con.execute(
                "SELECT id, published, outlet, title, n_events FROM documents WHERE cluster_id = ? "
                "ORDER BY id = cluster_id DESC, published NULLS LAST, id",
                [cluster_id],
            ).fetchall()
            out.append(
                {
                    "cluster_id": cluster_id,
                    "size": size,
                    "members": [
                        dict(zip(("id", "published", "outlet", "title", "n_events"), m, strict=True)) for m in members
                    ],
                }
            )
        return out

    def exact_duplicates(self, limit: int | None = None) -> list[dict]:
        """Documents read from more than one input, with every source."""
        sql = """
            SELECT doc_id, count(*) AS n FROM document_sources GROUP BY 1 HAVING count(*) > 1 ORDER BY n DESC, doc_id
        """
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        out = []
        for doc_id, n in self.con.execute(sql).fetchall():
            rows = self.con.execute(
                "SELECT source_id, source, outlet, published, url FROM document_sources WHERE doc_id = ? "
                "ORDER BY source_id = doc_id DESC, source_id",
                [doc_id],
            ).fetchall()
            out.append(
                {
                    "doc_id": doc_id,
                    "count": n,
                    "sources": [
                        dict(zip(("source_id", "source", "outlet", "published", "url"), r, strict=True)) for r in rows
                    ],
                }
            )
        return out

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

    def dyad_series(self, filters: EventFilter, by: str = "month") -> list[dict]:
        """Events between the two actors of `filters.dyad` per period, acting side and quad class.

        Rows: `period` (first day of the day/week/month/quarter/year), `source` (which of the
        two acted: the first or the second code of the dyad), `quad_class`, `events` (count)
        and `intensity` (mean), ordered by period, source, quad class. The other filters
        (type, dates, confidence) apply as in `event_rows`.
        """
        if not filters.dyad:
            raise ValueError("dyad_series needs a dyad")
        if by not in PERIODS:
            raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
        a, b = filters.dyad
        where, params = _where(filters)
        acted, acted_params = _side_is(a, "source")
        cursor = self.con.execute(
            f"""
            SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, CASE WHEN {acted} THEN ? ELSE ? END AS source,
                   quad_class, count(*) AS events, avg(intensity) AS intensity
            FROM events {where}
            GROUP BY 1, 2, 3 ORDER BY period NULLS LAST, source = ? DESC, quad_class
            """,
            acted_params + [a, b] + params + [a],
        )
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    # -- layout -----------------------------------------------------------------------------
    def unsorted_events(self) -> int:
        """About how many events lie outside the sorted part of the table (see `sort_events`).

        Reads the source country of every SAMPLE_STEP-th row in storage order: the sorted part
        is the longest run from the start in SORT_KEY order; the rest was appended since.
        """
        total = self.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        if total == 0:
            return 0
        sample = self.con.execute(
            "SELECT source_country FROM events WHERE rowid % ? = 0 ORDER BY rowid", [SAMPLE_STEP]
        ).fetchall()
        in_order, previous = 0, (False, "")
        for (country,) in sample:
            key = (country is None, country or "")
            if key < previous:
                break
            previous = key
            in_order += 1
        return round(total * (len(sample) - in_order) / len(sample)) if sample else 0

    def sort_events(self, force: bool = True) -> int:
        """Rewrite the events table in SORT_KEY order, so that dyad and date filters skip most of it.

        DuckDB keeps min/max statistics for every row group of about 120,000 rows; in sort
        order, a country pair's events fill a few row groups and a query for the pair reads
        only those. Rows written later are appended in arrival order (a document replaced
        by a re-ingest too) and are read in full until the next sort. With force=False, what
        closing a written store does, the table is sorted only when at least SORT_MIN_ROWS
        rows and SORT_FRACTION of it lie outside the sorted part. Returns the number of rows
        sorted (0: nothing done).
        """
        con = self.con
        if not force:
            total = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            unsorted = self.unsorted_events() if total >= SORT_MIN_ROWS else 0
            if unsorted < SORT_MIN_ROWS or unsorted < SORT_FRACTION * total:
                return 0
        where = "table_name = 'events' AND schema_name = current_schema() AND database_name = current_database()"
        ddl = con.execute(f"SELECT sql FROM duckdb_tables() WHERE {where}").fetchall()[0][0]
        indexes = [r[0] for r in con.execute(f"SELECT sql FROM duckdb_indexes() WHERE {where}").fetchall() if r[0]]
        if not ddl.startswith("CREATE TABLE events("):
            raise RuntimeError(f"unexpected definition of the events table: {ddl[:60]}")
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("DROP TABLE IF EXISTS events__sorted")
            con.execute(ddl.replace("CREATE TABLE events(", "CREATE TABLE events__sorted(", 1))
            con.execute(f"INSERT INTO events__sorted SELECT * FROM events ORDER BY {SORT_KEY}")
            total = con.execute("SELECT count(*) FROM events__sorted").fetchall()[0][0]
            con.execute("DROP TABLE events")
            con.execute("ALTER TABLE events__sorted RENAME TO events")
            for index in indexes:
                con.execute(index)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        con.execute("CHECKPOINT")
        return total

    def iter_events(self, filters: EventFilter | None = None, chunk: int = 5000) -> Iterator[dict]:
        """Events as DESIGN.md records, streamed in chunks."""
        where, params = _where(filters or EventFilter())
        cursor = self.con.execute(f"SELECT * FROM events {where} ORDER BY doc_id, start, event_id", params)
        columns = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield event_record(dict(zip(columns, row, strict=True)))

    # -- claims (dyadwatch.claims.store) ---------------------------------------------------
    def write_claims(self, doc_id: str, claims: Sequence[Claim], with_document: bool = True, vectors=None) -> None:
        """Store a document's claims, keyed against the stored claims and those of the documents before it.

        with_document: they are keyed and written with the document, by the `write_batch` that
        stores it (what `dyadwatch ingest` does, so that an interrupted run never leaves one
        without the other); False keys and writes them at once, replacing the stored ones.
        vectors: the claims' embeddings when already computed (by a worker process); else embedded here.
        """
        from dyadwatch.claims.store import ClaimWriter, write_document_claims

        if self._claim_writer is None:
            self._claim_writer = ClaimWriter(self.con, lambda: self.con)
        if with_document:
            self._claim_writer.add(doc_id, claims, vectors)
        else:
            write_document_claims(self.con, self._claim_writer, doc_id, claims, vectors)

    def iter_claims(self, chunk: int = 5000) -> Iterator[dict]:
        """Claims as DESIGN.md records (speaker nested), in document order."""
        from dyadwatch.claims.store import iter_claim_records

        yield from iter_claim_records(self.con, chunk)

    def claim_rows(self) -> list[dict]:
        """Every claim with its document's outlet and date, ordered by claim key (the ledger's input)."""
        from dyadwatch.claims.store import claim_rows

        return claim_rows(self.con)

    def iter_documents(self, chunk: int = 1000) -> Iterator[dict]:
        cursor = self.con.execute(
            "SELECT id, url, title, outlet, strftime(published, '%Y-%m-%d') AS published, text "
            "FROM documents ORDER BY id"
        )
        columns = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield dict(zip(columns, row, strict=True))


def _side_is(code: str, side: str, alias: str = "") -> tuple[str, list]:
    """`code` is the actor on `side` (source/target): an actor id has a colon ("person:asim-munir",
    "country:PAK") and is matched on the actor id; anything else is a country or IGO code."""
    column = f"{alias}{side}_actor_id" if ":" in code else f"{alias}{side}_country"
    return f"{column} = ?", [code]


def dyad_clause(a: str, b: str, alias: str = "") -> tuple[str, list]:
    """SQL for "events between a and b, in either direction", written so that DuckDB can push it
    into the scan and skip row groups (see `Store.sort_events`).

    a and b are country/IGO codes ("USA", "NATO") or actor ids ("person:asim-munir"); alias is
    a table alias with its dot ("e.") when the query joins. Two codes become
    `source_country IN (a, b) AND target_country IN (a, b) AND source_country <> target_country`.
    """
    prefix = alias
    if ":" not in a and ":" not in b:
        if a == b:
            return f"({prefix}source_country = ? AND {prefix}target_country = ?)", [a, a]
        return (
            f"({prefix}source_country IN (?, ?) AND {prefix}target_country IN (?, ?) "
            f"AND {prefix}source_country <> {prefix}target_country)",
            [a, b, a, b],
        )
    sa, pa_ = _side_is(a, "source", prefix)
    tb, pb = _side_is(b, "target", prefix)
    sb, pb2 = _side_is(b, "source", prefix)
    ta, pa2 = _side_is(a, "target", prefix)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", pa_ + pb + pb2 + pa2


def filter_clauses(
    dyad: tuple[str, str] | None,
    event_type: str | None,
    since: str | None,
    until: str | None,
    min_confidence: float | None,
) -> tuple[list[str], list]:
    """WHERE clauses (and their parameters) for the filters that event listings and fused-event
    listings share; each caller adds its own and joins them with AND."""
    clauses, params = [], []
    if dyad:
        sql, dyad_params = dyad_clause(*dyad)
        clauses.append(sql)
        params += dyad_params
    if event_type:
        clauses.append("event_type = ?")
        params.append(event_type.upper())
    if since:
        clauses.append("date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        clauses.append("date <= CAST(? AS DATE)")
        params.append(until)
    if min_confidence is not None:
        clauses.append("confidence >= ?")
        params.append(min_confidence)
    return clauses, params


def where_sql(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _where(filters: EventFilter) -> tuple[str, list]:
    clauses, params = filter_clauses(
        filters.dyad, filters.event_type, filters.since, filters.until, filters.min_confidence
    )
    if filters.doc_id:
        clauses.append("doc_id = ?")
        params.append(filters.doc_id)
    return where_sql(clauses), params


def _doc_row(doc: Document, n_events: int, now: datetime, extras: DocExtras | None = None) -> dict:
    extras = extras or DocExtras()
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
        "language": extras.language,
        "cluster_id": extras.cluster_id or doc.id,
        "minhash": extras.minhash,
    }


def _source_row(doc_id: str, doc: Document) -> dict:
    return {
        "doc_id": doc_id,
        "source_id": doc.id,
        "source": doc.source,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "published": _date(doc.published),
        "content_hash": doc.content_hash,
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
