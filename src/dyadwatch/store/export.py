"""Write event and document records as JSONL, CSV or Parquet, streaming in chunks."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from dyadwatch.store.duck import flatten

FORMATS = ("jsonl", "csv", "parquet")

_ACTOR = pa.struct([(c, pa.string()) for c in ("text", "actor_id", "name", "country", "sector")])
EVENT_RECORD_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("source", _ACTOR),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("context", pa.list_(pa.string())),
        ("target", _ACTOR),
        ("date", pa.string()),
        ("date_precision", pa.string()),
        ("negated", pa.bool_()),
        ("hypothetical", pa.bool_()),
        ("quad_class", pa.int32()),
        ("intensity", pa.float64()),
        ("cameo_code", pa.string()),
        ("confidence", pa.float64()),
        ("fused_id", pa.string()),
    ]
)
DOCUMENT_RECORD_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.string()),
        ("text", pa.string()),
    ]
)
SCHEMAS = {"events": EVENT_RECORD_SCHEMA, "documents": DOCUMENT_RECORD_SCHEMA}


def write_records(records: Iterable[dict], kind: str, fmt: str, out: str | None) -> int:
    """Write records of `kind` ("events" or "documents"); returns how many were written."""
    return write_rows(records, fmt, out, SCHEMAS[kind], flatten if kind == "events" else None)


def write_rows(
    records: Iterable[dict],
    fmt: str,
    out: str | None,
    schema: pa.Schema,
    flat: Callable[[Iterable[dict]], Iterator[dict]] | None = None,
) -> int:
    """Write nested records as JSONL (as they are), CSV (made flat by `flat`) or Parquet (`schema`, a file
    only), streaming; to standard output when `out` is None. Returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not out:
            raise ValueError("Parquet needs a file: add --out FILE.parquet")
        return _write_parquet(records, schema, Path(out))
    handle = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "jsonl":
            count = 0
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
            return count
        # No rows still gets its header: the columns `flat` makes of an empty record.
        header = list(next(flat([dict.fromkeys(schema.names)]))) if flat else schema.names
        return _write_csv(flat(records) if flat else iter(records), handle, header)
    finally:
        if out:
            handle.close()


def _write_csv(rows: Iterator[dict], handle, empty_header: list[str]) -> int:
    count = 0
    writer = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    if writer is None:
        csv.writer(handle).writerow(empty_header)  # no rows: still a CSV a reader can open
    return count


def _write_parquet(records: Iterable[dict], schema: pa.Schema, path: Path, chunk: int = 10_000) -> int:
    count = 0
    iterator = iter(records)
    with pq.ParquetWriter(path, schema) as writer:
        while batch := list(islice(iterator, chunk)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    if count == 0:
        pq.write_table(schema.empty_table(), path)
    return count
