"""The parts of a page that let a learner study on their own, kept only in their browser.

Each function takes HTML or plain data and returns HTML, so it is tested
without a build. The browser side is in overrides/assets/javascripts/app-*.js:
each part starts from its `data-module` attribute and finds its pieces by
`js-*` classes. Everything a script needs is written here at build time, as
HTML and data attributes (no inline scripts, so a strict Content-Security-Policy
works). Parts that only work with JavaScript are `hidden` until a script shows
them, and words only for when scripts do not run are hidden by the script
(not in `<noscript>`). Where the browser runs scripts, a hidden part keeps its
place from the first paint and those words are not shown (app-buttons.css,
"Space kept"), so nothing moves when a script shows the part; a line a script
fills in is written as a new learner's. The price: a script that fails to load
leaves its part's place empty.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

# Pages a learner can mark as done: the modules, case studies and activities
# (not the section index pages).
TRACKED_SECTIONS = {"modules/": "module", "case-studies/": "case study", "activities/": "activity"}
MARKER = re.compile(r"<!--\s*app:(?P<name>[a-z-]+)\s*-->")


class LearnerPageError(ValueError):
    """A page asks for a part that does not exist; the message names the file and the fix."""


@dataclass(frozen=True)
class CoursePage:
    """A page the learner can mark as done."""

    id: str
    title: str
    kind: str
    url: str = ""


@dataclass(frozen=True)
class Reflection:
    """One "Think about it" question and where it is."""

    id: str
    question: str
    page_id: str
    page_title: str
    url: str = ""
    src_path: str = ""
    line: int = 0


def page_id(url: str) -> str:
    """A page's stable id from its URL: 'modules/01-x/' and 'modules/01-x.html' both give 'modules/01-x'.

    The browser works out the same id from a link (AppStorage.pageId), so ticks
    and progress survive a move between a web server and a memory stick.
    """
    path = url.split("#")[0]
    for ending in ("index.html", ".html"):
        if path.endswith(ending):
            path = path[: -len(ending)]
    return path.strip("/")


def tracked_kind(src_uri: str) -> str | None:
    """'module', 'case study' or 'activity' for a page a learner can mark as done, else None."""
    for prefix, kind in TRACKED_SECTIONS.items():
        if src_uri.startswith(prefix) and src_uri != prefix + "index.md":
            return kind
    return None


def _attr(value: str) -> str:
    return html_lib.escape(value, quote=True)


def done_button_html(page: CoursePage) -> str:
    """The "Mark as done" toggle for a page (a fixed name, with aria-pressed), hidden until the script starts."""
    return (
        f'<div class="app-done" data-module="app-done" data-page-id="{_attr(page.id)}" data-page-title="{_attr(page.title)}" hidden>'
        f'<button type="button" class="app-button app-done__button js-done-button" aria-pressed="false">Mark as done</button>'
        # The button's name stays the same and aria-pressed gives its state; these words are for the eye.
        f'<p class="app-done__state js-done-state" hidden>You have marked this page as done. Select the button again to undo.</p>'
        f"</div>"
    )


def add_done_button(html: str, page: CoursePage) -> str:
    """Put the "Mark as done" button before "What comes next", or before "Sources", or at the end."""
    button = done_button_html(page)
    for heading_id in ("what-comes-next", "sources"):
        match = re.search(rf'<h2 id="{heading_id}"', html)
        if match:
            return html[: match.start()] + button + html[match.start():]
    return html + button


LISTEN_HTML = (
    '<div class="app-listen" data-module="app-listen" hidden>'
    '<button type="button" class="app-button app-button--secondary app-listen__play js-listen-play">Listen to this page</button>'
    '<button type="button" class="app-button app-button--secondary app-listen__stop js-listen-stop" hidden>Stop</button>'
    '<p class="app-listen__status js-listen-status" role="status"></p>'
    "</div>"
)


def add_listen_controls(html: str, *, reading_time: str = "") -> str:
    """Put the "Listen to this page" controls under the main heading, and under `reading_time` if it follows the heading."""
    head, found, tail = html.partition("</h1>")
    start = len(head) + len(found)
    if reading_time and html.startswith(reading_time, start if found else 0):
        start = (start if found else 0) + len(reading_time)
    elif not found:
        return html
    return html[:start] + LISTEN_HTML + html[start:]


NOTE_CLASS_PREFIX = "note-"
NOTE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_REFLECT_LINE = re.compile(r"^\s*[!?]{3}\+?\s+reflect\b(?P<rest>.*)$")
_HOW_TO_NAME = ('Give the box its own id after "reflect", for example: '
                '!!! reflect note-first-time-asked "Think of a time you were asked for your views..." '
                "(lower-case letters, numbers and single hyphens, unique across the course; see docs/authors/guide.md). "
                "Keep an id once learners have used it: their notes are kept under it.")


def reflect_line(markdown: str, *, note_id: str | None, question: str) -> int:
    """The line of the Markdown file where a "Think about it" box starts (1 if not found)."""
    wanted = " ".join(question.split())
    by_title = by_position = 0
    for number, line in enumerate(markdown.splitlines(), start=1):
        match = _REFLECT_LINE.match(line)
        if not match:
            continue
        rest = match.group("rest")
        if note_id and re.search(rf"(?<![\w-]){re.escape(NOTE_CLASS_PREFIX + note_id)}(?![\w-])", rest):
            return number
        if not by_title and wanted and wanted in " ".join(rest.split()):
            by_title = number
        by_position = by_position or number
    return by_title or by_position or 1


def note_id_of(classes: list[str], *, where: str) -> str:
    """The author's id for a "Think about it" box, from its `note-...` class; LearnerPageError if missing or malformed."""
    named = [name for name in classes if name.startswith(NOTE_CLASS_PREFIX)]
    if not named:
        raise LearnerPageError(f"{where}: this \"Think about it\" box has no id. {_HOW_TO_NAME}")
    if len(named) > 1:
        raise LearnerPageError(f"{where}: this \"Think about it\" box has {len(named)} ids ({', '.join(named)}); "
                               f"keep one. {_HOW_TO_NAME}")
    note_id = named[0][len(NOTE_CLASS_PREFIX):]
    if not NOTE_ID.match(note_id):
        raise LearnerPageError(f"{where}: the id '{named[0]}' is not one the course can use. {_HOW_TO_NAME}")
    return note_id


def reflection_boxes(html: str, *, page: CoursePage, src_path: str = "", markdown: str = "") -> tuple[str, list[Reflection]]:
    """Give every "Think about it" box a text box labelled by its question; return the questions found.

    Each box's answer is kept under the id its author gave it (`!!! reflect note-<id> "..."`),
    so adding or moving boxes in a course update leaves learners' notes with their questions.
    """
    if "admonition reflect" not in html:
        return html, []
    soup = BeautifulSoup(html, "html.parser")
    found: list[Reflection] = []
    for box in soup.select("div.admonition.reflect"):
        title = box.find("p", class_="admonition-title", recursive=False)
        if title is None:
            continue
        question = title.get_text(" ", strip=True)
        classes = [name for name in box.get("class", []) if name.startswith(NOTE_CLASS_PREFIX)]
        guess = classes[0][len(NOTE_CLASS_PREFIX):] if classes else None
        line = reflect_line(markdown, note_id=guess, question=question)
        note_id = note_id_of(box.get("class", []), where=f"Doc file '{src_path}', line {line}")
        base = f"note-{note_id}"
        title["id"] = f"{base}-question"
        note = BeautifulSoup(
            f'<div class="app-note js-note-question" data-module="app-note" data-note-id="{_attr(note_id)}" '
            f'data-note-question="{_attr(question)}" data-page-id="{_attr(page.id)}" data-page-title="{_attr(page.title)}" hidden>'
            f'<textarea class="app-note__input js-note-input" id="{base}-answer" rows="5" '
            f'aria-labelledby="{base}-question" aria-describedby="{base}-hint"></textarea>'
            f'<p class="app-note__hint" id="{base}-hint">What you type is saved as you type, only on this device. '
            f'You can see all your answers on the "My notes" page.</p>'
            f'<p class="app-note__status js-note-status"></p>'
            f"</div>"
            f'<p class="app-note__paper js-note-paper">Write your answer on paper or in a notebook.</p>',
            "html.parser",
        )
        box.append(note)
        found.append(Reflection(id=note_id, question=question, page_id=page.id, page_title=page.title,
                                src_path=src_path, line=line))
    return str(soup), found


def check_note_ids_unique(found: list[Reflection], seen: dict[str, Reflection]) -> None:
    """Record each box's id in `seen`; LearnerPageError naming both places if an id is already used."""
    for reflection in found:
        first = seen.get(reflection.id)
        if first is not None:
            raise LearnerPageError(
                f"Doc file '{reflection.src_path}', line {reflection.line}: the id 'note-{reflection.id}' is already used by "
                f"the \"Think about it\" box in '{first.src_path}', line {first.line}. Each box needs its own id: "
                f"rename this one (keep the older one, since learners' notes are kept under it).")
        seen[reflection.id] = reflection


def _page_list(pages: list[CoursePage], list_class: str) -> str:
    items = "".join(
        f'<li class="app-progress__item js-progress-item" data-page-id="{_attr(p.id)}">'
        f'<a href="{_attr(p.url)}">{html_lib.escape(p.title)}</a>'
        f' <span class="app-progress__state js-progress-state"></span></li>'
        for p in pages
    )
    return f'<ul class="app-progress__list {list_class}">{items}</ul>'


def progress_html(pages: list[CoursePage]) -> str:
    """The "Your progress" part: a summary, "Continue where you left off" and a list per kind of page."""
    modules = [p for p in pages if p.kind == "module"]
    case_studies = [p for p in pages if p.kind == "case study"]
    activities = [p for p in pages if p.kind == "activity"]
    return (
        f'<div class="app-progress" data-module="app-progress" data-module-count="{len(modules)}">'
        f'<p class="app-progress__no-script js-progress-no-script">Your progress shows here when JavaScript is switched on '
        f"in your browser. You can still read every page of the course.</p>"
        # The lines the script fills in are written as a new learner's, so they keep their place (no layout shift).
        f'<p class="app-progress__summary js-progress-summary" hidden>0 of {len(modules)} modules done.</p>'
        f'<p class="app-progress__continue js-progress-continue" hidden>'
        f'<a class="app-button js-progress-continue-link" href="#">Continue where you left off</a></p>'
        f'<h2 id="modules">The {len(modules)} modules</h2>'
        f"{_page_list(modules, 'js-progress-modules')}"
        f'<h2 id="case-studies">Case studies</h2>'
        f'<p class="app-progress__count js-progress-count" data-kind="case studies" hidden>0 of {len(case_studies)} case studies done.</p>'
        f"{_page_list(case_studies, 'js-progress-case-studies')}"
        f'<h2 id="activities">Activities</h2>'
        f'<p class="app-progress__count js-progress-count" data-kind="activities" hidden>0 of {len(activities)} activities done.</p>'
        f"{_page_list(activities, 'js-progress-activities')}"
        f"</div>"
    )


def notes_html(reflections: list[Reflection]) -> str:
    """The "My notes" part: every question, grouped by page, with a place for the learner's answer."""
    parts = ['<div class="app-notes" data-module="app-notes-page">']
    current = None
    for reflection in reflections:
        if reflection.page_id != current:
            if current is not None:
                parts.append("</ul>")
            current = reflection.page_id
            parts.append(f'<h3><a href="{_attr(reflection.url)}">{html_lib.escape(reflection.page_title)}</a></h3>'
                         '<ul class="app-notes__list">')
        parts.append(
            f'<li class="app-notes__item js-notes-item js-note-question" data-note-id="{_attr(reflection.id)}" '
            f'data-note-question="{_attr(reflection.question)}" data-page-id="{_attr(reflection.page_id)}" '
            f'data-page-title="{_attr(reflection.page_title)}">'
            f'<p class="app-notes__question">{html_lib.escape(reflection.question)}</p>'
            f'<p class="app-notes__answer js-notes-answer" hidden></p></li>'
        )
    if current is not None:
        parts.append("</ul>")
    parts.append('<div class="js-notes-other" hidden><h3>Other notes</h3>'
                 "<p>These answers are to questions that are no longer in the course.</p>"
                 '<ul class="app-notes__list js-notes-other-list"></ul></div>')
    parts.append("</div>")
    return "".join(parts)


def notes_tools_html(course: str) -> str:
    """The "Download my notes" and "Load notes from a file" controls, hidden until the script starts."""
    return (
        f'<div class="app-notes-tools" data-module="app-notes-tools" data-course="{_attr(course)}" hidden>'
        '<p><button type="button" class="app-button js-notes-download">Download my notes</button></p>'
        '<p class="app-notes-tools__load">'
        '<label class="app-notes-tools__label" for="notes-file">Load notes from a file</label>'
        '<input class="app-notes-tools__file js-notes-file" id="notes-file" type="file" accept=".txt,.json,text/plain,application/json">'
        "</p>"
        '<p class="app-notes-tools__message js-notes-message" role="status"></p>'
        "</div>"
    )

CLEAR_HTML = (
    '<div class="app-clear" data-module="app-clear" hidden>'
    '<button type="button" class="app-button app-button--warning js-clear-start">Clear my progress and notes</button>'
    '<div class="app-clear__confirm js-clear-confirm" hidden>'
    '<p class="app-clear__question js-clear-question" tabindex="-1"><strong>Are you sure?</strong> This takes your ticks, '
    "your notes and your name off this browser. You cannot undo it. You may want to download your notes first.</p>"
    '<button type="button" class="app-button app-button--warning js-clear-yes">Yes, clear everything</button> '
    '<button type="button" class="app-button app-button--secondary js-clear-no">No, keep them</button>'
    "</div>"
    '<p class="app-clear__status js-clear-status" role="status"></p>'
    "</div>"
)


def certificate_html(*, course: str, organisation: str, pass_mark: int, question_count: int, check_url: str) -> str:
    """The certificate of completion: shown by the script once the learner has passed the end-of-course check.

    "Mark as done" is only for the learner's own progress: the certificate needs the check's pass mark.
    """
    from_organisation = (f'<p class="app-certificate__line">from</p><p class="app-certificate__organisation">{html_lib.escape(organisation)}</p>'
                         if organisation else "")
    check_link = f'<a href="{_attr(check_url)}">Check what you have learnt</a>'
    return (
        f'<div class="app-certificate" data-module="app-certificate" data-course="{_attr(course)}" '
        f'data-organisation="{_attr(organisation)}">'
        f'<p class="js-certificate-waiting">You can make a certificate here to print when you have passed the check '
        f"at the end of the course: get {pass_mark} or more of its {question_count} questions right. "
        f"The check is on the page {check_link}.</p>"
        f'<p class="js-certificate-failed" hidden>In the check, you got <span class="js-certificate-score"></span> right. '
        f"To pass, you need {pass_mark} or more. Read the \u201cWhy\u201d under each question you got wrong, look again at its module, "
        f"then try {check_link} again.</p>"
        f'<div class="app-certificate__ready js-certificate-ready" hidden>'
        f"<p>Well done: you have passed the check. Type your name, then print your certificate.</p>"
        f'<p class="app-certificate__field"><label class="app-certificate__label" for="certificate-name">Your name</label>'
        f'<span class="app-certificate__hint" id="certificate-name-hint">We keep your name only on this device.</span>'
        f'<input class="app-certificate__input js-certificate-input" id="certificate-name" type="text" '
        f'autocomplete="name" aria-describedby="certificate-name-hint"></p>'
        f'<div class="app-certificate__sheet js-certificate-sheet">'
        f'<p class="app-certificate__kicker">Certificate of completion</p>'
        f'<p class="app-certificate__name js-certificate-name">Your name</p>'
        f'<p class="app-certificate__line">has completed the course</p>'
        f'<p class="app-certificate__course">{html_lib.escape(course)}</p>'
        f"{from_organisation}"
        f'<p class="app-certificate__line">on <span class="js-certificate-date"></span></p>'
        f"</div>"
        f'<p><button type="button" class="app-button js-certificate-print">Print my certificate</button></p>'
        f"</div></div>"
    )


def fill_markers(html: str, parts: dict[str, str], *, src_path: str) -> str:
    """Replace each `<!-- app:name -->` marker with its part; raise LearnerPageError for an unknown name."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in parts:
            known = ", ".join(sorted(parts))
            raise LearnerPageError(f"Doc file '{src_path}': there is no part called 'app:{name}'. Use one of: {known}.")
        return parts[name]

    return MARKER.sub(replace, html)
