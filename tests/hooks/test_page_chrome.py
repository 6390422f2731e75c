"""Unit tests for page_chrome: the small HTML changes for keyboard and screen-reader users."""

from __future__ import annotations

from bs4 import BeautifulSoup

from page_chrome import (
    focusable_heading, keyboard_header_buttons, named_search_dialog, named_section_navigation, plain_text,
    scrollable_tables, stacking_tables,
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
    html = focusable_heading('<h1 id="a">One</h1><h1>Two</h1>')
    assert html == '<h1 id="a" tabindex="-1">One</h1><h1>Two</h1>'
    assert focusable_heading(html) == html, "running twice changes nothing"


def test_search_dialog_gets_a_name_once() -> None:
    html = named_search_dialog('<div class="md-search" data-md-component="search" role="dialog">')
    assert 'aria-label="Search this course"' in html
    assert named_search_dialog(html) == html


def test_each_section_navigation_is_named_by_its_title() -> None:
    html = ('<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">'
            '<label class="md-nav__title" for="__nav_2"><span class="md-nav__icon md-icon"></span>Session 1</label>')
    nav = BeautifulSoup(named_section_navigation(html), "html.parser").nav
    assert nav["aria-label"] == "Session 1 pages"
    assert "aria-labelledby" not in nav.attrs


def test_every_table_is_a_named_region_that_takes_focus() -> None:
    region = BeautifulSoup(scrollable_tables(GLOSSARY_TABLE), "html.parser").div
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-label"] == "Table: Word, Meaning"
    assert region.table is not None


def test_tables_label_each_cell_with_its_column_heading() -> None:
    table = BeautifulSoup(stacking_tables(PLAN), "html.parser").table
    assert table.has_attr("data-app-stacks")
    rows = table.tbody.find_all("tr")
    assert [cell["data-label"] for cell in rows[0].find_all("td")] == ["Start", "Minutes", "What happens", "Module", "Activity"]
    assert rows[0].find_all("td")[3]["align"] == "center", "the cell's own attributes stay"
    assert rows[0].find_all("td")[2].a["href"] == "x/"
    assert all(cell.has_attr("data-label") for cell in rows[1].find_all("td"))
    assert table.thead.find("td") is None and not table.thead.find_all(attrs={"data-label": True})


def test_two_column_tables_stack_too() -> None:
    cells = BeautifulSoup(stacking_tables(GLOSSARY_TABLE), "html.parser").find_all("td")
    assert [cell["data-label"] for cell in cells] == ["Word", "Meaning"]


def test_a_table_with_an_empty_heading_is_left_to_scroll() -> None:
    matrix = GLOSSARY_TABLE.replace("<th>Word</th>", "<th></th>")
    assert stacking_tables(matrix) == matrix


def test_tables_still_stack_inside_their_scrolling_region() -> None:
    html = stacking_tables(scrollable_tables(PLAN))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.div["role"] == "region" and soup.div.table.has_attr("data-app-stacks")
    assert scrollable_tables(stacking_tables(PLAN)) == html, "either order gives the same page"
    assert stacking_tables(html) == html, "running twice changes nothing"


def test_header_menu_and_search_become_named_buttons() -> None:
    html = keyboard_header_buttons('<label class="md-header__button md-icon" for="__drawer"><svg id="menu"></svg></label>'
                                   '<label class="md-header__button md-icon" for="__search"><svg id="find"></svg></label>')
    labels = BeautifulSoup(html, "html.parser").find_all("label")
    assert [label["for"] for label in labels] == ["__drawer", "__search"]
    assert all("role" not in label.attrs and "tabindex" not in label.attrs for label in labels), "a label may not be a button"
    buttons = [label.find("span", role="button") for label in labels]
    assert [button["aria-label"] for button in buttons] == ["Open the course menu", "Search this course"]
    assert all(button["tabindex"] == "0" and button["aria-expanded"] == "false" for button in buttons)
    assert [button.svg["id"] for button in buttons] == ["menu", "find"], "the icon moves inside the button"
