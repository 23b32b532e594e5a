"""Relationship analysis on small hand-made databases: periods, the index, exclusions, shifts, outlets, claims."""

from __future__ import annotations

import json
from datetime import date, timedelta

import duckdb
import numpy as np
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from dyadwatch.analysis import SeriesOptions, connect, detect_shifts, dyad_series, sparkline
from dyadwatch.analysis.data import normalise_actor
from dyadwatch.analysis.network import actor_network
from dyadwatch.analysis.outlets import compare_outlets
from dyadwatch.analysis.report import render_report
from dyadwatch.analysis.series import next_start, period_label, period_start, placeable
from dyadwatch.analysis.shifts import change_gains
from dyadwatch.cli import app
from dyadwatch.store import Store

QUAD = {"CONSULT": 1, "AGREE": 1, "AID": 2, "ACCUSE": 3, "SANCTION": 4, "ASSAULT": 4}


def make_db(path, events: list[dict], docs: list[dict] | None = None) -> str:
    """A real dyadwatch DuckDB file (the store's own schema) holding the given rows."""
    Store(path).close()
    docs = docs or [{"id": e["doc_id"]} for e in events]
    docs = list(
        {
            d["id"]: {"outlet": None, "title": None, "url": None, "published": None, "text": ""} | d for d in docs
        }.values()
    )
    rows = []
    for i, e in enumerate(events):
        rows.append(
            {
                "event_id": f"ev{i}",
                "sentence": e.get("sentence", f"sentence {i}"),
                "start": 0,
                "end": 10,
                "negated": False,
                "hypothetical": False,
                "confidence": 0.9,
                "date_precision": "day",
                "quad_class": QUAD.get(e.get("event_type", "CONSULT"), 1),
                "event_type": "CONSULT",
                "source_actor_id": None,
            }
            | e
        )
    con = duckdb.connect(str(path))
    doc_table = pa.Table.from_pylist(docs)  # noqa: F841 (read by DuckDB below)
    con.execute(
        "INSERT INTO documents BY NAME SELECT id, outlet, title, url, CAST(published AS DATE) AS published, "
        "text FROM doc_table"
    )
    if rows:
        event_table = pa.Table.from_pylist(rows)  # noqa: F841
        con.execute("INSERT INTO events BY NAME SELECT * REPLACE (CAST(date AS DATE) AS date) FROM event_table")
    con.close()
    return str(path)


def ev(day: str, src: str, tgt: str, event_type: str, intensity: float, doc: str = "d1", **extra) -> dict:
    return {
        "date": day,
        "source_country": src,
        "target_country": tgt,
        "event_type": event_type,
        "intensity": intensity,
        "doc_id": doc,
    } | extra


# -- periods and sparklines ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "by, day, start, label, following",
    [
        ("day", date(2025, 4, 23), date(2025, 4, 23), "2025-04-23", date(2025, 4, 24)),
        ("week", date(2025, 4, 23), date(2025, 4, 21), "2025-W17", date(2025, 4, 28)),
        ("week", date(2025, 1, 1), date(2024, 12, 30), "2025-W01", date(2025, 1, 6)),
        ("month", date(2025, 12, 31), date(2025, 12, 1), "2025-12", date(2026, 1, 1)),
        ("quarter", date(2025, 11, 5), date(2025, 10, 1), "2025-Q4", date(2026, 1, 1)),
        ("quarter", date(2025, 2, 28), date(2025, 1, 1), "2025-Q1", date(2025, 4, 1)),
    ],
)
def test_periods(by, day, start, label, following):
    assert period_start(day, by) == start
    assert period_label(start, by) == label
    assert next_start(start, by) == following


def test_events_dated_less_precisely_than_the_period_cannot_be_placed():
    assert placeable("day", "day") and placeable("month", "month") and placeable("month", "quarter")
    assert not placeable("month", "week") and not placeable("year", "quarter")
    assert placeable(None, "day")


def test_sparkline_has_a_fixed_scale_and_marks_empty_periods():
    assert sparkline([-10, 0, 10, None, 2.5, -30]) == "▁▅█·▆▁"


def test_actor_arguments_are_normalised():
    assert normalise_actor("india") == "IND"
    assert normalise_actor("United States") == "USA"
    assert normalise_actor("usa") == "USA"
    assert normalise_actor("nato") == "NATO"
    assert normalise_actor("person:asim-munir") == "person:asim-munir"


# -- the index, directions and exclusions --------------------------------------------------------------
@pytest.fixture
def small_db(tmp_path):
    events = [
        ev("2024-01-03", "IND", "PAK", "CONSULT", 1.0, "a"),
        ev("2024-01-20", "PAK", "IND", "AGREE", 3.5, "a"),
        ev("2024-01-21", "PAK", "IND", "ASSAULT", -9.0, "b", negated=True),
        ev("2024-01-22", "IND", "PAK", "AID", 7.0, "b", hypothetical=True),
        ev("2024-03-01", "IND", "PAK", "ACCUSE", -3.0, "b", date_precision="month"),
        ev("2024-03-09", "PAK", "IND", "SANCTION", -5.5, "b"),
        ev("2024-03-10", "PAK", "IND", "CONSULT", 1.0, "b", source_actor_id="person:shehbaz-sharif"),
        ev(None, "IND", "PAK", "CONSULT", 1.0, "b"),
        ev("2024-03-10", "IND", "CHN", "ACCUSE", -3.0, "b"),  # another dyad
        ev("2024-03-10", "IND", "IND", "ACCUSE", -3.0, "b"),  # domestic
    ]
    docs = [
        {"id": "a", "outlet": "Alpha", "published": "2024-01-21"},
        {"id": "b", "outlet": "Beta", "published": "2024-03-10"},
    ]
    return make_db(tmp_path / "small.duckdb", events, docs)


def test_monthly_series_by_direction(small_db):
    con = connect(small_db)
    s = dyad_series(con, "IND", "PAK", "month")
    assert [p.label for p in s.periods] == ["2024-01", "2024-02", "2024-03"]
    jan, feb, mar = s.periods
    assert (jan.ab.n, jan.ab.quad, jan.ab.index) == (1, [1, 0, 0, 0], 1.0)
    assert (jan.ba.n, jan.ba.quad, jan.ba.index) == (1, [1, 0, 0, 0], 3.5)
    assert (jan.both.n, jan.both.index) == (2, 2.25)
    assert (feb.both.n, feb.both.index) == (0, None)
    assert (mar.ab.n, mar.ab.quad, mar.ab.index) == (1, [0, 0, 1, 0], -3.0)
    assert (mar.ba.n, mar.ba.quad, mar.ba.index) == (2, [1, 0, 0, 1], -2.25)
    assert mar.both.index == pytest.approx((-3.0 - 5.5 + 1.0) / 3)
    assert s.excluded == {"negated": 1, "hypothetical": 1, "undated": 1}
    assert s.index_values("ab") == [1.0, None, -3.0]


def test_options_include_modal_events_and_drop_imprecise_dates(small_db):
    con = connect(small_db)
    s = dyad_series(con, "IND", "PAK", "week", SeriesOptions(include_negated=True, include_hypothetical=True))
    assert s.excluded == {"dated to the month only": 1, "undated": 1}
    assert sum(p.both.n for p in s.periods) == 6
    s = dyad_series(con, "India", "Pakistan", "month", SeriesOptions(since="2024-03-01", min_confidence=0.95))
    assert s.events == [] and s.excluded["low confidence"] == 3


def test_an_actor_id_is_one_side_of_a_dyad(small_db):
    s = dyad_series(connect(small_db), "person:shehbaz-sharif", "IND", "month")
    assert [(e["event_type"], e["direction"]) for e in s.events] == [("CONSULT", "ab")]


# -- shifts --------------------------------------------------------------------------------------
def story(tmp_path, values: list[float], per_month: int = 2, start: date = date(2023, 1, 1)) -> str:
    events, day = [], start
    for month, value in enumerate(values):
        first = date(start.year + (start.month - 1 + month) // 12, (start.month - 1 + month) % 12 + 1, 5)
        for k in range(per_month):
            day = first + timedelta(days=7 * k)
            kind = "CONSULT" if value > 0 else "ACCUSE"
            events.append(
                ev(
                    day.isoformat(),
                    "USA" if k % 2 else "CHN",
                    "CHN" if k % 2 else "USA",
                    kind,
                    value,
                    f"doc-{month}-{k}",
                    sentence=f"{kind} {month} {k}",
                )
            )
    return make_db(tmp_path / "story.duckdb", events)


def test_change_gain_is_the_weighted_mean_difference():
    # periods: 1 event at +1, 2 events at +1 (sum 2), 1 at -3, 1 at -3
    cw = np.array([0.0, 1.0, 3.0, 4.0, 5.0])
    cs = np.array([0.0, 1.0, 3.0, 0.0, -3.0])
    gains = change_gains(cw, cs, min_size=1)
    assert gains[0, 2] == pytest.approx(3 * 2 / 5 * 4**2)  # step after period 2: 3 events at +1, 2 at -3
    assert gains[2, 4] == gains[0, 2]  # the same split seen from the other side
    assert gains[1, 3] == pytest.approx(3 * 2 / 5 * ((1 * 2 - 3) / 3 - (1 - 3) / 2) ** 2)  # a middle stretch
    assert gains[0, 3] == pytest.approx(4 * 1 / 5 * ((3 - 3) / 4 + 3) ** 2)
    assert gains[0, 4] == -np.inf and gains[2, 2] == -np.inf  # the whole run, an empty stretch
    assert change_gains(cw, cs, min_size=2)[0, 1] == -np.inf  # too short
    assert change_gains(cw, cs, min_size=1, circular=False)[1, 3] == -np.inf


def test_a_step_is_found_where_it_is(tmp_path):
    values = [3.0, 2.5, 3.5, 3.0, 2.0, 3.0, -5.0, -6.0, -4.5, -5.5]
    con = connect(story(tmp_path, values))
    s = dyad_series(con, "USA", "CHN", "month")
    [shift] = detect_shifts(s)
    assert shift.period == "2023-07" and shift.towards == "conflict"
    assert shift.before_periods == ("2023-01", "2023-06") and shift.after_periods == ("2023-07", "2023-10")
    assert shift.before_index == pytest.approx(np.mean(values[:6]))
    assert shift.after_index == pytest.approx(np.mean(values[6:]))
    assert shift.p_value < 0.01
    assert shift.first_event == date(2023, 7, 5)
    assert [d.date for d in shift.drivers] == [date(2023, 7, 5), date(2023, 7, 12)]
    assert shift.drivers[0].evidence[0].sentence == "ACCUSE 6 0"
    assert detect_shifts(s) == detect_shifts(s)  # seeded: the same answer every time


def test_no_shift_in_noise_or_in_a_small_step(tmp_path):
    noisy = [2.0, -1.0, 3.0, 0.5, -0.5, 2.5, 1.0, -1.5, 2.0, 0.0]
    con = connect(story(tmp_path, noisy))
    assert detect_shifts(dyad_series(con, "USA", "CHN", "month")) == []
    con.close()
    (tmp_path / "story.duckdb").unlink()
    small = [1.0, 1.2, 1.1, 1.0, 1.2, 0.5, 0.4, 0.6, 0.5, 0.5]
    con = connect(story(tmp_path, small))
    s = dyad_series(con, "USA", "CHN", "month")
    assert detect_shifts(s, min_delta=1.0) == []
    assert [x.period for x in detect_shifts(s, min_delta=0.2)] == ["2023-06"]


def test_two_shifts(tmp_path):
    values = [3.0, 3.5, 2.5, 3.0, -6.0, -5.0, -6.5, -5.5, 4.0, 3.5, 4.5, 3.0]
    s = dyad_series(connect(story(tmp_path, values)), "USA", "CHN", "month")
    shifts = detect_shifts(s)
    assert [(x.period, x.towards) for x in shifts] == [("2023-05", "conflict"), ("2023-09", "cooperation")]


def test_a_long_daily_series_is_searched_for_single_change_points(tmp_path):
    start = date(2022, 1, 1)
    events = [
        ev(
            (start + timedelta(days=d)).isoformat(),
            "USA",
            "CHN",
            "CONSULT" if d < 150 else "ACCUSE",
            (2.0 if d < 150 else -3.0) + (d % 3 - 1),
            f"day-{d}",
        )
        for d in range(260)
    ]
    s = dyad_series(connect(make_db(tmp_path / "long.duckdb", events)), "USA", "CHN", "day")
    assert sum(1 for p in s.periods if p.both.n) == 260  # more than MAX_CIRCULAR: binary segmentation
    [shift] = detect_shifts(s)
    assert shift.period == "2022-05-31" and shift.p_value < 0.01


def test_cli_dyad_json_and_text(tmp_path):
    db = story(tmp_path, [3.0, 2.5, 3.5, 3.0, 2.0, 3.0, -5.0, -6.0, -4.5, -5.5])
    runner = CliRunner()
    result = runner.invoke(app, ["dyad", "usa", "china", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["a"] == "USA" and data["b"] == "CHN" and data["events"] == 20
    assert [p["both"]["index"] for p in data["periods"]][:2] == [3.0, 2.5]
    assert data["shifts"][0]["period"] == "2023-07"
    result = runner.invoke(app, ["dyad", "USA", "CHN", "--db", db, "--by", "quarter"])
    assert result.exit_code == 0, result.output
    assert "2023-Q3" in result.output and "sparklines" in result.output
    result = runner.invoke(app, ["dyad", "USA", "CHN", "--db", db, "--by", "year"])
    assert result.exit_code != 0 and "day, week, month, quarter" in result.output
    result = runner.invoke(app, ["dyad", "USA", "CHN", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no database" in result.output


# -- network, outlets, claims --------------------------------------------------------------------
def test_network_nodes_and_edges(small_db):
    net = actor_network(connect(small_db))
    edges = {(e.a, e.b): e for e in net.edges}
    # negated, hypothetical and domestic events are left out; undated ones count (no period needed)
    assert set(edges) == {("IND", "PAK"), ("CHN", "IND")}
    assert edges["IND", "PAK"].events == 6 and edges["IND", "PAK"].ab == 3
    assert edges["IND", "PAK"].index == pytest.approx((1.0 + 3.5 - 3.0 - 5.5 + 1.0 + 1.0) / 6)
    assert {n.id: n.events for n in net.nodes} == {"IND": 7, "PAK": 6, "CHN": 1}
    assert set(net.positions) == {"IND", "PAK", "CHN"}
    assert all(-1.0 <= c <= 1.0 for xy in net.positions.values() for c in xy)


def test_outlets_compare_coverage(tmp_path):
    events = [
        ev("2024-05-01", "USA", "CHN", "SANCTION", -5.5, "x1"),
        ev("2024-05-01", "USA", "CHN", "SANCTION", -5.5, "y1"),  # the same event, another outlet
        ev("2024-05-02", "CHN", "USA", "ACCUSE", -3.0, "y1"),
        ev("2024-05-03", "CHN", "USA", "CONSULT", 1.0, "x2"),
    ]
    docs = [
        {"id": "x1", "outlet": "Xinhua-like"},
        {"id": "x2", "outlet": "Xinhua-like"},
        {"id": "y1", "outlet": "Yonder Post"},
    ]
    con = connect(make_db(tmp_path / "o.duckdb", events, docs))
    cmp = compare_outlets(con, dyad=("USA", "CHN"))
    rows = {r.outlet: r for r in cmp.rows}
    assert cmp.events == 4 and cmp.overall_index == pytest.approx(-13 / 4)
    assert (rows["Xinhua-like"].documents, rows["Xinhua-like"].events, rows["Xinhua-like"].only_here) == (2, 2, 1)
    assert rows["Yonder Post"].quad == [0, 0, 1, 1] and rows["Yonder Post"].only_here == 1
    assert rows["Yonder Post"].index == pytest.approx(-4.25)
    assert dict(rows["Yonder Post"].types) == {"ACCUSE": 1, "SANCTION": 1}
    result = CliRunner().invoke(app, ["outlets", "--db", str(tmp_path / "o.duckdb"), "--dyad", "USA", "CHN"])
    assert result.exit_code == 0 and "Yonder Post" in result.output


def test_report_lists_disputed_claims_when_the_ledger_exists(tmp_path):
    db = story(tmp_path, [3.0, 2.5, 3.5, 3.0, 2.0, 3.0, -5.0, -6.0, -4.5, -5.5])
    con = duckdb.connect(db)
    con.execute(
        "CREATE OR REPLACE TABLE claims (claim_id VARCHAR, doc_id VARCHAR, sentence VARCHAR, speaker_country VARCHAR, "
        "speaker_actor_id VARCHAR, content VARCHAR, stance VARCHAR, claim_key VARCHAR)"
    )
    con.execute(
        "INSERT INTO claims VALUES ('c1', 'doc-6-0', 'China says five jets were downed.', 'CHN', NULL, "
        "'five jets downed', 'assert', 'jets-downed'), ('c2', 'doc-6-1', 'Washington denies losing any jet.', "
        "'USA', NULL, 'five jets downed', 'deny', 'jets-downed'), ('c3', 'doc-6-1', 'Both sides agree on talks.', "
        "'USA', NULL, 'talks', 'assert', 'talks')"
    )
    con.close()
    con = connect(db)
    s = dyad_series(con, "USA", "CHN", "month")
    page = render_report(con, s, detect_shifts(s))
    section = page[page.index('id="disputed-claims"') : page.index('id="sources"')]
    assert "jets-downed" in section and "Washington denies losing any jet." in section
    assert "talks" not in section and "not available yet" not in section
