"""Walk inputs and turn each file (or JSONL line) into a Document or a Failure."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyadwatch.ingest.cleaning import clean_text, is_boilerplate
from dyadwatch.ingest.dates import parse_dateline, parse_iso
from dyadwatch.ingest.html import NoArticleError, extract_html
from dyadwatch.records import Document, Failure

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str] | Failure]:
    """Files to read, each with the id prefix base: folders are walked recursively, in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in SUPPORTED_SUFFIXES:
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
            continue
        path, doc_id = item
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            yield Failure(str(path), f"unsupported file type {suffix or '(none)'}")
            continue
        try:
            size = path.stat().st_size
            if size > max_bytes:
                yield Failure(str(path), f"file too large ({size:,} bytes > limit {max_bytes:,})")
                continue
            raw = path.read_bytes()
            text = decode(raw)
        except (OSError, ValueError) as exc:
            yield Failure(str(path), str(exc))
            continue
        if suffix == ".jsonl":
            yield from read_jsonl(text, str(path))
        elif suffix in (".html", ".htm"):
            yield read_html(text, doc_id, str(path))
        else:
            yield read_text(text, doc_id, str(path))


def decode(raw: bytes) -> str:
    """UTF-8 first, then the encoding charset detection is confident about; refuse binary data."""
    if not raw.strip():
        raise ValueError("empty file")
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    # Short texts fool detectors; Windows-1252 (Western news sites) wins any tie.
    western = from_bytes(raw, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos):
        return str(western)
    if best is None:
        raise ValueError("unknown text encoding (not UTF-8 and detection failed)")
    return str(best)


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


def read_html(raw: str, doc_id: str, source: str, url: str | None = None) -> Document | Failure:
    try:
        page = extract_html(raw, url=url)
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


def read_jsonl(raw: str, source: str) -> Iterator[Document | Failure]:
    """One document per line in the input contract of DESIGN.md; a bad line fails alone."""
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not record.get("id"):
            yield Failure(where, "record has no 'id'")
            continue
        yield _from_record(record, where)


def _from_record(record: dict, where: str) -> Document | Failure:
    doc_id = str(record["id"])
    published = parse_iso(record.get("published"))
    if record.get("published") and published is None:
        return Failure(where, f"unreadable 'published' value {record['published']!r}")
    if record.get("text"):
        paragraphs = [p for p in str(record["text"]).split("\n") if p.strip() and not is_boilerplate(p)]
        text = "\n\n".join(p.strip() for p in paragraphs)
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
    doc.published = published or doc.published or parse_dateline(doc.text)
    if not doc.text.strip():
        return Failure(where, "empty 'text'")
    return doc
