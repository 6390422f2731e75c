"""axe-core on every built page, in every colour scheme: zero violations, and no unreviewed "needs review".

The pages are visited once (tests/every_page_visit.py): every rule in the default colours,
and the colour rules again in the dark and high-contrast schemes, which change colours only.
The colour rules check the parts every page shares (header, menus, footer) on one page of
each kind (CHROME_CHECKED_ON), and each page's own part on every page. The whole-course
print page, made of the others, is checked in the default colours, where the colour rules
look at its headings only (COLOURS_ON_HEADINGS_ONLY). tests/every_page_visit.py says why.

axe reports "needs review" (its `incomplete` results) when it cannot decide, for example the
contrast of text over an image or a see-through layer. Each one must be fixed, or listed in
REVIEWED in tests/every_page_visit.py by rule and CSS selector with the reason a person found it passes.
"""

from __future__ import annotations

import pytest

from conftest import COLOUR_SCHEMES, context_with_scheme
from every_page_visit import AXE_COLOUR_OPTIONS, CHROME_CHECKED_ON, COLOURS_ON_HEADINGS_ONLY, REVIEWED, axe_plan, describe_violations, mark_reviewed, needs_review, run_axe


def failures(course_visit, scheme: str) -> list[str]:
    return [line for path, violations in course_visit.axe_violations[scheme].items()
            for line in describe_violations(violations, path, scheme)]


def unreviewed(incomplete: list[dict], path: str, scheme: str) -> list[str]:
    """One line per element axe could not decide on that is not in REVIEWED."""
    return [f"{rule} on {path} ({scheme}): {target} - needs review: {reason}"
            for rule, target, reason in needs_review(incomplete)]


REVIEW_HOW = ("\nCheck each by hand. Fix it, or add (rule, CSS selector) to REVIEWED in "
              "tests/every_page_visit.py with the reason it passes.")


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_axe_ran_on_every_page_in_the_scheme_it_was_meant_for(course_visit, scheme: str) -> None:
    """A check that ran nothing cannot pass: every page was checked, in the scheme asked for, by the right rules."""
    expected = [path for path in course_visit.pages if axe_plan(path, scheme)]
    missing = sorted(set(CHROME_CHECKED_ON) - set(course_visit.pages))
    assert not missing, f"CHROME_CHECKED_ON in tests/every_page_visit.py names pages that were not built: {missing}"
    assert sorted(course_visit.axe_rules_run[scheme]) == sorted(expected)
    colour_rules = set(AXE_COLOUR_OPTIONS["runOnly"]["values"])
    for path in COLOURS_ON_HEADINGS_ONLY & set(expected):
        # Its headings were found and their colours checked, not passed over as "inapplicable".
        checked = {"color-contrast", "color-contrast-enhanced"} & course_visit.axe_rules_applied[scheme][path]
        assert checked == {"color-contrast", "color-contrast-enhanced"}, f"{path} ({scheme}): axe checked the colours of no heading"
    for path, rules in course_visit.axe_rules_run[scheme].items():
        # Every rule we ask for is reported, as passed, failed, needing review or not applicable.
        assert colour_rules <= rules, f"{path} ({scheme}): axe did not run {sorted(colour_rules - rules)}"
        if scheme == "default":
            assert {"image-alt", "label", "heading-order", "target-size"} <= rules, f"{path}: axe ran only {sorted(rules)}"
        else:
            assert rules == colour_rules, f"{path} ({scheme}): expected only the colour rules, not {sorted(rules - colour_rules)}"
    shown = {path: seen for path, seen in course_visit.schemes_shown[scheme].items() if seen != scheme}
    assert not shown, f"these pages did not show the {scheme} colour scheme: {shown}"


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_every_needs_review_result_is_fixed_or_reviewed(course_visit, scheme: str) -> None:
    """axe's "needs review" results fail unless listed with a reason (contrast over layers can hide there)."""
    problems = [line for path, incomplete in course_visit.axe_incomplete[scheme].items()
                for line in unreviewed(incomplete, path, scheme)]
    assert not problems, "axe-core could not decide on these:\n" + "\n".join(problems) + REVIEW_HOW


def test_every_reviewed_item_still_happens(course_visit) -> None:
    """An entry in REVIEWED that no page matches any more is out of date: remove it."""
    used = {(result["id"], css) for pages in course_visit.axe_incomplete.values() for incomplete in pages.values()
            for result in incomplete for node in result["nodes"] for css in node["reviewedAs"]}
    stale = sorted(set(REVIEWED) - used)
    assert not stale, f"REVIEWED in tests/every_page_visit.py lists items axe no longer reports: {stale}"


_MADE_UP_INCOMPLETE = [{"id": "color-contrast", "nodes": [
    {"target": [".app-hero p"], "any": [{"message": "Element's background color could not be determined due to a background image"}],
     "all": [], "none": []}]}]


def test_needs_review_results_are_reported_unless_reviewed(page) -> None:
    """The check above can fail: a made-up contrast result over a picture is reported until it is listed."""
    page.set_content('<div class="app-hero"><p>Words over a picture</p></div>')
    marked = mark_reviewed(page, _MADE_UP_INCOMPLETE)
    assert unreviewed(marked, "index.html", "default") == [
        "color-contrast on index.html (default): .app-hero p - needs review: "
        "Element's background color could not be determined due to a background image"]
    listed = mark_reviewed(page, _MADE_UP_INCOMPLETE, {("color-contrast", ".app-hero > p"): "checked by hand"})
    assert listed[0]["nodes"][0]["reviewedAs"] == [".app-hero > p"]
    assert needs_review(listed) == []
    other_rule = mark_reviewed(page, _MADE_UP_INCOMPLETE, {("link-in-text-block", ".app-hero > p"): "another rule"})
    assert len(needs_review(other_rule)) == 1


@pytest.mark.parametrize("scheme", COLOUR_SCHEMES)
def test_what_axe_cannot_check_uses_the_page_colours(browser, site_url: str, scheme: str) -> None:
    """Two REVIEWED items pass because they take the page's own colours, which axe checks: in every scheme."""
    context = context_with_scheme(browser, scheme)
    tab = context.new_page()
    try:
        tab.goto(site_url + "authors/readability/")
        colours = tab.evaluate("""() => {
          const style = selector => getComputedStyle(document.querySelector(selector));
          const title = style(".md-sidebar--primary .md-nav__title");
          return {chartText: style(".app-readability-chart text").fill, chartBar: style(".app-readability-chart rect").fill,
                  titleText: title.color, titleBackground: title.backgroundColor,
                  pageText: style("article.md-content__inner").color, pageBackground: style("body").backgroundColor};
        }""")
    finally:
        context.close()
    assert colours["chartText"] == colours["chartBar"] == colours["pageText"], (scheme, colours)
    assert colours["titleText"] == colours["pageText"] and colours["titleBackground"] == colours["pageBackground"], (scheme, colours)


PHONE_TABLE_PAGES = [
    "trainers/session-1-plan/",
    "activities/where-does-the-power-sit/",
    "activities/our-next-step/",
    "modules/01-what-co-production-means/",
]


@pytest.mark.parametrize("path", PHONE_TABLE_PAGES)
def test_tables_stacked_on_a_phone_have_no_axe_violations(browser, site_url: str, path: str) -> None:
    """At 320px the tables show as boxes (app-layout.css): every rule again in that state, "needs review" too."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        tab.goto(site_url + path)
        assert tab.evaluate("getComputedStyle(document.querySelector('table[data-app-stacks]')).display") == "block"
        results = run_axe(tab)
        problems = describe_violations(results["violations"], path, "default, 320px")
        problems += unreviewed(results["incomplete"], path, "default, 320px")
    finally:
        context.close()
    assert not problems, "axe-core found problems:\n" + "\n".join(problems) + REVIEW_HOW


def test_on_the_whole_course_page_the_colour_rules_check_headings_and_only_headings(page) -> None:
    """The narrowed colour rules still fail a faint heading (h5 and h6 are only on that page), and pass over the rest."""
    from every_page_visit import axe_results, start_axe

    page.set_content('<html lang="en"><head><title>t</title></head><body><main>'
                     '<h5 id="faint-heading" style="color: #bbb">A heading too faint to read</h5>'
                     '<p id="faint-words" style="color: #ccc">Words checked on their own pages instead</p></main></body></html>')
    start_axe(page, axe_plan("print_page/index.html", "default"))
    colour_failures = {(result["id"], node["target"][0]) for result in axe_results(page)["violations"]
                       for node in result["nodes"] if result["id"] in AXE_COLOUR_OPTIONS["runOnly"]["values"]}
    assert colour_failures == {("color-contrast", "#faint-heading")}


@pytest.mark.parametrize("path, expected", [
    ("glossary/index.html", {"#faint-header", "#faint-words"}),
    ("modules/02-why-it-matters/index.html", {"#faint-words"}),
])
def test_the_shared_parts_colours_are_checked_on_one_page_of_each_kind(page, path: str, expected: set[str]) -> None:
    """On a page in CHROME_CHECKED_ON the colour rules check the header too; elsewhere its own words, and only those."""
    from every_page_visit import axe_results, start_axe

    page.set_content('<html lang="en"><head><title>t</title></head><body>'
                     '<header class="md-header"><p id="faint-header" style="color: #bbb">Co-production</p></header><main>'
                     '<p id="faint-words" style="color: #ccc">Words too faint to read</p></main></body></html>')
    start_axe(page, axe_plan(path, "slate"))
    failing = {node["target"][0] for result in axe_results(page)["violations"] for node in result["nodes"]}
    assert failing == expected
