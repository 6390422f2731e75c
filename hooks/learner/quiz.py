"""Turn the "Check your understanding" boxes into questions a learner can answer.

Authors write a question as an admonition holding a task list and a "Why"
paragraph (see docs/authors/guide.md):

    !!! question "Which of these is co-production?"
        - [ ] A survey after the plan is written.
        - [x] Planning the service together from the start.

        **Why:** Co-production shares power from the start.

Python-Markdown renders that as a `div.admonition.question` with a
`ul.task-list`. `interactive_questions` turns each one into a form with a
fieldset and legend, radio buttons (checkboxes when more than one answer is
right), a "Check my answer" button and a live region for feedback. A
`<details>` "Show the answer" keeps the answer and the reason there without
JavaScript and on paper. HTML in, HTML out, so it is tested without a build.

The build, not the author, chooses the order of the options (option_order.py),
and refuses options that give the answer away (option_checks.py): one option
far longer than the others, or a link to the glossary, whose pop-up would
explain the word. `python -m learner.questions` prints the questions as a
learner sees them, for a blind reader (docs/authors/guide.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from glossary.tips import GLOSSARY_HREF as _GLOSSARY_HREF
from learner.option_checks import OptionFacts, page_problems, question_problems
from learner.option_order import PositionBag, shown_order

WHY_PREFIX = "Why:"
# Each option's letter, shown on screen and on paper, so a room can vote with A, B and C cards.
OPTION_LETTERS = "ABCDEFGH"
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_QUESTION_LINE = re.compile(r'^\s*!!!\s+question\s+"(?P<title>.*)"\s*$')


class QuizError(ValueError):
    """A question cannot be made interactive; the message names the file, the line and the fix."""


def question_line(markdown: str, title: str) -> int:
    """The line of the Markdown file where the question with this title starts (1 if not found)."""
    wanted = " ".join(title.split())
    fallback = 0
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = _QUESTION_LINE.match(line)
        if not match:
            continue
        # The title as words: [a link](glossary.md#a) is "a link", **bold** is "bold".
        found = " ".join(_MARKDOWN_LINK.sub(r"\1", match.group("title")).replace("**", "").split())
        if found == wanted:
            return number
        if not fallback and (wanted in found or found in wanted):
            fallback = number
    return fallback or 1


def inner_html(tag: Tag) -> str:
    """What is inside a tag, as HTML, without the tag itself."""
    return "".join(str(child) for child in tag.contents).strip()


def _is_why(paragraph: Tag) -> bool:
    first = next((child for child in paragraph.contents if not (isinstance(child, str) and not child.strip())), None)
    return isinstance(first, Tag) and first.name == "strong" and first.get_text(strip=True) == WHY_PREFIX


def _answers(box: Tag) -> list[tuple[str, bool]]:
    """Each answer's HTML and whether it is right, from the box's task list."""
    answers = []
    task_list = box.find("ul", class_="task-list", recursive=False)
    if task_list is None:
        return answers
    for item in task_list.find_all("li", recursive=False):
        checkbox = item.find("input", attrs={"type": "checkbox"})
        if checkbox is None:
            continue
        is_right = checkbox.has_attr("checked")
        checkbox.decompose()
        # Some builds wrap the task in a <label>; keep only the words.
        for label in item.find_all("label"):
            label.unwrap()
        answers.append((inner_html(item), is_right))
    return answers


def id_prefix(src_path: str) -> str:
    """A prefix for element ids that is unique to the page, so pages joined into one (the print page) keep unique ids."""
    return re.sub(r"[^a-z0-9]+", "-", src_path.lower().removesuffix(".md")).strip("-")


@dataclass(frozen=True)
class Option:
    """One answer a learner can choose."""

    html: str
    text: str
    is_right: bool


@dataclass(frozen=True)
class Question:
    """One "Check your understanding" question, with its options in the order the learner sees them."""

    id: str
    line: int
    title_html: str
    title_text: str
    extra_html: tuple[str, ...]
    options: tuple[Option, ...]
    why_html: str

    @property
    def several_right(self) -> bool:
        return sum(option.is_right for option in self.options) > 1

    def facts(self, src_path: str) -> OptionFacts:
        """What the option checks need to know of this question."""
        return OptionFacts(title=self.title_text, where=f"Doc file '{src_path}', line {self.line}",
                           lengths=tuple(len(option.text) for option in self.options),
                           rights=tuple(option.is_right for option in self.options))


def _glossary_links(item_html: str) -> list[str]:
    soup = BeautifulSoup(item_html, "html.parser")
    return [link.get_text(" ", strip=True) for link in soup.find_all("a", href=True) if _GLOSSARY_HREF.search(link["href"])]


def _read_box(box: Tag, *, number: int, src_path: str, markdown: str, bag: PositionBag) -> Question:
    """One question box as a Question; raise QuizError, naming the file and line, if it is malformed."""
    title_tag = box.find("p", class_="admonition-title", recursive=False)
    title_html = inner_html(title_tag) if title_tag else ""
    # Words as written: inline markup such as a glossary link keeps the spaces of the text around it.
    title_text = " ".join(title_tag.get_text().split()) if title_tag else ""
    line = question_line(markdown, title_text)
    where = f"Doc file '{src_path}', line {line}"
    if not title_text:
        raise QuizError(f'{where}: a question has no question text. Write it in quotes: !!! question "Your question?"')
    answers = _answers(box)
    if not answers:
        raise QuizError(f'{where}: the question "{title_text}" has no answers. List them as "- [x] right answer" and "- [ ] wrong answer".')
    if len(answers) > len(OPTION_LETTERS):
        raise QuizError(f'{where}: the question "{title_text}" has {len(answers)} options. Give it {len(OPTION_LETTERS)} at most: three is best.')
    if not any(is_right for _, is_right in answers):
        raise QuizError(f'{where}: the question "{title_text}" has no right answer. Mark each right answer with "- [x]".')
    for text, _ in answers:
        linked = _glossary_links(text)
        if linked:
            raise QuizError(f'{where}: an option of the question "{title_text}" links "{linked[0]}" to the glossary. '
                            "Its pop-up would explain the word, and so give away the answer. Take the link out of the option "
                            "(a link in the question itself is fine).")
    why = next((p for p in box.find_all("p", recursive=False) if _is_why(p)), None)
    if why is None or len(why.get_text(" ", strip=True)) <= len(WHY_PREFIX):
        raise QuizError(f'{where}: the question "{title_text}" has no "Why" explanation. End it with a paragraph that starts **Why:** and says why the right answer is right.')
    after_why = [p for p in why.find_next_siblings("p")]
    if after_why:
        raise QuizError(f'{where}: the question "{title_text}" has a paragraph after its "Why". A learner would see it '
                        "with the question, before answering, and it may give the answer away. Join it to the Why paragraph, "
                        "or move it above the options if it belongs to the question.")
    extra = tuple(str(p) for p in box.find_all("p", recursive=False) if p is not title_tag and p is not why)
    name = f"{id_prefix(src_path)}-question-{number}"
    written = [Option(html=text, text=" ".join(BeautifulSoup(text, "html.parser").get_text(" ").split()), is_right=is_right)
               for text, is_right in answers]
    order = shown_order(name, [option.is_right for option in written], bag)
    return Question(id=name, line=line, title_html=title_html, title_text=title_text, extra_html=extra,
                    options=tuple(written[index] for index in order), why_html=inner_html(why))


def _question_html(question: Question) -> str:
    """The interactive question, with the answer and reason in a <details> for no-JS and paper."""
    name = question.id
    right = [f"{OPTION_LETTERS[index]}. {option.html}" for index, option in enumerate(question.options) if option.is_right]
    several = question.several_right
    kind = "checkbox" if several else "radio"
    hint = "Choose all the answers you think are right." if several else "Choose one answer."
    options = []
    for index, option in enumerate(question.options, start=1):
        option_id = f"{name}-answer-{index}"
        right_attr = ' data-right=""' if option.is_right else ""
        options.append(
            f'<div class="app-quiz__option">'
            f'<input class="app-quiz__input js-quiz-option" type="{kind}" name="{name}" id="{option_id}" value="{index}"{right_attr}>'
            f'<label class="app-quiz__label" for="{option_id}"><span class="app-quiz__letter">{OPTION_LETTERS[index - 1]}.</span> '
            f'{option.html}</label></div>'
        )
    if several:
        reveal = "<p>The right answers are:</p><ul>" + "".join(f"<li>{text}</li>" for text in right) + "</ul>"
    else:
        reveal = f"<p>The right answer is: <strong>{right[0]}</strong></p>"
    return (
        f'<div class="admonition question app-quiz" data-module="app-quiz" id="{name}">'
        f'<form class="app-quiz__form js-quiz-form" action="#" novalidate>'
        f'<fieldset class="app-quiz__fieldset" aria-describedby="{name}-hint">'
        f'<legend class="admonition-title app-quiz__question">{question.title_html}</legend>'
        + "".join(question.extra_html)
        + f'<p class="app-quiz__hint" id="{name}-hint">{hint}</p>'
        f'<div class="app-quiz__options">{"".join(options)}</div>'
        f"</fieldset>"
        f'<button type="submit" class="app-button app-quiz__check js-quiz-check" hidden>Check my answer</button>'
        f'<div class="app-quiz__feedback js-quiz-feedback" role="status"></div>'
        f"</form>"
        f'<details class="app-quiz__answer"><summary>Show the answer</summary>{reveal}'
        f'<p class="js-quiz-why">{question.why_html}</p></details>'
        f"</div>"
    )


def _question_boxes(soup: BeautifulSoup) -> list[Tag]:
    return [box for box in soup.select("div.admonition.question") if "app-quiz" not in (box.get("class") or [])]


def read_questions(html: str, *, src_path: str, markdown: str) -> list[Question]:
    """Every question on a page, its options in the order shown; raise QuizError if one is malformed or gives a clue."""
    if "admonition question" not in html:
        return []
    soup = BeautifulSoup(html, "html.parser")
    bag = PositionBag(id_prefix(src_path))
    questions = [_read_box(box, number=number, src_path=src_path, markdown=markdown, bag=bag)
                 for number, box in enumerate(_question_boxes(soup), start=1)]
    problems = [problem for question in questions for problem in question_problems(question.facts(src_path))]
    problems += page_problems([question.facts(src_path) for question in questions], src_path=src_path)
    if problems:
        raise QuizError("\n".join(problems))
    return questions


def make_interactive(html: str, questions: list[Question]) -> str:
    """Put each question read by `read_questions` in place of its box, as a form a learner can answer."""
    if not questions:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for box, question in zip(_question_boxes(soup), questions):
        box.replace_with(BeautifulSoup(_question_html(question), "html.parser"))
    return str(soup)


def interactive_questions(html: str, *, src_path: str, markdown: str) -> str:
    """Turn every `div.admonition.question` into an interactive question; raise QuizError if one is malformed."""
    return make_interactive(html, read_questions(html, src_path=src_path, markdown=markdown))
