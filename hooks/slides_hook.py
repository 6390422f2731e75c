"""MkDocs glue for the session slides; the work is done in the `slides` package.

The decks are made once per build in `on_env`, after the PDF packs' step has
collected every page (`course_pages.COLLECTED`), and listed on "Print and download".
The offline copy's build lists the first build's decks, which it copies.
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
from ebooks.make import FIRST_BUILD_FILES
from organisation.settings import organisation_name
from print_packs import OFFLINE_FLAG
from slides import FOLDER, deck_stem
from slides.content import SlidesError
from slides.deck import Colours
from slides.download_list import MARKER, OFFLINE_NOTE, slide_list
from slides.make import MadeDeck, decks, make_all
from slides.pdf import ConversionFailed, OfficeMissing, find_soffice

log = logging.getLogger("mkdocs.hooks.slides")

_made: list[MadeDeck] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Start afresh, and stop at once with the command to install LibreOffice if it is missing."""
    _made.clear()
    if COLLECTED.skipped:
        return None
    try:
        find_soffice()
    except OfficeMissing as error:
        raise PluginError(str(error)) from None
    return None


def _colours(config: MkDocsConfig) -> Colours:
    brand = (config.extra.get("organisation") or {}).get("brand_colour")
    return Colours(title=brand.lstrip("#").lower()) if brand else Colours()


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Write each session's .pptx and PDF into site/downloads/slides/ (the offline copy lists the first build's)."""
    organisation = organisation_name(config.extra)
    try:
        if config.extra.get(OFFLINE_FLAG):
            for deck, slides in decks(COLLECTED.in_order(), organisation):
                stem = f"{FOLDER.removeprefix('downloads/')}/{deck_stem(deck.session)}"
                if f"{stem}.pptx" in FIRST_BUILD_FILES:
                    _made.append(MadeDeck(deck.session, deck.title, len(slides), f"{FOLDER}/{deck_stem(deck.session)}.pptx",
                                          f"{FOLDER}/{deck_stem(deck.session)}.pdf", FIRST_BUILD_FILES[f"{stem}.pptx"], None))
            return None
        if COLLECTED.skipped:
            return None
        started = time.perf_counter()
        _made[:] = make_all(COLLECTED.in_order(), Path(config.site_dir), organisation=organisation, colours=_colours(config))
    except SlidesError as error:
        raise PluginError(str(error)) from None
    except (ConversionFailed, OSError) as error:
        raise PluginError(f"Could not write the slides into '{FOLDER}/': {error}") from None
    log.info("Slides: %s written to %s/ in %.1f seconds", ", ".join(f"{made.slides} slides for session {made.session}"
             for made in _made), FOLDER, time.perf_counter() - started)
    return None


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Fill the "Print and download" page's list of slide decks, with each file's size."""
    if MARKER not in output:
        return None
    if not _made:
        return output.replace(MARKER, OFFLINE_NOTE, 1)
    base = page.url or "."
    items = [(made.title, made.slides, get_relative_url(made.pptx, base), made.pptx_size, get_relative_url(made.pdf, base),
              made.pdf_size) for made in _made]
    return output.replace(MARKER, slide_list(items), 1)
