"""Tidy mkdocs-print-site-plugin's combined page (the whole course on one page) for readers and screen readers.

The plugin keeps each page's own `h1`, so the combined page has dozens of
them, and it adds an empty "permanent link" to each section title. We give the
page one `h1` and move every other heading down by how deep it sits, so no
heading level is skipped, and take out the empty links and empty sections.
Landmarks that now share a name (two session plans' tables) get the name of
their page added, so they stay distinguishable (axe rule landmark-unique).

The page must also be valid HTML (tests/site/test_html_valid.py): the plugin
marks each section with a `heading-number` attribute, which HTML does not
have, and the regular expression it uses to give each page's heading ids the
page's name skips a heading that follows another tag with an id-like attribute
on the same line (`data-page-id="…"><h2 id="sources">`), so two pages'
"Sources" headings share an id. We finish that renaming, and report any id
still used twice, rather than leave a page whose links go to the wrong place.

Links inside the page must lead somewhere too. The plugin turns a link to
another page into a link to that page's section (`#help`), even for a page it
leaves out (the help, progress and notes pages), it writes the start page's
section as `#.`, and its menu keeps an entry for a section we take out because it
is empty. So a link to a page not on this page goes to the page itself
(`page_addresses`), `#.` goes to the start page's section, and the menu entry
goes; any other link to nowhere is reported (HTML_CodeSniffer: G1, G123, G124).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from print_packs.clean import HEADINGS


@dataclass(frozen=True)
class TidiedPage:
    """The combined page's HTML after tidying, and each thing that could not be done."""

    html: str
    problems: tuple[str, ...] = ()


def _depth(heading: Tag, container: Tag) -> int:
    depth = 0
    for parent in heading.parents:
        if parent is container:
            break
        if parent.name == "section" and "print-page" in (parent.get("class") or []):
            depth += 1
    return depth


def tidy_combined_page(html: str, title: str, page_addresses: Mapping[str, str] | None = None) -> TidiedPage:
    """One `h1` (`title`), every other heading moved down by its depth, no empty links or sections, valid HTML.

    `page_addresses`: each page's key (print-site's `get_page_key`) and its address from this page,
    for links to pages that are not on it.
    """
    soup = BeautifulSoup(html, "html.parser")
    container = soup.find(id="print-site-page")
    if container is None:
        return TidiedPage(html, ('could not find the plugin\'s <div id="print-site-page"> around the pages, so '
                                 "nothing was tidied: check whether mkdocs-print-site-plugin has changed its markup",))
    for link in container.select("a.headerlink"):
        if not link.get_text(strip=True):
            link.decompose()
    emptied = set()
    for section in container.select("section.md-section"):
        if section.find("section") is None:
            emptied.add(str(section.get("id", "")))
            section.decompose()
    for heading in container.find_all(HEADINGS):
        level = int(heading.name[1]) + max(1, _depth(heading, container))
        heading.name = f"h{min(6, level)}"
    for section in container.select("section.print-page"):
        del section["heading-number"]
    _page_heading_ids(container)
    _unique_region_names(container)
    main_heading = soup.new_tag("h1")
    main_heading.string = title
    container.insert_before(main_heading)
    repeated = sorted(name for name, count in Counter(str(tag["id"]) for tag in soup.find_all(id=True)).items() if count > 1)
    problems = [f'id="{name}" is used more than once, so links to it may go to the wrong place' for name in repeated]
    problems += _links_that_lead_somewhere(soup, emptied, page_addresses or {})
    return TidiedPage(str(soup), tuple(problems))


# What print-site writes for a link to the start page (index.md), whose section is "index".
_START_PAGE_LINK, _START_PAGE_SECTION = ".", "index"


def _links_that_lead_somewhere(soup: BeautifulSoup, emptied: set[str], page_addresses: Mapping[str, str]) -> list[str]:
    """Point each in-page link whose target is not on the page where it should go; return the ones that cannot."""
    ids = {str(tag["id"]) for tag in soup.find_all(id=True)}
    problems = []
    for link in soup.select('a[href^="#"]'):
        target = str(link["href"])[1:]
        if not target or target in ids:
            continue
        if target in emptied:
            entry = link.find_parent("li")
            (entry or link).decompose()
        elif target == _START_PAGE_LINK and _START_PAGE_SECTION in ids:
            link["href"] = f"#{_START_PAGE_SECTION}"
        elif target in page_addresses:
            link["href"] = page_addresses[target]
        else:
            problems.append(f'a link to "#{target}" ({link.get_text(" ", strip=True)[:40]}), which is not on the page')
    return problems


def _page_heading_ids(container: Tag) -> None:
    """Start each heading's id with its page's name, as the plugin means to, where it did not."""
    for page in container.select("section.print-page:not(.md-section)"):
        key = str(page.get("id", ""))
        if not key:
            continue
        for heading in page.find_all(HEADINGS, id=True):
            if heading["id"] != key and not str(heading["id"]).startswith(f"{key}-"):
                heading["id"] = f"{key}-{heading['id']}"


def _unique_region_names(container: Tag) -> None:
    """Add the page's title to a region's name when an earlier region has the same name."""
    seen: set[str] = set()
    for region in container.select("[role=region][aria-label]"):
        name = str(region["aria-label"])
        if name in seen:
            page = region.find_parent("section", class_="print-page")
            title = page.find(HEADINGS) if page is not None else None
            if title is not None:
                name = f"{name}, in {title.get_text(' ', strip=True)}"
                region["aria-label"] = name
        seen.add(name)
