"""The reference document that gives every Word file its large-print styles.

pandoc takes the styles (not the words) of a "reference.docx". We make ours in
the build from pandoc's own default, so it always matches the pandoc that uses
it, and change only the styles: 18pt body text in a plain sans-serif font,
headings from 28pt down to 20pt and bold, no italics, left aligned, 1.5 line
spacing, after UKAAF and RNIB large-print guidance.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from ebooks.pandoc import run_pandoc

FONT = "Arial"
BODY_POINTS = 18
# Each heading level a step bigger than the body, so the levels still differ when printed.
HEADING_POINTS = {1: 28, 2: 24, 3: 22, 4: 20, 5: 20, 6: 20, 7: 20, 8: 20, 9: 20}
TITLE_POINTS = 32
SUBTITLE_POINTS = 24
BODY_STYLES = ("Normal", "Body Text", "First Paragraph", "Compact", "Author", "Date", "Abstract", "Block Text",
               "Footnote Text", "Definition Term", "Definition", "Caption", "Table Caption", "Image Caption",
               "Bibliography", "Figure", "Captioned Figure")
BLACK = RGBColor(0, 0, 0)


def default_reference() -> bytes:
    """pandoc's own reference.docx, as bytes."""
    # pandoc writes a binary file to stdout only with -o -; asking for it through a temporary file keeps text mode simple.
    import tempfile

    with tempfile.TemporaryDirectory(prefix="reference-docx-") as folder:
        path = Path(folder) / "reference.docx"
        run_pandoc(["-o", str(path), "--print-default-data-file", "reference.docx"], target=path)
        return path.read_bytes()


def large_print_reference(target: Path, default: bytes | None = None) -> Path:
    """Write the large-print reference document to `target` and return its path."""
    document = Document(io.BytesIO(default if default is not None else default_reference()))
    styles = {style.name: style for style in document.styles}
    for name in BODY_STYLES:
        if name in styles:
            _set(styles[name], BODY_POINTS, bold=name == "Definition Term")
    for level, points in HEADING_POINTS.items():
        if f"Heading {level}" in styles:
            _set(styles[f"Heading {level}"], points, bold=True)
    if "Title" in styles:
        _set(styles["Title"], TITLE_POINTS, bold=True)
    if "Subtitle" in styles:
        _set(styles["Subtitle"], SUBTITLE_POINTS, bold=True)
    if "Hyperlink" in styles:
        styles["Hyperlink"].font.underline = True
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


def _set(style, points: int, *, bold: bool) -> None:
    """Large print for one style: size, font, black, upright, left aligned, 1.5 line spacing."""
    style.font.size = Pt(points)
    style.font.name = FONT
    style.font.italic = False
    style.font.bold = bold
    style.font.color.rgb = BLACK
    paragraph = style.paragraph_format
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.line_spacing = 1.5
