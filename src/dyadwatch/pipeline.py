"""The one place that knows the order of the stages: documents -> spaCy -> actors + events.

`Pipeline.code` runs in the current process with `nlp.pipe` batches; `code_parallel`
spreads batches over worker processes, each with its own copy of the pipeline, and keeps
only a bounded number of batches in flight so corpora stream instead of filling memory.
"""

from __future__ import annotations

import atexit
import gc
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from spacy.tokens import Doc

from dyadwatch.actors.kb import load_knowledge_base, with_learned
from dyadwatch.actors.resolver import ActorMatcher, DocumentActors
from dyadwatch.claims.attribution import ClaimFinder
from dyadwatch.events.coder import EventCoder
from dyadwatch.events.lexicon import load_lexicon
from dyadwatch.events.modality import load_modality
from dyadwatch.events.ontology import load_ontology
from dyadwatch.nlp import MAX_CHARS, load_nlp
from dyadwatch.records import Claim, Document, Event, Failure
from dyadwatch.settings import load_settings

BATCH_SIZE = 32  # documents per task sent to a worker process (`code_parallel`)
# Documents per `nlp.pipe` batch. spaCy's parser and NER precompute their hidden layer for every token
# of a batch at once (about 4 KB a token for the parser), so a batch's transient memory grows with its
# size: at 32 documents the RSS swung by 80-140 MB at each batch, and those swings are the peaks of a
# long ingest. At 16 the peak of a 500-document ingest fell from 732 to 663-674 MB, with the same events,
# claims and fused events; spaCy's CPU moved by less than its run-to-run noise (0-5%; benchmarks/README.md,
# "Sixth round").
PARSE_BATCH = 16


@dataclass
class Settings:
    """Paths to user data files that extend or replace the shipped ones.

    A path left as None is taken from the settings file (`dyadwatch.toml` or
    $DYADWATCH_SETTINGS, see `dyadwatch.settings`); None there too means the shipped data.
    `learned_actors` are the actors an earlier ingest found in context (the store's
    `actors` table), as (actor_id, name, country, sector) rows, so later mentions reuse them.
    """

    actors_file: str | None = None
    ontology_file: str | None = None
    lexicon_file: str | None = None
    learned_actors: tuple[tuple[str, str, str | None, str | None], ...] = ()

    def __post_init__(self) -> None:
        user = load_settings()
        self.actors_file = self.actors_file or user.actors_file
        self.ontology_file = self.ontology_file or user.ontology_file
        self.lexicon_file = self.lexicon_file or user.lexicon_file


class Pipeline:
    def __init__(self, settings: Settings | None = None) -> None:
        first = not gc.get_freeze_count()
        thresholds = gc.get_threshold()
        if first:
            # Loading makes objects to keep, not garbage: the full collections it set off walked every
            # object of spaCy and torch twice more (0.3 s of CPU at each start-up, measured). A threshold
            # of 0 and not gc.disable(): loading spaCy's compiled modules turns the collector back on.
            gc.set_threshold(0)
        try:
            self._load(settings or Settings())
        finally:
            gc.set_threshold(*thresholds)
        # The model, knowledge base and lexicons live as long as the process: frozen, they are left out of
        # the collector's full passes, which walked them again and again (0.3 s of CPU in 500 documents).
        # Frozen with them: the cyclic garbage that imports leave (about 3,600 objects, 1 MB of RSS), which
        # the full passes during loading used to free at 0.3 s of CPU. Only the first pipeline of a process
        # freezes, so a long-lived process (the tests) does not freeze its garbage.
        # Unfrozen at exit, for the last collection (DuckDB's bindings report what it leaves behind).
        if first:
            gc.freeze()
            atexit.register(gc.unfreeze)

    def _load(self, settings: Settings) -> None:
        self.nlp = load_nlp()
        kb = with_learned(load_knowledge_base(settings.actors_file), settings.learned_actors)
        self.coder = EventCoder(
            kb=kb,
            matcher=ActorMatcher(kb, self.nlp),
            lexicon=load_lexicon(settings.lexicon_file),
            ontology=load_ontology(settings.ontology_file),
            words=load_modality(),
        )
        self._claim_finder: ClaimFinder | None = None

    def code(
        self, documents: Iterable[Document], batch_size: int = PARSE_BATCH, with_claims: bool = False
    ) -> Iterator[tuple[Document, list[Event]] | tuple[Document, list[Event], list[Claim]] | Failure]:
        """(document, events) for each document, in input order; too-long documents become Failures.

        with_claims: (document, events, claims) instead, the claims read off the same parse
        (`dyadwatch.claims`; their keys are given when they are stored).
        """

        def accepted() -> Iterator[tuple[str, Document]]:
            # A document too long to parse goes through as an empty text, so that its failure comes out
            # in its place (nlp.pipe reads a batch ahead: set aside, it came out before the documents
            # read with it).
            for doc in documents:
                yield ("" if len(doc.text) > MAX_CHARS else doc.text), doc

        for parsed, doc in self.nlp.pipe(accepted(), as_tuples=True, batch_size=batch_size):
            if len(doc.text) > MAX_CHARS:
                yield Failure(doc.source or doc.id, f"document longer than {MAX_CHARS:,} characters")
                continue
            if not with_claims:
                yield doc, self.coder.code(parsed, doc)
                continue
            actors = DocumentActors(self.coder.kb, self.coder.matcher, parsed, doc.published)
            events = self.coder.code(parsed, doc, actors.copy())
            yield doc, events, self.claims(parsed, doc, events, actors)

    def claims(
        self, parsed: Doc, document: Document, events: list[Event], actors: DocumentActors | None = None
    ) -> list[Claim]:
        """The claims of a document already parsed and coded: who asserts, denies, admits what.

        actors: the document's actors as found, untouched by the coder (built here when not given)."""
        if self._claim_finder is None:
            self._claim_finder = ClaimFinder()
        if actors is None:
            actors = DocumentActors(self.coder.kb, self.coder.matcher, parsed, document.published)
        return self._claim_finder.find(parsed, document, actors, events)


def code_text(
    text: str, published: str | None = None, doc_id: str = "text", settings: Settings | None = None
) -> list[Event]:
    """The events of one text, no database: what `dyadwatch code` prints."""
    document = Document(id=doc_id, text=text, published=published)
    results = list(Pipeline(settings).code([document]))
    return [event for result in results if not isinstance(result, Failure) for event in result[1]]


# -- worker processes ------------------------------------------------------------------------
_worker_pipeline: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(settings)


def _code_batch(
    documents: list[Document], with_claims: bool = False, claim_vectors: bool = False
) -> list[tuple | Failure]:
    assert _worker_pipeline is not None
    results = list(_worker_pipeline.code(documents, with_claims=with_claims))
    if claim_vectors:
        results = _with_claim_vectors(results)
    return results


def _with_claim_vectors(results: list[tuple | Failure]) -> list[tuple | Failure]:
    """(document, events, claims, vectors): the claims' vectors embedded here, for the whole batch at
    once, so that a worker and not the main process runs the embedding model."""
    from dyadwatch.claims.keys import ClaimKeyer

    claims = [c for r in results if isinstance(r, tuple) for c in r[2]]
    vectors = ClaimKeyer().embed(claims)
    out, at = [], 0
    for r in results:
        if isinstance(r, tuple):
            out.append((*r[:3], vectors[at : at + len(r[2])]))
            at += len(r[2])
        else:
            out.append(r)
    return out


def code_parallel(
    documents: Iterable[Document],
    workers: int,
    settings: Settings | None = None,
    batch_size: int = BATCH_SIZE,
    with_claims: bool = False,
    claim_vectors: bool = False,
) -> Iterator[tuple | Failure]:
    """Like `Pipeline.code`, over `workers` processes; results come back in input order.

    batch_size: documents per task sent to a worker (each parses them in `PARSE_BATCH` batches).

    claim_vectors (with with_claims): (document, events, claims, vectors), the claims' embeddings
    computed by the worker that coded them (a batch at a time); in one process, vectors is None
    and the caller embeds (the claims writer does, a write batch at a time).
    """
    settings = settings or Settings()
    if workers <= 1:
        for result in Pipeline(settings).code(documents, with_claims=with_claims):
            yield (*result, None) if claim_vectors and isinstance(result, tuple) else result
        return
    iterator = iter(documents)
    in_flight: deque[Future] = deque()
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        while True:
            while len(in_flight) < workers * 2:
                batch = list(islice(iterator, batch_size))
                if not batch:
                    break
                in_flight.append(pool.submit(_code_batch, batch, with_claims, with_claims and claim_vectors))
            if not in_flight:
                return
            yield from in_flight.popleft().result()
