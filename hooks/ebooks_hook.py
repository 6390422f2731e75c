"""MkDocs glue for the Word documents and EPUB e-books; the work is done in the `ebooks` package.

They are made in `on_env`, after the PDF packs, from the same pages (the one
list print_packs_hook.py collects, `course_pages.COLLECTED`) and pack
definitions; the "Print and download" page, rendered after it, lists them.
`PRINT_PACKS=off`, `mkdocs serve` and the offline copy's build do not make them,
as they do not make the PDFs; the offline copy holds the first build's files
(`ebooks.make.FIRST_BUILD_FILES`) and its page lists those.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course_pages import COLLECTED
from ebooks.documents import ebooks
from ebooks.download_list import MARKER, OFFLINE_NOTE, ebook_list
from ebooks.make import FIRST_BUILD_FILES, MadeFile, make_all
from ebooks.pandoc import PandocFailed, PandocMissing, find_pandoc
from print_packs import OFFLINE_FLAG

log = logging.getLogger("mkdocs.hooks.ebooks")

DOWNLOADS = "downloads"

_made: list[MadeFile] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Start afresh, and stop at once with the command to install pandoc if it is missing."""
    _made.clear()
    # print_packs_hook.py, before this hook, has decided whether this build makes the packs.
    if COLLECTED.skipped:
        return None
    try:
        find_pandoc()
    except PandocMissing as error:
        raise PluginError(str(error)) from None
    return None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Make every Word and EPUB file into site/downloads/ (in the offline copy's build, list the first build's)."""
    if config.extra.get(OFFLINE_FLAG):
        # The offline copy is given the first build's files (hosting/offline_copy.py), so its page lists them.
        _made[:] = [MadeFile(ebook, Path(config.site_dir) / DOWNLOADS / ebook.path, FIRST_BUILD_FILES[ebook.path])
                    for ebook in ebooks(COLLECTED.in_order()) if ebook.path in FIRST_BUILD_FILES]
        return None
    if COLLECTED.skipped:
        return None
    started = time.perf_counter()
    # The pages and the cover print_packs_hook.py collected, in the menu's order.
    pages = COLLECTED.in_order()
    try:
        _made[:] = make_all(ebooks(pages), pages, COLLECTED.cover, Path(config.site_dir) / DOWNLOADS)
    except (PandocFailed, OSError, ValueError) as error:
        raise PluginError(f"Could not write the Word and EPUB files into '{DOWNLOADS}/': {error}") from None
    log.info("Word and EPUB: %d files written to %s/ in %.1f seconds", len(_made), DOWNLOADS, time.perf_counter() - started)
    return None


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Fill the "Print and download" page's list of Word and EPUB files, with each one's size."""
    if MARKER not in output:
        return None
    if not _made:
        return output.replace(MARKER, OFFLINE_NOTE if config.extra.get(OFFLINE_FLAG) else "", 1)
    items = [(made.ebook, get_relative_url(f"{DOWNLOADS}/{made.ebook.path}", page.url or "."), made.size) for made in _made]
    return output.replace(MARKER, ebook_list(items), 1)
