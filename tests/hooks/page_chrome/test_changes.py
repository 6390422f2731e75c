"""Unit tests for page_chrome: the small HTML changes for keyboard and screen-reader users."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from page_chrome.changes import (
    content_changes, focusable_heading, keyboard_header_buttons, labels_with_controls, named_search_dialog,
    named_section_navigation, plain_text, scrollable_tables, stacking_tables, toggles_without_autocomplete, whole_page_changes,
)

PLAN = """<table>
<thead><tr><th>Start</th><th>Minutes</th><th>What happens</th><th>Module</th><th>Activity</th></tr></thead>
<tbody>
<tr><td>10:00</td><td>5</td><td>Welcome &amp; <a href="x/">tea</a></td><td align="center">—</td><td>—</td></tr>
<tr><td>10:05</td><td>5</td><td>Short talk</td><td>1</td><td></td></tr>
</tbody></table>"""

GLOSSARY_TABLE = "<table><thead><tr><th>Word</th><th>Meaning</th></tr></thead><tbody><tr><td>Assets</td><td>Strengths</td></tr></tbody></table>"


def test_plain_text_drops_tags_and_tidies_spaces() -> None:
    assert plain_text("<b>Safe</b>\n  to <i>speak</i> &amp; up") == "Safe to speak & up"


def test_only_the_first_heading_becomes_the_skip_links_target() -> None:
    html = focusable_heading('<h1 id="a">One</h1><h1>Two</h1>').html
    assert html == '<h1 id="a" tabindex="-1">One</h1><h1>Two</h1>'
    assert focusable_heading(html).html == html, "running twice changes nothing"


def test_search_dialog_gets_a_name_once() -> None:
    html = named_search_dialog('<div class="md-search" data-md-component="search" role="dialog">').html
    assert 'aria-label="Search this course"' in html
    assert named_search_dialog(html).html == html


def test_each_section_navigation_is_named_by_its_title() -> None:
    html = ('<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">'
            '<label class="md-nav__title" for="__nav_2"><span class="md-nav__icon md-icon"></span>Session 1</label>')
    nav = BeautifulSoup(named_section_navigation(html).html, "html.parser").nav
    assert nav["aria-label"] == "Session 1 pages"
    assert "aria-labelledby" not in nav.attrs


def test_every_table_is_a_named_region_that_takes_focus() -> None:
    region = BeautifulSoup(scrollable_tables(GLOSSARY_TABLE).html, "html.parser").div
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-label"] == "Table: Word, Meaning"
    assert region.table is not None


def test_tables_label_each_cell_with_its_column_heading() -> None:
    table = BeautifulSoup(stacking_tables(PLAN).html, "html.parser").table
    assert table.has_attr("data-app-stacks")
    rows = table.tbody.find_all("tr")
    assert [cell["data-label"] for cell in rows[0].find_all("td")] == ["Start", "Minutes", "What happens", "Module", "Activity"]
    assert rows[0].find_all("td")[3]["align"] == "center", "the cell's own attributes stay"
    assert rows[0].find_all("td")[2].a["href"] == "x/"
    assert all(cell.has_attr("data-label") for cell in rows[1].find_all("td"))
    assert table.thead.find("td") is None and not table.thead.find_all(attrs={"data-label": True})


def test_two_column_tables_stack_too() -> None:
    cells = BeautifulSoup(stacking_tables(GLOSSARY_TABLE).html, "html.parser").find_all("td")
    assert [cell["data-label"] for cell in cells] == ["Word", "Meaning"]


def test_a_table_with_an_empty_heading_is_left_to_scroll() -> None:
    matrix = GLOSSARY_TABLE.replace("<th>Word</th>", "<th></th>")
    assert stacking_tables(matrix).html == matrix


def test_tables_still_stack_inside_their_scrolling_region() -> None:
    html = stacking_tables(scrollable_tables(PLAN).html).html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.div["role"] == "region" and soup.div.table.has_attr("data-app-stacks")
    assert scrollable_tables(stacking_tables(PLAN).html).html == html, "either order gives the same page"
    assert stacking_tables(html).html == html, "running twice changes nothing"


def test_header_menu_and_search_become_named_buttons() -> None:
    html = keyboard_header_buttons('<label class="md-header__button md-icon" for="__drawer"><svg id="menu"></svg></label>'
                                   '<label class="md-header__button md-icon" for="__search"><svg id="find"></svg></label>').html
    labels = BeautifulSoup(html, "html.parser").find_all("label")
    assert [label["for"] for label in labels] == ["__drawer", "__search"]
    assert all("role" not in label.attrs and "tabindex" not in label.attrs for label in labels), "a label may not be a button"
    buttons = [label.find("span", role="button") for label in labels]
    assert [button["aria-label"] for button in buttons] == ["Open the course menu", "Search this course"]
    assert all(button["tabindex"] == "0" and button["aria-expanded"] == "false" for button in buttons)
    assert [button.svg["id"] for button in buttons] == ["menu", "find"], "the icon moves inside the button"


# A page as Material 9.8 writes it, cut down to what the whole-page changes work on.
MATERIAL_PAGE = """<body dir="ltr">
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <label class="md-overlay" for="__drawer"></label>
    <header><label class="md-header__button md-icon" for="__drawer"><svg></svg></label>
    <label class="md-header__button md-icon" for="__search"><svg></svg></label>
    <div class="md-search" data-md-component="search" role="dialog"></div></header>
    <nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0"><label class="md-nav__title" for="__drawer">Course</label>
    <input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2" checked>
    <label class="md-nav__link" for="__nav_2" id="__nav_2_label"></label>
    <nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="true">
    <label class="md-nav__title" for="__nav_2"><span class="md-nav__icon md-icon"></span>Session 1</label></nav></nav>
    <nav class="md-nav md-nav--secondary" aria-label="On this page"><label class="md-nav__title" for="__toc">On this page</label></nav>
</body>"""


def test_a_whole_material_page_changes_with_nothing_missing() -> None:
    changed = whole_page_changes(MATERIAL_PAGE)
    assert changed.missing == ()
    soup = BeautifulSoup(changed.html, "html.parser")
    assert soup.find("div", class_="md-search")["aria-label"] == "Search this course"
    assert soup.find("nav", attrs={"data-md-level": "1"})["aria-label"] == "Session 1 pages"
    assert [button["aria-label"] for button in soup.select("[data-module=app-header-button]")] == [
        "Open the course menu", "Search this course"]
    assert whole_page_changes(changed.html) == changed, "running twice changes nothing"


def test_menu_and_search_checkboxes_lose_autocomplete_and_no_form_is_added() -> None:
    changed = toggles_without_autocomplete(MATERIAL_PAGE)
    assert changed.missing == ()
    soup = BeautifulSoup(changed.html, "html.parser")
    toggles = soup.select("input.md-toggle[data-md-toggle]")
    assert [toggle["id"] for toggle in toggles] == ["__drawer", "__search"]
    assert all("autocomplete" not in toggle.attrs and "form" not in toggle.attrs for toggle in toggles), (
        "HTML allows autocomplete only on text-like inputs (vnu)")
    assert soup.find("form") is None, "a form with nothing to send fails HTML_CodeSniffer's H32.2"


def test_toggles_written_by_beautifulsoup_lose_autocomplete_too() -> None:
    html = ('<input autocomplete="off" class="md-toggle" id="__drawer" type="checkbox"/>'
            '<input autocomplete="off" class="md-toggle" id="__search" type="checkbox"/>')
    changed = toggles_without_autocomplete(html)
    assert changed.missing == ()
    assert changed.html == '<input class="md-toggle" id="__drawer" type="checkbox"/><input class="md-toggle" id="__search" type="checkbox"/>'


def test_a_label_whose_control_is_missing_becomes_a_div() -> None:
    html = labels_with_controls(MATERIAL_PAGE).html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("label", attrs={"for": "__toc"}) is None
    assert soup.select_one("nav.md-nav--secondary > div.md-nav__title").get_text() == "On this page"
    assert [label["for"] for label in soup.find_all("label")] == [
        "__drawer", "__drawer", "__search", "__drawer", "__nav_2", "__nav_2"], "labels with a control stay labels"
    with_toc = MATERIAL_PAGE.replace('<label class="md-nav__title" for="__toc">',
                                     '<input type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">')
    assert labels_with_controls(with_toc).html == with_toc


# Each thing Material might stop writing, and the words the build error uses for it.
@pytest.mark.parametrize("remove, expected_words", [
    ('<div class="md-search" data-md-component="search" role="dialog"></div>', "search dialog"),
    ('<label class="md-header__button md-icon" for="__drawer"><svg></svg></label>', "menu button"),
    ('<label class="md-header__button md-icon" for="__search"><svg></svg></label>', "search button"),
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">', 'id="__drawer"'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">', 'id="__search"'),
], ids=["search dialog", "menu button", "search button", "menu checkbox", "search checkbox"])
def test_each_missing_part_of_the_page_is_reported(remove: str, expected_words: str) -> None:
    assert remove in MATERIAL_PAGE
    changed = whole_page_changes(MATERIAL_PAGE.replace(remove, ""))
    assert len(changed.missing) == 1 and expected_words in changed.missing[0], changed.missing


def test_a_section_menu_in_new_markup_is_reported_not_left_unnamed() -> None:
    moved = MATERIAL_PAGE.replace('<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label"',
                                  '<nav aria-labelledby="__nav_2_label" class="md-nav" data-md-level="1"')
    missing = named_section_navigation(moved).missing
    assert len(missing) == 1 and 'aria-labelledby="__nav_2_label"' in missing[0]


def test_a_menu_without_sections_is_reported_only_when_the_site_has_sections() -> None:
    flat = MATERIAL_PAGE.replace('data-md-level="1"', 'data-md-kind="1"')
    assert "the menu's sections" in named_section_navigation(flat).missing[0]
    assert named_section_navigation(flat, sections_expected=False).missing == ()


def test_a_page_without_a_main_heading_is_reported() -> None:
    changed = content_changes("<h2>Only a subheading</h2>")
    assert changed.html == "<h2>Only a subheading</h2>"
    assert len(changed.missing) == 1 and "'# Title'" in changed.missing[0]


def test_a_table_the_pattern_cannot_match_is_reported() -> None:
    unclosed = "<h1>Plan</h1>" + PLAN.replace("</table>", "")
    missing = content_changes(unclosed).missing
    assert len(missing) == 2 and all("1 table(s)" in words for words in missing), missing


def test_the_hook_makes_a_missing_part_a_build_error_naming_the_page(caplog: pytest.LogCaptureFixture) -> None:
    import page_chrome_hook

    page = SimpleNamespace(file=SimpleNamespace(src_uri="modules/01-what.md"), meta={})
    without_search = MATERIAL_PAGE.replace('<div class="md-search" data-md-component="search" role="dialog"></div>', "")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        page_chrome_hook.on_post_page(without_search, page=page, config=None)
    assert [(record.name, record.levelno) for record in caplog.records] == [("mkdocs.hooks.page_chrome", logging.ERROR)]
    assert caplog.records[0].getMessage().startswith(
        "Doc file 'modules/01-what.md': could not find Material's search dialog")
    assert "update hooks/page_chrome/changes.py" in caplog.records[0].getMessage()


def test_tick_boxes_become_named_boxes_and_other_pages_are_unchanged() -> None:
    from page_chrome.changes import TICK_BOX_HTML, tick_boxes

    changed = tick_boxes("<td>☐ Yes ☐ No</td>")
    assert changed.html == f"<td>{TICK_BOX_HTML} Yes {TICK_BOX_HTML} No</td>" and changed.missing == ()
    assert 'role="img" aria-label="tick box"' in TICK_BOX_HTML
    assert tick_boxes("<p>No boxes.</p>").html == "<p>No boxes.</p>"
