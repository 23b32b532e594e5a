"""The actor network of a period: who deals with whom, how much, and how cooperatively.

Nodes are countries and IGOs (`level="country"`: an event's `source_country`, else its
actor id) or individual actors (`level="actor"`: `source_actor_id`, else the country).
An edge joins two nodes that have events between them in either direction; its `index` is
the net cooperation index (mean intensity) of those events and `events` their number. A
node's `events` is its activity: the events on its edges. Events inside one node
(domestic events, a country acting on itself) are left out. The same `SeriesOptions` as the
dyad series apply (negated and hypothetical events left out by default).

The layout is a force-directed (Fruchterman–Reingold) layout computed here with numpy,
seeded, so the same data always gives the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np

from dyadwatch.analysis.data import SeriesOptions, actor_label


@dataclass
class Node:
    id: str
    label: str
    events: int
    index: float | None
    name: str = ""  # the full name (hover text)


@dataclass
class Edge:
    a: str
    b: str
    events: int
    index: float
    ab: int  # events with a as the source
    ba: int


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    options: SeriesOptions
    level: str
    dropped_nodes: int = 0
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "since": self.options.since,
            "until": self.options.until,
            "nodes": [
                {
                    "id": n.id,
                    "label": n.label,
                    "name": n.name,
                    "events": n.events,
                    "index": None if n.index is None else round(n.index, 3),
                }
                for n in self.nodes
            ],
            "edges": [
                {"a": e.a, "b": e.b, "events": e.events, "index": round(e.index, 3), "ab": e.ab, "ba": e.ba}
                for e in self.edges
            ],
            "dropped_nodes": self.dropped_nodes,
        }


def actor_network(
    con: duckdb.DuckDBPyConnection,
    options: SeriesOptions | None = None,
    level: str = "country",
    top: int = 40,
) -> Network:
    """The network of the events that pass `options`, keeping the `top` most active nodes."""
    options = options or SeriesOptions()
    if level == "country":
        src, tgt = "coalesce(e.source_country, e.source_actor_id)", "coalesce(e.target_country, e.target_actor_id)"
    elif level == "actor":
        src, tgt = "coalesce(e.source_actor_id, e.source_country)", "coalesce(e.target_actor_id, e.target_country)"
    else:
        raise ValueError("level is country or actor")
    where, params = options.where("e")
    rows = con.execute(
        f"""
        WITH ev AS (SELECT {src} AS s, {tgt} AS t, e.intensity FROM events e WHERE {where})
        SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS n, avg(coalesce(intensity, 0)) AS idx,
               count(*) FILTER (WHERE s = least(s, t)) AS ab
        FROM ev WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
        GROUP BY 1, 2 ORDER BY n DESC, a, b
        """,
        params,
    ).fetchall()
    activity: dict[str, int] = {}
    weighted: dict[str, float] = {}
    for a, b, n, idx, _ in rows:
        for node in (a, b):
            activity[node] = activity.get(node, 0) + n
            weighted[node] = weighted.get(node, 0.0) + n * idx
    ranked = sorted(activity, key=lambda k: (-activity[k], k))
    keep = set(ranked[:top])
    edges = [Edge(a, b, n, float(idx), ab, n - ab) for a, b, n, idx, ab in rows if a in keep and b in keep]
    nodes = [Node(k, _label(con, k), activity[k], weighted[k] / activity[k], actor_label(con, k)) for k in ranked[:top]]
    network = Network(nodes, edges, options, level, dropped_nodes=max(0, len(ranked) - top))
    network.positions = layout(network)
    return network


def _label(con, node: str) -> str:
    """Short labels for a picture: the code of a country or IGO, the name of a person or organisation."""
    return actor_label(con, node) if ":" in node else node


def layout(network: Network, seed: int = 0, iterations: int = 300) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions in [-1, 1]², edges weighted by log(1 + events), with a weak pull to
    the centre so that separate components stay in view."""
    ids = [n.id for n in network.nodes]
    count = len(ids)
    if count == 0:
        return {}
    if count == 1:
        return {ids[0]: (0.0, 0.0)}
    where = {k: i for i, k in enumerate(ids)}
    weights = np.zeros((count, count))
    for e in network.edges:
        i, j = where[e.a], where[e.b]
        weights[i, j] = weights[j, i] = np.log1p(e.events)
    rng = np.random.default_rng(seed)
    angles = np.linspace(0, 2 * np.pi, count, endpoint=False)
    pos = np.c_[np.cos(angles), np.sin(angles)] + rng.normal(0, 0.01, (count, 2))
    k = np.sqrt(4.0 / count)
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        force = k * k / dist - weights * dist * dist / k
        np.fill_diagonal(force, 0.0)
        disp = np.sum(delta / dist[..., None] * force[..., None], axis=1) - 0.05 * pos * count
        length = np.maximum(np.linalg.norm(disp, axis=-1, keepdims=True), 1e-9)
        pos += disp / length * np.minimum(length, temperature)
        temperature *= 0.985
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    pos /= np.maximum(np.abs(pos).max(axis=0), 1e-9)  # each axis to [-1, 1]: fill the picture
    return {k_: (float(x), float(y)) for k_, (x, y) in zip(ids, pos, strict=True)}
