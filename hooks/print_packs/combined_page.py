"""Tidy mkdocs-print-site-plugin's combined page (the whole course on one page) for readers and screen readers.

The plugin keeps each page's own `h1`, so the combined page has dozens of
them, and it adds an empty "permanent link" to each section title. We give the
page one `h1` and move every other heading down by how deep it sits, so no
heading level is skipped, and take out the empty links and empty sections.
Landmarks that now share a name (two session plans' tables) get the name of
their page added, so they stay distinguishable (axe rule landmark-unique).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

_HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def _depth(heading: Tag, container: Tag) -> int:
    depth = 0
    for parent in heading.parents:
        if parent is container:
            break
        if parent.name == "section" and "print-page" in (parent.get("class") or []):
            depth += 1
    return depth


def tidy_combined_page(html: str, title: str) -> str:
    """One `h1` (`title`), every other heading moved down by its depth, no empty links or sections."""
    soup = BeautifulSoup(html, "html.parser")
    container = soup.find(id="print-site-page")
    if container is None:
        return html
    for link in container.select("a.headerlink"):
        if not link.get_text(strip=True):
            link.decompose()
    for section in container.select("section.md-section"):
        if section.find("section") is None:
            section.decompose()
    for heading in container.find_all(_HEADINGS):
        level = int(heading.name[1]) + max(1, _depth(heading, container))
        heading.name = f"h{min(6, level)}"
    _unique_region_names(container)
    main_heading = soup.new_tag("h1")
    main_heading.string = title
    container.insert_before(main_heading)
    return str(soup)


def _unique_region_names(container: Tag) -> None:
    """Add the page's title to a region's name when an earlier region has the same name."""
    seen: set[str] = set()
    for region in container.select("[role=region][aria-label]"):
        name = str(region["aria-label"])
        if name in seen:
            page = region.find_parent("section", class_="print-page")
            title = page.find(_HEADINGS) if page is not None else None
            if title is not None:
                name = f"{name}, in {title.get_text(' ', strip=True)}"
                region["aria-label"] = name
        seen.add(name)
