"""Article text and metadata from a web page (trafilatura for the text, htmldate as fallback)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from dyadwatch.ingest.cleaning import is_boilerplate
from dyadwatch.ingest.dates import parse_iso


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


def extract_html(html: str, url: str | None = None) -> ExtractedPage:
    """Main text without navigation, captions, banners, newsletter boxes or related links."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    text = (doc.text if doc else "") or ""
    # trafilatura keeps paragraphs on separate lines; keep our blank-line paragraph convention.
    paragraphs = [p.strip() for p in text.split("\n") if p.strip() and not is_boilerplate(p)]
    if not paragraphs:
        raise NoArticleError("no article text found in the page")
    page = ExtractedPage(text="\n\n".join(paragraphs))
    page.title = doc.title or None
    page.url = doc.url or url
    page.outlet = doc.sitename or _domain(page.url)
    page.published = parse_iso(doc.date)
    if page.published is None:
        page.published = _htmldate(html)
        if page.published:
            page.notes.append("date: from htmldate")
    return page


def _htmldate(html: str) -> str | None:
    from htmldate import find_date

    try:
        return parse_iso(find_date(html, original_date=True, extensive_search=True))
    except Exception:  # htmldate raises on odd markup; a missing date is not fatal
        return None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host.removeprefix("www.") or None
