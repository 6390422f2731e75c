"""MkDocs glue for the front-matter checks; the work is done in front_matter.py."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from front_matter.checks import front_matter_problems, session_problems

_pages: dict[str, dict[str, Any]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Forget the last build's pages (`mkdocs serve` builds again in the same process)."""
    _pages.clear()
    return config


# Before any other hook reads the page's fields.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Stop the build when a page's front matter is not valid YAML or a course field is wrong."""
    meta, problems = front_matter_problems(page.file.src_uri, page.file.content_string)
    if problems:
        raise PluginError("\n".join(problems))
    _pages[page.file.src_uri] = meta
    return None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Once every page is read: each activity is in the same session as its module."""
    problems = session_problems(_pages)
    if problems:
        raise PluginError("\n".join(problems))
    return None
