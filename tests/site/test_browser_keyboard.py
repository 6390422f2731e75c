"""Keyboard, targets, colour choice, search and requests, in a real browser."""

from __future__ import annotations

import pytest

from conftest import page_url, search_the_course

LONG_PAGE = "modules/04-seven-principles/index.html"

# The box of the focused element and of the sticky header, in viewport pixels, once the page has settled.
FOCUS_AND_HEADER = """
async () => {
  // What a person sees a tenth of a second after pressing the key.
  await new Promise(resolve => setTimeout(resolve, 100));
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const focused = document.activeElement;
  const header = document.querySelector("header.md-header");
  const box = focused.getBoundingClientRect();
  return {
    name: (focused.getAttribute("aria-label") || focused.textContent || focused.tagName).trim().slice(0, 60),
    inHeader: header.contains(focused) || focused.classList.contains("md-skip") || focused === document.body,
    inSidebar: focused.closest(".md-sidebar") !== null,
    top: box.top, bottom: box.bottom, height: box.height,
    headerBottom: header.getBoundingClientRect().bottom,
  };
}
"""

# Visible links and buttons in the header, the navigation sidebar and the footer.
SMALL_TARGETS = """
() => [...document.querySelectorAll(
    "header a, header button, header label[tabindex], header [role=button], " +
    ".md-sidebar--primary a, .md-sidebar--primary button, footer a, footer button, .md-skip")]
  .filter(e => { const s = getComputedStyle(e); return e.getClientRects().length && s.visibility !== "hidden" && s.opacity !== "0"; })
  .map(e => { const b = e.getBoundingClientRect(); return {name: (e.getAttribute("aria-label") || e.textContent).trim().slice(0, 50), width: b.width, height: b.height}; })
  .filter(b => b.width > 0 && (b.width < 44 || b.height < 44))
"""


def test_first_tab_stop_is_the_skip_link_and_it_moves_focus_to_the_content(page, site_url: str) -> None:
    page.goto(site_url + LONG_PAGE.replace("index.html", ""))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", level=1)
    assert heading.evaluate("element => element === document.activeElement")
    # The next Tab continues from the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("direction", ["Tab", "Shift+Tab"])
def test_a_focused_element_is_never_hidden_under_the_sticky_header(direction: str, page, site_url: str) -> None:
    page.goto(site_url + LONG_PAGE.replace("index.html", ""))
    if direction == "Shift+Tab":
        page.keyboard.press("End")
        page.evaluate("document.querySelector('footer a').focus()")
    hidden = []
    visited = 0
    for _ in range(120):
        page.keyboard.press(direction)
        state = page.evaluate(FOCUS_AND_HEADER)
        if state["inHeader"] or state["inSidebar"] or state["height"] == 0:
            continue
        visited += 1
        if state["top"] < state["headerBottom"]:
            hidden.append(f"{state['name']!r}: top {state['top']:.0f}px, header ends at {state['headerBottom']:.0f}px")
    assert visited > 20, "too few focusable elements in the content to test"
    assert not hidden, "\n".join(hidden)


@pytest.mark.parametrize("width", [1280, 320])
def test_targets_in_header_navigation_and_footer_are_at_least_44px(width: int, browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    small = {}
    for path in ["index.html", "modules/01-what-co-production-means/index.html", "case-studies/index.html", "help/index.html"]:
        tab.goto(page_url(site_url, path))
        if width < 500:
            tab.get_by_role("button", name="Open the course menu").click()
        found = tab.evaluate(SMALL_TARGETS)
        if found:
            small[path] = found
    context.close()
    assert not small, small


def test_skip_link_shows_above_the_header_when_focused(page, site_url: str) -> None:
    page.goto(site_url)
    page.keyboard.press("Tab")
    on_top = page.evaluate("""() => { const skip = document.activeElement; const box = skip.getBoundingClientRect();
        return skip.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)); }""")
    assert on_top


def test_colours_are_chosen_by_name_from_the_keyboard_and_remembered(page, site_url: str) -> None:
    page.goto(site_url)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    colours = page.get_by_role("button", name="Colours")
    colours.focus()
    page.keyboard.press("Enter")
    assert colours.get_attribute("aria-expanded") == "true"
    choices = page.get_by_role("group", name="Choose the colours")
    assert [choice.inner_text().strip() for choice in choices.get_by_role("button").all()] == ["Light", "Dark", "High contrast"]
    assert choices.get_by_role("button", name="Light", pressed=True).is_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press(" ")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert choices.get_by_role("button", pressed=True).inner_text().strip() == "Dark"
    # Stored as Material's own toggle stores it, which its first script reads on every page.
    assert page.evaluate("JSON.parse(localStorage.getItem('/.__palette'))") == {
        "index": 1, "color": {"media": "", "scheme": "slate", "primary": "custom", "accent": "custom"}}
    page.keyboard.press("Escape")
    assert colours.get_attribute("aria-expanded") == "false"
    assert colours.evaluate("button => button === document.activeElement")
    page.goto(site_url + "glossary/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.get_by_role("button", name="Colours").click()
    page.get_by_role("button", name="High contrast").click()
    page.reload()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "high-contrast"
    page.get_by_role("button", name="Colours").click()
    assert page.get_by_role("button", name="High contrast", pressed=True).is_visible()


@pytest.mark.parametrize("width, height, zoom", [(320, 640, 1), (640, 400, 2)], ids=["320px", "200-percent-zoom"])
def test_the_colour_choices_fit_the_screen_with_44px_targets(width: int, height: int, zoom: int, browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=zoom)
    tab = context.new_page()
    tab.goto(site_url)
    tab.get_by_role("button", name="Colours").click()
    boxes = [choice.bounding_box() for choice in tab.get_by_role("group", name="Choose the colours").get_by_role("button").all()]
    context.close()
    assert len(boxes) == 3
    for box in boxes:
        assert box["width"] >= 44 and box["height"] >= 44, box
        assert 0 <= box["x"] and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height, box


def test_without_javascript_the_page_is_light_and_has_no_colour_button(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url)
    scheme = tab.locator("body").get_attribute("data-md-color-scheme")
    colour_buttons = tab.get_by_role("button", name="Colours").count()
    context.close()
    assert scheme == "default"
    assert colour_buttons == 0


def test_menu_button_works_with_space_and_escape(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 400, "height": 800})
    tab = context.new_page()
    tab.goto(site_url)
    menu = tab.get_by_role("button", name="Open the course menu")
    menu.focus()
    tab.keyboard.press(" ")
    assert menu.get_attribute("aria-expanded") == "true"
    assert tab.get_by_role("link", name="Glossary").first.is_visible()
    tab.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    context.close()


# What Firefox does on a reload: it ticks a checkbox again, as soon as the page's HTML puts it there.
_TICK_AGAIN_AS_FIREFOX_DOES = """
new MutationObserver((changes, observer) => {
  for (const id of ["__drawer", "__search"]) {
    const toggle = document.getElementById(id);
    if (toggle && !toggle.dataset.ticked) { toggle.checked = true; toggle.dataset.ticked = "yes"; }
  }
}).observe(document, {childList: true, subtree: true});
"""


def test_a_page_opens_with_menu_and_search_closed_when_the_browser_ticks_them_again(browser, site_url: str) -> None:
    """Material's autocomplete="off" is not valid on a checkbox, so app-header-buttons.js closes them instead."""
    context = browser.new_context(viewport={"width": 400, "height": 800})
    context.add_init_script(_TICK_AGAIN_AS_FIREFOX_DOES)
    tab = context.new_page()
    tab.goto(site_url, wait_until="load")
    assert tab.get_by_role("button", name="Open the course menu").get_attribute("aria-expanded") == "false"
    assert tab.evaluate("[document.getElementById('__drawer').checked, document.getElementById('__search').checked]") == [False, False]
    assert tab.locator("form#app-toggles").count() == 0
    context.close()


def test_search_finds_course_pages_with_no_internet(page, site_url: str) -> None:
    page.goto(site_url)
    search_the_course(page, "Bovaird")
    assert "found" in page.locator(".md-search-result__meta").inner_text()
    assert "What co-production means" in page.locator(".md-search-result").inner_text()


def test_no_request_leaves_the_local_server(course_visit, site_url: str) -> None:
    """Every request of every page, as recorded in the shared visit, goes to this site."""
    # No page fetches the search index until a learner opens search (hooks/assets/material_script.py).
    assert not any(url.endswith("search_index.json") for url in course_visit.requested), "a page load fetched the search index"
    assert any("/assets/javascripts/workers/search." in url for url in course_visit.requested), "Material's search worker never started"
    outside = sorted({url for url in course_visit.requested if not url.startswith((site_url, "data:", "blob:"))})
    assert not outside, f"requests to other hosts: {outside}"


def test_no_request_fails(course_visit) -> None:
    assert len({url.split("#")[0] for url in course_visit.requested}) > len(course_visit.pages)
    assert not course_visit.failed, f"failed requests: {sorted(set(course_visit.failed))}"
    assert not course_visit.error_responses, f"error responses: {sorted(set(course_visit.error_responses))}"
