"""One visit to every built page in Chromium, gathering what several tests check.

Loading 50 pages costs time, so one pass at a desktop size records, for each page:
axe-core's findings in each colour scheme, the measures of each paragraph, any italic
emphasis, and every request the page makes. The tests in tests/site/ then each check one
thing. Each colour scheme has its own tab, and axe runs in the three tabs at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import axe_playwright_python

from conftest import COLOUR_SCHEMES, context_with_scheme, page_url

# axe-core itself, as the axe-playwright-python package ships it.
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")

# WCAG 2.0-2.2 A and AA, best practice, and the AAA contrast rule (7:1) the course promises.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "rules": {"color-contrast-enhanced": {"enabled": True}},
    # Every element of failing and "needs review" results; passes are listed, not copied out.
    "resultTypes": ["violations", "incomplete"],
}

# The axe rules whose result can change with the colour scheme: the schemes change colours only.
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "color-contrast-enhanced", "link-in-text-block"]},
    "resultTypes": ["violations", "incomplete"],
}

# Measures each paragraph in the article: computed size, line height, margins,
# alignment, and how many characters fit on one of its lines.
MEASURE_PARAGRAPHS = """
() => {
  const canvas = document.createElement("canvas").getContext("2d");
  return [...document.querySelectorAll("article.md-content__inner > p")]
    .filter(p => p.textContent.trim().length > 80 && p.offsetParent !== null)
    .map(p => {
      const style = getComputedStyle(p);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = p.textContent.replace(/\\s+/g, " ").trim();
      const averageCharacter = canvas.measureText(text).width / text.length;
      return {
        text: text.slice(0, 60),
        fontSize: parseFloat(style.fontSize),
        lineHeight: parseFloat(style.lineHeight),
        marginBottom: parseFloat(style.marginBottom),
        align: style.textAlign,
        family: style.fontFamily,
        charactersPerLine: p.clientWidth / averageCharacter,
        followedByParagraph: p.nextElementSibling !== null && p.nextElementSibling.tagName === "P",
      };
    });
}
"""

ITALIC_EMPHASIS = """
() => [...document.querySelectorAll("article em, article i, article cite")]
  .filter(element => getComputedStyle(element).fontStyle !== "normal")
  .map(element => element.textContent)
"""

# axe's colour rules take most of its time, and most of that went on the parts every page shares:
# the header, the tabs, the menus at the sides and the footer, made by one template with the same
# stylesheets on every page. Those parts are checked, in every scheme, on one page of each kind
# (CHROME_CHECKED_ON); on the other pages the colour rules look at the rest (the page's own words).
# Every other rule looks at every whole page.
CHROME = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer")
CHROME_CHECKED_ON = ("index.html", "modules/01-what-co-production-means/index.html",
                     "case-studies/hampshire-commissioning/index.html", "activities/commissioning-panel/index.html",
                     "progress/index.html", "glossary/index.html", "check/index.html", "404.html")
# The whole-course page repeats every other page's content for printing, with the same stylesheets,
# and is by far the slowest page to check. What it has of its own are its headings, each a level or
# two lower than on its own page (h5 and h6 are only here), so there the colour rules look only at
# headings and what is in them. It is visited in the default colours only: loading it three times
# would cost more than its colour checks.
COLOURS_ON_HEADINGS_ONLY = frozenset({"print_page/index.html"})
HEADINGS = ", ".join(f"h{level}, h{level} *" for level in range(1, 7))
COLOUR_RULES = AXE_COLOUR_OPTIONS["runOnly"]["values"]
AXE_OPTIONS_BUT_COLOURS = {**AXE_OPTIONS, "rules": {rule: {"enabled": False} for rule in COLOUR_RULES}}


@dataclass(frozen=True)
class AxeRun:
    """One run of axe: its options, what to look at (axe's context; None for the whole page), and
    rules narrowed to the elements a CSS selector matches ({rule: selector})."""

    options: dict
    context: dict | None = None
    only: dict[str, str] = field(default_factory=dict)


def axe_plan(path: str, scheme: str) -> list[AxeRun]:
    """The axe runs for one page in one scheme (none where the page is not checked in that scheme)."""
    if path in COLOURS_ON_HEADINGS_ONLY:
        return [AxeRun(AXE_OPTIONS, only={rule: HEADINGS for rule in COLOUR_RULES})] if scheme == "default" else []
    if path in CHROME_CHECKED_ON:
        return [AxeRun(AXE_OPTIONS if scheme == "default" else AXE_COLOUR_OPTIONS)]
    colours = AxeRun(AXE_COLOUR_OPTIONS, context={"exclude": [[part] for part in CHROME]})
    return [AxeRun(AXE_OPTIONS_BUT_COLOURS), colours] if scheme == "default" else [colours]


# A request the browser cut off because we moved to the next page is not a failure of the site.
_LEFT_BEHIND = "net::ERR_ABORTED"


@dataclass
class CourseVisit:
    """What one pass over every page found."""

    pages: list[str]
    # scheme -> page -> axe's violations: every rule in "default", the colour rules in the others.
    axe_violations: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    # scheme -> page -> axe's "needs review" results (axe could not decide, for example contrast over an image).
    axe_incomplete: dict[str, dict[str, list[dict]]] = field(default_factory=dict)
    # scheme -> page -> the ids of the axe rules that ran, so a check that ran nothing cannot pass.
    axe_rules_run: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    # scheme -> page -> the ids of the rules that found something to check (passed, failed or needing review).
    axe_rules_applied: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    # scheme -> page -> the scheme Material actually showed.
    schemes_shown: dict[str, dict[str, str | None]] = field(default_factory=dict)
    paragraphs: dict[str, list[dict]] = field(default_factory=dict)
    italic: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)


def describe_violations(violations: list[dict], path: str, scheme: str) -> list[str]:
    """One line per failing element: rule, page, scheme and the element's selector."""
    return [f"{violation['id']} on {path} ({scheme}): {node['target']} - {node['failureSummary'].splitlines()[-1].strip()}"
            for violation in violations for node in violation["nodes"]]


# axe's "needs review" findings (its `incomplete` results) that a person has checked:
# (rule, a CSS selector for the elements) -> why they pass. Any other "needs review" fails
# tests/site/test_accessibility_axe.py. Keep each selector as narrow as the reason.
REVIEWED: dict[tuple[str, str], str] = {
    ("color-contrast", ".md-sidebar--primary .md-nav__link .md-ellipsis"):
        "Menu labels scrolled out of sight inside the menu's own scroll box: axe cannot see them "
        "('partially obscured by another element'). They have the same colour on the same background "
        "as the labels in sight, which axe does check and pass.",
    ("color-contrast", ".md-sidebar--primary .md-nav__title"):
        "The menu's title stays at the top of the menu's scroll box (position: sticky) while the labels "
        "scroll under it, so axe sees it overlap them. Its background is the page's and its text the "
        "page's text colour, checked in every scheme by test_what_axe_cannot_check_uses_the_page_colours.",
    ("color-contrast", ".app-table[role=\"region\"] td"):
        "A cell of a wide table scrolled out of sight inside the table's own scroll box (the six-column "
        "plan on 'Our next step'): axe cannot see its background ('partially overlaps other elements'). "
        "Table cells have one text and background colour, which axe checks and passes on the cells in sight.",
    ("color-contrast", ".app-quiz__question a"):
        "A glossary link in a question's title bar (its legend). The bar's question-mark icon is drawn by "
        "a ::before pseudo element, so axe will not guess the background ('could not be determined due to a "
        "pseudo element'). The icon sits left of the words, not behind them; the link has the page's link "
        "colour on the title bar's background, the pair axe checks and passes on links in other title bars.",
    ("color-contrast-enhanced", ".app-quiz__question a"):
        "As above: the same link, under the AAA contrast rule.",
    ("color-contrast", ".app-readability-chart text"):
        "Text inside the authors' SVG chart: axe cannot work out the background of SVG text. Its fill is "
        "the page's own text colour (fill=\"currentColor\"), on the page background, checked in every "
        "scheme by test_what_axe_cannot_check_uses_the_page_colours.",
}

# Marks each "needs review" element with the REVIEWED selectors it matches, in the page itself,
# because axe's own selectors change from page to page.
_MARK_REVIEWED = """
([results, reviewed]) => results.map(result => ({...result, nodes: result.nodes.map(node => {
  const element = node.target.length === 1 && typeof node.target[0] === "string" ? document.querySelector(node.target[0]) : null;
  return {...node, reviewedAs: reviewed.filter(([rule, css]) => rule === result.id && element && element.matches(css))
                                      .map(([rule, css]) => css)};
})}))
"""


def selector(node: dict) -> str:
    """axe's selector for an element, as one string (a list of selectors when it is inside a frame)."""
    return " ".join(part if isinstance(part, str) else " ".join(part) for part in node["target"])


def mark_reviewed(tab, incomplete: list[dict], reviewed: dict[tuple[str, str], str] = REVIEWED) -> list[dict]:
    """axe's "needs review" results, each element given `reviewedAs`: the REVIEWED selectors it matches."""
    return tab.evaluate(_MARK_REVIEWED, [incomplete, [list(key) for key in reviewed]])


def needs_review(incomplete: list[dict]) -> list[tuple[str, str, str]]:
    """axe's "needs review" findings no one has reviewed: (rule, selector, axe's reason) for each element."""
    return [(result["id"], selector(node), "; ".join(check["message"] for kind in ("any", "all", "none") for check in node[kind]))
            for result in incomplete for node in result["nodes"] if not node.get("reviewedAs")]


def start_axe(tab, runs: list[AxeRun]) -> None:
    """Put axe-core into the page and start its runs, one after another, without waiting for them to finish."""
    tab.evaluate(AXE_SOURCE)
    # axe.run does much of its work before its first pause, so it starts in a task of its own: then
    # this call returns at once, and the tabs of the three colour schemes work at the same time.
    tab.evaluate("""runs => { window.__axeResults = new Promise(started => setTimeout(started, 0)).then(async () => {
      const results = [];
      for (const [options, context, only] of runs) {
        axe.reset();
        axe.configure({rules: Object.entries(only).map(([id, selector]) => ({id, selector}))});
        results.push(await axe.run(context === null ? document : context, options));
      }
      return results;
    }); }""", [[run.options, run.context, run.only] for run in runs])


def axe_results(tab) -> dict:
    """Wait for the runs that start_axe began and return their results, joined as one run's."""
    runs = tab.evaluate("() => window.__axeResults")
    return {kind: [result for run in runs for result in run[kind]] for kind in ("passes", "violations", "incomplete", "inapplicable")}


def run_axe(tab, options: dict = AXE_OPTIONS) -> dict:
    """axe-core on the page as it is now, waiting for the results (the "needs review" ones marked, see REVIEWED)."""
    start_axe(tab, [AxeRun(options)])
    results = axe_results(tab)
    results["incomplete"] = mark_reviewed(tab, results["incomplete"])
    return results


def _record_requests(context, visit: CourseVisit) -> None:
    context.on("request", lambda request: visit.requested.append(request.url))
    context.on("requestfailed", lambda request: visit.failed.append(f"{request.url} ({request.failure})")
               if request.failure != _LEFT_BEHIND else None)
    context.on("response", lambda response: visit.error_responses.append(f"{response.url} ({response.status})")
               if response.status >= 400 else None)


def visit_every_page(browser, site_url: str, page_paths: list[str]) -> CourseVisit:
    """Open each page at 1280x800 in every colour scheme and record what the tests need."""
    visit = CourseVisit(pages=list(page_paths))
    contexts = {scheme: context_with_scheme(browser, scheme) for scheme in COLOUR_SCHEMES}
    _record_requests(contexts["default"], visit)
    tabs = {scheme: context.new_page() for scheme, context in contexts.items()}
    for scheme in COLOUR_SCHEMES:
        visit.axe_violations[scheme], visit.axe_incomplete[scheme] = {}, {}
        visit.axe_rules_run[scheme], visit.axe_rules_applied[scheme], visit.schemes_shown[scheme] = {}, {}, {}
    try:
        for path in page_paths:
            plans = {scheme: axe_plan(path, scheme) for scheme in COLOUR_SCHEMES}
            schemes = {scheme: tab for scheme, tab in tabs.items() if plans[scheme]}
            for scheme, tab in schemes.items():
                tab.goto(page_url(site_url, path))
                visit.schemes_shown[scheme][path] = tab.locator("body").get_attribute("data-md-color-scheme")
                if scheme == "default":
                    visit.paragraphs[path] = tab.evaluate(MEASURE_PARAGRAPHS)
                    visit.italic += [f"{path}: {text}" for text in tab.evaluate(ITALIC_EMPHASIS)]
                start_axe(tab, plans[scheme])
            for scheme, tab in schemes.items():
                results = axe_results(tab)
                visit.axe_violations[scheme][path] = results["violations"]
                visit.axe_incomplete[scheme][path] = mark_reviewed(tab, results["incomplete"])
                visit.axe_rules_run[scheme][path] = {rule["id"] for kind in ("passes", "violations", "incomplete", "inapplicable")
                                                     for rule in results[kind]}
                visit.axe_rules_applied[scheme][path] = {rule["id"] for kind in ("passes", "violations", "incomplete")
                                                         for rule in results[kind]}
        # Let the last page finish anything it started after loading (the search index, say).
        tabs["default"].wait_for_load_state("networkidle")
    finally:
        for context in contexts.values():
            context.close()
    return visit
