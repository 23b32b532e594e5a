"""Near-duplicate stories: MinHash signatures, an LSH band index and story clusters.

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

import hashlib
import re
import sys
from collections.abc import Iterable

import numpy as np

from dyadwatch.rowfile import RowFile

NUM_PERM = 128
THRESHOLD = 0.6
SHINGLE_WORDS = 3
MIN_WORDS = 30  # shorter texts are not clustered: a few shared words say nothing
SEED = 1
SCHEME = "affine32"  # the datasketch MinHash scheme `signature` reproduces; signatures are stored, so it is fixed
_WORD = re.compile(r"\w+")


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of datasketch's "affine32" scheme (h -> a * h + b mod 2**32, a odd), drawn as it draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _permutations(NUM_PERM, SEED)


def signature(text: str) -> np.ndarray | None:
    """The MinHash of the text's word 3-shingles (uint32 values), or None for a short text.

    The values of datasketch's `MinHash(num_perm=128, seed=1, scheme="affine32")` fed the
    shingles' UTF-8 bytes (signatures are stored, so they must not change; tested against it),
    computed in one numpy pass: 2x faster per document, and no import of datasketch, which
    pulls in scipy (0.4-0.6 s of every ingest's start-up).
    """
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    digests = b"".join(hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingles)
    h = np.frombuffer(digests, dtype="<u4").astype(np.uint32)
    h ^= h >> np.uint32(16)  # the MurmurHash3 finalizer, as datasketch mixes each hash first
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return (h[:, None] * _A + _B).min(axis=0)


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) as datasketch's MinHashLSH chooses them: the least mean of the false-positive and
    false-negative areas under the banding curve (datasketch integrates with scipy; a fine trapezoid
    gives the same choice, tested)."""
    below, above = np.linspace(0.0, threshold, 2001), np.linspace(threshold, 1.0, 2001)
    best, chosen = float("inf"), (0, 0)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_pos = np.trapezoid(1 - (1 - below**rows) ** bands, below)
            false_neg = np.trapezoid((1 - above**rows) ** bands, above)
            if 0.5 * false_pos + 0.5 * false_neg < best:
                best, chosen = 0.5 * false_pos + 0.5 * false_neg, (bands, rows)
    return chosen


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
    220 bytes per document (the sorted hashes and their slots): the signatures, read only for
    candidates, are in a `RowFile` on disk, and band hashes are held apart only for the tail.
    """

    MERGE_EVERY = 4096

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        bands, rows = lsh_bands(threshold, num_perm)
        self.hashranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self.rows = rows
        self._mult = np.random.default_rng(1).integers(1, 2**63, size=rows, dtype=np.uint64) | np.uint64(1)
        self.signatures = RowFile(num_perm, np.uint32)  # by slot
        self.alive = np.zeros(0, dtype=bool)  # by slot; capacity grows by a quarter
        self.size = 0  # slots used
        self._sorted_hash = np.zeros((bands, 0), dtype=np.uint64)
        self._sorted_slot = np.zeros((bands, 0), dtype=np.int32)
        self._tail: list[int] = []  # slots not yet in the sorted arrays
        self._tail_hash = np.zeros((self.MERGE_EVERY, bands), dtype=np.uint64)  # their band hashes, in order

    def _hashes(self, sig: np.ndarray) -> np.ndarray:
        bands = sig[: len(self.hashranges) * self.rows].reshape(len(self.hashranges), self.rows).astype(np.uint64)
        with np.errstate(over="ignore"):
            return (bands * self._mult).sum(axis=1, dtype=np.uint64)

    def insert(self, sig: np.ndarray) -> int:
        """Index a signature; returns its slot."""
        slot = self.size
        if slot == len(self.alive):
            grown = np.zeros(max(1024, slot + slot // 4), dtype=bool)
            grown[:slot] = self.alive[:slot]
            self.alive = grown
        self.signatures.append(sig)
        self._tail_hash[len(self._tail)] = self._hashes(sig)
        self.alive[slot] = True
        self.size += 1
        self._tail.append(slot)
        if len(self._tail) >= self.MERGE_EVERY:
            self._merge()
        return slot

    def remove(self, slot: int) -> None:
        self.alive[slot] = False

    def _merge(self) -> None:
        """The tail into the sorted arrays; slots removed since the last merge leave them."""
        tail = np.asarray(self._tail, dtype=np.int32)
        bands = len(self.hashranges)
        slots = np.hstack([self._sorted_slot, np.broadcast_to(tail, (bands, len(tail)))])
        hashes = np.hstack([self._sorted_hash, self._tail_hash[: len(tail)].T])
        live = self.alive[slots]  # every band holds the same slots (in its own order): as many live in each
        slots, hashes = slots[live].reshape(bands, -1), hashes[live].reshape(bands, -1)
        order = np.argsort(hashes, axis=1, kind="stable")
        self._sorted_hash = np.take_along_axis(hashes, order, axis=1)
        self._sorted_slot = np.take_along_axis(slots, order, axis=1)
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
            hit = (self._tail_hash[: len(tail)] == hashes).any(axis=1)
            found.update(tail[hit].tolist())
        return [slot for slot in found if self.alive[slot] and self.shares_band(sig, self.signatures[slot])]

    def shares_band(self, a: np.ndarray, b: np.ndarray) -> bool:
        return any(np.array_equal(a[s:e], b[s:e]) for s, e in self.hashranges)


class StoryClusters:
    """Documents with signatures, their near-duplicate links, and each cluster's canonical document.

    Most documents have no near-duplicate: they hold a slot and a date here and nothing else (a
    cluster of one is its own label and canonical document), which keeps the index at about 1 KB
    per document over a long run; only clusters of two or more keep members and a canonical one.
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.index = BandIndex(threshold, num_perm)
        self.slot: dict[str, int] = {}  # document -> its slot in the index
        self.ids: list[str | None] = []  # slot -> document (None once removed)
        self.published: dict[str, str | None] = {}
        self.root: dict[str, str] = {}  # document of a cluster of two or more -> its cluster's label
        self.members: dict[str, set[str]] = {}  # label -> documents (clusters of two or more)
        self._canonical: dict[str, str] = {}  # label -> canonical document (clusters of two or more)
        self.touched: set[str] = set()  # documents whose cluster changed since the last `take_touched`

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.slot

    def __len__(self) -> int:
        return len(self.slot)

    def signature_of(self, doc_id: str) -> np.ndarray:
        return self.index.signatures[self.slot[doc_id]]

    def _order(self, doc_id: str) -> tuple:
        """Which document of a cluster is canonical: the earliest published, undated last, then the smallest id."""
        published = self.published[doc_id]
        return (published is None, published or "", doc_id)

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
        self.published[doc_id] = sys.intern(published) if published else published  # dates repeat
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
        del self.published[doc_id]
        label = self.root.pop(doc_id, None)
        if label is None:  # it was alone
            return
        rest = self.members.pop(label) - {doc_id}
        del self._canonical[label]
        self.touched |= rest
        for component in self._components(rest):
            if len(component) == 1:
                del self.root[component[0]]
                continue
            new = min(component)
            self.members[new] = set(component)
            for member in component:
                self.root[member] = new
            self._canonical[new] = min(component, key=self._order)

    def _union(self, a: str, b: str) -> None:
        ra, rb = self.root.get(a, a), self.root.get(b, b)
        if ra == rb:
            return
        ma, mb = self.members.get(ra, {ra}), self.members.get(rb, {rb})
        if len(ma) < len(mb):
            (ra, ma), (rb, mb) = (rb, mb), (ra, ma)
        self.members.pop(rb, None)
        ma |= mb
        self.members[ra] = ma
        self.root[ra] = ra
        for member in mb:
            self.root[member] = ra
        ca, cb = self._canonical.get(ra, ra), self._canonical.pop(rb, rb)
        self._canonical[ra] = min(ca, cb, key=self._order)
        self.touched |= ma

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
