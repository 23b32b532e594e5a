"""User settings: a small TOML file that points dyadwatch at the user's own data files.

The file is the one named by the environment variable `DYADWATCH_SETTINGS`, else
`dyadwatch.toml` in the working directory; without either, everything is shipped data.

```toml
actors_file = "my_actors.yaml"     # extends and overrides the actor knowledge base
ontology_file = "my_plover.yaml"   # replaces the shipped ontology
lexicon_file = "my_lexicon.tsv"    # replaces the shipped event lexicon
```

Relative paths are taken relative to the folder of the settings file, so a project folder
can be moved or shared as a whole.
"""

from __future__ import annotations

import os
import tomllib
import warnings
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "DYADWATCH_SETTINGS"
FILE_NAME = "dyadwatch.toml"
PATH_KEYS = ("actors_file", "ontology_file", "lexicon_file")


class SettingsError(ValueError):
    """A settings file that is named but missing, or that is not valid TOML."""


@dataclass(frozen=True)
class UserSettings:
    """What the settings file says; None for what it leaves out."""

    path: str | None = None  # the settings file read, None when there is none
    actors_file: str | None = None
    ontology_file: str | None = None
    lexicon_file: str | None = None


def settings_path() -> Path | None:
    """The settings file in effect: $DYADWATCH_SETTINGS, else ./dyadwatch.toml when it exists."""
    named = os.environ.get(ENV_VAR)
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise SettingsError(f"{ENV_VAR}={named}: no such settings file")
        return path
    local = Path.cwd() / FILE_NAME
    return local if local.is_file() else None


def load_settings(path: str | Path | None = None) -> UserSettings:
    """Read the settings file (`path`, else the one in effect); empty settings when there is none."""
    path = Path(path) if path is not None else settings_path()
    if path is None:
        return UserSettings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    unknown = sorted(set(data) - set(PATH_KEYS))
    if unknown:
        warnings.warn(f"{path}: unknown settings {', '.join(unknown)} (known: {', '.join(PATH_KEYS)})", stacklevel=2)
    values = {}
    for key in PATH_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise SettingsError(f"{path}: {key} must be a path string")
        file = Path(value).expanduser()
        values[key] = str(file if file.is_absolute() else (path.parent / file))
    return UserSettings(path=str(path), **values)
