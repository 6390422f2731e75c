"""hooks/learner_pages.py and hooks/glossary_tips.py: the learner's parts of a page, made at build time."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from glossary.tips import glossary_tips
from readability.reading_time import reading_time_html
from learner.pages import (LISTEN_HTML, CLEAR_HTML, CoursePage, LearnerPageError, Reflection, add_done_button, add_listen_controls,
                           certificate_html, check_note_ids_unique, fill_markers, notes_html, page_id, progress_html, reflection_boxes, tracked_kind)
from glossary.model import Term

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
    reading_time = reading_time_html("About 5 minutes to read")
    html = f'<h1 id="t">Title</h1>{reading_time}<p>Body</p>'
    soup = BeautifulSoup(add_listen_controls(html, reading_time=reading_time), "html.parser")
    listen = soup.select_one('[data-module="app-listen"]')
    assert listen.find_previous_sibling("p")["class"] == ["app-reading-time"]
    assert listen.has_attr("hidden")
    assert listen.select_one("button").get_text() == "Listen to this page"


@pytest.mark.parametrize(("html", "reading_time", "expected"), [
    # The reading time is handed over as a value: "Listen" does not look for the readability step's class.
    ('<h1>T</h1><p class="other">5 minutes</p><p>Body</p>', '<p class="other">5 minutes</p>',
     '<h1>T</h1><p class="other">5 minutes</p>LISTEN<p>Body</p>'),
    ('<h1>T</h1><p class="app-reading-time">5 minutes</p><p>Body</p>', "",
     '<h1>T</h1>LISTEN<p class="app-reading-time">5 minutes</p><p>Body</p>'),
    ('<p class="t">5 minutes</p><p>No heading</p>', '<p class="t">5 minutes</p>', '<p class="t">5 minutes</p>LISTEN<p>No heading</p>'),
    ("<p>No heading, no reading time</p>", "", "<p>No heading, no reading time</p>"),
])
def test_listen_controls_follow_the_reading_time_they_are_given(html: str, reading_time: str, expected: str) -> None:
    assert add_listen_controls(html, reading_time=reading_time) == expected.replace("LISTEN", LISTEN_HTML)


def test_reflection_box_gets_a_text_box_labelled_by_its_question() -> None:
    html = ('<div class="admonition reflect note-what-to-try"><p class="admonition-title">What will you try?</p>'
            "<p>Write a few words.</p></div>")
    markdown = '# T\n\n!!! reflect note-what-to-try "What will you try?"\n    Write a few words.\n'
    result, found = reflection_boxes(html, page=PAGE, src_path="modules/01-what.md", markdown=markdown)
    soup = BeautifulSoup(result, "html.parser")
    textarea = soup.select_one("textarea")
    label = soup.find(id=textarea["aria-labelledby"])
    assert label.get_text() == "What will you try?"
    assert "only on this device" in soup.find(id=textarea["aria-describedby"]).get_text()
    assert found == [Reflection(id="what-to-try", question="What will you try?", page_id="modules/01-what", page_title="Module 1: What",
                                src_path="modules/01-what.md", line=3)]
    assert "notebook" in soup.select_one(".js-note-paper").get_text()
    # What the browser needs to move a note kept under the box's old position ("page#1") to this id.
    note = soup.select_one('[data-module="app-note"]')
    assert (note["data-note-id"], note["data-note-question"], note["data-page-id"], note["data-page-title"]) == (
        "what-to-try", "What will you try?", "modules/01-what", "Module 1: What")


def test_adding_a_box_above_another_keeps_each_box_its_id() -> None:
    one = '<div class="admonition reflect note-second"><p class="admonition-title">Second?</p></div>'
    two = '<div class="admonition reflect note-first"><p class="admonition-title">First?</p></div>' + one
    assert [r.id for r in reflection_boxes(one, page=PAGE)[1]] == ["second"]
    assert [r.id for r in reflection_boxes(two, page=PAGE)[1]] == ["first", "second"]


MARKDOWN = 'Intro\n\n!!! note "Other"\n    x\n\n!!! reflect{classes} "What will you try?"\n    Words.\n'


@pytest.mark.parametrize(("classes", "problem"), [
    ("", "has no id"),
    (" note-", "is not one the course can use"),
    (" note-What_Now", "is not one the course can use"),
    (" note--double", "is not one the course can use"),
    (" note-one note-two", "has 2 ids"),
])
def test_a_box_without_a_usable_id_stops_the_build_naming_file_line_and_fix(classes: str, problem: str) -> None:
    html = f'<div class="admonition reflect{classes}"><p class="admonition-title">What will you try?</p></div>'
    with pytest.raises(LearnerPageError) as caught:
        reflection_boxes(html, page=PAGE, src_path="modules/01-what.md", markdown=MARKDOWN.format(classes=classes))
    message = str(caught.value)
    assert message.startswith("Doc file 'modules/01-what.md', line 6: ")
    assert problem in message
    assert '!!! reflect note-first-time-asked "' in message and "docs/authors/guide.md" in message


def test_a_duplicate_id_stops_the_build_naming_both_places() -> None:
    seen: dict[str, Reflection] = {}
    first = Reflection("same", "Q one?", "modules/01-what", "Module 1", src_path="modules/01-what.md", line=12)
    second = Reflection("same", "Q two?", "modules/02-why", "Module 2", src_path="modules/02-why.md", line=30)
    check_note_ids_unique([first], seen)
    with pytest.raises(LearnerPageError, match=(r"^Doc file 'modules/02-why.md', line 30: the id 'note-same' is already used by "
                                                r"the \"Think about it\" box in 'modules/01-what.md', line 12\. Each box needs its own id")):
        check_note_ids_unique([second], seen)


def test_every_reflect_box_in_the_course_has_a_unique_id() -> None:
    from conftest import PROJECT_DIR

    ids: dict[str, str] = {}
    for path in sorted((PROJECT_DIR / "docs").rglob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("!!! reflect"):
                found = [word for word in line.split()[2:] if word.startswith("note-")]
                assert len(found) == 1, f"{path}: {line}"
                assert found[0] not in ids, f"{path} and {ids.get(found[0])} share {found[0]}"
                ids[found[0]] = str(path)
    assert len(ids) >= 10


def test_progress_lists_pages_by_kind_with_their_ids() -> None:
    pages = [PAGE, CoursePage("modules/02-why", "Module 2: Why", "module", "../modules/02-why/"),
             CoursePage("case-studies/x", "Case study: X", "case study", "../case-studies/x/")]
    soup = BeautifulSoup(progress_html(pages), "html.parser")
    assert [li["data-page-id"] for li in soup.select(".js-progress-modules li")] == ["modules/01-what", "modules/02-why"]
    assert soup.select_one(".js-progress-case-studies a")["href"] == "../case-studies/x/"
    assert soup.select_one("[data-module-count]")["data-module-count"] == "2"
    assert "JavaScript" in soup.select_one(".js-progress-no-script").get_text()


def test_notes_page_lists_questions_under_their_pages() -> None:
    reflections = [Reflection("what-to-try", "Q one?", "modules/01-what", "Module 1", "../modules/01-what/"),
                   Reflection("why-it-matters", "Q two?", "modules/02-why", "Module 2", "../modules/02-why/")]
    soup = BeautifulSoup(notes_html(reflections), "html.parser")
    assert [h.get_text() for h in soup.select("h3 a")] == ["Module 1", "Module 2"]
    assert [li["data-note-id"] for li in soup.select(".js-notes-item")] == ["what-to-try", "why-it-matters"]
    # The question and page, so notes kept under an old position id can be matched to them.
    first = soup.select_one(".js-notes-item")
    assert (first["data-note-question"], first["data-page-id"], first["data-page-title"]) == ("Q one?", "modules/01-what", "Module 1")


def test_certificate_names_course_and_organisation_or_leaves_it_out() -> None:
    soup = BeautifulSoup(certificate_html(course="Co-production", organisation="Age & Co", pass_mark=12, question_count=15,
                                          check_url="../check/"), "html.parser")
    assert soup.select_one(".app-certificate")["data-organisation"] == "Age & Co"
    assert soup.select_one(".app-certificate__organisation").get_text() == "Age & Co"
    bare = BeautifulSoup(certificate_html(course="Co-production", organisation="", pass_mark=12, question_count=15,
                                          check_url="../check/"), "html.parser")
    assert bare.select_one(".app-certificate__organisation") is None


def test_certificate_waits_for_a_pass_in_the_check_and_says_how_to_pass() -> None:
    soup = BeautifulSoup(certificate_html(course="C", organisation="", pass_mark=12, question_count=15, check_url="../check/"),
                         "html.parser")
    waiting = soup.select_one(".js-certificate-waiting")
    assert not waiting.has_attr("hidden") and "get 12 or more of its 15 questions right" in waiting.get_text()
    assert waiting.find("a", string="Check what you have learnt")["href"] == "../check/"
    failed = soup.select_one(".js-certificate-failed")
    assert failed.has_attr("hidden") and "To pass, you need 12 or more." in failed.get_text()
    assert soup.select_one(".js-certificate-ready").has_attr("hidden")
    assert "modules" not in waiting.get_text(), "Mark as done is for progress only: the certificate needs the check"


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
