"""The word lists of the claims ledger, read from `data/claims.yaml` (or a user file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class ClaimWords:
    assert_verbs: frozenset[str]
    deny_verbs: frozenset[str]
    admit_verbs: frozenset[str]
    dispute_verbs: frozenset[str]
    endorse_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]
    object_verbs: frozenset[str]
    intention_aux: frozenset[str]
    demand_aux: frozenset[str]
    claim_nouns: frozenset[str]
    accusation_nouns: frozenset[str]
    accusing_verbs: frozenset[str]
    dismissive_words: frozenset[str]
    dispute_nouns: frozenset[str]
    dispute_words: frozenset[str]
    admit_content_verbs: frozenset[str]
    attitude_words: frozenset[str]
    withholding_heads: frozenset[str]
    unmade_marks: frozenset[str]
    document_nouns: frozenset[str]
    generic_words: frozenset[str]
    non_speakers: frozenset[str]
    reversal_words: frozenset[str]
    speaker_nouns: dict[str, str]  # unresolved speaker noun -> sector ("witnesses" -> CVL)

    def stance_of(self, lemma: str) -> str | None:
        """The stance a cue verb gives its content, before the content itself is read."""
        if lemma in self.deny_verbs:
            return "deny"
        if lemma in self.admit_verbs:
            return "admit"
        if lemma in self.dispute_verbs:
            return "dispute"
        if lemma in self.assert_verbs:
            return "assert"
        return None


# Lists added after users could write their own file: a file without them still loads (empty lists).
ADDED_LATER = ("accusation_nouns", "accusing_verbs", "reversal_words", "generic_words")


@lru_cache(maxsize=4)
def load_claim_words(path: str | None = None) -> ClaimWords:
    """The shipped word lists, or those of `path` (a YAML file with the same keys)."""
    text = Path(path).read_text() if path else resources.files("dyadwatch").joinpath("data/claims.yaml").read_text()
    data = {key: [] for key in ADDED_LATER} | (yaml.safe_load(text) or {})
    missing = [key for key in ClaimWords.__annotations__ if key not in data]
    if missing:
        raise ValueError(f"{path or 'data/claims.yaml'}: missing word lists {', '.join(missing)}")
    keys = [key for key in ClaimWords.__annotations__ if key != "speaker_nouns"]
    lists = {key: frozenset(str(w).lower() for w in data[key]) for key in keys}
    nouns = {str(w).lower(): sector for sector, items in data["speaker_nouns"].items() for w in items}
    return ClaimWords(**lists, speaker_nouns=nouns)


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """The words of countries' names, adjectives, demonyms, capitals and seats, lower case ("afghan",
    "kabul", "kremlin"): who a content is about, not what it says happened (claims/keys.py `referents_of`)."""
    text = resources.files("dyadwatch").joinpath("data/actors/countries.yaml").read_text(encoding="utf-8")
    words: set[str] = set()
    for entry in yaml.safe_load(text) or []:
        for field in ("name", "aliases", "adjectives", "demonyms", "capitals", "seats"):
            values = entry.get(field) or []
            for value in [values] if isinstance(values, str) else values:
                words.update(str(value).lower().replace("’", "'").split())
    return frozenset(words)
