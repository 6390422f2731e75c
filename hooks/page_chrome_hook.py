"""MkDocs glue for keyboard and screen-reader details of every page (the work is in page_chrome.py).

Each change reports what it expected but did not find; that is a build error
naming the page, so a change that stops matching Material's markup cannot do
nothing silently.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from page_chrome.changes import Changed, content_changes, whole_page_changes

log = logging.getLogger("mkdocs.hooks.page_chrome")
# Whether the site's menu has sections (set in on_nav): then every page's menu must have their navs.
_menu = {"has_sections": True}


def _report(where: str, result: Changed) -> str:
    for what in result.missing:
        log.error("%s: could not find %s. If Material's markup has changed, update hooks/page_chrome/changes.py to match.",
                  where, what)
    return result.html


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Note whether the menu has sections, which every page's menu then shows."""
    _menu["has_sections"] = any(isinstance(item, Section) for item in nav.items)
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Make the main heading the skip link's target, and let wide tables scroll by keyboard."""
    return _report(f"Doc file '{page.file.src_uri}'", content_changes(html))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Name the search dialog, the section navigation landmarks and the header buttons; keep the HTML valid."""
    menu_shown = "navigation" not in (page.meta.get("hide") or [])
    result = whole_page_changes(output, sections_expected=_menu["has_sections"] and menu_shown)
    return _report(f"Doc file '{page.file.src_uri}'", result)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
    """Give the 404 page (a template, not a Markdown page) the same changes."""
    if template_name != "404.html":
        return None
    return _report("The 404 page (404.html)", whole_page_changes(output_content, sections_expected=_menu["has_sections"]))


# mkdocs-print-site-plugin writes its whole-course page in its own on_post_build
# (default priority 0) and runs no on_post_page for it, so it gets the same
# changes here: on Material's markup as written, before print_packs_hook (-10)
# tidies the page through BeautifulSoup, which reorders attributes.
@event_priority(-5)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Give print-site's whole-course page the same changes as every other page."""
    print_file = getattr(config.plugins.get("print-site"), "print_file", None)
    if print_file is None:
        return
    path = Path(print_file.abs_dest_path)
    try:
        html = path.read_text(encoding="utf-8")
        result = whole_page_changes(html, sections_expected=_menu["has_sections"])
        path.write_text(_report(f"The whole-course print page ({print_file.dest_uri})", result), encoding="utf-8")
    except OSError as error:
        raise PluginError(f"Could not finish the whole-course print page '{path}': {error}") from None
