"""The hooks' layout (ARCHITECTURE.md): only the adapters talk to MkDocs, and every package is a plain import."""

from __future__ import annotations

import ast

import pytest

from conftest import PROJECT_DIR
from extra_settings import Setting, check_settings

HOOKS = PROJECT_DIR / "hooks"
# Entry points that run MkDocs themselves, named in ARCHITECTURE.md.
ENTRY_POINTS = {"hosting/offline_copy.py", "readability/__main__.py"}


def _imports_mkdocs(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
            [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
            return True
    return False


def test_only_the_adapters_and_the_named_entry_points_import_mkdocs() -> None:
    talking = sorted(path.relative_to(HOOKS).as_posix() for path in HOOKS.rglob("*.py")
                     if not path.name.endswith("_hook.py") and "vendor" not in path.parts
                     and _imports_mkdocs(path.read_text(encoding="utf-8")))
    assert [path for path in talking if path not in ENTRY_POINTS] == []


def test_adapters_sit_at_the_top_of_hooks_and_each_feature_is_a_package() -> None:
    assert sorted(path.name for path in HOOKS.rglob("*_hook.py") if path.parent != HOOKS) == []
    loose = sorted(path.name for path in HOOKS.glob("*.py") if not path.name.endswith("_hook.py"))
    assert loose == ["extra_settings.py"], "a feature's code goes in its own folder under hooks/"


@pytest.mark.parametrize(("raw", "values", "problems"), [
    ({}, {"words": "default", "number": None, "items": [], "flag": True}, ["'x.name' is missing. Add it: it must be words, in quotes if they hold a colon"]),
    ({"name": "A", "words": None, "flag": None}, {"name": "A", "words": "default", "flag": True}, []),
    ({"name": "A", "number": "six", "items": ["a", 2], "colour": "red"}, {},
     ["'x.colour' is not a setting we know. Check the spelling. The settings are: name, words, number, items, flag",
      "'x.number' must be a number, like 60, not \"six\"", "'x.items' must be a list, like [first, second], not a list"]),
])
def test_settings_are_checked_like_mkdocs_config_options(raw: dict, values: dict, problems: list[str]) -> None:
    schema = {"name": Setting(), "words": Setting(default="default"), "number": Setting((int, float), optional=True),
              "items": Setting(list_of_items=True, default=[]), "flag": Setting((bool,), default=True)}
    checked, found = check_settings(schema, raw, "x")
    assert found == problems
    assert {key: checked[key] for key in values} == values
