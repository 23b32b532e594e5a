"""Near-duplicate stories: MinHash signatures (datasketch), an LSH band index and story clusters.

A document's signature is the MinHash of its word 3-shingles (lower-cased words). Two
documents are near-duplicates when the LSH index makes them candidates (they share a
band) and their estimated Jaccard similarity is at least THRESHOLD; near-duplicates are
linked, transitively, into one story cluster. The cluster's canonical document, whose id
is the cluster id, is the earliest: the earliest publication date, documents without a
date last, then the smallest id. Clusters therefore depend only on the set of documents,
never on the order they were read in, which is what lets an interrupted ingest resume
into exactly the store an uninterrupted one builds.

Exact duplicates (same normalised text) never reach this index: the ingest stores them
once and records their sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

NUM_PERM = 128
THRESHOLD = 0.6
SHINGLE_WORDS = 3
MIN_WORDS = 30  # shorter texts are not clustered: a few shared words say nothing
SCHEME = "affine32"  # datasketch hashing scheme; signatures are stored, so it is fixed
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray | None:
    """The MinHash of the text's word 3-shingles (uint32 values), or None for a short text."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def to_bytes(sig: np.ndarray | None) -> bytes | None:
    return None if sig is None else sig.astype("<u4").tobytes()


def from_bytes(blob: bytes | None) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


class BandIndex:
    """The LSH index datasketch's MinHashLSH builds (same bands, same candidates), in numpy arrays.

    A candidate of a signature is an indexed document that has one band (BANDS slices of the
    signature) exactly equal to the signature's. Each band is kept as a 64-bit hash of its values
    in a sorted array plus a short unsorted tail merged into it now and then, and candidates are
    checked against the stored signatures, so hash collisions cannot add any. Memory: about
    0.9 KB per document, against about 7 KB for datasketch's dictionaries of byte strings.
    """

    MERGE_EVERY = 4096

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch.lsh import _optimal_param

        bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)  # MinHashLSH's defaults
        self.hashranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self.rows = rows
        self._mult = np.random.default_rng(1).integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
        self.signatures = np.zeros((0, num_perm), dtype=np.uint32)  # by slot; capacity grows by doubling
        self.alive = np.zeros(0, dtype=bool)
        self.size = 0  # slots used
        self._sorted_hash = np.zeros((bands, 0), dtype=np.uint64)
        self._sorted_slot = np.zeros((bands, 0), dtype=np.int32)
        self._tail: list[int] = []  # slots not yet in the sorted arrays
        self._band_hash = np.zeros((0, bands), dtype=np.uint64)

    def _hashes(self, sig: np.ndarray) -> np.ndarray:
        bands = sig[: len(self.hashranges) * self.rows].reshape(len(self.hashranges), self.rows).astype(np.uint64)
        with np.errstate(over="ignore"):
            return (bands * self._mult).sum(axis=1, dtype=np.uint64)

    def insert(self, sig: np.ndarray) -> int:
        """Index a signature; returns its slot."""
        slot = self.size
        if slot == len(self.signatures):
            capacity = max(1024, 2 * slot)
            for name in ("signatures", "alive", "_band_hash"):
                old = getattr(self, name)
                grown = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
                grown[:slot] = old[:slot]
                setattr(self, name, grown)
        self.signatures[slot] = sig
        self._band_hash[slot] = self._hashes(sig)
        self.alive[slot] = True
        self.size += 1
        self._tail.append(slot)
        if len(self._tail) >= self.MERGE_EVERY:
            self._merge()
        return slot

    def remove(self, slot: int) -> None:
        self.alive[slot] = False

    def _merge(self) -> None:
        slots = np.flatnonzero(self.alive[: self.size]).astype(np.int32)
        hashes = self._band_hash[slots].T  # bands x documents
        order = np.argsort(hashes, axis=1, kind="stable")
        self._sorted_hash = np.take_along_axis(hashes, order, axis=1)
        self._sorted_slot = slots[order]
        self._tail = []

    def query(self, sig: np.ndarray) -> list[int]:
        """Slots of the live documents that share a band with `sig`."""
        hashes = self._hashes(sig)
        found: set[int] = set()
        if self._sorted_hash.shape[1]:
            for band, h in enumerate(hashes):
                row = self._sorted_hash[band]
                lo, hi = np.searchsorted(row, h, "left"), np.searchsorted(row, h, "right")
                found.update(self._sorted_slot[band, lo:hi].tolist())
        if self._tail:
            tail = np.asarray(self._tail)
            hit = (self._band_hash[tail] == hashes).any(axis=1)
            found.update(tail[hit].tolist())
        return [slot for slot in found if self.alive[slot] and self.shares_band(sig, self.signatures[slot])]

    def shares_band(self, a: np.ndarray, b: np.ndarray) -> bool:
        return any(np.array_equal(a[s:e], b[s:e]) for s, e in self.hashranges)


class StoryClusters:
    """Documents with signatures, their near-duplicate links, and each cluster's canonical document."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.index = BandIndex(threshold, num_perm)
        self.slot: dict[str, int] = {}  # document -> its slot in the index
        self.ids: list[str | None] = []  # slot -> document (None once removed)
        self.order_key: dict[str, tuple] = {}
        self.root: dict[str, str] = {}  # document -> an internal cluster label
        self.members: dict[str, set[str]] = {}  # label -> documents
        self._canonical: dict[str, str] = {}  # label -> canonical document
        self.touched: set[str] = set()  # documents whose cluster changed since the last `take_touched`

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.slot

    def __len__(self) -> int:
        return len(self.slot)

    def signature_of(self, doc_id: str) -> np.ndarray:
        return self.index.signatures[self.slot[doc_id]]

    # -- building -----------------------------------------------------------------------------
    def add(self, doc_id: str, published: str | None, sig: np.ndarray) -> list[str]:
        """Index a document; returns the documents it is a near-duplicate of (already indexed)."""
        if doc_id in self.slot:
            self.remove(doc_id)
        sig = np.asarray(sig, dtype=np.uint32)
        candidates = [self.ids[s] for s in self.index.query(sig)]
        matches = sorted(c for c in candidates if similarity(sig, self.signature_of(c)) >= self.threshold)
        self.slot[doc_id] = self.index.insert(sig)
        self.ids.append(doc_id)
        self.order_key[doc_id] = (published is None, published or "", doc_id)
        self.root[doc_id] = doc_id
        self.members[doc_id] = {doc_id}
        self._canonical[doc_id] = doc_id
        self.touched.add(doc_id)
        for other in matches:
            self._union(doc_id, other)
        return matches

    def remove(self, doc_id: str) -> None:
        """Take a document out (its text changed or it is gone) and split what it held together."""
        if doc_id not in self.slot:
            return
        slot = self.slot.pop(doc_id)
        self.index.remove(slot)
        self.ids[slot] = None
        label = self.root.pop(doc_id)
        rest = self.members.pop(label) - {doc_id}
        del self._canonical[label]
        del self.order_key[doc_id]
        self.touched |= rest
        for component in self._components(rest):
            new = min(component)
            self.members[new] = set(component)
            for member in component:
                self.root[member] = new
            self._canonical[new] = min(component, key=self.order_key.__getitem__)

    def _union(self, a: str, b: str) -> None:
        ra, rb = self.root[a], self.root[b]
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        moved = self.members.pop(rb)
        for member in moved:
            self.root[member] = ra
        self.members[ra] |= moved
        ca, cb = self._canonical[ra], self._canonical.pop(rb)
        self._canonical[ra] = min(ca, cb, key=self.order_key.__getitem__)
        self.touched |= self.members[ra]

    def _components(self, docs: set[str]) -> Iterable[list[str]]:
        """Connected parts of a set of documents under the near-duplicate relation."""
        remaining = set(docs)
        while remaining:
            start = remaining.pop()
            component, frontier = [start], [start]
            while frontier:
                current = frontier.pop()
                linked = [d for d in remaining if self._linked(current, d)]
                for d in linked:
                    remaining.discard(d)
                component.extend(linked)
                frontier.extend(linked)
            yield component

    def _linked(self, a: str, b: str) -> bool:
        """The same relation `add` uses: an LSH candidate pair (a shared band) similar enough."""
        sa, sb = self.signature_of(a), self.signature_of(b)
        return self.index.shares_band(sa, sb) and similarity(sa, sb) >= self.threshold

    # -- reading ------------------------------------------------------------------------------
    def cluster_of(self, doc_id: str) -> str:
        """The cluster id of a document: its canonical document's id (its own id when alone)."""
        label = self.root.get(doc_id)
        return doc_id if label is None else self._canonical[label]

    def cluster_size(self, doc_id: str) -> int:
        label = self.root.get(doc_id)
        return 1 if label is None else len(self.members[label])

    def take_touched(self) -> set[str]:
        touched, self.touched = self.touched, set()
        return touched
