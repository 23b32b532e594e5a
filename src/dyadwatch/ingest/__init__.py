"""Readers that turn files into clean Documents (or Failures with a reason).

`read_paths` walks files and folders and yields one result per input document, so a
corpus is streamed, never loaded whole.
"""

from dyadwatch.ingest.readers import SUPPORTED_SUFFIXES, read_paths

__all__ = ["SUPPORTED_SUFFIXES", "read_paths"]
