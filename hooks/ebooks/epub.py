"""One EPUB 3 e-book from a pack's HTML: pandoc writes it, then we add its accessibility metadata.

pandoc makes the navigation document from the headings, one chapter per main
heading, and sets the language. It has no settings for the schema.org
accessibility properties (EPUB Accessibility 1.1), so we add them to the
package document afterwards, keeping the zip as EPUB needs it (the `mimetype`
file first, not compressed).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ebooks.pandoc import run_pandoc
from ebooks.word import Metadata

STYLESHEET = Path(__file__).with_name("epub.css")
# Chapters split at each main heading (a part, or a page at the top level); the contents go two levels down.
CHAPTER_LEVEL = 1
CONTENTS_DEPTH = 2
ACCESS_MODES = ("textual",)
ACCESS_MODES_SUFFICIENT = ("textual",)
FEATURES = ("tableOfContents", "readingOrder", "structuralNavigation", "alternativeText", "displayTransformability")
HAZARDS = ("none",)
SUMMARY = ("This e-book is all text, in plain English. It has a table of contents, headings for each part, "
           "and tables with header rows. Your e-reader's own text size, font and colours work with it. "
           "The answers to the questions are at the back, with links to and from each question.")
_METADATA_END = re.compile(r"</metadata>")


def accessibility_metadata(summary: str = SUMMARY) -> str:
    """The schema.org accessibility properties as EPUB 3 `<meta>` elements."""
    lines = [f'<meta property="schema:accessMode">{mode}</meta>' for mode in ACCESS_MODES]
    lines += [f'<meta property="schema:accessModeSufficient">{mode}</meta>' for mode in ACCESS_MODES_SUFFICIENT]
    lines += [f'<meta property="schema:accessibilityFeature">{feature}</meta>' for feature in FEATURES]
    lines += [f'<meta property="schema:accessibilityHazard">{hazard}</meta>' for hazard in HAZARDS]
    lines.append(f'<meta property="schema:accessibilitySummary">{summary}</meta>')
    return "\n    ".join(lines)


def add_accessibility_metadata(opf: str) -> str:
    """The package document `opf` with the accessibility metadata added at the end of its `<metadata>`."""
    if 'property="schema:accessMode"' in opf:
        return opf
    added, count = _METADATA_END.subn(f"  {accessibility_metadata()}\n  </metadata>", opf, count=1)
    if count != 1:
        raise ValueError("the EPUB's package document has no </metadata> to add the accessibility metadata to")
    return added


def write_epub(html: str, target: Path, metadata: Metadata) -> Path:
    """Write `html` as an EPUB 3 e-book at `target`, with its accessibility metadata."""
    target.parent.mkdir(parents=True, exist_ok=True)
    run_pandoc(["--from=html", "--to=epub3", f"--css={STYLESHEET}", f"--epub-chapter-level={CHAPTER_LEVEL}",
                f"--toc-depth={CONTENTS_DEPTH}", "--output", str(target), *metadata.pandoc_arguments()],
               source=html, target=target)
    rewrite_package_document(target, add_accessibility_metadata)
    return target


def rewrite_package_document(path: Path, change) -> None:
    """Apply `change` to the package document (.opf) inside the EPUB at `path`, keeping `mimetype` first and stored."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w") as archive:
        for info, data in entries:
            if info.filename.endswith(".opf"):
                data = change(data.decode("utf-8")).encode("utf-8")
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compress_type=kind)
    temporary.replace(path)
