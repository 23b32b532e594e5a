"""Web archives (WARC, WARC.gz) with warcio: the HTML pages among the response records.

A response (or resource) record is read when it is an HTML page (`text/html` or
`application/xhtml+xml`) with HTTP status 200; requests, metadata, revisits, redirects,
images, scripts and style sheets are passed over without a word. A record cut short (the
file ends inside it) or a gzip stream that breaks off is reported once, with the records
before it kept. The document id is the page's URL (WARC-Target-URI); the date falls back
to the capture date (WARC-Date), with a note, when the page has none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dyadwatch.ingest.dates import parse_iso
from dyadwatch.ingest.decoding import InputError, charset_from_content_type, declared_charset, decode, gzip_error
from dyadwatch.records import Document, Failure

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, max_bytes: int, read_html) -> Iterator[Document | Failure]:
    """Documents of the HTML responses in a WARC stream (already decompressed when it was .gz)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    pages = 0
    cut = False  # a record cut short was reported: the broken gzip stream behind it needs no second line
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{number}"
            where = f"{source}#{number}"
            if record.rec_type == "response":
                if record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                content_type = record.http_headers.get_header("Content-Type") or ""
                if status != "200":
                    continue
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                continue
            pages += 1
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Failure(where, f"WARC record too large (over the limit of {max_bytes:,} bytes): {uri}")
                continue
            remaining = getattr(record.raw_stream, "limit", 0)
            if remaining:
                cut = True
                why = ", the gzip stream ends early" if gzip_error(stream) else ""
                yield Failure(where, f"truncated WARC record ({remaining:,} bytes missing{why}): {uri}")
                continue
            try:
                text = decode(payload, charset_from_content_type(content_type) or declared_charset(payload))
            except InputError as exc:
                yield Failure(where, f"{exc}: {uri}")
                continue
            captured = parse_iso(record.rec_headers.get_header("WARC-Date"))
            doc = read_html(text.text, uri, where, url=uri, fallback_date=captured)
            if isinstance(doc, Document) and text.note:
                doc.notes.append(text.note)
            yield doc
    except (ArchiveLoadFailed, ValueError, EOFError) as exc:
        first = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        yield Failure(source, f"corrupt or truncated WARC file after record {number} ({first})")
        return
    error = gzip_error(stream)
    if error and not cut:
        yield Failure(source, f"{error}; {number} WARC record(s) read before it")
    elif number == 0:
        yield Failure(source, "not a WARC file (no records)")
    elif pages == 0:
        yield Failure(source, f"no HTML pages among its {number} WARC record(s)")
