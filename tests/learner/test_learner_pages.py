"""hooks/learner_pages.py and hooks/glossary_tips.py: the learner's parts of a page, made at build time."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from glossary_tips import glossary_tips
from learner_pages import (CLEAR_HTML, CoursePage, LearnerPageError, Reflection, add_done_button, add_listen_controls,
                           certificate_html, fill_markers, notes_html, page_id, progress_html, reflection_boxes, tracked_kind)
from readability.glossary import Term

PAGE = CoursePage(id="modules/01-what", title="Module 1: What", kind="module")


@pytest.mark.parametrize(("url", "expected"), [
    ("modules/01-what/", "modules/01-what"),
    ("modules/01-what.html", "modules/01-what"),
    ("modules/01-what/index.html", "modules/01-what"),
    ("case-studies/", "case-studies"),
    ("", ""),
])
def test_page_id_is_the_same_for_every_kind_of_url(url: str, expected: str) -> None:
    assert page_id(url) == expected


@pytest.mark.parametrize(("src", "kind"), [
    ("modules/01-what.md", "module"),
    ("case-studies/paravar-sangam.md", "case study"),
    ("case-studies/index.md", None),
    ("activities/jargon-buster.md", "activity"),
    ("activities/index.md", None),
    ("glossary.md", None),
    ("trainers/session-1-plan.md", None),
])
def test_only_modules_case_studies_and_activities_can_be_marked_done(src: str, kind: str | None) -> None:
    assert tracked_kind(src) == kind


def test_done_button_goes_before_what_comes_next() -> None:
    html = '<h1>T</h1><p>Text</p><h2 id="what-comes-next">What comes next</h2><h2 id="sources">Sources</h2>'
    soup = BeautifulSoup(add_done_button(html, PAGE), "html.parser")
    button = soup.select_one('[data-module="app-done"] button')
    assert button.get_text() == "Mark as done" and button["aria-pressed"] == "false"
    assert soup.select_one('[data-module="app-done"]').find_next_sibling("h2")["id"] == "what-comes-next"
    assert soup.select_one('[data-module="app-done"]').has_attr("hidden"), "hidden until the script can make it work"


def test_listen_controls_go_under_the_title_and_reading_time() -> None:
    html = '<h1 id="t">Title</h1><p class="app-reading-time">About 5 minutes to read</p><p>Body</p>'
    soup = BeautifulSoup(add_listen_controls(html), "html.parser")
    listen = soup.select_one('[data-module="app-listen"]')
    assert listen.find_previous_sibling("p")["class"] == ["app-reading-time"]
    assert listen.has_attr("hidden")
    assert listen.select_one("button").get_text() == "Listen to this page"


def test_reflection_box_gets_a_text_box_labelled_by_its_question() -> None:
    html = ('<div class="admonition reflect"><p class="admonition-title">What will you try?</p>'
            "<p>Write a few words.</p></div>")
    result, found = reflection_boxes(html, page=PAGE)
    soup = BeautifulSoup(result, "html.parser")
    textarea = soup.select_one("textarea")
    label = soup.find(id=textarea["aria-labelledby"])
    assert label.get_text() == "What will you try?"
    assert "only on this device" in soup.find(id=textarea["aria-describedby"]).get_text()
    assert found == [Reflection(id="modules/01-what#1", question="What will you try?", page_id="modules/01-what", page_title="Module 1: What")]
    assert "notebook" in soup.select_one(".js-note-paper").get_text()


def test_progress_lists_pages_by_kind_with_their_ids() -> None:
    pages = [PAGE, CoursePage("modules/02-why", "Module 2: Why", "module", "../modules/02-why/"),
             CoursePage("case-studies/x", "Case study: X", "case study", "../case-studies/x/")]
    soup = BeautifulSoup(progress_html(pages), "html.parser")
    assert [li["data-page-id"] for li in soup.select(".js-progress-modules li")] == ["modules/01-what", "modules/02-why"]
    assert soup.select_one(".js-progress-case-studies a")["href"] == "../case-studies/x/"
    assert soup.select_one("[data-module-count]")["data-module-count"] == "2"
    assert "JavaScript" in soup.select_one(".js-progress-no-script").get_text()


def test_notes_page_lists_questions_under_their_pages() -> None:
    reflections = [Reflection("modules/01-what#1", "Q one?", "modules/01-what", "Module 1", "../modules/01-what/"),
                   Reflection("modules/02-why#1", "Q two?", "modules/02-why", "Module 2", "../modules/02-why/")]
    soup = BeautifulSoup(notes_html(reflections), "html.parser")
    assert [h.get_text() for h in soup.select("h3 a")] == ["Module 1", "Module 2"]
    assert [li["data-note-id"] for li in soup.select(".js-notes-item")] == ["modules/01-what#1", "modules/02-why#1"]


def test_certificate_names_course_and_organisation_or_leaves_it_out() -> None:
    soup = BeautifulSoup(certificate_html(course="Co-production", organisation="Age & Co", module_count=10), "html.parser")
    assert soup.select_one(".app-certificate")["data-organisation"] == "Age & Co"
    assert soup.select_one(".app-certificate__organisation").get_text() == "Age & Co"
    assert "all 10 modules" in soup.get_text()
    bare = BeautifulSoup(certificate_html(course="Co-production", organisation="", module_count=10), "html.parser")
    assert bare.select_one(".app-certificate__organisation") is None


def test_markers_are_filled_and_unknown_ones_stop_the_build() -> None:
    assert fill_markers("<p>a</p><!-- app:clear --><p>b</p>", {"clear": CLEAR_HTML}, src_path="progress.md") == f"<p>a</p>{CLEAR_HTML}<p>b</p>"
    with pytest.raises(LearnerPageError, match=r"Doc file 'progress.md': there is no part called 'app:nope'"):
        fill_markers("<!-- app:nope -->", {"clear": CLEAR_HTML}, src_path="progress.md")


TERMS = [Term(term="Co-production", id="co-production", meaning="Working together as equals."),
         Term(term="Assets", id="assets", meaning="What people <already> have.")]


def test_first_glossary_link_of_each_term_gets_a_tooltip_from_the_glossary() -> None:
    html = ('<p>We mean <a href="../../glossary/#co-production">co-production</a> and '
            '<a href="../../glossary/#assets">assets</a>. Again: <a href="../../glossary/#co-production">co-produced</a>.</p>')
    soup = BeautifulSoup(glossary_tips(html, TERMS, id_prefix="m1-"), "html.parser")
    links = soup.select("a")
    first, assets, again = links
    tip = soup.find(id=first["aria-describedby"])
    assert tip["role"] == "tooltip" and tip.has_attr("hidden")
    assert tip.get_text() == "Co-production: Working together as equals."
    assert soup.find(id=assets["aria-describedby"]).get_text() == "Assets: What people <already> have."
    assert not again.has_attr("aria-describedby"), "only the first use on a page"
    assert first["aria-describedby"].startswith("m1-")


@pytest.mark.parametrize("href", ["../glossary.html#co-production", "glossary/index.html#co-production", "../glossary/#co-production"])
def test_glossary_links_are_found_for_every_kind_of_url(href: str) -> None:
    soup = BeautifulSoup(glossary_tips(f'<p><a href="{href}">co-production</a></p>', TERMS), "html.parser")
    assert soup.select_one('[role="tooltip"]') is not None


def test_links_to_unknown_entries_or_other_pages_are_left_alone() -> None:
    html = '<p><a href="../glossary/#nothing">x</a> <a href="../sources/#co-production">y</a></p>'
    assert glossary_tips(html, TERMS) == html
