"""Walk inputs and turn each file, feed item, archive record or JSONL line into a Document or a Failure.

Inputs: plain text, web pages, JSONL in the input contract, RSS/Atom feeds, WARC web
archives, each also gzipped (`.gz`), and http(s) URLs of feeds or pages (the only time
anything is fetched). Size limit: a single-document file (text, page, feed) is refused
above `max_bytes`; JSONL and WARC files are streamed and the limit applies to each line
or record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyadwatch.ingest.cleaning import clean_text
from dyadwatch.ingest.dates import date_from_url, parse_dateline, parse_iso
from dyadwatch.ingest.decoding import (
    InputError,
    check_text_bytes,
    close_input,
    declared_charset,
    gzip_error,
    is_gzip,
    open_input,
    read_limited,
)
from dyadwatch.ingest.decoding import decode as decode_bytes
from dyadwatch.ingest.html import NoArticleError, clean_paragraphs, extract_html
from dyadwatch.records import Document, Failure

KINDS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}
SUPPORTED_SUFFIXES = tuple(KINDS) + tuple(f"{s}.gz" for s in KINDS)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def kind_of(name: str) -> str | None:
    """The reader for a file name: text, html, jsonl, feed or warc (None: not an input)."""
    lower = name.lower()
    if is_gzip(lower):
        lower = lower.rsplit(".", 1)[0]
    return KINDS.get(Path(lower).suffix)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str] | str | Failure]:
    """Files to read, each with its document id (path relative to the folder given); URLs as strings."""
    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if kind_of(file.name):
                    yield file, file.relative_to(path).as_posix()
        elif path.is_file():
            yield path, path.name
        else:
            yield Failure(str(path), "no such file or folder")


def read_paths(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | Failure]:
    """Every document in the inputs, in a stable order; bad inputs become Failures, never exceptions."""
    for item in discover(paths):
        if isinstance(item, Failure):
            yield item
        elif isinstance(item, str):
            yield from read_url(item, max_bytes)
        else:
            path, doc_id = item
            yield from read_file(path, doc_id, max_bytes)


def read_file(path: Path, doc_id: str, max_bytes: int) -> Iterator[Document | Failure]:
    source = str(path)
    kind = kind_of(path.name)
    if kind is None:
        yield Failure(source, f"unsupported file type {''.join(path.suffixes[-2:]) or '(none)'}")
        return
    try:
        size = path.stat().st_size
        if kind in ("text", "html", "feed") and size > max_bytes:
            raise InputError(f"file too large ({size:,} bytes > limit {max_bytes:,})")
        if size == 0:
            raise InputError("empty file")
        stream = open_input(source)
    except (OSError, InputError) as exc:
        yield Failure(source, str(exc))
        return
    try:
        if kind == "jsonl":
            yield from read_jsonl_stream(stream, source, max_bytes)
        elif kind == "warc":
            from dyadwatch.ingest.warc import read_warc

            yield from read_warc(stream, source, max_bytes, read_html)
        else:
            try:
                raw = read_limited(stream, max_bytes)
            except (InputError, OSError) as exc:
                yield Failure(source, str(exc))
                return
            yield from read_bytes(raw, kind, doc_id, source, max_bytes)
    finally:
        close_input(stream)


def read_bytes(raw: bytes, kind: str, doc_id: str, source: str, max_bytes: int, url: str | None = None):
    """Documents of one single-document input (text, page) or a feed, given its bytes."""
    if kind == "feed":
        from dyadwatch.ingest.feeds import read_feed

        try:
            check_text_bytes(raw)
        except InputError as exc:
            yield Failure(source, str(exc))
            return
        yield from read_feed(raw, source, max_bytes)
        return
    try:
        decoded = decode_bytes(raw, declared_charset(raw) if kind == "html" else None)
    except InputError as exc:
        yield Failure(source, str(exc))
        return
    if kind == "html":
        doc = read_html(decoded.text, doc_id, source, url=url)
    else:
        doc = read_text(decoded.text, doc_id, source)
    if isinstance(doc, Document) and decoded.note:
        doc.notes.append(decoded.note)
    yield doc


def read_text(raw: str, doc_id: str, source: str) -> Document | Failure:
    cleaned = clean_text(raw)
    if not cleaned.text.strip():
        return Failure(source, "no article text after removing header and boilerplate")
    published = cleaned.published or parse_dateline(cleaned.text)
    return Document(
        id=doc_id,
        text=cleaned.text,
        title=cleaned.title,
        outlet=cleaned.outlet,
        published=published,
        source=source,
        notes=cleaned.notes,
    )


def read_html(
    raw: str, doc_id: str, source: str, url: str | None = None, fallback_date: str | None = None
) -> Document | Failure:
    try:
        page = extract_html(raw, url=url, fallback_date=fallback_date)
    except NoArticleError as exc:
        return Failure(source, str(exc))
    return Document(
        id=doc_id,
        text=page.text,
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        published=page.published,
        source=source,
        notes=page.notes,
    )


# -- JSONL ------------------------------------------------------------------------------------
def read_jsonl_stream(stream, source: str, max_bytes: int) -> Iterator[Document | Failure]:
    """JSONL streamed line by line: a file of any size, each line within `max_bytes`."""
    number = 0
    seen_text = False
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            break
        number += 1
        where = f"{source}:{number}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield Failure(where, f"line too large (over the limit of {max_bytes:,} bytes)")
            continue
        if not line.strip():
            continue
        if not seen_text:
            try:
                check_text_bytes(line[:8192])
            except InputError as exc:
                yield Failure(source, str(exc))
                return
        try:
            text = line.decode("utf-8" if seen_text else "utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = decode_bytes(line).text
            except InputError as exc:
                yield Failure(where, str(exc))
                continue
        if not line.endswith(b"\n") and gzip_error(stream):
            break  # the last, cut-off line of a truncated gzip file: reported below
        seen_text = True
        yield _jsonl_line(text, where)
    error = gzip_error(stream)
    if error:
        yield Failure(source, f"{error}; {number} line(s) read before it")
    elif not seen_text:
        yield Failure(source, "empty file")


def _jsonl_line(line: str, where: str) -> Document | Failure:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(where, f"invalid JSON ({exc.msg})")
    if not isinstance(record, dict) or not record.get("id"):
        return Failure(where, "record has no 'id'")
    return _from_record(record, where)


def _from_record(record: dict, where: str) -> Document | Failure:
    doc_id = str(record["id"])
    published = parse_iso(record.get("published"))
    if record.get("published") and published is None:
        return Failure(where, f"unreadable 'published' value {record['published']!r}")
    if record.get("text"):
        # A scraped page's text as it came: menus, the headline again, the byline and captions go
        # as they do from a page read as HTML.
        text = clean_paragraphs(str(record["text"]), record.get("title"))
        doc = Document(id=doc_id, text=text, source=where)
    elif record.get("html"):
        doc = read_html(str(record["html"]), doc_id, where, url=record.get("url"))
        if isinstance(doc, Failure):
            return doc
    else:
        return Failure(where, "record has neither 'text' nor 'html'")
    doc.title = record.get("title") or doc.title
    doc.url = record.get("url") or doc.url
    doc.outlet = record.get("outlet") or doc.outlet
    doc.published = published or doc.published or _fallback_date(doc)
    if not doc.text.strip():
        return Failure(where, "empty 'text'")
    return doc


def _fallback_date(doc: Document) -> str | None:
    """No date given and none in the page: the dateline ('NAIROBI, March 3 -'), else the URL's date."""
    from_url = date_from_url(doc.url)
    from_dateline = parse_dateline(doc.text, int(from_url[:4]) if from_url else None)
    if from_dateline:
        doc.notes.append("date: from the dateline" + (" (year from the URL)" if from_url else ""))
        return from_dateline
    if from_url:
        doc.notes.append("date: from the URL")
    return from_url


# -- URLs -------------------------------------------------------------------------------------
USER_AGENT = "dyadwatch/0.1 (+news event coding)"


def read_url(url: str, max_bytes: int, timeout: float = 30.0) -> Iterator[Document | Failure]:
    """Fetch a feed or a page given as an http(s) URL (nothing else is ever fetched)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "")
            raw = response.read(max_bytes + 1)
            final = response.geturl() or url
    except (urllib.error.URLError, OSError, ValueError) as exc:
        yield Failure(url, f"could not fetch ({getattr(exc, 'reason', None) or exc})")
        return
    if len(raw) > max_bytes:
        yield Failure(url, f"response too large (over the limit of {max_bytes:,} bytes)")
        return
    from dyadwatch.ingest.decoding import charset_from_content_type
    from dyadwatch.ingest.feeds import looks_like_feed

    mime = content_type.split(";")[0].strip().lower()
    if looks_like_feed(raw) or mime.endswith(("rss+xml", "atom+xml")):
        yield from read_bytes(raw, "feed", url, url, max_bytes)
    elif mime in ("text/html", "application/xhtml+xml") or b"<html" in raw[:4096].lower():
        try:
            decoded = decode_bytes(raw, charset_from_content_type(content_type) or declared_charset(raw))
        except InputError as exc:
            yield Failure(url, str(exc))
            return
        doc = read_html(decoded.text, final, url, url=final)
        if isinstance(doc, Document) and decoded.note:
            doc.notes.append(decoded.note)
        yield doc
    else:
        yield Failure(url, f"neither a feed nor a web page (Content-Type {mime or 'missing'})")
