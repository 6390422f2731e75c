"""MkDocs glue for the session plans' arithmetic; the work is done in the `session_plans` package."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from session_plans.check import check_plan, is_plan

log = logging.getLogger("mkdocs.hooks.session_plans")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Warn (so --strict stops the build) for each timing problem in a session plan, naming the file and line."""
    # The whole file, front matter included, so the line numbers are the author's.
    source = page.file.content_string
    if not is_plan(source):
        return None
    for problem in check_plan(source):
        log.warning("Doc file '%s', line %d: %s", page.file.src_uri, problem.line, problem.message)
    return None
