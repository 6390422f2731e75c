"""MkDocs glue for keyboard and screen-reader details of every page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from page_chrome import focusable_heading


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Make the main heading the target of the skip link."""
    return focusable_heading(html)
