"""Readers on inputs written for the project: web pages, feeds, web archives, gzip and broken files."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from pathlib import Path

import pytest

from dyadwatch.ingest import read_paths
from dyadwatch.records import Document, Failure

DATA = Path(__file__).parent / "data"
HTML = DATA / "html"
FEEDS = DATA / "feeds"

# For each page: metadata, sentences from the start, middle and end of the article, and a
# piece of every furniture block on the page (none may reach the text).
PAGES = {
    "lagos-port-wordpress.html": {
        "outlet": "Gulf of Guinea Chronicle",
        "published": "2025-09-14",
        "title": "Nigeria and Ghana sign port cooperation pact",
        "url": "https://gogchronicle.example/2025/09/14/nigeria-ghana-port-pact/",
        "body": [
            "Nigeria and Ghana signed an agreement in Accra on Saturday",
            "cut the time a truck spends at the border from four days to one",
            "three rounds of talks in Abuja and Accra that began in March",
        ],
        "furniture": [
            "uses cookies",
            "Manage settings",
            "Containers stacked at the Tema terminal",
            "Photo credit",
            "West Africa Brief",
            "five stories you need",
            "Sign me up",
            "Continue Reading",
            "Lagos unveils a plan",
            "Cedi rebounds",
            "ECOWAS transit scheme",
            "Adaeze Okafor",
            "Updated September",
            "All rights reserved",
            "Sport",
        ],
        "note": "over modified 2025-09-16",
    },
    "hanoi-rice-export-curbs.html": {
        "outlet": "Mekong Courier",
        "published": "2024-11-05",
        "title": "Vietnam curbs rice exports to the Philippines",
        "url": "https://www.mekongcourier.example/business/vietnam-rice-export-curbs",
        "body": [
            "Vietnam will cap rice shipments to the Philippines at half of last year's volume",
            "export prices for broken rice had risen by a tenth",
            "when a typhoon damaged warehouses on Luzon",
        ],
        "furniture": [
            "We value your privacy",
            "842 partners",
            "Accept all",
            "Log in",
            "Linh Tran",
            "Published November 5",
            "Share on Facebook",
            "Farmers inspect flooded paddies",
            "Read more",
            "Asia Markets Daily",
            "Most read",
            "deep-water port",
            "Thai baht",
            "Terms",
        ],
        "note": "over modified 2024-11-07",
    },
    "quito-ambassador-no-meta.html": {
        "outlet": "andes-observer.example",
        "published": "2023-03-12",
        "title": "Ecuador recalls its ambassador from Mexico",
        "url": "https://www.andes-observer.example/politica/ecuador-recalls-ambassador",
        "body": [
            "Ecuador recalled its ambassador from Mexico City on Sunday",
            "did not respond to a request for comment",
            "asylum granted to a former Ecuadorian vice-president",
        ],
        "furniture": [
            "Home",
            "Carla Mendoza",
            "The foreign ministry building in Quito",
            "Archive photo",
            "Cookies help us",
            "Learn more",
            "independent journalism since 1998",
        ],
        "note": "htmldate",
    },
    "seoul-drills-inline-furniture.html": {
        "outlet": "Han River Herald",
        "published": "2026-01-22",
        "title": "South Korea and Japan hold first joint coast guard drill",
        "url": None,
        "body": [
            "South Korea and Japan held their first joint coast guard exercise in the Korea Strait",
            "would hold a second exercise near the island of Tsushima",
            "crossed by hundreds of cargo ships every day",
        ],
        "furniture": [
            "Kim Ji-won",
            "lowers a rescuer",
            "Handout",
            "Korea Briefing",
            "unsubscribe",
            "shuttle diplomacy",
            "Continue Reading",
            "You might also like",
            "Samsung plans",
            "We use cookies",
            "privacy settings",
        ],
        "note": None,
    },
    "nairobi-plain-markup.html": {
        "outlet": "Lakeside Tribune",
        "published": "2024-07-30",
        "title": "Kenya and Uganda settle dispute over Lake Victoria islet",
        "url": None,
        "body": [
            "Kenya and Uganda agreed on Monday to share the fishing grounds",
            "a joint patrol will police the waters around the rock",
            "the agreement would be reviewed after one year",
        ],
        "furniture": [
            "By Wanjiru Kamau",
            "Tuesday, July 30",
            "The islet seen from a fishing boat",
            "Picture by",
            "Also read",
            "Lake transport operators",
            "We use cookies",
            "Get our headlines by email",
            "thirty thousand readers",
        ],
        "note": None,
    },
}


def read_one(path: Path, **kwargs) -> Document | Failure:
    [result] = list(read_paths([path], **kwargs))
    return result


@pytest.mark.parametrize("name", sorted(PAGES))
def test_web_page_gives_the_article_and_none_of_its_furniture(name):
    expected = PAGES[name]
    doc = read_one(HTML / name)
    assert isinstance(doc, Document), doc
    assert doc.id == name
    assert (doc.outlet, doc.published, doc.title, doc.url) == (
        expected["outlet"],
        expected["published"],
        expected["title"],
        expected["url"],
    )
    for sentence in expected["body"]:
        assert sentence in doc.text
    for furniture in expected["furniture"]:
        assert furniture not in doc.text, furniture
    assert not doc.text.startswith(doc.title)  # the headline is metadata, not a paragraph
    if expected["note"]:
        assert any(expected["note"] in note for note in doc.notes), doc.notes


def test_page_without_an_article_fails_with_its_reason():
    failure = read_one(HTML / "section-front-no-article.html")
    assert isinstance(failure, Failure) and failure.reason.startswith("no article text in the page")


def test_page_in_a_declared_legacy_encoding(tmp_path):
    page = (HTML / "nairobi-plain-markup.html").read_text(encoding="utf-8")
    page = page.replace("charset=utf-8", "charset=windows-1252").replace(
        "arrested by rival police patrols", "arrested by “rival” police patrols in Homa Bay’s waters"
    )
    (tmp_path / "legacy.html").write_bytes(page.encode("cp1252"))
    doc = read_one(tmp_path / "legacy.html")
    assert isinstance(doc, Document)
    assert "arrested by “rival” police patrols in Homa Bay’s waters" in doc.text
    assert "encoding: cp1252 (declared)" in doc.notes


def test_text_in_mixed_encodings_and_with_a_bom(tmp_path):
    utf8 = "Brazil’s foreign minister met his Peruvian counterpart in Lima on Monday.\n".encode()
    legacy = "The talks covered São Paulo’s rail link to the Pacific ports.\n".encode("cp1252")
    (tmp_path / "mixed.txt").write_bytes(utf8 + b"\n" + legacy)
    (tmp_path / "bom.txt").write_bytes("Chile and Peru signed a border accord.".encode("utf-16"))
    docs = {d.id: d for d in read_paths([tmp_path])}
    assert "Brazil’s foreign minister" in docs["mixed.txt"].text
    assert "São Paulo’s rail link" in docs["mixed.txt"].text
    assert any(n.startswith("encoding: mixed") for n in docs["mixed.txt"].notes)
    assert docs["bom.txt"].text == "Chile and Peru signed a border accord."


def test_rss_items_become_documents_with_their_own_metadata():
    results = list(read_paths([FEEDS / "meridian-world.rss"]))
    docs = [r for r in results if isinstance(r, Document)]
    [empty] = [r for r in results if isinstance(r, Failure)]
    first, second = docs
    assert first.id == "meridian-48213" and first.title == "Chile and Peru agree to reopen border crossing"
    assert first.published == "2025-05-06"  # the date as written (22:45 at -05:00), not the UTC day after
    assert first.outlet == "The Meridian Post - World"
    assert first.url == "https://meridianpost.example/world/2025/05/06/chile-peru-border"
    assert first.text.startswith("Chile and Peru agreed on Tuesday to reopen the Chacalluta border crossing")
    assert "asked for compensation for the weeks their members lost." in first.text
    for furniture in ("Trucks wait at", "Photo:", "Continue reading", "appeared first on"):
        assert furniture not in first.text
    assert second.id == "https://meridianpost.example/world/2025/05/05/ghana-envoy"
    assert second.text.startswith("Ghana recalled its ambassador") and second.published == "2025-05-05"
    assert empty.source.endswith("meridian-world.rss#3") and "no text" in empty.reason


def test_atom_entries_full_content_and_summary_only():
    first, second = read_paths([FEEDS / "lakeside-atom.xml"])
    assert first.id == "tag:lakesidetribune.example,2024:entry-9001" and first.outlet == "Lakeside Tribune"
    assert first.published == "2024-08-01"
    assert "joint police unit for the route" in first.text
    for furniture in ("A section of the pipeline route", "Photo credit", "newsletter", "inbox"):
        assert furniture not in first.text
    assert second.published == "2024-07-29" and any("only an updated time" in n for n in second.notes)
    assert second.text.startswith("Kenya lifted a ban on poultry imports")


def test_xml_that_is_no_feed_fails():
    failure = read_one(FEEDS / "sitemap.xml")
    assert isinstance(failure, Failure) and failure.reason == "not an RSS or Atom feed"


def test_gzipped_inputs_read_like_the_plain_ones(tmp_path):
    for name in ("meridian-world.rss",):
        (tmp_path / f"{name}.gz").write_bytes(gzip.compress((FEEDS / name).read_bytes()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress((HTML / "hanoi-rice-export-curbs.html").read_bytes()))
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(b"Kenya and Ethiopia signed a trade pact."))
    lines = [json.dumps({"id": f"w{i}", "text": f"Chile and Peru signed accord number {i}."}) for i in range(3)]
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    docs = [r for r in read_paths([tmp_path]) if isinstance(r, Document)]
    ids = [d.id for d in docs]
    assert ids == [
        "meridian-48213",
        "https://meridianpost.example/world/2025/05/05/ghana-envoy",
        "page.html.gz",
        "story.txt.gz",
        "w0",
        "w1",
        "w2",
    ]
    assert docs[2].outlet == "Mekong Courier"


# -- web archives -----------------------------------------------------------------------------
def make_warc(records: list[tuple], gz: bool) -> bytes:
    """records: (url, status, content type, body bytes, record type) -> WARC bytes, by warcio's writer."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, status, content_type, body, rec_type in records:
        if rec_type == "request":
            headers = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "x.example")], is_http_request=True)
            record = writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)
        else:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-12-02T10:00:00Z"},
            )
        writer.write_record(record)
    return out.getvalue()


UNDATED_PAGE = b"""<html><head><title>Peru and Bolivia agree lake patrols</title></head><body><article>
<h1>Peru and Bolivia agree lake patrols</h1>
<p>Peru and Bolivia agreed to run joint patrols on Lake Titicaca against smugglers, the two navies said in a statement
that gave no timetable for the first patrol.</p>
<p>Fishermen on both shores have complained for years that contraband fuel boats cross the lake at night.</p>
</article></body></html>"""


def warc_records() -> list[tuple]:
    return [
        ("https://mekongcourier.example/rice", None, None, b"", "request"),
        (
            "https://mekongcourier.example/rice",
            "200 OK",
            "text/html; charset=utf-8",
            (HTML / "hanoi-rice-export-curbs.html").read_bytes(),
            "response",
        ),
        ("https://mekongcourier.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "response"),
        ("https://mekongcourier.example/gone", "404 Not Found", "text/html", b"<html>not found</html>", "response"),
        ("https://andes.example/lake", "200 OK", "text/html", UNDATED_PAGE, "response"),
        (
            "https://meridianpost.example/world",
            "200 OK",
            "text/html; charset=utf-8",
            (HTML / "section-front-no-article.html").read_bytes(),
            "response",
        ),
        (
            "https://gogchronicle.example/port",
            "200 OK",
            "text/html",
            (HTML / "lagos-port-wordpress.html").read_bytes(),
            "response",
        ),
    ]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_documents(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(make_warc(warc_records(), gz))
    results = list(read_paths([path]))
    docs = [r for r in results if isinstance(r, Document)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [d.id for d in docs] == [
        "https://mekongcourier.example/rice",
        "https://andes.example/lake",
        "https://gogchronicle.example/port",
    ]
    rice, lake, port = docs
    assert rice.outlet == "Mekong Courier" and rice.published == "2024-11-05" and "842 partners" not in rice.text
    assert lake.published == "2024-12-02" and any("capture date" in n for n in lake.notes)
    assert port.published == "2025-09-14" and "Containers stacked" not in port.text
    [no_article] = failures  # the section front; the image, the 404 and the request pass without a word
    assert "no article text" in no_article.reason and no_article.source.startswith(str(path))


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path):
    data = make_warc(warc_records(), gz=False)
    (tmp_path / "cut.warc").write_bytes(data[:-400])
    results = list(read_paths([tmp_path / "cut.warc"]))
    assert [r.id for r in results if isinstance(r, Document)] == [
        "https://mekongcourier.example/rice",
        "https://andes.example/lake",
    ]
    [truncated] = [r for r in results if isinstance(r, Failure) and "truncated" in r.reason]
    assert truncated.reason.startswith("truncated WARC record") and "gogchronicle.example/port" in truncated.reason


def test_truncated_warc_gz_is_reported_once(tmp_path):
    data = make_warc(warc_records(), gz=True)
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 300])
    results = list(read_paths([tmp_path / "cut.warc.gz"]))
    assert [r.id for r in results if isinstance(r, Document)][:2] == [
        "https://mekongcourier.example/rice",
        "https://andes.example/lake",
    ]
    reasons = [r.reason for r in results if isinstance(r, Failure) and "truncated" in r.reason]
    assert len(reasons) == 1 and "truncated" in reasons[0]


# -- broken inputs ----------------------------------------------------------------------------
def test_every_broken_input_fails_alone_with_a_clear_reason(tmp_path):
    good = "Kenya and Ethiopia signed a trade pact in Addis Ababa on Monday."
    (tmp_path / "a-good.txt").write_text(good)
    (tmp_path / "binary.html").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (tmp_path / "control.txt").write_bytes(bytes(range(1, 9)) * 200)
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "big.txt").write_text("word " * 30_000)
    story = " ".join(f"Day {i} of the talks." for i in range(3000)).encode()
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(story)[:-200])
    (tmp_path / "corrupt.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 300_000))
    lines = [json.dumps({"id": f"w{i}", "text": f"Peru and Chile signed accord {i}."}) for i in range(40)]
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode())[:-30])
    (tmp_path / "huge-line.jsonl").write_text(
        json.dumps({"id": "h1", "text": "x " * 100_000}) + "\n" + json.dumps({"id": "h2", "text": good}) + "\n"
    )
    (tmp_path / "section.html").write_bytes((HTML / "section-front-no-article.html").read_bytes())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")  # in a folder: passed over; named alone: refused
    results = list(read_paths([tmp_path, tmp_path / "missing.txt", tmp_path / "notes.pdf"], max_bytes=100_000))
    by_source = {}
    for r in results:
        if isinstance(r, Failure):
            by_source.setdefault(Path(r.source.split(":")[0].split("#")[0]).name, []).append(r.reason)
    docs = [r.id for r in results if isinstance(r, Document)]
    assert "a-good.txt" in docs and "h2" in docs and "w0" in docs
    assert by_source["binary.html"] == ["binary file (PDF document)"]
    assert by_source["control.txt"][0].startswith("binary file")
    assert by_source["empty.jsonl"] == ["empty file"]
    assert by_source["big.txt"][0].startswith("file too large")
    assert by_source["cut.txt.gz"] == ["truncated gzip file (compressed data ends early)"]
    assert by_source["corrupt.txt.gz"][0].startswith("corrupt gzip data")
    assert by_source["bomb.txt.gz"][0].startswith("file too large")
    assert by_source["huge-line.jsonl"][0].startswith("line too large")
    [cut_wire] = by_source["wire.jsonl.gz"]
    assert cut_wire.startswith("truncated gzip file") and "line(s) read before it" in cut_wire
    assert by_source["section.html"][0].startswith("no article text in the page")
    assert by_source["missing.txt"] == ["no such file or folder"]
    assert by_source["notes.pdf"] == ["unsupported file type .pdf"]
    # Every failure is one line naming its input.
    assert all("\n" not in r.reason for r in results if isinstance(r, Failure))


# -- URLs -------------------------------------------------------------------------------------
@pytest.fixture
def local_site():
    """A web server on 127.0.0.1 serving the test feeds and pages (nothing leaves the machine)."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(DATA), **kwargs)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_and_page_urls_are_fetched(local_site):
    results = list(
        read_paths(
            [
                f"{local_site}/feeds/lakeside-atom.xml",
                f"{local_site}/html/lagos-port-wordpress.html",
                f"{local_site}/missing.html",
            ]
        )
    )
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.id for d in docs] == [
        "tag:lakesidetribune.example,2024:entry-9001",
        "tag:lakesidetribune.example,2024:entry-8990",
        f"{local_site}/html/lagos-port-wordpress.html",
    ]
    assert docs[2].outlet == "Gulf of Guinea Chronicle" and docs[2].published == "2025-09-14"
    [missing] = [r for r in results if isinstance(r, Failure)]
    assert missing.source.endswith("/missing.html") and missing.reason.startswith("could not fetch")


def test_short_article_with_a_lead_image_is_not_taken_for_a_caption(tmp_path):
    (tmp_path / "brief.html").write_text(
        '<html><head><title>Fishing accord</title><meta property="og:site_name" content="Pacific Brief"></head>'
        '<body><div class="content"><img src="boats.jpg"><p>Chile and Peru signed a fishing accord in Lima on '
        "Monday, ending a long dispute over anchovy quotas, officials from both countries said.</p></div></body></html>"
    )
    doc = read_one(tmp_path / "brief.html")
    assert isinstance(doc, Document) and doc.text.startswith("Chile and Peru signed a fishing accord")
