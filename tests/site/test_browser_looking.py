"""Tests that look: pages as a learner sees them at 320, 390 and 1280 px in every colour scheme.

Each case fails when text spills: a line of the header's title outside the header, a word of it
cut across two lines, or any text reaching past the edge of the screen. Each case also saves a
screenshot in test-artefacts/looking/ (git-ignored; `make test` prints the folder) so a person
can look at every state.
"""

from __future__ import annotations

import pytest

from conftest import COLOUR_SCHEMES, PROJECT_DIR, context_with_scheme, page_url

ARTEFACTS = PROJECT_DIR / "test-artefacts" / "looking"
PAGES = {
    "start": "index.html",
    "module": "modules/04-seven-principles/index.html",
    "case-study": "case-studies/time-to-shine-older-people-throughout/index.html",
    "progress": "progress/index.html",
}
WIDTHS = (320, 390, 1280)

# Where text spills, as sentences. Text counts as seen unless it, or a box round it, is hidden,
# see-through or clipped away (the closed menu drawer, words for screen readers only).
SPILLS = """
() => {
  const problems = [];
  const screenWidth = document.documentElement.clientWidth;
  const header = document.querySelector("header.md-header").getBoundingClientRect();
  const shown = element => element.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const where = rect => `${Math.round(rect.left)} to ${Math.round(rect.right)} px across, ` +
                        `${Math.round(rect.top)} to ${Math.round(rect.bottom)} px down`;
  const boxes = range => [...range.getClientRects()].filter(rect => rect.width > 0 && rect.height > 0);

  // The header's title: each line box inside the header, and no word cut across two lines.
  const topics = [...document.querySelectorAll(".md-header__topic")].filter(shown);
  if (!topics.length) problems.push("the header shows no title");
  for (const topic of topics) {
    const whole = document.createRange();
    whole.selectNodeContents(topic);
    for (const line of boxes(whole)) {
      if (line.top < header.top - 1 || line.bottom > header.bottom + 1 || line.left < header.left - 1 || line.right > header.right + 1) {
        problems.push(`a line of the header title "${topic.textContent.trim()}" (${where(line)}) lies outside the header (${where(header)})`);
      }
    }
    const walker = document.createTreeWalker(topic, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A word may break after its hyphen ("co-" / "production"), never inside a part.
      for (const part of node.data.matchAll(/[^\\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, part.index);
        range.setEnd(node, part.index + part[0].length);
        const tops = new Set(boxes(range).map(rect => Math.round(rect.top)));
        if (tops.size > 1) problems.push(`the header title "${topic.textContent.trim()}" cuts "${part[0]}" across two lines`);
      }
    }
  }

  // Any text past the left or right edge of the screen.
  const clipped = (element, rect) => {
    let box = {left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom};
    for (let parent = element; parent && parent !== document.documentElement; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflowX !== "visible" || style.overflowY !== "visible" || style.clipPath !== "none" || style.clip !== "auto") {
        const edge = parent.getBoundingClientRect();
        box = {left: Math.max(box.left, edge.left), right: Math.min(box.right, edge.right),
               top: Math.max(box.top, edge.top), bottom: Math.min(box.bottom, edge.bottom)};
      }
    }
    return box.right - box.left > 1 && box.bottom - box.top > 1 ? box : null;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT,
    {acceptNode: node => node.data.trim() && node.parentElement && shown(node.parentElement) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of boxes(range)) {
      const seen = clipped(node.parentElement, rect);
      // Wholly left of the screen, where nobody can scroll, is how the closed menu drawer is hidden.
      if (seen && seen.right > 0 && (seen.left < -1 || seen.right > screenWidth + 1)) {
        const element = node.parentElement;
        problems.push(`"${node.data.trim().slice(0, 50)}" in <${element.tagName.toLowerCase()} class="${element.className}"> ` +
                      `runs past the ${screenWidth} px screen (${where(seen)})`);
        break;
      }
    }
  }
  return problems;
}
"""


@pytest.fixture(scope="module")
def scheme_tabs(browser):
    """One tab per colour scheme, each in a context where the learner chose that scheme."""
    contexts = {scheme: context_with_scheme(browser, scheme) for scheme in COLOUR_SCHEMES}
    yield {scheme: context.new_page() for scheme, context in contexts.items()}
    for context in contexts.values():
        context.close()


def open_as_seen(tab, url: str, scheme: str) -> None:
    """Open a page and wait until it is drawn as a learner sees it: its scripts run, its fonts and its scheme."""
    tab.goto(url, wait_until="load")
    tab.evaluate("document.fonts.ready.then(() => true)")
    tab.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=scheme)


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_name", list(PAGES))
def test_no_text_spills(page_name: str, width: int, scheme: str, scheme_tabs, site_url: str) -> None:
    tab = scheme_tabs[scheme]
    tab.set_viewport_size({"width": width, "height": 800})
    open_as_seen(tab, page_url(site_url, PAGES[page_name]), scheme)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=ARTEFACTS / f"{page_name}-{width}px-{scheme}.png")
    problems = tab.evaluate(SPILLS)
    if width >= 1220:
        # On a wide screen the header stays put and shows the page's own title once its heading
        # has scrolled away (Material's header topic): that title must fit too.
        tab.get_by_role("heading", level=1).evaluate("heading => window.scrollTo(0, heading.offsetTop + heading.offsetHeight + 200)")
        tab.locator(".md-header__title--active").wait_for()
        tab.screenshot(path=ARTEFACTS / f"{page_name}-{width}px-{scheme}-scrolled.png")
        problems += [f"scrolled down: {problem}" for problem in tab.evaluate(SPILLS)]
    assert not problems, "\n".join(problems)
