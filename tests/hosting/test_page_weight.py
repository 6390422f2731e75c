"""Light enough for an old phone: fonts, scripts that hold up the text, and the page-weight budget.

The full table, with stock Material beside it, is `make benchmark-weight`
(tools/benchmark_page_weight.py). These tests check sizes, never timings.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import tinycss2
from bs4 import BeautifulSoup

from conftest import built_pages, page_url
from hosting.page_weight import BUDGET_KIB, NOT_BUDGETED_PAGES, file_for_url, kib, page_weight

OUR_FONTS = {"assets/fonts/atkinson-hyperlegible-regular.woff2", "assets/fonts/atkinson-hyperlegible-bold.woff2"}


def font_faces(css: str) -> list[dict[str, str]]:
    """Each @font-face rule in a stylesheet, as its declarations."""
    faces = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            faces.append({d.lower_name: tinycss2.serialize(d.value).strip() for d in declarations if d.type == "declaration"})
    return faces


def test_the_only_font_files_are_our_two_woff2(site_dir: Path) -> None:
    fonts = {path.relative_to(site_dir).as_posix() for pattern in ("*.woff2", "*.woff", "*.ttf", "*.otf", "*.eot")
             for path in site_dir.rglob(pattern)}
    assert fonts == OUR_FONTS


def test_every_font_face_is_optional_and_uses_only_our_woff2(site_dir: Path) -> None:
    """`optional` with a preload: the first paint waits a moment for the font, and text never moves when it arrives
    (`swap` moved the page: issue 13, tests/site/test_browser_layout_shift.py)."""
    faces = []
    for sheet in site_dir.rglob("*.css"):
        for face in font_faces(sheet.read_text(encoding="utf-8")):
            if "url(" not in face["src"]:
                # A fallback matched to the typeface (app-fonts-fallback.css): a font already on the computer, no file.
                assert face["src"].startswith("local(") and "size-adjust" in face, f"{sheet.name}: {face}"
                continue
            faces.append((sheet, face))
            assert face.get("font-display") == "optional", f"{sheet.name}: {face}"
            sources = re.findall(r"url\(\s*['\"]?([^'\")]+)", face["src"])
            resolved = {(sheet.parent / source).resolve().relative_to(site_dir.resolve()).as_posix() for source in sources}
            assert resolved <= OUR_FONTS, f"{sheet.name} loads {resolved - OUR_FONTS}"
            assert "format(\"woff2\")" in face["src"] or "format('woff2')" in face["src"]
    # Each page's one stylesheet of ours (hooks/assets/) has the same two faces.
    per_sheet = Counter(sheet for sheet, _ in faces)
    assert per_sheet and set(per_sheet.values()) == {2}, "one @font-face for each weight we use: regular and bold"


def test_every_page_preloads_both_weights(site_dir: Path) -> None:
    """`font-display: optional` uses a font at the first paint only if it is already on its way: both are preloaded."""
    missing = []
    for path in built_pages(site_dir):
        soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
        preloaded = {link["href"].rsplit("/", 1)[-1] for link in soup.select('link[rel="preload"][as="font"][crossorigin]')}
        wanted = {Path(font).name for font in OUR_FONTS}
        if preloaded != wanted:
            missing.append(f"{path}: {sorted(wanted - preloaded)}")
    assert missing == [], missing


def test_no_page_waits_on_a_script_file_before_showing_text(site_dir: Path) -> None:
    """Every script file, Material's, print-site's and ours, is deferred (or async), wherever it is in the page.

    One without, even at the end of <body>, can run before the text is first drawn. Material
    starts on DOMContentLoaded, and print-site's inline call waits for it too: both wait for
    deferred scripts.
    """
    blocking, material = [], []
    for path in built_pages(site_dir):
        soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
        for script in soup.select("script[src]"):
            if not (script.has_attr("defer") or script.has_attr("async") or script.get("type") == "module"):
                blocking.append(f"{path}: {script['src']}")
        if path == "index.html":
            material = soup.select('script[src*="/bundle."]')
    assert blocking == [], blocking
    assert len(material) == 1 and material[0].has_attr("defer"), "Material's own script, deferred by overrides/main.html"


def heaviest_pages(site_dir: Path, count: int) -> list[str]:
    """The pages with the most HTML, which are the heaviest: every page shares the same CSS, JS and fonts."""
    pages = [path for path in built_pages(site_dir) if path.endswith("index.html")
             and not any(path.startswith(skip) for skip in NOT_BUDGETED_PAGES) and not path.startswith("authors/")]
    return sorted(pages, key=lambda path: (site_dir / path).stat().st_size, reverse=True)[:count]


@pytest.fixture(scope="module")
def measured(browser, site_dir: Path, site_url: str):
    """The start page and the three heaviest pages, each opened with an empty cache; what they loaded."""
    results = {}
    for path in ["index.html", *heaviest_pages(site_dir, 3)]:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        urls: list[str] = []
        kinds: dict[str, str] = {}
        context.on("request", lambda request: (urls.append(request.url), kinds.__setitem__(request.url, request.resource_type)))
        tab = context.new_page()
        tab.goto(page_url(site_url, path), wait_until="load")
        tab.wait_for_load_state("networkidle")
        context.close()
        results[path] = (page_weight(path, urls, site_dir, site_url), kinds)
    return results


def test_heaviest_pages_are_within_the_budget(measured) -> None:
    for path, (weight, _) in measured.items():
        assert weight.outside == [] and weight.missing == [], (path, weight.outside, weight.missing)
        assert kib(weight.budgeted) <= BUDGET_KIB, f"{path}: {kib(weight.budgeted):.1f} KiB of HTML, CSS, JS and fonts"
        assert weight.by_kind["html"] > 0 and weight.by_kind["css"] > 0 and weight.by_kind["fonts"] > 0, weight.by_kind


def test_pages_load_only_our_fonts(measured, site_dir: Path, site_url: str) -> None:
    for path, (_, kinds) in measured.items():
        fonts = {file_for_url(url, site_dir, site_url).relative_to(site_dir).as_posix()
                 for url, kind in kinds.items() if kind == "font"}
        assert fonts and fonts <= OUR_FONTS, (path, fonts)
