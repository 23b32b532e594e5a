"""Reading and cleaning inputs: headers, boilerplate, HTML, JSONL and broken files."""

from __future__ import annotations

import json

from dyadwatch.ingest import read_paths
from dyadwatch.ingest.cleaning import clean_text
from dyadwatch.records import Document, Failure

SCRAPED = """The Coastal Ledger
Harbour talks end without a deal
By Mira Santos
Feb 19, 2026
Updated Feb 20, 2026, 09:15 AM

Officials from the two neighbours spent a second day in the port city on Wednesday, trading proposals on fishing quotas and the shared ferry route, according to people briefed on the talks.

Photo: Delegates leave the harbour authority building. (File)

The ministers agreed to meet again next month, a spokesperson said, adding that both sides had made progress.
Advertisement
Read more: Fishing fleets brace for a lean season
Continue Reading
"""  # noqa: E501


def test_plain_text_header_and_boilerplate_are_separated_from_the_body():
    cleaned = clean_text(SCRAPED)
    assert cleaned.outlet == "The Coastal Ledger"
    assert cleaned.title == "Harbour talks end without a deal"
    assert cleaned.byline == "By Mira Santos"
    assert cleaned.published == "2026-02-19"
    assert any("Feb 19, 2026" in note and "Updated" in note for note in cleaned.notes)
    assert cleaned.text.startswith("Officials from the two neighbours")
    assert "next month" in cleaned.text
    for junk in ("Photo:", "Continue Reading", "Read more", "Advertisement", "Mira Santos"):
        assert junk not in cleaned.text


def test_day_month_year_header_and_web_desk_byline():
    cleaned = clean_text(
        "Web Desk\n19 February 2026\n\n"
        + "The council met on Monday to discuss the budget and approved it after a long debate. " * 2
    )
    assert cleaned.published == "2026-02-19"
    assert cleaned.byline == "Web Desk"
    assert cleaned.text.startswith("The council met")


def test_text_without_header_is_all_body():
    cleaned = clean_text("Kenya and Ethiopia signed a trade pact.")
    assert cleaned.text == "Kenya and Ethiopia signed a trade pact."
    assert cleaned.published is None


PAGE = """<!doctype html><html><head><title>Port deal signed | Gulf Observer</title>
<meta property="og:site_name" content="Gulf Observer">
<meta property="article:published_time" content="2025-04-08T07:30:00+00:00">
<link rel="canonical" href="https://www.gulf-observer.example/port-deal"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Port deal signed after months of talks</h1><p class="byline">By Omar Haddad</p>
<p>Qatar and Egypt signed an agreement on Monday to expand the container terminal at the northern port, officials from both governments said.</p>
<figure><img src="/img/port.jpg"><figcaption>Cranes at the container terminal, March 2025.</figcaption></figure>
<p>The accord follows two rounds of negotiations in Doha and Cairo, and commits both sides to a joint operating company.</p>
<p>Shipping analysts said the deal would shorten waiting times for cargo vessels in the region.</p>
<div class="newsletter">Sign up for our daily briefing newsletter and never miss a story.</div>
</article>
<aside><h3>Related articles</h3><ul><li><a href="/a">Grain prices climb again</a></li><li><a href="/b">Airline adds routes</a></li></ul></aside>
<footer>Copyright 2025 Gulf Observer. All rights reserved.</footer></body></html>"""  # noqa: E501


def test_html_page_keeps_the_article_and_drops_furniture(tmp_path):
    (tmp_path / "port.html").write_text(PAGE, encoding="utf-8")
    [doc] = list(read_paths([tmp_path]))
    assert isinstance(doc, Document)
    assert doc.id == "port.html"
    assert doc.outlet == "Gulf Observer"
    assert doc.published == "2025-04-08"
    assert doc.url == "https://www.gulf-observer.example/port-deal"
    assert "Qatar and Egypt signed an agreement on Monday" in doc.text
    assert "joint operating company" in doc.text
    for junk in ("cookies", "Cranes at the container terminal", "newsletter", "Grain prices", "Copyright", "Home"):
        assert junk not in doc.text


def test_jsonl_contract_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": "w1",
                "text": "Chile and Peru signed a border accord.",
                "outlet": "Wire",
                "published": "2024-05-02T10:00:00Z",
            }
        ),
        "{not json",
        json.dumps({"id": "w2", "text": None, "html": None}),
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "w3", "html": PAGE, "published": None}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    results = list(read_paths([tmp_path / "feed.jsonl"]))
    docs = [r for r in results if isinstance(r, Document)]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [d.id for d in docs] == ["w1", "w3"]
    assert docs[0].published == "2024-05-02" and docs[0].outlet == "Wire"
    assert docs[1].published == "2025-04-08"  # from the page itself
    assert [f.source.rsplit(":", 1)[1] for f in failures] == ["2", "3", "4"]
    assert "invalid JSON" in failures[0].reason and "neither" in failures[1].reason and "id" in failures[2].reason


def test_broken_inputs_fail_one_by_one_and_the_rest_goes_on(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"   \n")
    (tmp_path / "latin1.txt").write_bytes(
        "São Tomé and Príncipe's minister met the Angolan envoy in Luanda on Friday.".encode("latin-1")
    )
    (tmp_path / "big.txt").write_text("word " * 400_000)
    (tmp_path / "good.txt").write_text("Kenya and Ethiopia signed a trade pact.")
    (tmp_path / "notes.md").write_text("ignored: not an input type")
    results = {
        (r.id if isinstance(r, Document) else r.source.rsplit("/", 1)[1]): r
        for r in read_paths([tmp_path], max_bytes=1_000_000)
    }
    assert "binary" in results["binary.txt"].reason
    assert "empty" in results["empty.txt"].reason
    assert "too large" in results["big.txt"].reason
    assert isinstance(results["latin1.txt"], Document) and "São Tomé" in results["latin1.txt"].text
    assert isinstance(results["good.txt"], Document)
    assert "notes.md" not in results


def test_missing_path_is_reported(tmp_path):
    [failure] = list(read_paths([tmp_path / "nope"]))
    assert isinstance(failure, Failure) and "no such file" in failure.reason


def test_scraped_text_in_jsonl_loses_its_page_furniture(tmp_path):
    """A record whose text is a page copied as text: the menu, the headline told again, the
    caption and the copyright line go, as they do from the same page read as HTML."""
    text = (
        "Home | News | Politics | Sport | Business\n\n"
        "Somalia accuses Ethiopia of arming a regional militia\n\n"
        "Somalia's federal government on Friday accused Ethiopia of sending weapons to fighters in Gedo.\n\n"
        "Photo: Somali soldiers on patrol in Mogadishu. (File)\n\n"
        "The African Union asked both governments to settle the dispute through dialogue.\n\n"
        "(c) 2026 East Africa Now. All rights reserved."
    )
    record = {"id": "p1", "text": text, "title": "Somalia accuses Ethiopia of arming a regional militia"}
    (tmp_path / "pages.jsonl").write_text(json.dumps(record), encoding="utf-8")
    [doc] = list(read_paths([tmp_path / "pages.jsonl"]))
    assert doc.text.split("\n\n") == [
        "Somalia's federal government on Friday accused Ethiopia of sending weapons to fighters in Gedo.",
        "The African Union asked both governments to settle the dispute through dialogue.",
    ]
    assert doc.title == record["title"]
