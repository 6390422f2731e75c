"""A second accessibility engine: HTML_CodeSniffer (npm html_codesniffer, pinned) at WCAG 2 AAA, on one page of each kind.

axe-core checks every page (tests/every_page_visit.py); HTML_CodeSniffer has rules
of its own, such as H32.2 (a form must have a submit button) and H59.1 (a <link>
belongs in the head). It runs inside Chromium on the served build, and any error
it reports in our markup fails, naming the page, the rule and the element.
Its warnings and notices ask for a person's judgement, so they are not counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT_DIR, page_url

HTMLCS = PROJECT_DIR / "node_modules" / "html_codesniffer" / "build" / "HTMLCS.js"

# One page of each kind: every template, every generated page, and the pages our scripts fill in.
PAGES = [
    "index.html", "modules/01-what-co-production-means/index.html", "case-studies/index.html",
    "case-studies/paravar-sangam/index.html", "activities/index.html", "activities/jargon-buster/index.html",
    "trainers/index.html", "trainers/session-1-plan/index.html", "trainers/sign-in-sheet/index.html",
    "glossary/index.html", "sources/index.html", "about/index.html", "check/index.html", "progress/index.html",
    "notes/index.html", "print/index.html", "help/index.html", "accessibility/index.html", "404.html",
    "authors/readability/index.html", "print_page/index.html",
]

# Errors in Material's own markup, not ours, each with the reason it is left.
NOT_OURS = {
    # Material's search box is a <form> with a reset button only. It submits nothing: Material's script
    # answers Enter by opening the best match, and Tab closes the search, so a submit button there would
    # be a control no keyboard reaches. H32 is for forms that send what was typed.
    ("H32.2", "form.md-search__form"),
}

_RUN = """([source, notOurs]) => new Promise((resolve) => {
  const script = document.createElement("script");
  script.textContent = source;
  document.head.appendChild(script);
  HTMLCS.process("WCAG2AAA", document, () => resolve(HTMLCS.getMessages()
    .filter((message) => message.type === HTMLCS.ERROR)
    .filter((message) => !notOurs.some(([code, selector]) =>
      message.code.endsWith("." + code) && message.element.matches && message.element.matches(selector)))
    .map((message) => `${message.code.split(".").slice(-2).join(".")}: ${message.msg} `
      + `${(message.element.outerHTML || message.element.nodeName).slice(0, 160)}`)));
})"""


@pytest.fixture(scope="module")
def htmlcs_source() -> str:
    if not HTMLCS.is_file():
        pytest.fail(f"HTML_CodeSniffer is not installed at {HTMLCS}. Run: npm ci --ignore-scripts (make setup does it)",
                    pytrace=False)
    return HTMLCS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sniffer_tab(browser):
    # The script is added to the page by Playwright, past the page's own policy (there is none on this test server).
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_html_codesniffer_finds_no_error_in_our_markup(sniffer_tab, site_url: str, site_dir: Path, htmlcs_source: str,
                                                      path: str) -> None:
    assert (site_dir / path).is_file(), f"{path} is not in the build: update PAGES"
    sniffer_tab.goto(page_url(site_url, path), wait_until="load")
    errors = sniffer_tab.evaluate(_RUN, [htmlcs_source, [list(item) for item in NOT_OURS]])
    assert errors == [], f"{path}:\n" + "\n".join(errors)


def test_the_sniffer_reports_a_form_with_no_submit_button(sniffer_tab, site_url: str, htmlcs_source: str) -> None:
    """The check can fail: a form of our own with nothing to submit it is reported."""
    sniffer_tab.goto(site_url, wait_until="load")
    sniffer_tab.evaluate("document.body.append(Object.assign(document.createElement('form'), {id: 'probe-form'}))")
    errors = sniffer_tab.evaluate(_RUN, [htmlcs_source, [list(item) for item in NOT_OURS]])
    assert any(error.startswith("H32.2") and 'id="probe-form"' in error for error in errors), errors
