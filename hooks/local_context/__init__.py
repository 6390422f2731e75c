"""A host's own text about where they are, shown in module 2 under "Where you live".

Organisations in England, Wales, Scotland and Northern Ireland work under
different laws. A host names a Markdown file in `extra.local_context`; its text
replaces the `<!-- app:where-you-live -->` marker. With no file, or an empty
one, the whole "Where you live" section is left out, heading and all, so the
page and its contents list show nothing. Everything here takes text and returns
text; `local_context_hook.py` is the MkDocs glue.
"""

from __future__ import annotations

import re
from pathlib import Path

MARKER = "<!-- app:where-you-live -->"
SETTING = "extra.local_context"
# The heading and the marker on a line of its own, with blank lines between.
_SECTION = re.compile(r"^##[ \t]+Where you live[ \t]*\n(?:[ \t]*\n)*[ \t]*<!-- app:where-you-live -->[ \t]*(?:\n|\Z)(?:[ \t]*\n)*", re.MULTILINE)


class LocalContextError(ValueError):
    """The setting names a file that cannot be used; the message says how to fix it."""


def read_local_text(setting: object, *, project_dir: Path, config_name: str) -> str:
    """The host's text from the file `setting` names (relative to the config file's folder), or '' when unset."""
    if setting in (None, ""):
        return ""
    if not isinstance(setting, str):
        raise LocalContextError(f"In {config_name}, '{SETTING}' must be the name of a Markdown file, such as "
                                f"\"local/where-you-live.md\", not {setting!r}.")
    path = project_dir / setting
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise LocalContextError(f"In {config_name}, '{SETTING}' names \"{setting}\", but we cannot read {path} "
                                f"({error.strerror or error}). Check the file name, or delete the line.") from None
    except UnicodeDecodeError:
        raise LocalContextError(f"In {config_name}, '{SETTING}' names \"{setting}\", which is not UTF-8 text. "
                                "Save it as UTF-8 (plain text) and build again.") from None


def fill_where_you_live(markdown: str, local_text: str) -> str:
    """Put the host's text in place of the marker, or leave the whole section out when there is none."""
    if not local_text.strip():
        return _SECTION.sub("", markdown)
    # The host's words are theirs: shown as written, and not held to the course's plain-English limits.
    block = f'<div class="app-local-context app-skip-readability" markdown>\n\n{local_text.strip()}\n\n</div>'
    return markdown.replace(MARKER, block)
