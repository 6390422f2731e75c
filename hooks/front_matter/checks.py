"""Each page's YAML front matter: parsed, and its course fields (`module`, `session`, `time`) checked.

MkDocs turns front matter that is not valid YAML into page text with no message,
so the build reads the front matter itself and stops with the file, the line and
how to fix it. Everything here takes text and returns messages; `front_matter_hook.py`
is the MkDocs glue.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

import yaml

# The same pattern MkDocs uses to find front matter (mkdocs/utils/meta.py).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
MODULE_COUNT = 10
SESSIONS = (1, 2)
_MODULE_FILE = re.compile(r"^modules/(?P<number>\d+)-[^/]+\.md$")


def is_module_file(src_uri: str) -> bool:
    """Whether a page is one of the numbered modules (`modules/04-seven-principles.md`)."""
    return bool(_MODULE_FILE.match(src_uri))


def _is_whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _key_lines(block: str) -> dict[str, int]:
    """The line of the file each top-level key is on (the block starts on line 2, after '---')."""
    try:
        root = yaml.compose(block)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 2 for key, _ in root.value}


def read_front_matter(src_uri: str, source: str) -> tuple[dict[str, Any], dict[str, int], list[str]]:
    """The front matter, the line of each key, and what is wrong with it as YAML."""
    match = FRONT_MATTER.match(source)
    if not match:
        return {}, {}, []
    block = match.group(1)
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(error, "problem", None) or str(error)
        return {}, {}, [f"Doc file '{src_uri}', line {line}: the front matter is not valid YAML ({problem}). "
                        "Write each setting as 'name: value' on its own line, and put quotes round a value "
                        "that holds a colon, like title: \"Module 1: What co-production means\"."]
    if data is None:
        return {}, {}, []
    if not isinstance(data, dict):
        return {}, {}, [f"Doc file '{src_uri}', line 2: the front matter must be settings, one 'name: value' on each line, "
                        "like title: \"A page\"."]
    return data, _key_lines(block), []


def field_problems(src_uri: str, meta: dict[str, Any], lines: dict[str, int]) -> list[str]:
    """What is wrong with a page's course fields: their types and ranges, and the ones its kind of page needs."""
    problems = []

    def where(key: str) -> str:
        return f"Doc file '{src_uri}', line {lines.get(key, 1)}"

    path = PurePosixPath(src_uri)
    module_file = _MODULE_FILE.match(src_uri)
    is_activity = path.parent.name == "activities" and path.name != "index.md"
    is_case_study = path.parent.name == "case-studies" and path.name != "index.md"
    required = ("module", "session", "time") if module_file or is_activity else ()
    for key in required:
        if key not in meta:
            problems.append(f"Doc file '{src_uri}', line 1: the front matter needs '{key}'. Add a line such as "
                            f"{ {'module': 'module: 1', 'session': 'session: 1', 'time': 'time: 30'}[key] }.")
    if "module" in meta:
        module = meta["module"]
        if not _is_whole_number(module) or not 1 <= module <= MODULE_COUNT:
            problems.append(f"{where('module')}: 'module' must be a whole number from 1 to {MODULE_COUNT}, not {module!r}.")
        elif module_file and int(module_file.group("number")) != module:
            problems.append(f"{where('module')}: 'module' is {module}, but the file name says module "
                            f"{int(module_file.group('number'))}. Make them the same.")
    if "session" in meta and (isinstance(meta["session"], bool) or meta["session"] not in SESSIONS):
        problems.append(f"{where('session')}: 'session' must be 1 or 2, not {meta['session']!r}.")
    if "time" in meta and not (_is_whole_number(meta["time"]) and meta["time"] > 0):
        problems.append(f"{where('time')}: 'time' must be how many minutes the page takes, as a whole number "
                        f"like 30, not {meta['time']!r}.")
    number = int(module_file.group("number")) if module_file else None
    if number is not None and meta.get("module") == number and not str(meta.get("title", "")).startswith(f"Module {number}:"):
        problems.append(f"{where('title')}: the title must start 'Module {number}:', like "
                        f"title: \"Module {number}: What co-production means\".")
    if is_activity and not (isinstance(meta.get("group_size"), str) and meta["group_size"].strip()):
        problems.append(f"{where('group_size')}: an activity needs 'group_size', saying how many people, like "
                        "group_size: \"4 to 20 people\".")
    if is_case_study or "modules" in meta:
        modules = meta.get("modules")
        if not (isinstance(modules, list) and modules
                and all(_is_whole_number(number) and 1 <= number <= MODULE_COUNT for number in modules)):
            problems.append(f"{where('modules')}: 'modules' must be a list of module numbers from 1 to {MODULE_COUNT}, "
                            f"like modules: [3, 5], not {modules!r}.")
    return problems


def session_problems(pages: dict[str, dict[str, Any]]) -> list[str]:
    """Each activity must be in the same session as its module."""
    sessions = {meta["module"]: meta.get("session") for src, meta in pages.items()
                if _MODULE_FILE.match(src) and _is_whole_number(meta.get("module"))}
    problems = []
    for src, meta in sorted(pages.items()):
        if PurePosixPath(src).parent.name != "activities" or meta.get("module") not in sessions:
            continue
        if meta.get("session") != sessions[meta["module"]]:
            problems.append(f"Doc file '{src}': 'session' is {meta.get('session')!r}, but module {meta['module']} is in "
                            f"session {sessions[meta['module']]}. Make them the same.")
    return problems


def front_matter_problems(src_uri: str, source: str) -> tuple[dict[str, Any], list[str]]:
    """A page's front matter and everything wrong with it."""
    meta, lines, problems = read_front_matter(src_uri, source)
    return meta, problems or field_problems(src_uri, meta, lines)
