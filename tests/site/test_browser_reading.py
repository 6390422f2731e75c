"""Large print in a real browser: text size, spacing, line length, small screens and zoom."""

from __future__ import annotations

import pytest

from conftest import page_url

HORIZONTAL_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

# WCAG 1.4.12 Text Spacing: the bookmarklet values the success criterion names.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

READING_PAGES = [
    "index.html",
    "modules/01-what-co-production-means/index.html",
    "modules/04-seven-principles/index.html",
    "case-studies/paravar-sangam/index.html",
    "activities/consultation-involvement-or-co-production/index.html",
    "trainers/session-1-plan/index.html",
    "help/index.html",
]


@pytest.fixture(scope="module")
def paragraph_measures(course_visit) -> dict[str, list[dict]]:
    """Every page's article paragraphs, measured at a desktop size (in the shared visit)."""
    return course_visit.paragraphs


def test_paragraphs_were_found(paragraph_measures: dict[str, list[dict]]) -> None:
    assert sum(len(found) for found in paragraph_measures.values()) > 300


def test_body_text_is_at_least_20px(paragraph_measures: dict[str, list[dict]]) -> None:
    small = [f"{path}: {p['fontSize']}px '{p['text']}'" for path, found in paragraph_measures.items()
             for p in found if p["fontSize"] < 20]
    assert not small, "\n".join(small)


def test_body_text_is_atkinson_hyperlegible(paragraph_measures: dict[str, list[dict]]) -> None:
    families = {p["family"].split(",")[0].strip("\"' ") for found in paragraph_measures.values() for p in found}
    assert families == {"Atkinson Hyperlegible"}


def test_the_typeface_is_loaded_from_this_site(page, site_url: str) -> None:
    fonts = []
    page.on("response", lambda response: fonts.append(response.url) if response.request.resource_type == "font" else None)
    page.goto(site_url + "modules/01-what-co-production-means/")
    page.wait_for_function("document.fonts.status === 'loaded'")
    assert page.evaluate("document.fonts.check('20px \"Atkinson Hyperlegible\"')")
    assert any(url.startswith(site_url) and url.endswith("atkinson-hyperlegible-regular.woff2") for url in fonts), fonts
    assert all(url.startswith(site_url) for url in fonts), fonts


def test_line_height_is_at_least_one_and_a_half(paragraph_measures: dict[str, list[dict]]) -> None:
    tight = [f"{path}: '{p['text']}'" for path, found in paragraph_measures.items()
             for p in found if p["lineHeight"] < 1.5 * p["fontSize"]]
    assert not tight, "\n".join(tight)


def test_a_blank_line_between_paragraphs(paragraph_measures: dict[str, list[dict]]) -> None:
    close = [f"{path}: '{p['text']}'" for path, found in paragraph_measures.items()
             for p in found if p["followedByParagraph"] and p["marginBottom"] < p["fontSize"]]
    assert not close, "\n".join(close)


def test_lines_are_no_longer_than_80_characters(paragraph_measures: dict[str, list[dict]]) -> None:
    long_lines = [f"{path}: {p['charactersPerLine']:.0f} characters '{p['text']}'" for path, found in paragraph_measures.items()
                  for p in found if p["charactersPerLine"] > 80]
    assert not long_lines, "\n".join(long_lines)


def test_text_is_left_aligned_never_justified(paragraph_measures: dict[str, list[dict]]) -> None:
    aligned = {p["align"] for found in paragraph_measures.values() for p in found}
    assert aligned <= {"left", "start"}, aligned


def test_emphasis_is_never_italic(course_visit) -> None:
    assert not course_visit.italic, course_visit.italic


def test_no_horizontal_scrolling_at_320px(browser, site_url: str, page_paths: list[str]) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    scrolling = {}
    for path in page_paths:
        tab.goto(page_url(site_url, path))
        overflow = tab.evaluate(HORIZONTAL_OVERFLOW)
        if overflow > 0:
            scrolling[path] = overflow
    context.close()
    assert not scrolling, f"pages wider than 320px (extra pixels): {scrolling}"


@pytest.mark.parametrize("path", READING_PAGES)
def test_nothing_lost_at_200_percent_zoom(path: str, browser, site_url: str) -> None:
    # 200% zoom of a 1280px window leaves 640 CSS pixels, drawn at twice the density.
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    tab = context.new_page()
    tab.goto(page_url(site_url, path))
    assert tab.evaluate(HORIZONTAL_OVERFLOW) <= 0
    assert tab.get_by_role("heading", level=1).is_visible()
    # The navigation moves behind a menu button, which must open it.
    menu = tab.get_by_role("button", name="Open the course menu")
    menu.focus()
    tab.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    menu_links = tab.get_by_role("navigation", name="Course contents").get_by_role("link", name="10. Keeping it going")
    assert menu_links.first.is_visible()
    tab.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    context.close()


@pytest.mark.parametrize("path", READING_PAGES)
def test_text_spacing_does_not_clip_or_overflow(path: str, browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(page_url(site_url, path))
    tab.add_style_tag(content=TEXT_SPACING_CSS)
    assert tab.evaluate(HORIZONTAL_OVERFLOW) <= 0
    clipped = tab.evaluate("""() => [...document.querySelectorAll('article p, article li, article h1, article h2, .md-nav__link, .md-footer__link')]
        .filter(e => e.offsetParent !== null)
        .filter(e => { const s = getComputedStyle(e); return (s.overflow === 'hidden' || s.overflowX === 'hidden') && e.scrollWidth > e.clientWidth + 1; })
        .map(e => e.textContent.trim().slice(0, 50))""")
    context.close()
    assert not clipped, clipped


WIDE_TABLE_FACTS = """
() => {
  const table = document.querySelector("table[data-app-stacks]");
  const region = table.closest(".app-table");
  const cell = table.querySelector("tbody td");
  return {
    display: getComputedStyle(table).display,
    label: getComputedStyle(cell, "::before").content,
    sideways: region.scrollWidth - region.clientWidth,
  };
}
"""


@pytest.mark.parametrize("width, display, label", [(320, "block", '"Start: "'), (1280, "table", "none")])
def test_wide_tables_become_labelled_boxes_on_a_phone(browser, site_url: str, width: int, display: str, label: str) -> None:
    """A session plan on a phone: each row a box, each cell led by its heading, nothing to scroll sideways."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + "trainers/session-1-plan/")
    facts = tab.evaluate(WIDE_TABLE_FACTS)
    context.close()
    assert facts["display"] == display
    assert facts["label"] == label
    if width == 320:
        assert facts["sideways"] <= 0, facts
