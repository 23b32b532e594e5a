"""The store's actors: the `actors` table of actors found in context, and counts over the events.

Actors the knowledge base holds (countries, IGOs, people and organisations of the data
files and the user file) live in the data files. Actors it does not hold but that the
resolver described from their context ("Ana Ruiz, Peru's energy minister" ->
person:ana-ruiz, PER, GOV) are written to the `actors` table when the events that name
them are stored, so that `dyadwatch actors` can list them and later ingests know them by
name (`Settings.learned_actors`).

Counts come from the events table: a *mention* is one source or target slot that names
the actor (an event with the actor on both sides counts twice), *events* counts events
with the actor as source or target, *documents* the documents of those events.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

import pyarrow as pa

from dyadwatch.records import Document, Event

ACTORS_SCHEMA = """
CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR NOT NULL,   -- "person:ana-ruiz", "org:andes-copper-ltd"
    kind VARCHAR,                -- person | org
    name VARCHAR,
    country VARCHAR,             -- ISO 3166 alpha-3 or IGO code, from context
    sector VARCHAR,
    first_doc VARCHAR,           -- the document where it was first found
    first_date DATE,             -- the date of the first event that named it
    added_at TIMESTAMP
);
"""

ACTOR_SCHEMA = pa.schema(
    [
        ("actor_id", pa.string()),
        ("kind", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("first_doc", pa.string()),
        ("first_date", pa.date32()),
        ("added_at", pa.timestamp("us")),
    ]
)

# Every source and target slot of the events table as one row: the base of all counts.
_SLOTS = """
    SELECT source_actor_id AS actor_id, source_name AS name, source_country AS country,
           source_sector AS sector, source_text AS text, 'source' AS side, event_id, doc_id, date
    FROM events WHERE source_actor_id IS NOT NULL
    UNION ALL
    SELECT target_actor_id, target_name, target_country, target_sector, target_text, 'target',
           event_id, doc_id, date
    FROM events WHERE target_actor_id IS NOT NULL
"""


def ensure_actors_table(con) -> None:
    con.execute(ACTORS_SCHEMA)


def new_actor_rows(results: Sequence[tuple[Document, list[Event]]], kb) -> list[dict]:
    """One row per actor the events name that the knowledge base `kb` does not hold.

    Only people with a full name and organisations with a specific name are kept: "Department"
    or "National Guard" is whichever institution the context says, not one actor to remember.
    """
    known = kb.actors
    now = datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, dict] = {}
    for doc, events in results:
        for event in events:
            for ref in (event.source, event.target):
                if ref is None or not ref.actor_id or ref.actor_id in known:
                    continue
                kind = ref.actor_id.split(":", 1)[0]
                if kind not in ("person", "org") or not ref.name or not kb.is_specific_name(ref.name):
                    continue
                if kind == "person" and len(ref.name.split()) < 2:
                    continue
                row = rows.get(ref.actor_id)
                if row is None:
                    rows[ref.actor_id] = {
                        "actor_id": ref.actor_id,
                        "kind": kind,
                        "name": ref.name,
                        "country": ref.country,
                        "sector": ref.sector,
                        "first_doc": doc.id,
                        "first_date": _date(event.date or doc.published),
                        "added_at": now,
                    }
                else:
                    row["country"] = row["country"] or ref.country
                    if row["sector"] in (None, "UNK"):
                        row["sector"] = ref.sector
    return list(rows.values())


def record_new_actors(con, results: Sequence[tuple[Document, list[Event]]], kb=None) -> int:
    """Add the batch's actors that the knowledge base does not hold to `actors`; return how many were new.

    Call inside the batch's transaction. An actor stored already keeps its row, except that
    a missing country or an unknown sector is filled in from the new mention.
    """
    rows = new_actor_rows(results, kb if kb is not None else default_kb())
    if not rows:
        return 0
    con.register("batch_actors", pa.Table.from_pylist(rows, schema=ACTOR_SCHEMA))
    try:
        before = con.execute("SELECT count(*) FROM actors").fetchall()[0][0]
        con.execute(
            """
            UPDATE actors SET country = coalesce(actors.country, b.country),
                sector = CASE WHEN actors.sector IS NULL OR actors.sector = 'UNK' THEN b.sector ELSE actors.sector END
            FROM batch_actors b
            WHERE actors.actor_id = b.actor_id
              AND ((actors.country IS NULL AND b.country IS NOT NULL)
                   OR ((actors.sector IS NULL OR actors.sector = 'UNK') AND b.sector IS NOT NULL AND b.sector <> 'UNK'))
            """
        )
        con.execute("INSERT INTO actors SELECT * FROM batch_actors WHERE actor_id NOT IN (SELECT actor_id FROM actors)")
        return con.execute("SELECT count(*) FROM actors").fetchall()[0][0] - before
    finally:
        con.unregister("batch_actors")


def default_kb():
    """The knowledge base in effect (shipped data plus the settings' user file)."""
    from dyadwatch.actors.kb import load_knowledge_base
    from dyadwatch.settings import load_settings

    return load_knowledge_base(load_settings().actors_file)


def learned_actors(con) -> tuple[tuple[str, str, str | None, str | None], ...]:
    """The stored actors as (actor_id, name, country, sector) rows, for `Settings.learned_actors`."""
    if not _has_actors_table(con):
        return ()
    rows = con.execute("SELECT actor_id, name, country, sector FROM actors ORDER BY actor_id").fetchall()
    return tuple(tuple(row) for row in rows)


def stored_actor(con, actor_id: str) -> dict | None:
    if not _has_actors_table(con):
        return None
    cursor = con.execute("SELECT * FROM actors WHERE actor_id = ?", [actor_id])
    rows = cursor.fetchall()
    if not rows:
        return None
    return dict(zip([d[0] for d in cursor.description], rows[0], strict=True))


def actor_counts(con, country: str | None = None, limit: int | None = None) -> list[dict]:
    """Every actor named in the events (and every stored actor), with its counts, busiest first.

    Each row: actor_id, name, country, sector (the most frequent in its mentions; the stored
    row's for actors found in context), mentions, as_source, as_target, events, documents,
    first and last event date, and `found_in_context` (True for rows of the actors table).
    """
    stored = (
        "SELECT actor_id, name, country, sector FROM actors"
        if _has_actors_table(con)
        else (
            "SELECT NULL::VARCHAR AS actor_id, NULL::VARCHAR AS name, NULL::VARCHAR AS country, "
            "NULL::VARCHAR AS sector WHERE false"
        )
    )
    sql = f"""
        WITH slots AS ({_SLOTS}),
        counted AS (
            SELECT actor_id, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
                   count(*) AS mentions,
                   count(*) FILTER (WHERE side = 'source') AS as_source,
                   count(*) FILTER (WHERE side = 'target') AS as_target,
                   count(DISTINCT event_id) AS events, count(DISTINCT doc_id) AS documents,
                   min(date) AS first_date, max(date) AS last_date
            FROM slots GROUP BY actor_id
        ),
        stored AS ({stored})
        SELECT coalesce(c.actor_id, s.actor_id) AS actor_id,
               coalesce(s.name, c.name) AS name,
               coalesce(s.country, c.country) AS country,
               coalesce(s.sector, c.sector) AS sector,
               coalesce(c.mentions, 0) AS mentions, coalesce(c.as_source, 0) AS as_source,
               coalesce(c.as_target, 0) AS as_target, coalesce(c.events, 0) AS events,
               coalesce(c.documents, 0) AS documents, c.first_date, c.last_date,
               s.actor_id IS NOT NULL AS found_in_context
        FROM counted c FULL OUTER JOIN stored s ON c.actor_id = s.actor_id
    """
    params: list = []
    if country:
        sql = f"SELECT * FROM ({sql}) WHERE country = ?"
        params.append(country.upper())
    sql += " ORDER BY events DESC, mentions DESC, actor_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def actor_usage(con, actor_id: str, top: int = 10) -> dict:
    """Counts for one actor, and the words the events used for it (most frequent first)."""
    rows = [r for r in actor_counts(con) if r["actor_id"] == actor_id]
    summary = rows[0] if rows else {"mentions": 0, "as_source": 0, "as_target": 0, "events": 0, "documents": 0}
    texts = con.execute(
        f"SELECT text, count(*) AS n FROM ({_SLOTS}) WHERE actor_id = ? GROUP BY text ORDER BY n DESC, text LIMIT ?",
        [actor_id, top],
    ).fetchall()
    return {**summary, "texts": texts}


def _has_actors_table(con) -> bool:
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'actors' AND table_schema = 'main'"
    ).fetchall()[0][0]
    return bool(found)


def _date(value: str | None):
    from datetime import date

    return date.fromisoformat(value[:10]) if value else None
