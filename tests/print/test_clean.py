"""Unit tests for print_packs.clean: trainer notes, questions (plain and interactive), writing lines, screen-only parts."""

from __future__ import annotations

import pytest

from print_packs.clean import (
    Question, answers_html, fragment, paper_questions, paper_reflections, read_question, remove_screen_only,
    remove_trainer_notes,
)
from print_packs.paper_tables import LINES_PER_EMPTY_CELL, WRITE_IN, linearise_wide_tables, mark_write_in_columns
from learner.quiz import interactive_questions

ACTIVITY = """
<h1>Whose voices are missing?</h1>
<h2>Step by step</h2><ol><li>List everyone.</li></ol>
<h2>Notes for the trainer</h2>
<div class="admonition trainer"><p class="admonition-title">Notes for the trainer</p><p>Push groups to think about place.</p></div>
<h2>Making it accessible</h2><p>Read each list aloud.</p>
"""

QUESTION = """<div class="admonition question">
<p class="admonition-title">Which of these is co-production?</p>
<ul class="task-list">
<li class="task-list-item"><label><input disabled="" type="checkbox"/> Sending out a survey first.</label></li>
<li class="task-list-item"><label><input checked="" disabled="" type="checkbox"/> Planning it all together.</label></li>
</ul>
<p><strong>Why:</strong> Co-production shares power from the start.</p>
</div>"""

QUESTION_MARKDOWN = '!!! question "Which of these is co-production?"\n'


def test_trainer_note_and_its_empty_heading_are_removed() -> None:
    soup = fragment(ACTIVITY)
    assert remove_trainer_notes(soup) == 1
    text = soup.get_text(" ")
    assert "Push groups" not in text
    assert "Notes for the trainer" not in text
    assert "Making it accessible" in text and "Read each list aloud." in text


def test_heading_with_other_content_is_kept() -> None:
    soup = fragment('<h2>Getting ready</h2><p>Book a room.</p><div class="admonition trainer"><p>Secret.</p></div><h2>Next</h2>')
    remove_trainer_notes(soup)
    assert [h.get_text() for h in soup.find_all("h2")] == ["Getting ready", "Next"]
    assert "Secret." not in soup.get_text()


def test_collapsible_trainer_note_is_removed_too() -> None:
    soup = fragment('<p>Hello.</p><details class="trainer"><summary>Notes</summary><p>Secret.</p></details>')
    assert remove_trainer_notes(soup) == 1
    assert soup.get_text(" ", strip=True) == "Hello."


def test_page_without_trainer_notes_is_unchanged() -> None:
    soup = fragment("<h2>Key points</h2><ul><li>One.</li></ul>")
    assert remove_trainer_notes(soup) == 0
    assert str(soup) == "<h2>Key points</h2><ul><li>One.</li></ul>"


@pytest.mark.parametrize("html", [
    pytest.param(QUESTION, id="markdown admonition"),
    pytest.param(interactive_questions(QUESTION, src_path="modules/x.md", markdown=QUESTION_MARKDOWN), id="interactive quiz"),
])
def test_question_is_read_from_either_form(html: str) -> None:
    question = read_question(fragment(html).select_one("div.admonition.question"))
    assert question.title == "Which of these is co-production?"
    # The interactive form shows the options in the build's order (hooks/learner/option_order.py).
    assert sorted(question.options) == [("Planning it all together.", True), ("Sending out a survey first.", False)]
    assert "Co-production shares power from the start." in question.why_html


def test_interactive_form_really_is_different() -> None:
    """Proves the parametrized test above covers two shapes of HTML."""
    html = interactive_questions(QUESTION, src_path="modules/x.md", markdown=QUESTION_MARKDOWN)
    assert "<fieldset" in html and "task-list" not in html


def test_questions_point_to_the_answers_and_hide_them() -> None:
    soup = fragment(QUESTION)
    questions = paper_questions(soup, answers_anchor="answers-module-1")
    assert len(questions) == 1
    assert soup.select_one('a[href="#answers-module-1"]') is not None
    assert "Why:" not in soup.get_text()
    assert not soup.find("input"), "paper has boxes to tick, not form controls"
    assert len(soup.select(".app-pack__tick-box")) == 2


def test_questions_show_the_answer_when_there_is_no_answers_section() -> None:
    soup = fragment(QUESTION)
    paper_questions(soup, answers_anchor=None)
    assert "(right answer)" in soup.get_text()
    assert "Why:" in soup.get_text()


def test_answers_section_lists_right_answers_and_reasons() -> None:
    question = Question("Which?", (("Wrong.", False), ("Right.", True), ("Also right.", True)), "<strong>Why:</strong> Because.")
    soup = fragment(answers_html([("answers-m1", "Module 1: Start", [question])], anchor="answers"))
    assert soup.select_one("section#answers h1").get_text() == 'Answers to "Check your understanding"'
    assert soup.select_one("#answers-m1 h2").get_text() == "Module 1: Start"
    assert [li.get_text() for li in soup.select("#answers-m1 li")] == ["B. Right.", "C. Also right."], "each with its letter"
    assert "The right answers are:" in soup.get_text()


def test_reflection_gets_its_question_and_ruled_lines() -> None:
    html = ('<div class="admonition reflect"><p class="admonition-title">What is one thing you could change?</p>'
            '<p>Write a few words in the box.</p><div class="app-note" hidden><textarea></textarea></div></div>')
    soup = fragment(html)
    assert paper_reflections(soup, lines=4) == 1
    assert soup.select_one(".app-pack__reflect-question").get_text() == "What is one thing you could change?"
    assert len(soup.select(".app-pack__line")) == 4
    assert not soup.find("textarea") and "in the box" not in soup.get_text()


def test_screen_only_parts_are_removed() -> None:
    html = ('<h1 tabindex="-1">Title</h1><p class="app-reading-time">About 5 minutes to read</p>'
            '<div class="app-listen" hidden><button>Listen</button></div><p>Body <span class="tip">'
            '<a href="../glossary/#x">word</a><span role="tooltip" hidden>Meaning</span></span>.</p><script>x()</script>')
    soup = fragment(html)
    remove_screen_only(soup)
    assert soup.get_text(" ", strip=True) == "Title Body word ."
    assert not soup.find(attrs={"tabindex": True})


PLAN_TABLE = """<div class="md-typeset__table"><table>
<thead><tr><th>What we will do</th><th>Who</th><th>By when</th><th>What we need</th><th>How we will know</th></tr></thead>
<tbody>
<tr><td>Ask the <a href="#lunch">lunch club</a></td><td>Two members</td><td>May</td><td>—</td><td>They tell us</td></tr>
<tr><td></td><td></td><td></td><td></td><td></td></tr>
</tbody></table></div>"""


def test_wide_tables_become_labelled_rows_with_lines_for_empty_cells() -> None:
    soup = fragment(PLAN_TABLE)
    assert linearise_wide_tables(soup) == 1
    assert soup.find("table") is None
    example, blank = soup.select(".app-pack__table-row")
    assert [line.get_text(" ", strip=True) for line in example.select("p")] == [
        "What we will do: Ask the lunch club", "Who: Two members", "By when: May", "How we will know: They tell us"]
    assert example.select_one("a")["href"] == "#lunch", "links inside cells are kept"
    assert "app-pack__table-row--blank" in blank["class"]
    assert [line.get_text(strip=True) for line in blank.select("p")] == [
        "What we will do:", "Who:", "By when:", "What we need:", "How we will know:"]
    assert len(blank.select(".app-pack__line")) == 5 * LINES_PER_EMPTY_CELL


def test_narrow_tables_stay_tables() -> None:
    soup = fragment("<table><tr><th>Term</th><th>Meaning</th></tr><tr><td>Assets</td><td>Strengths</td></tr></table>")
    assert linearise_wide_tables(soup) == 0
    assert soup.find("table") is not None


def test_columns_left_empty_to_fill_in_are_marked() -> None:
    soup = fragment("<table><thead><tr><th>Principle</th><th>Our light</th><th>Why</th></tr></thead><tbody>"
                    "<tr><td>1. From the start</td><td></td><td></td></tr>"
                    "<tr><td>2. Safe to speak</td><td> </td><td>Because</td></tr></tbody></table>")
    assert mark_write_in_columns(soup) == 1
    marked = [cell.get_text(strip=True) for cell in soup.select(f".{WRITE_IN}")]
    assert marked == ["Our light", "", ""], "only the column empty in every row, with its heading"

