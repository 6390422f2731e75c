"""axe-core on every built page, in every colour scheme: zero violations allowed.

The pages are visited once (tests/every_page_visit.py): every rule in the default colours,
and the colour rules again in the dark and high-contrast schemes, which change colours only.
"""

from __future__ import annotations

import pytest

from conftest import COLOUR_SCHEMES
from every_page_visit import AXE_COLOUR_OPTIONS, describe_violations, run_axe


def failures(course_visit, scheme: str) -> list[str]:
    return [line for path, violations in course_visit.axe_violations[scheme].items()
            for line in describe_violations(violations, path, scheme)]


def test_every_page_has_no_axe_violations_in_the_default_colours(course_visit) -> None:
    """Every rule: WCAG 2.0-2.2 A and AA, best practice, and 7:1 contrast."""
    assert len(course_visit.axe_violations["default"]) > 40, "the course should have more than 40 pages"
    for path, rules in course_visit.axe_rules_run["default"].items():
        assert {"color-contrast-enhanced", "landmark-unique", "target-size", "image-alt"} <= rules, path
    problems = failures(course_visit, "default")
    assert not problems, "axe-core found problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", [scheme for scheme in COLOUR_SCHEMES if scheme != "default"])
def test_every_page_keeps_its_contrast_in_the_other_colours(course_visit, scheme: str) -> None:
    shown = course_visit.schemes_shown[scheme]
    assert set(shown.values()) == {scheme}, f"pages not shown in {scheme}: {[p for p, s in shown.items() if s != scheme]}"
    wanted = set(AXE_COLOUR_OPTIONS["runOnly"]["values"])
    for path, rules in course_visit.axe_rules_run[scheme].items():
        assert rules == wanted, (path, rules)
    problems = failures(course_visit, scheme)
    assert not problems, "axe-core found problems:\n" + "\n".join(problems)


def test_the_default_colours_are_the_default_scheme(course_visit) -> None:
    assert set(course_visit.schemes_shown["default"].values()) == {"default"}


PHONE_TABLE_PAGES = [
    "trainers/session-1-plan/",
    "activities/where-does-the-power-sit/",
    "activities/our-next-step/",
    "modules/01-what-co-production-means/",
]


@pytest.mark.parametrize("path", PHONE_TABLE_PAGES)
def test_tables_stacked_on_a_phone_have_no_axe_violations(browser, site_url: str, path: str) -> None:
    """At 320px the tables show as boxes (app-layout.css): every rule again, in that state."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        tab.goto(site_url + path)
        assert tab.evaluate("getComputedStyle(document.querySelector('table[data-app-stacks]')).display") == "block"
        problems = describe_violations(run_axe(tab)["violations"], path, "default, 320px")
    finally:
        context.close()
    assert not problems, "axe-core found problems:\n" + "\n".join(problems)
