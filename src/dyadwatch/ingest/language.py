"""Which language a document is in (py3langid, whose model ships inside its wheel: no download).

Only English is coded; other documents are stored with their language and reported as not
coded. Texts too short to judge (fewer than MIN_WORDS words) count as English, and so does
a text in which English function words make up a good share (ENGLISH_SHARE) of the words,
without asking the classifier (news in English dense with foreign names fools character
n-gram models, and most texts are settled by this count alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MIN_WORDS = 12
SAMPLE_CHARS = 4000
# At least this share of English function words makes a text English.
ENGLISH_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    "the of and to in a is was that for on with as by said at from his her it has have be were are an will "
    "not its their which after over had would who this been they he she but or than also".split()
)


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, e.g. "en", "fr"
    confidence: float
    reliable: bool = True  # False: too short to tell, taken as English

    @property
    def is_english(self) -> bool:
        return self.code == "en"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Language:
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return Language("en", 0.0, reliable=False)
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share >= ENGLISH_SHARE:
        # English whatever the classifier says: so it is not asked (its model takes 0.5 s of CPU
        # to load and 1-2 ms a document), and the confidence is this share.
        return Language("en", round(share, 3))
    code, confidence = _identifier().classify(sample)
    return Language(code, round(float(confidence), 3))
