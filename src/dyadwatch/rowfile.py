"""Fixed-width rows of numbers in an unlinked temporary file: index data that must not grow the RSS.

The near-duplicate index and the claim-key index keep something for every document of a
store (a MinHash signature, a claim's content vector) that they read only for a few
candidates, or once per batch in blocks. Held in the process, these rows made its memory
grow with the corpus (about 1.8 KB per generated document between the two); in a file, they
live in the OS's page cache, which the kernel can drop and read again, and the process holds
one block at a time. The file is unlinked from the start: nothing is left behind.
"""

from __future__ import annotations

import os
import tempfile

import numpy as np


class RowFile:
    """Rows of `width` values of `dtype`, addressed by position, written with `put`, read with
    `row`, `block` (a contiguous range, into a reused buffer) or `take` (any rows)."""

    def __init__(self, width: int, dtype: np.dtype | str, block_rows: int = 8192) -> None:
        self.dtype = np.dtype(dtype)
        self.width = width
        self.row_bytes = width * self.dtype.itemsize
        self._file = tempfile.TemporaryFile(prefix="dyadwatch-rows-")  # noqa: SIM115 (lives as long as its index)
        self._fd = self._file.fileno()
        self.block_rows = block_rows
        self._buffer: np.ndarray | None = None  # for `block`, made at its first call
        self.count = 0

    def __len__(self) -> int:
        return self.count

    def put(self, start: int, rows: np.ndarray) -> None:
        """Write rows from position `start` on (over rows already there, or at the end)."""
        data = np.ascontiguousarray(rows, dtype=self.dtype).reshape(-1, self.width)
        assert 0 <= start <= self.count, (start, self.count)
        os.pwrite(self._fd, data.tobytes(), start * self.row_bytes)
        self.count = max(self.count, start + len(data))

    def append(self, row: np.ndarray) -> int:
        """Write one row at the end; its position."""
        self.put(self.count, row)
        return self.count - 1

    def row(self, i: int) -> np.ndarray:
        if not 0 <= i < self.count:
            raise IndexError(i)
        return np.frombuffer(os.pread(self._fd, self.row_bytes, i * self.row_bytes), dtype=self.dtype)

    __getitem__ = row

    def block(self, lo: int, hi: int) -> np.ndarray:
        """Rows lo..hi-1 (at most block_rows of them) in the reused buffer: valid until the next call."""
        assert 0 <= lo <= hi <= self.count and hi - lo <= self.block_rows, (lo, hi, self.count)
        if self._buffer is None:
            self._buffer = np.empty((self.block_rows, self.width), dtype=self.dtype)
        out = self._buffer[: hi - lo]
        view = memoryview(out.reshape(-1).view(np.uint8))
        done = 0
        while done < len(view):  # a large read may come back in parts
            got = os.preadv(self._fd, [view[done:]], lo * self.row_bytes + done)
            if got <= 0:
                raise OSError(f"short read from the row file at row {lo}")
            done += got
        return out

    def take(self, rows: np.ndarray) -> np.ndarray:
        """The rows at these positions (any order, repeats allowed), as a new array."""
        rows = np.asarray(rows, dtype=np.intp)
        out = np.empty((len(rows), self.width), dtype=self.dtype)
        if not len(rows):
            return out
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        span = self.block_rows
        i = 0
        while i < len(ordered):
            lo = int(ordered[i])
            j = int(np.searchsorted(ordered, lo + span, "left"))  # the rows within one block from lo
            hi = int(ordered[j - 1]) + 1
            if (j - i) * 16 >= hi - lo:  # dense: one read of the range (a row read costs ~16 rows' copying)
                out[order[i:j]] = self.block(lo, hi)[ordered[i:j] - lo]
            else:
                for k in range(i, j):
                    out[order[k]] = self.row(int(ordered[k]))
            i = j
        return out

    def keep(self, rows: np.ndarray) -> None:
        """Only the rows at these positions, in this order, from position 0 on (documents removed)."""
        kept = self.take(rows)
        os.ftruncate(self._fd, 0)
        self.count = 0
        if len(kept):
            self.put(0, kept)
