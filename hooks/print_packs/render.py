"""Turn a pack's HTML into a tagged, large-print PDF with WeasyPrint."""

from __future__ import annotations

import io
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

INSTALL_HINT = ("The PDF packs need WeasyPrint and the Pango library, and they could not be loaded ({cause}). "
                "Install them with: apt-get install libpango-1.0-0 libpangoft2-1.0-0 (or run: make setup)")
# PDF/UA-1: tagged PDF with a structure tree, the document title shown in the
# title bar, and the language (from <html lang>) in the catalogue.
PDF_VARIANT = "pdf/ua-1"


# The packs the last full build in this process wrote. MkDocs loads a hook file
# afresh for each build, but this package only once, so a second build in the
# same process (`mkdocs serve` rebuilding) still sees them. The offline copy is
# built in a process of its own (hooks/hosting/offline_copy.py), which fills this from
# the first build's facts before it starts, and copies the first build's PDFs.
LAST_RENDERED: dict[str, "RenderedPack"] = {}


class EngineMissing(RuntimeError):
    """WeasyPrint or the system libraries it needs are not installed."""


@dataclass(frozen=True)
class RenderedPack:
    """A written PDF: where it is, how many pages and how many bytes."""

    path: Path
    pages: int
    size: int
    # The ids of boxes marked with OVERFLOW_ATTRIBUTE whose words run past their bottom edge.
    overflowing: tuple[str, ...] = ()


# Boxes with this attribute (the cards to cut out) have a fixed size; the engine reports those whose words do not fit.
OVERFLOW_ATTRIBUTE = "data-card-id"


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)


def overflowing_boxes(document, attribute: str = OVERFLOW_ATTRIBUTE) -> list[str]:
    """The `attribute` values of laid-out boxes whose in-flow content ends below their content area.

    WeasyPrint has no public layout API, so this walks its page boxes (pinned at
    weasyprint==70.0 in requirements.txt; tests/print/test_cards.py checks it still works).
    Absolutely placed children (the card's activity label) are left out: they sit in the padding.
    """
    found: list[str] = []
    for page in document.pages:
        for box in _boxes(page._page_box):
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", None) != "div" or element.get(attribute) is None:
                continue
            if box.style["position"] == "absolute":
                continue
            children = [child for child in box.children if child.style["position"] not in ("absolute", "fixed")]
            if not children:
                continue
            content_bottom = box.content_box_y() + box.height
            lowest = max(child.position_y + child.margin_height() for child in children)
            if lowest > content_bottom + 0.5 and element.get(attribute) not in found:
                found.append(element.get(attribute))
    return found


def load_engine() -> ModuleType:
    """Import WeasyPrint, or raise EngineMissing with one line that says how to install it."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        cause = " ".join(str(error).split()) or type(error).__name__
        raise EngineMissing(INSTALL_HINT.format(cause=cause)) from None
    return weasyprint


class _Collect(logging.Handler):
    """Keep WeasyPrint's warnings (a missing font, a CSS rule it ignored) so the build can report them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(html: str, target: Path, *, base_url: str, stylesheets: list[Path]) -> tuple[RenderedPack, list[str]]:
    """Lay out `html` with `stylesheets` and write a PDF to `target`; return what was written and the engine's warnings."""
    weasyprint = load_engine()
    engine_log = logging.getLogger("weasyprint")
    collect = _Collect()
    engine_log.addHandler(collect)
    propagate = engine_log.propagate
    engine_log.propagate = False
    try:
        font_config = weasyprint.text.fonts.FontConfiguration()
        styles = [weasyprint.CSS(filename=str(sheet), font_config=font_config) for sheet in stylesheets]
        document = weasyprint.HTML(string=html, base_url=base_url).render(
            stylesheets=styles, font_config=font_config, pdf_variant=PDF_VARIANT)
        overflowing = tuple(overflowing_boxes(document)) if OVERFLOW_ATTRIBUTE in html else ()
        buffer = io.BytesIO()
        document.write_pdf(buffer, pdf_variant=PDF_VARIANT)
    finally:
        engine_log.removeHandler(collect)
        engine_log.propagate = propagate
    data = buffer.getvalue()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return RenderedPack(target, len(document.pages), len(data), overflowing), collect.messages


@dataclass(frozen=True)
class RenderJob:
    """One pack to render: its HTML, where the PDF goes, and what the engine needs."""

    html: str
    target: Path
    base_url: str
    stylesheets: tuple[Path, ...]


def _run(job: RenderJob) -> tuple[RenderedPack, list[str]]:
    return render_pdf(job.html, job.target, base_url=job.base_url, stylesheets=list(job.stylesheets))


def render_all(jobs: list[RenderJob], workers: int | None = None) -> list[tuple[RenderedPack, list[str]]]:
    """Render every job, side by side on each processor where the system can fork; results in the order of `jobs`."""
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [_run(job) for job in jobs]
    # Longest first, so no processor is left with the biggest pack at the end.
    order = sorted(range(len(jobs)), key=lambda index: -len(jobs[index].html))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = {index: pool.submit(_run, jobs[index]) for index in order}
        return [futures[index].result() for index in range(len(jobs))]
