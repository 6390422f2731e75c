"""MkDocs glue for the comment markers; the table and the checks are in markers.py.

List this hook first in `hooks:`: it reads each page's Markdown before any other
hook replaces a marker, and reads each built page after every hook has filled them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from markers.checks import marker_problems, unfilled_markers


# Before the glossary hook fills its marker in the same event.
@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Stop the build when a page has an unknown or misspelt marker, or lacks one it must have."""
    problems = marker_problems(page.file.src_uri, page.file.content_string)
    if problems:
        raise PluginError("\n".join(problems))
    return None


# After every hook that fills a marker in this event (the learner pages, the PDF list, the readability report).
@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Stop the build when a marker is still in a built page."""
    problems = unfilled_markers(page.file.src_uri, output)
    if problems:
        raise PluginError("\n".join(problems))
    return None
