"""Outlets: what each outlet reports, so coverage differences show.

For each outlet (the `outlet` of the documents; documents without one are grouped as
"(unknown outlet)"): its documents and events, events per quad class, the net cooperation
index of its events (mean intensity) and how far it lies from the index of all outlets
together, its most frequent event types, and how many of its events no other outlet
reports ("only here": real-world events, the fused event else the same type, direction and
day, reported by this outlet alone). Optionally restricted to one dyad; the same
`SeriesOptions` as the dyad series apply (negated and hypothetical events left out by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from dyadwatch.analysis.data import EVENT_KEY_SQL, UNKNOWN_OUTLET, SeriesOptions, dyad_clause, normalise_actor


@dataclass
class OutletRow:
    outlet: str
    documents: int
    events: int
    quad: list[int]
    index: float | None
    only_here: int
    types: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self, overall: float | None) -> dict:
        return {
            "outlet": self.outlet,
            "documents": self.documents,
            "events": self.events,
            "quad_class": {str(q): self.quad[q - 1] for q in (1, 2, 3, 4)},
            "index": None if self.index is None else round(self.index, 3),
            "index_vs_all": None if self.index is None or overall is None else round(self.index - overall, 3),
            "only_here": self.only_here,
            "types": dict(self.types),
        }


@dataclass
class OutletComparison:
    rows: list[OutletRow]
    overall_index: float | None
    events: int
    dyad: tuple[str, str] | None
    options: SeriesOptions

    def to_dict(self) -> dict:
        return {
            "dyad": list(self.dyad) if self.dyad else None,
            "events": self.events,
            "index": None if self.overall_index is None else round(self.overall_index, 3),
            "outlets": [r.to_dict(self.overall_index) for r in self.rows],
        }


def compare_outlets(
    con: duckdb.DuckDBPyConnection,
    options: SeriesOptions | None = None,
    dyad: tuple[str, str] | None = None,
) -> OutletComparison:
    options = options or SeriesOptions()
    where, params = options.where("e")
    if dyad:
        dyad = (normalise_actor(dyad[0]), normalise_actor(dyad[1]))
        clause, extra = dyad_clause(*dyad)
        where += " AND " + clause
        params += extra
    base = f"""
        WITH ev AS (
            SELECT e.event_id, e.doc_id, e.event_type, e.quad_class, e.intensity,
                   coalesce(d.outlet, '{UNKNOWN_OUTLET}') AS outlet, {EVENT_KEY_SQL} AS key
            FROM events e LEFT JOIN documents d ON d.id = e.doc_id
            WHERE {where}
        ),
        k AS (SELECT key, count(DISTINCT outlet) AS n_outlets FROM ev GROUP BY key)
    """
    rows = con.execute(
        base
        + """
        SELECT outlet, count(DISTINCT doc_id), count(*),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               avg(coalesce(intensity, 0)), count(*) FILTER (WHERE n_outlets = 1)
        FROM ev JOIN k USING (key)
        GROUP BY outlet ORDER BY count(*) DESC, outlet
        """,
        params,
    ).fetchall()
    out = {
        r[0]: OutletRow(outlet=r[0], documents=r[1], events=r[2], quad=list(r[3:7]), index=r[7], only_here=r[8])
        for r in rows
    }
    for outlet, event_type, n in con.execute(
        base + "SELECT outlet, event_type, count(*) AS n FROM ev GROUP BY 1, 2 ORDER BY outlet, n DESC, event_type",
        params,
    ).fetchall():
        out[outlet].types.append((event_type, n))
    total, overall = con.execute(base + "SELECT count(*), avg(coalesce(intensity, 0)) FROM ev", params).fetchone()
    return OutletComparison(list(out.values()), overall, total, dyad, options)
