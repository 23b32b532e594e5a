"""RSS and Atom feeds (feedparser): one document per item, from its full content or its summary."""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from time import strftime

from dyadwatch.ingest.dates import parse_iso
from dyadwatch.ingest.html import fragment_text, is_furniture
from dyadwatch.records import Document, Failure


def looks_like_feed(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(raw: bytes, source: str, max_bytes: int) -> Iterator[Document | Failure]:
    """Every item of a feed; an item without text fails alone, a file that is no feed fails whole."""
    import feedparser

    parsed = feedparser.parse(raw, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        reason = "not an RSS or Atom feed"
        if parsed.get("bozo") and parsed.get("bozo_exception") is not None:
            reason += f" ({str(parsed.bozo_exception).splitlines()[0][:120]})"
        yield Failure(source, reason)
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    if not parsed.entries:
        yield Failure(source, "feed has no items")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_document(entry, number, source, feed_title, max_bytes)


def _entry_document(entry, number: int, source: str, feed_title: str | None, max_bytes: int) -> Document | Failure:
    where = f"{source}#{number}"
    body, kind = _best_body(entry)
    if len(body.encode("utf-8", "replace")) > max_bytes:
        return Failure(where, f"feed item too large (over the limit of {max_bytes:,} bytes)")
    text = fragment_text(body) if kind == "html" else _plain(body)
    if not text.strip():
        return Failure(where, "feed item has no text (no content or summary)")
    title = (entry.get("title") or "").strip() or None
    notes: list[str] = []
    published = _entry_date(entry.get("published"), entry.get("published_parsed"))
    if published is None:
        published = _entry_date(entry.get("updated"), entry.get("updated_parsed"))
        if published:
            notes.append("date: the feed item has only an updated time; took it as published")
    source_info = entry.get("source") or {}
    outlet = (source_info.get("title") if isinstance(source_info, dict) else None) or feed_title
    doc_id = entry.get("id") or entry.get("link") or where
    return Document(
        id=str(doc_id),
        text=text,
        title=title,
        url=entry.get("link") or None,
        outlet=outlet,
        published=published,
        source=where,
        notes=notes,
    )


def _best_body(entry) -> tuple[str, str]:
    """The full content when the feed carries it, else the summary; with its kind (html or text)."""
    candidates = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or "text/html"))
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    value, kind = max(candidates, key=lambda c: len(c[0]))
    return value, ("text" if kind == "text/plain" else "html")


def _plain(text: str) -> str:
    paragraphs = [" ".join(p.split()) for p in text.replace("\r", "").split("\n")]
    return "\n\n".join(p for p in paragraphs if p and not is_furniture(p))


def _entry_date(raw: str | None, parsed) -> str | None:
    """The item's local calendar date: from the string as written (RFC 822 or ISO), else feedparser's UTC time."""
    if raw:
        iso = parse_iso(raw)
        if iso:
            return iso
        try:
            return parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    if parsed:
        return strftime("%Y-%m-%d", parsed)
    return None
