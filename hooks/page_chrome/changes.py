"""Small changes to page HTML that make the site easier to use with a keyboard and a screen reader, and valid HTML.

Each function takes HTML and returns a `Changed`: the new HTML and what it
expected to find but did not. Material's markup can change in any release; a
regular expression that no longer matches would then do nothing, silently. So
each change says what it missed, and page_chrome_hook.py makes that a build
error naming the page. The functions are tested without a build.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changed:
    """The HTML after a change, and each thing the change expected but did not find."""

    html: str
    missing: tuple[str, ...] = ()


def apply_all(html: str, changes: list[Callable[[str], Changed]]) -> Changed:
    """Make each change in turn and gather everything any of them missed."""
    missing: list[str] = []
    for change in changes:
        result = change(html)
        html = result.html
        missing.extend(result.missing)
    return Changed(html, tuple(missing))


_FIRST_H1 = re.compile(r"<h1(\s[^>]*)?>")
_SEARCH_DIALOG = re.compile(r'<div class="md-search"[^>]*role="dialog"[^>]*>')
# Material labels each section's <nav> by the toggle <label> beside its link. When a
# section has an index page (navigation.indexes) that label is empty, so several
# navs end up with no name and axe reports `landmark-unique`. The section title
# that follows the <nav> tag always has the words, so we name the nav by it.
_SECTION_NAV = re.compile(
    r'<nav class="md-nav" (data-md-level="\d+") aria-labelledby="[^"]*"([^>]*)>(\s*<label class="md-nav__title"[^>]*>)(.*?)</label>',
    re.DOTALL,
)
# Any section <nav> (level 1 or deeper; level 0 is the whole menu), however Material
# writes it, to find the ones _SECTION_NAV did not name.
_ANY_SECTION_NAV = re.compile(r'<nav\b[^>]*\bdata-md-level="[1-9][^>]*>')
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
# Material's checkboxes that open the menu and search carry autocomplete="off", so
# that Firefox does not open them again when the page is reloaded. HTML allows
# autocomplete only on text-like inputs (vnu error). We used to move it to an empty
# hidden <form> owning them, but that is a form with nothing to send (HTML_CodeSniffer
# H32.2, no submit button), so the attribute goes and app-header-buttons.js closes a
# menu or search the browser has opened again.
_TOGGLE_INPUT = re.compile(r'<input\b[^>]*\bid="(__drawer|__search)"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\sautocomplete="[^"]*"')
_LABEL = re.compile(r'<label\b(?P<before>[^>]*?)\sfor="(?P<target>[^"]*)"(?P<after>[^>]*)>(?P<body>.*?)</label>', re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')
_TABLE = re.compile(r"<table(?P<attributes>[^>]*)>(?P<body>.*?)</table>", re.DOTALL)
_TABLE_START = re.compile(r"<table[\s>]")
_HEADER_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
_BODY = re.compile(r"<tbody>(.*?)</tbody>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_DATA_CELL_START = re.compile(r"<td(?=[\s>])")


def plain_text(fragment: str) -> str:
    """The words in an HTML fragment, tags removed and spaces tidied."""
    return " ".join(html_lib.unescape(_TAG.sub(" ", fragment)).split())


def focusable_heading(html: str) -> Changed:
    """Let the "Skip to content" link move keyboard focus to the page's main heading."""
    first = _FIRST_H1.search(html)
    if first is None:
        return Changed(html, ("a main heading (<h1>) in the page's content, for \"Skip to content\" to move focus to: "
                              "start the page with a '# Title' line",))
    if "tabindex=" in first.group(0):
        return Changed(html)
    return Changed(f'{html[:first.start()]}<h1{first.group(1) or ""} tabindex="-1">{html[first.end():]}')


def named_search_dialog(html: str, name: str = "Search this course") -> Changed:
    """Give Material's search dialog an accessible name (axe rule aria-dialog-name)."""
    dialog = _SEARCH_DIALOG.search(html)
    if dialog is None:
        return Changed(html, ('Material\'s search dialog (<div class="md-search" … role="dialog">), to name it',))
    if "aria-label=" in dialog.group(0):
        return Changed(html)
    named = dialog.group(0)[:-1] + f' aria-label="{html_lib.escape(name)}">'
    return Changed(html[:dialog.start()] + named + html[dialog.end():])


def named_section_navigation(html: str, *, sections_expected: bool = True) -> Changed:
    """Name every section's navigation landmark by its visible title (axe rule landmark-unique).

    `sections_expected`: the site's menu has sections, so the page must have their navs.
    """

    def rename(match: re.Match[str]) -> str:
        level, rest, title_tag, title = match.groups()
        label = html_lib.escape(plain_text(title) + " pages")
        return f'<nav class="md-nav" {level} aria-label="{label}"{rest}>{title_tag}{title}</label>'

    html = _SECTION_NAV.sub(rename, html)
    navs = _ANY_SECTION_NAV.findall(html)
    unnamed = [nav for nav in navs if "aria-label=" not in nav]
    missing = [f"a section title (<label class=\"md-nav__title\">) to name the menu's section {nav}" for nav in unnamed]
    if sections_expected and not navs:
        missing.append('the menu\'s sections (<nav class="md-nav" data-md-level="…">), to name each by its title')
    return Changed(html, tuple(missing))


def _column_headings(table: re.Match[str]) -> list[str]:
    return [plain_text(cell) for cell in _HEADER_CELL.findall(table["body"])]


def _tables_not_matched(html: str) -> tuple[str, ...]:
    unmatched = len(_TABLE_START.findall(html)) - len(_TABLE.findall(html))
    return (f"the end (</table>) of {unmatched} table(s), to make them usable on small screens",) if unmatched > 0 else ()


def scrollable_tables(html: str) -> Changed:
    """Wrap each table in a named region that keyboard users can focus and scroll sideways."""

    def wrap(match: re.Match[str]) -> str:
        headers = _column_headings(match)
        name = "Table: " + ", ".join(h for h in headers if h) if any(headers) else "Table"
        return (f'<div class="app-table" role="region" tabindex="0" aria-label="{html_lib.escape(name)}">'
                f"{match.group(0)}</div>")

    return Changed(_TABLE.sub(wrap, html), _tables_not_matched(html))


def stacking_tables(html: str) -> Changed:
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

    return Changed(_TABLE.sub(label_cells, html), _tables_not_matched(html))


def keyboard_header_buttons(html: str) -> Changed:
    """Put a named button with a Tab stop inside the header's menu and search labels (see app-header-buttons.js)."""
    found: set[str] = set()

    def button(match: re.Match[str]) -> str:
        label, target, icon = match.groups()
        found.add(target)
        if 'data-module="app-header-button"' in icon:
            return match.group(0)
        return (f'{label}<span class="app-header-button" role="button" tabindex="0" aria-expanded="false" '
                f'aria-label="{_HEADER_BUTTONS[target]}" data-for="{target}" data-module="app-header-button">'
                f"{icon}</span></label>")

    html = _HEADER_BUTTON.sub(button, html)
    missing = tuple(f'the header\'s {"menu" if target == "__drawer" else "search"} button '
                    f'(<label class="md-header__button md-icon" for="{target}">), to make it a named button'
                    for target in _HEADER_BUTTONS if target not in found)
    return Changed(html, missing)


def toggles_without_autocomplete(html: str) -> Changed:
    """Take autocomplete="off" off the menu and search checkboxes (valid HTML); app-header-buttons.js does its work."""
    found: list[str] = []

    def plain(match: re.Match[str]) -> str:
        found.append(match.group(1))
        return _AUTOCOMPLETE.sub("", match.group(0))

    changed = _TOGGLE_INPUT.sub(plain, html)
    missing = tuple(f'Material\'s hidden checkbox <input … id="{target}"> that opens the '
                    f'{"menu" if target == "__drawer" else "search"}' for target in _HEADER_BUTTONS if target not in found)
    return Changed(changed, missing)


def labels_with_controls(html: str) -> Changed:
    """Turn a <label> whose control is not on the page into a <div> (vnu: a label's `for` must name a control).

    Material's contents list starts with a label for the `__toc` checkbox, which
    it writes only for pages listed in the menu as pages, not for a section's
    index page or the whole-course print page. Its look comes from its class.
    """
    ids = set(_ID.findall(html))

    def unlabel(match: re.Match[str]) -> str:
        if match["target"] in ids:
            return match.group(0)
        return f'<div{match["before"]}{match["after"]}>{match["body"]}</div>'

    return Changed(_LABEL.sub(unlabel, html))


TICK_BOX = "\u2610"
# A box to tick, drawn by CSS (app-forms.css on screen, app-print.css on paper) and named for screen readers.
TICK_BOX_HTML = '<span class="app-tick-box" role="img" aria-label="tick box"></span>'


def tick_boxes(html: str) -> Changed:
    """Draw each "☐" in a form as a box with a name: our typeface has no such character, and axe cannot
    check the contrast of a cell that holds only a symbol. Pages without one are left as they are."""
    return Changed(html.replace(TICK_BOX, TICK_BOX_HTML))


def content_changes(html: str) -> Changed:
    """Every change to a page's content (its Markdown made HTML)."""
    return apply_all(html, [focusable_heading, scrollable_tables, stacking_tables, tick_boxes])


def whole_page_changes(html: str, *, sections_expected: bool = True) -> Changed:
    """Every change to a whole built page (Material's template around the content)."""
    return apply_all(html, [
        named_search_dialog,
        lambda page: named_section_navigation(page, sections_expected=sections_expected),
        keyboard_header_buttons,
        toggles_without_autocomplete,
        labels_with_controls,
    ])
