"""mkdocs-print-site-plugin's combined page: one main heading, no skipped levels, no empty links."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from print_packs.combined_page import tidy_combined_page

COMBINED = """<article><div id="print-site-page">
<section class="print-page" id="index"><h1 id="index-start">Start</h1><h2>About</h2></section>
<section class="print-page md-section" id="section-2"><h1>Session 1<a class="headerlink" href="#section-2" title="Permanent link"></a></h1>
<section class="print-page" id="m1"><h1>Module 1</h1><h2>Key points</h2><h3>Detail</h3>
<div role="region" aria-label="Table: Start">x</div></section>
<section class="print-page" id="m2"><h1>Module 2</h1><div role="region" aria-label="Table: Start">y</div></section></section>
<section class="print-page md-section" id="section-3"><h1>Your learning</h1></section>
</div></article>"""


def test_one_main_heading_and_levels_follow_the_nesting() -> None:
    soup = BeautifulSoup(tidy_combined_page(COMBINED, "The whole course").html, "html.parser")
    assert [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] == [
        ("h1", "The whole course"), ("h2", "Start"), ("h3", "About"), ("h2", "Session 1"),
        ("h3", "Module 1"), ("h4", "Key points"), ("h5", "Detail"), ("h3", "Module 2"),
    ]
    assert [region["aria-label"] for region in soup.select("[role=region]")] == ["Table: Start", "Table: Start, in Module 2"]
    assert not soup.select("a.headerlink"), "empty permanent links have no name for screen readers"
    assert soup.find(id="section-3") is None, "sections with no pages are left out"


# As mkdocs-print-site-plugin 2.9 writes two pages whose "Sources" heading follows
# a tag with data-page-id on the same line: its regular expression misses them.
TWO_PAGES = """<div id="print-site-page">
<section class="print-page" id="m1" heading-number="1"><h1 id="m1-one">One</h1><div data-page-id="m1"></div><h2 id="sources">Sources</h2></section>
<section class="print-page" id="m2" heading-number="2"><h1 id="m2-two">Two</h1><div data-page-id="m2"></div><h2 id="sources">Sources</h2>
<p><a href="#m2-sources">Sources</a></p></section>
</div>"""


def test_page_headings_get_their_pages_name_and_sections_lose_heading_numbers() -> None:
    tidied = tidy_combined_page(TWO_PAGES, "The whole course")
    soup = BeautifulSoup(tidied.html, "html.parser")
    assert [h["id"] for h in soup.select("section h2, section h3")] == ["m1-one", "m1-sources", "m2-two", "m2-sources"]
    assert soup.find("a")["href"] == "#m2-sources" and soup.find(id="m2-sources") is not None
    assert not soup.select("[heading-number]"), "heading-number is not an HTML attribute (vnu)"
    assert tidied.problems == ()


def test_an_id_used_twice_is_reported() -> None:
    html = TWO_PAGES.replace('<p><a href="#m2-sources">', '<p id="m1"><a href="#m2-sources">')
    assert tidy_combined_page(html, "The whole course").problems == (
        'id="m1" is used more than once, so links to it may go to the wrong place',)


def test_a_page_without_the_plugins_container_is_reported_not_passed_over() -> None:
    html = TWO_PAGES.replace('id="print-site-page"', 'id="print-site-pages"')
    tidied = tidy_combined_page(html, "The whole course")
    assert tidied.html == html
    assert len(tidied.problems) == 1 and '<div id="print-site-page">' in tidied.problems[0]


def test_built_combined_page_has_every_module_and_one_h1(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("article h1")) == 1
    assert soup.title.get_text().startswith("The whole course on one page")
    assert len(soup.select("#print-site-page section[id^=modules-]")) == 10
    # The pages' finished HTML, as the site shows it (interactive questions, not the raw task lists).
    assert soup.select("#print-site-page fieldset") and not soup.select("#print-site-page ul.task-list")


def test_links_to_pages_left_off_the_page_go_to_the_pages_and_the_emptied_sections_menu_entry_goes() -> None:
    """print-site links to every page's section, even the ones it leaves out, and names the start page '.'."""
    menu = ('<nav><ul><li class="md-nav__item"><a class="md-nav__link" href="#section-2">Session 1</a></li>'
            '<li class="md-nav__item"><a class="md-nav__link" href="#section-3">Your learning</a></li></ul></nav>')
    links = '<p><a href="#.">Start here</a> <a href="#help">Help</a> <a href="#m1">Module 1</a> <a href="#nowhere">Lost</a></p>'
    html = COMBINED.replace("<article>", "<article>" + menu).replace("<h2>About</h2>", "<h2>About</h2>" + links)
    tidied = tidy_combined_page(html, "The whole course", {"help": "../help/", "m1": "../m1/"})
    soup = BeautifulSoup(tidied.html, "html.parser")
    assert [a["href"] for a in soup.select("nav a")] == ["#section-2"], "the emptied section's menu entry goes"
    assert [a["href"] for a in soup.select("p a")] == ["#index", "../help/", "#m1", "#nowhere"]
    assert tidied.problems == ('a link to "#nowhere" (Lost), which is not on the page',)
