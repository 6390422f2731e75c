"""One Word document from a pack's HTML: pandoc with our large-print reference document.

pandoc writes the title, organisation (as author), subject, description and
language (`en-GB`, in the properties and the styles) from the metadata, real
Heading styles, and tables whose first row is a header row (`w:tblHeader`) when
the HTML table has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ebooks.pandoc import run_pandoc

LANGUAGE = "en-GB"


@dataclass(frozen=True)
class Metadata:
    """What a file says about itself: shown on its first page and kept in its properties."""

    title: str
    course: str
    organisation: str
    version: str
    date: str
    description: str
    # The date as YYYY-MM-DD: an EPUB's dc:date must be a date, not words.
    iso_date: str

    def pandoc_arguments(self, *, date_in_words: bool = True) -> list[str]:
        """The metadata as pandoc `-M` arguments: title, course as subtitle, organisation as author, language."""
        date = f"Version {self.version}, {self.date}" if date_in_words else self.iso_date
        return ["-M", f"title={self.title}", "-M", f"subtitle={self.course}", "-M", f"author={self.organisation}",
                "-M", f"date={date}", "-M", f"lang={LANGUAGE}",
                "-M", f"description={self.description}", "-M", f"subject={self.course}"]


def write_docx(html: str, target: Path, metadata: Metadata, reference: Path) -> Path:
    """Write `html` as a large-print Word document at `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    run_pandoc(["--from=html-auto_identifiers", "--to=docx", f"--reference-doc={reference}", "--output", str(target),
                *metadata.pandoc_arguments()], source=html, target=target)
    return target
