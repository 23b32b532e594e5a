"""Relationships: dyad time series, shifts and the events that drove them, networks, outlets, plots, briefs.

Everything here reads a dyadwatch DuckDB file (plain SQL on the `events` and `documents`
tables, read-only) and computes in memory; nothing is written back.

- `series`:  per-period, per-direction counts by quad class and the net cooperation index
- `shifts`:  change points in the index (binary segmentation + permutation test) and their drivers
- `network`: the actor network of a period
- `outlets`: what each outlet reports
- `plots`:   PNG/SVG (matplotlib) and self-contained HTML (Plotly, JavaScript inlined)
- `report`:  the one-page HTML brief of a dyad
"""

from dyadwatch.analysis.data import SeriesOptions, connect
from dyadwatch.analysis.series import PERIODS, DyadSeries, dyad_series, sparkline
from dyadwatch.analysis.shifts import Shift, detect_shifts

__all__ = [
    "PERIODS",
    "DyadSeries",
    "SeriesOptions",
    "Shift",
    "connect",
    "detect_shifts",
    "dyad_series",
    "sparkline",
]
