"""The PLOVER ontology as shipped in data/plover.yaml: types, modes, quad classes, intensities, CAMEO codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Mode:
    name: str
    intensity: float
    cameo: str | None
    description: str = ""


@dataclass(frozen=True)
class EventType:
    name: str
    quad_class: int
    intensity: float
    cameo: str | None
    description: str
    modes: dict[str, Mode]


class Ontology:
    def __init__(self, data: dict) -> None:
        self.version = data.get("version")
        self.intensity_scale = data.get("intensity_scale")

        self.contexts: dict[str, str] = data.get("contexts", {}) or {}
        self.quad_classes = {int(k): v["name"] for k, v in data["quad_classes"].items()}
        self.types: dict[str, EventType] = {}
        for name, spec in data["types"].items():
            modes = {
                m: Mode(m, float(v["intensity"]), _code(v.get("cameo")), v.get("description", ""))
                for m, v in (spec.get("modes") or {}).items()
            }
            self.types[name] = EventType(
                name=name,
                quad_class=int(spec["quad_class"]),
                intensity=float(spec["intensity"]),
                cameo=_code(spec.get("cameo")),
                description=spec.get("description", ""),
                modes=modes,
            )

    def intensity(self, event_type: str, mode: str | None) -> float:
        kind = self.types[event_type]
        if mode and mode in kind.modes:
            return kind.modes[mode].intensity
        return kind.intensity

    def cameo(self, event_type: str, mode: str | None) -> str | None:
        kind = self.types[event_type]
        if mode and mode in kind.modes and kind.modes[mode].cameo:
            return kind.modes[mode].cameo
        return kind.cameo


def _code(value) -> str | None:
    return None if value is None else str(value)


@lru_cache(maxsize=4)
def load_ontology(path: str | None = None) -> Ontology:
    """The shipped ontology, or a user's replacement file in the same format."""
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = resources.files("dyadwatch").joinpath("data/plover.yaml").read_text(encoding="utf-8")
    return Ontology(yaml.safe_load(text))


def to_markdown(ontology: Ontology) -> str:
    """The ontology as a Markdown reference (docs/ontology.md is made with this)."""
    lines = [
        "# The PLOVER ontology in dyadwatch",
        "",
        "Generated from `src/dyadwatch/data/plover.yaml` by `python -m dyadwatch.events.ontology`;",
        "edit the YAML, not this page.",
        "",
        "## Intensity scale",
        "",
        " ".join(str(ontology.intensity_scale or "").split()),
        "",
        "## Event types and modes",
        "",
        "| type | quad class | intensity | CAMEO | mode | mode intensity | mode CAMEO |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in ontology.types.values():
        quad = f"{kind.quad_class} ({ontology.quad_classes[kind.quad_class]})"
        lines.append(f"| **{kind.name}** | {quad} | {kind.intensity:+.1f} | {kind.cameo or ''} | | | |")
        for mode in kind.modes.values():
            lines.append(f"| | | | | {mode.name} | {mode.intensity:+.1f} | {mode.cameo or ''} |")
    lines += ["", "## Contexts", ""]
    lines += [f"- **{name}**: {text}" for name, text in ontology.contexts.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(to_markdown(load_ontology()), end="")
