"""Make a web page's HTML fit for paper: screen-only parts out, trainer notes out or in, questions and writing space.

Every function takes a BeautifulSoup element (one page's HTML) and changes it
in place, or takes HTML and returns HTML, so each is tested without a build.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from learner.quiz import OPTION_LETTERS, WHY_PREFIX, inner_html

# Parts of a web page that do nothing on paper: controls, scripts, pop-ups that
# are hidden until a script shows them, and the screen's reading time.
SCREEN_ONLY = (
    "script", "noscript", "template", "style", "button", "textarea", "select", "[hidden]",
    "a.headerlink", ".app-reading-time", ".app-listen", ".app-done", ".app-check-score", ".md-source-file",
)
TRAINER_NOTES = "div.admonition.trainer, details.trainer"
# Both helpers key on this: the plain admonition and the interactive quiz keep these classes.
QUESTION_BOX = "div.admonition.question"
REFLECT_BOX = "div.admonition.reflect"
WRITING_LINES = 6
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True)
class Question:
    """A "Check your understanding" question read from the page: its words, answers and reason (as HTML)."""

    title: str
    options: tuple[tuple[str, bool], ...]
    why_html: str

    @property
    def right_answers(self) -> list[str]:
        """The words of each right answer, after its letter ("B. Consultation.")."""
        return [f"{OPTION_LETTERS[index]}. {text}" for index, (text, is_right) in enumerate(self.options) if is_right]


def fragment(html: str) -> BeautifulSoup:
    """Parse a piece of page HTML."""
    return BeautifulSoup(html, "html.parser")


def remove_screen_only(root: Tag) -> None:
    """Take out controls, scripts, hidden pop-ups and other parts that only make sense on a screen."""
    for element in root.select(", ".join(SCREEN_ONLY)):
        element.decompose()
    # Inputs outside the question boxes (which are rebuilt) have no use on paper.
    for element in root.find_all("input"):
        if element.find_parent(class_="question") is None:
            element.decompose()
    for element in root.find_all(attrs={"tabindex": True}):
        del element["tabindex"]


def _is_heading(element: object) -> bool:
    return isinstance(element, Tag) and element.name in HEADINGS


def _next_element_sibling(element: Tag) -> Tag | None:
    sibling = element.next_sibling
    while sibling is not None and not isinstance(sibling, Tag):
        if isinstance(sibling, NavigableString) and sibling.strip():
            return None
        sibling = sibling.next_sibling
    return sibling


def _previous_heading(element: Tag) -> Tag | None:
    sibling = element.find_previous_sibling()
    while sibling is not None and not _is_heading(sibling):
        sibling = sibling.find_previous_sibling()
    return sibling


def remove_empty_sections(root: Tag, headings: list[Tag]) -> None:
    """Remove each of `headings` that now has nothing under it before the next heading of its level or higher."""
    for heading in headings:
        if heading.parent is None:
            continue
        following = _next_element_sibling(heading)
        level = int(heading.name[1])
        if following is None or (_is_heading(following) and int(following.name[1]) <= level):
            heading.decompose()


def remove_trainer_notes(root: Tag) -> int:
    """Take out every trainer-only note, and any heading left with nothing under it; return how many notes went."""
    boxes = root.select(TRAINER_NOTES)
    headings = [heading for box in boxes if (heading := _previous_heading(box)) is not None]
    for box in boxes:
        box.decompose()
    remove_empty_sections(root, headings)
    return len(boxes)


def words_in(element: Tag) -> str:
    """An element's words, with spaces tidied."""
    return " ".join(element.get_text(" ", strip=True).split())


def _option_words(box: Tag, field: Tag) -> str:
    """The words that go with one answer's tick box, from its <label> or its list item."""
    label = box.find("label", attrs={"for": field.get("id")}) if field.get("id") else None
    holder = label or field.find_parent("label") or field.find_parent("li")
    if holder is None:
        return ""
    # The website's letter ("A.") is left out: paper_question prints its own, beside the tick box.
    words = [text for text in holder.find_all(string=True) if text.find_parent(class_="app-quiz__letter") is None]
    return " ".join(" ".join(words).split())


def read_question(box: Tag) -> Question:
    """Read a question box, as Markdown writes it (task list) or as the interactive quiz does (fieldset)."""
    title_tag = box.select_one(".admonition-title, legend")
    title = words_in(title_tag) if title_tag is not None else ""
    options = []
    for field in box.find_all("input", attrs={"type": ["checkbox", "radio"]}):
        if field.find_parent("details") is not None:
            continue
        is_right = field.has_attr("checked") or field.has_attr("data-right")
        options.append((_option_words(box, field), is_right))
    why_html = ""
    for candidate in box.find_all(["p", "div"]):
        if words_in(candidate).startswith(WHY_PREFIX):
            why_html = inner_html(candidate)
            break
    return Question(title=title, options=tuple(options), why_html=why_html)


def _escape(text: str) -> str:
    return html_lib.escape(text, quote=False)


def paper_question(question: Question, *, answers_anchor: str | None) -> str:
    """A question as it looks on paper: boxes to tick, and the answer at the back or straight after it."""
    items = "".join(
        f'<li><span class="app-pack__tick-box" aria-hidden="true"></span> <strong>{OPTION_LETTERS[index]}.</strong> {_escape(text)}'
        + ("" if answers_anchor or not is_right else ' <strong>(right answer)</strong>')
        + "</li>"
        for index, (text, is_right) in enumerate(question.options)
    )
    several = len(question.right_answers) > 1
    hint = "Tick all the answers you think are right." if several else "Tick one answer."
    if answers_anchor:
        after = (f'<p class="app-pack__answers-link">You can check your answer with '
                 f'<a class="app-pack__page-ref" href="#{answers_anchor}">the answers at the back</a>.</p>')
    else:
        after = f"<p>{question.why_html}</p>" if question.why_html else ""
    return (
        '<div class="app-pack__question">'
        f'<p class="app-pack__question-title"><strong>{_escape(question.title)}</strong></p>'
        f"<p>{hint}</p>"
        f'<ul class="app-pack__options">{items}</ul>'
        f"{after}</div>"
    )


def paper_questions(root: Tag, *, answers_anchor: str | None) -> list[Question]:
    """Replace every question box with its paper form; return the questions, in order, for the answers section."""
    questions = []
    for box in root.select(QUESTION_BOX):
        question = read_question(box)
        questions.append(question)
        box.replace_with(fragment(paper_question(question, answers_anchor=answers_anchor)))
    return questions


def ruled_lines(count: int) -> str:
    """Lines to write on, hidden from screen readers."""
    ruled = "".join('<div class="app-pack__line"></div>' for _ in range(count))
    return f'<div class="app-pack__lines" aria-hidden="true">{ruled}</div>'


def writing_space(question: str, lines: int = WRITING_LINES) -> str:
    """A "Think about it" question with ruled lines to write the answer on."""
    return (
        '<div class="app-pack__reflect">'
        f'<p class="app-pack__reflect-question"><strong>{_escape(question)}</strong></p>'
        "<p>Write your answer on the lines. There are no wrong answers.</p>"
        f"{ruled_lines(lines)}</div>"
    )


def paper_reflections(root: Tag, lines: int = WRITING_LINES) -> int:
    """Replace every "Think about it" box with its question and lines to write on; return how many."""
    boxes = root.select(REFLECT_BOX)
    for box in boxes:
        title = box.select_one(".admonition-title")
        box.replace_with(fragment(writing_space(words_in(title) if title else "Think about it", lines)))
    return len(boxes)


def answers_html(groups: list[tuple[str, str, list[Question]]], *, anchor: str) -> str:
    """The "Answers" section at the back: for each page (id, title) its questions, right answers and reasons."""
    sections = []
    for group_id, title, questions in groups:
        items = []
        for question in questions:
            right = question.right_answers
            label = "The right answers are:" if len(right) > 1 else "The right answer is:"
            answer_list = "".join(f"<li>{_escape(text)}</li>" for text in right)
            items.append(
                '<div class="app-pack__answer">'
                f'<p class="app-pack__question-title"><strong>{_escape(question.title)}</strong></p>'
                f"<p>{label}</p><ul>{answer_list}</ul>"
                + (f"<p>{question.why_html}</p>" if question.why_html else "")
                + "</div>"
            )
        sections.append(f'<section class="app-pack__answers-group" id="{group_id}"><h2>{_escape(title)}</h2>{"".join(items)}</section>')
    return (
        f'<section class="app-pack__page app-pack__answers" id="{anchor}">'
        '<h1>Answers to "Check your understanding"</h1>'
        "<p>Here are the answers to the questions in each module, and why they are right.</p>"
        f"{''.join(sections)}</section>"
    )
