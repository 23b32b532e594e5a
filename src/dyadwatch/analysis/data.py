"""Reading what the analysis needs from a dyadwatch DuckDB file.

Plain SQL on the `events` and `documents` tables (and `document_sources` when the store
has it), through a read-only connection. The events table is never changed.

Actors: a dyad side `A` is matched, as in `dyadwatch events --dyad`, against an event's
`source_country`/`target_country` (ISO 3166 alpha-3 or an IGO code such as `NATO`) and its
`source_actor_id`/`target_actor_id` (such as `person:asim-munir`). Codes are upper-cased
(`usa` is `USA`); a country or IGO name or alias from the shipped actor data (`India`,
`United States`) is turned into its code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

import duckdb
import yaml

# What "the same real-world event" means when counting sources: the fused event when the
# store has one, else the same type, direction and day.
EVENT_KEY_SQL = (
    "coalesce(e.fused_id, CASE WHEN e.date IS NULL THEN e.event_id ELSE concat_ws('|', strftime(e.date, '%Y-%m-%d'), "
    "e.event_type, coalesce(e.source_country, e.source_actor_id, '?'), "
    "coalesce(e.target_country, e.target_actor_id, '?')) END)"
)
UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass(frozen=True)
class SeriesOptions:
    """Which events count.

    By default negated ("did not sign") and hypothetical ("will visit", "could impose")
    events are left out: they did not happen. `min_confidence` drops low-confidence events.
    """

    since: str | None = None
    until: str | None = None
    include_negated: bool = False
    include_hypothetical: bool = False
    min_confidence: float | None = None

    def excluded_reason(self, row: dict) -> str | None:
        if row.get("negated") and not self.include_negated:
            return "negated"
        if row.get("hypothetical") and not self.include_hypothetical:
            return "hypothetical"
        if self.min_confidence is not None and (row.get("confidence") or 0.0) < self.min_confidence:
            return "low confidence"
        return None

    def where(self, alias: str = "e") -> tuple[str, list]:
        """SQL conditions (joined with AND, never empty) and parameters for these options."""
        clauses, params = ["TRUE"], []
        if not self.include_negated:
            clauses.append(f"NOT coalesce({alias}.negated, FALSE)")
        if not self.include_hypothetical:
            clauses.append(f"NOT coalesce({alias}.hypothetical, FALSE)")
        if self.min_confidence is not None:
            clauses.append(f"{alias}.confidence >= ?")
            params.append(self.min_confidence)
        if self.since:
            clauses.append(f"{alias}.date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date <= CAST(? AS DATE)")
            params.append(self.until)
        return " AND ".join(clauses), params


def connect(db: str | Path) -> duckdb.DuckDBPyConnection:
    path = Path(db)
    if not path.exists():
        raise FileNotFoundError(f"no database at {path} (run `dyadwatch ingest` first)")
    return duckdb.connect(str(path), read_only=True)


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return bool(
        con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0]
    )


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()
    return {r[0] for r in rows}


def normalise_actor(arg: str) -> str:
    """`usa` -> `USA`, `India` or `india` -> `IND`, `nato` -> `NATO`, `person:asim-munir` unchanged."""
    text = arg.strip()
    if ":" in text:
        return text
    names = _actor_names()
    return names.get(text.casefold()) or text.upper()


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    """Case-folded country and IGO codes, names and aliases -> code, from the shipped actor data files."""
    root = resources.files("dyadwatch").joinpath("data/actors")
    out: dict[str, str] = {}
    for filename in ("countries.yaml", "igos.yaml"):
        path = root.joinpath(filename)
        if not path.is_file():
            continue
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            code = entry.get("code")
            if not code:
                continue
            for name in [code, entry.get("name"), *(entry.get("aliases") or [])]:
                if name:
                    out.setdefault(str(name).casefold(), code)
    return out


@lru_cache(maxsize=1)
def _code_names() -> dict[str, str]:
    root = resources.files("dyadwatch").joinpath("data/actors")
    out: dict[str, str] = {}
    for filename in ("countries.yaml", "igos.yaml"):
        path = root.joinpath(filename)
        if path.is_file():
            for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                if entry.get("code") and entry.get("name"):
                    out.setdefault(entry["code"], entry["name"])
    return out


def actor_label(con: duckdb.DuckDBPyConnection, actor: str) -> str:
    """A readable name: the country's or IGO's name for a code, the stored name for an actor id."""
    if ":" in actor:
        row = con.execute(
            "SELECT name FROM (SELECT source_name AS name FROM events WHERE source_actor_id = ? "
            "UNION ALL SELECT target_name FROM events WHERE target_actor_id = ?) WHERE name IS NOT NULL LIMIT 1",
            [actor, actor],
        ).fetchone()
        return row[0] if row else actor
    return _code_names().get(actor, actor)


def dyad_clause(a: str, b: str, alias: str = "e") -> tuple[str, list]:
    """SQL condition for the events between a and b, either direction, and its parameters."""
    sql = (
        f"((? IN ({alias}.source_country, {alias}.source_actor_id) AND ? IN ({alias}.target_country, "
        f"{alias}.target_actor_id)) OR (? IN ({alias}.source_country, {alias}.source_actor_id) AND "
        f"? IN ({alias}.target_country, {alias}.target_actor_id)))"
    )
    return sql, [a, b, b, a]


def load_dyad_events(
    con: duckdb.DuckDBPyConnection, a: str, b: str, since: str | None, until: str | None
) -> list[dict]:
    """Every event between `a` and `b` (both directions, all modalities), with its document's metadata.

    Each row gets `direction` ("ab": a is the source, "ba": b is the source), `outlet`,
    `title`, `url`, `published` and `key` (the real-world event it reports, see EVENT_KEY_SQL).
    """
    dyad_sql, params = dyad_clause(a, b)
    clauses = [dyad_sql]
    if since:
        clauses.append("e.date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        clauses.append("e.date <= CAST(? AS DATE)")
        params.append(until)
    sql = f"""
        SELECT e.event_id, e.doc_id, e.sentence, e.start, e."end", e.source_text, e.source_actor_id, e.source_name,
               e.source_country, e.source_sector, e.event_type, e.mode, e.target_text, e.target_actor_id,
               e.target_name, e.target_country, e.target_sector, e.date, e.date_precision, e.negated,
               e.hypothetical, e.quad_class, e.intensity, e.cameo_code, e.confidence, e.fused_id,
               CASE WHEN ? IN (e.source_country, e.source_actor_id) AND ? IN (e.target_country, e.target_actor_id)
                    THEN 'ab' ELSE 'ba' END AS direction,
               coalesce(d.outlet, '{UNKNOWN_OUTLET}') AS outlet, d.title, d.url, d.published,
               {EVENT_KEY_SQL} AS key
        FROM events e LEFT JOIN documents d ON d.id = e.doc_id
        WHERE {" AND ".join(clauses)}
        ORDER BY e.date NULLS LAST, e.doc_id, e.start, e.event_id
    """
    cursor = con.execute(sql, [a, b] + params)
    cols = [d[0] for d in cursor.description]
    return [dict(zip(cols, row, strict=True)) for row in cursor.fetchall()]


def sources_by_key(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> dict[str, list[str]]:
    """The outlets that report each real-world event (key), sorted.

    An outlet counts once per event however many of its documents repeat it; exact
    duplicates of a document read from other outlets (the store's `document_sources`, when
    it has that table) count as sources of its events too.
    """
    extra: dict[str, set[str]] = {}
    doc_ids = sorted({r["doc_id"] for r in rows})
    if doc_ids and has_table(con, "document_sources") and {"doc_id", "outlet"} <= columns_of(con, "document_sources"):
        for doc_id, outlet in con.execute(
            "SELECT doc_id, outlet FROM document_sources WHERE outlet IS NOT NULL AND doc_id IN "
            "(SELECT unnest(?::VARCHAR[]))",
            [doc_ids],
        ).fetchall():
            extra.setdefault(doc_id, set()).add(outlet)
    out: dict[str, set[str]] = {}
    for r in rows:
        found = out.setdefault(r["key"], set())
        found.add(r["outlet"])
        found.update(extra.get(r["doc_id"], ()))
    return {k: sorted(v) for k, v in out.items()}


def to_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
