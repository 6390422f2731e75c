"""Make every Word and EPUB file: assemble each pack as for its PDF, prepare it, and convert it, two at a time."""

from __future__ import annotations

import datetime as dt
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ebooks.documents import EPUB, Ebook
from ebooks.epub import write_epub
from ebooks.prepare import reflowable_html
from ebooks.reference_docx import large_print_reference
from ebooks.word import Metadata, write_docx
from print_packs.assemble import Cover, assemble_pack
from print_packs.packs import SourcePage

# pandoc runs as its own process: two at once keeps both processors busy without crowding the PDFs' renderers.
WORKERS = 2


# The first build's Word and EPUB files (path under downloads/: size), filled in the offline copy's
# build (hosting/offline_copy.py), which copies those files instead of making them again and lists them.
FIRST_BUILD_FILES: dict[str, int] = {}


@dataclass(frozen=True)
class MadeFile:
    """A written file: what it is, where it is and how many bytes."""

    ebook: Ebook
    path: Path
    size: int


def metadata_for(ebook: Ebook, cover: Cover) -> Metadata:
    """The file's metadata from its pack and the packs' cover."""
    try:
        iso_date = dt.datetime.strptime(cover.date, "%d %B %Y").date().isoformat()
    except ValueError:
        iso_date = dt.date.today().isoformat()
    return Metadata(title=ebook.pack.title, course=cover.course, organisation=cover.organisation,
                    version=cover.version, date=cover.date, description=ebook.pack.description, iso_date=iso_date)


def make_one(ebook: Ebook, pages: list[SourcePage], cover: Cover, downloads: Path, reference: Path) -> MadeFile:
    """Assemble, prepare and convert one file into `downloads`."""
    html = reflowable_html(assemble_pack(ebook.pack, pages, cover).html)
    target = downloads / ebook.path
    if ebook.kind == EPUB:
        write_epub(html, target, metadata_for(ebook, cover))
    else:
        write_docx(html, target, metadata_for(ebook, cover), reference)
    return MadeFile(ebook, target, target.stat().st_size)


def make_all(ebooks: list[Ebook], pages: list[SourcePage], cover: Cover, downloads: Path) -> list[MadeFile]:
    """Every file in `ebooks`, in their order."""
    with tempfile.TemporaryDirectory(prefix="course-word-") as folder:
        reference = large_print_reference(Path(folder) / "reference.docx")
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return list(pool.map(lambda ebook: make_one(ebook, pages, cover, downloads, reference), ebooks))
