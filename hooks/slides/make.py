"""Make every session's deck from the collected pages: .pptx files, then their PDFs in one LibreOffice run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from print_packs.packs import SourcePage
from slides import FOLDER, deck_stem
from slides.content import Deck, Slide, session_deck
from slides.deck import Colours, deck_bytes
from slides.layout import lay_out
from slides.pdf import convert_to_pdf

PLANS = "trainers/session-{session}-plan.md"


@dataclass(frozen=True)
class MadeDeck:
    """A written deck: its session, title, slides, and the .pptx and PDF files with their sizes."""

    session: int
    title: str
    slides: int
    pptx: str
    pdf: str
    pptx_size: int
    pdf_size: int | None


def session_plans(pages: list[SourcePage]) -> list[SourcePage]:
    """The session plans among the pages, in session order."""
    plans = [page for page in pages if page.src_uri.startswith("trainers/session-") and page.src_uri.endswith("-plan.md")]
    return sorted(plans, key=lambda page: int(page.meta.get("session", 0)))


def decks(pages: list[SourcePage], organisation: str) -> list[tuple[Deck, list[Slide]]]:
    """Each session's deck and its slides laid out for large print."""
    made = []
    for plan in session_plans(pages):
        deck = session_deck(plan, pages, organisation)
        made.append((deck, lay_out(deck.slides)))
    return made


def make_all(pages: list[SourcePage], site_dir: Path, *, organisation: str, colours: Colours = Colours(),
             with_pdf: bool = True) -> list[MadeDeck]:
    """Write every deck's .pptx into site/downloads/slides/ and, with `with_pdf`, its PDF."""
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for deck, slides in decks(pages, organisation):
        path = folder / f"{deck_stem(deck.session)}.pptx"
        path.write_bytes(deck_bytes(deck, slides, organisation=organisation, colours=colours))
        written.append((deck, slides, path))
    pdfs = convert_to_pdf([path for _, _, path in written], folder) if with_pdf else []
    made = []
    for index, (deck, slides, path) in enumerate(written):
        pdf = pdfs[index] if pdfs else folder / f"{path.stem}.pdf"
        made.append(MadeDeck(deck.session, deck.title, len(slides), f"{FOLDER}/{path.name}", f"{FOLDER}/{pdf.name}",
                             path.stat().st_size, pdf.stat().st_size if pdf.is_file() else None))
    return made
