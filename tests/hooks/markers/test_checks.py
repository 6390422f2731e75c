"""The comment markers: every one known, each where it must be, none left unfilled (hooks/markers/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT_DIR, build_site
from ebooks.download_list import MARKER as WORD_AND_EPUB_MARKER
from glossary.page import GLOSSARY_MARKER
from markers.checks import MARKERS, marker_problems, markers_in, unfilled_markers
from hosting.offline_copy import DOWNLOAD_MARKER
from organisation.settings import CONTACT_MARKER, RUN_BY_MARKER
from print_packs.download_list import MARKER as PRINT_PACKS_MARKER
from readability_hook import REPORT_MARKER
from slides.download_list import MARKER as SLIDES_MARKER

DOCS = PROJECT_DIR / "docs"
FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "renamed-marker"


@pytest.mark.parametrize("constant", [RUN_BY_MARKER, CONTACT_MARKER, GLOSSARY_MARKER, DOWNLOAD_MARKER, PRINT_PACKS_MARKER,
                                      WORD_AND_EPUB_MARKER, REPORT_MARKER, SLIDES_MARKER])
def test_each_hook_marker_is_in_the_table(constant: str) -> None:
    assert constant in {marker.text for marker in MARKERS}


def test_every_page_in_the_table_exists_and_the_course_passes() -> None:
    for marker in MARKERS:
        for page in marker.pages:
            assert (DOCS / page).is_file(), f"{marker.text} is expected on docs/{page}, which does not exist"
    problems = [problem for path in sorted(DOCS.rglob("*.md"))
                for problem in marker_problems(path.relative_to(DOCS).as_posix(), path.read_text(encoding="utf-8"))]
    assert problems == []


def test_a_renamed_marker_is_named_with_its_line_and_the_known_ones() -> None:
    problems = marker_problems("about.md", "# About\n\n## Contact us\n\n<!-- organisation-contacts -->\n")
    assert problems[0].startswith("Doc file 'about.md', line 5: <!-- organisation-contacts --> is not a marker we know")
    assert "The markers are: <!-- organisation-run-by -->, <!-- organisation-contact -->," in problems[0]
    assert problems[1] == ("Doc file 'about.md': the marker <!-- organisation-contact --> is missing, so the organisation's "
                           "contact details (hooks/organisation/) would not show. Put it back on a line of its own where "
                           "that part should go.")


@pytest.mark.parametrize("page, text", [
    ("progress.md", "<!-- app:progress -->\n<!-- app:certificate -->\n"),  # app:clear is missing
    ("notes.md", "<!-- app:notes -->\n<!-- app:clear -->\n"),  # app:notes-tools is missing
    ("help.md", "# Help\n"),
    ("print.md", "# Print\n<!-- print-word-and-epub -->\n<!-- print-slides -->\n"),  # print-packs is missing
    ("print.md", "# Print\n<!-- print-packs -->\n<!-- print-slides -->\n"),  # print-word-and-epub is missing
    ("print.md", "# Print\n<!-- print-packs -->\n<!-- print-word-and-epub -->\n"),  # print-slides is missing
    ("index.md", "# Start\n"),
])
def test_a_missing_marker_stops_the_page(page: str, text: str) -> None:
    problems = marker_problems(page, text)
    assert len(problems) == 1 and "is missing" in problems[0], problems


def test_an_unknown_app_marker_and_a_marker_with_odd_spacing() -> None:
    problems = marker_problems("notes.md", "<!-- app:notes -->\n<!--app:clear-->\n<!-- app:notes-tools -->\n<!-- app:note -->\n")
    assert problems[0] == ("Doc file 'notes.md', line 2: write the marker exactly as <!-- app:clear -->, with one space "
                           "inside each end, not <!--app:clear-->.")
    assert problems[1].startswith("Doc file 'notes.md', line 4: <!-- app:note --> is not a marker we know")


def test_markers_shown_as_code_are_examples_not_markers() -> None:
    source = "Write `<!-- app:progres -->` on a line.\n\n```markdown\n<!-- organisation-contacts -->\n```\n\n<!-- print-packs -->\n"
    assert [(use.name, use.line) for use in markers_in(source)] == [("print-packs", 7)]


def test_an_unfilled_marker_in_a_built_page_is_named() -> None:
    assert unfilled_markers("help.md", "<p>Hello</p><!-- offline-copy-download -->") == [
        "Doc file 'help.md': the marker <!-- offline-copy-download --> was not replaced in the built page. "
        "Check that the hook which fills it is listed under 'hooks:' in mkdocs.yml."]
    assert unfilled_markers("help.md", "<code>&lt;!-- offline-copy-download --&gt;</code>") == []


def test_a_renamed_contact_marker_fails_the_build(tmp_path: Path) -> None:
    result = build_site(FIXTURE / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "Doc file 'about.md', line 5: <!-- organisation-contacts --> is not a marker we know" in result.stderr, result.stderr
    assert "Doc file 'about.md': the marker <!-- organisation-contact --> is missing" in result.stderr
