"""The "Print and download" page links every pack with its real page count and size."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from print.conftest import PACKS_BY_SLUG
from print_packs.download_list import MARKER, file_size


@pytest.mark.parametrize("size, words", [(850, "1 KB"), (245_300, "245 KB"), (1_234_567, "1.2 MB")])
def test_file_size_in_words(size: int, words: str) -> None:
    assert file_size(size) == words


def test_print_page_lists_each_pack_with_pages_and_size(site_dir: Path) -> None:
    html = (site_dir / "print" / "index.html").read_text(encoding="utf-8")
    assert MARKER not in html
    links = {a["href"]: a.get_text() for a in BeautifulSoup(html, "html.parser").select("article a[href$='.pdf']:not([href*='slides/'])")}
    assert len(links) == len(PACKS_BY_SLUG)
    for pack in PACKS_BY_SLUG.values():
        href = f"../downloads/{pack.filename}"
        pdf = site_dir / "downloads" / pack.filename
        expected = f"{pack.title} (PDF, {len(PdfReader(pdf).pages)} pages, {file_size(pdf.stat().st_size)})"
        assert links.get(href) == expected


def test_offline_copy_lists_the_packs_with_pages_too(site_dir: Path) -> None:
    """The offline copy does not render the PDFs again, but its page still gives pages and size."""
    import zipfile

    archive = site_dir / "downloads" / "course-offline.zip"
    if not archive.is_file():
        pytest.skip("this build made no offline copy")
    with zipfile.ZipFile(archive) as opened:
        name = next(n for n in opened.namelist() if n.endswith("/print.html"))
        html = opened.read(name).decode("utf-8")
    texts = [a.get_text() for a in BeautifulSoup(html, "html.parser").select("a[href$='.pdf']:not([href*='slides/'])")]
    assert len(texts) == len(PACKS_BY_SLUG)
    assert all(" pages, " in text for text in texts), texts
