"""Plots of dyad series and actor networks.

PNG, SVG and PDF are drawn with matplotlib (no display needed: figures are rendered with
the Agg/SVG backends directly, never through pyplot). HTML is written with Plotly and its
JavaScript inlined in the page, so the file works offline and loads nothing from elsewhere.

Dyad chart: the net cooperation index per period (both directions, thick; each direction,
thin), the mean of each segment between shifts (dashed), each shift as a vertical line,
the top driving events of each shift as annotated points (at their date and intensity),
and below it the events per quad class per period as stacked bars.

Network chart: nodes sized by activity (events), edges coloured by their net cooperation
index (red conflict … blue cooperation, fixed −10…+10 scale) and as wide as log(events).
"""

from __future__ import annotations

import io
import math
from datetime import date, datetime, timedelta
from pathlib import Path

from dyadwatch.analysis.network import Network
from dyadwatch.analysis.series import QUAD_NAMES, DyadSeries
from dyadwatch.analysis.shifts import Shift

FORMATS = ("png", "svg", "pdf", "html")
QUAD_COLOURS = {1: "#8fd19e", 2: "#2e8b57", 3: "#f4a460", 4: "#b22222"}
LINE_COLOURS = {"both": "#222222", "ab": "#1f77b4", "ba": "#ff7f0e"}
SHIFT_COLOUR = "#c0392b"


def output_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the format of {path}: use a file ending in .png, .svg, .pdf or .html")
    return suffix


def _mid(start: date, end: date) -> datetime:
    return (
        datetime.combine(start, datetime.min.time())
        + (
            datetime.combine(end, datetime.min.time())
            + timedelta(days=1)
            - datetime.combine(start, datetime.min.time())
        )
        / 2
    )


def _title(series: DyadSeries) -> str:
    return f"{series.a_label} – {series.b_label}: net cooperation index by {series.by}"


def _segments(series: DyadSeries, shifts: list[Shift]) -> list[tuple[int, int, float | None]]:
    """(first, last period position, index) of each segment between shifts, over periods with events."""
    filled = [i for i, p in enumerate(series.periods) if p.both.n]
    if not filled:
        return []
    cuts = [s.position for s in shifts]
    bounds = [filled[0], *cuts, filled[-1] + 1]
    out = []
    for first, following in zip(bounds, bounds[1:], strict=False):
        last = max((i for i in filled if first <= i < following), default=None)
        if last is not None:
            out.append((first, last, series.segment_index(first, last)))
    return out


# -- matplotlib ----------------------------------------------------------------------------------
def dyad_figure(series: DyadSeries, shifts: list[Shift], width: int = 1200, height: int = 700, dpi: int = 100):
    """A matplotlib Figure (not attached to pyplot) of the dyad series."""
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    periods = series.periods
    xs = [_mid(p.start, p.end) for p in periods]
    top.axhspan(0, 10.5, color="#2e8b57", alpha=0.04, lw=0)
    top.axhspan(-10.5, 0, color="#b22222", alpha=0.04, lw=0)
    top.axhline(0, color="#888888", lw=0.8)
    for direction, lw, label in (
        ("ab", 1.2, f"{series.a} → {series.b}"),
        ("ba", 1.2, f"{series.b} → {series.a}"),
        ("both", 2.6, "both directions"),
    ):
        points = [(x, p.cell(direction).index) for x, p in zip(xs, periods, strict=True) if p.cell(direction).n]
        if points:
            top.plot(
                [x for x, _ in points],
                [y for _, y in points],
                marker="o",
                ms=4 if direction != "both" else 6,
                lw=lw,
                color=LINE_COLOURS[direction],
                alpha=1.0 if direction == "both" else 0.7,
                label=label,
            )
    for first, last, index in _segments(series, shifts):
        if index is not None:
            x0 = datetime.combine(periods[first].start, datetime.min.time())
            x1 = datetime.combine(periods[last].end + timedelta(days=1), datetime.min.time())
            top.plot([x0, x1], [index, index], ls="--", lw=1.4, color="#555555")
            top.annotate(
                f"mean {index:+.1f}",
                (x1, index),
                xytext=(-2, 4 if index >= 0 else -11),
                textcoords="offset points",
                fontsize=8,
                color="#555555",
                ha="right",
            )
    for shift in shifts:
        x = datetime.combine(periods[shift.position].start, datetime.min.time())
        for ax in (top, bottom):
            ax.axvline(x, color=SHIFT_COLOUR, ls=":", lw=1.8)
        lines = [f"shift {shift.period}: {shift.before_index:+.1f} → {shift.after_index:+.1f} (p={shift.p_value:.3f})"]
        for k, driver in enumerate(shift.drivers, 1):
            dx = datetime.combine(driver.date, datetime.min.time()) + timedelta(hours=12)
            top.plot([dx], [driver.intensity], marker="D", ms=7, color=SHIFT_COLOUR, zorder=5)
            top.annotate(
                str(k),
                (dx, driver.intensity),
                xytext=(-9, -3 - 9 * (k - 1)),
                textcoords="offset points",
                fontsize=8,
                color=SHIFT_COLOUR,
                fontweight="bold",
                ha="right",
            )
            lines.append(f"{k}  {_short_driver(driver)}")
        right = x > datetime.combine(periods[len(periods) * 2 // 3].start, datetime.min.time()) if periods else False
        top.annotate(
            "\n".join(lines),
            (x, 9.8),
            xytext=(-6 if right else 6, 0),
            textcoords="offset points",
            fontsize=8.5,
            color=SHIFT_COLOUR,
            va="top",
            ha="right" if right else "left",
            bbox={"boxstyle": "round,pad=0.4", "fc": "white", "ec": SHIFT_COLOUR, "lw": 0.8, "alpha": 0.9},
        )
    top.set_ylim(-10.5, 10.5)
    top.set_ylabel("net cooperation index\n(mean intensity, −10…+10)")
    top.set_title(_title(series), fontsize=13, loc="left")
    if series.events:
        top.legend(loc="lower left", fontsize=8, ncols=3, frameon=False)
    else:
        top.text(0.5, 0.5, "no events in this period", transform=top.transAxes, ha="center", color="#777777")
    top.grid(axis="y", color="#dddddd", lw=0.5)

    span_days = max((p.end - p.start).days + 1 for p in periods) if periods else 1
    bar_width = timedelta(days=span_days * 0.8)
    base = [0] * len(periods)
    for q in (1, 2, 3, 4):
        counts = [p.both.quad[q - 1] for p in periods]
        bottom.bar(xs, counts, width=bar_width, bottom=base, color=QUAD_COLOURS[q], label=QUAD_NAMES[q])
        base = [b + c for b, c in zip(base, counts, strict=True)]
    bottom.set_ylabel("events")
    bottom.legend(loc="upper left", fontsize=7, ncols=4, frameon=False)
    bottom.set_ylim(0, max(base + [1]) * 1.35)
    bottom.yaxis.get_major_locator().set_params(integer=True)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    bottom.xaxis.set_major_locator(locator)
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if periods:
        left = datetime.combine(periods[0].start, datetime.min.time())
        right = datetime.combine(periods[-1].end + timedelta(days=1), datetime.min.time())
        bottom.set_xlim(left, right)
    excluded = ", ".join(f"{n} {reason}" for reason, n in sorted(series.excluded.items()))
    top.set_title(
        f"{len(series.events)} events" + (f"; left out: {excluded}" if excluded else ""),
        fontsize=8,
        loc="right",
        color="#777777",
    )
    return fig


def _short_driver(driver) -> str:
    sources = f"{driver.sources} source{'s' if driver.sources != 1 else ''}"
    return (
        f"{driver.date.isoformat()} {driver.event_type} {driver.source.split(' ')[0]}→"
        f"{driver.target.split(' ')[0]} {driver.intensity:+.1f}, {sources}"
    )


def network_figure(network: Network, width: int = 1000, height: int = 1000, dpi: int = 100, title: str = ""):
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained")
    ax = fig.subplots()
    cmap = colormaps["RdYlBu"]
    norm = Normalize(-10, 10)
    pos = network.positions
    for e in sorted(network.edges, key=lambda e: e.events):
        (x0, y0), (x1, y1) = pos[e.a], pos[e.b]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color=cmap(norm(e.index)),
            lw=0.8 + 1.6 * math.log1p(e.events),
            alpha=0.9,
            zorder=1,
            solid_capstyle="round",
        )
    most = max((n.events for n in network.nodes), default=1)
    for n in network.nodes:
        x, y = pos[n.id]
        size = 80 + 1800 * n.events / most
        ax.scatter([x], [y], s=size, color="#dfe6ee", edgecolors="#34495e", linewidths=1.2, zorder=2)
        ax.annotate(f"{n.label}\n{n.events}", (x, y), ha="center", va="center", fontsize=8, zorder=3)
    ax.set_xlim(-1.2, 1.2)
    ax.set_ylim(-1.2, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")
    bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6, pad=0.01)
    bar.set_label("net cooperation index of the pair (mean intensity)")
    ax.set_title(title or _network_title(network), fontsize=13, loc="left")
    return fig


def _network_title(network: Network) -> str:
    when = " ".join(
        part
        for part in (
            f"from {network.options.since}" if network.options.since else "",
            f"to {network.options.until}" if network.options.until else "",
        )
        if part
    )
    return (
        f"Actor network{' ' + when if when else ''}: {len(network.nodes)} actors, "
        f"{sum(e.events for e in network.edges)} events"
    )


def figure_bytes(fig, fmt: str) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, metadata={"Software": None} if fmt in ("png",) else None)
    return buffer.getvalue()


# -- Plotly ---------------------------------------------------------------------------------------
def dyad_plotly(series: DyadSeries, shifts: list[Shift]):
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.72, 0.28], vertical_spacing=0.04)
    periods = series.periods
    xs = [_mid(p.start, p.end) for p in periods]
    for direction, width, name in (
        ("ab", 1.5, f"{series.a} → {series.b}"),
        ("ba", 1.5, f"{series.b} → {series.a}"),
        ("both", 3.5, "both directions"),
    ):
        pts = [(x, p) for x, p in zip(xs, periods, strict=True) if p.cell(direction).n]
        fig.add_trace(
            go.Scatter(
                x=[x for x, _ in pts],
                y=[round(p.cell(direction).index, 3) for _, p in pts],
                mode="lines+markers",
                name=name,
                line={"color": LINE_COLOURS[direction], "width": width},
                text=[
                    f"{p.label}: {p.cell(direction).n} events, "
                    + ", ".join(f"{QUAD_NAMES[q]} {p.cell(direction).quad[q - 1]}" for q in (1, 2, 3, 4))
                    for _, p in pts
                ],
                hovertemplate="%{text}<br>index %{y:+.2f}<extra>" + name + "</extra>",
            ),
            row=1,
            col=1,
        )
    for first, last, index in _segments(series, shifts):
        if index is not None:
            fig.add_trace(
                go.Scatter(
                    x=[periods[first].start, periods[last].end + timedelta(days=1)],
                    y=[index, index],
                    mode="lines",
                    line={"color": "#555555", "dash": "dash", "width": 1.5},
                    name=f"mean {periods[first].label}…{periods[last].label}: {index:+.2f}",
                    hoverinfo="name",
                ),
                row=1,
                col=1,
            )
    for shift in shifts:
        x = periods[shift.position].start
        for row in (1, 2):
            fig.add_shape(
                type="line",
                x0=x,
                x1=x,
                y0=0,
                y1=1,
                yref="y domain" if row == 1 else "y2 domain",
                xref="x",
                line={"color": SHIFT_COLOUR, "dash": "dot", "width": 2},
                row=row,
                col=1,
            )
        lines = [
            f"<b>shift {shift.period}</b> {shift.before_index:+.1f} → {shift.after_index:+.1f} (p={shift.p_value:.3f})"
        ]
        lines += [f"{k}  {_short_driver(d)}" for k, d in enumerate(shift.drivers, 1)]
        fig.add_annotation(
            x=x,
            y=9.8,
            xref="x",
            yref="y",
            text="<br>".join(lines),
            showarrow=False,
            xanchor="right" if shift.position > len(periods) * 2 // 3 else "left",
            yanchor="top",
            align="left",
            bgcolor="rgba(255,255,255,0.9)",
            bordercolor=SHIFT_COLOUR,
            font={"color": SHIFT_COLOUR, "size": 11},
            row=1,
            col=1,
        )
        if shift.drivers:
            fig.add_trace(
                go.Scatter(
                    x=[d.date for d in shift.drivers],
                    y=[d.intensity for d in shift.drivers],
                    mode="markers+text",
                    marker={"symbol": "diamond", "size": 11, "color": SHIFT_COLOUR},
                    text=[str(k) for k in range(1, len(shift.drivers) + 1)],
                    textposition="middle left",
                    textfont={"color": SHIFT_COLOUR, "size": 11},
                    hovertext=[
                        f"{d.headline()}<br>{d.sources} source(s): {', '.join(d.outlets)}<br>“"
                        + _wrap(d.evidence[0].sentence if d.evidence else "")
                        + "”"
                        for d in shift.drivers
                    ],
                    hoverinfo="text",
                    name=f"drivers of the {shift.period} shift",
                ),
                row=1,
                col=1,
            )
    for q in (1, 2, 3, 4):
        fig.add_trace(
            go.Bar(x=xs, y=[p.both.quad[q - 1] for p in periods], name=QUAD_NAMES[q], marker_color=QUAD_COLOURS[q]),
            row=2,
            col=1,
        )
    fig.update_layout(
        barmode="stack",
        title=_title(series),
        template="plotly_white",
        height=720,
        legend={"orientation": "h", "y": -0.12},
        hovermode="closest",
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"},
    )
    fig.update_yaxes(range=[-10.5, 10.5], title_text="net cooperation index", zeroline=True, row=1, col=1)
    fig.update_yaxes(title_text="events", row=2, col=1)
    return fig


def _wrap(text: str, width: int = 80) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def network_plotly(network: Network, title: str = ""):
    import plotly.graph_objects as go
    from plotly.colors import sample_colorscale

    fig = go.Figure()
    pos = network.positions
    for e in sorted(network.edges, key=lambda e: e.events):
        (x0, y0), (x1, y1) = pos[e.a], pos[e.b]
        colour = sample_colorscale("RdYlBu", [(max(-10.0, min(10.0, e.index)) + 10) / 20])[0]
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                showlegend=False,
                hoverinfo="skip",
                line={"color": colour, "width": 1 + 2 * math.log1p(e.events)},
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[(pos[e.a][0] + pos[e.b][0]) / 2 for e in network.edges],
            y=[(pos[e.a][1] + pos[e.b][1]) / 2 for e in network.edges],
            mode="markers",
            marker={
                "size": 8,
                "color": [e.index for e in network.edges],
                "colorscale": "RdYlBu",
                "cmin": -10,
                "cmax": 10,
                "opacity": 0.0,
                "colorbar": {"title": {"text": "net cooperation index"}},
                "showscale": True,
            },
            hovertext=[
                f"{e.a} – {e.b}: {e.events} events ({e.a}→{e.b} {e.ab}, {e.b}→{e.a} {e.ba}), index {e.index:+.2f}"
                for e in network.edges
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    most = max((n.events for n in network.nodes), default=1)
    fig.add_trace(
        go.Scatter(
            x=[pos[n.id][0] for n in network.nodes],
            y=[pos[n.id][1] for n in network.nodes],
            mode="markers+text",
            text=[n.label for n in network.nodes],
            textposition="middle center",
            marker={
                "size": [12 + 48 * math.sqrt(n.events / most) for n in network.nodes],
                "color": "#dfe6ee",
                "line": {"color": "#34495e", "width": 1.5},
            },
            hovertext=[f"{n.name or n.label}: {n.events} events, index {n.index:+.2f}" for n in network.nodes],
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.update_layout(
        title=title or _network_title(network),
        template="plotly_white",
        width=None,
        height=900,
        xaxis={"visible": False, "range": [-1.2, 1.2]},
        yaxis={"visible": False, "range": [-1.2, 1.2], "scaleanchor": "x"},
        font={"family": "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"},
    )
    return fig


def plotly_html(fig) -> str:
    """A whole HTML page with Plotly's JavaScript inlined: no CDN, works offline."""
    return fig.to_html(
        include_plotlyjs=True, full_html=True, include_mathjax=False, config={"displaylogo": False, "responsive": True}
    )


# -- files ----------------------------------------------------------------------------------------
def save_dyad_plot(
    series: DyadSeries, shifts: list[Shift], out: str | Path, width: int = 1200, height: int = 700
) -> Path:
    out = Path(out)
    fmt = output_format(out)
    if fmt == "html":
        out.write_text(plotly_html(dyad_plotly(series, shifts)), encoding="utf-8")
    else:
        out.write_bytes(figure_bytes(dyad_figure(series, shifts, width, height), fmt))
    return out


def save_network_plot(network: Network, out: str | Path, width: int = 1000, height: int = 1000) -> Path:
    out = Path(out)
    fmt = output_format(out)
    if fmt == "html":
        out.write_text(plotly_html(network_plotly(network)), encoding="utf-8")
    else:
        out.write_bytes(figure_bytes(network_figure(network, width, height), fmt))
    return out
