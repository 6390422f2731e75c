"""Settings errors in plain words, naming the real config file, for every hook that has settings under `extra:`.

MkDocs' own messages for a wrong type read like "Expected type: (<class 'int'>,
<class 'float'>) but received: <class 'str'>". The hooks validate with MkDocs'
`Config` classes (house style) and turn each failure into a sentence here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c


def config_name(config_file: str | os.PathLike[str] | None) -> str:
    """The config file as people would type it: relative to the current folder when it is inside it."""
    if not config_file:
        return "mkdocs.yml"
    path = Path(config_file)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def expected_words(option: Any) -> str:
    """What a setting must be, in words, with an example."""
    if isinstance(option, c.Optional):
        return expected_words(option.option)
    if isinstance(option, c.ListOfItems):
        return "a list, like [first, second]"
    if isinstance(option, c.SubConfig):
        return "a set of settings, each on its own line below it"
    if isinstance(option, c.Type):
        types = option._type if isinstance(option._type, tuple) else (option._type,)
        if types == (bool,):
            return "true or false"
        if types == (int,):
            return "a whole number, like 25"
        if set(types) == {int, float}:
            return "a number, like 60"
        if types == (str,):
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


def setting_problems(settings: base.Config, raw: dict[str, Any], prefix: str) -> list[str]:
    """Validate `raw` into `settings`; one plain sentence for each setting that is wrong."""
    schema = dict(settings._schema)
    problems = []
    for key in raw:
        if key not in schema:
            problems.append(f"'{prefix}.{key}' is not a setting we know. Check the spelling. "
                            f"The settings are: {', '.join(schema)}")
    settings.load_dict({key: value for key, value in raw.items() if key in schema})
    failed, _warnings = settings.validate()
    for key, _error in failed:
        if isinstance(schema.get(key), c.SubConfig) and isinstance(raw.get(key), dict):
            continue  # The caller checks a set of settings inside a setting itself, naming the inner setting.
        if key not in raw:
            problems.append(f"'{prefix}.{key}' is missing. Add it: it must be {expected_words(schema.get(key))}")
            continue
        problems.append(f"'{prefix}.{key}' must be {expected_words(schema.get(key))}, not {shown(raw.get(key))}")
    return problems
