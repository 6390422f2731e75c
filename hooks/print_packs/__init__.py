"""Large-print PDF packs of the course, made from the same Markdown as the website.

How the packs are made, and why this way:

* **Source.** The hook collects every page's finished HTML in `on_page_content`
  at the lowest priority, so it is the HTML after every other hook has run (the
  glossary pop-ups, the interactive questions). We do not cut the packs out of
  mkdocs-print-site-plugin's combined page: that page is written only in
  `on_post_build`, after the "Print and download" page that lists the packs has
  been rendered, and a pack needs pages in its own order, with its own
  contents and its own choice of trainer notes. We use the plugin's page keys
  (`get_page_key`) for our anchors, so a section has the same id in a pack as on
  the combined page. The combined page itself stays, for printing the whole
  course from a web browser; `combined_page.py` tidies its headings.
* **Modules.** Everything is a plain function that takes HTML or text and
  returns a result: `packs` (which pages go in which pack), `clean` (screen-only
  parts out, trainer notes out, writing lines and answers at the back),
  `links` (anchors and links), `contents` (contents with `target-counter`),
  `assemble` (one HTML document per pack), `render` (WeasyPrint) and
  `download_list` (the list on the "Print and download" page).
* **Engine.** WeasyPrint lays out CSS paged media itself, so the contents page
  gets real page numbers from `target-counter()` in one pass, and it writes a
  tagged PDF/UA file with a title, a language and bookmarks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# `PRINT_PACKS=off mkdocs build` leaves the packs (PDF, Word, EPUB, SCORM) out: quicker while
# writing, and the baseline for tools/benchmark_pdfs.py.
SWITCH = "PRINT_PACKS"
# Set by the offline copy's build, which copies the first build's files instead of making them again.
OFFLINE_FLAG = "offline_copy"


def switched_off(environ: Mapping[str, str]) -> bool:
    """Whether `PRINT_PACKS=off` (or 0, no, false) asks for a build without the packs."""
    return environ.get(SWITCH, "").lower() in ("off", "0", "no", "false")


def packs_skipped(*, command: str, extra: Mapping[str, Any], environ: Mapping[str, str]) -> bool:
    """Whether this build makes no packs: the offline copy's build, `mkdocs serve`, or PRINT_PACKS=off."""
    return bool(extra.get(OFFLINE_FLAG)) or command == "serve" or switched_off(environ)
