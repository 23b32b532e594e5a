"""The event store: schema, writes that replace by document id, queries and exports."""

from dyadwatch.store.duck import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
