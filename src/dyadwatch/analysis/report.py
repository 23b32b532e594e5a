"""The one-page brief of a dyad: a self-contained HTML file that works offline.

It holds the chart (inline SVG, text drawn as paths: no fonts, scripts or images are
loaded), the key figures, the shifts with their driving events and evidence sentences, the
period table, the claims between the two sides that are disputed, and the list of sources
(their URLs printed as text, not linked). CSS is inline; the page makes no network request.

Disputed claims come from a `claims` table (the claims ledger). Until the store has one,
the section says so. When it exists, a claim is listed when speakers of either side make
it (matched on `speaker_country`/`speaker_actor_id`) and, under the same `claim_key`, one
statement asserts or admits it while another denies or disputes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb
import jinja2

from dyadwatch import __version__
from dyadwatch.analysis.data import columns_of, has_table
from dyadwatch.analysis.plots import dyad_figure, figure_bytes
from dyadwatch.analysis.series import Cell, DyadSeries, sparkline
from dyadwatch.analysis.shifts import Shift

CLAIM_COLUMNS = {"claim_key", "stance", "sentence", "doc_id", "speaker_country", "speaker_actor_id"}
MAX_TABLE_PERIODS = 36


@dataclass
class Statement:
    stance: str
    speaker: str
    sentence: str
    doc_id: str
    outlet: str
    date: str | None


@dataclass
class DisputedClaim:
    key: str
    statements: list[Statement]


def disputed_claims(con: duckdb.DuckDBPyConnection, series: DyadSeries) -> tuple[list[DisputedClaim] | None, str]:
    """(claims, note). claims is None when there is no usable claims ledger; the note says why."""
    if not has_table(con, "claims"):
        return None, (
            "This database has no claims table: the claims ledger (who claims what, who denies it) is not built yet."
        )
    missing = CLAIM_COLUMNS - columns_of(con, "claims")
    if missing:
        return None, (
            f"The claims table lacks the columns {', '.join(sorted(missing))}, so disputes cannot be read from it."
        )
    sides = [series.a, series.b]
    rows = con.execute(
        """
        SELECT c.claim_key, c.stance, coalesce(c.speaker_country, c.speaker_actor_id) AS speaker, c.sentence, c.doc_id,
               coalesce(d.outlet, '(unknown outlet)'), strftime(d.published, '%Y-%m-%d')
        FROM claims c LEFT JOIN documents d ON d.id = c.doc_id
        WHERE (c.speaker_country IN (?, ?) OR c.speaker_actor_id IN (?, ?))
          AND (CAST(? AS DATE) IS NULL OR d.published >= CAST(? AS DATE))
          AND (CAST(? AS DATE) IS NULL OR d.published <= CAST(? AS DATE))
        ORDER BY c.claim_key, d.published, c.doc_id
        """,
        sides + sides + [series.options.since] * 2 + [series.options.until] * 2,
    ).fetchall()
    groups: dict[str, list[Statement]] = {}
    for key, stance, speaker, sentence, doc_id, outlet, published in rows:
        groups.setdefault(key, []).append(Statement(stance, speaker or "?", sentence, doc_id, outlet, published))
    disputed = [
        DisputedClaim(key, statements)
        for key, statements in groups.items()
        if {s.stance for s in statements} & {"assert", "admit"} and {s.stance for s in statements} & {"deny", "dispute"}
    ]
    return disputed, ""


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}".replace("-", "−")


def _sign(value: float | None) -> str:
    return "" if value is None or value == 0 else ("pos" if value > 0 else "neg")


def inline_svg(series: DyadSeries, shifts: list[Shift], width: int = 1000, height: int = 560) -> str:
    """The chart as an inline <svg> element: no XML prologue, no namespace URLs (HTML supplies them), fluid width."""
    svg = figure_bytes(dyad_figure(series, shifts, width, height), "svg").decode("utf-8")
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", svg, count=2)
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 role="img"', svg, count=1)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    return svg


def _lead(series: DyadSeries, shifts: list[Shift], overall: float | None) -> str:
    names = f"{series.a_label}–{series.b_label}"
    if not series.events:
        return f"No events between {series.a_label} and {series.b_label} in this period."
    if not shifts:
        tone = "cooperative" if (overall or 0) > 0 else "conflictual" if (overall or 0) < 0 else "neutral"
        return (
            f"The {names} relationship was on balance {tone} (index {_fmt(overall)}) over "
            f"{len(series.events)} events, with no significant shift."
        )
    last = shifts[-1]
    parts = [
        f"The {names} relationship turned towards {last.towards} in {last.period}: the net cooperation index went "
        f"from {_fmt(last.before_index)} ({last.before_periods[0]}…{last.before_periods[1]}) to "
        f"{_fmt(last.after_index)} ({last.after_periods[0]}…{last.after_periods[1]}), p = {last.p_value:.3f}."
    ]
    if last.drivers:
        d = last.drivers[0]
        parts.append(
            f"Leading event: {d.event_type}{'/' + d.mode if d.mode else ''}, {d.source} → {d.target}, on "
            f"{d.date.isoformat()}, reported by {d.sources} outlet{'s' if d.sources != 1 else ''}."
        )
    if len(shifts) > 1:
        parts.append(f"{len(shifts)} shifts in all, listed below.")
    return " ".join(parts)


def render_report(
    con: duckdb.DuckDBPyConnection,
    series: DyadSeries,
    shifts: list[Shift],
    db_name: str = "",
    alpha: float = 0.05,
    min_delta: float = 1.0,
) -> str:
    def total(direction: str) -> Cell:
        cell = Cell()
        for p in series.periods:
            c = p.cell(direction)
            cell.n += c.n
            cell.total += c.total
        return cell

    filled = [p for p in series.periods if p.both.n]
    table_periods = series.periods if len(series.periods) <= MAX_TABLE_PERIODS else filled
    docs: dict[str, dict] = {}
    for e in series.events:
        doc = docs.setdefault(
            e["doc_id"],
            {
                "doc_id": e["doc_id"],
                "outlet": e["outlet"],
                "title": e["title"],
                "url": e["url"],
                "published": e["published"].isoformat() if e["published"] else None,
                "events": 0,
            },
        )
        doc["events"] += 1
    sources = sorted(docs.values(), key=lambda d: (d["published"] or "", d["outlet"], d["doc_id"]))
    claims, claims_note = disputed_claims(con, series)
    overall = total("both").index
    opts = series.options
    counted = []
    if opts.since or opts.until:
        counted.append(f"dated {opts.since or '…'} to {opts.until or '…'}")
    counted.append("negated ones included" if opts.include_negated else "not negated")
    counted.append("hypothetical ones included" if opts.include_hypothetical else "not hypothetical")
    if opts.min_confidence is not None:
        counted.append(f"confidence ≥ {opts.min_confidence}")
    excluded = ", ".join(f"{n} {reason}" for reason, n in sorted(series.excluded.items())) or "none"
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(
        resources.files("dyadwatch.analysis").joinpath("templates/report.html").read_text(encoding="utf-8")
    )
    return template.render(
        s=series,
        shifts=shifts,
        svg=inline_svg(series, shifts),
        spark=sparkline(series.index_values()),
        overall=overall,
        ab=total("ab").index,
        ba=total("ba").index,
        n_ab=total("ab").n,
        n_ba=total("ba").n,
        latest_index=filled[-1].both.index if filled else None,
        latest_label=filled[-1].label if filled else "—",
        lead=_lead(series, shifts, overall),
        table_periods=table_periods,
        hidden_periods=len(series.periods) - len(table_periods),
        claims=claims,
        claims_note=claims_note,
        sources=sources,
        counted_note=", ".join(counted),
        excluded_note=excluded,
        alpha=alpha,
        min_delta=min_delta,
        fmt=_fmt,
        sign=_sign,
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        db_name=Path(db_name).name if db_name else "",
    )


def write_report(con, series: DyadSeries, shifts: list[Shift], out: str | Path, **kwargs) -> Path:
    out = Path(out)
    out.write_text(render_report(con, series, shifts, **kwargs), encoding="utf-8")
    return out
