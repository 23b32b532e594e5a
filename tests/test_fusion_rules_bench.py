"""benchmarks/fusion_rules.py switches fusion rules off by replacing core functions by name:
a renamed function or knob must fail here, not silently leave a rule on."""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fusion_rules  # noqa: E402

from dyadwatch.fusion import core  # noqa: E402
from dyadwatch.fusion.core import FusionConfig  # noqa: E402


def test_every_rule_names_a_core_function_or_knob():
    knobs = {f.name for f in fields(FusionConfig)}
    for name, (config_changes, replaced) in fusion_rules.RULES.items():
        assert config_changes or replaced, name
        assert set(config_changes) <= knobs, name
        for fn in replaced:
            assert callable(getattr(core, fn)), (name, fn)
    assert set(fusion_rules.LAST_ROUND) <= set(fusion_rules.RULES)


def mention_of(mode: str) -> core.Mention:
    side = core.Side(None, None, "KEN", "GOV")
    return core.Mention(
        "e",
        "d",
        0,
        "Kenya met Ethiopia.",
        "CONSULT",
        mode,
        side,
        side,
        None,
        None,
        False,
        False,
        1,
        1.0,
        None,
        0.9,
        None,
        None,
    )


def test_a_rule_is_off_inside_the_block_and_back_after():
    assert core.types_compatible("ACCUSE", "PROTEST")
    visit = mention_of("visit")
    assert core.converse(visit, mention_of("host"))
    with fusion_rules.off(("compatible types", "visit and host one meeting")):
        assert not core.types_compatible("ACCUSE", "PROTEST")
        assert not core.converse(visit, mention_of("host"))
    assert core.types_compatible("ACCUSE", "PROTEST")
    assert core.converse(visit, mention_of("host"))


def test_a_threshold_rule_falls_back_to_the_plain_threshold():
    config = fusion_rules.configured(FusionConfig(), ("same-mode threshold",))
    assert config.threshold_same_mode == config.threshold
    assert fusion_rules.configured(FusionConfig(), ()) == FusionConfig()
