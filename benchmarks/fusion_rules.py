"""Does a fusion rule hold across document groups? Ablation by group, and rules chosen inside the folds.

`fusion_cv.py` cross-validates the thresholds; the rules (compatible types, swapped sides,
a visit and its hosting, ...) were written after reading all of dev's errors, so its
leave-one-group-out figure does not test them. This script does, on the gold mentions of
`gold/dev` (perfect coding, as `eval`'s "fusion alone"):

1. **Ablation**: each rule switched off alone, shipped thresholds; the pairs right, made
   and expected in each group (`ga`, `gb`, `gc`) and on the fresh set (`fr`, `fb`,
   `benchmarks/fusion_fresh/`, written after the rules). A rule that moves one group only
   was learnt from that group and is untested by the others.
2. **Rules in the folds**: every on/off combination of the rules named by `--cv-rules`
   (default: the four added last that are still in force), times the threshold grid
   of `fusion_cv.py`; for each group left out the best combination on the other two is
   scored on it (ties averaged). This estimates how far the whole procedure (rules and
   thresholds chosen on dev) travels, which is what the held-out figure measures.

A rule is switched off by replacing one function of `dyadwatch.fusion.core` by name for the
duration of a run (the replacements below; a renamed function fails loudly here).

    python benchmarks/fusion_rules.py                  # ablation and rules-in-folds CV
    python benchmarks/fusion_rules.py --no-cv          # ablation only
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from fusion_cv import FRESH, FRESH_PARTS, GROUPS, Bench, fmt, grid, prf

from dyadwatch.fusion import core
from dyadwatch.fusion.core import FusionConfig

_orig = {name: getattr(core, name) for name in ("_split", "threshold_for")}


def _split_always(component, mentions, edges, config, far=frozenset()):
    if len(component) < 2:
        return [sorted(component)]
    # The shipped _split keeps a component whole when all its pairs are compatible; asking it
    # with one pair made incompatible on the first check forces the greedy placement.
    calls = [0]
    real = core.compatible  # the rule set in force, with any other rule switched off

    def compatible(a, b, c):
        calls[0] += 1
        return False if calls[0] == 1 else real(a, b, c)

    core.compatible = compatible
    try:
        return _orig["_split"](component, mentions, edges, config, far)
    finally:
        core.compatible = real


def _no_swapped_days(a, b, config):
    same_sentence = a.doc_id == b.doc_id and a.start == b.start
    return (
        not same_sentence
        and a.hypothetical == b.hypothetical
        and core.types_compatible(a.event_type, b.event_type)
        and core.dates_compatible(a, b, config)
        and core.actors_compatible(a, b)
    )


def _no_dated_retelling(a, b, config):
    if a.doc_id != b.doc_id:
        return _orig["threshold_for"](a, b, config)
    threshold = config.threshold_same_document
    if a.mode and b.mode and a.mode != b.mode:
        threshold = max(threshold, config.threshold_other_mode)
    return threshold


def _actors_without(swap: bool, mediation: bool):
    def compatible(a, b):
        if core.straight(a, b):
            return True
        if mediation and a.mode in core.ANY_PARTY_MODES and b.mode == a.mode:
            return core.sides_compatible(a.source, b.source)
        if swap and a.event_type in core.SWAPPABLE_TYPES and b.event_type in core.SWAPPABLE_TYPES:
            return core.same_party(a.source, b.target) and core.same_party(a.target, b.source)
        return False

    return compatible


# Rule -> (config change, {core function: replacement}) that switches it off.
RULES: dict[str, tuple[dict, dict]] = {
    "same-mode threshold": ({"threshold_same_mode": None}, {}),
    "same-document threshold": ({"threshold_same_document": None}, {}),
    "dated retelling in one document": ({}, {"threshold_for": _no_dated_retelling}),
    "swappable sides": ({}, {"actors_compatible": _actors_without(swap=False, mediation=True)}),
    "mediation names either party": ({}, {"actors_compatible": _actors_without(swap=True, mediation=False)}),
    "compatible types": ({}, {"types_compatible": lambda a, b: a == b, "family": lambda t, h: ("H:" if h else "") + t}),
    "visit and host one meeting": ({}, {"converse": lambda a, b: False}),
    "target at any grain": (
        {},
        {
            "straight": lambda a, b: (
                core.sides_compatible(a.source, b.source) and core.sides_compatible(a.target, b.target)
            )
        },
    ),
    "swapped sides on two days": ({}, {"compatible": _no_swapped_days}),
    "compatible component stays whole": ({}, {"_split": _split_always}),
    "an undated recap's named span": ({}, {"recap_days": lambda sentence: 0}),
}
LAST_ROUND = (
    "visit and host one meeting",
    "target at any grain",
    "swapped sides on two days",
    "compatible component stays whole",
)


@contextlib.contextmanager
def off(names: tuple[str, ...]):
    """Switch the named rules off (their core functions replaced) for the duration of the block."""
    saved = {}
    try:
        for name in names:
            for fn, replacement in RULES[name][1].items():
                saved.setdefault(fn, getattr(core, fn))
                setattr(core, fn, replacement)
        yield
    finally:
        for fn, value in saved.items():
            setattr(core, fn, value)


def configured(config: FusionConfig, names: tuple[str, ...]) -> FusionConfig:
    """A knob set to None in RULES falls back to the plain threshold."""
    changes = {k: config.threshold for name in names for k in RULES[name][0]}
    return replace(config, **changes) if changes else config


def groups_line(counts, groups=GROUPS) -> str:
    return "  ".join(f"{g} {int(counts[g][2])}/{int(counts[g][0])}/{int(counts[g][1])}" for g in groups)


def cross_validate(tables: list) -> np.ndarray:
    """Leave one group out over every (rules, thresholds) configuration; ties averaged."""
    total = np.zeros(3)
    for held in GROUPS:
        train = [sum((t[g] for g in GROUPS if g != held), np.zeros(3)) + t["cross"] for t in tables]
        f1 = np.array([round(prf(c)[2], 9) for c in train])
        best = np.flatnonzero(f1 == f1.max())
        total += sum((tables[k][held] for k in best), np.zeros(3)) / len(best)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-cv", action="store_true", help="ablation only")
    ap.add_argument("--cv-rules", nargs="*", default=list(LAST_ROUND), help="rules chosen inside the folds")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "dyadwatch-fusion-cv.npz")
    args = ap.parse_args(argv)
    dev, fresh = Bench(["dev"], args.cache), Bench([FRESH], args.cache)
    base = FusionConfig()
    total = lambda c: sum((c[g] for g in (*GROUPS, "cross")), np.zeros(3))  # noqa: E731

    def line(label: str, config: FusionConfig) -> str:
        counts, fr = dev.counts(config), fresh.counts(config)
        return f"{label:42} {groups_line(counts)}  {groups_line(fr, FRESH_PARTS)}   dev {fmt(total(counts))}"

    print("pairs right/made/expected per group (fr, fb: the fresh set's two batches)")
    print(line("all rules", base))
    for name in RULES:
        with off((name,)):
            print(line("without " + name, configured(base, (name,))))
    if not args.no_cv:
        configs = grid(base)
        tables = []
        for k in range(len(args.cv_rules) + 1):
            for names in itertools.combinations(args.cv_rules, k):
                with off(names):
                    tables += [dev.counts(configured(c, names)) for c in configs]
        n = len(tables)
        print(f"leave-one-group-out, {len(args.cv_rules)} rules and the thresholds chosen in the folds ({n} configs):")
        print("dev CV     ", fmt(cross_validate(tables)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
