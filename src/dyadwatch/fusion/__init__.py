"""Fusion: the same real-world event told by many reports becomes one fused event.

`core` decides which mentions are one event (pure functions over records and sentence
embeddings); `store` keeps the fused events of a DuckDB store in step with its events,
incrementally. The method and its parameters are documented in the README ("Fused events").
"""

from dyadwatch.fusion.core import (
    Fusion,
    FusionConfig,
    Mention,
    find_conflicts,
    fuse_mentions,
    fuse_records,
    mention_from_record,
    quantities,
    summarize,
)
from dyadwatch.fusion.store import FusedFilter, FuseSummary, fuse_all, fuse_new, fused_rows, has_fusion, iter_fused

__all__ = [
    "Fusion",
    "FusionConfig",
    "FuseSummary",
    "FusedFilter",
    "Mention",
    "find_conflicts",
    "fuse_all",
    "fuse_mentions",
    "fuse_new",
    "fuse_records",
    "fused_rows",
    "has_fusion",
    "iter_fused",
    "mention_from_record",
    "quantities",
    "summarize",
]
