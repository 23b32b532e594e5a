"""Train the sentence typer (`dyadwatch.events.classifier`): `make train` or `python -m dyadwatch.events.train`.

Trains on gold/dev and the examples only (gold/heldout is for reporting). Every sentence with a
main verb is a row, labelled with the gold type most of its gold events have, or NONE. The L2
strength and the threshold are chosen by 5-fold cross-validation over dev documents (the
examples always train): for each held-out fold, the events the model would add to sentences
the rules left empty are scored against the gold as the evaluator would (same sentence, same
type), on top of the rule events. Fixed seed; prints the cross-validated figures.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from dyadwatch.evaluate import load_gold, same_sentence
from dyadwatch.events.classifier import NONE, Model, candidates, code_as, features, main_verb, texts_of, weights_path
from dyadwatch.nlp import sentence_span
from dyadwatch.records import Document

ROOT = Path(__file__).resolve().parents[3]
DEV = (ROOT / "gold/dev/documents.jsonl", ROOT / "gold/dev/events.jsonl")
EXAMPLES = (ROOT / "examples/corpus", ROOT / "examples/gold")
SEED = 0
FOLDS = 5
STRENGTHS = (0.01, 0.03, 0.1)  # inverse L2 strength per row, as scikit-learn's C
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6)
LEARNED_WEIGHT = 0.5  # confidence = probability x this: below the coder's LOW_CONFIDENCE
WORD = re.compile(r"\w+")


def _overlap(a: str, b: str) -> float:
    wa, wb = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    return len(wa & wb) / max(1, len(wa | wb))


def collect(documents: Path, gold_path: Path, pipeline, part: str) -> list[dict]:
    """One row per sentence with a main verb: texts, gold and rule types, and what each type would code."""
    from dyadwatch.actors.resolver import DocumentActors
    from dyadwatch.ingest import read_paths

    gold = defaultdict(list)
    for g in load_gold(gold_path):
        gold[g["doc"]].append(g)
    docs = [d for d in read_paths([str(documents)]) if isinstance(d, Document)]
    coder = pipeline.coder
    types = sorted(coder.ontology.types)
    rows: list[dict] = []
    for parsed, doc in pipeline.nlp.pipe(((d.text, d) for d in docs), as_tuples=True):
        events = pipeline.coder.code(parsed, doc)
        sents = [(s, *sentence_span(s)) for s in parsed.sents]
        gold_types: dict[int, list[str]] = defaultdict(list)
        for g in gold.get(doc.id, []):  # each gold event to its best-matching sentence, as one
            matching = [(i, text) for i, (_, text, _) in enumerate(sents) if same_sentence(text, g["sentence"])]
            if matching:
                gold_types[max(matching, key=lambda m, g=g: _overlap(m[1], g["sentence"]))[0]].append(g["event"])
        empty = {s.start for s, _ in candidates(parsed, events, coder.words.speech_verbs)}
        actors = DocumentActors(pipeline.coder.kb, pipeline.coder.matcher, parsed, doc.published)
        for i, (sent, _, start) in enumerate(sents):
            verb = _verb(coder, sent)
            if verb is None:
                continue
            codes = {}
            if sent.start in empty:
                codes = {t: coded for t in types if (coded := _codes(coder, verb, sent, actors, doc, t))}
            rows.append(
                {
                    "part": part,
                    "doc": doc.id,
                    "texts": texts_of(sent, verb),
                    "gold": gold_types.get(i, []),
                    "rules": [e.event_type for e in events if e.start == start],
                    "codes": codes,
                }
            )
        # sentences without a main verb still carry gold and rule events: kept for the baseline
        verbless = [i for i, (s, _, _) in enumerate(sents) if _verb(coder, s) is None]
        for i in verbless:
            rows.append(
                {
                    "part": part,
                    "doc": doc.id,
                    "texts": None,
                    "gold": gold_types.get(i, []),
                    "rules": [e.event_type for e in events if e.start == sents[i][2]],
                    "codes": {},
                }
            )
    return rows


def _verb(coder, sent):
    return main_verb(sent, coder.words.speech_verbs) if sent.text.strip() else None


def _codes(coder, verb, sent, actors, doc, event_type: str) -> str | None:
    """The type of the event the coder makes of this verb read as event_type, or None."""
    event = code_as(coder, verb, sent, actors, doc, event_type)
    return event.event_type if event is not None else None


def label(row: dict) -> str:
    return Counter(row["gold"]).most_common(1)[0][0] if row["gold"] else NONE


def fit(x: np.ndarray, labels: list[str], classes: list[str], strength: float, iterations: int = 400) -> Model:
    """Softmax regression with L2 (1 / (strength x rows)), by Nesterov-accelerated gradient descent."""
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    n, d = z.shape
    y = np.zeros((n, len(classes)))
    y[np.arange(n), [classes.index(c) for c in labels]] = 1.0
    decay = 1.0 / (strength * n)
    w, b = np.zeros((d, len(classes))), np.zeros(len(classes))
    vw, vb = w.copy(), b.copy()
    step = 1.0 / (0.25 * (z**2).sum(axis=1).mean() + decay)  # 1/L for the mean loss
    for t in range(iterations):
        momentum = t / (t + 3)
        lw, lb = w + momentum * vw, b + momentum * vb
        logits = z @ lw + lb
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        gw = z.T @ (p - y) / n + decay * lw
        gb = (p - y).mean(axis=0)
        vw, vb = momentum * vw - step * gw, momentum * vb - step * gb
        w, b = w + vw, b + vb
    return Model(mean, scale, w, b, classes, 0.0, LEARNED_WEIGHT)


def added(rows: list[dict], probabilities: np.ndarray, classes: list[str], threshold: float) -> Counter:
    """True and false events the model adds to the rows (empty sentences whose verb codes the type)."""
    counts: Counter = Counter()
    for row, p in zip(rows, probabilities, strict=True):
        best = int(p.argmax())
        event_type = classes[best]
        if event_type == NONE or p[best] < threshold or event_type not in row["codes"]:
            continue
        counts["tp" if row["codes"][event_type] in row["gold"] else "fp"] += 1
    return counts


def baseline(rows: list[dict]) -> Counter:
    counts: Counter = Counter()
    for row in rows:
        gold, rules = Counter(row["gold"]), Counter(row["rules"])
        counts["tp"] += sum((gold & rules).values())
        counts["fp"] += sum((rules - gold).values())
        counts["fn"] += sum((gold - rules).values())
    return counts


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main() -> None:
    from dyadwatch.pipeline import Pipeline

    pipeline = Pipeline()
    rows = collect(*DEV, pipeline, "dev") + collect(*EXAMPLES, pipeline, "examples")
    dev_all = [r for r in rows if r["part"] == "dev"]
    rows = [r for r in rows if r["texts"] is not None]
    x = features([r["texts"] for r in rows])
    labels = [label(r) for r in rows]
    classes = [NONE, *sorted(pipeline.coder.ontology.types)]
    docs = sorted({r["doc"] for r in rows if r["part"] == "dev"})
    np.random.RandomState(SEED).shuffle(docs)
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    folds = np.array([fold_of.get(r["doc"], -1) if r["part"] == "dev" else -1 for r in rows])
    base = baseline(dev_all)
    print(f"dev rules alone: tp {base['tp']} fp {base['fp']} fn {base['fn']} F1 {f1(**base):.4f}")
    best = (f1(**base), None, None)
    for strength in STRENGTHS:
        p = np.zeros((len(rows), len(classes)))
        for k in range(FOLDS):
            train = folds != k
            model = fit(x[train], [lab for lab, t in zip(labels, train, strict=True) if t], classes, strength)
            p[folds == k] = model.probabilities(x[folds == k])
        dev = [i for i in range(len(rows)) if folds[i] >= 0]
        for threshold in THRESHOLDS:
            more = added([rows[i] for i in dev], p[dev], classes, threshold)
            score = f1(base["tp"] + more["tp"], base["fp"] + more["fp"], base["fn"] - more["tp"])
            print(f"C {strength} threshold {threshold}: +{more['tp']} true, +{more['fp']} false; CV F1 {score:.4f}")
            if score > best[0]:
                best = (score, strength, threshold)
    score, strength, threshold = best
    if strength is None:
        print("no setting beats the rules alone: nothing written")
        sys.exit(1)
    model = fit(x, labels, classes, strength)
    model.threshold = threshold
    model.save(weights_path())
    print(f"chosen C {strength} threshold {threshold} (dev CV F1 {score:.4f}); wrote {weights_path()}")


if __name__ == "__main__":
    main()
