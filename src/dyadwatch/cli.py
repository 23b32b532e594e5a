"""The `dyadwatch` command: a thin layer that parses arguments, calls the library and shows results."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyadwatch import __version__
from dyadwatch.records import LOW_CONFIDENCE
from dyadwatch.store import DEFAULT_DB

app = typer.Typer(
    help="dyadwatch: who did what to whom, and when, from international news (PLOVER events).",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
FORMAT_HELP = "Output format: jsonl, csv or parquet."


def _version(value: bool) -> None:
    if value:
        console.print(f"dyadwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """dyadwatch reads news and records political events, each tied to the sentence it came from."""


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (read recursively) or http(s) URLs of feeds and pages: .txt, .html, .jsonl, "
            ".rss/.atom/.xml feeds, .warc web archives, and each of these gzipped (.gz)."
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Worker processes for NLP.")] = 1,
    max_mb: Annotated[
        float,
        typer.Option(
            "--max-mb",
            help="Refuse larger inputs (MB): whole text, page and feed files; each JSONL line or WARC record.",
        ),
    ] = 50.0,
    recode: Annotated[
        bool, typer.Option("--recode", help="Code again documents already stored with the same text.")
    ] = False,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the summary as JSON to this file.")
    ] = None,
    actors_file: Annotated[
        Path | None,
        typer.Option("--actors", help="User actor file extending the knowledge base (default: dyadwatch.toml's)."),
    ] = None,
) -> None:
    """Read, code and store documents.

    A document already stored with the same id and text is left alone (so an interrupted run
    can simply be run again); a new text under a stored id replaces it. Exact duplicates are
    stored once with all their sources, near-duplicates are linked into story clusters, and
    documents not in English are stored but not coded.
    """
    from dyadwatch.ingest.run import ingest as run_ingest
    from dyadwatch.pipeline import Settings
    from dyadwatch.store import Store
    from dyadwatch.store.actors import learned_actors

    settings = Settings(actors_file=str(actors_file) if actors_file else None)
    with (
        Store(db) as store,
        Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingesting"),
            BarColumn(bar_width=None),
            TextColumn("{task.fields[docs]} docs · {task.fields[events]} events · {task.fields[rate]:.1f} docs/s"),
            TimeElapsedColumn(),
            console=err,
            transient=False,
        ) as progress,
    ):
        task = progress.add_task("ingest", total=None, docs=0, events=0, rate=0.0)
        settings.learned_actors = learned_actors(store.con)  # actors earlier ingests found in context

        def update(summary) -> None:
            progress.update(task, docs=summary.ingested, events=summary.events, rate=summary.docs_per_second)

        summary = run_ingest(
            paths,
            store,
            workers=workers,
            settings=settings,
            max_bytes=int(max_mb * 1024 * 1024),
            on_document=update,
            recode=recode,
        )
        progress.update(
            task, docs=summary.ingested, events=summary.events, rate=summary.docs_per_second, total=1, completed=1
        )
    _print_ingest_summary(summary, db)
    if report:
        report.write_text(json.dumps(summary.to_dict(), indent=2))
        console.print(f"report written to {report}")


def _print_ingest_summary(summary, db: Path, show: int = 10) -> None:
    console.print(
        f"[bold]read[/] {summary.read}  [bold green]ingested[/] {summary.ingested} "
        f"(coded {summary.coded}, not English {summary.not_english})  [bold]events[/] {summary.events}  "
        f"[bold]unchanged[/] {summary.unchanged}  [bold]exact duplicates[/] {summary.exact_duplicates}  "
        f"[bold]near-duplicates[/] {summary.near_duplicates}  [bold yellow]skipped[/] {summary.skipped}  "
        f"[bold red]failed[/] {len(summary.failed)}  in {summary.elapsed:.1f}s "
        f"({summary.docs_per_second:.1f} docs/s) -> {db}",
        highlight=False,
    )
    by_reason = summary.failures_by_reason()
    if by_reason:
        listed = ", ".join(f"{reason} {n}" for reason, n in by_reason.most_common())
        console.print(f"[bold red]failed by reason:[/] {listed}", highlight=False)
    for failure in summary.failures:
        console.print(f"  [red]✗[/] {failure.source}: {failure.reason}", highlight=False)
    for item in summary.language_list[:show]:
        console.print(
            f"  [yellow]·[/] {item['input']}: {item['language']} ({item['confidence']:.2f}), stored, not coded",
            highlight=False,
        )
    if len(summary.language_list) > show:
        console.print(f"  … and {len(summary.language_list) - show} more not in English (see --report)")


@app.command()
def summary(db: DbOption = Path(DEFAULT_DB), top: int = typer.Option(10, help="How many dyads to show.")) -> None:
    """Documents, events by type and the busiest dyads in a database."""
    from dyadwatch.store import Store

    with _open(db) as store:
        counts = store.counts()
        console.print(f"[bold]{counts['documents']}[/] documents, [bold]{counts['events']}[/] events in {db}")
        types = Table(title="Events by type")
        types.add_column("type")
        types.add_column("events", justify="right")
        for event_type, n in store.events_by_type():
            types.add_row(event_type, str(n))
        dyads = Table(title="Busiest dyads")
        dyads.add_column("dyad")
        dyads.add_column("events", justify="right")
        for a, b, n in store.busiest_dyads(top):
            dyads.add_row(f"{a} – {b}", str(n))
        console.print(types)
        console.print(dyads)
    _ = Store


@app.command()
def documents(
    db: DbOption = Path(DEFAULT_DB),
    duplicates: Annotated[
        bool, typer.Option("--duplicates", help="List story clusters (near-duplicates) and exact duplicates instead.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Rows (or clusters) to show.")] = 50,
) -> None:
    """List documents, or with --duplicates their story clusters and the inputs that repeat them."""
    with _open(db) as store:
        counts = store.document_counts()
        console.print(
            f"[bold]{counts['documents']}[/] documents ({counts['not_english']} not in English, not coded); "
            f"[bold]{counts['clusters']}[/] story clusters holding {counts['clustered_documents']} documents; "
            f"[bold]{counts['exact_duplicates']}[/] exact-duplicate inputs stored once",
            highlight=False,
        )
        if duplicates:
            _print_duplicates(store.clusters(limit), store.exact_duplicates(limit))
            return
        rows = store.document_rows(limit=limit)
    for row in rows:
        marks = []
        if row["language"] and row["language"] != "en":
            marks.append(f"[yellow]{row['language']}, not coded[/]")
        if row["cluster_size"] > 1:
            role = "canonical" if row["cluster_id"] == row["id"] else f"near-duplicate of {row['cluster_id']}"
            marks.append(f"[cyan]story of {row['cluster_size']}, {role}[/]")
        if row["n_sources"] > 1:
            marks.append(f"[magenta]{row['n_sources']} sources[/]")
        console.print(
            f"{row['published'] or '????-??-??'}  [bold]{row['id']}[/]  {row['outlet'] or '—'}  "
            f"{row['n_events']} events" + ("  " + "  ".join(marks) if marks else ""),
            highlight=False,
        )
        if row["title"]:
            console.print(f"    {_short(row['title'], 110)}", style="dim", highlight=False)
    console.print(f"{len(rows)} documents shown (--limit {limit})")


def _print_duplicates(clusters: list[dict], exact: list[dict]) -> None:
    console.print("[bold]Story clusters[/] (near-duplicates; the earliest document is canonical)")
    if not clusters:
        console.print("  none")
    for cluster in clusters:
        console.print(f"  cluster [bold]{cluster['cluster_id']}[/] · {cluster['size']} documents", highlight=False)
        for member in cluster["members"]:
            mark = "*" if member["id"] == cluster["cluster_id"] else "~"
            console.print(
                f"    {mark} {member['published'] or '????-??-??'}  {member['id']}  {member['outlet'] or '—'}  "
                f"{member['n_events']} events",
                highlight=False,
            )
    console.print("[bold]Exact duplicates[/] (same text from several inputs, stored once)")
    if not exact:
        console.print("  none")
    for item in exact:
        console.print(f"  [bold]{item['doc_id']}[/] · {item['count']} sources", highlight=False)
        for source in item["sources"]:
            console.print(
                f"    {source['source'] or source['source_id']}  {source['outlet'] or '—'}  "
                f"{source['published'] or '????-??-??'}" + (f"  {source['url']}" if source["url"] else ""),
                highlight=False,
            )


@app.command()
def events(
    db: DbOption = Path(DEFAULT_DB),
    dyad: Annotated[
        tuple[str, str] | None,
        typer.Option("--dyad", help="Two actors (country codes or actor ids), either direction."),
    ] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="Drop events below this confidence.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    fused: Annotated[
        bool, typer.Option("--fused", help="List fused events (one per real-world event) with their source counts.")
    ] = False,
    min_outlets: Annotated[
        int | None, typer.Option("--min-outlets", help="With --fused: only events reported by this many outlets.")
    ] = None,
    flagged: Annotated[
        bool, typer.Option("--flagged", help="With --fused: only events whose reports disagree.")
    ] = False,
) -> None:
    """List events as a table (with --fused: fused events, each with its reports and conflicts)."""
    from dyadwatch.store.duck import EventFilter

    if fused:
        return _print_fused(db, dyad, event_type, since, until, min_confidence, min_outlets, flagged, limit)
    filters = EventFilter(dyad=dyad, event_type=event_type, since=since, until=until, min_confidence=min_confidence)
    with _open(db) as store:
        rows = store.event_rows(filters, limit=limit)
    for row in rows:
        flags = " ".join(
            f
            for f, on in (
                ("negated", row["negated"]),
                ("hypothetical", row["hypothetical"]),
                ("low-confidence", row["confidence"] < LOW_CONFIDENCE),
            )
            if on
        )
        event_type = row["event_type"] + (f"/{row['mode']}" if row["mode"] else "")
        console.print(
            f"{_shown_date(row['date'], row['date_precision'])}  [bold]{event_type}[/]  {_actor_cell(row, 'source')} → "
            f"{_actor_cell(row, 'target')}  conf {row['confidence']:.2f}"
            + (f"  [yellow]{flags}[/]" if flags else "")
            + f"  [dim]{row['doc_id']}[/]",
            highlight=False,
        )
        console.print(f"    “{_short(row['sentence'], 160)}”", style="dim", highlight=False)
    console.print(_shown(len(rows), limit, "event"))


def _shown_date(value, precision: str | None) -> str:
    """A date as precise as the text gave it: "2025-06-18", "2025-06" for a month, "2025" for a year."""
    if value is None:
        return "????-??-??"
    text = value.isoformat()
    return {"month": text[:7], "year": text[:4]}.get(precision or "day", text)


def _shown(count: int, limit: int, noun: str) -> str:
    """'9 events shown', or, when the page is full, a hint that --limit cut the list."""
    line = f"{count} {noun}{'' if count == 1 else 's'} shown"
    return line + (f" (the first {limit}: raise --limit for more)" if count >= limit else "")


def _print_fused(db, dyad, event_type, since, until, min_confidence, min_outlets, flagged, limit) -> None:
    from dyadwatch.fusion import FusedFilter, fused_rows, has_fusion

    filters = FusedFilter(
        dyad=dyad,
        event_type=event_type,
        since=since,
        until=until,
        min_confidence=min_confidence,
        min_outlets=min_outlets,
        flagged=flagged,
    )
    with _open(db) as store:
        if not has_fusion(store.con):
            err.print("no fused events in this database (they are made by `dyadwatch ingest`)")
            raise typer.Exit(1)
        rows = fused_rows(store.con, filters, limit=limit)
    for row in rows:
        flags = [f for f, on in (("negated", row["negated"]), ("hypothetical", row["hypothetical"])) if on]
        event_type = row["event_type"] + (f"/{row['mode']}" if row["mode"] else "")
        reports = f"{row['n_outlets']} outlets, {row['n_documents']} docs"
        if row["first_report"]:
            reports += f", reported {row['first_report']}" + (
                f" … {row['last_report']}" if row["last_report"] != row["first_report"] else ""
            )
        console.print(
            f"{_shown_date(row['date'], row['date_precision'])}  [bold]{event_type}[/]  "
            f"{_fused_actor(row, 'source')} → {_fused_actor(row, 'target')}  [cyan]{reports}[/]"
            + (f"  [yellow]{', '.join(flags)}[/]" if flags else "")
            + f"  [dim]{row['fused_id']}[/]",
            highlight=False,
        )
        console.print(f"    “{_short(row['sentence'] or '', 160)}”", style="dim", highlight=False)
        for conflict in json.loads(row["conflicts"]) if row["conflicts"] else []:
            values = "; ".join(f"{v['value']} ({', '.join(v['doc_ids'])})" for v in conflict["values"])
            about = f" ({conflict['about']})" if conflict.get("about") else ""
            console.print(f"    [red]disagree on {conflict['kind']}{about}:[/] {values}", highlight=False)
    console.print(_shown(len(rows), limit, "fused event"))


def _fused_actor(row: dict, side: str) -> str:
    if row[f"{side}_country"] is None and row[f"{side}_actor_id"] is None:
        return "—"
    name = f" ({row[f'{side}_name']})" if row[f"{side}_name"] else ""
    return f"{row[f'{side}_country'] or '?'} {row[f'{side}_sector'] or '?'}{name}"


def _actor_cell(row: dict, side: str) -> str:
    if row[f"{side}_text"] is None:
        return "—"
    country = row[f"{side}_country"] or "?"
    sector = row[f"{side}_sector"] or "?"
    return f"{country} {sector} ({row[f'{side}_name'] or row[f'{side}_text']})"


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command()
def export(
    kind: Annotated[
        str,
        typer.Argument(help="What to export: events, documents, fused (fused events) or claims (the claims ledger)."),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")] = None,
    db: DbOption = Path(DEFAULT_DB),
    min_confidence: Annotated[
        float | None, typer.Option("--min-confidence", help="Drop events below this confidence.")
    ] = None,
) -> None:
    """Write events, documents, fused events or claims as JSONL, CSV or Parquet (the records of DESIGN.md)."""
    from dyadwatch.store.duck import EventFilter
    from dyadwatch.store.export import write_records

    if kind == "fused":
        return _export_fused(db, fmt, out, min_confidence)
    if kind == "claims":
        return _export_claims(db, fmt, out)
    if kind not in ("events", "documents"):
        raise typer.BadParameter("choose events, documents, fused or claims", param_hint="KIND")
    with _open(db) as store:
        records = (
            store.iter_events(EventFilter(min_confidence=min_confidence))
            if kind == "events"
            else store.iter_documents()
        )
        try:
            count = write_records(records, kind, fmt, str(out) if out else None)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    if out:
        err.print(f"{count} {kind} written to {out}")


def _export_fused(db: Path, fmt: str, out: Path | None, min_confidence: float | None) -> None:
    from dyadwatch.fusion import FusedFilter, has_fusion, iter_fused
    from dyadwatch.fusion.store import write_fused

    with _open(db) as store:
        if not has_fusion(store.con):
            err.print("no fused events in this database (they are made by `dyadwatch ingest`)")
            raise typer.Exit(1)
        try:
            count = write_fused(
                iter_fused(store.con, FusedFilter(min_confidence=min_confidence)), fmt, str(out) if out else None
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    if out:
        err.print(f"{count} fused events written to {out}")


def _export_claims(db: Path, fmt: str, out: Path | None) -> None:
    from dyadwatch.claims.store import write_claims_export

    with _open(db) as store:
        try:
            count = write_claims_export(store.iter_claims(), fmt, str(out) if out else None)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    if out:
        err.print(f"{count} claims written to {out}")


@app.command()
def claims(
    db: DbOption = Path(DEFAULT_DB),
    about: Annotated[
        str | None, typer.Option("--about", help="Only claims whose words include all of these ('five jets').")
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            help="Only claims an actor makes or is named in: country or IGO code (IND), name "
            "(India) or actor id (person:asim-munir).",
        ),
    ] = None,
    disputed: Annotated[
        bool, typer.Option("--disputed", help="Only claims one party asserts and another denies or disputes.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Claim keys to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the claim keys and their histories as JSON.")] = False,
) -> None:
    """The claims ledger: each claim key (one proposition) with who asserts, denies, admits or disputes it,
    and its history in time order with dates, documents and outlets."""
    from dyadwatch.claims.ledger import build_ledger

    with _open(db) as store:
        rows = store.claim_rows()
    codes = _actor_codes(actor) if actor else set()
    groups = build_ledger(rows, about=about, actor=actor, disputed=disputed, actor_codes=codes)
    if as_json:
        print(json.dumps([g.to_dict() for g in groups[:limit]], indent=2, ensure_ascii=False))
        return
    keys = len({r["claim_key"] for r in rows})
    console.print(
        f"[bold]{len(rows)}[/] claims under [bold]{keys}[/] claim keys in {db}; "
        f"{len(groups)} keys match" + (f" (first {limit} shown)" if len(groups) > limit else ""),
        highlight=False,
    )
    labels = (("asserted by", "assert"), ("denied by", "deny"), ("admitted by", "admit"), ("disputed by", "dispute"))
    for group in groups[:limit]:
        mark = "[bold red]DISPUTED[/]  " if group.disputed else ""
        console.print(
            f"\n[bold]{group.key}[/]  {mark}“{_short(group.proposition, 110)}”  "
            f"[dim]{len(group.statements)} statements · {len(group.documents)} documents · "
            f"{len(group.outlets)} outlets[/]",
            highlight=False,
        )
        for label, stance in labels:
            speakers = group.speakers(stance)
            if speakers:
                console.print(f"  {label}: {'; '.join(speakers)}", highlight=False)
        for s in group.statements:
            console.print(
                f"  {s.date or '????-??-??'}  {s.stance:<7}  {s.speaker}  [dim]{s.outlet or '—'} · {s.doc_id}[/]",
                highlight=False,
            )
            console.print(f"      “{_short(s.sentence, 150)}”", style="dim", highlight=False)


def _actor_codes(actor: str) -> set[str]:
    """'India' -> {'IND'}; 'NATO' -> {'NATO'}: the codes a name stands for in the knowledge base."""
    from dyadwatch.actors.kb import load_knowledge_base

    kb = load_knowledge_base()
    codes = set()
    for text in (actor, actor.title()):
        for surface in kb.surfaces.get(text, []):
            found = kb.actors.get(surface.actor_id)
            if found is not None and found.country:
                codes.add(found.country)
            codes.add(surface.actor_id)
    return codes


@app.command()
def code(
    text: Annotated[str, typer.Argument(help="The text to code; '-' reads standard input.")],
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for relative dates.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print event records as JSON lines.")] = False,
) -> None:
    """Print the events of a text, without a database: for trying things out and debugging."""
    from dyadwatch.ingest.dates import parse_iso
    from dyadwatch.pipeline import code_text
    from dyadwatch.store.duck import event_record_from

    if text == "-":
        text = sys.stdin.read()
    if published is not None and parse_iso(published) is None:
        raise typer.BadParameter(f"{published!r} is not a date like 2024-03-14", param_hint="--published")
    found = code_text(text, published=parse_iso(published))
    records = [event_record_from(e) for e in found]
    if as_json:
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
        return
    if not records:
        console.print("no events found")
        return
    for record in records:
        source, target = record["source"], record["target"]
        flags = [f for f, on in (("negated", record["negated"]), ("hypothetical", record["hypothetical"])) if on]
        console.print(
            f"[bold]{record['event_type']}[/]{'/' + record['mode'] if record['mode'] else ''}  "
            f"{_fmt_actor(source)} → {_fmt_actor(target)}  "
            f"date {record['date']} ({record['date_precision']})  conf {record['confidence']:.2f}"
            + (f"  [yellow]{', '.join(flags)}[/]" if flags else ""),
            highlight=False,
        )
        console.print(f"    “{record['sentence']}”", style="dim", highlight=False)


@app.command(name="eval")
def evaluate(
    gold: Annotated[
        list[Path] | None, typer.Option("--gold", help="Gold events file or folder (JSONL, see README); repeatable.")
    ] = None,
    inputs: Annotated[
        list[Path] | None, typer.Option("--input", help="Documents to code now (files or folders).")
    ] = None,
    db: Annotated[Path | None, typer.Option("--db", help="Score the events already in this database instead.")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", help="Ignore events below this.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print all scores as JSON.")] = False,
    show: Annotated[int, typer.Option(help="Misses and false alarms to list.")] = 20,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1)] = 1,
    fusion_focus: Annotated[
        list[Path] | None,
        typer.Option(
            "--fusion-focus",
            help="Score fusion only on pairs touching the documents of these gold files "
            "(a held-out part fused together with the rest).",
        ),
    ] = None,
    claims_gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--claims-gold",
            help="Gold claims file or folder (JSONL, see README); repeatable. Scores "
            "claims: detection, stance accuracy, speaker accuracy, pairwise claim-key F1.",
        ),
    ] = None,
) -> None:
    """Precision, recall and F1 per event type, plus actor, direction, date and modality accuracy.

    Also fusion: pairwise precision and recall of fused events against the gold `story` keys;
    and, with --claims-gold, the claims: stance accuracy and pairwise claim-key F1.
    """
    from dyadwatch.evaluate import load_gold, score
    from dyadwatch.ingest import read_paths
    from dyadwatch.pipeline import code_parallel
    from dyadwatch.records import Document
    from dyadwatch.store.duck import event_record_from

    if (inputs is None) == (db is None):
        raise typer.BadParameter("give either --input PATH or --db FILE")
    if not gold and not claims_gold:
        raise typer.BadParameter("give --gold FILE (events), --claims-gold FILE (claims), or both")
    try:
        gold_events = load_gold(*gold) if gold else []
        gold_claims = _load_claims_gold(claims_gold)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    meta: dict[str, tuple] = {}  # document id -> (published, outlet), for fusion
    if db is not None:
        with _open(db) as store:
            system = list(store.iter_events())
            system_claims = list(store.iter_claims()) if claims_gold else []
            meta = {
                r[0]: r[1:]
                for r in store.con.execute(
                    "SELECT id, strftime(published, '%Y-%m-%d'), outlet FROM documents"
                ).fetchall()
            }
    else:

        def remember(items):
            for d in items:
                if isinstance(d, Document):
                    meta[d.id] = (d.published, d.outlet)
                    yield d

        docs = remember(read_paths([str(p) for p in inputs]))
        system, found_claims = [], []
        for result in code_parallel(docs, workers, with_claims=bool(claims_gold)):
            if isinstance(result, tuple):
                system += [event_record_from(e) for e in result[1]]
                found_claims.append(result[2] if claims_gold else [])
        system_claims = _key_claims(found_claims)
        from dyadwatch.fusion import fuse_records

        fuse_records(system, meta)
    claim_scores = None
    if claims_gold:
        from dyadwatch.evaluate import score_claims

        claim_scores = score_claims(gold_claims, system_claims)
    if not gold:
        if as_json:
            print(json.dumps({"claims": claim_scores.to_dict()}, indent=2, ensure_ascii=False))
            return
        _print_claim_scores(claim_scores, show)
        return
    scores = score(gold_events, system, min_confidence=min_confidence)
    fusion = _eval_fusion(gold_events, system, meta, min_confidence, fusion_focus)
    if as_json:
        extra = {"claims": claim_scores.to_dict()} if claim_scores else {}
        print(json.dumps({**scores.to_dict(), "fusion": fusion, **extra}, indent=2, ensure_ascii=False))
        return
    _print_scores(scores, show)
    _print_fusion(fusion, show)
    if claim_scores:
        _print_claim_scores(claim_scores, show)


def _load_claims_gold(paths: list[Path] | None) -> list[dict]:
    from dyadwatch.evaluate import load_claims_gold

    return load_claims_gold(*paths) if paths else []


def _key_claims(claims_by_doc: list) -> list[dict]:
    """Claim keys for claims coded now, document by document in input order, as an ingest gives them."""
    if not any(claims_by_doc):
        return []
    from dyadwatch.claims.keys import ClaimKeyer
    from dyadwatch.claims.store import claim_record_from

    keyer = ClaimKeyer()
    records = []
    for claims in claims_by_doc:
        keyer.assign(claims)
        records += [claim_record_from(c) for c in claims]
    return records


def _print_claim_scores(scores, show: int) -> None:
    counts, detection = scores.counts, scores.detection
    console.print(
        f"[bold]Claims[/]: gold {counts['gold']}  system {counts['system']}  matched {counts['matched']}  "
        f"missed {counts['missed']}  false alarms {counts['false_alarms']}  (detection P {detection['precision']:.3f} "
        f"R {detection['recall']:.3f} F1 {detection['f1']:.3f})",
        highlight=False,
    )
    table = Table(title="Claims: on matched claims")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in (("stance accuracy", scores.stance_accuracy), ("speaker country", scores.speaker_country)):
        table.add_row(name, "n/a" if value is None else f"{value:.3f}")
    for name, pairs in (
        ("claim-key pairs", scores.claim_key_pairs),
        ("claim-key pairs, all gold", scores.claim_key_pairs_all_gold),
    ):
        table.add_row(
            f"{name} P / R / F1",
            f"{pairs['precision']:.3f} / {pairs['recall']:.3f} / {pairs['f1']:.3f}  "
            f"(tp {pairs['tp']}, fp {pairs['fp']}, fn {pairs['fn']})",
        )
    console.print(table)
    stances = ("assert", "deny", "admit", "dispute")
    confusion = Table(title="Stance: gold (rows) × system (columns)")
    confusion.add_column("gold")
    for stance in stances:
        confusion.add_column(stance, justify="right")
    for gold_stance in stances:
        row = scores.stance_confusion.get(gold_stance, {})
        confusion.add_row(gold_stance, *(str(row.get(s, 0)) for s in stances))
    console.print(confusion)
    for title, items in (
        ("Wrong stance", scores.wrong_stance),
        ("Missed claims", scores.misses),
        ("False alarms", scores.false_alarms),
    ):
        if items:
            console.print(f"[bold]{title}[/] ({len(items)}, first {min(show, len(items))})")
        for item in items[:show]:
            stance = f"{item['gold']}→{item['system']}" if "gold" in item else item["stance"]
            console.print(
                f"  {stance} {item['speaker']} [{item['doc']}] {_short(item['sentence'], 110)}", highlight=False
            )


def _print_scores(scores, show: int) -> None:
    counts = scores.counts
    console.print(
        f"gold {counts['gold']}  system {counts['system']}  matched {counts['matched']}  "
        f"missed {counts['missed']}  false alarms {counts['false_alarms']}"
    )
    table = Table(title="Event types")
    for col in ("type", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for name, s in list(scores.per_type.items()) + [("micro", scores.micro), ("macro", scores.macro)]:
        table.add_row(
            name,
            f"{s['precision']:.3f}",
            f"{s['recall']:.3f}",
            f"{s['f1']:.3f}",
            str(s.get("tp", "")),
            str(s.get("fp", "")),
            str(s.get("fn", "")),
        )
    console.print(table)
    attrs = Table(title="On matched events")
    attrs.add_column("attribute")
    attrs.add_column("accuracy", justify="right")
    for name, value in scores.attributes.items():
        attrs.add_row(name.replace("_", " "), "n/a" if value is None else f"{value:.3f}")
    console.print(attrs)
    for title, items in (("Misses", scores.misses), ("False alarms", scores.false_alarms)):
        if items:
            console.print(f"[bold]{title}[/] ({len(items)}, first {min(show, len(items))})")
        for item in items[:show]:
            console.print(
                f"  {item['event']} {item['source']}→{item['target']} [{item['doc']}] {_short(item['sentence'], 110)}",
                highlight=False,
            )


def _eval_fusion(gold_events, system, meta, min_confidence, focus_paths) -> dict:
    from dyadwatch.evaluate import load_gold, score_fusion, score_fusion_on_gold

    focus = {g["doc"] for g in load_gold(*focus_paths)} if focus_paths else None
    return {
        "coded": score_fusion(gold_events, system, min_confidence=min_confidence, focus_docs=focus),
        "gold_mentions": score_fusion_on_gold(gold_events, meta, focus_docs=focus),
    }


def _print_fusion(fusion: dict, show: int) -> None:
    def fmt(value) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    table = Table(title="Fusion (pairs of mentions of one gold story)")
    for col in ("mentions", "P", "R", "system pairs", "gold pairs", "shared", "R end-to-end"):
        table.add_column(col, justify="right" if col != "mentions" else "left")
    for name, label in (("coded", "coded events"), ("gold_mentions", "gold mentions (fusion alone)")):
        f = fusion[name]
        table.add_row(
            label,
            fmt(f["precision"]),
            fmt(f["recall"]),
            str(f["system_pairs"]),
            str(f["gold_pairs"]),
            str(f["shared_pairs"]),
            fmt(f["recall_end_to_end"]),
        )
    console.print(table)
    coded = fusion["coded"]
    for title, items in (("Fusion misses", coded["missed_pairs"]), ("Wrongly fused", coded["wrong_pairs"])):
        if items:
            console.print(f"[bold]{title}[/] ({len(items)}, first {min(show, len(items))})")
        for item in items[:show]:
            console.print(
                f"  [{item['a']['doc']}] {_short(item['a']['sentence'], 70)}  ~  "
                f"[{item['b']['doc']}] {_short(item['b']['sentence'], 70)}",
                highlight=False,
            )


def _fmt_actor(actor: dict | None) -> str:
    if not actor:
        return "—"
    return f"{actor['country'] or '?'} {actor['sector'] or '?'} ({actor['name'] or actor['text']})"


def _open(db: Path):
    from dyadwatch.store import Store

    try:
        return Store(db, read_only=True)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc


# -- relationships: dyad series, shifts, plots, briefs, outlets (dyadwatch.analysis) -------------------------------

ByOption = Annotated[str, typer.Option("--by", help="Period: day, week, month or quarter.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="First date, YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Last date, YYYY-MM-DD.")]
NegatedOption = Annotated[
    bool, typer.Option("--include-negated", help="Count negated events too ('did not sign'); left out by default.")
]
HypotheticalOption = Annotated[
    bool,
    typer.Option("--include-hypothetical", help="Count hypothetical events too ('will visit'); left out by default."),
]
ConfidenceOption = Annotated[
    float | None, typer.Option("--min-confidence", help="Leave out events below this confidence.")
]
AlphaOption = Annotated[float, typer.Option("--alpha", help="Significance level of the shift test.")]
MinDeltaOption = Annotated[
    float, typer.Option("--min-delta", help="Smallest change of the index (points) that counts as a shift.")
]


def _analysis_options(since, until, include_negated, include_hypothetical, min_confidence):
    from datetime import date

    from dyadwatch.analysis import SeriesOptions

    for value, hint in ((since, "--since"), (until, "--until")):
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError as exc:
                raise typer.BadParameter(f"{value!r} is not a date like 2024-03-14", param_hint=hint) from exc
    return SeriesOptions(since, until, include_negated, include_hypothetical, min_confidence)


def _analysis_db(db: Path):
    from dyadwatch.analysis import connect

    try:
        return connect(db)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc


def _dyad_and_shifts(db, a, b, by, options, alpha, min_delta, drivers=3):
    from dyadwatch.analysis import PERIODS, detect_shifts, dyad_series

    if by not in PERIODS:
        raise typer.BadParameter(f"choose one of {', '.join(PERIODS)}", param_hint="--by")
    con = _analysis_db(db)
    series = dyad_series(con, a, b, by, options)
    shifts = detect_shifts(series, alpha=alpha, min_delta=min_delta, drivers=drivers)
    return con, series, shifts


def _index_cell(value: float | None) -> str:
    if value is None:
        return "[dim]—[/]"
    colour = "green" if value > 0 else "red" if value < 0 else "white"
    return f"[{colour}]{value:+.2f}[/]"


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="One side: country code (IND), IGO code (NATO), name (India) or actor id.")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    by: ByOption = "month",
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = Path(DEFAULT_DB),
    include_negated: NegatedOption = False,
    include_hypothetical: HypotheticalOption = False,
    min_confidence: ConfidenceOption = None,
    alpha: AlphaOption = 0.05,
    min_delta: MinDeltaOption = 1.0,
    drivers: Annotated[int, typer.Option("--drivers", min=0, help="Driving events to show per shift.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="Print the series and shifts as JSON.")] = False,
) -> None:
    """How the relationship between A and B moved: events per quad class and net cooperation index per period and
    direction, a sparkline, and the shifts with the events that drove them."""
    from dyadwatch.analysis import sparkline
    from dyadwatch.analysis.series import PERIODS

    options = _analysis_options(since, until, include_negated, include_hypothetical, min_confidence)
    if by not in PERIODS:
        raise typer.BadParameter(f"choose one of {', '.join(PERIODS)}", param_hint="--by")
    con, series, shifts = _dyad_and_shifts(db, a, b, by, options, alpha, min_delta, drivers)
    con.close()
    if as_json:
        print(json.dumps(series.to_dict() | {"shifts": [s.to_dict() for s in shifts]}, indent=2, ensure_ascii=False))
        return
    excluded = ", ".join(f"{n} {reason}" for reason, n in sorted(series.excluded.items()))
    console.print(
        f"[bold]{series.a_label} ({series.a}) – {series.b_label} ({series.b})[/], by {by}: "
        f"{len(series.events)} events" + (f" [dim](left out: {excluded})[/]" if excluded else ""),
        highlight=False,
    )
    if not series.events:
        console.print("no events between them" + (" in this period" if since or until else ""))
        return
    from rich import box

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(by, no_wrap=True)
    for direction in ("ab", "ba"):
        label = series.direction_label(direction).replace(" ", "")
        table.add_column(f"{label}\nn", justify="right", no_wrap=True)
        table.add_column("\nby quad", justify="right", no_wrap=True)
        table.add_column("\nindex", justify="right", no_wrap=True)
    table.add_column("both\nn", justify="right", no_wrap=True)
    table.add_column("\nindex", justify="right", no_wrap=True)
    shown = series.periods if len(series.periods) <= 60 else [p for p in series.periods if p.both.n]
    shift_at = {s.position for s in shifts}
    for position, p in enumerate(series.periods):
        if p not in shown:
            continue
        row = [p.label + (" [bold red]◆[/]" if position in shift_at else "")]
        for direction in ("ab", "ba"):
            cell = p.cell(direction)
            row += [str(cell.n), "/".join(map(str, cell.quad)), _index_cell(cell.index)]
        row += [str(p.both.n), _index_cell(p.both.index)]
        table.add_row(*row)
    console.print(table)
    console.print(
        "[dim]n = events; by quad = verbal cooperation/material cooperation/verbal conflict/material conflict; "
        "index = net cooperation index, the mean intensity (−10…+10); [bold red]◆[/] = shift[/]"
    )
    if len(shown) < len(series.periods):
        console.print(f"[dim]{len(series.periods) - len(shown)} periods without events not listed[/]")
    width = max(len(series.direction_label(d)) for d in ("ab", "ba", "both"))
    console.print(f"[bold]sparklines[/] (one character per {by}, −10…+10, · no events)")
    for direction in ("ab", "ba", "both"):
        console.print(
            f"  {series.direction_label(direction):<{width}}  {sparkline(series.index_values(direction))}",
            highlight=False,
        )
    console.print(f"  {'':<{width}}  {series.periods[0].label} … {series.periods[-1].label}", style="dim")
    if not shifts:
        console.print(f"[bold]no significant shift[/] (alpha {alpha}, at least {min_delta:.1f} points)")
    for shift in shifts:
        console.print(f"[bold red]shift[/] {shift.summary()}", highlight=False)
        for k, d in enumerate(shift.drivers, 1):
            console.print(f"  {k}. {d.headline()}  {d.sources} source(s): {', '.join(d.outlets)}", highlight=False)
            for ev in d.evidence:
                console.print(f"     “{_short(ev.sentence, 150)}” [dim]{ev.outlet}, {ev.doc_id}[/]", highlight=False)


plot_app = typer.Typer(
    help="Charts as PNG, SVG, PDF or self-contained HTML (Plotly inlined, works offline).", no_args_is_help=True
)
app.add_typer(plot_app, name="plot")
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Output file: .png, .svg, .pdf or .html.")]


def _check_out(out: Path, allowed: tuple[str, ...]) -> None:
    if out.suffix.lower().lstrip(".") not in allowed:
        raise typer.BadParameter(f"use a file ending in {', '.join('.' + a for a in allowed)}", param_hint="--out")


@plot_app.command("dyad")
def plot_dyad(
    a: Annotated[str, typer.Argument(help="One side (code, name or actor id).")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    out: OutOption,
    by: ByOption = "month",
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = Path(DEFAULT_DB),
    include_negated: NegatedOption = False,
    include_hypothetical: HypotheticalOption = False,
    min_confidence: ConfidenceOption = None,
    alpha: AlphaOption = 0.05,
    min_delta: MinDeltaOption = 1.0,
    width: Annotated[int, typer.Option(help="Image width in pixels (PNG; SVG/PDF at 100 dpi).")] = 1200,
    height: Annotated[int, typer.Option(help="Image height in pixels.")] = 700,
) -> None:
    """The dyad's index over time with the shifts marked and their driving events annotated."""
    from dyadwatch.analysis.plots import FORMATS, save_dyad_plot

    _check_out(out, FORMATS)
    options = _analysis_options(since, until, include_negated, include_hypothetical, min_confidence)
    con, series, shifts = _dyad_and_shifts(db, a, b, by, options, alpha, min_delta)
    con.close()
    save_dyad_plot(series, shifts, out, width, height)
    err.print(f"{series.a}–{series.b}: {len(series.events)} events, {len(shifts)} shift(s) -> {out}")


@plot_app.command("network")
def plot_network(
    out: OutOption,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = Path(DEFAULT_DB),
    level: Annotated[str, typer.Option(help="Nodes: country (countries and IGOs) or actor (people, bodies).")] = (
        "country"
    ),
    top: Annotated[int, typer.Option(min=2, help="Keep the most active nodes.")] = 40,
    include_negated: NegatedOption = False,
    include_hypothetical: HypotheticalOption = False,
    min_confidence: ConfidenceOption = None,
    width: Annotated[int, typer.Option(help="Image width in pixels.")] = 1000,
    height: Annotated[int, typer.Option(help="Image height in pixels.")] = 1000,
) -> None:
    """The actor network of a period: nodes sized by activity, edges coloured by net cooperation index."""
    from dyadwatch.analysis.network import actor_network
    from dyadwatch.analysis.plots import FORMATS, save_network_plot

    _check_out(out, FORMATS)
    if level not in ("country", "actor"):
        raise typer.BadParameter("choose country or actor", param_hint="--level")
    options = _analysis_options(since, until, include_negated, include_hypothetical, min_confidence)
    con = _analysis_db(db)
    network = actor_network(con, options, level=level, top=top)
    con.close()
    save_network_plot(network, out, width, height)
    err.print(
        f"{len(network.nodes)} nodes, {len(network.edges)} edges"
        + (f" ({network.dropped_nodes} less active nodes left out)" if network.dropped_nodes else "")
        + f" -> {out}"
    )


@app.command()
def report(
    a: Annotated[str, typer.Argument(help="One side (code, name or actor id).")],
    b: Annotated[str, typer.Argument(help="The other side.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output HTML file.")],
    by: ByOption = "month",
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = Path(DEFAULT_DB),
    include_negated: NegatedOption = False,
    include_hypothetical: HypotheticalOption = False,
    min_confidence: ConfidenceOption = None,
    alpha: AlphaOption = 0.05,
    min_delta: MinDeltaOption = 1.0,
) -> None:
    """A one-page brief on the relationship as a self-contained HTML file (works offline): chart, shifts, driving
    events with evidence, disputed claims, sources."""
    from dyadwatch.analysis.report import write_report

    _check_out(out, ("html", "htm"))
    options = _analysis_options(since, until, include_negated, include_hypothetical, min_confidence)
    con, series, shifts = _dyad_and_shifts(db, a, b, by, options, alpha, min_delta)
    try:
        write_report(con, series, shifts, out, db_name=str(db), alpha=alpha, min_delta=min_delta)
    finally:
        con.close()
    err.print(f"{series.a}–{series.b}: {len(series.events)} events, {len(shifts)} shift(s) -> {out}")


@app.command()
def outlets(
    dyad: Annotated[
        tuple[str, str] | None, typer.Option("--dyad", help="Only the events between two actors, either direction.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = Path(DEFAULT_DB),
    include_negated: NegatedOption = False,
    include_hypothetical: HypotheticalOption = False,
    min_confidence: ConfidenceOption = None,
    top: Annotated[int, typer.Option(help="Outlets to show (most events first).")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """What each outlet reports: events by quad class and type, net cooperation index against all outlets, and
    events no other outlet reports."""
    from dyadwatch.analysis.outlets import compare_outlets

    options = _analysis_options(since, until, include_negated, include_hypothetical, min_confidence)
    con = _analysis_db(db)
    comparison = compare_outlets(con, options, dyad)
    con.close()
    if as_json:
        print(json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False))
        return
    scope = f"{comparison.dyad[0]}–{comparison.dyad[1]}" if comparison.dyad else "all events"
    overall = comparison.overall_index
    from rich import box

    table = Table(
        title=f"Outlets: {scope}, {comparison.events} events, index " + ("—" if overall is None else f"{overall:+.2f}"),
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
    )
    table.add_column("outlet", no_wrap=True, max_width=32, overflow="ellipsis")
    for col in ("docs", "events", "by quad", "index", "vs all", "only here"):
        table.add_column(col, justify="right", no_wrap=True)
    for row in comparison.rows[:top]:
        diff = None if row.index is None or overall is None else row.index - overall
        table.add_row(
            row.outlet,
            str(row.documents),
            str(row.events),
            "/".join(map(str, row.quad)),
            _index_cell(row.index),
            "—" if diff is None else f"{diff:+.2f}",
            str(row.only_here),
        )
    console.print(table)
    console.print("[bold]event types by outlet[/]")
    for row in comparison.rows[:top]:
        console.print(f"  {row.outlet}: " + ", ".join(f"{t} {n}" for t, n in row.types), highlight=False)
    console.print(
        "[dim]by quad = verbal cooperation/material cooperation/verbal conflict/material conflict; index = mean "
        "intensity (−10…+10); vs all = outlet index minus that of all outlets; only here = events no other outlet "
        "reports[/]"
    )
    if len(comparison.rows) > top:
        console.print(f"[dim]{len(comparison.rows) - top} more outlets (--top)[/]")


# -- actors: list, show, add (dyadwatch.actors.commands) -------------------------------------------------------------
from dyadwatch.actors.commands import app as actors_app  # noqa: E402

app.add_typer(actors_app, name="actors")


if __name__ == "__main__":  # pragma: no cover
    app()
