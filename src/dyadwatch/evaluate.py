"""Score coded events against a gold file: precision, recall and F1, and what the matched events got right.

Gold format (one JSON object per line, documented in the README):
  {"doc": id, "sentence": str, "source": {"name", "country", "sector"}, "event": TYPE,
   "mode": str|null, "target": {...}|null, "date": "YYYY-MM-DD"|"YYYY-MM"|"YYYY",
   "negated": bool, "hypothetical": bool}

A system event matches a gold event when both come from the same document and the same
sentence (whitespace-insensitive, or mostly the same words) and have the same type;
within that, the pairing that agrees most on actors wins. Each event is matched once.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

WORD = re.compile(r"\w+")


@dataclass
class Scores:
    per_type: dict[str, dict[str, float]] = field(default_factory=dict)
    micro: dict[str, float] = field(default_factory=dict)
    macro: dict[str, float] = field(default_factory=dict)
    attributes: dict[str, float | None] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)  # matched events with a wrong attribute

    def to_dict(self) -> dict:
        return {
            "counts": self.counts,
            "micro": self.micro,
            "macro": self.macro,
            "per_type": self.per_type,
            "attributes": self.attributes,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "wrong_attributes": self.wrong,
        }


def load_gold(*paths: str | Path) -> list[dict]:
    """Gold events from files or folders of .jsonl files; a malformed line is an error naming the line."""
    return _read_gold(paths, {"doc", "sentence", "source", "event"})


def _read_gold(paths, required: set[str], check=None) -> list[dict]:
    """Records of .jsonl files (a folder: every .jsonl below it); an invalid line, a missing key or a
    record `check` rejects (it returns the reason) is a ValueError naming the file and line."""
    gold = []
    for path in map(Path, paths):
        for file in sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]:
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{file}:{number}: invalid JSON ({exc.msg})") from exc
                missing = required - set(record)
                if missing:
                    raise ValueError(f"{file}:{number}: missing {', '.join(sorted(missing))}")
                problem = check(record) if check else None
                if problem:
                    raise ValueError(f"{file}:{number}: {problem}")
                gold.append(record)
    return gold


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def same_sentence(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    ja, jb = " ".join(wa), " ".join(wb)
    if ja in jb or jb in ja:
        return True
    overlap = len(set(wa) & set(wb)) / len(set(wa) | set(wb))
    return overlap >= 0.6


def date_matches(system_date: str | None, system_precision: str | None, gold_date: str | None) -> bool:
    """True when the system's date agrees with the gold date at the gold's precision."""
    if not gold_date:
        return system_date is None
    if not system_date:
        return False
    size = len(gold_date)  # 10 = day, 7 = month, 4 = year
    rank = {"day": 10, "month": 7, "year": 4}
    if rank.get(system_precision or "day", 10) < size:
        return False
    return system_date[:size] == gold_date[:size]


_FAMILIES: dict[str, str] | None = None


def _country(actor: dict | None) -> str | None:
    """The actor's country, IGO organs folded into their organisation (AUC -> AU)."""
    global _FAMILIES
    if not actor:
        return None
    if _FAMILIES is None:
        from dyadwatch.actors.kb import igo_families

        _FAMILIES = igo_families()
    code = actor.get("country")
    return _FAMILIES.get(code, code) if code else None


def score(gold: Iterable[dict], system: Iterable[dict], min_confidence: float | None = None) -> Scores:
    gold = list(gold)
    system = [e for e in system if min_confidence is None or (e.get("confidence") or 0) >= min_confidence]
    gold_docs = {g["doc"] for g in gold}
    system = [e for e in system if e["doc_id"] in gold_docs]  # score only documents the gold covers

    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in system:
        by_doc[event["doc_id"]].append(event)
    used: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    misses: list[dict] = []
    for g in gold:
        candidates = [
            e
            for e in by_doc.get(g["doc"], [])
            if id(e) not in used and e["event_type"] == g["event"] and same_sentence(e["sentence"], g["sentence"])
        ]
        if not candidates:
            misses.append(g)
            continue

        best = max(candidates, key=lambda e, g=g: _agreement(e, g))
        used.add(id(best))
        pairs.append((g, best))
    false_alarms = [e for e in system if id(e) not in used]

    tp, fp, fn = Counter(), Counter(), Counter()
    for g, _ in pairs:
        tp[g["event"]] += 1
    for g in misses:
        fn[g["event"]] += 1
    for e in false_alarms:
        fp[e["event_type"]] += 1
    result = Scores()
    for event_type in sorted(set(tp) | set(fp) | set(fn)):
        result.per_type[event_type] = _prf(tp[event_type], fp[event_type], fn[event_type])
    result.micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    types = list(result.per_type.values())
    result.macro = {
        k: round(sum(t[k] for t in types) / len(types), 4) if types else 0.0 for k in ("precision", "recall", "f1")
    }
    result.attributes = _attribute_accuracy(pairs)
    result.counts = {
        "gold": len(gold),
        "system": len(system),
        "matched": len(pairs),
        "missed": len(misses),
        "false_alarms": len(false_alarms),
    }
    result.misses = [
        {
            "doc": g["doc"],
            "event": g["event"],
            "sentence": g["sentence"],
            "source": _country(g["source"]),
            "target": _country(g.get("target")),
        }
        for g in misses
    ]
    result.false_alarms = [
        {
            "doc": e["doc_id"],
            "event": e["event_type"],
            "sentence": e["sentence"],
            "source": _country(e["source"]),
            "target": _country(e["target"]),
            "confidence": e.get("confidence"),
        }
        for e in false_alarms
    ]
    result.wrong = _wrong_attributes(pairs)
    return result


def _wrong_attributes(pairs: list[tuple[dict, dict]]) -> list[dict]:
    wrong = []
    for g, e in pairs:
        problems = {}
        if _country(e["source"]) != _country(g["source"]):
            problems["source"] = [_country(g["source"]), _country(e["source"])]
        if _country(e["target"]) != _country(g.get("target")):
            problems["target"] = [_country(g.get("target")), _country(e["target"])]
        if "date" in g and not date_matches(e["date"], e["date_precision"], g.get("date")):
            problems["date"] = [g.get("date"), f"{e['date']} ({e['date_precision']})"]
        for flag in ("negated", "hypothetical"):
            if bool(e[flag]) != bool(g.get(flag)):
                problems[flag] = [bool(g.get(flag)), bool(e[flag])]
        if problems:
            wrong.append({"doc": g["doc"], "event": g["event"], "sentence": g["sentence"], "gold_vs_system": problems})
    return wrong


def _agreement(system: dict, gold: dict) -> int:
    """How well a candidate agrees with a gold event on actors: source counts double."""
    source = _country(system["source"]) == _country(gold["source"])
    target = _country(system["target"]) == _country(gold.get("target"))
    return source * 2 + target


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _attribute_accuracy(pairs: list[tuple[dict, dict]]) -> dict[str, float | None]:
    def rate(values: list[bool]) -> float | None:
        return round(sum(values) / len(values), 4) if values else None

    source = [_country(e["source"]) == _country(g["source"]) for g, e in pairs]
    target = [_country(e["target"]) == _country(g.get("target")) for g, e in pairs]
    direction = []
    for g, e in pairs:
        gs, gt = _country(g["source"]), _country(g.get("target"))
        es, et = _country(e["source"]), _country(e["target"])
        if gs and gt and gs != gt and {es, et} == {gs, gt}:
            direction.append((es, et) == (gs, gt))
    dates = [date_matches(e["date"], e["date_precision"], g.get("date")) for g, e in pairs if "date" in g]
    negated = [bool(e["negated"]) == bool(g.get("negated")) for g, e in pairs]
    hypothetical = [bool(e["hypothetical"]) == bool(g.get("hypothetical")) for g, e in pairs]
    return {
        "source_country": rate(source),
        "target_country": rate(target),
        "direction": rate(direction),
        "date": rate(dates),
        "negated": rate(negated),
        "hypothetical": rate(hypothetical),
    }


# -- fusion: the same real-world event across reports ----------------------------------------------


def match_events(gold: Iterable[dict], system: Iterable[dict]) -> list[tuple[dict, dict]]:
    """(gold, system) pairs matched as in `score`: same document and sentence, same type, best actors."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in system:
        by_doc[event["doc_id"]].append(event)
    used: set[int] = set()
    pairs = []
    for g in gold:
        candidates = [
            e
            for e in by_doc.get(g["doc"], [])
            if id(e) not in used and e["event_type"] == g["event"] and same_sentence(e["sentence"], g["sentence"])
        ]
        if not candidates:
            continue
        best = max(
            candidates,
            key=lambda e: (
                (_country(e["source"]) == _country(g["source"])) * 2
                + (_country(e["target"]) == _country(g.get("target")))
            ),
        )
        used.add(id(best))
        pairs.append((g, best))
    return pairs


def score_fusion(
    gold: Iterable[dict],
    system: Iterable[dict],
    min_confidence: float | None = None,
    focus_docs: Iterable[str] | None = None,
) -> dict:
    """Pairwise precision and recall of fusion against the gold `story` keys.

    Gold groups: gold events sharing a non-null `story` are one real-world event; a null
    story is an event told once. On the gold events matched to system events (as in
    `score`), a pair of mentions is a gold pair when their stories are equal and a system
    pair when their `fused_id`s are equal. Precision = shared pairs / system pairs, recall =
    shared pairs / gold pairs. `gold_pairs_all` counts the gold pairs over every gold event,
    matched or not, and `recall_end_to_end` is the recall against those (it also charges
    the coder's misses to fusion).

    focus_docs: count only pairs with at least one mention in these documents (to score a
    held-out part that was fused together with the rest, since its stories continue there).
    """
    gold = list(gold)
    system = [e for e in system if min_confidence is None or (e.get("confidence") or 0) >= min_confidence]
    gold_docs = {g["doc"] for g in gold}
    pairs = match_events(gold, [e for e in system if e["doc_id"] in gold_docs])
    focus = set(focus_docs) if focus_docs is not None else None
    stories: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        if g.get("story"):
            stories[g["story"]].append(g["doc"])
    gold_pairs_all = sum(
        1
        for docs in stories.values()
        for i in range(len(docs))
        for j in range(i + 1, len(docs))
        if focus is None or docs[i] in focus or docs[j] in focus
    )
    gold_pairs = system_pairs = shared = 0
    missed, wrong = [], []
    for i in range(len(pairs)):
        gi, ei = pairs[i]
        for j in range(i + 1, len(pairs)):
            gj, ej = pairs[j]
            if focus is not None and gi["doc"] not in focus and gj["doc"] not in focus:
                continue
            same_story = bool(gi.get("story")) and gi.get("story") == gj.get("story")
            same_fused = ei.get("fused_id") is not None and ei.get("fused_id") == ej.get("fused_id")
            gold_pairs += same_story
            system_pairs += same_fused
            shared += same_story and same_fused
            if same_story != same_fused:
                item = {
                    "story": gi.get("story") if same_story else [gi.get("story"), gj.get("story")],
                    "a": {"doc": gi["doc"], "event": gi["event"], "sentence": gi["sentence"]},
                    "b": {"doc": gj["doc"], "event": gj["event"], "sentence": gj["sentence"]},
                }
                (missed if same_story else wrong).append(item)
    precision = shared / system_pairs if system_pairs else None
    recall = shared / gold_pairs if gold_pairs else None
    return {
        "matched_mentions": len(pairs),
        "gold_stories": len(stories),
        "gold_pairs_all": gold_pairs_all,
        "gold_pairs": gold_pairs,
        "system_pairs": system_pairs,
        "shared_pairs": shared,
        "precision": round(precision, 4) if precision is not None else None,
        "recall": round(recall, 4) if recall is not None else None,
        "recall_end_to_end": round(shared / gold_pairs_all, 4) if gold_pairs_all else None,
        "missed_pairs": missed,
        "wrong_pairs": wrong,
    }


def gold_as_events(gold: Iterable[dict]) -> list[dict]:
    """Gold events as event records (for fusing the gold mentions themselves).

    Dates keep the gold's precision (`2024-03` -> month); the events of one sentence share
    its position, as coded events do.
    """
    import hashlib

    records, starts = [], {}
    for i, g in enumerate(gold):
        day = g.get("date") or None
        precision = {10: "day", 7: "month", 4: "year"}.get(len(day or ""))
        if day and precision == "month":
            day += "-01"
        elif day and precision == "year":
            day += "-01-01"
        key = f"{i}|{g['doc']}|{g['sentence']}|{g['event']}"
        records.append(
            {
                "event_id": "gold-" + hashlib.sha1(key.encode()).hexdigest()[:12],
                "doc_id": g["doc"],
                "sentence": g["sentence"],
                "start": starts.setdefault((g["doc"], g["sentence"]), len(starts)),
                "source": dict(g.get("source") or {}),
                "target": dict(g["target"]) if g.get("target") else None,
                "event_type": g["event"],
                "mode": g.get("mode") or None,
                "date": day,
                "date_precision": precision if day else None,
                "negated": bool(g.get("negated")),
                "hypothetical": bool(g.get("hypothetical")),
                "confidence": 1.0,
            }
        )
    return records


def score_fusion_on_gold(
    gold: Iterable[dict], documents: dict[str, tuple[str | None, str | None]], focus_docs: Iterable[str] | None = None
) -> dict:
    """Fusion alone: fuse the gold mentions (perfect coding) and score them against the stories.

    documents: id -> (published, outlet) of the documents the gold covers.
    """
    from dyadwatch.fusion import fuse_records

    gold = [g for g in gold if g["doc"] in documents]
    records = fuse_records(gold_as_events(gold), documents)
    return score_fusion(gold, records, focus_docs=focus_docs)


# -- claims ----------------------------------------------------------------------------------
# Gold format (one JSON object per line, documented in the README):
#   {"doc": id, "sentence": str, "speaker": {"name", "country", "sector"}, "content": str,
#    "stance": "assert"|"deny"|"admit"|"dispute", "claim_key": str}
#
# A system claim matches a gold claim when both come from the same document and sentence;
# within a document the pairs that agree most (speaker country, then content words) are
# matched first, each claim once. Stance and speaker accuracy are measured on matched
# claims. Claim keys are scored pairwise: every pair of matched gold claims is a positive
# when the gold gives them the same key, and is predicted positive when the system does;
# precision, recall and F1 over those pairs. The same figures over all gold claims (a
# missed claim shares a key with nothing) are reported as `claim_key_pairs_all_gold`.

CLAIM_STANCES = ("assert", "deny", "admit", "dispute")
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "and",
    "that",
    "was",
    "were",
    "is",
    "are",
    "had",
    "has",
    "have",
    "been",
    "be",
    "by",
    "for",
    "with",
    "at",
    "it",
    "its",
    "from",
    "as",
    "their",
    "his",
    "her",
}


@dataclass
class ClaimScores:
    counts: dict[str, int] = field(default_factory=dict)
    detection: dict[str, float] = field(default_factory=dict)
    stance_accuracy: float | None = None
    stance_confusion: dict[str, dict[str, int]] = field(default_factory=dict)  # gold -> system -> n
    speaker_country: float | None = None
    claim_key_pairs: dict[str, float] = field(default_factory=dict)
    claim_key_pairs_all_gold: dict[str, float] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong_stance: list[dict] = field(default_factory=list)
    key_errors: list[dict] = field(default_factory=list)  # pairs split or merged wrongly

    def to_dict(self) -> dict:
        return {
            "counts": self.counts,
            "detection": self.detection,
            "stance_accuracy": self.stance_accuracy,
            "stance_confusion": self.stance_confusion,
            "speaker_country": self.speaker_country,
            "claim_key_pairs": self.claim_key_pairs,
            "claim_key_pairs_all_gold": self.claim_key_pairs_all_gold,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
            "wrong_stance": self.wrong_stance,
            "key_errors": self.key_errors,
        }


def load_claims_gold(*paths: str | Path) -> list[dict]:
    """Gold claims from files or folders of .jsonl files; a malformed line is an error naming the line."""

    def stance_known(record: dict) -> str | None:
        if record["stance"] not in CLAIM_STANCES:
            return f"stance {record['stance']!r} is not one of {CLAIM_STANCES}"
        return None

    return _read_gold(paths, {"doc", "sentence", "speaker", "stance", "claim_key"}, stance_known)


def _content_words(text: str | None) -> set[str]:
    return {w for w in _words(text or "") if w not in _STOP}


def match_claims(gold: list[dict], system: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(matched gold/system pairs, missed gold claims, unmatched system claims).

    Candidates share a document and a sentence. Among the claims of one sentence (or of a
    group of sentences that candidates tie together) the matching with the most pairs, then
    the most agreement, wins: speaker country 2, speaker sector 0.5, the overlap (Jaccard) of
    the speaker's words 0.3, of the content words 1. Stance is not used, so it cannot help its
    own score.
    """
    by_doc: dict[str, list[dict]] = defaultdict(list)
    # The same claims give the same matching whatever order they come in (coded now, or read from a store).
    for claim in sorted(
        system,
        key=lambda c: (
            c.get("start") or 0,
            (c.get("speaker") or {}).get("country") or "",
            c.get("stance") or "",
            c.get("content") or "",
            c.get("claim_id") or "",
        ),
    ):
        by_doc[claim["doc_id"]].append(claim)
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["doc"]].append(g)
    pairs: list[tuple[dict, dict]] = []
    for doc, golds in gold_by_doc.items():
        systems = by_doc.get(doc, [])
        edges: dict[int, dict[int, float]] = defaultdict(dict)
        for gi, g in enumerate(golds):
            g_words = _content_words(g.get("content"))
            for si, s in enumerate(systems):
                if not same_sentence(s["sentence"], g["sentence"]):
                    continue
                s_words = _content_words(s.get("content"))
                overlap = len(g_words & s_words) / len(g_words | s_words) if g_words | s_words else 0.0
                gs, ss = g.get("speaker") or {}, s.get("speaker") or {}
                agree = 2.0 * (_country(ss) == _country(gs)) + 0.5 * (ss.get("sector") == gs.get("sector"))
                g_name, s_name = set(_words(gs.get("name") or "")), set(_words(ss.get("text") or ss.get("name") or ""))
                named = len(g_name & s_name) / len(g_name | s_name) if g_name | s_name else 0.0
                edges[gi][si] = agree + 0.3 * named + overlap
        for gi, si in _best_matching(edges):
            pairs.append((golds[gi], systems[si]))
    used_gold = {id(g) for g, _ in pairs}
    used_system = {id(s) for _, s in pairs}
    misses = [g for g in gold if id(g) not in used_gold]
    gold_docs = set(gold_by_doc)
    false_alarms = [s for s in system if s["doc_id"] in gold_docs and id(s) not in used_system]
    order = {id(g): i for i, g in enumerate(gold)}
    pairs.sort(key=lambda p: order[id(p[0])])
    return pairs, misses, false_alarms


def _best_matching(edges: dict[int, dict[int, float]]) -> list[tuple[int, int]]:
    """The matching with the most pairs, then the highest total weight, per connected group of candidates."""
    result: list[tuple[int, int]] = []
    seen: set[int] = set()
    for start in sorted(edges):
        if start in seen:
            continue
        golds, systems, frontier = set(), set(), [start]
        while frontier:  # the candidates tied to this gold claim, through shared candidates
            gi = frontier.pop()
            if gi in golds:
                continue
            golds.add(gi)
            for si in edges[gi]:
                systems.add(si)
                frontier += [g for g in edges if si in edges[g] and g not in golds]
        seen |= golds
        ordered = sorted(golds)
        if len(ordered) > 8:  # too many to try every matching: greedy, best pairs first
            taken_g, taken_s = set(), set()
            for _, gi, si in sorted(((w, g, s) for g in ordered for s, w in edges[g].items()), reverse=True):
                if gi not in taken_g and si not in taken_s:
                    taken_g.add(gi)
                    taken_s.add(si)
                    result.append((gi, si))
            continue
        result += _search_matching(ordered, edges, 0, frozenset())[2]
    return result


def _search_matching(ordered: list[int], edges: dict[int, dict[int, float]], i: int, used: frozenset):
    """(pairs, weight, matching) of the best matching of ordered[i:] avoiding the system claims used."""
    if i == len(ordered):
        return 0, 0.0, []
    best = _search_matching(ordered, edges, i + 1, used)  # this gold claim left unmatched
    for si, weight in edges[ordered[i]].items():
        if si in used:
            continue
        n, total, chosen = _search_matching(ordered, edges, i + 1, used | {si})
        if (n + 1, total + weight) > best[:2]:
            best = (n + 1, total + weight, [(ordered[i], si)] + chosen)
    return best


def _pair_scores(items: list[tuple[str, str | None]]) -> tuple[dict[str, float], list[tuple[int, int, str]]]:
    """Pairwise precision/recall/F1 of predicted keys against gold keys; items are (gold key, system key or None)."""
    tp = fp = fn = 0
    errors = []
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            gold_same = items[i][0] == items[j][0]
            system_same = items[i][1] is not None and items[i][1] == items[j][1]
            if gold_same and system_same:
                tp += 1
            elif system_same:
                fp += 1
                errors.append((i, j, "merged"))
            elif gold_same:
                fn += 1
                errors.append((i, j, "split"))
    return _prf(tp, fp, fn), errors


def score_claims(gold: Iterable[dict], system: Iterable[dict]) -> ClaimScores:
    """Claim detection, stance accuracy, speaker accuracy and pairwise claim-key F1 against gold claims."""
    gold = list(gold)
    gold_docs = {g["doc"] for g in gold}
    system = [c for c in system if c["doc_id"] in gold_docs]
    pairs, misses, false_alarms = match_claims(gold, system)
    result = ClaimScores()
    result.counts = {
        "gold": len(gold),
        "system": len(system),
        "matched": len(pairs),
        "missed": len(misses),
        "false_alarms": len(false_alarms),
    }
    result.detection = _prf(len(pairs), len(false_alarms), len(misses))
    if pairs:
        result.stance_accuracy = round(sum(g["stance"] == s["stance"] for g, s in pairs) / len(pairs), 4)
        result.speaker_country = round(
            sum(_country(g.get("speaker")) == _country(s.get("speaker")) for g, s in pairs) / len(pairs), 4
        )
    confusion: dict[str, dict[str, int]] = {}
    for g, s in pairs:
        row = confusion.setdefault(g["stance"], {})
        row[s["stance"]] = row.get(s["stance"], 0) + 1
    result.stance_confusion = confusion
    result.wrong_stance = [
        {
            "doc": g["doc"],
            "sentence": g["sentence"],
            "speaker": _country(g.get("speaker")),
            "gold": g["stance"],
            "system": s["stance"],
            "content": g.get("content"),
        }
        for g, s in pairs
        if g["stance"] != s["stance"]
    ]
    matched_items = [(g["claim_key"], s.get("claim_key")) for g, s in pairs]
    result.claim_key_pairs, errors = _pair_scores(matched_items)
    system_of = {id(g): s for g, s in pairs}
    all_items = [(g["claim_key"], (system_of[id(g)].get("claim_key") if id(g) in system_of else None)) for g in gold]
    result.claim_key_pairs_all_gold, _ = _pair_scores(all_items)
    for i, j, kind in errors:
        (g1, s1), (g2, s2) = pairs[i], pairs[j]
        result.key_errors.append(
            {
                "kind": kind,
                "gold_keys": [g1["claim_key"], g2["claim_key"]],
                "system_keys": [s1.get("claim_key"), s2.get("claim_key")],
                "docs": [g1["doc"], g2["doc"]],
                "contents": [s1.get("content"), s2.get("content")],
            }
        )
    result.misses = [
        {
            "doc": g["doc"],
            "sentence": g["sentence"],
            "speaker": _country(g.get("speaker")),
            "stance": g["stance"],
            "content": g.get("content"),
        }
        for g in misses
    ]
    result.false_alarms = [
        {
            "doc": s["doc_id"],
            "sentence": s["sentence"],
            "speaker": _country(s.get("speaker")),
            "stance": s["stance"],
            "content": s.get("content"),
        }
        for s in false_alarms
    ]
    return result
