"""`dyadwatch actors`: list the actors in a store, show one, add entries to the user actors file.

Mounted on the main command in cli.py (`app.add_typer(actors_app, name="actors")`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dyadwatch.store.duck import DEFAULT_DB

app = typer.Typer(
    help="Actors: the knowledge base, your actors file and the actors in a database.",
    no_args_is_help=False,
    invoke_without_command=True,
)
add_app = typer.Typer(help="Add a person, an organisation or an alias to your actors file.", no_args_is_help=True)
app.add_typer(add_app, name="add")

console = Console()
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
CountryOption = Annotated[str | None, typer.Option("--country", "-c", help="Only actors of this country (KEN, NATO).")]
FileOption = Annotated[
    Path | None,
    typer.Option("--file", help="User actors file (default: actors_file of dyadwatch.toml / $DYADWATCH_SETTINGS)."),
]
AliasOption = Annotated[list[str] | None, typer.Option("--alias", "-a", help="Another name; repeatable.")]


@app.callback()
def actors(
    ctx: typer.Context,
    country: CountryOption = None,
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Without a subcommand: the actors in the database, as `dyadwatch actors list`."""
    if ctx.invoked_subcommand is None:
        list_actors(country=country, db=db, limit=limit, new_only=False, as_json=as_json)


@app.command("list")
def list_actors(
    country: CountryOption = None,
    db: DbOption = Path(DEFAULT_DB),
    limit: Annotated[int, typer.Option(help="Rows to show.")] = 50,
    new_only: Annotated[
        bool, typer.Option("--new", help="Only actors found in context (not in the knowledge base).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Actors named in the stored events, busiest first, with mention and event counts.

    mentions: source and target slots naming the actor; source/target: of those, on each
    side; events: events with the actor on either side; docs: documents of those events.
    """
    from dyadwatch.store.actors import actor_counts

    with _store(db) as store:
        rows = actor_counts(store.con, country=country)
    if new_only:
        rows = [r for r in rows if r["found_in_context"]]
    total = len(rows)
    rows = rows[:limit]
    origins = _origins()
    if as_json:
        for row in rows:
            row = {**row, "origin": origins(row["actor_id"])}
            print(json.dumps(row, default=str, ensure_ascii=False))
        return
    table = Table(title=f"Actors in {db}" + (f" ({country.upper()})" if country else ""))
    numbers = ("mentions", "source", "target", "events", "docs")  # source/target: mentions on each side
    for column in ("actor", "name", "country", "sector", *numbers, "from"):
        table.add_column(column, justify="right" if column in numbers else "left")
    for row in rows:
        table.add_row(
            row["actor_id"],
            row["name"] or "",
            row["country"] or "?",
            row["sector"] or "?",
            str(row["mentions"]),
            str(row["as_source"]),
            str(row["as_target"]),
            str(row["events"]),
            str(row["documents"]),
            origins(row["actor_id"]),
        )
    console.print(table)
    console.print(f"{len(rows)} of {total} actors shown (--limit {limit})")


@app.command()
def show(
    actor: Annotated[str, typer.Argument(help="An actor id (person:william-ruto), a code (KEN, NATO) or a name.")],
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """An actor's knowledge-base entry (names, aliases, roles with dates) and its counts in the database."""
    from dyadwatch.store.actors import actor_usage, stored_actor

    kb = _kb()
    actor_id = find_actor_id(kb, actor)
    stored = None
    usage = None
    if Path(db).exists():
        with _store(db) as store:
            actor_id = actor_id or _stored_id(store.con, actor)
            if actor_id:
                stored = stored_actor(store.con, actor_id)
                usage = actor_usage(store.con, actor_id)
    if actor_id is None:
        where = f" or in {db}" if Path(db).exists() else ""
        err.print(f"[red]error:[/] no actor {actor!r} in the knowledge base{where}")
        raise typer.Exit(1)
    entry = kb.actors.get(actor_id)
    if as_json:
        print(json.dumps(_show_record(kb, actor_id, entry, stored, usage), default=str, ensure_ascii=False))
        return
    if entry is not None:
        console.print(f"[bold]{entry.name}[/]  {actor_id}  ({entry.kind}, {_origins()(actor_id)})")
        console.print(f"  country {entry.country or '?'}  sector {entry.sector}")
        by_kind: dict[str, list[str]] = {}
        for text, kind in kb.surfaces_of(actor_id):
            if text != entry.name:
                by_kind.setdefault(kind, []).append(text)
        for kind, texts in by_kind.items():
            console.print(f"  {kind}: {', '.join(texts)}", highlight=False)
        if entry.roles:
            roles = Table(title="Roles")
            for column in ("office", "title", "country", "sector", "start", "end"):
                roles.add_column(column)
            for role in entry.roles:
                roles.add_row(
                    role.office, role.title or "", role.country or "", role.sector, role.start or "…", role.end or "…"
                )
            console.print(roles)
    elif stored is not None:
        console.print(f"[bold]{stored['name']}[/]  {actor_id}  ({stored['kind']}, found in context)")
        console.print(f"  country {stored['country'] or '?'}  sector {stored['sector'] or '?'}")
        console.print(f"  first found in {stored['first_doc']} ({stored['first_date'] or 'no date'})", highlight=False)
    else:
        console.print(f"[bold]{actor_id}[/]  (named in events, not in the knowledge base)")
    if usage is None:
        console.print(f"  no database at {db}" if not Path(db).exists() else "  not in the database")
        return
    console.print(
        f"  in {db}: {usage['mentions']} mentions ({usage['as_source']} as source, {usage['as_target']} as target), "
        f"{usage['events']} events, {usage['documents']} documents"
        + (f", {usage['first_date']} … {usage['last_date']}" if usage.get("first_date") else ""),
        highlight=False,
    )
    if usage["texts"]:
        console.print("  written as: " + "; ".join(f"{text} ({n})" for text, n in usage["texts"]), highlight=False)


@add_app.command("person")
def add_person(
    name: Annotated[str | None, typer.Argument(help="Full name, e.g. 'Ana Ruiz'.")] = None,
    person_id: Annotated[
        str | None, typer.Option("--id", help="Id without 'person:' (default: from the name).")
    ] = None,
    office: Annotated[
        str | None, typer.Option("--office", help="Office key: president, foreign_minister, energy_minister...")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Country (or IGO) code of the role.")] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="GOV, MIL, ... (default: the office's).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title as written, e.g. 'Energy Minister'.")] = None,
    start: Annotated[str | None, typer.Option("--start", help="First day in office, YYYY-MM-DD.")] = None,
    end: Annotated[
        str | None, typer.Option("--end", help="Last day in office, YYYY-MM-DD (none: still in office).")
    ] = None,
    alias: AliasOption = None,
    file: FileOption = None,
) -> None:
    """Add a person with a dated role, or add a role or aliases to a person (yours or the shipped ones)."""
    from dyadwatch.actors import userfile

    path = _user_file(file)
    entry = _write(
        lambda: userfile.add_person(
            path,
            _kb(path),
            name,
            person_id=person_id,
            aliases=alias or [],
            office=office,
            country=country,
            sector=sector,
            title=title,
            start=start,
            end=end,
        )
    )
    console.print(f"person:{entry['id']} written to {path}", highlight=False)


@add_app.command("org")
def add_org(
    name: Annotated[str, typer.Argument(help="Name as news writes it, e.g. 'Andes Copper Ltd'.")],
    org_id: Annotated[str | None, typer.Option("--id", help="Id without 'org:' (default: from the name).")] = None,
    country: Annotated[str | None, typer.Option("--country", "-c", help="Country code it belongs to.")] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="BUS, REB, POL, NGO, GOV, ...")] = None,
    alias: AliasOption = None,
    file: FileOption = None,
) -> None:
    """Add an organisation (company, party, armed group, agency), or aliases to one."""
    from dyadwatch.actors import userfile

    path = _user_file(file)
    entry = _write(
        lambda: userfile.add_organisation(
            path, _kb(path), name, org_id=org_id, aliases=alias or [], country=country, sector=sector
        )
    )
    console.print(f"org:{entry['id']} written to {path}", highlight=False)


@add_app.command("alias")
def add_alias(
    actor: Annotated[str, typer.Argument(help="A country code (KEN), IGO code (NATO) or actor id (person:...).")],
    texts: Annotated[list[str], typer.Argument(help="The new names.")],
    kind: Annotated[
        str, typer.Option("--as", help="For countries: aliases, adjectives, demonyms, capitals or seats.")
    ] = "aliases",
    file: FileOption = None,
) -> None:
    """Add names to an actor of the knowledge base: 'dyadwatch actors add alias KEN "State House" --as seats'."""
    from dyadwatch.actors import userfile

    path = _user_file(file)
    kb = _kb(path)
    actor_id = find_actor_id(kb, actor, names=False)
    if actor_id is None:
        err.print(f"[red]error:[/] {actor} is not in the knowledge base")
        raise typer.Exit(1)
    _write(lambda: userfile.add_alias(path, kb, actor_id, texts, kind))
    console.print(f"{actor_id}: {kind} {', '.join(texts)} written to {path}", highlight=False)


# -- helpers ----------------------------------------------------------------------------------
def _show_record(kb, actor_id: str, entry, stored: dict | None, usage: dict | None) -> dict:
    record: dict = {"actor_id": actor_id}
    if entry is not None:
        record.update(
            kind=entry.kind,
            name=entry.name,
            country=entry.country,
            sector=entry.sector,
            origin=_origins()(actor_id),
            names=[{"text": text, "kind": kind} for text, kind in kb.surfaces_of(actor_id)],
            roles=[
                {
                    "office": r.office,
                    "title": r.title,
                    "country": r.country,
                    "sector": r.sector,
                    "start": r.start,
                    "end": r.end,
                }
                for r in entry.roles
            ],
        )
    elif stored is not None:
        record.update({k: stored[k] for k in ("kind", "name", "country", "sector", "first_doc", "first_date")})
        record["origin"] = "context"
    if usage is not None:
        record["counts"] = {k: usage[k] for k in ("mentions", "as_source", "as_target", "events", "documents")}
        record["written_as"] = [{"text": text, "n": n} for text, n in usage["texts"]]
    return record


def find_actor_id(kb, text: str, names: bool = True) -> str | None:
    """'person:william-ruto', 'william-ruto', 'KEN', 'nato', 'William Ruto' -> an actor id of the KB."""
    if text in kb.actors:
        return text
    for prefix in ("country:", "igo:", "person:", "org:"):
        for candidate in (text, text.upper(), text.lower()):
            if prefix + candidate in kb.actors:
                return prefix + candidate
    if names:
        surfaces = kb.surfaces.get(text.strip()) or []
        if surfaces:
            return surfaces[0].actor_id
    return None


def _stored_id(con, text: str) -> str | None:
    from dyadwatch.store.actors import stored_actor

    for candidate in (text, f"person:{text}", f"org:{text}"):
        if stored_actor(con, candidate) is not None:
            return candidate
    row = con.execute(
        "SELECT count(*) FROM events WHERE source_actor_id = ? OR target_actor_id = ?", [text, text]
    ).fetchall()[0]
    return text if row[0] else None


def _settings():
    from dyadwatch.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc


def _kb(user_file: Path | None = None):
    from dyadwatch.actors.kb import load_knowledge_base

    path = user_file if user_file is not None else _settings().actors_file
    if path is not None and not Path(path).exists():
        path = None  # `actors add` creates it
    try:
        return load_knowledge_base(str(path) if path else None)
    except (OSError, ValueError, KeyError) as exc:
        err.print(f"[red]error:[/] actors file {path}: {exc}")
        raise typer.Exit(1) from exc


def _origins():
    """actor_id -> 'kb' (shipped data), 'user' (your actors file) or 'context' (found by an ingest)."""
    from dyadwatch.actors.kb import load_knowledge_base

    shipped = load_knowledge_base(None).actors
    user = _kb().actors

    def origin(actor_id: str) -> str:
        if actor_id in shipped:
            return "kb"
        if actor_id in user:
            return "user"
        return "context"

    return origin


def _user_file(file: Path | None) -> Path:
    if file is not None:
        return file
    configured = _settings().actors_file
    if configured is None:
        err.print(
            "[red]error:[/] no actors file: pass --file FILE, or set actors_file in dyadwatch.toml "
            '(for example: actors_file = "my_actors.yaml")'
        )
        raise typer.Exit(1)
    return Path(configured)


def _write(action):
    from dyadwatch.actors.userfile import UserFileError

    try:
        return action()
    except (UserFileError, OSError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc


def _store(db: Path):
    from dyadwatch.store import Store

    try:
        return Store(db, read_only=True)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
