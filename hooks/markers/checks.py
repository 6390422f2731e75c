"""The comment markers authors put in pages, such as `<!-- organisation-contact -->`, and where each must be.

Each marker is a line in a page's Markdown that a hook replaces with HTML. A
marker that is renamed, misspelt or deleted would otherwise leave its part out
with no message, so the build checks every page against this one table.
Everything here takes text and returns results; `markers_hook.py` is the MkDocs glue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Marker:
    """One marker: its name, what it is replaced with, and the pages that must have it."""

    name: str
    gives: str
    pages: tuple[str, ...]

    @property
    def text(self) -> str:
        """The marker exactly as it is written in a page."""
        return f"<!-- {self.name} -->"


# The hooks that fill each marker hold its text as a constant (tests/hooks/markers/test_checks.py
# checks that each one is listed here).
MARKERS: tuple[Marker, ...] = (
    Marker("organisation-run-by", "who runs the course and the next course (hooks/organisation/)", ("index.md",)),
    Marker("organisation-contact", "the organisation's contact details (hooks/organisation/)", ("about.md", "accessibility.md")),
    Marker("organisation-safeguarding-contact", "who takes a safeguarding concern (hooks/organisation/)", ("trainers/safeguarding.md",)),
    Marker("glossary-entries", "the glossary's entries (hooks/glossary/page.py)", ("glossary.md",)),
    Marker("readability-report", "every page's plain-English scores (hooks/readability_hook.py)", ("authors/readability.md",)),
    Marker("print-packs", "the list of PDF packs (hooks/print_packs/download_list.py)", ("print.md",)),
    Marker("print-word-and-epub", "the list of Word and EPUB files (hooks/ebooks/download_list.py)", ("print.md",)),
    Marker("print-slides", "the list of slide decks (hooks/slides/download_list.py)", ("print.md",)),
    Marker("offline-copy-download", "the link to the offline copy (hooks/hosting/offline_copy.py)", ("help.md",)),
    Marker("app:progress", "the learner's progress list (hooks/learner/pages.py)", ("progress.md",)),
    Marker("app:certificate", "the certificate (hooks/learner/pages.py)", ("progress.md",)),
    Marker("app:clear", "the button that clears what the browser keeps (hooks/learner/pages.py)", ("progress.md", "notes.md")),
    Marker("app:notes", "the learner's notes (hooks/learner/pages.py)", ("notes.md",)),
    Marker("app:notes-tools", "saving and loading notes (hooks/learner/pages.py)", ("notes.md",)),
    Marker("app:check-pass-mark", "the sentence that states the check's pass mark (hooks/learner/course_check.py)", ("check.md",)),
    Marker("app:check-score", "the check's \"See my score\" part (hooks/learner/course_check.py)", ("check.md",)),
    Marker("app:where-you-live", "the text on the law where you live (hooks/local_context/)", ("modules/02-why-it-matters.md",)),
)
MARKER_BY_NAME = {marker.name: marker for marker in MARKERS}

# A comment that looks like one of ours: one word that starts as our markers do.
_LOOKALIKE = re.compile(r"<!--\s*(?P<name>(?:app:|organisation-|glossary-|readability-|print-|offline-)[\w:-]*)\s*-->")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?P<ticks>`+).+?(?P=ticks)")


@dataclass(frozen=True)
class MarkerUse:
    """A marker-looking comment in a page, with its line in the file."""

    name: str
    written: str
    line: int


def _without_code(source: str) -> list[str]:
    """The file's lines with fenced code blocks and code spans blanked, so examples of markers are not counted."""
    lines = []
    fence = None
    for line in source.splitlines():
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence):
                fence = None
            lines.append("")
        elif opening:
            fence = opening.group("fence")
            lines.append("")
        else:
            lines.append(_CODE_SPAN.sub("", line))
    return lines


def markers_in(source: str) -> list[MarkerUse]:
    """Every marker-looking comment in a Markdown file, outside code, with its line."""
    return [MarkerUse(match.group("name"), match.group(0), number)
            for number, line in enumerate(_without_code(source), start=1)
            for match in _LOOKALIKE.finditer(line)]


def marker_problems(src_uri: str, source: str) -> list[str]:
    """What is wrong with the markers of one page: unknown or misspelt ones, and ones it must have but does not."""
    problems = []
    uses = markers_in(source)
    known = ", ".join(marker.text for marker in MARKERS)
    for use in uses:
        marker = MARKER_BY_NAME.get(use.name)
        if marker is None:
            problems.append(f"Doc file '{src_uri}', line {use.line}: {use.written} is not a marker we know, so nothing "
                            f"would replace it. Check the spelling. The markers are: {known}.")
        elif use.written != marker.text:
            problems.append(f"Doc file '{src_uri}', line {use.line}: write the marker exactly as {marker.text}, "
                            f"with one space inside each end, not {use.written}.")
    found = {use.name for use in uses}
    for marker in MARKERS:
        if src_uri in marker.pages and marker.name not in found:
            problems.append(f"Doc file '{src_uri}': the marker {marker.text} is missing, so {marker.gives} would not show. "
                            "Put it back on a line of its own where that part should go.")
    return problems


def unfilled_markers(src_uri: str, output: str) -> list[str]:
    """Markers still in a built page, which means the step that fills them did not run."""
    return [f"Doc file '{src_uri}': the marker {marker.text} was not replaced in the built page. "
            "Check that the hook which fills it is listed under 'hooks:' in mkdocs.yml."
            for marker in MARKERS if marker.text in output]
