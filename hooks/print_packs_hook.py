"""MkDocs glue for the large-print PDF packs; the work is done in the `print_packs` package.

The packs are rendered once per build in `on_env`: by then every page's HTML
is final, and the "Print and download" page, rendered after it, can list each
PDF's pages and size.
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

from course_pages import COLLECTED
from organisation.settings import organisation_name
from print_packs import OFFLINE_FLAG, SWITCH, packs_skipped, switched_off
from print_packs.assemble import Cover, PackDocument, assemble_pack, pack_cover
from print_packs.cards import sets_to_lay_out_four_to_a_sheet, too_long_messages
from print_packs.combined_page import tidy_combined_page
from print_packs.download_list import MARKER, SCORM_NOT_IN_THIS_COPY, download_item, download_list, other_download_item
from print_packs.links import page_key
from print_packs.packs import PACKS, SourcePage
from print_packs.render import LAST_RENDERED, EngineMissing, RenderedPack, RenderJob, load_engine, render_all, render_pdf
from scorm.package import ZIP_PATH as SCORM_ZIP_PATH

log = logging.getLogger("mkdocs.hooks.print_packs")

DOWNLOADS = "downloads"
STYLESHEETS = ("app-fonts.css", "app-print.css")

_rendered = LAST_RENDERED
# `mkdocs serve` leaves the packs out, or every saved change would wait for five PDFs.
_command = {"name": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs build` or `mkdocs serve`."""
    _command["name"] = command


def _skip(config: MkDocsConfig) -> bool:
    return packs_skipped(command=_command["name"], extra=config.extra, environ=os.environ)


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Start afresh, and stop at once with one clear line if the PDF engine is missing."""
    COLLECTED.clear()
    COLLECTED.skipped = _skip(config)
    if not config.extra.get(OFFLINE_FLAG):
        _rendered.clear()
    if _skip(config):
        if not config.extra.get(OFFLINE_FLAG):
            log.info("PDF packs: not made by this build (mkdocs serve, or %s=off); run `mkdocs build` to make them", SWITCH)
        return None
    try:
        load_engine()
    except EngineMissing as error:
        raise PluginError(str(error)) from None
    return None


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Remember the menu order: packs, Word and EPUB files put their pages in the same order."""
    COLLECTED.menu[:] = [page.file.src_uri for page in nav.pages]
    return None


# Last of all the page hooks, so we keep the HTML every other hook has finished with.
@event_priority(-100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Keep each page's finished HTML for the packs, and give print-site's combined page the same HTML."""
    COLLECTED.pages[page.file.src_uri] = SourcePage(page.file.src_uri, page.url, page.title or "", dict(page.meta), html)
    # mkdocs-print-site-plugin keeps page.html from its own (earlier) on_page_content.
    if hasattr(page, "html"):
        page.html = html
    return None


def pack_cover_for(config: MkDocsConfig) -> Cover:
    """The packs' cover facts; a wrong `extra.course_version` stops the build, naming the config file."""
    try:
        return pack_cover(course=config.site_name, organisation=organisation_name(config.extra),
                          version=config.extra.get("course_version", "1.0"), epoch=os.environ.get("SOURCE_DATE_EPOCH"),
                          today=dt.date.today())
    except ValueError as error:
        raise PluginError(f"Config file '{config.config_file_path}': {error}") from None


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
    """Render every pack once, into site/downloads/."""
    if _skip(config):
        return None
    started = time.perf_counter()
    # Pages left out of the menu still go in the packs whose patterns name them (a new trainer's form, say).
    nav_order = COLLECTED.in_order()
    stylesheets_dir = Path(config.theme.custom_dir or "overrides") / "assets" / "stylesheets"
    sheets = [stylesheets_dir / name for name in STYLESHEETS]
    for sheet in sheets:
        if not sheet.is_file():
            raise PluginError(f"The PDF packs need the stylesheet '{sheet}', which is missing.")
    cover = COLLECTED.cover = pack_cover_for(config)
    documents = [assemble_pack(pack, nav_order, cover) for pack in PACKS]
    jobs = [RenderJob(document.html, Path(config.site_dir) / DOWNLOADS / document.pack.filename, str(config.site_dir), tuple(sheets))
            for document in documents]
    try:
        results = render_all(jobs)
        for index, document in enumerate(documents):
            if document.pack.cards_only:
                documents[index], results[index] = _cards_four_to_a_sheet_where_needed(
                    document, results[index], nav_order, cover, jobs[index])
    except (OSError, ValueError) as error:
        raise PluginError(f"Could not write the PDF packs into '{DOWNLOADS}/': {error}") from None
    for document, (rendered, warnings) in zip(documents, results):
        for warning in warnings:
            log.warning("PDF pack '%s': %s", document.pack.filename, warning)
        _rendered[document.pack.slug] = rendered
        log.debug("%s: %d pages, %d bytes, %d trainer notes left out", document.pack.filename, rendered.pages,
                  rendered.size, document.trainer_notes_removed)
    log.info("PDF packs: %d written to %s/ in %.1f seconds", len(_rendered), DOWNLOADS, time.perf_counter() - started)
    return None


def _cards_four_to_a_sheet_where_needed(document: PackDocument, result: tuple[RenderedPack, list[str]], pages: list[SourcePage],
                                        cover: Cover, job: RenderJob) -> tuple[PackDocument, tuple[RenderedPack, list[str]]]:
    """Lay out again, four to a sheet, each set of cards whose words did not fit six to a sheet; warn for any still too long."""
    rendered, _ = result
    relayout = sets_to_lay_out_four_to_a_sheet(document.card_sets, rendered.overflowing)
    if relayout:
        document = assemble_pack(document.pack, pages, cover, four_to_a_sheet=relayout)
        result = render_pdf(document.html, job.target, base_url=job.base_url, stylesheets=list(job.stylesheets))
        rendered, _ = result
    for message in too_long_messages(document.card_sets, rendered.overflowing):
        log.warning(message)
    return document, result


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Fill the "Print and download" page's list of packs, with each PDF's pages and size."""
    if MARKER not in output:
        return None
    items = []
    for pack in PACKS:
        rendered = _rendered.get(pack.slug)
        href = get_relative_url(f"{DOWNLOADS}/{pack.filename}", page.url or ".")
        items.append(download_item(pack, href, rendered.pages if rendered else None, rendered.size if rendered else None))
    note = None
    if config.extra.get(OFFLINE_FLAG) and not switched_off(os.environ):
        # The SCORM package is made from the offline copy, so the copy cannot hold it: say where it is.
        note = SCORM_NOT_IN_THIS_COPY
    if not _skip(config):
        # Made from the offline copy at the end of the build (hooks/scorm/), which fills in its size then.
        items.append(other_download_item(
            "The course for your learning platform", "SCORM 1.2 package, a zip file",
            get_relative_url(SCORM_ZIP_PATH, page.url or "."), SCORM_ZIP_PATH,
            "For organisations: load it into a learning platform such as Moodle or Totara, "
            "and the platform records who has finished the course."))
    print_file = getattr(config.plugins.get("print-site"), "print_file", None)
    combined = get_relative_url(print_file.url, page.url or ".") if print_file is not None else None
    return output.replace(MARKER, download_list(items, combined, note), 1)


# After print-site (default priority) has written its combined page, before the offline copy (-75) is made.
@event_priority(-10)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Give print-site's combined page one main heading and no skipped heading levels."""
    plugin = config.plugins.get("print-site")
    print_file = getattr(plugin, "print_file", None)
    if print_file is None:
        return
    path = Path(print_file.abs_dest_path)
    if not path.is_file():
        return
    try:
        # Where a link to a page left off the combined page goes instead: to the page itself.
        addresses = {page_key(page.url): get_relative_url(page.url, print_file.url) for page in COLLECTED.pages.values()}
        tidied = tidy_combined_page(path.read_text(encoding="utf-8"), plugin.config["print_page_title"], addresses)
        path.write_text(tidied.html, encoding="utf-8")
    except OSError as error:
        raise PluginError(f"Could not tidy the combined print page '{path}': {error}") from None
    for problem in tidied.problems:
        log.error("The whole-course print page (%s): %s.", print_file.dest_uri, problem)
