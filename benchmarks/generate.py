"""A reproducible corpus of news-style articles for the dyadwatch benchmarks.

Every text is assembled here from templates and word lists written for the project (no
real article is copied): event sentences of all sixteen PLOVER types between many
countries, their officials, forces and organisations, with dates in several forms, some
negated or hypothetical; background and quotation sentences around them; headers with
outlet, headline, byline and date; and the boilerplate a scraper leaves behind ("Continue
Reading", "Read more: ...", photo credits, share and subscribe lines). A small share of
stories is syndicated: an exact copy under another outlet, or a copy with one sentence
changed.

Deterministic: document i depends only on (seed, i), so a corpus of 1,000 documents is the
first 1,000 documents of a corpus of 100,000 with the same seed.

    python benchmarks/generate.py OUT_DIR [--docs N] [--seed S] [--format txt|jsonl|mixed]

Plain-text articles go to OUT_DIR/txt/NNN/story-NNNNNN.txt (1,000 a folder), input-contract
records to OUT_DIR/wire/wire-NNN.jsonl (5,000 a file); `mixed` (the default) writes even
documents as text files and odd ones as JSONL records.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# (name, adjective, capital, demonym); name as it reads in running text.
COUNTRIES = [
    ("the United States", "American", "Washington", "Americans"),
    ("China", "Chinese", "Beijing", "Chinese"),
    ("Russia", "Russian", "Moscow", "Russians"),
    ("Britain", "British", "London", "Britons"),
    ("France", "French", "Paris", "French"),
    ("Germany", "German", "Berlin", "Germans"),
    ("India", "Indian", "New Delhi", "Indians"),
    ("Pakistan", "Pakistani", "Islamabad", "Pakistanis"),
    ("Japan", "Japanese", "Tokyo", "Japanese"),
    ("South Korea", "South Korean", "Seoul", "South Koreans"),
    ("North Korea", "North Korean", "Pyongyang", "North Koreans"),
    ("Iran", "Iranian", "Tehran", "Iranians"),
    ("Israel", "Israeli", "Jerusalem", "Israelis"),
    ("Turkey", "Turkish", "Ankara", "Turks"),
    ("Saudi Arabia", "Saudi", "Riyadh", "Saudis"),
    ("Egypt", "Egyptian", "Cairo", "Egyptians"),
    ("Ukraine", "Ukrainian", "Kyiv", "Ukrainians"),
    ("Poland", "Polish", "Warsaw", "Poles"),
    ("Brazil", "Brazilian", "Brasilia", "Brazilians"),
    ("Argentina", "Argentine", "Buenos Aires", "Argentines"),
    ("Mexico", "Mexican", "Mexico City", "Mexicans"),
    ("Canada", "Canadian", "Ottawa", "Canadians"),
    ("Australia", "Australian", "Canberra", "Australians"),
    ("Indonesia", "Indonesian", "Jakarta", "Indonesians"),
    ("Vietnam", "Vietnamese", "Hanoi", "Vietnamese"),
    ("the Philippines", "Philippine", "Manila", "Filipinos"),
    ("Kenya", "Kenyan", "Nairobi", "Kenyans"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Ethiopians"),
    ("Nigeria", "Nigerian", "Abuja", "Nigerians"),
    ("Ghana", "Ghanaian", "Accra", "Ghanaians"),
    ("South Africa", "South African", "Pretoria", "South Africans"),
    ("Sudan", "Sudanese", "Khartoum", "Sudanese"),
    ("Somalia", "Somali", "Mogadishu", "Somalis"),
    ("Chile", "Chilean", "Santiago", "Chileans"),
    ("Peru", "Peruvian", "Lima", "Peruvians"),
    ("Colombia", "Colombian", "Bogota", "Colombians"),
    ("Venezuela", "Venezuelan", "Caracas", "Venezuelans"),
    ("Qatar", "Qatari", "Doha", "Qataris"),
    ("Afghanistan", "Afghan", "Kabul", "Afghans"),
    ("Bangladesh", "Bangladeshi", "Dhaka", "Bangladeshis"),
    ("Italy", "Italian", "Rome", "Italians"),
    ("Spain", "Spanish", "Madrid", "Spaniards"),
    ("the Netherlands", "Dutch", "The Hague", "Dutch"),
    ("Morocco", "Moroccan", "Rabat", "Moroccans"),
    ("Algeria", "Algerian", "Algiers", "Algerians"),
    ("Iraq", "Iraqi", "Baghdad", "Iraqis"),
    ("Syria", "Syrian", "Damascus", "Syrians"),
    ("Jordan", "Jordanian", "Amman", "Jordanians"),
    ("Thailand", "Thai", "Bangkok", "Thais"),
    ("Malaysia", "Malaysian", "Kuala Lumpur", "Malaysians"),
    ("Sweden", "Swedish", "Stockholm", "Swedes"),
    ("Norway", "Norwegian", "Oslo", "Norwegians"),
    ("Greece", "Greek", "Athens", "Greeks"),
    ("Serbia", "Serbian", "Belgrade", "Serbs"),
    ("Hungary", "Hungarian", "Budapest", "Hungarians"),
    ("Romania", "Romanian", "Bucharest", "Romanians"),
    ("Tanzania", "Tanzanian", "Dodoma", "Tanzanians"),
    ("Uganda", "Ugandan", "Kampala", "Ugandans"),
    ("Senegal", "Senegalese", "Dakar", "Senegalese"),
    ("Cuba", "Cuban", "Havana", "Cubans"),
]
ORGANISATIONS = [
    "the United Nations",
    "NATO",
    "the European Union",
    "the African Union",
    "ASEAN",
    "the World Bank",
    "the International Monetary Fund",
    "the Arab League",
    "the World Health Organization",
    "the UN Security Council",
]
# Officials whose office the resolver knows; the sector follows from the title.
TITLES = [
    "foreign minister",
    "defence minister",
    "prime minister",
    "president",
    "army chief",
    "trade minister",
    "interior minister",
    "finance minister",
    "top diplomat",
    "ambassador",
    "national security adviser",
]
GROUPS = ["troops", "officials", "diplomats", "police", "lawmakers", "forces", "negotiators", "authorities"]
TOPICS = [
    "trade",
    "energy",
    "fisheries",
    "border security",
    "water sharing",
    "migration",
    "wheat exports",
    "port access",
    "debt relief",
    "vaccine supply",
    "rare earths",
    "gas pipeline",
    "customs",
    "aviation",
    "cyber security",
    "counter-terrorism",
    "shipping",
    "climate finance",
    "nuclear safety",
    "refugees",
]
GOODS = [
    "steel",
    "rice",
    "cars",
    "solar panels",
    "textiles",
    "copper",
    "soybeans",
    "fertiliser",
    "semiconductors",
    "fish",
    "timber",
    "coffee",
]
WRONGS = [
    "violating the ceasefire",
    "meddling in its elections",
    "spying on its navy",
    "harbouring militants",
    "dumping cheap steel",
    "blocking aid convoys",
    "breaking the fishing accord",
    "hacking its ministries",
    "mistreating its nationals",
    "smuggling weapons across the border",
]
ACTIONS = [
    "release the detained sailors",
    "reopen the border crossing",
    "withdraw its warships",
    "hand over the suspects",
    "resume grain shipments",
    "lift the export ban",
    "return to the talks",
    "pay its outstanding debts",
    "investigate the shooting",
    "respect the maritime boundary",
]
DISASTERS = ["floods", "earthquake", "drought", "cyclone", "wildfires", "landslides", "cholera outbreak"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
OUTLETS = [
    "The Harbour Times",
    "Continental Ledger",
    "The Morning Dispatch",
    "Equator Wire",
    "The Meridian Post",
    "Northern Courier",
    "The Daily Compass",
    "Atlas News Service",
    "The Evening Standard-Bearer",
    "Coastline Chronicle",
    "The Frontier Gazette",
    "Global Desk Today",
    "The Lantern",
    "Pacific Observer",
]
FIRST = [
    "Amina",
    "Daniel",
    "Priya",
    "Tomás",
    "Grace",
    "Yusuf",
    "Elena",
    "Kwame",
    "Mei",
    "Oliver",
    "Fatima",
    "Lucas",
    "Ana",
    "Samuel",
    "Leila",
    "Jonas",
    "Chloe",
    "Rahul",
    "Ines",
    "Victor",
]
LAST = [
    "Okafor",
    "Brennan",
    "Raman",
    "Castillo",
    "Mwangi",
    "Haddad",
    "Novak",
    "Mensah",
    "Lin",
    "Hartley",
    "Qureshi",
    "Moreau",
    "Silva",
    "Abebe",
    "Karimi",
    "Lindqvist",
    "Dubois",
    "Mehta",
    "Ferreira",
    "Petrov",
]
AGENCIES = ["Atlas Pictures", "Meridian Photo", "Staff Photographer", "Handout", "Pool", "Equator Images"]

# Event sentences by PLOVER type. {S}/{T}: source and target phrases; {A}/{B}: country names;
# {a}/{b}: adjectives; {capA}/{capB}: capitals; {when}: a date phrase (may be empty).
EVENTS = {
    "AGREE": [
        "{S} signed a {topic} agreement with {T}{when}.",
        "{S} and {T} agreed to extend their {topic} accord{when}.",
        "{S} promised {T} to settle the dispute over {topic} by the end of the year.",
    ],
    "CONSULT": [
        "{S} met {T} in {capB}{when}.",
        "{S} held talks with {T} on {topic}{when}.",
        "{S} visited {capB}{when} for talks on {topic}.",
        "{S} spoke by phone with {T} about {topic}.",
        "{S} hosted {T} at a dinner in {capA}{when}.",
    ],
    "SUPPORT": [
        "{S} praised {T} for its handling of the {topic} crisis.",
        "{S} thanked {T} for its help after the {disaster}.",
        "{S} endorsed {T}'s bid to host the next {topic} summit.",
    ],
    "CONCEDE": [
        "{S} released {n} {b} fishermen{when}.",
        "{S} apologised to {T} for the incident at the border.",
        "{S} eased restrictions on {b} {goods}{when}.",
    ],
    "COOPERATE": [
        "{S} and {T} held joint naval exercises{when}.",
        "{S} handed over two suspects to {T}{when}.",
        "{S} and {T} began joint patrols along the shared border.",
    ],
    "AID": [
        "{S} sent humanitarian aid to {T} after the {disaster}.",
        "{S} pledged ${n} million in {topic} assistance to {T}{when}.",
        "{S} delivered emergency food supplies to {T}{when}.",
    ],
    "RETREAT": [
        "{S} withdrew its troops from the border with {B}{when}.",
        "{S} lifted its blockade of {b} ports{when}.",
    ],
    "REQUEST": [
        "{S} urged {T} to {action}.",
        "{S} called on {T} to {action}.",
        "{S} asked {T} to {action}{when}.",
    ],
    "ACCUSE": [
        "{S} accused {T} of {wrong}.",
        "{S} criticised {T} over its {topic} policy.",
        "{S} lodged a formal protest with {T}{when}.",
        "{S} blamed {T} for the collapse of the {topic} talks.",
    ],
    "REJECT": [
        "{S} rejected a proposal from {T} on {topic}.",
        "{S} refused to extradite the {b} suspects to {B}.",
        "{S} dismissed {T}'s claims about {topic} as baseless.",
    ],
    "THREATEN": [
        "{S} threatened to impose tariffs on {b} {goods}.",
        "{S} warned {T} against any move on {topic}.",
        "{S} threatened to expel {b} diplomats if the talks failed.",
    ],
    "PROTEST": [
        "Thousands of {demA} rallied outside the {b} embassy in {capA}{when}.",
        "Protesters in {capA} demonstrated against the {b} {topic} deal{when}.",
    ],
    "SANCTION": [
        "{S} imposed sanctions on {T}{when}.",
        "{S} expelled {n} {b} diplomats{when}.",
        "{S} suspended {topic} talks with {T}{when}.",
        "{S} banned imports of {b} {goods}{when}.",
    ],
    "MOBILIZE": [
        "{S} deployed troops to the border with {B}{when}.",
        "{S} put its forces on high alert after {b} drills near the coast.",
    ],
    "COERCE": [
        "{a} police arrested {n} {b} nationals{when}.",
        "{S} seized a {b} cargo ship{when}.",
        "{S} detained a {b} journalist in {capA}{when}.",
    ],
    "ASSAULT": [
        "{S} launched air strikes on {b} positions{when}.",
        "{S} shot down a {b} drone near the border{when}.",
        "{a} forces shelled {b} border villages{when}, killing {n} people.",
    ],
}
# Modality: the coder flags these as negated or hypothetical.
MODAL = [
    (
        "{S} did not {verb} {T}{when}.",
        {"meet": "meet", "sign a deal with": "sign a deal with", "criticise": "criticise", "sanction": "sanction"},
    ),
    ("{S} will {verb} {T} next month.", {"visit": "visit", "meet": "meet", "host": "host"}),
    ("{S} could {verb} {T} if the talks fail.", {"sanction": "impose sanctions on", "expel": "expel envoys of"}),
]
QUOTES = [
    "\u201cWe want a relationship built on respect,\u201d {speaker} said.",
    "\u201cThe door to dialogue remains open,\u201d {speaker} told reporters.",
    "\u201cThis decision was not taken lightly,\u201d {speaker} said in a statement.",
    "\u201cWe will protect our interests,\u201d {speaker} said on state television.",
    "\u201cThere is still time to find a solution,\u201d {speaker} told a news conference in {capA}.",
]
SPEAKERS = [
    "a spokesperson for the {a} foreign ministry",
    "an official who asked not to be named",
    "the {a} government's spokesman",
    "a senior {a} diplomat",
    "an adviser to the {a} president",
]
BACKGROUND = [
    "The two countries have argued over {topic} for more than a decade.",
    "Trade between {A} and {B} reached ${n} billion last year, according to official figures.",
    "Analysts in {capA} said the {topic} dispute could weigh on the {noun} for months.",
    "The {noun} has been under pressure since the {disaster} hit the region in {month}.",
    "Officials did not say when the next round of talks on {topic} would take place.",
    "Markets in {capB} were steady after the announcement, with the {noun} up {pct} percent.",
    "The {noun} accounts for about {pct} percent of {a} exports, the central bank says.",
    "Diplomats said the {topic} file had been stuck since {month}.",
    "Several smaller parties in {A} have called for a parliamentary debate on {topic}.",
    "Rights groups have asked both governments to publish the terms of the {topic} deal.",
    "The {noun} in {capB} reopened on {day} after a week of repairs.",
    "Local newspapers in {capA} gave the story wide coverage on their front pages.",
    "About {n} {demB} live and work in {A}, many of them in the {noun}.",
    "The {a} economy grew by {pct} percent in the last quarter, helped by the {noun}.",
]
NOUNS = [
    "harbour",
    "budget",
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
    "bond market",
    "coal industry",
    "shipping lane",
    "tourism sector",
    "construction industry",
    "dairy sector",
    "tea estates",
]
BOILERPLATE = [
    "Continue Reading",
    "Read more: {headline}",
    "Photo: {agency}",
    "Share this article",
    "Subscribe to our newsletter for the day's top stories",
    "Advertisement",
    "Follow us on our channels",
    "Also read: {headline}",
    "(Photo by {first} {last} / {agency})",
]
HEADLINES = [
    "{A} and {B} at odds over {topic}",
    "{A} steps up pressure on {B}",
    "{a} minister in {capB} for talks",
    "What the {topic} deal means for {A}",
    "{A} hits back at {B} over {topic}",
    "Tensions rise along {a} border",
    "{A}, {B} sign {topic} pact",
    "{B} rejects {a} demands on {topic}",
]
START = date(2023, 1, 1)
SPAN_DAYS = 3 * 365


@dataclass
class Story:
    doc_no: int
    title: str
    outlet: str
    byline: str
    published: date
    paragraphs: list[str]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _when(rng: random.Random, published: date) -> str:
    roll = rng.random()
    if roll < 0.25:
        return ""
    if roll < 0.5:
        return f" on {rng.choice(DAYS)}"
    if roll < 0.6:
        return f" last {rng.choice(DAYS)}"
    if roll < 0.75:
        day = published - timedelta(days=rng.randrange(1, 20))
        return f" on {day.day} {MONTHS[day.month - 1]}"
    if roll < 0.85:
        day = published - timedelta(days=rng.randrange(1, 20))
        return f" on {MONTHS[day.month - 1]} {day.day}, {day.year}"
    if roll < 0.93:
        return " earlier this month"
    return f" in {MONTHS[(published.month - 2) % 12]}"


def _actor(rng: random.Random, country: tuple, other: tuple) -> str:
    """A phrase for one side: the country, its capital, an official, a group or an organisation."""
    name, adj, capital, _ = country
    roll = rng.random()
    if roll < 0.3:
        return name
    if roll < 0.42:
        return capital
    if roll < 0.62:
        title = rng.choice(TITLES)
        return f"{name}'s {title}" if rng.random() < 0.5 else f"the {adj} {title}"
    if roll < 0.72:
        return f"{name}'s government" if rng.random() < 0.5 else f"the {adj} government"
    if roll < 0.9:
        return f"{adj} {rng.choice(GROUPS)}"
    if roll < 0.95:
        return f"his {other[1]} counterpart" if rng.random() < 0.5 else name
    return rng.choice(ORGANISATIONS)


def _fill(rng: random.Random, a: tuple, b: tuple, published: date, headline: str = "") -> dict:
    return {
        "A": a[0],
        "B": b[0],
        "a": a[1],
        "b": b[1],
        "capA": a[2],
        "capB": b[2],
        "demA": a[3],
        "demB": b[3],
        "topic": rng.choice(TOPICS),
        "goods": rng.choice(GOODS),
        "wrong": rng.choice(WRONGS),
        "action": rng.choice(ACTIONS),
        "disaster": rng.choice(DISASTERS),
        "noun": rng.choice(NOUNS),
        "n": rng.choice([2, 3, 4, 5, 7, 12, 15, 20, 40, 120, 300]),
        "pct": f"{rng.uniform(0.2, 9.5):.1f}",
        "month": rng.choice(MONTHS),
        "day": rng.choice(DAYS),
        "when": _when(rng, published),
        "agency": rng.choice(AGENCIES),
        "first": rng.choice(FIRST),
        "last": rng.choice(LAST),
        "headline": headline,
    }


def _event_sentence(rng: random.Random, a: tuple, b: tuple, published: date) -> str:
    fill = _fill(rng, a, b, published)
    fill["S"], fill["T"] = _actor(rng, a, b), _actor(rng, b, a)
    if rng.random() < 0.08:
        template, verbs = rng.choice(MODAL)
        fill["verb"] = verbs[rng.choice(sorted(verbs))]
    else:
        template = rng.choice(EVENTS[rng.choice(list(EVENTS))])
    return _cap(template.format(**fill))


def _plain_sentence(rng: random.Random, a: tuple, b: tuple, published: date) -> str:
    fill = _fill(rng, a, b, published)
    if rng.random() < 0.25:
        fill["speaker"] = rng.choice(SPEAKERS).format(**fill)
        return rng.choice(QUOTES).format(**fill)
    return _cap(rng.choice(BACKGROUND).format(**fill))


def story(seed: int, doc_no: int) -> Story:
    """Document `doc_no` of the corpus for `seed`: the same story whatever the corpus size."""
    rng = random.Random(f"dyadwatch-bench:{seed}:{doc_no}")
    a, b = rng.sample(COUNTRIES, 2)
    published = START + timedelta(days=rng.randrange(SPAN_DAYS))
    headline = _cap(rng.choice(HEADLINES).format(**_fill(rng, a, b, published)))
    paragraphs = []
    for p in range(rng.randint(5, 11)):
        sentences = []
        for _ in range(rng.randint(1, 3)):
            # Mostly the two main countries; now and then a third party.
            x, y = (a, b) if rng.random() < 0.75 else rng.sample(COUNTRIES, 2)
            if rng.random() < 0.45:
                sentences.append(_event_sentence(rng, x, y, published))
            else:
                sentences.append(_plain_sentence(rng, x, y, published))
        text = " ".join(sentences)
        if p == 0 and rng.random() < 0.4:
            text = f"{a[2].upper()}: {text}"  # dateline
        paragraphs.append(text)
        if rng.random() < 0.18:
            other = _cap(rng.choice(HEADLINES).format(**_fill(rng, b, a, published)))
            fill = _fill(rng, a, b, published, headline=other)
            paragraphs.append(rng.choice(BOILERPLATE).format(**fill))
    byline = rng.choice(
        [
            f"By {rng.choice(FIRST)} {rng.choice(LAST)}",
            "Web Desk",
            "Staff Reporter",
            f"By {rng.choice(FIRST)} {rng.choice(LAST)} and {rng.choice(FIRST)} {rng.choice(LAST)}",
        ]
    )
    return Story(doc_no, headline, rng.choice(OUTLETS), byline, published, paragraphs)


def syndicated(seed: int, doc_no: int, dup_rate: float) -> Story:
    """Most documents are new stories; a share `dup_rate` copies an earlier one (half exact, half edited)."""
    rng = random.Random(f"dyadwatch-bench-dup:{seed}:{doc_no}")
    if doc_no < 10 or rng.random() >= dup_rate:
        return story(seed, doc_no)
    original = story(seed, rng.randrange(doc_no))
    paragraphs = list(original.paragraphs)
    if rng.random() < 0.5:  # near-duplicate: one sentence added at the end
        paragraphs[-1] = paragraphs[-1] + " Officials were not available for further comment on the matter."
    outlet = rng.choice([o for o in OUTLETS if o != original.outlet])
    return Story(
        doc_no, original.title, outlet, "Agencies", original.published + timedelta(days=rng.randrange(2)), paragraphs
    )


def _header_date(rng: random.Random, published: date) -> str:
    forms = [
        published.strftime("%b %d, %Y"),
        f"{published.day} {MONTHS[published.month - 1]} {published.year}",
        f"Published: {published.isoformat()} {rng.randrange(6, 22):02d}:{rng.randrange(60):02d}",
    ]
    return rng.choice(forms)


def as_text(item: Story) -> str:
    """The article as a scraped plain-text file: header lines, a blank line, paragraphs."""
    rng = random.Random(item.doc_no)
    header = [item.outlet, item.title, item.byline, _header_date(rng, item.published)]
    return "\n".join(header) + "\n\n" + "\n\n".join(item.paragraphs) + "\n"


def as_record(item: Story) -> dict:
    """The article in the JSONL input contract."""
    slug = "-".join(item.title.lower().replace(",", "").split()[:6])
    return {
        "id": f"wire-{item.doc_no:06d}",
        "text": "\n\n".join(item.paragraphs),
        "html": None,
        "url": f"https://news.example.org/{item.published:%Y/%m/%d}/{slug}-{item.doc_no}",
        "title": item.title,
        "outlet": item.outlet,
        "published": item.published.isoformat(),
    }


def write_corpus(out: str | Path, docs: int, seed: int = 1, fmt: str = "mixed", dup_rate: float = 0.03) -> dict:
    """Write `docs` documents under `out`; returns counts and the number of words written."""
    if fmt not in ("txt", "jsonl", "mixed"):
        raise ValueError(f"format must be txt, jsonl or mixed, not {fmt!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts = {"documents": docs, "txt": 0, "jsonl": 0, "words": 0, "characters": 0}
    handle, handle_no = None, -1
    try:
        for i in range(docs):
            item = syndicated(seed, i, dup_rate)
            to_text = fmt == "txt" or (fmt == "mixed" and i % 2 == 0)
            if to_text:
                text = as_text(item)
                folder = out / "txt" / f"{i // 1000:03d}"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"story-{i:06d}.txt").write_text(text, encoding="utf-8")
                counts["txt"] += 1
            else:
                record = as_record(item)
                text = record["text"]
                if i // 5000 != handle_no:
                    if handle:
                        handle.close()
                    handle_no = i // 5000
                    (out / "wire").mkdir(exist_ok=True)
                    handle = (out / "wire" / f"wire-{handle_no:03d}.jsonl").open("w", encoding="utf-8")
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                counts["jsonl"] += 1
            counts["words"] += len(text.split())
            counts["characters"] += len(text)
    finally:
        if handle:
            handle.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="output folder")
    parser.add_argument("--docs", type=int, default=1000, help="number of documents (100 to 100,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", dest="fmt", choices=["txt", "jsonl", "mixed"], default="mixed")
    parser.add_argument("--dup-rate", type=float, default=0.03, help="share of syndicated copies")
    args = parser.parse_args(argv)
    counts = write_corpus(args.out, args.docs, args.seed, args.fmt, args.dup_rate)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
