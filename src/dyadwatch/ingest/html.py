"""Article text and metadata from a web page.

1. Metadata from the markup: title (og:title, JSON-LD headline, trafilatura's title),
   outlet (og:site_name, JSON-LD publisher, publisher/application-name meta, trafilatura's
   site name, else the domain), canonical URL (link rel=canonical, og:url, else the URL it
   came from) and the publication date (published-time meta tags and JSON-LD first, then
   htmldate (without its slow extensive search), the date in the URL, htmldate's
   extensive search, and last a fallback such as a web archive's capture date).
2. Furniture removed from the tree: elements whose class or id names a cookie banner,
   newsletter box, related list, share bar, caption or byline (`furniture.yaml`), figure
   captions and the text of blocks that hold an image.
3. Main text by trafilatura; then paragraphs that are furniture by their wording (cookie
   notices, newsletter pitches, "Continue Reading", "Read more: ...") are dropped, and
   so are the headline, byline and date lines trafilatura leaves at the top.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from urllib.parse import urljoin, urlparse

import yaml

from dyadwatch.ingest.cleaning import _is_byline, is_boilerplate
from dyadwatch.ingest.dates import date_from_url, parse_header_date, parse_iso

# Fewer words than this after cleaning: the page is not an article (section front, login wall).
MIN_ARTICLE_WORDS = 20

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "originalpublicationdate",
    "published_time",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified")
_OUTLET_META = ("og:site_name", "application-name", "publisher", "dc.publisher", "cre")
_NEVER_REMOVED = {"html", "body", "main", "article"}


@dataclass
class ExtractedPage:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


class NoArticleError(ValueError):
    """The page has no article text (an index page, a login wall, an empty template)."""


@lru_cache(maxsize=1)
def _furniture() -> dict:
    raw = yaml.safe_load(resources.files("dyadwatch.ingest").joinpath("furniture.yaml").read_text())
    words = "|".join(re.escape(w) for w in raw["class_words"])
    return {
        "class": re.compile(rf"(?<![a-z])({words})", re.IGNORECASE),
        "paragraphs": [re.compile(p, re.IGNORECASE) for p in raw["paragraphs"]],
        "max_words": int(raw["paragraph_max_words"]),
    }


def is_furniture(paragraph: str) -> bool:
    """A paragraph that is page furniture: boilerplate lines, cookie notices, newsletter pitches."""
    if is_boilerplate(paragraph):
        return True
    pats = _furniture()
    if len(paragraph.split()) > pats["max_words"]:
        return False
    return any(p.search(paragraph) for p in pats["paragraphs"])


def extract_html(html: str, url: str | None = None, fallback_date: str | None = None) -> ExtractedPage:
    """Main text without navigation, captions, banners, newsletter boxes or related links.

    `fallback_date` (e.g. a web archive's capture date) is used, with a note, when the
    page itself carries no date.
    """
    import trafilatura
    from trafilatura.settings import set_date_params
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise NoArticleError("not an HTML page (markup could not be parsed)")
    meta = _read_meta(tree)
    _remove_furniture(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
        # htmldate's extensive search hands stray text to dateparser with every language loaded:
        # seconds per page. The markup's own dates come first here anyway; see _choose_date.
        date_extraction_params=set_date_params(False),
    )
    page = ExtractedPage(text="")
    page.title = meta.get("title") or (doc.title if doc else None) or None
    page.url = _canonical(meta, url) or (doc.url if doc else None) or url
    page.outlet = meta.get("outlet") or (doc.sitename if doc else None) or _domain(page.url)
    page.text = clean_paragraphs((doc.text if doc else "") or "", page.title)
    words = len(page.text.split())
    if words < MIN_ARTICLE_WORDS:
        raise NoArticleError(f"no article text in the page ({words} words after removing page furniture)")
    _choose_date(page, meta, doc, html, fallback_date)
    return page


# -- metadata ---------------------------------------------------------------------------------
def _read_meta(tree) -> dict:
    """Title, outlet, canonical URL, published and modified dates as the markup declares them."""
    found: dict[str, str] = {}
    tags: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv") or "").lower()
        value = (node.get("content") or "").strip()
        if key and value and key not in tags:
            tags[key] = value
    for node in tree.iter("time"):
        if (node.get("itemprop") or "").lower() == "datepublished" and node.get("datetime"):
            tags.setdefault("datepublished", node.get("datetime"))
    for node in tree.iter("link"):
        if "canonical" in (node.get("rel") or "").lower().split() and node.get("href"):
            found.setdefault("canonical", node.get("href").strip())
    ld = _json_ld(tree)

    if tags.get("og:title") or ld.get("headline"):
        found["title"] = (tags.get("og:title") or ld["headline"]).strip()
    outlet = tags.get("og:site_name") or ld.get("publisher")
    outlet = outlet or next((tags[k] for k in _OUTLET_META[1:] if tags.get(k)), None)
    if outlet:
        found["outlet"] = outlet.strip()
    if tags.get("og:url"):
        found["og:url"] = tags["og:url"]
    for key in _PUBLISHED_META:
        value = ld.get("datePublished") if key == "datepublished" and ld.get("datePublished") else tags.get(key)
        iso = _any_date(value)
        if iso:
            found["published"], found["published_from"] = (
                iso,
                ("JSON-LD datePublished" if key == "datepublished" and ld.get("datePublished") else key),
            )
            break
    for key in _MODIFIED_META:
        value = ld.get("dateModified") if key == "datemodified" and ld.get("dateModified") else tags.get(key)
        iso = _any_date(value)
        if iso:
            found["modified"] = iso
            break
    return found


def _json_ld(tree) -> dict:
    """headline, datePublished, dateModified and publisher name of the first article object in JSON-LD."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(isinstance(k, str) and (k.endswith("Article") or k in ("BlogPosting", "Report")) for k in kinds):
                continue
            publisher = item.get("publisher")
            if isinstance(publisher, list):
                publisher = publisher[0] if publisher else None
            out = {k: item[k] for k in ("headline", "datePublished", "dateModified") if isinstance(item.get(k), str)}
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                out["publisher"] = publisher["name"]
            return out
    return {}


def _ld_items(data):
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _ld_items(data["@graph"])


def _any_date(value: str | None) -> str | None:
    if not value:
        return None
    return parse_iso(value) or (parse_header_date(value) if len(value) < 60 else None)


def _canonical(meta: dict, url: str | None) -> str | None:
    for key in ("canonical", "og:url"):
        value = meta.get(key)
        if value:
            absolute = urljoin(url, value) if url else value
            if urlparse(absolute).scheme in ("http", "https"):
                return absolute
    return None


def _choose_date(page: ExtractedPage, meta: dict, doc, html: str, fallback: str | None) -> None:
    if meta.get("published"):
        page.published = meta["published"]
        if meta.get("modified") and meta["modified"] != page.published:
            page.notes.append(
                f"date: took published {page.published} ({meta['published_from']}) over modified {meta['modified']}"
            )
        return
    page.published = parse_iso(doc.date) if doc is not None and doc.date else None
    if page.published:
        page.notes.append("date: from the page by htmldate")
        return
    page.published = date_from_url(page.url)
    if page.published:
        page.notes.append("date: from the URL")
        return
    page.published = _htmldate(html)
    if page.published:
        page.notes.append("date: from the page by htmldate (extensive search)")
    elif fallback:
        page.published = fallback
        page.notes.append(f"date: none in the page; took the capture date {fallback}")


def _htmldate(html: str) -> str | None:
    from htmldate import find_date

    try:
        return parse_iso(find_date(html, original_date=True, extensive_search=True))
    except Exception:  # htmldate raises on odd markup; a missing date is not fatal
        return None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower().split(":")[0]
    return host.removeprefix("www.") or None


# -- furniture --------------------------------------------------------------------------------
def _remove_furniture(tree) -> None:
    """Drop cookie banners, newsletter boxes, related lists, share bars, captions and bylines."""
    body_chars = len(" ".join(tree.itertext())) or 1
    pattern = _furniture()["class"]
    doomed = []
    for node in tree.iter():
        tag = node.tag if isinstance(node.tag, str) else ""
        if not tag or tag in _NEVER_REMOVED:
            continue
        if tag in ("figcaption", "dialog"):
            doomed.append(node)
            continue
        names = f"{node.get('class') or ''} {node.get('id') or ''}"
        if names.strip() and pattern.search(names) and len(" ".join(node.itertext())) < body_chars * 0.5:
            doomed.append(node)
        elif tag in ("p", "div", "td") and node.find(".//img") is not None and _caption_like(node):
            doomed.append(node)
    for node in doomed:
        parent = node.getparent()
        if parent is not None:
            _drop(node)


def _caption_like(node) -> bool:
    """A block that holds an image and a short text of its own: the image and its caption.

    A paragraph qualifies by itself; a div or table cell only when no paragraph, heading or
    list item is inside it (a short article with a lead image is not a caption).
    """
    text = " ".join(" ".join(node.itertext()).split())
    if len(text.split()) > 40:
        return False
    return node.tag == "p" or not any(True for _ in node.iter("p", "h1", "h2", "h3", "h4", "li"))


def _drop(node) -> None:
    """Remove a node but keep its tail text (which belongs to the parent)."""
    parent = node.getparent()
    if node.tail and node.tail.strip():
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


# -- paragraphs -------------------------------------------------------------------------------
def clean_paragraphs(text: str, title: str | None) -> str:
    """The body's paragraphs without furniture, and without the headline, byline and date lines on top."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n")]
    paragraphs = [p for p in paragraphs if p and not is_furniture(p)]
    # The headline, byline and date lines that trafilatura sometimes keeps above the body.
    title_key = _key(title) if title else None
    while paragraphs:
        first = paragraphs[0]
        if len(first.split()) > 25:
            break
        if (title_key and _key(first) == title_key) or _is_byline(first) or parse_header_date(first):
            paragraphs.pop(0)
            continue
        break
    return "\n\n".join(paragraphs)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# -- fragments (feed items) -------------------------------------------------------------------
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "figure",
    "table",
    "tr",
    "pre",
    "header",
    "footer",
    "aside",
    "dl",
    "dt",
    "dd",
}


def fragment_text(html: str) -> str:
    """Paragraphs of an HTML fragment (a feed item's content), without captions and furniture."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        lines = (" ".join(line.split()) for line in html.split("\n"))
        return "\n\n".join(p for p in lines if p and not is_furniture(p))
    for node in list(root.iter("script", "style", "noscript", "form", "button", "iframe")):
        _drop(node)
    for node in list(root.iter("a")):
        if node.getparent() is not None and is_boilerplate(" ".join(node.text_content().split()).rstrip(" →»>.…")):
            _drop(node)
    _remove_furniture(root)
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag == "br":
            node.tail = "\n" + (node.tail or "")
        elif node.tag in _BLOCK_TAGS:
            node.text = "\n" + (node.text or "")
            node.tail = "\n" + (node.tail or "")
    paragraphs = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n\n".join(p for p in paragraphs if p and not is_furniture(p))
