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
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

WHY_PREFIX = "Why:"
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
        found = " ".join(match.group("title").split())
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


def _question_html(name: str, title: str, extra: list[str], answers: list[tuple[str, bool]], why_html: str) -> str:
    """The interactive question, with the answer and reason in a <details> for no-JS and paper."""
    right = [text for text, is_right in answers if is_right]
    several = len(right) > 1
    kind = "checkbox" if several else "radio"
    hint = "Choose all the answers you think are right." if several else "Choose one answer."
    options = []
    for index, (text, is_right) in enumerate(answers, start=1):
        option_id = f"{name}-answer-{index}"
        right_attr = ' data-right=""' if is_right else ""
        options.append(
            f'<div class="app-quiz__option">'
            f'<input class="app-quiz__input js-quiz-option" type="{kind}" name="{name}" id="{option_id}" value="{index}"{right_attr}>'
            f'<label class="app-quiz__label" for="{option_id}">{text}</label></div>'
        )
    if several:
        reveal = "<p>The right answers are:</p><ul>" + "".join(f"<li>{text}</li>" for text in right) + "</ul>"
    else:
        reveal = f"<p>The right answer is: <strong>{right[0]}</strong></p>"
    return (
        f'<div class="admonition question app-quiz" data-module="app-quiz" id="{name}">'
        f'<form class="app-quiz__form js-quiz-form" action="#" novalidate>'
        f'<fieldset class="app-quiz__fieldset" aria-describedby="{name}-hint">'
        f'<legend class="admonition-title app-quiz__question">{title}</legend>'
        + "".join(extra)
        + f'<p class="app-quiz__hint" id="{name}-hint">{hint}</p>'
        f'<div class="app-quiz__options">{"".join(options)}</div>'
        f"</fieldset>"
        f'<button type="submit" class="app-button app-quiz__check js-quiz-check" hidden>Check my answer</button>'
        f'<div class="app-quiz__feedback js-quiz-feedback" role="status"></div>'
        f"</form>"
        f'<details class="app-quiz__answer"><summary>Show the answer</summary>{reveal}'
        f'<p class="js-quiz-why">{why_html}</p></details>'
        f"</div>"
    )


def interactive_questions(html: str, *, src_path: str, markdown: str) -> str:
    """Turn every `div.admonition.question` into an interactive question; raise QuizError if one is malformed."""
    if "admonition question" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    boxes = [box for box in soup.select("div.admonition.question") if "app-quiz" not in (box.get("class") or [])]
    for number, box in enumerate(boxes, start=1):
        title_tag = box.find("p", class_="admonition-title", recursive=False)
        title_html = inner_html(title_tag) if title_tag else ""
        title_text = title_tag.get_text(" ", strip=True) if title_tag else ""
        where = f"Doc file '{src_path}', line {question_line(markdown, title_text)}"
        if not title_text:
            raise QuizError(f'{where}: a question has no question text. Write it in quotes: !!! question "Your question?"')
        answers = _answers(box)
        if not answers:
            raise QuizError(f'{where}: the question "{title_text}" has no answers. List them as "- [x] right answer" and "- [ ] wrong answer".')
        if not any(is_right for _, is_right in answers):
            raise QuizError(f'{where}: the question "{title_text}" has no right answer. Mark each right answer with "- [x]".')
        why = next((p for p in box.find_all("p", recursive=False) if _is_why(p)), None)
        if why is None or len(why.get_text(" ", strip=True)) <= len(WHY_PREFIX):
            raise QuizError(f'{where}: the question "{title_text}" has no "Why" explanation. End it with a paragraph that starts **Why:** and says why the right answer is right.')
        extra = [str(p) for p in box.find_all("p", recursive=False) if p is not title_tag and p is not why]
        name = f"{id_prefix(src_path)}-question-{number}"
        box.replace_with(BeautifulSoup(_question_html(name, title_html, extra, answers, inner_html(why)), "html.parser"))
    return str(soup)

