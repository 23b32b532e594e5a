"""Dyad time series: per period and direction, events per quad class and the net cooperation index.

**Net cooperation index** of a set of events: the mean of their `intensity` (the PLOVER
scale of `data/plover.yaml`, −10 = gravest hostile act … +10 = deepest material
cooperation). It is positive when the period's events were on balance cooperative and
negative when conflictual, whatever their number; a period without events has no index
(None), not 0. It is computed for A→B (A is the source), B→A, and both directions together.

**Which events count** (see `SeriesOptions`): events between the two sides in either
direction, dated, inside `since`/`until`, and by default neither negated nor hypothetical.
An event is placed in the period that contains its `date`; an event dated less precisely
than the period (an event known only to the month, when counting by week) cannot be
placed and is left out. Every event left out is counted by reason in `excluded`.

Periods: `day`; `week` (ISO weeks, Monday to Sunday, labelled 2025-W17); `month`
(2025-04); `quarter` (2025-Q2). The series runs without gaps from the period of `since`
(else the first event) to that of `until` (else the last event); empty periods are kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb

from dyadwatch.analysis.data import (
    SeriesOptions,
    actor_label,
    load_dyad_events,
    normalise_actor,
    sources_by_key,
    to_date,
)

PERIODS = ("day", "week", "month", "quarter")
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_SHORT = {1: "vc", 2: "mc", 3: "vk", 4: "mk"}
SPARK = "▁▂▃▄▅▆▇█"


def period_start(day: date, by: str) -> date:
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    raise ValueError(f"unknown period {by!r}: choose one of {', '.join(PERIODS)}")


def next_start(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    months = 1 if by == "month" else 3
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def period_label(start: date, by: str) -> str:
    if by == "day":
        return start.isoformat()
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year}-{start.month:02d}"
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def placeable(precision: str | None, by: str) -> bool:
    """Can an event dated to `precision` be put in one period of length `by`?"""
    return _RANK.get(precision or "day", 0) <= _RANK[by]


@dataclass
class Cell:
    """The events of one period in one direction."""

    n: int = 0
    quad: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    total: float = 0.0

    @property
    def index(self) -> float | None:
        return self.total / self.n if self.n else None

    def add(self, event: dict) -> None:
        self.n += 1
        if event.get("quad_class") in (1, 2, 3, 4):
            self.quad[event["quad_class"] - 1] += 1
        self.total += float(event.get("intensity") or 0.0)

    def to_dict(self) -> dict:
        index = self.index
        return {
            "events": self.n,
            "quad_class": {str(q): self.quad[q - 1] for q in (1, 2, 3, 4)},
            "index": None if index is None else round(index, 3),
        }


@dataclass
class Period:
    start: date
    end: date  # last day, inclusive
    label: str
    ab: Cell = field(default_factory=Cell)
    ba: Cell = field(default_factory=Cell)
    both: Cell = field(default_factory=Cell)
    events: list[dict] = field(default_factory=list)

    def cell(self, direction: str) -> Cell:
        return {"ab": self.ab, "ba": self.ba, "both": self.both}[direction]

    def to_dict(self) -> dict:
        return {
            "period": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "ab": self.ab.to_dict(),
            "ba": self.ba.to_dict(),
            "both": self.both.to_dict(),
        }


@dataclass
class DyadSeries:
    a: str
    b: str
    a_label: str
    b_label: str
    by: str
    options: SeriesOptions
    periods: list[Period]
    events: list[dict]  # the events counted, in date order
    excluded: dict[str, int]
    sources: dict[str, list[str]]  # event key -> outlets reporting it

    def direction_label(self, direction: str) -> str:
        return {"ab": f"{self.a} → {self.b}", "ba": f"{self.b} → {self.a}", "both": "both"}[direction]

    def index_values(self, direction: str = "both") -> list[float | None]:
        return [p.cell(direction).index for p in self.periods]

    def segment_index(self, first: int, last: int, direction: str = "both") -> float | None:
        """The index of all events in periods first..last (inclusive)."""
        cell = Cell()
        for p in self.periods[first : last + 1]:
            c = p.cell(direction)
            cell.n += c.n
            cell.total += c.total
        return cell.index

    def to_dict(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "a_label": self.a_label,
            "b_label": self.b_label,
            "by": self.by,
            "options": {
                "since": self.options.since,
                "until": self.options.until,
                "include_negated": self.options.include_negated,
                "include_hypothetical": self.options.include_hypothetical,
                "min_confidence": self.options.min_confidence,
            },
            "events": len(self.events),
            "excluded": dict(self.excluded),
            "periods": [p.to_dict() for p in self.periods],
        }


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: str = "month",
    options: SeriesOptions | None = None,
) -> DyadSeries:
    """The series of the dyad a–b (codes, names or actor ids; see `data.normalise_actor`)."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}: choose one of {', '.join(PERIODS)}")
    options = options or SeriesOptions()
    a, b = normalise_actor(a), normalise_actor(b)
    rows = load_dyad_events(con, a, b, options.since, options.until)
    excluded: dict[str, int] = {}
    counted: list[dict] = []
    for row in rows:
        reason = options.excluded_reason(row)
        if reason is None and row["date"] is None:
            reason = "undated"
        if reason is None and not placeable(row["date_precision"], by):
            reason = f"dated to the {row['date_precision']} only"
        if reason:
            excluded[reason] = excluded.get(reason, 0) + 1
        else:
            row["date"] = to_date(row["date"])
            counted.append(row)

    periods: list[Period] = []
    first = to_date(options.since) or (counted[0]["date"] if counted else None)
    last = to_date(options.until) or (counted[-1]["date"] if counted else None)
    if first is not None and last is not None and first <= last:
        start = period_start(first, by)
        while start <= last:
            following = next_start(start, by)
            periods.append(Period(start, following - timedelta(days=1), period_label(start, by)))
            start = following
    position = {p.start: i for i, p in enumerate(periods)}
    for event in counted:
        period = periods[position[period_start(event["date"], by)]]
        period.cell(event["direction"]).add(event)
        period.both.add(event)
        period.events.append(event)
    return DyadSeries(
        a=a,
        b=b,
        a_label=actor_label(con, a),
        b_label=actor_label(con, b),
        by=by,
        options=options,
        periods=periods,
        events=counted,
        excluded=excluded,
        sources=sources_by_key(con, counted),
    )


def sparkline(values: list[float | None], lo: float = -10.0, hi: float = 10.0, empty: str = "·") -> str:
    """One character per value on a fixed scale (default −10…+10, so 0 sits in the middle: ▄/▅).

    A fixed scale keeps sparklines of different dyads comparable; None (no events) is `empty`.
    """
    out = []
    for value in values:
        if value is None:
            out.append(empty)
            continue
        share = (min(max(value, lo), hi) - lo) / (hi - lo)
        out.append(SPARK[min(int(share * len(SPARK)), len(SPARK) - 1)])
    return "".join(out)
