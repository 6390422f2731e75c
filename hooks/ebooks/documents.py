"""Which Word and EPUB files the build makes, and from which pages: the packs, then each handout and form on its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from bs4 import BeautifulSoup

from print_packs.assemble import is_activity
from print_packs.handouts import HANDOUT
from print_packs.packs import PACKS, TRAINER_FORMS, Pack, Part, SourcePage

WORD = "docx"
EPUB = "epub"
# The packs as Word documents (to read with your own settings, or adapt), and as e-books for learners.
WORD_PACKS = ("learners-handbook", "session-1-pack", "session-2-pack", "trainers-guide")
EPUB_PACKS = ("learners-handbook", "session-1-pack", "session-2-pack")
HANDOUTS_FOLDER = "handouts"
FORMS_FOLDER = "forms"


@dataclass(frozen=True)
class Ebook:
    """One file to make: the pack it holds, its format and its path under `downloads/`."""

    pack: Pack
    kind: str
    path: str
    group: str

    @property
    def format_in_words(self) -> str:
        """What a reader calls this format."""
        return "Word document" if self.kind == WORD else "EPUB e-book for e-readers"


def _page_title(page: SourcePage) -> str:
    heading = BeautifulSoup(page.html, "html.parser").find("h1")
    return " ".join(heading.get_text(" ", strip=True).split()) if heading else page.title


def _stem(page: SourcePage) -> str:
    return PurePosixPath(page.src_uri).stem


def handout_pack(page: SourcePage) -> Pack:
    """One activity's handout as a pack of its own, for a trainer to adapt."""
    title = _page_title(page)
    return Pack(slug=f"handout-{_stem(page)}", title=f"Handout: {title}",
                description=f"The handout for the activity \"{title}\", for the people taking part.",
                parts=(Part(None, (page.src_uri,)),), handouts_only=True)


def form_pack(page: SourcePage) -> Pack:
    """One of the trainer's forms as a pack of its own, ready to adapt and hand out."""
    title = _page_title(page)
    return Pack(slug=f"form-{_stem(page)}", title=title,
                description=f"The form \"{title}\", for the trainer to adapt and hand out.",
                parts=(Part(None, (page.src_uri,)),))


def has_handout(page: SourcePage) -> bool:
    """Whether an activity page has a handout for participants."""
    return BeautifulSoup(page.html, "html.parser").select_one(HANDOUT) is not None


def ebooks(pages: list[SourcePage]) -> list[Ebook]:
    """Every file to make from `pages` (in menu order): packs in Word and EPUB, then handouts and forms in Word."""
    by_slug = {pack.slug: pack for pack in PACKS}
    chosen = [Ebook(by_slug[slug], WORD, f"{slug}.{WORD}", "pack") for slug in WORD_PACKS]
    chosen += [Ebook(by_slug[slug], EPUB, f"{slug}.{EPUB}", "pack") for slug in EPUB_PACKS]
    for page in pages:
        if is_activity(page) and has_handout(page):
            chosen.append(Ebook(handout_pack(page), WORD, f"{HANDOUTS_FOLDER}/{_stem(page)}.{WORD}", "handout"))
    forms = {uri: index for index, uri in enumerate(TRAINER_FORMS)}
    for page in sorted((page for page in pages if page.src_uri in forms), key=lambda page: forms[page.src_uri]):
        chosen.append(Ebook(form_pack(page), WORD, f"{FORMS_FOLDER}/{_stem(page)}.{WORD}", "form"))
    return chosen
