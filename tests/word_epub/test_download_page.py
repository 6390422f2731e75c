"""The "Print and download" page lists every Word and EPUB file with its format in words, its size and who it is for."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from ebooks.documents import Ebook, WORD
from ebooks.download_list import GROUPS, MARKER, ebook_list
from print_packs.download_list import file_size
from print_packs.packs import PACKS
from word_epub.conftest import EPUB_FILES, WORD_FILES


def test_list_groups_files_with_format_and_size() -> None:
    handbook = next(pack for pack in PACKS if pack.slug == "learners-handbook")
    html = ebook_list([(Ebook(handbook, WORD, "learners-handbook.docx", "pack"), "../downloads/learners-handbook.docx", 101_294)])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("h3").get_text() == GROUPS[0][1]
    assert soup.find("a").get_text() == "Learner's handbook (Word document, 101 KB)"
    assert soup.find("a").has_attr("download")


def test_print_page_lists_every_word_and_epub_file(site_dir: Path) -> None:
    html = (site_dir / "print" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in html
    links = {a["href"]: a.get_text() for a in BeautifulSoup(html, "html.parser").select("article a[href$='.docx'], article a[href$='.epub']")}
    assert len(links) == len(WORD_FILES) + len(EPUB_FILES)
    for name in WORD_FILES + EPUB_FILES:
        size = file_size((site_dir / "downloads" / name).stat().st_size)
        words = "Word document" if name.endswith(".docx") else "EPUB e-book for e-readers"
        text = links.get(f"../downloads/{name}")
        assert text is not None and text.endswith(f"({words}, {size})"), (name, text)
    page = BeautifulSoup(html, "html.parser").get_text(" ")
    for _, heading, who_for in GROUPS:
        assert heading in page and who_for in page
