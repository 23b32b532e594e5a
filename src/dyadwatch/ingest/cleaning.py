"""Separate an article's body from the header and boilerplate that scrapers leave around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from dyadwatch.ingest.dates import find_header_dates

# A line this long (in words) is body text, not a header line.
HEADER_MAX_WORDS = 14
HEADER_MAX_LINES = 10


@dataclass
class CleanText:
    """The body of a plain-text article and what its header told us."""

    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _patterns() -> dict:
    raw = yaml.safe_load(resources.files("dyadwatch").joinpath("data/boilerplate.yaml").read_text())
    flags = re.IGNORECASE
    return {
        "anywhere": [re.compile(p + r"$", flags) for p in raw["anywhere"]],
        "byline": [re.compile(p + r"$", flags) for p in raw["byline"]],
        "date_prefix": re.compile(r"^" + raw["date_prefix"], flags),
        "update_prefix": re.compile(r"^" + raw["update_prefix"], flags),
    }


def is_boilerplate(line: str) -> bool:
    """True for a whole line that is scraped furniture: captions, 'Continue Reading', credits."""
    stripped = line.strip()
    return any(p.match(stripped) for p in _patterns()["anywhere"])


def _is_byline(line: str) -> bool:
    return any(p.match(line) for p in _patterns()["byline"])


def _looks_like_body(line: str) -> bool:
    words = line.split()
    return len(words) > HEADER_MAX_WORDS or (len(words) > 8 and line.rstrip().endswith((".", '"', "”")))


def clean_text(raw: str) -> CleanText:
    """Split header lines (outlet, headline, byline, dates) from the body and drop boilerplate.

    When the header holds two dates (published and updated), the published one is the
    article's date, and the choice is recorded in `notes`.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = CleanText(text="")
    pats = _patterns()

    # Header: the short lines before the first body-like line.
    body_start = 0
    header_texts: list[str] = []
    dates: list[tuple[str, str, bool]] = []  # (iso, line, is_update)
    seen = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if seen >= HEADER_MAX_LINES or _looks_like_body(stripped):
            body_start = i
            break
        seen += 1
        body_start = i + 1
        line_dates = find_header_dates(stripped) if len(stripped) < 90 else []
        if line_dates:
            for iso, is_update in line_dates:
                dates.append((iso, stripped, is_update or bool(pats["update_prefix"].match(stripped))))
        elif _is_byline(stripped):
            result.byline = result.byline or stripped
        elif is_boilerplate(stripped):
            continue
        else:
            header_texts.append(stripped)
    else:
        body_start = len(lines)

    if body_start >= len(lines) and not dates and not result.byline:
        # No header at all (a short text): everything is body.
        body_start, header_texts = 0, []

    _assign_outlet_and_title(result, header_texts)
    if dates:
        originals = [d for d in dates if not d[2]] or dates
        result.published = originals[0][0]
        others = [d for d in dates if d is not originals[0] and (d[0] != originals[0][0] or d[2])]
        if others:
            listed = ", ".join(f"{d[0]} ({'updated' if d[2] else 'other'}: {d[1]!r})" for d in others)
            result.notes.append(f"date: took {result.published} from {originals[0][1]!r} as published over {listed}")

    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines[body_start:]:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if is_boilerplate(stripped):
            continue
        current.append(stripped)
    if current:
        paragraphs.append(" ".join(current))
    result.text = "\n\n".join(paragraphs)
    return result


def _assign_outlet_and_title(result: CleanText, header_texts: list[str]) -> None:
    """Outlet first, headline second: the order scraped pages nearly always use."""
    if len(header_texts) >= 2:
        result.outlet, result.title = header_texts[0], header_texts[1]
    elif len(header_texts) == 1:
        only = header_texts[0]
        if len(only.split()) <= 4:
            result.outlet = only
        else:
            result.title = only
