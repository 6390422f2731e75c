"""Check one page's rendered HTML against the plain-English thresholds."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any
from urllib.parse import urlsplit

from glossary.model import Term, term_by_form, term_pattern
from .metrics import count_text, flesch_kincaid_grade, flesch_reading_ease, passive_phrases, reading_minutes, uk_reading_age
from .plain_words import plainer_words
from .sentences import split_sentences, words
from .source_lines import SourceLines
from .text_blocks import Block, reading_blocks


class ReadabilityError(ValueError):
    """A setting or a page's front matter is wrong; the message says where and how to fix it."""


@dataclass(frozen=True)
class Thresholds:
    """The limits a page must meet. Site defaults come from extra.readability."""

    min_reading_ease: float = 60
    max_average_sentence_words: float = 20
    max_sentence_words: int = 25
    max_paragraph_sentences: int = 5
    max_paragraph_words: int = 100
    check_plain_words: bool = True
    check_jargon: bool = True


PAGE_KEYS = frozenset(f.name for f in fields(Thresholds))
# Sections that hold references, not reading text: long titles of reports are
# cited as published, so they are left out of the scores and checks.
REFERENCE_HEADINGS = frozenset({"sources", "references"})


@dataclass
class Finding:
    """One thing to fix (a warning) or to look at (info), with its line in the Markdown file."""

    kind: str
    line: int
    message: str
    severity: str = "warning"


@dataclass
class PageReport:
    """The scores and findings of one page."""

    path: str
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    flesch_reading_ease: float = 0.0
    flesch_kincaid_grade: float = 0.0
    uk_reading_age: int = 0
    average_sentence_words: float = 0.0
    longest_sentence_words: int = 0
    reading_minutes: int = 1
    # A module's core reading (see core_words.py); None on other pages.
    core_words: int | None = None
    exception_reason: str | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == "warning"]

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("flesch_reading_ease", "flesch_kincaid_grade", "average_sentence_words"):
            data[key] = round(data[key], 1)
        return data


def page_thresholds(site: Thresholds, front_matter: Any, path: str, line: int) -> tuple[Thresholds, str | None]:
    """Apply a page's `readability:` front matter, which must give a reason."""
    if front_matter is None:
        return site, None
    where = f"Doc file '{path}', line {line}"
    if not isinstance(front_matter, dict):
        raise ReadabilityError(f"{where}: 'readability' must be a set of settings with a reason, like {{min_reading_ease: 55, reason: \"names of laws\"}}.")
    unknown = set(front_matter) - PAGE_KEYS - {"reason"}
    if unknown:
        raise ReadabilityError(f"{where}: unknown readability setting {', '.join(sorted(map(str, unknown)))}. Use one of: {', '.join(sorted(PAGE_KEYS))}, and reason.")
    reason = front_matter.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ReadabilityError(f"{where}: a readability exception needs a reason. Add reason: \"why this page cannot meet the limit\".")
    changes = {}
    for key, value in front_matter.items():
        if key == "reason":
            continue
        expected = type(getattr(site, key))
        if expected is bool:
            valid = isinstance(value, bool)
        else:
            valid = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
        if not valid:
            raise ReadabilityError(f"{where}: readability setting '{key}' must be {'true or false' if expected is bool else 'a number'}, not {value!r}.")
        changes[key] = value
    return replace(site, **changes), reason.strip()


def _without_reference_sections(blocks: list[Block]) -> list[Block]:
    kept, skipping = [], False
    for block in blocks:
        if block.kind in ("h1", "h2"):
            skipping = block.text.strip().lower() in REFERENCE_HEADINGS
        if not skipping:
            kept.append(block)
    return kept


def _links_to_glossary_page(href: str) -> bool:
    """True for a link to the glossary page, as Markdown (`glossary.md`) or built (`glossary/`)."""
    page = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
    return page in ("glossary", "glossary.md", "glossary.html")


def _is_glossary_link(href: str | None, term: Term) -> bool:
    return bool(href) and _links_to_glossary_page(href) and urlsplit(href).fragment == term.id


def _quote(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _jargon_findings(blocks: list[Block], terms: list[Term], lines: SourceLines) -> list[Finding]:
    if not terms:
        return []
    pattern, by_form = term_pattern(terms), term_by_form(terms)
    seen: set[str] = set()
    findings = []
    for block in blocks:
        if block.is_heading:
            continue
        for segment in block.segments:
            linked_elsewhere = segment.link is not None and not _links_to_glossary_page(segment.link)
            for match in pattern.finditer(segment.text):
                term = by_form[match.group(1).lower()]
                if term.id in seen:
                    continue
                if linked_elsewhere:
                    # Text inside a link to another page is a page name, not a use.
                    continue
                seen.add(term.id)
                if not _is_glossary_link(segment.link, term):
                    findings.append(Finding(
                        "jargon", lines.line_of(block.text),
                        f"'{match.group(1)}' is first used here without a link to the glossary. "
                        f"Link it: [{match.group(1)}](…/glossary.md#{term.id}).",
                    ))
    return findings


def analyse_page(html: str, markdown: str, path: str, thresholds: Thresholds, *, plain_words: dict[str, str],
                 glossary: list[Term], words_per_minute: int = 120, first_line: int = 1, is_glossary_page: bool = False) -> PageReport:
    """Measure a page's reading text and list every finding, each with its Markdown line."""
    lines = SourceLines(markdown, first_line)
    blocks = _without_reference_sections(reading_blocks(html))
    report = PageReport(path=path)
    glossary_forms = frozenset(form.lower() for term in glossary for form in term.forms)
    all_sentences: list[str] = []

    for block in blocks:
        sentences = split_sentences(block.text)
        all_sentences.extend(sentences)
        for sentence in sentences:
            count = len(words(sentence))
            if count > thresholds.max_sentence_words:
                report.findings.append(Finding(
                    "long-sentence", lines.line_of(sentence),
                    f"sentence has {count} words (limit {thresholds.max_sentence_words}): \"{_quote(sentence)}\". Split it.",
                ))
            if thresholds.check_plain_words:
                for found in plainer_words(sentence, plain_words, glossary_forms):
                    report.findings.append(Finding(
                        "plain-word", lines.line_of(sentence),
                        f"\"{found.found}\" has a plainer alternative: use \"{found.suggestion}\".",
                    ))
            for phrase in passive_phrases(sentence):
                report.findings.append(Finding(
                    "passive", lines.line_of(sentence),
                    f"\"{phrase}\" may be the passive voice. Say who does it, if you can: \"{_quote(sentence)}\".",
                    severity="info",
                ))
        if block.kind == "p":
            paragraph_words = len(words(block.text))
            if len(sentences) > thresholds.max_paragraph_sentences or paragraph_words > thresholds.max_paragraph_words:
                report.findings.append(Finding(
                    "long-paragraph", lines.line_of(block.text),
                    f"paragraph has {len(sentences)} sentences and {paragraph_words} words "
                    f"(limits {thresholds.max_paragraph_sentences} and {thresholds.max_paragraph_words}): "
                    f"\"{_quote(block.text, 50)}\". Split it into shorter paragraphs.",
                ))

    if thresholds.check_jargon and not is_glossary_page:
        report.findings.extend(_jargon_findings(blocks, glossary, lines))

    counts = count_text(all_sentences)
    report.words, report.sentences, report.syllables = counts.words, counts.sentences, counts.syllables
    report.flesch_reading_ease = flesch_reading_ease(counts)
    report.flesch_kincaid_grade = flesch_kincaid_grade(counts)
    report.uk_reading_age = uk_reading_age(report.flesch_kincaid_grade)
    lengths = [len(words(sentence)) for sentence in all_sentences]
    report.average_sentence_words = counts.words / counts.sentences if counts.sentences else 0.0
    report.longest_sentence_words = max(lengths, default=0)
    report.reading_minutes = reading_minutes(counts.words, words_per_minute)

    if counts.words and report.flesch_reading_ease < thresholds.min_reading_ease:
        report.findings.append(Finding(
            "reading-ease", first_line,
            f"Flesch Reading Ease is {report.flesch_reading_ease:.1f} (at least {thresholds.min_reading_ease:g}). "
            "Use shorter sentences and shorter, everyday words.",
        ))
    if counts.words and report.average_sentence_words > thresholds.max_average_sentence_words:
        report.findings.append(Finding(
            "average-sentence", first_line,
            f"average sentence has {report.average_sentence_words:.1f} words (at most {thresholds.max_average_sentence_words:g}). "
            "Split the longest sentences.",
        ))
    report.findings.sort(key=lambda finding: (finding.line, finding.kind))
    return report


def course_average(reports: list[PageReport]) -> float:
    """The average Flesch Reading Ease across pages that have text."""
    scored = [report.flesch_reading_ease for report in reports if report.words]
    return sum(scored) / len(scored) if scored else 0.0


def message(finding: Finding, path: str) -> str:
    """The full message an author sees, naming the file and the line."""
    return f"Doc file '{path}', line {finding.line}: {finding.message}"


_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n(?:---|\.\.\.)\s*\n", re.DOTALL)


def front_matter_lines(source: str) -> int:
    """How many lines the YAML front matter takes, so body lines can be numbered as in the file."""
    match = _FRONT_MATTER.match(source)
    return match.group(0).count("\n") if match else 0


def front_matter_key_line(source: str, key: str) -> int:
    """The line of the file on which the front matter's top-level `key:` is written (1 if it is not there)."""
    lines = source.splitlines()[:front_matter_lines(source)]
    return next((number for number, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)
