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
from typing import Callable

from ebooks.pandoc import run_pandoc
from ebooks.word import LANGUAGE, Metadata

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
_PACKAGE = re.compile(r"<package\b(?![^>]*xml:lang)")
_TOC_NAV = re.compile(r'<nav epub:type="toc"(?![^>]*role=)')


def accessibility_metadata(summary: str = SUMMARY) -> str:
    """The schema.org accessibility properties as EPUB 3 `<meta>` elements."""
    lines = [f'<meta property="schema:accessMode">{mode}</meta>' for mode in ACCESS_MODES]
    lines += [f'<meta property="schema:accessModeSufficient">{mode}</meta>' for mode in ACCESS_MODES_SUFFICIENT]
    lines += [f'<meta property="schema:accessibilityFeature">{feature}</meta>' for feature in FEATURES]
    lines += [f'<meta property="schema:accessibilityHazard">{hazard}</meta>' for hazard in HAZARDS]
    lines.append(f'<meta property="schema:accessibilitySummary">{summary}</meta>')
    return "\n    ".join(lines)


def add_accessibility_metadata(opf: str) -> str:
    """The package document `opf` with its language on `<package>` and the accessibility metadata in `<metadata>`."""
    # Ace needs the language on the package itself (xml:lang), not only in dc:language; pandoc 2.17 leaves it off.
    opf = _PACKAGE.sub(f'<package xml:lang="{LANGUAGE}"', opf, count=1)
    if 'property="schema:accessMode"' in opf:
        return opf
    added, count = _METADATA_END.subn(f"  {accessibility_metadata()}\n  </metadata>", opf, count=1)
    if count != 1:
        raise ValueError("the EPUB's package document has no </metadata> to add the accessibility metadata to")
    return added


def write_epub(html: str, target: Path, metadata: Metadata) -> Path:
    """Write `html` as an EPUB 3 e-book at `target`, with its accessibility metadata."""
    target.parent.mkdir(parents=True, exist_ok=True)
    run_pandoc(["--from=html-auto_identifiers", "--to=epub3", f"--css={STYLESHEET}", f"--epub-chapter-level={CHAPTER_LEVEL}",
                f"--toc-depth={CONTENTS_DEPTH}", "--output", str(target), *metadata.pandoc_arguments(date_in_words=False)],
               source=html, target=target)
    rewrite_files(target, {".opf": add_accessibility_metadata, "nav.xhtml": toc_role})
    return target


def toc_role(navigation: str) -> str:
    """The navigation document with the ARIA role that matches its table of contents' epub:type."""
    return _TOC_NAV.sub('<nav epub:type="toc" role="doc-toc"', navigation, count=1)


def rewrite_files(path: Path, changes: dict[str, Callable[[str], str]]) -> None:
    """Apply each change to the files whose names end as its key inside the EPUB at `path`, keeping `mimetype` first and stored."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    temporary = path.with_suffix(".tmp")
    with zipfile.ZipFile(temporary, "w") as archive:
        for info, data in entries:
            for ending, change in changes.items():
                if info.filename.endswith(ending):
                    data = change(data.decode("utf-8")).encode("utf-8")
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compress_type=kind)
    temporary.replace(path)
