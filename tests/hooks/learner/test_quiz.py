"""hooks/quiz.py: the "Check your understanding" Markdown pattern becomes a form, or stops the build with a clear message."""

from __future__ import annotations

import markdown as markdown_lib
import pytest
from bs4 import BeautifulSoup

from learner.quiz import QuizError, interactive_questions, question_line

EXTENSIONS = ["admonition", "pymdownx.tasklist", "pymdownx.superfences"]


def render(source: str) -> str:
    """The page HTML MkDocs would make from this Markdown (the parts questions use)."""
    return markdown_lib.markdown(source, extensions=EXTENSIONS)


def transform(source: str, path: str = "modules/99-test.md") -> BeautifulSoup:
    return BeautifulSoup(interactive_questions(render(source), src_path=path, markdown=source), "html.parser")


ONE_RIGHT = '''# A page

Some words.

!!! question "Which of these is co-production?"
    - [ ] A survey after the plan is written.
    - [x] Planning it together from the start.
    - [ ] Inviting people to the launch.

    **Why:** Co-production shares power from the start.
'''

TWO_RIGHT = '''!!! question "Which are kinds of co-production?"
    - [x] People help run a service.
    - [x] Everyone plans and runs it together.
    - [ ] Staff do everything alone.

    **Why:** More than one group plans or runs it.
'''


def test_question_becomes_fieldset_with_legend_and_radio_buttons() -> None:
    soup = transform(ONE_RIGHT)
    box = soup.select_one("div.admonition.question")
    assert box is not None, "the outer box keeps its classes for the print packs"
    fieldset = box.select_one("form fieldset")
    assert fieldset.legend.get_text(strip=True) == "Which of these is co-production?"
    inputs = fieldset.select("input")
    assert [i["type"] for i in inputs] == ["radio", "radio", "radio"]
    assert len({i["name"] for i in inputs}) == 1
    labels = [" ".join(soup.select_one(f'label[for="{i["id"]}"]').get_text(" ").split()) for i in inputs]
    # Each label starts with its letter, for voting with A, B and C cards in the room.
    assert [label[:2] for label in labels] == ["A.", "B.", "C."]
    labels = [label[3:] for label in labels]
    # The build chooses the order (test_option_order.py); every option is there once, the right one marked.
    assert sorted(labels) == sorted(["A survey after the plan is written.", "Planning it together from the start.", "Inviting people to the launch."])
    assert [label for label, i in zip(labels, inputs) if i.has_attr("data-right")] == ["Planning it together from the start."]
    assert [i["value"] for i in inputs] == ["1", "2", "3"], "values number the options as shown"
    assert not soup.select("ul.task-list"), "no disabled task-list checkboxes are left"


def test_question_has_check_button_live_region_and_answer_for_no_javascript() -> None:
    soup = transform(ONE_RIGHT)
    button = soup.select_one("button.js-quiz-check")
    # A submit button, so Enter in the form checks the answer (HTML_CodeSniffer: a form needs one).
    assert button["type"] == "submit" and button.get_text() == "Check my answer"
    assert soup.select_one(".js-quiz-feedback")["role"] == "status"
    details = soup.select_one("details")
    assert details.summary.get_text() == "Show the answer"
    text = details.get_text(" ", strip=True)
    assert "Planning it together from the start." in text
    assert "Why: Co-production shares power from the start." in text
    assert "A survey" not in text


def test_more_than_one_right_answer_gives_checkboxes() -> None:
    soup = transform(TWO_RIGHT)
    assert [i["type"] for i in soup.select("input")] == ["checkbox"] * 3
    assert "all the answers" in soup.select_one(".app-quiz__hint").get_text()
    assert sorted(li.get_text(strip=True)[3:] for li in soup.select("details li")) == ["Everyone plans and runs it together.", "People help run a service."]


def test_ids_are_unique_across_questions_and_pages() -> None:
    first = transform(ONE_RIGHT + "\n" + TWO_RIGHT, "modules/01-a.md")
    second = transform(ONE_RIGHT, "modules/02-b.md")
    ids = [tag["id"] for soup in (first, second) for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    names = {i["name"] for i in first.select("input")}
    assert len(names) == 2


def test_page_without_questions_is_unchanged() -> None:
    html = render("# Title\n\n- [x] a task list that is not a question\n")
    assert interactive_questions(html, src_path="x.md", markdown="") == html


NO_RIGHT = '''---
title: Test
---

# Test

!!! question "Is this right?"
    - [ ] No.
    - [ ] Also no.

    **Why:** Nothing is right.
'''

NO_WHY = '''# Test

!!! question "First question?"
    - [x] Yes.

    **Why:** Because.

Some text between.

!!! question "Second question?"
    - [x] Yes.
    - [ ] No.
'''


@pytest.mark.parametrize(("source", "line", "words"), [
    (NO_RIGHT, 7, 'the question "Is this right?" has no right answer. Mark each right answer with "- [x]".'),
    (NO_WHY, 10, 'the question "Second question?" has no "Why" explanation.'),
    ('!!! question "Where are the answers?"\n    Just words.\n\n    **Why:** Because.\n', 1, 'the question "Where are the answers?" has no answers.'),
    # A paragraph after the Why would be shown with the question, before the learner answers.
    ('!!! question "Who decides?"\n    - [x] Both\n    - [ ] Staff\n\n    **Why:** Both.\n\n    The story shows both deciding.\n', 1,
     'the question "Who decides?" has a paragraph after its "Why".'),
])
def test_malformed_question_stops_with_file_and_line(source: str, line: int, words: str) -> None:
    with pytest.raises(QuizError) as error:
        interactive_questions(render(source), src_path="modules/03-jargon.md", markdown=source)
    assert str(error.value).startswith(f"Doc file 'modules/03-jargon.md', line {line}: ")
    assert words in str(error.value)


def test_question_line_finds_the_title_and_falls_back_to_line_one() -> None:
    source = 'Intro\n\n!!! question "Alpha?"\n    - [x] a\n\n!!! question  "Beta?"\n'
    assert question_line(source, "Alpha?") == 3
    assert question_line(source, "Beta?") == 6
    assert question_line(source, "Gamma?") == 1


def test_why_must_have_words_after_it() -> None:
    source = '!!! question "Empty why?"\n    - [x] Yes.\n\n    **Why:**\n'
    with pytest.raises(QuizError, match="no \"Why\" explanation"):
        interactive_questions(render(source), src_path="m.md", markdown=source)


def test_question_line_reads_a_title_with_a_glossary_link_as_its_words() -> None:
    source = 'Intro\n\n!!! question "Ivy helps run a [time bank](glossary.md#time-bank), where members swap time. Why?"\n'
    assert question_line(source, "Ivy helps run a time bank, where members swap time. Why?") == 3
