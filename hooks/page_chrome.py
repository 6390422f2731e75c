"""Small changes to page HTML that make the site easier to use with a keyboard and a screen reader.

Each function takes HTML and returns HTML, so it is tested without a build.
"""

from __future__ import annotations

import html as html_lib
import re

_FIRST_H1 = re.compile(r"<h1(\s[^>]*)?>")
_SEARCH_DIALOG = re.compile(r'(<div class="md-search"[^>]*role="dialog")(?![^>]*aria-label)')
# Material labels each section's <nav> by the toggle <label> beside its link. When a
# section has an index page (navigation.indexes) that label is empty, so several
# navs end up with no name and axe reports `landmark-unique`. The section title
# that follows the <nav> tag always has the words, so we name the nav by it.
_SECTION_NAV = re.compile(
    r'<nav class="md-nav" (data-md-level="\d+") aria-labelledby="[^"]*"([^>]*)>(\s*<label class="md-nav__title"[^>]*>)(.*?)</label>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
# Material's header menu and search buttons are <label>s for hidden checkboxes,
# so they have no name and cannot be reached by keyboard. A <label> may not take
# role="button" (axe aria-allowed-role), so a named button goes inside each one:
# a click on it is a click on the label, which opens or closes the menu or search.
_HEADER_BUTTONS = {
    "__drawer": "Open the course menu",
    "__search": "Search this course",
}
_HEADER_BUTTON = re.compile(r'(<label class="md-header__button md-icon" for="(__drawer|__search)">)(.*?)</label>', re.DOTALL)
_TABLE = re.compile(r"<table(?P<attributes>[^>]*)>(?P<body>.*?)</table>", re.DOTALL)
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_DATA_CELL_START = re.compile(r"<td(?=[\s>])")


def plain_text(fragment: str) -> str:
    """The words in an HTML fragment, tags removed and spaces tidied."""
    return " ".join(html_lib.unescape(_TAG.sub(" ", fragment)).split())


def focusable_heading(html: str) -> str:
    """Let the "Skip to content" link move keyboard focus to the page's main heading."""
    first = _FIRST_H1.search(html)
    if first is None or "tabindex=" in first.group(0):
        return html
    return f'{html[:first.start()]}<h1{first.group(1) or ""} tabindex="-1">{html[first.end():]}'


def named_search_dialog(html: str, name: str = "Search this course") -> str:
    """Give Material's search dialog an accessible name (axe rule aria-dialog-name)."""
    return _SEARCH_DIALOG.sub(rf'\1 aria-label="{html_lib.escape(name)}"', html, count=1)


def named_section_navigation(html: str) -> str:
    """Name every section's navigation landmark by its visible title (axe rule landmark-unique)."""

    def rename(match: re.Match[str]) -> str:
        level, rest, title_tag, title = match.groups()
        label = html_lib.escape(plain_text(title) + " pages")
        return f'<nav class="md-nav" {level} aria-label="{label}"{rest}>{title_tag}{title}</label>'

    return _SECTION_NAV.sub(rename, html)


def _column_headings(table: re.Match[str]) -> list[str]:
    return [plain_text(cell) for cell in _HEADER_CELL.findall(table["body"])]


def scrollable_tables(html: str) -> str:
    """Wrap each table in a named region that keyboard users can focus and scroll sideways."""

    def wrap(match: re.Match[str]) -> str:
        headers = _column_headings(match)
        name = "Table: " + ", ".join(h for h in headers if h) if any(headers) else "Table"
        return (f'<div class="app-table" role="region" tabindex="0" aria-label="{html_lib.escape(name)}">'
                f"{match.group(0)}</div>")

    return _TABLE.sub(wrap, html)


def stacking_tables(html: str) -> str:
    """Label each cell of a table with its column heading, so on a phone
    (app-layout.css) each row can show as a box of "Heading: value" lines.

    A table whose header row has an empty cell is left as it is: its cells
    could not all be labelled, so it keeps scrolling sideways instead.
    """

    def label_cells(table: re.Match[str]) -> str:
        headers = _column_headings(table)
        if not headers or not all(headers) or "data-app-stacks" in table["attributes"]:
            return table.group(0)

        def label_row(row: re.Match[str]) -> str:
            column = iter(headers)
            cells = _DATA_CELL_START.sub(lambda _: f'<td data-label="{html_lib.escape(next(column, ""))}"', row.group(1))
            return f"<tr>{cells}</tr>"

        body = _BODY.sub(lambda part: "<tbody>" + _ROW.sub(label_row, part.group(1)) + "</tbody>", table["body"])
        return f'<table{table["attributes"]} data-app-stacks>{body}</table>'

    return _TABLE.sub(label_cells, html)


def keyboard_header_buttons(html: str) -> str:
    """Put a named button with a Tab stop inside the header's menu and search labels (see app-header-buttons.js)."""

    def button(match: re.Match[str]) -> str:
        label, target, icon = match.groups()
        return (f'{label}<span class="app-header-button" role="button" tabindex="0" aria-expanded="false" '
                f'aria-label="{_HEADER_BUTTONS[target]}" data-for="{target}" data-module="app-header-button">'
                f"{icon}</span></label>")

    return _HEADER_BUTTON.sub(button, html)
