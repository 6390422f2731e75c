"""MkDocs glue for the offline copy; the work is done in offline_copy.py.

List this hook last in `hooks:` in mkdocs.yml: it zips what the other hooks have
written, the PDF packs included.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hosting.offline_copy import (DOWNLOAD_MARKER, OFFLINE_FLAG, ZIP_PATH, OfflineBuildFailed, OfflineCopyError, download_html,
                                  engine_name, make_offline_copy)
from print_packs import switched_off
from print_packs.download_list import fill_sizes
from scorm.manifest import module_pages
from scorm.package import ZIP_PATH as SCORM_ZIP_PATH
from scorm.package import ScormPackageError, make_scorm_package

log = logging.getLogger("mkdocs.hooks.offline_copy")

_command = "build"


class _Remember(logging.Handler):
    """Keeps this build's warnings and errors, so the offline build's copies of them are not printed again."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().rstrip())


_seen = _Remember()


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Start keeping this build's warnings (`mkdocs serve` loads this file again for each build)."""
    # The engine's own logger ("mkdocs", or "properdocs", which the hooks' "mkdocs.…" loggers hand on to).
    mkdocs_log = logging.getLogger(engine_name())
    for handler in [h for h in mkdocs_log.handlers if type(h).__name__ == "_Remember"]:
        mkdocs_log.removeHandler(handler)
    _seen.messages.clear()
    mkdocs_log.addHandler(_seen)
    return config


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`, which rebuilds on every save and needs no zip."""
    global _command
    _command = command


# After the readability checks: the link's words are the build's, not the page's.
@event_priority(-50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Put the download link for the offline copy where a page asks for it."""
    if DOWNLOAD_MARKER not in html:
        return None
    address = get_relative_url(ZIP_PATH, page.url)
    return html.replace(DOWNLOAD_MARKER, download_html(address, bool(config.extra.get(OFFLINE_FLAG))))


# After every other post-build step (default priority 0), so the PDF packs are there to copy.
@event_priority(-75)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Build the course again for `file://` and zip it into site/downloads/course-offline.zip."""
    if config.extra.get(OFFLINE_FLAG):
        return  # This is the offline build itself.
    if _command == "serve":
        log.info("Not making the offline copy while serving: run `make build` to make it.")
        return
    if config.strict and _seen.messages:
        # The offline build would stop on the same warnings, and the failure would look like its own.
        log.info("Not making the offline copy: fix the warnings above first.")
        return
    try:
        copy, messages = make_offline_copy(config, then=_scorm_package(config))
    except OfflineBuildFailed as error:
        new = [message for message in error.messages if message not in _seen.messages]
        raise PluginError("The offline copy's build (the course again, for use without internet) stopped:\n"
                          + "\n".join(new or error.messages)) from None
    except ScormPackageError as error:
        raise PluginError(str(error)) from None
    except (OfflineCopyError, OSError) as error:
        raise PluginError(f"The offline copy could not be made: {error}") from None
    for message in messages:
        if message not in _seen.messages:
            log.warning("The offline copy: %s", message)
    log.info("Offline copy: %s (%d files, %.1f MB) made in %.1f seconds.", copy.zip_file.name, copy.file_count,
             copy.zip_file.stat().st_size / 1e6, copy.seconds)


def _scorm_package(config: MkDocsConfig) -> list[Callable[[Path], None]]:
    """The step that makes the SCORM package from the offline copy, or none (PRINT_PACKS=off, or a site with no modules)."""
    if switched_off(os.environ):
        return []
    nav = config.nav or []
    if not module_pages(nav):
        log.info("Not making the SCORM package: mkdocs.yml's nav lists no module pages (modules/*.md).")
        return []
    site = Path(config.site_dir)

    def make(offline_site: Path) -> None:
        package = make_scorm_package(offline_site, site / SCORM_ZIP_PATH, nav=nav, course_title=config.site_name,
                                     version=str(config.extra.get("course_version", "1.0")))
        log.info("SCORM package: %s (%d parts listed, %.1f MB) made in %.1f seconds.", package.zip_file.name,
                 package.item_count, package.zip_file.stat().st_size / 1e6, package.seconds)
        _fill_download_sizes(site)

    return [make]


def _fill_download_sizes(site: Path) -> None:
    """Put the SCORM package's size on the pages that list it, now that it exists."""
    def size_of(site_path: str) -> int | None:
        target = site / site_path
        return target.stat().st_size if target.is_file() else None

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "data-size-of=" in text:
            page.write_text(fill_sizes(text, size_of), encoding="utf-8")
