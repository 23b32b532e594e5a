"""Shifts: where a dyad's net cooperation index changes, and which events drove each change.

Method: circular binary segmentation (Olshen et al., 2004, the standard method for
copy-number change points) for a change in the mean intensity, with a permutation test.
dyadwatch's own implementation, not tuned to the sample corpus:

1. **Signal**: the periods of the series that have events (both directions together);
   for each, the number of events and the sum of their intensities. Empty periods carry
   no information and are skipped, so a quiet stretch is never a "shift".
2. **Best change** in a run of periods: the stretch [i, j) whose events' mean differs most
   from the mean of the rest, by the reduction of the squared error around the mean,
   `gain = W_in·W_out / W · (mean_in − mean_out)²` (W = events). A stretch that reaches
   the end of the run is one change point (a step); one in the middle is two (a dip or a
   surge and the return from it), which plain binary segmentation cannot see. Every part
   must keep at least `min_size` periods with events (default 2), so that a single
   period's spike is not a shift; once a change is found, each of its ends may still move
   by one period where the fit is better (a turn in the last period is placed there, not
   one period early). Runs longer than `MAX_CIRCULAR` (200) periods with events are
   searched for single change points only (binary segmentation), to stay fast.
3. **Significance**: a permutation test. The documents (each document's events in a
   period move together) are shuffled over the run's periods `permutations` times (999,
   fixed seed 0: the same data always give the same answer) and the best change's gain is
   computed each time; p = (1 + shuffles with a gain ≥ the observed) / (1 + shuffles).
   Documents, not single events, are the unit, so many events from one article cannot
   make a shift on their own. Shuffling stops early once 20 shuffles beat the observed
   change (Besag–Clifford sequential p-value): that change is far from significant. A
   change is a shift when p < `alpha` (0.05) **and** the means differ by at least
   `min_delta` points (1.0 on the −10…+10 scale): significant and large enough to matter.
4. **Recursion**: each part of an accepted change is searched again, until no run has a
   significant change. The before/after index of a shift is that of the final segments
   on either side of it; its p is that of the test that found it.

**Drivers** of a shift: the events of the first `window` periods with events after the
change (default 1) that moved the index the way it shifted (below the old mean for a turn
towards conflict, above it for a turn towards cooperation), merged into real-world events
(the fused event, else the same type, direction and day) and ranked by |intensity|, then by
the number of outlets that report them, then by date. Each comes with its evidence
sentences (one per document, with outlet and title).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from dyadwatch.analysis.series import DyadSeries


@dataclass
class Evidence:
    sentence: str
    doc_id: str
    outlet: str
    title: str | None
    url: str | None
    published: date | None
    event_id: str
    start: int | None
    end: int | None

    def to_dict(self) -> dict:
        return {
            "sentence": self.sentence,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "event_id": self.event_id,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Driver:
    key: str
    date: date
    event_type: str
    mode: str | None
    direction: str  # ab | ba
    source: str
    target: str
    intensity: float
    quad_class: int | None
    outlets: list[str]
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def sources(self) -> int:
        return len(self.outlets)

    def headline(self) -> str:
        kind = self.event_type + (f"/{self.mode}" if self.mode else "")
        return f"{self.date.isoformat()} {kind} {self.source} → {self.target} ({self.intensity:+.1f})"

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "date": self.date.isoformat(),
            "event_type": self.event_type,
            "mode": self.mode,
            "direction": self.direction,
            "source": self.source,
            "target": self.target,
            "intensity": self.intensity,
            "quad_class": self.quad_class,
            "sources": self.sources,
            "outlets": self.outlets,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass
class Shift:
    position: int  # index in series.periods of the first period after the change
    period: str  # its label
    first_event: date  # the first counted event on or after the change
    before_periods: tuple[str, str]  # first and last period label of the segment before
    after_periods: tuple[str, str]
    before_index: float
    after_index: float
    before_events: int
    after_events: int
    p_value: float
    drivers: list[Driver] = field(default_factory=list)

    @property
    def delta(self) -> float:
        return self.after_index - self.before_index

    @property
    def towards(self) -> str:
        return "cooperation" if self.delta > 0 else "conflict"

    def summary(self) -> str:
        return (
            f"{self.period}: towards {self.towards}, index {self.before_index:+.2f} → {self.after_index:+.2f} "
            f"({self.delta:+.2f}; {self.before_periods[0]}…{self.before_periods[1]} vs "
            f"{self.after_periods[0]}…{self.after_periods[1]}; p = {self.p_value:.3f})"
        )

    def to_dict(self) -> dict:
        return {
            "period": self.period,
            "first_event": self.first_event.isoformat(),
            "towards": self.towards,
            "before": {
                "periods": list(self.before_periods),
                "index": round(self.before_index, 3),
                "events": self.before_events,
            },
            "after": {
                "periods": list(self.after_periods),
                "index": round(self.after_index, 3),
                "events": self.after_events,
            },
            "delta": round(self.delta, 3),
            "p_value": round(self.p_value, 4),
            "drivers": [d.to_dict() for d in self.drivers],
        }


MAX_CIRCULAR = 200
STOP_AFTER = 20


def change_gains(cw: np.ndarray, cs: np.ndarray, min_size: int, circular: bool = True) -> np.ndarray:
    """Gain of every admissible change, from prefix sums of events `cw` and intensities `cs`.

    cw, cs: (..., m + 1) prefix sums over the run's periods, starting with 0. Returns
    (..., m + 1, m + 1): element [i, j] is the gain of setting periods i..j-1 apart from the
    rest; -inf where not admissible (too short a part, the whole run, or not a single
    change point when `circular` is False).
    """
    m = cw.shape[-1] - 1
    i = np.arange(m + 1)[:, None]
    j = np.arange(m + 1)[None, :]
    ok = (j - i >= min_size) & ((i == 0) | (i >= min_size)) & ((j == m) | (m - j >= min_size))
    ok &= ~((i == 0) & (j == m))
    if not circular:
        ok &= (i == 0) | (j == m)
    w_in = cw[..., None, :] - cw[..., :, None]
    s_in = cs[..., None, :] - cs[..., :, None]
    total_w = cw[..., -1, None, None]
    total_s = cs[..., -1, None, None]
    w_out = total_w - w_in
    with np.errstate(divide="ignore", invalid="ignore"):
        gain = w_in * w_out / total_w * (s_in / w_in - (total_s - s_in) / w_out) ** 2
    return np.where(ok, np.nan_to_num(gain, nan=-np.inf), -np.inf)


def _refine(gains: np.ndarray, i: int, j: int, m: int) -> tuple[int, int]:
    """Move each end of a change by at most one period where that fits better, even if it leaves a single
    period on one side: `min_size` guards the test against one-period spikes, not the place of a change."""
    best = (gains[i, j], i, j)
    for di in (-1, 0, 1) if i > 0 else (0,):
        for dj in (-1, 0, 1) if j < m else (0,):
            a, b = i + di, j + dj
            if 0 <= a < b <= m and (a, b) != (0, m) and (a == 0) == (i == 0) and (b == m) == (j == m):
                best = max(best, (gains[a, b], a, b))
    return best[1], best[2]


def split_gains(cw: np.ndarray, cs: np.ndarray, min_size: int) -> np.ndarray:
    """Gain of every single change point: element k splits the run after its first k periods; -inf where a
    part would be shorter than `min_size`. The same values as change_gains[..., 0, k], in O(m)."""
    m = cw.shape[-1] - 1
    k = np.arange(m + 1)
    ok = (k >= min_size) & (m - k >= min_size)
    total_w, total_s = cw[..., -1:], cs[..., -1:]
    with np.errstate(divide="ignore", invalid="ignore"):
        gain = cw * (total_w - cw) / total_w * (cs / cw - (total_s - cs) / (total_w - cw)) ** 2
    return np.where(ok, np.nan_to_num(gain, nan=-np.inf), -np.inf)


def _best_change(units_n, units_s, slots, m, min_size, permutations, rng):
    """((i, j), gain, p) of the best change in one run, or None when the run is too short.

    units_n/units_s: events and intensity sum of each document-in-period, in period order;
    slots: the period (0..m-1) of each unit. The permutations stop early, with Besag and
    Clifford's sequential p-value (exceedances / shuffles done), once `STOP_AFTER` shuffles
    have beaten the observed gain: such a change is far from significant anyway.
    """
    if m < 2 * min_size:
        return None
    circular = m <= MAX_CIRCULAR
    ends = np.searchsorted(slots, np.arange(m), side="right")  # units up to the end of each period

    def prefix(n, s):
        cn, cs = np.cumsum(n, axis=-1), np.cumsum(s, axis=-1)
        zero = np.zeros(n.shape[:-1] + (1,))
        return np.concatenate([zero, cn[..., ends - 1]], axis=-1), np.concatenate([zero, cs[..., ends - 1]], axis=-1)

    cw, cs = prefix(units_n, units_s)
    if circular:
        gains = change_gains(cw, cs, min_size, True)
        i, j = divmod(int(np.argmax(gains)), m + 1)
        observed = float(gains[i, j])
        if np.isfinite(observed):
            i, j = _refine(change_gains(cw, cs, 1, True), i, j, m)
        per_shuffle = (m + 1) ** 2

        def best_null(pw, ps):
            return change_gains(pw, ps, min_size, True).reshape(len(pw), -1).max(axis=1)
    else:
        gains = split_gains(cw, cs, min_size)
        k = int(np.argmax(gains))
        observed = float(gains[k])
        loose = split_gains(cw, cs, 1)
        i, j = 0, max((c for c in (k - 1, k, k + 1) if 0 < c < m), key=lambda c: loose[c])
        per_shuffle = m + 1

        def best_null(pw, ps):
            return split_gains(pw, ps, min_size).max(axis=1)

    if not np.isfinite(observed):
        return None
    chunk = max(1, min(100, 4_000_000 // per_shuffle))
    exceed = done = 0
    while done < permutations:
        size = min(chunk, permutations - done)
        order = np.argsort(rng.random((size, len(units_n))), axis=1)
        exceed += int(np.sum(best_null(*prefix(units_n[order], units_s[order])) >= observed * (1 - 1e-9)))
        done += size
        if exceed >= STOP_AFTER:
            return (i, j), observed, exceed / done
    return (i, j), observed, (1 + exceed) / (1 + permutations)


def detect_shifts(
    series: DyadSeries,
    alpha: float = 0.05,
    min_size: int = 2,
    min_delta: float = 1.0,
    permutations: int = 999,
    seed: int = 0,
    drivers: int = 3,
    window: int = 1,
) -> list[Shift]:
    """The shifts of a series, oldest first, each with up to `drivers` driving events."""
    points = [i for i, p in enumerate(series.periods) if p.both.n]
    w = np.array([series.periods[i].both.n for i in points], dtype=float)
    # units: the events of one document in one period
    unit_slot, unit_n, unit_s = [], [], []
    for k, position in enumerate(points):
        per_doc: dict[str, list[float]] = {}
        for e in series.periods[position].events:
            per_doc.setdefault(e["doc_id"], []).append(float(e.get("intensity") or 0.0))
        for doc_id in sorted(per_doc):
            unit_slot.append(k)
            unit_n.append(len(per_doc[doc_id]))
            unit_s.append(sum(per_doc[doc_id]))
    unit_slot, unit_n, unit_s = np.array(unit_slot), np.array(unit_n, float), np.array(unit_s, float)
    rng = np.random.default_rng(seed)
    cuts: dict[int, float] = {}  # position in `points` of the first point after a change -> p
    runs = [(0, len(points))]
    while runs:
        lo, hi = runs.pop(0)
        sel = (unit_slot >= lo) & (unit_slot < hi)
        found = _best_change(unit_n[sel], unit_s[sel], unit_slot[sel] - lo, hi - lo, min_size, permutations, rng)
        if found is None:
            continue
        (i, j), _, p = found
        inside = (unit_slot >= lo + i) & (unit_slot < lo + j)
        mean_in = unit_s[inside].sum() / unit_n[inside].sum()
        mean_out = unit_s[sel & ~inside].sum() / unit_n[sel & ~inside].sum()
        if p < alpha and abs(mean_in - mean_out) >= min_delta:
            new = [c for c in (lo + i, lo + j) if lo < c < hi]
            for c in new:
                cuts[c] = p
            edges = [lo, *new, hi]
            runs += list(zip(edges, edges[1:], strict=False))

    bounds = [0, *sorted(cuts), len(points)]
    shifts = []
    for j, cut in enumerate(sorted(cuts)):
        before = (bounds[j], cut)
        after = (cut, bounds[j + 2])
        first_period, last_period = points[before[0]], points[before[1] - 1]
        next_first, next_last = points[after[0]], points[after[1] - 1]
        shift = Shift(
            position=next_first,
            period=series.periods[next_first].label,
            first_event=min(e["date"] for e in series.periods[next_first].events),
            before_periods=(series.periods[first_period].label, series.periods[last_period].label),
            after_periods=(series.periods[next_first].label, series.periods[next_last].label),
            before_index=float(series.segment_index(first_period, last_period)),
            after_index=float(series.segment_index(next_first, next_last)),
            before_events=int(w[before[0] : before[1]].sum()),
            after_events=int(w[after[0] : after[1]].sum()),
            p_value=cuts[cut],
        )
        window_periods = points[after[0] : min(after[0] + window, after[1])]
        shift.drivers = driving_events(series, shift, window_periods, drivers)
        shifts.append(shift)
    return shifts


def driving_events(series: DyadSeries, shift: Shift, period_positions: list[int], top: int) -> list[Driver]:
    """The real-world events of the given periods that moved the index the way it shifted, best first."""
    groups: dict[str, list[dict]] = {}
    for position in period_positions:
        for event in series.periods[position].events:
            intensity = float(event.get("intensity") or 0.0)
            moved = intensity < shift.before_index if shift.delta < 0 else intensity > shift.before_index
            if moved:
                groups.setdefault(event["key"], []).append(event)
    found = []
    for key, events in groups.items():
        lead = max(events, key=lambda e: (abs(e["intensity"] or 0.0), e["confidence"] or 0.0))
        evidence, seen = [], set()
        for e in sorted(events, key=lambda e: (e["outlet"], e["doc_id"], e["start"] or 0)):
            if e["doc_id"] in seen:
                continue
            seen.add(e["doc_id"])
            evidence.append(
                Evidence(
                    e["sentence"],
                    e["doc_id"],
                    e["outlet"],
                    e["title"],
                    e["url"],
                    e["published"],
                    e["event_id"],
                    e["start"],
                    e["end"],
                )
            )
        found.append(
            Driver(
                key=key,
                date=lead["date"],
                event_type=lead["event_type"],
                mode=lead["mode"],
                direction=lead["direction"],
                source=_side(lead, "source"),
                target=_side(lead, "target"),
                intensity=float(lead["intensity"] or 0.0),
                quad_class=lead["quad_class"],
                outlets=series.sources.get(key, [lead["outlet"]]),
                evidence=evidence,
            )
        )
    found.sort(key=lambda d: (-abs(d.intensity), -d.sources, d.date, d.key))
    return found[:top]


def _side(event: dict, side: str) -> str:
    country = event.get(f"{side}_country")
    name = event.get(f"{side}_name")
    if country and name and name != country:
        return f"{country} ({name})"
    return country or name or event.get(f"{side}_text") or "?"
