"""Users extend the actors: the settings file, the user actors file, `dyadwatch actors
add/list/show`, and actors found in context stored and reused by later ingests."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import yaml
from typer.testing import CliRunner

from dyadwatch.actors.kb import load_knowledge_base, with_learned
from dyadwatch.actors.resolver import DocumentActors
from dyadwatch.cli import app
from dyadwatch.pipeline import Pipeline, Settings
from dyadwatch.records import ActorRef, Document, Event
from dyadwatch.settings import SettingsError, load_settings
from dyadwatch.store import Store
from dyadwatch.store.actors import actor_counts, learned_actors
from dyadwatch.store.duck import EVENT_SCHEMA

runner = CliRunner()

USER_FILE = """\
countries:
  - code: KEN
    aliases: [Jamhuri ya Kenya]
    seats: [Harambee Avenue]
people:
  - id: uhuru-kenyatta                 # a shipped person: a role added, a role corrected, a new name
    name: Uhuru Muigai Kenyatta
    aliases: [Kamwana]
    roles:
      - {office: president, country: KEN, sector: GOV, start: 2013-04-09, end: 2022-09-12}
      - {office: other, title: AU peace envoy, country: AU, sector: IGO, start: 2022-10-01, end: null}
  - name: Ana Ruiz                     # a new person with a new office
    aliases: [Ruiz]
    roles:
      - {office: energy_minister, title: Energy Minister, country: PER, sector: GOV, start: 2024-01-15, end: null}
organisations:
  - {id: andes-copper-ltd, name: Andes Copper Ltd, aliases: [Andes Copper], country: CHL, sector: BUS}
offices:
  energy_minister: {sector: GOV, titles: [energy minister, minister of energy]}
"""


@pytest.fixture(autouse=True)
def no_settings_file(tmp_path, monkeypatch):
    """Every test runs in its own folder, without the developer's dyadwatch.toml or $DYADWATCH_SETTINGS."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DYADWATCH_SETTINGS", raising=False)


@pytest.fixture
def user_file(tmp_path):
    path = tmp_path / "my_actors.yaml"
    path.write_text(USER_FILE)
    return path


# -- settings ----------------------------------------------------------------------------------------
def test_settings_file_in_the_working_directory(tmp_path):
    assert load_settings().path is None and Settings().actors_file is None
    (tmp_path / "dyadwatch.toml").write_text('actors_file = "my_actors.yaml"\n')
    assert load_settings().actors_file == str(tmp_path / "my_actors.yaml")
    assert Settings().actors_file == str(tmp_path / "my_actors.yaml")
    assert Settings(actors_file="other.yaml").actors_file == "other.yaml"  # an explicit path wins


def test_settings_file_named_by_the_environment(tmp_path, monkeypatch):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "settings.toml").write_text('actors_file = "data/actors.yaml"\n')
    monkeypatch.setenv("DYADWATCH_SETTINGS", str(folder / "settings.toml"))
    assert Settings().actors_file == str(folder / "data" / "actors.yaml")  # relative to the settings file
    monkeypatch.setenv("DYADWATCH_SETTINGS", str(folder / "missing.toml"))
    with pytest.raises(SettingsError):
        load_settings()


def test_bad_settings_are_reported(tmp_path):
    (tmp_path / "dyadwatch.toml").write_text("actors_file = [1, 2]\n")
    with pytest.raises(SettingsError):
        load_settings()


# -- the user file overrides and extends the knowledge base --------------------------------------------
def test_user_file_adds_aliases_roles_people_organisations_and_offices(user_file):
    shipped = load_knowledge_base()
    kb = load_knowledge_base(str(user_file))
    assert kb is not shipped and "person:ana-ruiz" not in shipped.actors
    # an alias and a seat added to a country
    assert kb.surfaces["Jamhuri ya Kenya"][0].actor_id == "country:KEN"
    assert any(s.kind == "seat" for s in kb.surfaces["Harambee Avenue"])
    # a shipped person: new name, new alias, a corrected role, a new role
    uhuru = kb.actors["person:uhuru-kenyatta"]
    assert uhuru.name == "Uhuru Muigai Kenyatta"
    assert kb.surfaces["Kamwana"][0].actor_id == "person:uhuru-kenyatta"
    presidencies = [r for r in uhuru.roles if r.office == "president"]
    assert [(r.start, r.end) for r in presidencies] == [("2013-04-09", "2022-09-12")]
    assert kb.holder("KEN", "president", "2022-09-13").actor_id == "person:william-ruto"
    assert uhuru.role_on("2023-05-01").country == "AU"
    assert shipped.actors["person:uhuru-kenyatta"].role_on("2023-05-01").country == "KEN"  # shipped untouched
    # a new person holding a new office
    assert kb.holder("PER", "energy_minister", "2024-06-01").name == "Ana Ruiz"
    assert kb.office_of("minister of energy") == "energy_minister"
    assert kb.actors["org:andes-copper-ltd"].country == "CHL"


def test_user_file_in_resolution(pipeline, user_file):
    user_pipeline = Pipeline(Settings(actors_file=str(user_file)))
    day = "2024-06-01"
    text = (
        "Peru's energy minister criticised Andes Copper over its spills. "
        "Jamhuri ya Kenya later welcomed Kamwana, who met the envoy."
    )
    doc = user_pipeline.nlp(text)
    actors = DocumentActors(user_pipeline.coder.kb, user_pipeline.coder.matcher, doc, day)
    words = {t.text: t for t in doc}
    minister = actors.resolve(words["minister"], day).ref
    assert (minister.actor_id, minister.name) == ("person:ana-ruiz", "Ana Ruiz")
    assert actors.resolve(words["Copper"], day).ref.actor_id == "org:andes-copper-ltd"
    assert actors.resolve(words["Jamhuri"], day).ref.country == "KEN"
    kamwana = actors.resolve(words["Kamwana"], day).ref
    assert (kamwana.actor_id, kamwana.country, kamwana.sector) == ("person:uhuru-kenyatta", "AU", "IGO")
    # the shipped pipeline knows none of it
    doc = pipeline.nlp(text)
    shipped = DocumentActors(pipeline.coder.kb, pipeline.coder.matcher, doc, day)
    assert shipped.resolve([t for t in doc if t.text == "minister"][0], day).ref.actor_id != "person:ana-ruiz"


def test_a_broken_user_file_is_reported(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("persons: []\n")
    with pytest.raises(ValueError, match="unknown sections"):
        load_knowledge_base(str(path))
    path.write_text("people:\n  - id: nobody-known\n    aliases: [X]\n")
    with pytest.raises(ValueError, match="needs a name"):
        load_knowledge_base(str(path))


# -- actors found in context: stored, counted and reused -----------------------------------------------
def _event(doc_id: str, n: int, source: ActorRef, target: ActorRef | None, date: str = "2024-05-10") -> Event:
    return Event(
        event_id=f"{doc_id}-{n}",
        doc_id=doc_id,
        sentence="s",
        start=0,
        end=1,
        source=source,
        event_type="ACCUSE",
        mode=None,
        context=[],
        target=target,
        date=date,
        date_precision="day",
        negated=False,
        hypothetical=False,
        quad_class=3,
        intensity=-2.0,
        cameo_code="111",
        confidence=0.9,
    )


RUIZ = ActorRef("Ana Ruiz", "person:ana-ruiz", "Ana Ruiz", "PER", "GOV")
COMPANY = ActorRef("Andes Copper Ltd", "org:andes-copper-ltd", "Andes Copper Ltd", None, "BUS")
GENERIC = ActorRef("The Department", "org:department", "Department", "PHL", "GOV")
PERU = ActorRef("Peru", "country:PER", "Peru", "PER", "GOV")


def test_new_actors_are_stored_once_and_counted(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        doc = Document(id="a", text="x", published="2024-05-10")
        store.write_batch([(doc, [_event("a", 1, RUIZ, COMPANY), _event("a", 2, GENERIC, PERU)])])
        later = Document(id="b", text="y", published="2024-06-01")
        company_in_chile = ActorRef("Andes Copper", "org:andes-copper-ltd", "Andes Copper Ltd", "CHL", "BUS")
        store.write_batch([(later, [_event("b", 1, company_in_chile, RUIZ, "2024-06-01")])])
        rows = {r[0]: r for r in learned_actors(store.con)}
        # KB actors and generic names are not stored; a country learnt later fills the gap.
        assert set(rows) == {"person:ana-ruiz", "org:andes-copper-ltd"}
        assert rows["org:andes-copper-ltd"] == ("org:andes-copper-ltd", "Andes Copper Ltd", "CHL", "BUS")
        first = store.con.execute("SELECT first_doc, first_date FROM actors WHERE actor_id = 'person:ana-ruiz'")
        assert first.fetchall()[0][0] == "a"
        counts = {r["actor_id"]: r for r in actor_counts(store.con)}
        ruiz = counts["person:ana-ruiz"]
        assert (ruiz["mentions"], ruiz["as_source"], ruiz["as_target"], ruiz["events"], ruiz["documents"]) == (
            2,
            1,
            1,
            2,
            2,
        )
        assert ruiz["found_in_context"] and not counts["country:PER"]["found_in_context"]
        assert [r["actor_id"] for r in actor_counts(store.con, country="PER")] == ["person:ana-ruiz", "country:PER"]
        # re-ingesting a document does not duplicate the actor
        store.write_batch([(doc, [_event("a", 1, RUIZ, COMPANY)])])
        assert store.con.execute("SELECT count(*) FROM actors").fetchall()[0][0] == 2
        # the events table keeps the schema of the contract
        columns = [c[0] for c in store.con.execute("DESCRIBE events").fetchall()]
        assert columns == EVENT_SCHEMA.names


def test_learned_actors_extend_a_copy_of_the_knowledge_base():
    kb = load_knowledge_base()
    learned = with_learned(
        kb,
        [
            ("person:ana-ruiz", "Ana Ruiz", "PER", "GOV"),
            ("org:department", "Department", "PHL", "GOV"),  # generic: never learned
            ("person:ruiz", "Ruiz", "PER", "GOV"),  # a lone surname: never learned
            ("person:william-ruto", "William Ruto", "KEN", "GOV"),  # in the KB already
        ],
    )
    assert learned.actors["person:ana-ruiz"].country == "PER"
    assert "Department" not in learned.surfaces and "person:ruiz" not in learned.actors
    assert "person:ana-ruiz" not in kb.actors and "Ana Ruiz" not in kb.surfaces


# -- the command line ----------------------------------------------------------------------------------
ARTICLE = """Lima Daily
Published: 2024-05-10

Ana Ruiz, Peru's energy minister, accused Andes Copper Ltd of polluting rivers near Cusco on Thursday. Ruiz said the \
company had ignored three warnings. The energy minister later met Chile's mining council.
"""
LATER = """Lima Daily
Published: 2024-06-02

Ana Ruiz criticised Bolivia over a gas contract on Sunday.
"""


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_actors_found_at_ingest_are_listed_shown_and_reused(tmp_path):
    (tmp_path / "peru.txt").write_text(ARTICLE)
    (tmp_path / "later.txt").write_text(LATER)
    db = str(tmp_path / "t.duckdb")
    invoke("ingest", str(tmp_path / "peru.txt"), "--db", db)
    rows = [json.loads(line) for line in invoke("actors", "list", "--db", db, "--json").splitlines()]
    ruiz = next(r for r in rows if r["actor_id"] == "person:ana-ruiz")
    assert (ruiz["country"], ruiz["sector"], ruiz["origin"]) == ("PER", "GOV", "context")
    assert ruiz["events"] >= 1 and ruiz["mentions"] >= ruiz["events"]
    # a later document names her without any context: the stored actor is reused
    invoke("ingest", str(tmp_path / "later.txt"), "--db", db)
    con = duckdb.connect(db, read_only=True)
    source = con.execute("SELECT source_actor_id, source_country, source_sector FROM events WHERE doc_id = 'later.txt'")
    assert source.fetchall() == [("person:ana-ruiz", "PER", "GOV")]
    con.close()
    shown = json.loads(invoke("actors", "show", "person:ana-ruiz", "--db", db, "--json"))
    assert shown["origin"] == "context" and shown["counts"]["documents"] == 2
    # `dyadwatch actors --country` (no subcommand) lists too, filtered by country
    rows = [json.loads(line) for line in invoke("actors", "--country", "per", "--db", db, "--json").splitlines()]
    assert rows and {r["country"] for r in rows} == {"PER"}
    listed = invoke("actors", "list", "--new", "--db", db, "--json")
    new = [json.loads(line)["actor_id"] for line in listed.splitlines()]
    assert "person:ana-ruiz" in new and "country:PER" not in new


def test_actors_add_writes_the_user_file_in_the_shipped_formats(tmp_path):
    (tmp_path / "dyadwatch.toml").write_text('actors_file = "my_actors.yaml"\n')
    invoke(
        "actors",
        "add",
        "person",
        "Ana Ruiz",
        "--office",
        "energy_minister",
        "--country",
        "PER",
        "--title",
        "Energy Minister",
        "--start",
        "2024-01-15",
        "--alias",
        "Ruiz",
    )
    invoke(
        "actors",
        "add",
        "person",
        "--id",
        "william-ruto",
        "--office",
        "other",
        "--country",
        "AU",
        "--sector",
        "IGO",
        "--title",
        "AU reform champion",
        "--start",
        "2025-03-01",
    )
    invoke("actors", "add", "org", "Andes Copper Ltd", "--country", "CHL", "--sector", "BUS", "--alias", "Andes Copper")
    invoke("actors", "add", "alias", "KEN", "Jamhuri ya Kenya")
    invoke("actors", "add", "alias", "ken", "Harambee Avenue", "--as", "seats")
    data = yaml.safe_load((tmp_path / "my_actors.yaml").read_text())
    ruiz = next(p for p in data["people"] if p["id"] == "ana-ruiz")
    assert ruiz["name"] == "Ana Ruiz" and ruiz["aliases"] == ["Ruiz"]
    assert ruiz["roles"][0]["office"] == "energy_minister" and str(ruiz["roles"][0]["start"]) == "2024-01-15"
    assert "energy minister" in data["offices"]["energy_minister"]["titles"]
    assert data["countries"] == [{"code": "KEN", "aliases": ["Jamhuri ya Kenya"], "seats": ["Harambee Avenue"]}]
    # the file loads, and `show` reads it through the settings
    kb = load_knowledge_base(str(tmp_path / "my_actors.yaml"))
    assert kb.holder("PER", "energy_minister", "2024-06-01").name == "Ana Ruiz"
    assert kb.actors["person:william-ruto"].role_on("2025-06-01").office in ("president", "other")
    shown = json.loads(invoke("actors", "show", "Ana Ruiz", "--json"))
    assert shown["origin"] == "user" and shown["roles"][0]["start"] == "2024-01-15"
    ruto = json.loads(invoke("actors", "show", "william-ruto", "--json"))
    assert ruto["origin"] == "kb" and any(r["title"] == "AU reform champion" for r in ruto["roles"])
    kenya = invoke("actors", "show", "KEN")
    assert "Jamhuri ya Kenya" in kenya and "Harambee Avenue" in kenya and "Nairobi" in kenya


def test_actors_add_refuses_what_it_cannot_write(tmp_path):
    result = runner.invoke(app, ["actors", "add", "org", "Andes Copper Ltd"])
    assert result.exit_code == 1 and "no actors file" in result.output
    path = str(tmp_path / "a.yaml")
    for args in (
        ["person", "X Y", "--office", "president", "--country", "ZZZ"],
        ["person", "X Y", "--office", "president", "--country", "PER", "--start", "14/03/2024"],
        ["org", "Andes Copper Ltd", "--sector", "SHOP"],
        ["alias", "KEN", "Kenia", "--as", "mottos"],
        ["alias", "XXX", "Nowhere"],
    ):
        result = runner.invoke(app, ["actors", "add", *args, "--file", path])
        assert result.exit_code == 1, (args, result.output)


def test_actors_show_reports_an_unknown_actor(tmp_path):
    result = runner.invoke(app, ["actors", "show", "Nobody Known", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no actor" in result.output


def test_readme_documents_the_commands_and_formats():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for text in (
        "dyadwatch actors add",
        "dyadwatch actors list",
        "dyadwatch actors show",
        "actors_file",
        "DYADWATCH_SETTINGS",
        "Your own actors",
    ):
        assert text in readme, text


def test_the_readme_example_file_loads(tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    section = readme.split("### Your own actors", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.yaml"
    path.write_text(example)
    kb = load_knowledge_base(str(path))
    assert kb.holder("PER", "energy_minister", "2024-06-01").name == "Ana Ruiz"
    assert kb.actors["person:william-ruto"].role_on("2025-06-01") is not None
    assert kb.group_sectors["freedom fighters"] == "REB"
    assert kb.surfaces["East African Community Secretariat"][0].actor_id == "igo:EAC"
