"""What the tests need from a built PDF pack, read once with pdfplumber and pypdf."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

# A contents line ends with a dotted leader and a page number: "Module 4: ... . . . 53".
# When the words fill the line, the leader has no dots: "... co-production? 74".
_CONTENTS_LINE = re.compile(r"^(?P<title>.*?)[\s.]*\s(?P<page>\d+)$")


def normalise(text: str) -> str:
    """Words separated by single spaces, typographic quotes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    # A line may break after the hyphen in "co-production": join the word again.
    text = re.sub(r"(?<=\w)-\s+(?=\w)", "-", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class PdfPage:
    text: str
    width: float
    height: float
    char_sizes: Counter
    footer: str
    fonts: Counter
    last_line_size: float


@dataclass(frozen=True)
class Bookmark:
    title: str
    page_index: int
    depth: int


@dataclass(frozen=True)
class PackFacts:
    path: Path
    pages: list[PdfPage]
    bookmarks: list[Bookmark]
    reader: PdfReader

    def page_index_of_bookmark(self, title: str) -> int:
        return next(b.page_index for b in self.bookmarks if b.title == title)

    def contents_pages(self) -> range:
        """From the "Contents" bookmark to the next top-level bookmark."""
        top = [b for b in self.bookmarks if b.depth == 0]
        start = next(i for i, b in enumerate(top) if b.title == "Contents")
        return range(top[start].page_index, top[start + 1].page_index)

    def contents_entries(self) -> list[tuple[str, int]]:
        """Each contents entry's words and the page number printed beside it."""
        entries = []
        pending: list[str] = []
        for index in self.contents_pages():
            lines = self.pages[index].text.splitlines()
            for line in lines:
                line = line.strip()
                if not line or line == "Contents" or re.fullmatch(r"Page \d+ of \d+", line):
                    continue
                match = _CONTENTS_LINE.match(line)
                # A number beyond the last page is part of the words ("since 1979"), not a page number.
                if match and int(match.group("page")) <= len(self.pages):
                    title = normalise(" ".join([*pending, match.group("title")]).rstrip(" ."))
                    entries.append((title, int(match.group("page"))))
                    pending = []
                else:
                    pending.append(line)
        assert not pending, f"contents lines with no page number: {pending}"
        return entries


def read_pack(path: Path, pages: list[PdfPage] | None = None) -> PackFacts:
    """Read every page's text, character sizes and footer (unless read already), and the outline, of one PDF."""
    pages = read_pages(path) if pages is None else pages
    reader = PdfReader(path)
    bookmarks: list[Bookmark] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                bookmarks.append(Bookmark(normalise(item.title), reader.get_destination_page_number(item), depth))

    walk(reader.outline, 0)
    return PackFacts(path, pages, bookmarks, reader)


def read_pages(path: Path) -> list[PdfPage]:
    """Every page's text, character sizes, fonts and footer: the slow part, so it can run in another process."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            footer_top = page.height - 2.8 * 72 / 2.54
            chars = page.chars
            sizes = Counter(round(char["size"], 1) for char in chars if char["text"].strip())
            # Font names carry a subset tag: "WJKLAQ+Atkinson-Hyperlegible-Bold".
            fonts = Counter(char["fontname"].split("+")[-1] for char in chars if char["text"].strip())
            body = [char for char in chars if char["text"].strip() and char["top"] < footer_top]
            lowest = max((char["top"] for char in body), default=0)
            last_line_size = max((char["size"] for char in body if abs(char["top"] - lowest) < 4), default=0)
            pages.append(PdfPage(page.extract_text() or "", float(page.width), float(page.height), sizes,
                                 normalise(_words_in(page, footer_top)), fonts, round(last_line_size, 1)))
    return pages


def _words_in(page, top: float) -> str:
    return " ".join(word["text"] for word in page.extract_words() if word["top"] >= top)
