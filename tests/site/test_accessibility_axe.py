"""axe-core on every built page, in every colour scheme: zero violations allowed."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import COLOUR_SCHEMES, context_with_scheme, page_url

# WCAG 2.0-2.2 A and AA, best practice, and the AAA contrast rule (7:1) the course promises.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {"color-contrast-enhanced": {"enabled": True}},
}


def describe(violations: list[dict], path: str, scheme: str) -> str:
    """One line per failing element: rule, page, scheme and the element's selector."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']} on {path} ({scheme}): {node['target']} - {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_every_page_has_no_axe_violations(scheme: str, browser, site_url: str, page_paths: list[str]) -> None:
    axe = Axe()
    context = context_with_scheme(browser, scheme)
    tab = context.new_page()
    failures = []
    try:
        for path in page_paths:
            tab.goto(page_url(site_url, path))
            assert tab.locator("body").get_attribute("data-md-color-scheme") == scheme, path
            results = axe.run(tab, options=AXE_OPTIONS)
            violations = results.response["violations"]
            if violations:
                failures.append(describe(violations, path, scheme))
    finally:
        context.close()
    assert len(page_paths) > 40, "the course should have more than 40 pages"
    assert not failures, "axe-core found problems:\n" + "\n".join(failures)
