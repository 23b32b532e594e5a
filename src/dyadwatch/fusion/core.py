"""Fusion proper: which event mentions are reports of the same real-world event.

Pure functions over `Mention` records and their sentence embeddings; no database. The
store side (`dyadwatch.fusion.store`) decides which mentions to look at, this module
decides how they group.

Two mentions are linked when all of these hold (the method is documented in the README,
section "Fused events"):

1. **Kind**: both factual or both hypothetical (plans are kept apart from what happened);
   the same event type, or a pair listed in `COMPATIBLE_TYPES`. (This list and those of
   types, modes and sectors below are read from `data/fusion.yaml`.)
2. **Actors**: source with source is compatible (the same actor id, or the same country
   with a sector of the same kind: state GOV/MIL/LEG/JUD, armed REB/CRM, society
   OPP/POL/CVL/MED/EDU/REL/NGO/BUS, IGO; a missing country, sector or target, or the
   sector UNK, matches anything), and target with target is the same party (the same
   actor id or the same country, whatever the sector: reports name the side an act falls
   on at different grain, "closed the crossing to Afghanistan" and "to Afghan traders");
   a mediator's target may be either party, `ANY_PARTY_MODES`; for `SWAPPABLE_TYPES`
   (meetings, agreements, joint action, exchanges, clashes) the two sides may also be
   swapped, each side the same party at any grain (each report's source then meets the
   other's target, named at a grain of its own: "agreed to widen visas for Korean young
   workers"). A visit and a hosting (`VENUE_MODES`, from `converse_modes`) are one meeting told from its two
   ends, so they are one kind of act, and who travelled decides: the guest with the guest,
   the host with the host ("X visited Y" is "Y hosted X"; "Y visited X" is another trip).
   Two events of one sentence are never one event ("expelled the envoy and suspended
   trade" is two).
3. **Dates**: the intervals the mentions' dates stand for overlap, with `day_window` days
   of slack. A day stands for itself, a month for its days, a year for its days. A
   day-precision date equal to the publication date is what the coder gives a sentence
   with no date of its own ("has blamed"), so it stands for the `undated_days` days up
   to publication, a statement as any other act ("has lodged a formal protest" two days
   after "summoned the ambassador on Sunday to protest" retells it; whether it is a new
   one the dates cannot tell). A mention with no date at all is never linked. Sides swapped on two
   different explicit days are each side's own act ("Putin said on Thursday he was ready
   to meet", "Zelensky said on Friday he was ready"), except in a meeting or call
   (`JOINT_TYPES`), which happens to both at once and is dated from two capitals; with the
   same sides the day of slack stays, for one act dated a day apart (often by the coder).
4. **Evidence**: the cosine of the sentence embeddings (all-MiniLM-L6-v2) reaches
   `threshold`; `threshold_same_mode` across documents when both are of one kind
   (`same_kind`: the same PLOVER mode, a ruling, a troop deployment, or the same type
   when the ontology gives it no modes, an agreement: the kind of act already agrees, so a
   recap or a reaction told in other words is enough); `threshold_same_document` for two sentences of one document
   (an article that tells two requests or two attacks between the same parties usually
   means two events, so only near-restatements fuse), but `threshold` when they carry
   the same mode and one of them an explicit day (a dated lede and its elaboration; two
   undated sentences of one mode are a statement and its quote as often as one act told
   twice); `threshold_other_mode` at least when both carry a mode and the modes differ
   (the article's treaty suspension and its expulsion of advisers are two sanctions);
   `threshold_swapped` at least, when the sides are swapped in a type that is not mutual
   (an attack and the reprisal are two events; one clash blamed on each other is one).

Fused events are the connected components of these links, split where a component holds
two mentions that are not directly compatible (a month-precision report must not chain
two different days of that month into one event). The split is a deterministic function
of the component, so fusing documents in any order, all at once or a batch at a time,
gives the same groups.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import numpy as np
import yaml


def _load_rules() -> dict:
    """The type and actor lists of data/fusion.yaml."""
    text = resources.files("dyadwatch").joinpath("data/fusion.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


_RULES = _load_rules()
MUTUAL_TYPES = frozenset(_RULES["mutual_types"])
SWAPPABLE_TYPES = MUTUAL_TYPES | set(_RULES["swappable_types"])
JOINT_TYPES = frozenset(_RULES["joint_types"])
COMPATIBLE_TYPES = frozenset(frozenset(p) for p in _RULES["compatible_types"])
ANY_PARTY_MODES = frozenset(_RULES["any_party_modes"])
PERSON_MODES = frozenset(_RULES["person_modes"])
# converse_modes of data/fusion.yaml: mode -> (its pair, 0 when the source is the guest, 1 the host)
VENUE_MODES = {mode: (tuple(pair), k) for pair in _RULES["converse_modes"] for k, mode in enumerate(pair)}
SECTOR_KINDS = {sector: kind for kind, sectors in _RULES["sector_kinds"].items() for sector in sectors}
WILDCARD_SECTORS = frozenset({None, "", "UNK"})
# A date of the day in the sentence itself ("on Tuesday", "today", "June 25", "25 June").
DATE_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|"
    r"this (?:morning|afternoon|evening)|overnight|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
    r"\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2})",
    re.I,
)
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_SPANS = _RULES["recap_spans"]
# "two weeks after", "a month ago", "weeks after", "10 days earlier": (count, unit, plural s) of recap_spans.
RECAP_SPAN = re.compile(
    r"\b(?:(\d{1,3}|" + "|".join(sorted(map(re.escape, _SPANS["counts"]), key=len, reverse=True)) + r")\s+)?"
    r"(" + "|".join(map(re.escape, _SPANS["units"])) + r")(s?)\s+(?:" + "|".join(_SPANS["relations"]) + r")\b",
    re.I,
)


def recap_days(sentence: str) -> int:
    """How far back the longest span the sentence names reaches ("weeks after": `bare` weeks; 0: none)."""
    days = 0
    for count, unit, plural in RECAP_SPAN.findall(sentence):
        if count:
            n = int(count) if count.isdigit() else _SPANS["counts"][count.lower()]
        elif plural:
            n = _SPANS["bare"]
        else:  # "the week before": no count and no plural, not a span
            continue
        days = max(days, n * _SPANS["units"][unit.lower()])
    return days


@lru_cache(maxsize=64)
def has_modes(event_type: str) -> bool:
    """True for the types the shipped ontology divides into modes (AGREE, SUPPORT, CONCEDE, COOPERATE have none)."""
    from dyadwatch.events.ontology import load_ontology

    kind = load_ontology().types.get(event_type)
    return kind is None or bool(kind.modes)


def same_kind(a: Mention, b: Mention) -> bool:
    """The same kind of act as far as the ontology tells: the same mode, or one undivided type.

    An agreement has no finer kind than AGREE, so two agreements agree on kind as two
    rulings (SANCTION/convict) do; a CONSULT without a mode is of no known kind.
    """
    if a.mode or b.mode:
        return a.mode == b.mode or converse(a, b)
    return a.event_type == b.event_type and not has_modes(a.event_type)


def converse(a: Mention, b: Mention) -> bool:
    """Two modes that tell one meeting from its two ends (a visit and its hosting)."""
    return a.mode in VENUE_MODES and b.mode in VENUE_MODES and VENUE_MODES[a.mode][0] == VENUE_MODES[b.mode][0]


def venue_roles(m: Mention) -> tuple[Side | None, Side | None]:
    """(guest, host) of a visit or a hosting."""
    return (m.source, m.target) if VENUE_MODES[m.mode][1] == 0 else (m.target, m.source)


@dataclass(frozen=True)
class FusionConfig:
    """The knobs of fusion, with the values tuned on the development set (README)."""

    threshold: float = 0.45
    threshold_same_mode: float = 0.30
    threshold_other_mode: float = 0.55
    threshold_same_document: float = 0.80
    threshold_swapped: float = 0.45
    day_window: int = 1
    undated_days: int = 7

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Side:
    actor_id: str | None
    name: str | None
    country: str | None  # IGO organs folded into their organisation (UNSC -> UN)
    sector: str | None
    raw_country: str | None = None  # as coded

    @property
    def known(self) -> bool:
        # An actor the resolver could not identify (no actor id, sector UNK) has a country guessed
        # from the sentence's places ("Lena Vogt", arrested in Istanbul, as TUR): it names no side.
        return bool(self.actor_id or (self.country and self.sector != "UNK"))


@dataclass(frozen=True)
class Mention:
    """What fusion needs of one coded event mention."""

    event_id: str
    doc_id: str
    start: int
    sentence: str
    event_type: str
    mode: str | None
    source: Side
    target: Side | None
    date: date | None
    precision: str | None
    negated: bool
    hypothetical: bool
    quad_class: int | None
    intensity: float | None
    cameo_code: str | None
    confidence: float
    published: date | None
    outlet: str | None

    @property
    def undated(self) -> bool:
        """A day-precision date that is just the publication date: the sentence gave none."""
        return (
            self.precision == "day"
            and self.date is not None
            and self.date == self.published
            and not DATE_WORDS.search(self.sentence)
        )

    @property
    def explicit_day(self) -> bool:
        return self.precision == "day" and self.date is not None and not self.undated

    def interval(self, config: FusionConfig) -> tuple[date, date] | None:
        """The days this mention's date stands for."""
        if self.date is None:
            return None
        if self.undated:
            return self.date - timedelta(days=config.undated_days + recap_days(self.sentence)), self.date
        if self.precision == "month":
            first = self.date.replace(day=1)
            last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
            return first, last
        if self.precision == "year":
            return self.date.replace(month=1, day=1), self.date.replace(month=12, day=31)
        return self.date, self.date

    @property
    def order_key(self) -> tuple:
        """Reports in the order they came out (then by document and position): for ids and summaries."""
        return (self.published or date.max, self.doc_id, self.start, self.event_id)

    def countries(self) -> list[str]:
        sides = [self.source] + ([self.target] if self.target else [])
        return sorted({s.country or s.actor_id for s in sides if s.known})


def family(event_type: str, hypothetical: bool) -> str:
    """The blocking key of a type: compatible types share one; plans are a block of their own."""
    members = {event_type}
    for pair in COMPATIBLE_TYPES:
        if event_type in pair:
            members |= pair
    return ("H:" if hypothetical else "") + min(members)


def types_compatible(a: str, b: str) -> bool:
    return a == b or frozenset((a, b)) in COMPATIBLE_TYPES


def same_party(a: Side | None, b: Side | None) -> bool:
    """The same actor or the same country, at any grain; a side not named matches anything."""
    if a is None or b is None or not a.known or not b.known:
        return True
    if a.actor_id and b.actor_id and a.actor_id == b.actor_id:
        return True
    return not (a.country and b.country and a.country != b.country)


def sides_compatible(a: Side | None, b: Side | None) -> bool:
    """The same party with a sector of the same kind (who acted: the army and the police are the state)."""
    if not same_party(a, b):
        return False
    if a is None or b is None or not a.known or not b.known or (a.actor_id and a.actor_id == b.actor_id):
        return True
    if a.sector in WILDCARD_SECTORS or b.sector in WILDCARD_SECTORS or a.sector == b.sector:
        return True
    return SECTOR_KINDS.get(a.sector, a.sector) == SECTOR_KINDS.get(b.sector, b.sector)


def straight(a: Mention, b: Mention) -> bool:
    """Source with source (same kind of sector) and target with target (the same party)."""
    return sides_compatible(a.source, b.source) and same_party(a.target, b.target)


def actors_compatible(a: Mention, b: Mention) -> bool:
    if converse(a, b):  # who travelled decides, whichever end tells it
        (guest_a, host_a), (guest_b, host_b) = venue_roles(a), venue_roles(b)
        return same_party(guest_a, guest_b) and same_party(host_a, host_b)
    if straight(a, b):
        return True
    if a.mode in ANY_PARTY_MODES and b.mode == a.mode and sides_compatible(a.source, b.source):
        return True
    if a.event_type in SWAPPABLE_TYPES and b.event_type in SWAPPABLE_TYPES:
        return same_party(a.source, b.target) and same_party(a.target, b.source)
    return False


def swapped(a: Mention, b: Mention) -> bool:
    """True when b tells a's event with the sides the other way round."""
    return not straight(a, b) and actors_compatible(a, b)


def dates_compatible(a: Mention, b: Mention, config: FusionConfig) -> bool:
    ia, ib = a.interval(config), b.interval(config)
    if ia is None or ib is None:
        return False
    slack = timedelta(days=config.day_window)
    return ia[0] <= ib[1] + slack and ib[0] <= ia[1] + slack


def compatible(a: Mention, b: Mention, config: FusionConfig) -> bool:
    """Everything but the evidence: kind, type, actors and dates; never two events of one sentence."""
    return (
        not (a.doc_id == b.doc_id and a.start == b.start)
        and a.hypothetical == b.hypothetical
        and types_compatible(a.event_type, b.event_type)
        and dates_compatible(a, b, config)
        and actors_compatible(a, b)
        and not (a.explicit_day and b.explicit_day and a.date != b.date and own_acts(a, b))
    )


def own_acts(a: Mention, b: Mention) -> bool:
    """Sides swapped in an act each side can do alone: on two different days, two acts."""
    return swapped(a, b) and not (a.event_type in JOINT_TYPES and b.event_type in JOINT_TYPES)


def threshold_for(a: Mention, b: Mention, config: FusionConfig) -> float:
    """The cosine two compatible mentions need: lower when structured evidence already agrees."""
    same_mode = bool(a.mode) and (a.mode == b.mode or converse(a, b))  # a visit and its hosting: one act
    if a.doc_id == b.doc_id:
        dated_retelling = same_mode and (a.explicit_day or b.explicit_day)
        threshold = config.threshold if dated_retelling else config.threshold_same_document
    else:
        threshold = config.threshold_same_mode if same_kind(a, b) else config.threshold
    if a.mode and b.mode and a.mode != b.mode and not converse(a, b):
        threshold = max(threshold, config.threshold_other_mode)
    if a.mode in PERSON_MODES and b.mode in PERSON_MODES and not sides_compatible(a.target, b.target):
        threshold = max(threshold, config.threshold_other_mode)  # a teacher and a soldier: two arrests
    if not (a.event_type in MUTUAL_TYPES and b.event_type in MUTUAL_TYPES) and swapped(a, b):
        threshold = max(threshold, config.threshold_swapped)
    return threshold


# -- grouping -----------------------------------------------------------------------------------


@dataclass
class Group:
    fused_id: str
    component_id: str
    mentions: list[Mention]


def candidate_pairs(mentions: Sequence[Mention], config: FusionConfig) -> set[tuple[int, int]]:
    """Index pairs worth comparing: same type family and a shared country, dates within reach.

    Blocking by (family, country) and a sweep over date intervals keeps this near-linear in
    the number of mentions for news spread over time and countries.
    """
    blocks: dict[tuple[str, str], list[tuple[date, date, int]]] = defaultdict(list)
    for i, m in enumerate(mentions):
        interval = m.interval(config)
        if interval is None:
            continue
        for country in m.countries() or ["?"]:
            blocks[(family(m.event_type, m.hypothetical), country)].append((interval[0], interval[1], i))
    slack = timedelta(days=config.day_window)
    pairs: set[tuple[int, int]] = set()
    for items in blocks.values():
        items.sort()
        for k, (_, hi, i) in enumerate(items):
            for lo2, _, j in items[k + 1 :]:
                if lo2 > hi + slack:
                    break
                pairs.add((min(i, j), max(i, j)))
    return pairs


Vectors = Mapping[str, np.ndarray] | Callable[[list[Mention]], Mapping[str, np.ndarray]]


def link(
    mentions: Sequence[Mention], vectors: Vectors, config: FusionConfig
) -> tuple[dict[int, dict[int, float]], set[frozenset[int]]]:
    """The links between mentions (index -> index -> cosine), and the pairs of one article too far apart.

    Two compatible sentences of one article whose cosine stays under the loosest link
    fusion makes anywhere (`threshold_same_mode`) tell two acts ("agreed to sell power",
    "also agreed to set up a committee on fish"): `_split` keeps them in two groups even
    when another outlet's report is linked to both.

    vectors: the embeddings by event id, or a function that gives them for a list of
    mentions; it is asked only for mentions that have a compatible candidate, so a report
    with nothing to be fused with is never embedded.
    """
    pairs = [
        (i, j) for i, j in sorted(candidate_pairs(mentions, config)) if compatible(mentions[i], mentions[j], config)
    ]
    if callable(vectors):
        vectors = vectors([mentions[i] for i in sorted({i for pair in pairs for i in pair})])
    edges: dict[int, dict[int, float]] = defaultdict(dict)
    far: set[frozenset[int]] = set()
    for i, j in pairs:
        a, b = mentions[i], mentions[j]
        cos = float(np.dot(vectors[a.event_id], vectors[b.event_id]))
        if cos >= threshold_for(a, b, config):
            edges[i][j] = edges[j][i] = cos
        elif a.doc_id == b.doc_id and cos < config.threshold_same_mode:
            far.add(frozenset((i, j)))
    return edges, far


def group(mentions: Sequence[Mention], vectors: Vectors, config: FusionConfig) -> list[Group]:
    """Fuse mentions into groups; every mention ends up in exactly one group."""
    mentions = sorted(mentions, key=lambda m: m.event_id)  # the result must not depend on input order
    edges, far = link(mentions, vectors, config)
    seen: set[int] = set()
    groups: list[Group] = []
    for start in range(len(mentions)):
        if start in seen:
            continue
        component, stack = [], [start]
        seen.add(start)
        while stack:
            i = stack.pop()
            component.append(i)
            for j in edges.get(i, ()):
                if j not in seen:
                    seen.add(j)
                    stack.append(j)
        component_id = min(mentions[i].event_id for i in component)
        for members in _split(component, mentions, edges, config, far):
            chosen = [mentions[i] for i in members]
            first = min(chosen, key=lambda m: m.order_key)
            groups.append(Group(fused_id=fused_id_for(first.event_id), component_id=component_id, mentions=chosen))
    return groups


def fused_id_for(event_id: str) -> str:
    """A fused event is named after its first report, so later reports do not rename it."""
    return "F" + hashlib.sha1(event_id.encode()).hexdigest()[:15]


def _split(
    component: list[int], mentions: Sequence[Mention], edges, config: FusionConfig, far=frozenset()
) -> list[list[int]]:
    """Break a component where it holds mentions that cannot be one event.

    A component whose mentions are all compatible with one another stays whole (a lede and
    its article's elaboration, too different to be linked inside one document, are one
    event when another outlet's report matches both), unless two sentences of one article
    in it are `far` (under the same-kind cosine: two acts of one article). Otherwise
    mentions are placed most precise first (explicit days, then months, years, publication
    dates; among equals the one with the strongest link first, so the clearest report
    anchors a group), each into the cluster it is linked to most strongly among those it
    fits in full, or into a cluster of its own.
    """

    def fits(i: int, j: int) -> bool:
        return compatible(mentions[i], mentions[j], config) and frozenset((i, j)) not in far

    if all(fits(i, j) for k, i in enumerate(component) for j in component[k + 1 :]):
        return [sorted(component)]

    def rank(i: int) -> tuple:
        m = mentions[i]
        precision = 0 if m.explicit_day else 4 - PRECISION_RANK.get(m.precision or "", 0)
        strongest = max(edges.get(i, {}).values(), default=0.0)  # among equals, the surest report first
        return (precision, -strongest, m.date or date.max, m.event_id)

    clusters: list[list[int]] = []
    for i in sorted(component, key=rank):
        best, best_score = None, -1.0
        for cluster in clusters:
            linked = [edges[i][j] for j in cluster if j in edges.get(i, {})]
            if not linked or not all(fits(i, j) for j in cluster):
                continue
            if max(linked) > best_score:
                best, best_score = cluster, max(linked)
        if best is None:
            clusters.append([i])
        else:
            best.append(i)
    return [sorted(c) for c in clusters]


# -- what a fused event says --------------------------------------------------------------------


def summarize(g: Group) -> dict:
    """The fused event: type, actors, best-supported date, counts, first and last report, conflicts."""
    ms = sorted(g.mentions, key=lambda m: m.order_key)
    event_type = _most_common([m.event_type for m in ms], ms)
    typed = [m for m in ms if m.event_type == event_type]
    lead = max(typed, key=lambda m: (_precision_score(m), m.confidence, [-x for x in _key_ints(m)]))
    oriented = [(m, swapped(lead, m)) for m in ms]
    source = _side_vote([m.target if sw else m.source for m, sw in oriented])
    target = _side_vote([m.source if sw else m.target for m, sw in oriented])
    day, precision = best_date(ms)
    docs = {m.doc_id for m in ms}
    outlets = sorted({m.outlet or f"(document {m.doc_id})" for m in ms})
    reports = [m.published for m in ms if m.published]
    negated_docs = {m.doc_id for m in ms if m.negated}
    conflicts = find_conflicts(ms)
    mode = _most_common([m.mode for m in typed if m.mode], typed) if any(m.mode for m in typed) else None
    return {
        "fused_id": g.fused_id,
        "component_id": g.component_id,
        "event_type": event_type,
        "mode": mode,
        "source": source,
        "target": target,
        "date": day.isoformat() if day else None,
        "date_precision": precision,
        "negated": len(negated_docs) * 2 > len(docs),
        "hypothetical": ms[0].hypothetical,
        "quad_class": lead.quad_class,
        "intensity": lead.intensity,
        "cameo_code": lead.cameo_code,
        "confidence": max(m.confidence for m in ms),
        "n_mentions": len(ms),
        "n_documents": len(docs),
        "n_outlets": len(outlets),
        "outlets": outlets,
        "first_report": min(reports).isoformat() if reports else None,
        "last_report": max(reports).isoformat() if reports else None,
        "first_doc_id": ms[0].doc_id,
        "sentence": lead.sentence,
        "flagged": bool(conflicts),
        "conflicts": conflicts,
        "mentions": [m.event_id for m in ms],
    }


def _key_ints(m: Mention) -> list[int]:
    return [m.published.toordinal() if m.published else 0, m.start]


def _precision_score(m: Mention) -> int:
    return 4 if m.explicit_day else PRECISION_RANK.get(m.precision or "", 0)


def _most_common(values: list, ms: list[Mention]):
    counts = Counter(values)
    top = max(counts.values())
    for v in values:  # ties: the earliest report's
        if counts[v] == top:
            return v
    return None


def _side_vote(sides: list[Side | None]) -> dict | None:
    known = [s for s in sides if s is not None and (s.actor_id or s.country)]  # a guessed country is still shown
    if not known:
        return None
    counts = Counter((s.raw_country or s.country, s.sector, s.actor_id) for s in known)
    top = max(counts.values())
    for s in known:  # prefer a specific sector and a resolved actor among the most frequent
        if counts[(s.raw_country or s.country, s.sector, s.actor_id)] == top:
            best = s
            break
    for s in known:
        same_country = (s.raw_country or s.country) == (best.raw_country or best.country)
        if same_country and counts[(s.raw_country or s.country, s.sector, s.actor_id)] == top and s.actor_id:
            best = s
            break
    return {
        "actor_id": best.actor_id,
        "name": best.name,
        "country": best.raw_country or best.country,
        "sector": best.sector,
    }


def best_date(ms: Sequence[Mention]) -> tuple[date | None, str | None]:
    """The most precise date the reports support.

    Explicit days first (the most frequent; ties go to the earliest day); else months, then
    years; publication-day defaults only when nothing else dates the event (the earliest).
    """
    explicit = [m.date for m in ms if m.explicit_day]
    if explicit:
        return _mode_earliest(explicit), "day"
    for precision in ("month", "year"):
        values = [m.date for m in ms if m.precision == precision and m.date]
        if values:
            return _mode_earliest(values), precision
    undated = [m.date for m in ms if m.undated]
    if undated:
        return min(undated), "day"
    return None, None


def _mode_earliest(values: list[date]) -> date:
    counts = Counter(values)
    top = max(counts.values())
    return min(v for v in values if counts[v] == top)


# -- conflicts ----------------------------------------------------------------------------------


def find_conflicts(ms: Sequence[Mention]) -> list[dict]:
    """Where the reports of one event disagree: negation, explicit dates, numbers.

    Each conflict lists the competing values with the reports (event ids, documents) that
    give them; nothing is averaged away.
    """
    out = []
    if len({m.negated for m in ms}) > 1:
        out.append(
            _conflict(
                "negation",
                {"did not happen": [m for m in ms if m.negated], "happened": [m for m in ms if not m.negated]},
            )
        )
    days: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        if m.explicit_day:
            days[m.date.isoformat()].append(m)
    if len(days) > 1:
        out.append(_conflict("date", days))
    numbers: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m in ms:
        for unit, value in quantities(m.sentence).items():
            numbers[unit][_fmt_number(value)].append(m)
    for unit in sorted(numbers):
        by_value = numbers[unit]
        docs_with = {m.doc_id for v in by_value.values() for m in v}
        if len(by_value) > 1 and len(docs_with) > 1:
            out.append(_conflict("number", by_value, about=unit))
    return out


def _conflict(kind: str, values: Mapping[str, list[Mention]], about: str | None = None) -> dict:
    item = {"kind": kind}
    if about:
        item["about"] = about
    item["values"] = [
        {
            "value": value,
            "event_ids": [m.event_id for m in sorted(ms, key=lambda m: m.order_key)],
            "doc_ids": sorted({m.doc_id for m in ms}),
        }
        for value, ms in sorted(values.items())
    ]
    return item


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_QUANTITY = re.compile(
    r"(?P<cur>(?:[A-Z]{1,3})?[$€£¥]|\b(?:US|C|A)\$)?\s?(?P<num>\b" + _NUM + r")\b"
    r"(?:[\s-]+(?P<scale>thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:\s*(?P<pct>%|per ?cent|percent))?"
    r"(?P<rest>(?:[\s-]+[A-Za-z][\w'’-]*){0,3})",
    re.I,
)
_SKIP_NOUNS = {
    "of",
    "a",
    "the",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "than",
    "more",
    "about",
    "some",
    "nearly",
    "almost",
    "around",
    "up",
    "over",
    "under",
    "as",
    "per",
    "its",
    "their",
    "his",
    "her",
    "new",
    "other",
    "others",
    "worth",
    "people's",
}
_TIME_UNITS = {
    "day",
    "week",
    "month",
    "year",
    "hour",
    "minute",
    "second",
    "decade",
    "a.m",
    "p.m",
    "am",
    "pm",
    "o'clock",
    "time",
}


@lru_cache(maxsize=20_000)
def quantities(sentence: str) -> dict[str, float]:
    """Counted things in a sentence: {'driver': 2, 'money': 3e10, 'percent': 25}.

    Dates, times, years and durations are left out; the key is the thing counted (the next
    content word, singular), 'money' for currency amounts and 'percent' for percentages.
    A key seen twice in a sentence with different values is dropped (ambiguous).
    """
    found: dict[str, set[float]] = defaultdict(set)
    for match in _QUANTITY.finditer(sentence):
        num = match["num"]
        before = sentence[max(0, match.start("num") - 12) : match.start("num")].lower()
        after = sentence[match.end("num") : match.end("num") + 3]
        if after.startswith(":") or re.search(r"\b(" + "|".join(MONTHS) + r")[a-z]*\.?\s*$", before):
            continue  # 12:01, June 25
        value = _number(num)
        if value is None:
            continue
        if match["scale"]:
            value *= SCALES[match["scale"].lower()]
        # The thing counted: the first lower-case content word ("five Indian jets" -> jet).
        rest = [w.strip("'’-") for w in re.findall(r"[A-Za-z][\w'’-]*", match["rest"] or "") if not w[0].isupper()]
        if match["cur"]:
            key = "money"
        elif match["pct"]:
            key = "percent"
        else:
            nouns = [w for w in rest if w not in _SKIP_NOUNS]
            if not nouns:
                continue
            key = nouns[0]
            if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
                key = key[:-1]
            if (
                key in _TIME_UNITS
                or key.rstrip("s") in _TIME_UNITS
                or key[:3] in MONTHS
                or (value >= 1900 and value <= 2100 and num.isdigit() and len(num) == 4)
            ):
                continue
        if num.isdigit() and len(num) == 4 and 1900 <= value <= 2100 and not match["cur"]:
            continue  # a year
        found[key].add(value)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _number(text: str) -> float | None:
    t = text.lower().replace(",", "")
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


# -- from records -------------------------------------------------------------------------------

_FAMILIES: dict[str, str] | None = None


def fold_country(code: str | None) -> str | None:
    """IGO organs fold into their organisation (UNSC -> UN), as in the event scorer."""
    global _FAMILIES
    if not code:
        return None
    if _FAMILIES is None:
        from dyadwatch.actors.kb import igo_families

        _FAMILIES = igo_families()
    return _FAMILIES.get(code, code)


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def side_from(actor: Mapping | None) -> Side | None:
    if not actor:
        return None
    return Side(
        actor.get("actor_id"),
        actor.get("name") or actor.get("text"),
        fold_country(actor.get("country")),
        actor.get("sector"),
        actor.get("country"),
    )


def mention_from_record(record: Mapping, published=None, outlet: str | None = None) -> Mention:
    """A DESIGN.md event record (nested source/target) -> Mention."""
    return Mention(
        event_id=record["event_id"],
        doc_id=record["doc_id"],
        start=record.get("start") or 0,
        sentence=record["sentence"] or "",
        event_type=record["event_type"],
        mode=record.get("mode"),
        source=side_from(record.get("source")) or Side(None, None, None, None),
        target=side_from(record.get("target")),
        date=_as_date(record.get("date")),
        precision=record.get("date_precision"),
        negated=bool(record.get("negated")),
        hypothetical=bool(record.get("hypothetical")),
        quad_class=record.get("quad_class"),
        intensity=record.get("intensity"),
        cameo_code=record.get("cameo_code"),
        confidence=record.get("confidence") or 0.0,
        published=_as_date(published),
        outlet=outlet,
    )


@dataclass
class Fusion:
    """The result of fusing a set of mentions: groups, and the fused id of each mention."""

    groups: list[Group] = field(default_factory=list)

    @property
    def fused_ids(self) -> dict[str, str]:
        return {m.event_id: g.fused_id for g in self.groups for m in g.mentions}

    def events(self) -> list[dict]:
        return [summarize(g) for g in self.groups]


def fuse_mentions(
    mentions: Iterable[Mention], config: FusionConfig | None = None, vectors: Mapping[str, np.ndarray] | None = None
) -> Fusion:
    """Fuse mentions held in memory (embedding the sentences that need it unless vectors are given)."""
    config = config or FusionConfig()
    return Fusion(group(list(mentions), vectors if vectors is not None else embed_mentions, config))


def embed_mentions(mentions: Sequence[Mention]) -> dict[str, np.ndarray]:
    """One embedding per mention, each distinct sentence embedded once."""
    from dyadwatch.embeddings import embed

    sentences = sorted({m.sentence for m in mentions})
    by_sentence = dict(zip(sentences, embed(sentences), strict=True))
    return {m.event_id: by_sentence[m.sentence] for m in mentions}


def fuse_records(records: list[dict], documents: Mapping[str, tuple], config: FusionConfig | None = None) -> list[dict]:
    """Fuse event records in memory: sets each record's `fused_id` (and returns the records).

    documents: doc id -> (published, outlet), for the first and last report and the outlets.
    """
    mentions = []
    for r in records:
        published, outlet = documents.get(r["doc_id"], (None, None))[:2]
        mentions.append(mention_from_record(r, published, outlet))
    ids = fuse_mentions(mentions, config).fused_ids
    for r in records:
        r["fused_id"] = ids.get(r["event_id"])
    return records
