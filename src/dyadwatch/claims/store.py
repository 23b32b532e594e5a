"""The `claims` table: one row per claim, its key, and the vectors that keyed it.

Claims are keyed as soon as their document is coded, against every claim stored and every
claim keyed before them in the run (`dyadwatch.claims.keys`), and written in the same
transaction as their document (`ClaimWriter`, called by `Store.write_batch`): a document's
earlier claims (a re-ingest, `--recode`) are replaced, and the claims of a document removed
(an input that turned out to duplicate another) go with it. Reads join the documents table.

The table's speaker columns are flat (`speaker_country`, `speaker_actor_id`, ...), like the
events table's source and target; `claim_record` turns a row into the nested record of
DESIGN.md.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Iterator, Sequence

import duckdb
import numpy as np
import pyarrow as pa

from dyadwatch.claims.keys import DIM, ClaimKeyer, Keyed, accusing_cue, anchors_of, shared_set
from dyadwatch.records import Claim

SPEAKER_COLS = ("text", "actor_id", "name", "country", "sector")

CLAIMS_SCHEMA = """
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER,
    speaker_text VARCHAR,
    speaker_actor_id VARCHAR,
    speaker_name VARCHAR,
    speaker_country VARCHAR,
    speaker_sector VARCHAR,
    content VARCHAR,
    content_start INTEGER,
    content_end INTEGER,
    stance VARCHAR,               -- assert | deny | admit | dispute
    claim_key VARCHAR,
    date DATE,                    -- when the statement was made
    date_precision VARCHAR,
    cue VARCHAR,
    negative BOOLEAN,
    about VARCHAR[],              -- countries the content names
    event_types VARCHAR[],        -- event types coded inside the content
    link VARCHAR,                 -- the claim it answers, in the same document
    answers VARCHAR,              -- the country whose claim it answers
    vector FLOAT[]                -- content and sentence embeddings, side by side (claim keys)
);
"""

CLAIM_TABLE_SCHEMA = pa.schema(
    [
        ("claim_id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
    + [(f"speaker_{c}", pa.string()) for c in SPEAKER_COLS]
    + [
        ("content", pa.string()),
        ("content_start", pa.int32()),
        ("content_end", pa.int32()),
        ("stance", pa.string()),
        ("claim_key", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("cue", pa.string()),
        ("negative", pa.bool_()),
        ("about", pa.list_(pa.string())),
        ("event_types", pa.list_(pa.string())),
        ("link", pa.string()),
        ("answers", pa.string()),
        ("vector", pa.list_(pa.float32())),
    ]
)


def ensure_claims_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(CLAIMS_SCHEMA)


def has_claims_table(con: duckdb.DuckDBPyConnection) -> bool:
    query = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'claims'"
    return bool(con.execute(query).fetchone()[0])


# -- writing ---------------------------------------------------------------------------------
def load_keyer(
    con: duckdb.DuckDBPyConnection, current: Callable[[], duckdb.DuckDBPyConnection] | None = None
) -> ClaimKeyer:
    """A key index holding every stored claim (of a stored document) with its vectors.

    The index holds the stored claims' content vectors in float16 and reads the float32 ones
    back from the store when they could decide a key (`ClaimKeyer`). current: the store's
    connection at the time of reading (a store can open its file again: `Store.reopen`)."""
    live = current or (lambda: con)
    keyer = ClaimKeyer(
        exact=lambda claim_ids: stored_content_vectors(live(), claim_ids),
        contents=lambda claim_ids: stored_contents(live(), claim_ids),
    )
    if not has_claims_table(con):
        return keyer
    with warnings.catch_warnings():  # "an extra copy of the rows": still far less than Python floats
        warnings.simplefilter("ignore", UserWarning)
        reader = con.execute(
            """
            SELECT c.claim_id, c.claim_key, c.doc_id, c.speaker_country, c.speaker_sector, c.stance, c.about,
                   c.event_types, c.answers, c.negative, c.start, c.content, c.date, c.cue, c.vector
            FROM claims c JOIN documents d ON d.id = c.doc_id
            WHERE c.vector IS NOT NULL
            ORDER BY c.doc_id, c.start, c.claim_id
            """
        ).to_arrow_reader(10_000)
    for batch in reader:  # vectors straight from Arrow: no Python float per value
        if not batch.num_rows:
            continue
        vectors = batch.column(14).flatten().to_numpy(zero_copy_only=False).astype(np.float32, copy=False)
        rows = zip(*(batch.column(i).to_pylist() for i in range(14)), strict=True)
        items = [
            Keyed(
                claim_id=r[0],
                claim_key=_one(r[1]),
                doc_id=_one(r[2]),
                speaker_country=_one(r[3]),
                speaker_sector=_one(r[4]),
                stance=_one(r[5]),
                about=shared_set(r[6] or ()),
                event_types=shared_set(r[7] or ()),
                answers=_one(r[8]),
                negative=bool(r[9]),
                start=r[10] or 0,
                anchors=anchors_of(r[11] or ""),
                day=r[12].toordinal() if r[12] else None,
                accuses=accusing_cue(r[13]),
            )
            for r in rows
        ]
        keyer.add(items, vectors.reshape(len(items), 2 * DIM))
        keyer.release()
    return keyer


def stored_content_vectors(con: duckdb.DuckDBPyConnection, claim_ids: Sequence[str]) -> np.ndarray:
    """The float32 content vectors of stored claims, one row per id, in the order given."""
    table = con.sql(
        f"SELECT claim_id, vector[1:{DIM}] AS content FROM claims WHERE claim_id IN (SELECT unnest(?))",
        params=[list(claim_ids)],
    ).to_arrow_table()
    values = table.column("content").combine_chunks().flatten().to_numpy(zero_copy_only=False)
    rows = values.astype(np.float32, copy=False).reshape(len(table), DIM)
    where = {claim_id: k for k, claim_id in enumerate(table.column("claim_id").to_pylist())}
    return rows[[where[claim_id] for claim_id in claim_ids]]


def stored_contents(con: duckdb.DuckDBPyConnection, claim_ids: Sequence[str]) -> list[str | None]:
    """The contents of stored claims, in the order given (None for an id not stored)."""
    rows = con.execute("SELECT claim_id, content FROM claims WHERE claim_id IN (SELECT unnest(?))", [list(claim_ids)])
    found = dict(rows.fetchall())
    return [found.get(claim_id) for claim_id in claim_ids]


def _one(text: str | None) -> str | None:
    """One string object per value: Arrow gives each row its own copy of a key, a document id, a country."""
    return sys.intern(text) if text else text


class ClaimWriter:
    """Keys claims and writes them with their documents.

    `add` holds a document's claims; `write`, inside the store's transaction for a batch of
    documents, embeds the claims of the whole batch at once, keys them document by document
    in the order they were added (each against everything keyed before it), and stores them.
    So a run killed at any point leaves each stored document with exactly its claims, and a
    re-run, which codes again only what was not stored, adds the rest.
    """

    def __init__(
        self, con: duckdb.DuckDBPyConnection, current: Callable[[], duckdb.DuckDBPyConnection] | None = None
    ) -> None:
        self.keyer = load_keyer(con, current)
        self.pending: dict[str, tuple[list[Claim], np.ndarray | None]] = {}

    def add(self, doc_id: str, claims: Sequence[Claim], vectors: np.ndarray | None = None) -> None:
        """Hold a document's claims until its batch is written; `vectors`, when given, are their embeddings."""
        self.pending.pop(doc_id, None)
        self.pending[doc_id] = (list(claims), vectors)  # insertion order is input order

    def write(self, con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], dropped: Sequence[str] = ()) -> None:
        """Inside the caller's transaction: the claims of these documents replace their stored ones."""
        self.keyer.remove_documents(list(dropped) + list(doc_ids))  # documents coded again: no neighbours
        wanted = set(doc_ids)
        batch = [(doc_id, *held) for doc_id, held in self.pending.items() if doc_id in wanted]
        missing = [c for _, claims, given in batch if given is None for c in claims]
        vectors = self.keyer.embed(missing)  # all at once: the documents whose vectors were not given
        parts, at = [], 0
        for doc_id, claims, given in batch:
            del self.pending[doc_id]
            if given is None:
                parts.append(vectors[at : at + len(claims)])
                at += len(claims)
            else:
                parts.append(np.asarray(given, dtype=np.float32).reshape(len(claims), 2 * DIM))
        tables, group = [], []
        for (_, claims, _), part in zip(batch, parts, strict=True):
            if not group:  # the next documents' cosines with the index, in one pass over it
                group = _group(parts, len(tables))
                cosines = self.keyer.content_cosines(np.vstack(group)) if sum(map(len, group)) else None
                at = 0
            chunk = None if cosines is None else cosines[at : at + len(claims)]
            at += len(claims)
            group.pop(0)
            part = self.keyer.assign(claims, part, chunk)  # an answer to nothing found is dropped
            tables.append(claim_table(claims, part))
        write_claim_rows(con, list(doc_ids) + list(dropped), tables)
        self.keyer.release()  # the store holds their float32 vectors now


COSINE_GROUP = 32  # claims whose cosines with the index are computed together (memory: 32 x index size)


def _group(parts: list[np.ndarray], start: int) -> list[np.ndarray]:
    """The vectors of the documents from `start` on, up to COSINE_GROUP claims (at least one document)."""
    group, n = [], 0
    for part in parts[start:]:
        if group and n + len(part) > COSINE_GROUP:
            break
        group.append(part)
        n += len(part)
    return group


def write_claim_rows(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], tables: Sequence[pa.Table]) -> None:
    """Delete the claims of `doc_ids` and insert the rows of `tables` (no transaction of its own)."""
    removed = pa.table({"id": pa.array(list(doc_ids), pa.string())})
    con.register("claims_removed", removed)
    try:
        con.execute("DELETE FROM claims WHERE doc_id IN (SELECT id FROM claims_removed)")
        rows = [table for table in tables if table.num_rows]
        if rows:  # one INSERT for the batch: one per document cost more than keying them
            con.register("batch_claims", pa.concat_tables(rows))
            try:
                con.execute("INSERT INTO claims BY NAME SELECT * FROM batch_claims")
            finally:
                con.unregister("batch_claims")
    finally:
        con.unregister("claims_removed")


def write_batch_claims(
    con: duckdb.DuckDBPyConnection, writer: ClaimWriter | None, doc_ids: Sequence[str], dropped: Sequence[str]
) -> None:
    """In `Store.write_batch`'s transaction: the batch's documents get their keyed claims (none when
    they were not coded: not English), and removed documents lose theirs."""
    if writer is not None:
        writer.write(con, doc_ids, dropped)
    elif doc_ids or dropped:
        write_claim_rows(con, list(doc_ids) + list(dropped), [])


def write_document_claims(
    con: duckdb.DuckDBPyConnection,
    writer: ClaimWriter,
    doc_id: str,
    claims: Sequence[Claim],
    vectors: np.ndarray | None = None,
) -> None:
    """Key and store one document's claims now, in a transaction of their own."""
    writer.add(doc_id, claims, vectors)
    con.execute("BEGIN TRANSACTION")
    try:
        writer.write(con, [doc_id])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def claim_table(claims: Sequence[Claim], vectors: np.ndarray) -> pa.Table:
    """The claims as rows of the claims table; the vectors go in as one Arrow array, not as Python floats."""
    table = pa.Table.from_pylist([_row(c) for c in claims], schema=CLAIM_TABLE_SCHEMA)
    flat = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1)
    width = flat.size // len(claims) if len(claims) else 0
    offsets = pa.array(np.arange(0, flat.size + 1, max(width, 1), dtype=np.int32)[: len(claims) + 1])
    column = pa.ListArray.from_arrays(offsets, pa.array(flat, pa.float32()))
    index = CLAIM_TABLE_SCHEMA.get_field_index("vector")
    return table.set_column(index, CLAIM_TABLE_SCHEMA.field("vector"), column)


def _row(claim: Claim, vector: np.ndarray | None = None) -> dict:
    from datetime import date

    row = {
        "claim_id": claim.claim_id,
        "doc_id": claim.doc_id,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "content": claim.content,
        "content_start": claim.content_start,
        "content_end": claim.content_end,
        "stance": claim.stance,
        "claim_key": claim.claim_key,
        "date": date.fromisoformat(claim.date) if claim.date else None,
        "date_precision": claim.date_precision,
        "cue": claim.cue,
        "negative": claim.negative,
        "about": list(claim.about),
        "event_types": list(claim.event_types),
        "link": claim.link,
        "answers": claim.answers,
        "vector": None if vector is None else [float(x) for x in vector],
    }
    for col in SPEAKER_COLS:
        row[f"speaker_{col}"] = getattr(claim.speaker, col)
    return row


# -- reading ---------------------------------------------------------------------------------
LEDGER_QUERY = """
    SELECT c.claim_id, c.claim_key, c.doc_id, c.sentence, c.start, c."end", c.speaker_text, c.speaker_actor_id,
           c.speaker_name, c.speaker_country, c.speaker_sector, c.content, c.stance, c.cue, c.about,
           strftime(c.date, '%Y-%m-%d') AS date, c.date_precision, c.link,
           d.outlet, strftime(d.published, '%Y-%m-%d') AS published, d.url, d.title
    FROM claims c JOIN documents d ON d.id = c.doc_id
    ORDER BY c.claim_key, c.date NULLS LAST, d.published NULLS LAST, c.doc_id, c.start, c.claim_id
"""


def claim_rows(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every stored claim with its document's outlet, date, URL and title (for the ledger)."""
    if not has_claims_table(con):
        return []
    cursor = con.execute(LEDGER_QUERY)
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def iter_claim_records(con: duckdb.DuckDBPyConnection, chunk: int = 5000) -> Iterator[dict]:
    """Claims as DESIGN.md records, streamed in document order."""
    if not has_claims_table(con):
        return
    cursor = con.execute(
        """
        SELECT c.* EXCLUDE (vector) FROM claims c JOIN documents d ON d.id = c.doc_id
        ORDER BY c.doc_id, c.start, c.claim_id
        """
    )
    columns = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(chunk):
        for row in rows:
            yield claim_record(dict(zip(columns, row, strict=True)))


def claim_record(row: dict) -> dict:
    """A flat claims row -> the nested claim record of DESIGN.md (plus the statement's date and cue)."""
    date = row.get("date")
    return {
        "claim_id": row["claim_id"],
        "doc_id": row["doc_id"],
        "sentence": row["sentence"],
        "start": row["start"],
        "end": row["end"],
        "speaker": {c: row.get(f"speaker_{c}") for c in SPEAKER_COLS},
        "content": row["content"],
        "stance": row["stance"],
        "claim_key": row["claim_key"],
        "date": date.isoformat() if hasattr(date, "isoformat") else date,
        "date_precision": row.get("date_precision"),
        "cue": row.get("cue"),
    }


def claim_record_from(claim: Claim) -> dict:
    row = _row(claim, np.zeros(0, dtype=np.float32))
    return claim_record(row)


def flatten_claims(records: Iterator[dict]) -> Iterator[dict]:
    """Nested claim records -> flat rows for CSV (speaker_country, speaker_name, ...)."""
    for record in records:
        flat = {}
        for key, value in record.items():
            if key == "speaker":
                for col in SPEAKER_COLS:
                    flat[f"speaker_{col}"] = (value or {}).get(col)
            else:
                flat[key] = value
        yield flat


_SPEAKER = pa.struct([(c, pa.string()) for c in SPEAKER_COLS])
CLAIM_RECORD_SCHEMA = pa.schema(
    [
        ("claim_id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("speaker", _SPEAKER),
        ("content", pa.string()),
        ("stance", pa.string()),
        ("claim_key", pa.string()),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("cue", pa.string()),
    ]
)


def write_claims_export(records: Iterator[dict], fmt: str, out: str | None) -> int:
    """Write claim records as JSONL (nested speaker), CSV (flat speaker_* columns) or Parquet (nested)."""
    from dyadwatch.store.export import write_rows

    return write_rows(records, fmt, out, CLAIM_RECORD_SCHEMA, flatten_claims)
