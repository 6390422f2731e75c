"""MkDocs glue for the plain-English checks; the work is done in the `readability` package."""

from __future__ import annotations

import fnmatch
import json
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from front_matter.checks import is_module_file
from glossary import GLOSSARY_PAGE, glossary_path
from glossary.model import GlossaryError, Term, load_glossary
from readability.core_words import CoreReading, core_reading, core_words_message, core_words_problem
from readability.check import Finding, PageReport, ReadabilityError, Thresholds, analyse_page, course_average, front_matter_key_line, front_matter_lines, message, page_thresholds
from readability.metrics import reading_time_label
from readability.module_time import module_time, module_time_label, module_time_problem
from readability.plain_words import load_plain_words
from readability.reading_time import SHOWN, reading_time_html, under_title
from readability.repeats import repeat_message, repeated_runs, reading_words
from readability.report import report_data, report_html
from readability.settings import ReadabilityConfig, load_settings, plain_words_path, site_thresholds

log = logging.getLogger("mkdocs.hooks.readability")

REPORT_MARKER = "<!-- readability-report -->"

_settings: ReadabilityConfig
_thresholds: Thresholds
_glossary: list[Term] = []
_plain_words: dict[str, str] = {}
_reports: dict[str, PageReport] = {}
_page_thresholds: dict[str, tuple[Thresholds, str | None]] = {}
_page_words: dict[str, list[tuple[str, int]]] = {}
_core_reading: dict[str, CoreReading] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Validate `extra.readability` and load the glossary and the plainer-words list once."""
    global _settings, _thresholds, _glossary, _plain_words
    try:
        _settings = load_settings(config.extra.get("readability"), config.config_file_path)
        _thresholds = site_thresholds(_settings)
        _glossary = load_glossary(glossary_path(config.docs_dir, config.extra))
        _plain_words = load_plain_words(plain_words_path(_settings, Path(config.config_file_path).parent))
    except (ReadabilityError, GlossaryError, ValueError, OSError) as error:
        raise PluginError(str(error)) from None
    _reports.clear()
    _page_thresholds.clear()
    _page_words.clear()
    _core_reading.clear()
    SHOWN.clear()
    return config


def _is_checked(page: Page) -> bool:
    return _settings.enabled and not any(fnmatch.fnmatch(page.file.src_uri, pattern) for pattern in _settings.exclude)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Read a page's `readability:` exception, which must give a reason."""
    if not _is_checked(page):
        return None
    source = page.file.content_string
    line = front_matter_key_line(source, "readability")
    try:
        _page_thresholds[page.file.src_uri] = page_thresholds(_thresholds, page.meta.get("readability"), page.file.src_uri, line)
    except ReadabilityError as error:
        raise PluginError(str(error)) from None
    # The glossary's meanings are the pop-ups' text, shown on every page by design: not a copied story.
    if page.file.src_uri != GLOSSARY_PAGE:
        _page_words[page.file.src_uri] = reading_words(markdown, first_line=front_matter_lines(source) + 1)
    # Measured after module 2's "Where you live" text is in, as a learner reads it.
    if is_module_file(page.file.src_uri):
        reading = _core_reading[page.file.src_uri] = core_reading(markdown)
        problem = core_words_problem(page.file.src_uri, reading, _settings.core_words_limit)
        if problem:
            log.warning(problem)
        else:
            log.info(core_words_message(page.file.src_uri, reading, _settings.core_words_limit))
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Measure the page, warn about each finding, and show the reading time under the title."""
    if not _is_checked(page):
        return None
    uri = page.file.src_uri
    thresholds, reason = _page_thresholds.get(uri, (_thresholds, None))
    source = page.file.content_string
    report = analyse_page(
        html, page.markdown or "", uri, thresholds, plain_words=_plain_words, glossary=_glossary,
        words_per_minute=_settings.words_per_minute, first_line=front_matter_lines(source) + 1,
        is_glossary_page=uri == GLOSSARY_PAGE,
    )
    report.exception_reason = reason
    if uri in _core_reading:
        report.core_words = _core_reading[uri].core_words
    _reports[uri] = report
    time_label = reading_time_label(report.reading_minutes)
    stated = page.meta.get("time")
    # Front matter's own check (front_matter_hook.py) has already made sure a module's time is a whole number.
    if is_module_file(uri) and isinstance(stated, int):
        time = module_time(html, stated=stated, words=report.words, words_per_minute=_settings.words_per_minute)
        time_label = module_time_label(time)
        problem = module_time_problem(time, words_per_minute=_settings.words_per_minute)
        if problem:
            report.findings.append(Finding("module-time", front_matter_key_line(source, "time"), problem))
    for finding in report.findings:
        (log.warning if finding.severity == "warning" else log.debug)(message(finding, uri))
    SHOWN[uri] = reading_time_html(time_label)
    return under_title(html, SHOWN[uri])


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str | None:
    """Fill in the authors' report page, once every page has been measured."""
    if page.file.src_uri != _settings.report_page or REPORT_MARKER not in output:
        return None
    return output.replace(REPORT_MARKER, report_html(list(_reports.values()), _settings.min_average_reading_ease))


def on_post_build(config: MkDocsConfig) -> None:
    """Write readability.json, check the course-wide average, and find text that stands on two pages."""
    if not _settings.enabled:
        return
    for run in repeated_runs(_page_words):
        log.warning(repeat_message(run))
    reports = list(_reports.values())
    data = report_data(reports, _settings.min_average_reading_ease)
    Path(config.site_dir, "readability.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    average = course_average(reports)
    if reports and average < _settings.min_average_reading_ease:
        log.warning(
            "The course's average Flesch Reading Ease is %.1f (at least %g). Start with the hardest pages in "
            "the authors' report (%s).", average, _settings.min_average_reading_ease, _settings.report_page,
        )
