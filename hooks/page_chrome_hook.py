"""MkDocs glue for keyboard and screen-reader details of every page (the work is in page_chrome.py)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from page_chrome import (
    focusable_heading, keyboard_header_buttons, named_search_dialog, named_section_navigation, scrollable_tables, stacking_tables,
)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Make the main heading the skip link's target, and let wide tables scroll by keyboard."""
    return stacking_tables(scrollable_tables(focusable_heading(html)))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Name the search dialog, the section navigation landmarks and the header buttons."""
    return keyboard_header_buttons(named_section_navigation(named_search_dialog(output)))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    """Give the 404 page (a template, not a Markdown page) the same fixes."""
    return on_post_page(output_content, page=None, config=config)  # type: ignore[arg-type]
