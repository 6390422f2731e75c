"""Make downloads/course-scorm12.zip from the offline copy's folder (relative links, no web server needed).

The offline copy (hooks/hosting/offline_copy.py) is already the course as plain files
that open from anywhere; a learning platform serves them in a frame. To make it
a SCORM 1.2 package we add, without changing the offline copy itself:

* `imsmanifest.xml` at the top of the zip (see manifest.py), with the four
  schema files it names (hooks/vendor/scorm12/);
* app-scorm.js on every page, which reports progress to the platform;
* a note on the first page that the learner's notes stay in their browser.
"""

from __future__ import annotations

import html as html_lib
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup

from scorm.manifest import SCHEMA_FILES, course_outline, manifest_xml, module_pages

ZIP_PATH = "downloads/course-scorm12.zip"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "vendor" / "scorm12"
BRIDGE = "assets/javascripts/app-scorm.js"
LAUNCH_PAGE = "index.html"
# Files a learning platform does not need: source maps, files for search engines and authors,
# and the zip of the offline copy (a zip inside the package would only double its size).
_LEFT_OUT = re.compile(r"(\.map|sitemap\.xml(\.gz)?|readability\.json|^404\.html|\.zip)$")

NOTES_STAY_HERE = (
    '<div class="admonition note app-scorm-note"><p class="admonition-title">Your notes stay on this computer</p>'
    "<p>You are taking this course in your organisation's learning platform. The platform records which modules "
    "you have marked as done, the page you were on, and your score in the end-of-course check.</p>"
    "<p>Your notes and your answers to the questions stay in this web browser, on this computer. The platform "
    "does not see them. To keep a copy, use \u201cDownload my notes\u201d on the My notes page.</p></div>"
)


class ScormPackageError(RuntimeError):
    """The SCORM package could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class ScormPackage:
    """What was made: the zip, the number of parts the platform lists, and how long it took."""

    zip_file: Path
    item_count: int
    seconds: float


def page_title(site: Path, src_uri: str) -> str:
    """A page's main heading in the built copy, for menu entries that have no title in mkdocs.yml."""
    path = site / re.sub(r"\.md$", ".html", src_uri)
    try:
        heading = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
    except OSError as error:
        raise ScormPackageError(f"The SCORM package lists '{src_uri}', but its page '{path}' could not be read "
                                f"({error}). Check that the page is in mkdocs.yml's nav and builds.") from None
    return heading.get_text(" ", strip=True) if heading else src_uri


def with_bridge(html: str, page: str, modules: list[str]) -> str:
    """A page with app-scorm.js added at the end of its body (after the course's own scripts, which it uses)."""
    depth = len(PurePosixPath(page).parts) - 1
    src = "../" * depth + BRIDGE
    tag = (f'<script src="{src}" data-scorm-modules="{html_lib.escape(" ".join(modules))}" defer></script>')
    at = html.rfind("</body>")
    if at < 0:
        return html
    return html[:at] + tag + html[at:]


def with_notes_note(html: str) -> str:
    """The launch page with the note about notes after its main heading."""
    at = html.find("</h1>")
    if at < 0:
        raise ScormPackageError(f"The SCORM package's first page ('{LAUNCH_PAGE}') has no main heading to put the "
                                "note about learners' notes after. Give docs/index.md a '# ' heading.")
    at += len("</h1>")
    return html[:at] + NOTES_STAY_HERE + html[at:]


def make_scorm_package(offline_site: Path, zip_file: Path, *, nav: list, course_title: str, version: str) -> ScormPackage:
    """Zip the offline copy in `offline_site` as a SCORM 1.2 package at `zip_file`."""
    started = time.perf_counter()
    if not (offline_site / BRIDGE).is_file():
        raise ScormPackageError(f"The SCORM bridge '{BRIDGE}' is missing from the offline copy: it should come from "
                                f"overrides/{BRIDGE}.")
    outline = course_outline(nav, lambda src_uri: page_title(offline_site, src_uri))
    modules = [re.sub(r"\.html$", "", page) for page in module_pages(nav)]
    if not modules:
        raise ScormPackageError("The SCORM package found no module pages (docs/modules/*.md) in mkdocs.yml's nav, "
                                "so it cannot tell the learning platform when the course is complete.")
    files = [path.relative_to(offline_site).as_posix() for path in sorted(offline_site.rglob("*"))
             if path.is_file() and not _LEFT_OUT.search(path.relative_to(offline_site).as_posix())]
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("imsmanifest.xml", manifest_xml(course_title, version, outline, [*files, *SCHEMA_FILES]))
        for name in SCHEMA_FILES:
            archive.write(SCHEMA_DIR / name, name)
        for name in files:
            path = offline_site / name
            if name.endswith(".html"):
                text = with_bridge(path.read_text(encoding="utf-8"), name, modules)
                if name == LAUNCH_PAGE:
                    text = with_notes_note(text)
                archive.writestr(name, text)
            else:
                kind = zipfile.ZIP_STORED if path.suffix in (".pdf", ".woff2", ".png", ".jpg") else zipfile.ZIP_DEFLATED
                archive.write(path, name, compress_type=kind)
    count = sum(1 for _ in _walk(outline))
    return ScormPackage(zip_file, count, time.perf_counter() - started)


def _walk(items):
    for item in items:
        if item.href:
            yield item
        yield from _walk(item.children)
