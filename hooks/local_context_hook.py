"""MkDocs glue for module 2's "Where you live" text; the work is in the `local_context` package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from extra_settings import config_name
from local_context import MARKER, NEUTRAL, LocalContextError, LocalText, choose_local_text, fill_where_you_live, setting_line

_local_text = {"chosen": LocalText("", NEUTRAL)}


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Check `extra.local_context` and read the text it chooses, once."""
    config_path = Path(config.config_file_path)
    try:
        line = setting_line(config_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        line = None
    try:
        _local_text["chosen"] = choose_local_text(config.extra.get("local_context"), project_dir=config_path.parent,
                                                  config_name=config_name(config_path), line=line)
    except LocalContextError as error:
        raise PluginError(str(error)) from None
    return config


# After the markers hook has checked the page as written, before the other hooks read it.
@event_priority(90)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Fill or remove the "Where you live" section."""
    if MARKER not in markdown:
        return None
    return fill_where_you_live(markdown, _local_text["chosen"])
