"""Near-duplicate stories: MinHash signatures, an LSH index (datasketch) and story clusters.

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
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
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


class StoryClusters:
    """Documents with signatures, their near-duplicate links, and each cluster's canonical document."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, np.ndarray] = {}
        self.order_key: dict[str, tuple] = {}
        self.root: dict[str, str] = {}  # document -> an internal cluster label
        self.members: dict[str, set[str]] = {}  # label -> documents
        self._canonical: dict[str, str] = {}  # label -> canonical document
        self.touched: set[str] = set()  # documents whose cluster changed since the last `take_touched`

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.signatures

    def __len__(self) -> int:
        return len(self.signatures)

    # -- building -----------------------------------------------------------------------------
    def add(self, doc_id: str, published: str | None, sig: np.ndarray) -> list[str]:
        """Index a document; returns the documents it is a near-duplicate of (already indexed)."""
        from datasketch import LeanMinHash

        if doc_id in self.signatures:
            self.remove(doc_id)
        minhash = LeanMinHash(seed=1, hashvalues=sig, scheme=SCHEME)
        matches = sorted(c for c in self.lsh.query(minhash) if similarity(sig, self.signatures[c]) >= self.threshold)
        self.lsh.insert(doc_id, minhash, check_duplication=False)
        self.signatures[doc_id] = sig
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
        if doc_id not in self.signatures:
            return
        self.lsh.remove(doc_id)
        label = self.root.pop(doc_id)
        rest = self.members.pop(label) - {doc_id}
        del self._canonical[label]
        del self.signatures[doc_id]
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
        sa, sb = self.signatures[a], self.signatures[b]
        shares_band = any(np.array_equal(sa[s:e], sb[s:e]) for s, e in self.lsh.hashranges)
        return shares_band and similarity(sa, sb) >= self.threshold

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
