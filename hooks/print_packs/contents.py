"""The contents page of a pack: each entry links to its section, and the print CSS adds its page number.

The page numbers come from CSS `target-counter(attr(href url), page)` in
app-print.css, which WeasyPrint fills in as it lays out the pages. That is the
part mkdocs-print-site-plugin's own contents cannot do yet (its issues 98 and 135).
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field


@dataclass
class ContentsEntry:
    """One line of the contents: the words, the id of the section it points at, and any entries under it."""

    title: str
    target: str
    children: list[ContentsEntry] = field(default_factory=list)


def _entry_html(entry: ContentsEntry) -> str:
    title = html_lib.escape(entry.title, quote=False)
    children = "".join(_entry_html(child) for child in entry.children)
    nested = f'<ol class="app-pack__contents-list">{children}</ol>' if children else ""
    return (f'<li class="app-pack__contents-entry">'
            f'<a class="app-pack__contents-link" href="#{html_lib.escape(entry.target)}">{title}</a>{nested}</li>')


def contents_html(entries: list[ContentsEntry], *, heading: str = "Contents") -> str:
    """The contents page as HTML: a heading and a nested list of links to each part and page."""
    items = "".join(_entry_html(entry) for entry in entries)
    return (f'<nav class="app-pack__contents" aria-labelledby="app-pack-contents">'
            f'<h1 id="app-pack-contents">{html_lib.escape(heading)}</h1>'
            f'<ol class="app-pack__contents-list">{items}</ol></nav>')


def flatten(entries: list[ContentsEntry]) -> list[ContentsEntry]:
    """Every entry, parents before their children, in reading order."""
    result = []
    for entry in entries:
        result.append(entry)
        result.extend(flatten(entry.children))
    return result
