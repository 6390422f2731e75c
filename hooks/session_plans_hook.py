"""MkDocs glue for the session plans' checks; the work is done in the `session_plans` package."""

from __future__ import annotations

import logging

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from course_pages import COLLECTED
from ebooks.documents import ebooks
from print_packs.packs import PACKS
from session_plans.check import check_plan, is_plan, print_list_problems
from slides import FOLDER as SLIDES_FOLDER, deck_stem

log = logging.getLogger("mkdocs.hooks.session_plans")

# Each plan's source (file, whole text), kept for the print-list check once every page is collected.
_plans: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Forget the last build's plans (`mkdocs serve` builds again in the same process)."""
    _plans.clear()
    return None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Warn (so --strict stops the build) for each timing problem in a session plan, naming the file and line."""
    # The whole file, front matter included, so the line numbers are the author's.
    source = page.file.content_string
    if not is_plan(source):
        return None
    _plans[page.file.src_uri] = source
    for problem in check_plan(source):
        log.warning("Doc file '%s', line %d: %s", page.file.src_uri, problem.line, problem.message)
    return None


def downloads_made() -> frozenset[str]:
    """Every file the build makes under downloads/, by the names the packs, ebooks and slides steps give them."""
    pages = COLLECTED.in_order()
    made = {pack.filename for pack in PACKS} | {ebook.path for ebook in ebooks(pages)}
    folder = SLIDES_FOLDER.removeprefix("downloads/")
    for page in pages:
        if page.src_uri in _plans and isinstance(page.meta.get("session"), int):
            made |= {f"{folder}/{deck_stem(page.meta['session'])}.{ending}" for ending in ("pptx", "pdf")}
    return frozenset(made)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Warn for each file a plan's "What to print" names that the build does not make, naming the file and line."""
    made = downloads_made()
    for src_uri, source in sorted(_plans.items()):
        for problem in print_list_problems(source, made):
            log.warning("Doc file '%s', line %d: %s", src_uri, problem.line, problem.message)
    return None
