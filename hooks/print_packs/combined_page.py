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
"""

from __future__ import annotations

from collections import Counter
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


def tidy_combined_page(html: str, title: str) -> TidiedPage:
    """One `h1` (`title`), every other heading moved down by its depth, no empty links or sections, valid HTML."""
    soup = BeautifulSoup(html, "html.parser")
    container = soup.find(id="print-site-page")
    if container is None:
        return TidiedPage(html, ('could not find the plugin\'s <div id="print-site-page"> around the pages, so '
                                 "nothing was tidied: check whether mkdocs-print-site-plugin has changed its markup",))
    for link in container.select("a.headerlink"):
        if not link.get_text(strip=True):
            link.decompose()
    for section in container.select("section.md-section"):
        if section.find("section") is None:
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
    problems = tuple(f'id="{name}" is used more than once, so links to it may go to the wrong place' for name in repeated)
    return TidiedPage(str(soup), problems)


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
