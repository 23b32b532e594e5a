"""Shared fixtures: one real spaCy pipeline per test session (loading it is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document, Event

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """code(text, published) -> events, through the real pipeline."""

    def run(text: str, published: str | None = None) -> list[Event]:
        [(doc, events)] = list(pipeline.code([Document(id="test", text=text, published=published)]))
        return events

    return run
