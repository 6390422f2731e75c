"""Checks on the built HTML of every page: structure, language and no outside requests."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup


def soup_of(site_dir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def soups(site_dir: Path, page_paths: list[str]) -> dict[str, BeautifulSoup]:
    """Every built page, parsed once for all the checks below (which only read them)."""
    return {path: soup_of(site_dir, path) for path in page_paths}


def test_every_page_is_british_english(soups: dict[str, BeautifulSoup]) -> None:
    wrong = [path for path, soup in soups.items() if soup.html.get("lang") != "en-GB"]
    assert not wrong, f"pages without lang=en-GB: {wrong}"


def test_every_page_has_one_main_heading(soups: dict[str, BeautifulSoup]) -> None:
    counts = {path: len(soup.select("article h1")) for path, soup in soups.items()}
    wrong = {path: count for path, count in counts.items() if count != 1}
    assert not wrong, f"pages without exactly one h1 in the article: {wrong}"


def test_no_heading_levels_are_skipped(soups: dict[str, BeautifulSoup]) -> None:
    problems = []
    for path, soup in soups.items():
        levels = [int(h.name[1]) for h in soup.select("article :is(h1, h2, h3, h4, h5, h6)")]
        for before, after in zip(levels, levels[1:]):
            if after > before + 1:
                problems.append(f"{path}: h{before} is followed by h{after}")
    assert not problems, "\n".join(problems)


def test_every_image_has_alt_text(soups: dict[str, BeautifulSoup]) -> None:
    missing = [f"{path}: {img.get('src')}" for path, soup in soups.items() for img in soup.select("img:not([alt])")]
    assert not missing, f"images without alt text: {missing}"


def test_every_page_links_previous_and_next_by_name(site_dir: Path) -> None:
    soup = soup_of(site_dir, "modules/02-why-it-matters/index.html")
    footer_links = {link.get("aria-label", ""): link for link in soup.select("nav.md-footer__inner a")}
    labels = " | ".join(footer_links)
    assert "1. What co-production means" in labels, labels
    assert "3. The jargon in plain words" in labels, labels


@pytest.mark.parametrize("attribute, selector", [
    ("src", "script[src]"), ("src", "img[src]"), ("href", "link[href]"), ("src", "iframe[src]"),
    ("src", "source[src]"), ("data", "object[data]"),
])
def test_no_resource_is_loaded_from_another_host(attribute: str, selector: str, soups: dict[str, BeautifulSoup]) -> None:
    outside = []
    for path, soup in soups.items():
        for element in soup.select(selector):
            address = element[attribute]
            if element.name == "link" and element.get("rel") == ["canonical"]:
                continue
            if urlsplit(address).scheme in ("http", "https") or address.startswith("//"):
                outside.append(f"{path}: <{element.name} {attribute}={address!r}>")
    assert not outside, "resources from other hosts:\n" + "\n".join(outside)


def test_css_loads_nothing_from_another_host(site_dir: Path) -> None:
    outside = []
    for sheet in site_dir.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        for marker in ("@import url(http", "url(http", "url(//", "fonts.googleapis", "fonts.gstatic"):
            if marker in text:
                outside.append(f"{sheet.relative_to(site_dir)}: {marker}")
    assert not outside, outside


def test_theme_does_not_ask_for_google_fonts(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_font_licence_ships_with_the_fonts(site_dir: Path) -> None:
    fonts = site_dir / "assets" / "fonts"
    assert sorted(p.name for p in fonts.glob("*.woff2")) == ["atkinson-hyperlegible-bold.woff2", "atkinson-hyperlegible-regular.woff2"]
    assert "SIL OPEN FONT LICENSE" in (fonts / "OFL.txt").read_text(encoding="utf-8").upper()
