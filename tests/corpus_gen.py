"""A generated corpus of small news-like documents, for the resume (kill -9) test and benchmarks.

Every text is assembled here from templates written for the project: event sentences
between real countries (so the coder finds events) and filler sentences from random word
choices (so no two stories are near-duplicates by accident). Deterministic for a seed.

    python tests/corpus_gen.py OUT_DIR [N_DOCS] [--plain]

`--plain` writes only plain-text files (what the ingest of every version reads); the
default adds JSONL, duplicates, near-duplicates, non-English stories and broken files.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [
    ("Kenya", "Kenyan", "Nairobi"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"),
    ("Chile", "Chilean", "Santiago"),
    ("Peru", "Peruvian", "Lima"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Turkey", "Turkish", "Ankara"),
    ("Qatar", "Qatari", "Doha"),
    ("Canada", "Canadian", "Ottawa"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Indonesia", "Indonesian", "Jakarta"),
]
EVENTS = [
    "{A}'s foreign minister met his {b} counterpart in {capA} on {day}.",
    "{A} imposed sanctions on {B} on {day}, officials said.",
    "{A} and {B} signed a trade agreement in {capB} on {day}.",
    "{A} accused {B} of violating the fishing accord.",
    "{A} sent humanitarian aid to {B} after the floods.",
    "{A} expelled two {b} diplomats on {day}.",
    "The government of {A} threatened to impose tariffs on {b} steel.",
    "{A} rejected a proposal from {B} to reopen the border crossing.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
NOUNS = [
    "harbour",
    "budget",
    "pipeline",
    "railway",
    "grain market",
    "currency",
    "ferry route",
    "power grid",
    "copper trade",
    "customs office",
    "fishing fleet",
    "airport",
    "textile sector",
    "rice harvest",
    "bond issue",
    "water treaty",
    "coal mine",
    "shipping lane",
    "tourism board",
    "census",
]
VERBS = [
    "reshape",
    "delay",
    "strengthen",
    "complicate",
    "test",
    "accelerate",
    "unsettle",
    "revive",
    "expose",
    "stabilise",
    "divide",
    "shield",
]
PLACES = [
    "the capital",
    "the northern provinces",
    "the coastal towns",
    "the border districts",
    "the delta",
    "the industrial belt",
    "the highlands",
    "the river ports",
]
PERIODS = ["weeks", "months", "quarter", "season", "year"]
OUTLETS = ["The Harbour Times", "Continental Ledger", "The Morning Dispatch", "Equator Wire", "The Meridian Post"]

FRENCH = [
    "Le ministre des affaires étrangères a rencontré son homologue dans la capitale mardi.",
    "Les deux gouvernements ont signé un accord commercial après de longues négociations.",
    "Selon les analystes, la décision pourrait modifier l'équilibre régional dans les prochains mois.",
    "Les habitants des villes côtières attendent toujours la réouverture du port.",
    "Le porte-parole du gouvernement a refusé de commenter les rumeurs de sanctions.",
]
SPANISH = [
    "El ministro de relaciones exteriores se reunió con su homólogo en la capital el martes.",
    "Los dos gobiernos firmaron un acuerdo comercial después de largas negociaciones.",
    "Según los analistas, la decisión podría cambiar el equilibrio regional en los próximos meses.",
    "Los habitantes de las ciudades costeras todavía esperan la reapertura del puerto.",
    "El portavoz del gobierno se negó a comentar los rumores de sanciones.",
]


def _filler(rng: random.Random) -> str:
    return (
        f"Analysts in {rng.choice(PLACES)} said the {rng.choice(NOUNS)} could {rng.choice(VERBS)} "
        f"the {rng.choice(NOUNS)} over the coming {rng.choice(PERIODS)}, while the {rng.choice(NOUNS)} "
        f"would {rng.choice(VERBS)} the {rng.choice(NOUNS)}."
    )


def story(rng: random.Random) -> tuple[str, list[str]]:
    """A headline and paragraphs: two event sentences and fillers in between."""
    (a, _, cap_a), (b_name, b_adj, cap_b) = rng.sample(COUNTRIES, 2)
    fill = {"A": a, "B": b_name, "b": b_adj, "capA": cap_a, "capB": cap_b, "day": rng.choice(DAYS)}
    events = [t.format(**fill) for t in rng.sample(EVENTS, 2)]
    paragraphs = [events[0] + " " + _filler(rng), _filler(rng) + " " + _filler(rng), events[1] + " " + _filler(rng)]
    return f"{a} and {b_name} talks on the {rng.choice(NOUNS)}", paragraphs


def article(outlet: str, title: str, published: date, paragraphs: list[str]) -> str:
    header = [outlet, title, "By Staff Reporter", published.strftime("%b %d, %Y"), "", ""]
    return "\n".join(header) + "\n\n".join(paragraphs) + "\n"


def make_corpus(root: str | Path, n_docs: int = 300, seed: int = 7, plain: bool = False) -> dict:
    """Write the corpus under `root`; returns what was written (counts by kind)."""
    rng = random.Random(seed)
    root = Path(root)
    (root / "txt").mkdir(parents=True, exist_ok=True)
    start = date(2025, 1, 1)
    written = {"txt": 0, "jsonl": 0, "exact": 0, "near": 0, "foreign": 0, "broken": 0}
    stories = []
    for i in range(n_docs):
        title, paragraphs = story(rng)
        published = start + timedelta(days=rng.randrange(365))
        stories.append((title, paragraphs, published))
        text = article(rng.choice(OUTLETS), title, published, paragraphs)
        (root / "txt" / f"story-{i:04d}.txt").write_text(text, encoding="utf-8")
        written["txt"] += 1
    if plain:
        return written

    # Exact copies under another outlet's header, near-copies with one sentence changed.
    (root / "copies").mkdir(exist_ok=True)
    for i in range(0, n_docs, 25):
        title, paragraphs, published = stories[i]
        (root / "copies" / f"copy-{i:04d}.txt").write_text(article("Syndicate Daily", title, published, paragraphs))
        written["exact"] += 1
        edited = paragraphs[:-1] + [paragraphs[-1].replace("Analysts", "Economists", 1) + " Markets were calm."]
        later = published + timedelta(days=1)
        (root / "copies" / f"edit-{i:04d}.txt").write_text(article("Regional Echo", title, later, edited))
        written["near"] += 1

    # Wire items in the input contract.
    with (root / "wire.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(max(10, n_docs // 10)):
            title, paragraphs = story(rng)
            published = start + timedelta(days=rng.randrange(365))
            record = {
                "id": f"wire-{i:04d}",
                "text": "\n".join(paragraphs),
                "title": title,
                "outlet": "Equator Wire",
                "published": published.isoformat(),
            }
            handle.write(json.dumps(record) + "\n")
            written["jsonl"] += 1

    # Stories in French and Spanish: stored, not coded.
    (root / "foreign").mkdir(exist_ok=True)
    for i, sentences in enumerate([FRENCH, SPANISH] * 3):
        body = " ".join(rng.sample(sentences, len(sentences)))
        (root / "foreign" / f"foreign-{i}.txt").write_text(body + "\n", encoding="utf-8")
        written["foreign"] += 1

    # Broken inputs.
    (root / "broken").mkdir(exist_ok=True)
    (root / "broken" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "broken" / "empty.txt").write_bytes(b"")
    written["broken"] += 2
    return written


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = make_corpus(args[0], int(args[1]) if len(args) > 1 else 300, plain="--plain" in sys.argv)
    print(json.dumps(out))
