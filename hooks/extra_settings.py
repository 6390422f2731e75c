"""Settings under `extra:` in mkdocs.yml, checked against a small schema, with each error in plain words.

MkDocs' own messages for a wrong type read like "Expected type: (<class 'int'>,
<class 'float'>) but received: <class 'str'>". Each feature describes its
settings here as `Setting`s (the same rules as MkDocs' `config_options.Type`,
`Optional`, `ListOfItems` and `SubConfig`, without importing MkDocs, so the
features stay movable to another engine) and `check_settings` turns each
failure into a sentence naming the setting.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_REQUIRED = object()


@dataclass(frozen=True)
class Setting:
    """One setting: the types it may have, its default, and whether it may be left out."""

    types: tuple[type, ...] = (str,)
    default: Any = _REQUIRED
    optional: bool = False
    list_of_items: bool = False
    group: dict[str, Setting] | None = field(default=None)


class Settings(dict):
    """Checked settings, read as `settings.name` or `settings["name"]`."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def config_name(config_file: str | os.PathLike[str] | None) -> str:
    """The config file as people would type it: relative to the current folder when it is inside it."""
    if not config_file:
        return "mkdocs.yml"
    path = Path(config_file)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def expected_words(setting: Setting) -> str:
    """What a setting must be, in words, with an example."""
    if setting.list_of_items:
        return "a list, like [first, second]"
    if setting.group is not None:
        return "a set of settings, each on its own line below it"
    if setting.types == (bool,):
        return "true or false"
    if setting.types == (int,):
        return "a whole number, like 25"
    if set(setting.types) == {int, float}:
        return "a number, like 60"
    if setting.types == (str,):
        return "words, in quotes if they hold a colon"
    return "a different kind of value"


def shown(value: Any) -> str:
    """A value as it is written in YAML, for quoting back to the author."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a set of settings"
    return str(value)


def _checked(setting: Setting, value: Any) -> tuple[bool, Any]:
    """Whether `value` is right for `setting`, and the value to keep (the default in place of nothing)."""
    if setting.group is not None:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            return False, None
        values, problems = check_settings(setting.group, value, "")
        return not problems, values
    if value is None:
        if setting.default is not _REQUIRED:
            value = copy.copy(setting.default)
        elif setting.optional:
            return True, None
        else:
            return False, None
    if setting.list_of_items:
        return isinstance(value, list) and all(isinstance(item, setting.types) for item in value), value
    return isinstance(value, setting.types), value


def check_settings(schema: dict[str, Setting], raw: dict[str, Any], prefix: str) -> tuple[Settings, list[str]]:
    """The checked settings, with defaults filled in, and one plain sentence for each setting that is wrong."""
    problems = []
    for key in raw:
        if key not in schema:
            problems.append(f"'{prefix}.{key}' is not a setting we know. Check the spelling. "
                            f"The settings are: {', '.join(schema)}")
    values = Settings()
    for key, setting in schema.items():
        ok, value = _checked(setting, raw.get(key))
        values[key] = value
        if ok:
            continue
        if setting.group is not None and isinstance(raw.get(key), dict):
            continue  # The caller checks a set of settings inside a setting itself, naming the inner setting.
        if key not in raw:
            problems.append(f"'{prefix}.{key}' is missing. Add it: it must be {expected_words(setting)}")
            continue
        problems.append(f"'{prefix}.{key}' must be {expected_words(setting)}, not {shown(raw.get(key))}")
    return values, problems
