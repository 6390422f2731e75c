"""The "Where you live" part of module 2: the law that backs co-production in the host's nation.

Organisations in England, Wales, Scotland and Northern Ireland work under
different laws. The course ships a short, cited text for each nation, in
`nations/<nation>.md` beside this file, and a neutral one that names all four
(`nations/four-nations.md`). A host picks one in `extra.local_context`
(`england`, `wales`, `scotland` or `northern-ireland`) or names a Markdown file
of its own. With no setting, the neutral text is shown. The text replaces the
`<!-- app:where-you-live -->` marker; an empty file of the host's own leaves
the whole section out, heading and all.

The shipped texts are the course's own words, so the plain-English checks
measure them; a host's own file is shown as written and is not measured. Links
in the shipped texts are written from module 2 (`docs/modules/`), the one page
that shows them. Everything here takes text and returns text;
`local_context_hook.py` is the MkDocs glue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from extra_settings import shown

MARKER = "<!-- app:where-you-live -->"
SETTING = "extra.local_context"
NATIONS = ("england", "wales", "scotland", "northern-ireland")
# The text shown when a host sets nothing: one paragraph naming all four nations.
NEUTRAL = "four-nations"
TEXTS_DIR = Path(__file__).with_name("nations")
EXAMPLE_FILE = "local/where-you-live.md"
# The section's heading (whatever its words) and the marker on a line of its own, with blank lines between.
_SECTION = re.compile(r"^##[ \t]+[^\n]*\n(?:[ \t]*\n)*[ \t]*<!-- app:where-you-live -->[ \t]*(?:\n|\Z)(?:[ \t]*\n)*",
                      re.MULTILINE)
_SETTING_LINE = re.compile(r"^[ \t]+local_context[ \t]*:", re.MULTILINE)


class LocalContextError(ValueError):
    """The setting cannot be used; the message names the config file and says how to fix it."""


@dataclass(frozen=True)
class LocalText:
    """The words for "Where you live", where they came from, and whether they are the host's own."""

    text: str
    # A nation, NEUTRAL, or the file the host named.
    name: str
    # The host's own words are shown as written and not held to the course's plain-English limits.
    hosts_own: bool = False


def nation_text_path(name: str) -> Path:
    """The file of a text the course ships: one of NATIONS, or NEUTRAL."""
    return TEXTS_DIR / f"{name}.md"


def shipped_text(name: str) -> LocalText:
    """A text the course ships, by name (one of NATIONS, or NEUTRAL)."""
    return LocalText(nation_text_path(name).read_text(encoding="utf-8"), name)


def nation_named(setting: str) -> str | None:
    """The nation a setting names, written any reasonable way ("Northern Ireland", "wales"), or None."""
    name = re.sub(r"[\s_]+", "-", setting.strip().lower())
    return name if name in NATIONS else None


def setting_line(config_text: str) -> int | None:
    """The line of mkdocs.yml on which `local_context:` is written, for messages (None when it is not there)."""
    match = _SETTING_LINE.search(config_text)
    return config_text.count("\n", 0, match.start()) + 1 if match else None


def _choices() -> str:
    return ", ".join(NATIONS[:-1]) + f" or {NATIONS[-1]}"


def choose_local_text(setting: object, *, project_dir: Path, config_name: str, line: int | None = None) -> LocalText:
    """The text `extra.local_context` asks for: a nation's, the host's own file (relative to the config file's folder), or the neutral one when unset."""
    where = f"{config_name}, line {line}" if line else config_name
    if setting in (None, ""):
        return shipped_text(NEUTRAL)
    if not isinstance(setting, str):
        raise LocalContextError(f"{where}: '{SETTING}' must be one of {_choices()}, or the name of a Markdown "
                                f"file such as \"{EXAMPLE_FILE}\", not {shown(setting)}.")
    nation = nation_named(setting)
    if nation:
        return shipped_text(nation)
    path = project_dir / setting
    if not path.exists():
        raise LocalContextError(f"{where}: '{SETTING}' is \"{setting}\", which is not one of the four nations, and "
                                f"there is no file of that name in the folder that holds {config_name}. Write one of "
                                f"{_choices()}. Or give the name of your own Markdown file, such as \"{EXAMPLE_FILE}\".")
    try:
        return LocalText(path.read_text(encoding="utf-8"), setting, hosts_own=True)
    except OSError as error:
        raise LocalContextError(f"{where}: '{SETTING}' names \"{setting}\", but we cannot read {path} "
                                f"({error.strerror or error}). Check the file name, or delete the line.") from None
    except UnicodeDecodeError:
        raise LocalContextError(f"{where}: '{SETTING}' names \"{setting}\", which is not UTF-8 text. "
                                "Save it as UTF-8 (plain text) and build again.") from None


def fill_where_you_live(markdown: str, local: LocalText) -> str:
    """Put the chosen text in place of the marker, or leave the whole section out when there is none."""
    if not local.text.strip():
        return _SECTION.sub("", markdown)
    if local.hosts_own:
        block = f'<div class="app-local-context app-skip-readability" markdown>\n\n{local.text.strip()}\n\n</div>'
    else:
        block = f'<div class="app-local-context" data-local-context="{local.name}" markdown>\n\n{local.text.strip()}\n\n</div>'
    return markdown.replace(MARKER, block)
