"""Relationships on the sample corpus, ingested with the real pipeline: series, the India–Pakistan shift that
examples/corpus/dyad-story/ was written to contain, plots (PNG, SVG, HTML), the brief, outlets; HTML pages are
rendered in headless Chromium with a screenshot."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest
from PIL import Image
from typer.testing import CliRunner

from dyadwatch.analysis import connect, detect_shifts, dyad_series
from dyadwatch.cli import app

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
runner = CliRunner()

# The story of examples/corpus/dyad-story/: India and Pakistan cooperate from July 2024 to March 2025
# (talks, releases, agreements, visits), then turn to conflict after the attack of 22 April 2025.
COOPERATIVE = ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]
CONFLICT = ["2025-04", "2025-05", "2025-06"]


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("analysis") / "corpus.duckdb"
    out = invoke("ingest", str(CORPUS), "--db", str(path))
    assert "failed 0" in out
    return str(path)


@pytest.fixture(scope="module")
def monthly(db):
    con = connect(db)
    series = dyad_series(con, "IND", "PAK", "month")
    yield series, detect_shifts(series)
    con.close()


# -- series -------------------------------------------------------------------------------------
def test_monthly_series_of_the_story(monthly):
    series, _ = monthly
    periods = {p.label: p for p in series.periods}
    # the story's months, in order (the 2019 pilot crisis of b-islamabad-pilot-release.txt comes before them)
    assert [p.label for p in series.periods if p.label >= COOPERATIVE[0]] == COOPERATIVE + CONFLICT
    for label in COOPERATIVE:
        assert periods[label].both.n >= 1 and periods[label].both.index > 0, label
        assert periods[label].both.quad[2:] == [0, 0], label  # no conflict events before the turn
    for label in CONFLICT:
        assert periods[label].both.index < -2, label
        assert periods[label].both.quad[:2] == [0, 0], label  # no cooperation after it
    # September 2024: the Kartarpur pact (India and Pakistan sign: AGREE, IND→PAK) and Pakistan's praise
    # (SUPPORT, PAK→IND); both verbal cooperation at +3.5
    sep = periods["2024-09"]
    assert (sep.ab.n, sep.ab.quad, sep.ab.index) == (1, [1, 0, 0, 0], 3.5)
    assert (sep.ba.n, sep.ba.quad, sep.ba.index) == (1, [1, 0, 0, 0], 3.5)
    # April 2025: India accuses Pakistan (-3), suspends the treaty (told by two outlets, -5.5 each), expels
    # Pakistan's military advisers (-5) and closes the border crossing (-6); Pakistan rejects, suspends
    # trade, accuses and warns
    apr = periods["2025-04"]
    assert apr.ab.n == 5 and apr.ab.quad == [0, 0, 1, 4]
    assert apr.ab.index == pytest.approx((-3 - 5.5 - 5.5 - 5 - 6) / 5)
    assert apr.ba.n >= 3 and apr.ba.quad[:2] == [0, 0] and apr.ba.index < -3
    # a hypothetical release from 2019 (b-islamabad-pilot-release.txt) is left out and counted as such
    assert series.excluded.get("hypothetical", 0) >= 1


def test_series_values_agree_with_the_events_table(db, monthly):
    series, _ = monthly
    con = duckdb.connect(db, read_only=True)
    rows = con.execute(
        """
        SELECT strftime(date, '%Y-%m') AS m, source_country = 'IND' AS ab, count(*), avg(intensity),
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4)
        FROM events
        WHERE ((source_country = 'IND' AND target_country = 'PAK')
               OR (source_country = 'PAK' AND target_country = 'IND'))
          AND NOT negated AND NOT hypothetical AND date IS NOT NULL AND date_precision IN ('day', 'month')
        GROUP BY 1, 2
        """
    ).fetchall()
    con.close()
    expected = {(m, "ab" if ab else "ba"): (n, idx, [q1, q2, q3, q4]) for m, ab, n, idx, q1, q2, q3, q4 in rows}
    got = {
        (p.label, d): (p.cell(d).n, p.cell(d).index, p.cell(d).quad)
        for p in series.periods
        for d in ("ab", "ba")
        if p.cell(d).n
    }
    assert got.keys() == expected.keys()
    for key, (n, idx, quad) in expected.items():
        assert got[key][0] == n and got[key][1] == pytest.approx(idx) and got[key][2] == quad, key


# -- shifts -------------------------------------------------------------------------------------
def test_the_turn_is_found_in_april_2025(monthly):
    series, shifts = monthly
    [shift] = shifts
    assert shift.period == "2025-04" and shift.towards == "conflict"
    assert shift.first_event == date(2025, 4, 23)
    before = (series.periods[0].label, "2025-03")  # from the first month coded (the 2019 crisis, when found)
    assert shift.before_periods == before and shift.after_periods == ("2025-04", "2025-06")
    assert shift.before_index > 2 and shift.after_index < -3
    assert shift.p_value < 0.01
    # most intense first: the closures of 24 April (-6: India's border crossing, Pakistan's airspace), then
    # the treaty suspension (-5.5, two outlets)
    assert [d.intensity for d in shift.drivers] == sorted(d.intensity for d in shift.drivers)
    assert ("COERCE", "ab", date(2025, 4, 24)) in {(d.event_type, d.direction, d.date) for d in shift.drivers[:2]}
    treaty = next(d for d in shift.drivers if d.event_type == "SANCTION")
    assert (treaty.event_type, treaty.direction, treaty.date) == ("SANCTION", "ab", date(2025, 4, 23))
    assert treaty.outlets == ["The Delhi Ledger", "The Indus Dispatch"] and treaty.sources == 2
    assert {e.doc_id for e in treaty.evidence} == {
        "dyad-story/2025-04-india-suspends-indus-treaty.txt",
        "dyad-story/2025-04-treaty-suspension-reaction.txt",
    }
    assert all("suspended the Indus Waters Treaty" in e.sentence for e in treaty.evidence)
    assert all(d.intensity < shift.before_index and d.date.strftime("%Y-%m") == "2025-04" for d in shift.drivers)


@pytest.mark.parametrize("by, period", [("day", "2025-04-23"), ("week", "2025-W17"), ("quarter", "2025-Q2")])
def test_every_resolution_puts_the_turn_in_the_same_place(db, by, period):
    con = connect(db)
    shifts = detect_shifts(dyad_series(con, "India", "Pakistan", by))
    con.close()
    turn, *later = shifts
    assert turn.period == period and turn.before_index > 0 > turn.after_index
    # Day by day, India's strikes of 7 May deepen the conflict and it eases after them: shifts
    # within the conflict, never back to cooperation. Coarser periods see the one turn.
    assert all(s.before_index < 0 and s.after_index < 0 for s in later)
    assert later == [] or by == "day"


def test_no_shift_while_the_relationship_is_steady(db):
    con = connect(db)
    from dyadwatch.analysis import SeriesOptions

    series = dyad_series(con, "IND", "PAK", "month", SeriesOptions(until="2025-03-31"))
    con.close()
    assert len(series.events) >= 9 and detect_shifts(series) == []


def test_cli_dyad(db):
    out = invoke("dyad", "India", "Pakistan", "--db", db)
    assert "India (IND) – Pakistan (PAK), by month" in out
    assert re.search(r"both\s+[▁▂▃▄▅▆▇█·]{12}", out)
    assert "shift 2025-04: towards conflict" in out and "suspended the Indus Waters Treaty" in out
    data = json.loads(invoke("dyad", "IND", "PAK", "--db", db, "--json", "--since", "2025-01-01"))
    assert [p["period"] for p in data["periods"]] == ["2025-01", "2025-02", "2025-03"] + CONFLICT
    assert data["periods"][3]["ab"] == {"events": 5, "quad_class": {"1": 0, "2": 0, "3": 1, "4": 4}, "index": -5.0}


# -- outlets ------------------------------------------------------------------------------------
def test_outlets_of_the_dyad(db):
    data = json.loads(invoke("outlets", "--db", db, "--dyad", "IND", "PAK", "--json"))
    rows = {r["outlet"]: r for r in data["outlets"]}
    assert {"The Delhi Ledger", "The Indus Dispatch", "Lahore Chronicle", "Frontier Post Online"} <= set(rows)
    assert sum(r["events"] for r in rows.values()) == data["events"]
    # The treaty suspension is told by the Delhi Ledger and the Indus Dispatch, India's strikes of
    # 7 May by the Delhi Ledger and Frontier Post Online: a shared event is "only here" for neither.
    # The Delhi Ledger also tells India's expulsion of Pakistan's military advisers (a second SANCTION).
    for outlet, shared, sanctions in (("The Delhi Ledger", 2, 2), ("The Indus Dispatch", 1, 1)):
        assert rows[outlet]["only_here"] == rows[outlet]["events"] - shared
        assert rows[outlet]["types"]["SANCTION"] == sanctions
    out = invoke("outlets", "--db", db)
    assert "event types by outlet" in out


# -- plots --------------------------------------------------------------------------------------
def ink_share(path: Path) -> float:
    """Share of pixels that are not (near) white."""
    image = Image.open(path).convert("L")
    histogram = image.histogram()
    return 1 - sum(histogram[245:]) / (image.width * image.height)


def test_png_dyad_plot(db, tmp_path):
    out = tmp_path / "ind-pak.png"
    invoke("plot", "dyad", "IND", "PAK", "--db", db, "--out", str(out), "--width", "1200", "--height", "700")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(out).convert("RGB")
    assert image.size == (1200, 700)
    assert 0.04 < ink_share(out) < 0.6  # a chart, neither blank nor a solid block
    colours = image.getcolors(maxcolors=1_000_000)
    # the shift line and driver markers (#c0392b) and the line of both directions (#222222) are drawn
    assert any(c == (0xC0, 0x39, 0x2B) and n > 200 for n, c in colours)
    assert any(c == (0x22, 0x22, 0x22) and n > 200 for n, c in colours)


def test_svg_and_network_plots(db, tmp_path):
    svg = tmp_path / "ind-pak.svg"
    invoke("plot", "dyad", "IND", "PAK", "--db", db, "--out", str(svg))
    text = svg.read_text()
    assert "<svg" in text and 'width="864pt"' in text  # 1200 px at 100 dpi = 864 pt
    net = tmp_path / "network.png"
    out = invoke("plot", "network", "--db", db, "--out", str(net), "--top", "20")
    assert "20 nodes" in out
    assert Image.open(net).size == (1000, 1000) and ink_share(net) > 0.03
    result = runner.invoke(app, ["plot", "dyad", "IND", "PAK", "--db", db, "--out", str(tmp_path / "x.gif")])
    assert result.exit_code != 0 and ".png" in result.output


# -- HTML: no external URLs, renders offline in headless Chromium ---------------------------------
class ExternalRefs(HTMLParser):
    """Every attribute or CSS reference that would make a browser fetch something from outside the file."""

    ATTRS = {"src", "href", "srcset", "action", "data", "poster", "background", "formaction", "xlink:href"}

    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.in_style = tag == "style"
        for name, value in attrs:
            if name in self.ATTRS and value and re.match(r"\s*(https?:|//|ftp:)", value, re.I):
                self.external.append(f"<{tag} {name}={value}>")
            if name == "style" and value:
                self.check_css(value)
        if tag == "link":
            self.external += [f"<link {v}>" for k, v in attrs if k == "href" and v and not v.startswith("data:")]

    def handle_endtag(self, tag):
        self.in_style = False if tag == "style" else self.in_style

    def handle_data(self, data):
        if self.in_style:
            self.check_css(data)

    def check_css(self, css: str) -> None:
        self.external += re.findall(r"@import[^;]+|url\(\s*['\"]?(?:https?:|//)[^)]*\)", css, re.I)


def external_refs(page: str) -> list[str]:
    parser = ExternalRefs()
    parser.feed(page)
    return parser.external


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "chromium is not installed (make test installs Debian's chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def render(page: Path, tmp_path: Path, width: int = 1200, height: int = 1600) -> tuple[Path, str]:
    """Screenshot and DOM (after scripts ran) of a local page, with every network request sent to a dead proxy."""
    browser = chromium()
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--proxy-server=127.0.0.1:9",  # nothing can be fetched: the page must be self-contained
        f"--window-size={width},{height}",
        "--virtual-time-budget=10000",
    ]
    shot = tmp_path / (page.stem + "-screenshot.png")
    for extra, profile in (([f"--screenshot={shot}"], "shot"), (["--dump-dom"], "dom")):
        result = subprocess.run(
            [browser, *flags, f"--user-data-dir={tmp_path / ('chromium-' + profile)}", *extra, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        if extra == ["--dump-dom"]:
            dom = result.stdout
    assert shot.exists()
    return shot, dom


def test_html_dyad_plot_is_self_contained_and_renders(db, tmp_path):
    out = tmp_path / "ind-pak.html"
    invoke("plot", "dyad", "IND", "PAK", "--db", db, "--out", str(out))
    page = out.read_text()
    assert external_refs(page) == []
    # Plotly's bundle is inlined: no script is loaded from a file or a CDN (the bundle's own defaults, such as
    # the map-data URL of geo charts, are never requested for these charts: the render below has no network)
    assert not re.search(r"<script[^>]*\bsrc=", page) and "plotly" in page.lower()
    shot, dom = render(out, tmp_path)
    assert 'class="main-svg"' in dom  # Plotly's inlined script ran and drew the chart
    assert "shift 2025-04" in dom
    image = Image.open(shot)
    assert image.size == (1200, 1600) and ink_share(shot) > 0.02


def test_report_is_self_contained_and_renders(db, tmp_path):
    out = tmp_path / "brief.html"
    invoke("report", "India", "Pakistan", "--db", db, "--out", str(out))
    page = out.read_text()
    assert external_refs(page) == []
    assert "<script" not in page  # a static page: nothing to run, nothing to fetch
    # no URL at all outside the printed source list
    outside_sources = re.sub(r'<span class="url">.*?</span>', "", page, flags=re.S)
    assert re.findall(r"(?:https?:)?//[\w.-]+\.\w+", outside_sources) == []
    for section in ("summary", "chart", "shifts", "periods", "disputed-claims", "sources", "method"):
        assert f'<section id="{section}"' in page
    assert "<svg" in page and "2025-04: towards conflict" in page
    assert "suspended the Indus Waters Treaty with Pakistan" in page
    claims = page[page.index('id="disputed-claims"') : page.index('id="sources"')]
    assert "Claims ledger not available yet" not in claims and "<blockquote" in claims  # the ledger's disputes
    sources = page[page.index('id="sources"') : page.index('id="method"')]
    assert "dyad-story/2025-04-india-suspends-indus-treaty.txt" in sources and "The Indus Dispatch" in sources
    shot, dom = render(out, tmp_path)
    assert "Shifts and what drove them" in dom
    assert Image.open(shot).size == (1200, 1600) and ink_share(shot) > 0.05


def test_network_html(db, tmp_path):
    out = tmp_path / "network.html"
    invoke("plot", "network", "--db", db, "--out", str(out), "--since", "2024-01-01")
    page = out.read_text()
    assert external_refs(page) == [] and "Actor network from 2024-01-01" in page
