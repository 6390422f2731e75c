"""A first visit lighter than stock Material's (issue 25), in Chromium.

- The search index (the whole course's text) is fetched only when a learner opens search,
  and the first search after that finds what it should, by mouse and by keyboard
  (hooks/assets/material_script.py; the offline copy's in tests/hosting/test_offline_copy.py).
- Material's palette.css is not loaded, and putting it back changes nothing in any scheme.
- Text shows at once in a fallback font matched to Atkinson Hyperlegible, and the swap to
  the typeface moves nothing: the font files are held back until the page has been drawn.
"""

from __future__ import annotations

import re

import pytest

from conftest import COLOUR_SCHEMES, context_with_scheme

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
INDEX = re.compile(r"/search/search_index\.json$")


def requests_of(tab) -> list[str]:
    urls: list[str] = []
    tab.on("request", lambda request: urls.append(request.url))
    return urls


# --- The search index, only when someone searches ----------------------------------------

@pytest.mark.parametrize("size", SIZES)
def test_a_page_load_does_not_fetch_the_search_index(browser, site_url: str, size: str) -> None:
    context = browser.new_context(viewport=SIZES[size])
    try:
        tab = context.new_page()
        urls = requests_of(tab)
        # Every request the page makes by itself has ended once the network has been quiet for 0.5 s.
        tab.goto(site_url + "modules/01-what-co-production-means/", wait_until="networkidle")
        assert any("/assets/javascripts/workers/search." in url for url in urls), "Material's search worker still starts"
        assert not [url for url in urls if INDEX.search(url)], "the search index was fetched before anyone searched"
        assert tab.evaluate("document.getElementById('__search').checked") is False
    finally:
        context.close()


def _results_for_assets(tab) -> None:
    from playwright.sync_api import expect

    results = tab.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(tab.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ pages? found"))
    titles = " ".join(results.all_inner_texts())
    assert "assets in the room" in titles.lower(), titles


@pytest.mark.parametrize("size", SIZES)
def test_the_first_search_by_mouse_fetches_the_index_and_finds_assets(browser, site_url: str, size: str) -> None:
    context = browser.new_context(viewport=SIZES[size])
    try:
        tab = context.new_page()
        tab.goto(site_url, wait_until="networkidle")
        with tab.expect_request(INDEX):
            if size == "phone":
                # The header's search button (page_chrome's button inside Material's label for its search toggle).
                tab.get_by_role("button", name="Search this course").click()
            else:
                tab.get_by_role("textbox", name="Search the course").click()
        box = tab.get_by_role("textbox", name="Search the course")
        box.press_sequentially("assets", delay=50)
        _results_for_assets(tab)
    finally:
        context.close()


def test_the_first_search_by_keyboard_fetches_the_index_and_finds_assets(browser, site_url: str) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport=SIZES["desktop"])
    try:
        tab = context.new_page()
        start = site_url + "glossary/"
        tab.goto(start, wait_until="networkidle")
        with tab.expect_request(INDEX):
            tab.keyboard.press("/")
        box = tab.get_by_role("textbox", name="Search the course")
        expect(box).to_be_focused()
        tab.keyboard.type("assets", delay=50)
        _results_for_assets(tab)
        # Down to the first result and Enter opens it, as in stock Material.
        tab.keyboard.press("ArrowDown")
        tab.keyboard.press("Enter")
        # Wait for the URL to change, not for one that matches: the glossary itself matches, and
        # closing the context while the result's page is still loading hangs Chromium (seen in CI).
        tab.wait_for_url(lambda url: url != start)
        assert re.search(r"/(activities|modules|glossary|case-studies|trainers)/", tab.url), tab.url
    finally:
        context.close()


def test_tabbing_into_the_search_box_fetches_the_index(browser, site_url: str) -> None:
    context = browser.new_context(viewport=SIZES["desktop"])
    try:
        tab = context.new_page()
        tab.goto(site_url, wait_until="networkidle")
        with tab.expect_request(INDEX):
            for _ in range(40):
                tab.keyboard.press("Tab")
                if tab.evaluate("document.activeElement && document.activeElement.matches('.md-search__input')"):
                    break
        assert tab.evaluate("document.activeElement.matches('.md-search__input')"), "Tab never reached the search box"
    finally:
        context.close()


# --- Material's palette.css: not loaded, and not needed ----------------------------------

# Every element's computed style, as one list of strings, in the scheme the page shows.
COMPUTED_STYLES = """
() => Array.from(document.querySelectorAll("body *")).map((element, number) => {
  const style = getComputedStyle(element);
  return number + " " + element.tagName + " " + Array.from(style).map(name => name + ":" + style.getPropertyValue(name)).join(";");
})
"""

ADD_PALETTE = """
href => new Promise((resolve, reject) => {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  link.onload = resolve;
  link.onerror = () => reject(new Error("cannot load " + href));
  // Where Material's template put it: straight after its main stylesheet.
  document.querySelector('link[href*="assets/stylesheets/main."]').after(link);
})
"""


def test_no_page_loads_the_palette_stylesheet(site_dir) -> None:
    from conftest import built_pages

    loading = [path for path in built_pages(site_dir) if "stylesheets/palette." in (site_dir / path).read_text(encoding="utf-8")]
    assert loading == []


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_material_palette_stylesheet_would_change_nothing(browser, site_url: str, site_dir, scheme: str) -> None:
    palette = sorted(site_dir.glob("assets/stylesheets/palette.*.min.css"))
    assert len(palette) == 1, "Material's palette.css is still copied into the site, for this test"
    context = context_with_scheme(browser, scheme)
    try:
        tab = context.new_page()
        tab.goto(site_url + "activities/commissioning-panel/", wait_until="load")
        tab.evaluate("document.fonts.ready.then(() => true)")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == scheme
        without = tab.evaluate(COMPUTED_STYLES)
        tab.evaluate(ADD_PALETTE, site_url + palette[0].relative_to(site_dir).as_posix())
        with_palette = tab.evaluate(COMPUTED_STYLES)
    finally:
        context.close()
    assert len(without) == len(with_palette) > 100
    changed = [(before[:160], after[:160]) for before, after in zip(without, with_palette) if before != after]
    assert changed == [], f"palette.css changes {len(changed)} elements in the {scheme} scheme, the first: {changed[:2]}"


# --- The font swap moves nothing -----------------------------------------------------------

LAYOUT_SHIFT_TOTAL = """
() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) shifts.push({value: entry.value, moved: entry.sources.map(source =>
        String(source.node && (source.node.nodeName + "." + (source.node.className || ""))) + " " +
        JSON.stringify(source.previousRect) + " -> " + JSON.stringify(source.currentRect))});
    }
  }).observe({type: "layout-shift", buffered: true});
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(shifts)));
})
"""

FIRST_PAINT_WITHOUT_THE_FONT = """
() => new Promise(resolve => {
  const done = () => resolve({painted: performance.getEntriesByName("first-contentful-paint").length > 0,
                              loaded: document.fonts.check('20px "Atkinson Hyperlegible"')});
  if (performance.getEntriesByName("first-contentful-paint").length) return done();
  new PerformanceObserver(done).observe({type: "paint", buffered: true});
})
"""

PAGES = {
    "home": "",
    "module 1": "modules/01-what-co-production-means/",
    "case study": "case-studies/hampshire-commissioning/",
    "activity": "activities/commissioning-panel/",
    "Your progress": "progress/",
    "glossary": "glossary/",
}


def swap_shift(browser, url: str, viewport: dict, change_css=None) -> tuple[float, list, dict]:
    """The page's layout shift when its font files arrive only after it has been drawn in the fallback.

    `change_css`, if given, rewrites our stylesheet bundle's text on its way to the page (to try
    `font-display: swap`, say: app-fonts.css gives what that measured).
    """
    context = browser.new_context(viewport=viewport)
    held, released = [], []

    def rewrite(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=change_css(response.text()))

    def hold(route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    try:
        tab = context.new_page()
        context.route(re.compile(r"\.woff2$"), hold)
        if change_css:
            context.route(re.compile(r"/assets/stylesheets/app\.[0-9a-f]{8}\.min\.css$"), rewrite)
        tab.goto(url, wait_until="domcontentloaded")
        first = tab.evaluate(FIRST_PAINT_WITHOUT_THE_FONT)
        # The page has been drawn in the fallback (and the next frame too); now let the fonts come.
        tab.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        released.append(True)
        for route in held:
            route.continue_()
        tab.wait_for_load_state("load")
        tab.wait_for_function("document.fonts.check('20px \"Atkinson Hyperlegible\"') && document.fonts.status === 'loaded'")
        tab.evaluate("document.fonts.ready.then(() => true)")
        shifts = tab.evaluate(LAYOUT_SHIFT_TOTAL)
        fonts = tab.evaluate("Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)")
    finally:
        context.close()
    first["held"] = len(held)
    first["fonts"] = fonts
    return sum(shift["value"] for shift in shifts), shifts, first


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PAGES)
def test_fonts_that_arrive_after_the_first_paint_move_nothing(browser, site_url: str, kind: str, size: str) -> None:
    """On a slow line: the page is drawn in the matched fallback, and stays still when the files come."""
    total, shifts, first = swap_shift(browser, site_url + PAGES[kind], SIZES[size])
    assert first["painted"] and not first["loaded"] and first["held"] >= 1, f"not drawn in the fallback first: {first}"
    assert total == 0, f"{kind} at {size} size: the late fonts shifted the layout by {total:.4f}:\n" + "\n".join(
        f"{shift['value']:.4f}: " + "; ".join(shift["moved"][:3]) for shift in shifts)


def test_a_search_result_opens_with_the_words_highlighted(browser, site_url: str) -> None:
    """Material's search.highlight still works: the page a result opens (?h=) reads the index and marks the words."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport=SIZES["desktop"])
    try:
        tab = context.new_page()
        tab.goto(site_url, wait_until="networkidle")
        box = tab.get_by_role("textbox", name="Search the course")
        box.click()
        box.press_sequentially("assets", delay=50)
        _results_for_assets(tab)
        tab.locator(".md-search-result__item").first.locator("a").first.click()
        tab.wait_for_url(re.compile(r"\?h=assets"))
        expect(tab.locator("article mark").first).to_be_attached(timeout=15_000)
        assert "assets" in tab.locator("article mark").first.inner_text().lower()
    finally:
        context.close()
