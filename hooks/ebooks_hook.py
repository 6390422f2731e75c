"""MkDocs glue for the Word documents and EPUB e-books; the work is done in the `ebooks` package.

They are made in `on_env`, after the PDF packs, from the same pages and pack
definitions; the "Print and download" page, rendered after it, lists them.
`PRINT_PACKS=off`, `mkdocs serve` and the offline copy's build leave them out,
as they do the PDFs.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ebooks.documents import ebooks
from ebooks.download_list import MARKER, OFFLINE_NOTE, ebook_list
from ebooks.make import MadeFile, make_all
from ebooks.pandoc import PandocFailed, PandocMissing, find_pandoc
from print_packs.assemble import Cover
from print_packs.packs import SourcePage

log = logging.getLogger("mkdocs.hooks.ebooks")

DOWNLOADS = "downloads"
SWITCH = "PRINT_PACKS"
OFFLINE_FLAG = "offline_copy"

_pages: dict[str, SourcePage] = {}
_nav_order: list[str] = []
_made: list[MadeFile] = []
_command = {"name": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs build` or `mkdocs serve`."""
    _command["name"] = command


def _skip(config: MkDocsConfig) -> bool:
    if config.extra.get(OFFLINE_FLAG):
        return True
    return _command["name"] == "serve" or os.environ.get(SWITCH, "").lower() in ("off", "0", "no", "false")


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Start afresh, and stop at once with the command to install pandoc if it is missing."""
    _pages.clear()
    _nav_order.clear()
    _made.clear()
    if _skip(config):
        return None
    try:
        find_pandoc()
    except PandocMissing as error:
        raise PluginError(str(error)) from None
    return None


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Remember the menu order: the files put their pages in the same order."""
    _nav_order[:] = [page.file.src_uri for page in nav.pages]
    return None


# Last of all the page hooks, with the PDF packs' hook, so both start from the same finished HTML.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Keep each page's finished HTML."""
    _pages[page.file.src_uri] = SourcePage(page.file.src_uri, page.url, page.title or "", dict(page.meta), html)
    return None


def _cover(config: MkDocsConfig) -> Cover:
    """The packs' cover facts (print_packs_hook checks the same settings and stops the build if they are wrong)."""
    organisation = config.extra.get("organisation")
    name = organisation.get("name") if isinstance(organisation, dict) else None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch and epoch.isdigit() else dt.date.today()
    return Cover(course=config.site_name,
                 organisation=name.strip() if isinstance(name, str) and name.strip() else config.site_name,
                 version=str(config.extra.get("course_version", "1.0")).strip(), date=f"{day.day} {day:%B %Y}")


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Make every Word and EPUB file into site/downloads/."""
    if _skip(config):
        return None
    started = time.perf_counter()
    pages = [_pages[uri] for uri in _nav_order if uri in _pages]
    pages += [page for uri, page in sorted(_pages.items()) if uri not in _nav_order]
    try:
        _made[:] = make_all(ebooks(pages), pages, _cover(config), Path(config.site_dir) / DOWNLOADS)
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
