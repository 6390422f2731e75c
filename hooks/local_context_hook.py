"""MkDocs glue for the host's own "Where you live" text; the work is in the `local_context` package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from local_context import MARKER, LocalContextError, fill_where_you_live, read_local_text

_local_text = {"text": ""}


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Read the file that `extra.local_context` names, once."""
    config_path = Path(config.config_file_path)
    try:
        _local_text["text"] = read_local_text(config.extra.get("local_context"), project_dir=config_path.parent,
                                              config_name=config_path.name)
    except LocalContextError as error:
        raise PluginError(str(error)) from None
    return config


# After the markers hook has checked the page as written, before the other hooks read it.
@event_priority(90)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Fill or remove the "Where you live" section."""
    if MARKER not in markdown:
        return None
    return fill_where_you_live(markdown, _local_text["text"])
