"""MkDocs adapter for learning on your own: questions, notes, progress, "Listen", the certificate (the `learner` package).

It also adds the glossary pop-ups (`glossary.tips`) between the reflection boxes
and "Listen", the one place in the pipeline where they give the same HTML: see ARCHITECTURE.md.
"""

from __future__ import annotations

from dataclasses import replace

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from course_pages import in_menu_order
from learner.course_check import CHECK_PAGE, PASS_MARK, check_problems, pass_mark_html, score_html
from glossary import GLOSSARY_PAGE, glossary_path
from glossary.model import GlossaryError, Term, load_glossary
from glossary.tips import glossary_tips
from learner.pages import (
    CLEAR_HTML, CoursePage, LearnerPageError, Reflection, add_done_button, add_listen_controls,
    certificate_html, check_note_ids_unique, fill_markers, notes_html, notes_tools_html, page_id, progress_html, reflection_boxes, tracked_kind,
)
from learner.option_checks import OptionFacts, course_problems
from learner.quiz import QuizError, id_prefix, make_interactive, read_questions
from organisation.settings import organisation_name
from readability.reading_time import SHOWN as READING_TIMES

_terms: list[Term] = []
_menu: list[str] = []
_course_pages: dict[str, CoursePage] = {}
_reflections: dict[str, list[Reflection]] = {}
_note_ids: dict[str, Reflection] = {}
_page_urls: dict[str, str] = {}
# Every question's options as shown, for the course-wide checks in on_env.
_question_facts: list[OptionFacts] = []
# How many questions the end-of-course check has (0 when the site has no check page).
_check_question_count = 0


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Load the glossary for the pop-ups and forget the last build's pages."""
    global _terms, _check_question_count
    try:
        _terms = load_glossary(glossary_path(config.docs_dir, config.extra))
    except GlossaryError as error:
        raise PluginError(str(error)) from None
    _menu.clear()
    _course_pages.clear()
    _reflections.clear()
    _note_ids.clear()
    _page_urls.clear()
    _question_facts.clear()
    _check_question_count = 0
    return config


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
    """Remember the order of pages in the menu, for the progress and notes pages."""
    for page in nav.pages:
        _menu.append(page.file.src_uri)
        _page_urls[page.file.src_uri] = page.url
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Make the questions and reflection boxes interactive, add the pop-ups, "Listen" and "Mark as done"."""
    global _check_question_count
    src = page.file.src_uri
    try:
        questions = read_questions(html, src_path=src, markdown=page.file.content_string)
    except QuizError as error:
        raise PluginError(str(error)) from None
    _question_facts.extend(question.facts(src) for question in questions)
    html = make_interactive(html, questions)
    if src == CHECK_PAGE:
        _check_question_count = html.count('data-module="app-quiz"')
        problems = check_problems(_check_question_count, src_path=src)
        if problems:
            raise PluginError("\n".join(problems))
    title = str(page.meta.get("title") or page.title or "")
    this_page = CoursePage(id=page_id(page.url), title=title, kind=tracked_kind(src) or "", url=page.url)
    try:
        html, found = reflection_boxes(html, page=this_page, src_path=src, markdown=page.file.content_string)
        check_note_ids_unique(found, _note_ids)
    except LearnerPageError as error:
        raise PluginError(str(error)) from None
    if found:
        _reflections[src] = [replace(r, url=page.url) for r in found]
    if src != GLOSSARY_PAGE:
        html = glossary_tips(html, _terms, id_prefix=id_prefix(src) + "-")
    if not src.startswith("authors/"):
        html = add_listen_controls(html, reading_time=READING_TIMES.get(src, ""))
    if this_page.kind:
        _course_pages[src] = this_page
        html = add_done_button(html, this_page)
    return html


def on_env(env: object, *, config: MkDocsConfig, files: Files) -> None:
    """Stop the build if, across the course, the right answer is too often the longest option or in one place."""
    problems = course_problems(_question_facts)
    if problems:
        raise PluginError("\n".join(problems))


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Fill the progress and notes pages' parts, now that every page has been read."""
    if "<!-- app:" not in output:
        return None
    here = page.url

    def relative(target: CoursePage | Reflection) -> str:
        return get_relative_url(target.url, here)

    pages = [CoursePage(p.id, p.title, p.kind, relative(p)) for p in (_course_pages[uri] for uri in in_menu_order(_course_pages, _menu))]
    reflections = [Reflection(r.id, r.question, r.page_id, r.page_title, relative(r))
                   for uri in in_menu_order(_reflections, _menu) for r in _reflections[uri]]
    check_url = get_relative_url(_page_urls.get(CHECK_PAGE, "check/"), here)
    progress_url = get_relative_url(_page_urls.get("progress.md", "progress/"), here)
    parts = {
        "progress": progress_html(pages),
        "notes": notes_html(reflections),
        "notes-tools": notes_tools_html(config.site_name),
        "clear": CLEAR_HTML,
        "certificate": certificate_html(course=config.site_name, organisation=organisation_name(config.extra), pass_mark=PASS_MARK,
                                        question_count=_check_question_count, check_url=check_url),
        "check-pass-mark": pass_mark_html(_check_question_count, progress_url=progress_url),
        "check-score": score_html(_check_question_count, progress_url=progress_url),
    }
    try:
        return fill_markers(output, parts, src_path=page.file.src_uri)
    except LearnerPageError as error:
        raise PluginError(str(error)) from None
