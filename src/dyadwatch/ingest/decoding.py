"""Bytes to text: binary and empty inputs refused, the declared encoding tried, then detection.

Order for a text: a byte-order mark; valid UTF-8 (a declared Latin-1 on bytes that are
valid UTF-8 is a wrong declaration far more often than the reverse); the declared
encoding (HTTP header, `<meta charset>`, XML declaration); line by line UTF-8 with a
Windows-1252 fallback when the file mixes the two (scrapes glued together); finally
charset detection. Every choice other than plain UTF-8 is noted for the document record.
"""

from __future__ import annotations

import codecs
import io
import re
import zlib
from dataclasses import dataclass
from typing import BinaryIO

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text (tab, newlines, form feed and escape excepted).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))
_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data (name it .gz)",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
    b"ID3": "MP3 audio",
    b"\xd0\xcf\x11\xe0": "MS Office document",
}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w.:\-]+)["']""")


class InputError(ValueError):
    """An input that cannot be read as text; the message is the reason shown to the user."""


@dataclass
class Decoded:
    text: str
    note: str | None = None  # e.g. "encoding: windows-1252 (declared)"


def check_text_bytes(raw: bytes) -> None:
    """Raise InputError for empty and binary data."""
    if not raw.strip():
        raise InputError("empty file")
    if any(raw.startswith(bom) for bom, _ in _BOMS):
        return
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise InputError(f"binary file ({kind})")
    head = raw[:8192]
    if b"\x00" in head:
        raise InputError("binary file (contains NUL bytes)")
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if controls > max(8, len(head) // 100):
        raise InputError(f"binary file ({controls} control bytes in the first {len(head):,})")


def declared_charset(raw: bytes) -> str | None:
    """The encoding an HTML `<meta>` or an XML declaration names, if any (first 4 KB)."""
    head = raw[:4096]
    match = _XML_ENCODING.match(head.lstrip()) or _META_CHARSET.search(head)
    return match[1].decode("ascii", "replace").lower() if match else None


def charset_from_content_type(value: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:\-]+)", value or "", re.IGNORECASE)
    return match[1].lower() if match else None


def decode(raw: bytes, declared: str | None = None) -> Decoded:
    """Text of `raw`; InputError for empty, binary or undecodable data."""
    check_text_bytes(raw)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(encoding), None if encoding == "utf-8-sig" else f"encoding: {encoding} (BOM)")
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} text after its byte-order mark") from exc
    try:
        return Decoded(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = _codec(declared)
    if declared and declared != "utf-8":
        try:
            return Decoded(raw.decode(declared), f"encoding: {declared} (declared)")
        except UnicodeDecodeError:
            pass
    mixed = _mixed_utf8(raw)
    if mixed is not None:
        return mixed
    return _detect(raw, declared)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _mixed_utf8(raw: bytes) -> Decoded | None:
    """Files that are UTF-8 in places and Windows-1252 in others: decode each line by itself."""
    lines = raw.split(b"\n")
    utf8_non_ascii = legacy = 0
    out = []
    for line in lines:
        try:
            text = line.decode("utf-8")
            utf8_non_ascii += not line.isascii()
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
            legacy += 1
        out.append(text)
    if not utf8_non_ascii or not legacy:
        return None  # one encoding throughout: leave it to detection
    return Decoded("\n".join(out), f"encoding: mixed, {legacy} line(s) read as windows-1252, the rest as UTF-8")


def _detect(raw: bytes, declared: str | None) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    # Short texts fool detectors; Windows-1252 (Western news sites) wins any tie.
    western = from_bytes(raw, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos):
        best = western
    if best is None:
        raise InputError("undecodable text (not UTF-8, and charset detection failed)")
    why = f"declared {declared} did not fit; " if declared else ""
    return Decoded(str(best), f"encoding: {why}detected {best.encoding}")


# -- reading files, plain or gzipped, within a size limit ------------------------------------
GZIP_SUFFIXES = (".gz", ".gzip")


def is_gzip(name: str) -> bool:
    return name.lower().endswith(GZIP_SUFFIXES)


class GzipReader(io.RawIOBase):
    """A streaming gzip reader (any number of members) that keeps what it could decompress.

    Python's gzip module raises on a truncated file and loses the last block it read; this
    reader hands out every byte that decompresses, then sets `error` ("truncated gzip
    file ...", "corrupt gzip data ...") so that the records before the damage are kept and
    the damage is reported.
    """

    CHUNK = 64 * 1024
    MAX_OUT = 1024 * 1024

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.dec = zlib.decompressobj(31)
        self.in_member = False
        self.pending = b""  # compressed input not yet fed
        self.out = b""
        self.pos = 0
        self.done = False
        self.error: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self.pos >= len(self.out) and not self.done:
            self._fill()
        n = min(len(buffer), len(self.out) - self.pos)
        buffer[:n] = self.out[self.pos : self.pos + n]
        self.pos += n
        return n

    def _fill(self) -> None:
        self.out, self.pos = b"", 0
        if self.dec.unconsumed_tail:
            data = self.dec.unconsumed_tail
        elif self.pending:
            data, self.pending = self.pending, b""
        else:
            data = self.raw.read(self.CHUNK)
            if not data:
                self.done = True
                if self.in_member:
                    self.error = "truncated gzip file (compressed data ends early)"
                return
        if not self.in_member and not data.strip(b"\x00"):
            return  # zero padding after the last member
        try:
            self.out = self.dec.decompress(data, self.MAX_OUT)
        except zlib.error as exc:
            self.done = True
            self.error = f"corrupt gzip data ({exc})"
            return
        self.in_member = True
        if self.dec.eof:
            self.pending = self.dec.unused_data
            self.dec = zlib.decompressobj(31)
            self.in_member = False


def open_input(path: str, max_bytes: int | None = None) -> BinaryIO:
    """A binary stream of a file's content, decompressed when its name ends in .gz."""
    handle = open(path, "rb")
    if is_gzip(path):
        return io.BufferedReader(GzipReader(handle), buffer_size=256 * 1024)
    return handle


def gzip_error(stream: BinaryIO) -> str | None:
    raw = getattr(stream, "raw", None)
    return raw.error if isinstance(raw, GzipReader) else None


def close_input(stream: BinaryIO) -> None:
    raw = getattr(stream, "raw", None)
    if isinstance(raw, GzipReader):
        raw.raw.close()
    stream.close()


def read_limited(stream: BinaryIO, max_bytes: int, what: str = "file") -> bytes:
    """A whole stream, refusing more than `max_bytes` (also guards against gzip bombs)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{what} too large (over the limit of {max_bytes:,} bytes)")
    error = gzip_error(stream)
    if error:
        raise InputError(error)
    return data
