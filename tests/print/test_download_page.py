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
    links = {a["href"]: a.get_text() for a in BeautifulSoup(html, "html.parser").select("article a[href$='.pdf']")}
    assert len(links) == len(PACKS_BY_SLUG)
    for pack in PACKS_BY_SLUG.values():
        href = f"../downloads/{pack.filename}"
        pdf = site_dir / "downloads" / pack.filename
        expected = f"{pack.title} (PDF, {len(PdfReader(pdf).pages)} pages, {file_size(pdf.stat().st_size)})"
        assert links.get(href) == expected
