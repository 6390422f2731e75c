"""Each Word document opens in python-docx with large print, real headings, a title, a language and the organisation."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from ebooks.reference_docx import BODY_POINTS, HEADING_POINTS, large_print_reference
from ebooks.word import Metadata, write_docx
from word_epub.conftest import FORM_FILES, HANDOUT_FILES, ORGANISATION, TITLES, WORD_FILES

BODY_STYLES = ("Normal", "Body Text", "First Paragraph", "Compact")


def test_reference_document_is_large_print(tmp_path: Path) -> None:
    # By the names Word shows: python-docx's own lookup lower-cases "Heading 1", which pandoc's styles do not.
    styles = {style.name: style for style in Document(str(large_print_reference(tmp_path / "reference.docx"))).styles}
    for name in BODY_STYLES:
        assert styles[name].font.size == Pt(BODY_POINTS) == Pt(18), name
        assert styles[name].font.italic is False, name
    for level in (1, 2, 3, 4):
        heading = styles[f"Heading {level}"]
        assert heading.font.size == Pt(HEADING_POINTS[level]) and heading.font.size > Pt(BODY_POINTS)
        assert heading.font.bold is True and heading.font.italic is False


def test_images_keep_their_alt_text(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (20, 10), "white").save(tmp_path / "chart.png")
    html = f'<h1>Chart</h1><p><img src="{tmp_path / "chart.png"}" alt="A bar chart of who came to each meeting"></p>'
    metadata = Metadata("Chart", "Course", "Organisation", "1.0", "1 May 2026", "A chart.", "2026-05-01")
    target = write_docx(html, tmp_path / "chart.docx", metadata, large_print_reference(tmp_path / "reference.docx"))
    with zipfile.ZipFile(target) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert 'descr="A bar chart of who came to each meeting"' in body


def test_every_handout_and_form_has_a_file() -> None:
    assert len(HANDOUT_FILES) >= 10, "every activity's handout should have its own Word document"
    assert len(FORM_FILES) == 6


@pytest.mark.parametrize("name", WORD_FILES)
def test_word_document_is_large_print_with_real_headings_title_and_language(downloads: Path, name: str) -> None:
    path = downloads / name
    assert path.is_file(), f"{name} was not built"
    document = Document(str(path))
    properties = document.core_properties
    slug = Path(name).stem
    if slug in TITLES:
        assert properties.title == TITLES[slug]
    else:
        assert properties.title, f"{name} has no title"
    assert properties.language == "en-GB"
    assert properties.author == ORGANISATION
    # The organisation's name on the first page, under the title.
    first_page = [paragraph.text for paragraph in document.paragraphs[:5]]
    assert ORGANISATION in first_page, first_page
    assert document.paragraphs[0].style.name == "Title"
    # Body text at 18pt: the styles every paragraph of text takes, with no run made smaller by hand.
    styles = {style.name: style for style in document.styles}
    for style in BODY_STYLES:
        assert styles[style].font.size == Pt(18), f"{name}: {style} is not 18pt"
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.size is None or run.font.size >= Pt(18), f"{name}: '{paragraph.text[:40]}' is smaller than 18pt"
    headings = {paragraph.style.name for paragraph in document.paragraphs if paragraph.style.name.startswith("Heading")}
    assert "Heading 1" in headings, f"{name} has no Heading 1"
    assert headings <= {f"Heading {level}" for level in range(1, 7)}
    # The language in the styles too, which Word's spelling checker and screen readers read.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "txbxContent" not in body and "<v:textbox" not in body, f"{name} has text in a text box"


@pytest.mark.parametrize("name", WORD_FILES)
def test_word_tables_have_header_rows(downloads: Path, name: str) -> None:
    document = Document(str(downloads / name))
    for number, table in enumerate(document.tables, start=1):
        row = table.rows[0]._tr
        properties = row.trPr
        assert properties is not None and properties.find(qn("w:tblHeader")) is not None, (
            f"{name}: table {number} ('{table.rows[0].cells[0].text[:30]}') has no header row")


def test_handbook_and_trainers_guide_have_three_heading_levels(downloads: Path) -> None:
    for name in ("learners-handbook.docx", "trainers-guide.docx"):
        styles = {paragraph.style.name for paragraph in Document(str(downloads / name)).paragraphs}
        assert {"Heading 1", "Heading 2", "Heading 3"} <= styles, name


def test_learners_files_leave_out_the_trainers_notes(downloads: Path) -> None:
    """The Word copies say what their PDFs say: the learner's handbook leaves the trainer's notes out."""
    def text(name: str) -> str:
        return "\n".join(paragraph.text for paragraph in Document(str(downloads / name)).paragraphs)

    for name in ("learners-handbook.docx", "session-1-pack.docx", "session-2-pack.docx"):
        assert "Talk notes for the trainer" not in text(name), name


def test_missing_pandoc_gives_the_command_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from ebooks import pandoc

    monkeypatch.setattr(pandoc.shutil, "which", lambda name: None)
    with pytest.raises(pandoc.PandocMissing, match="apt-get install pandoc"):
        pandoc.find_pandoc()


def test_a_pandoc_error_names_the_file(tmp_path: Path) -> None:
    from ebooks.pandoc import PandocFailed, run_pandoc

    target = tmp_path / "broken.docx"
    with pytest.raises(PandocFailed, match="broken.docx"):
        run_pandoc(["--from=no-such-format", "--output", str(target)], source="", target=target)
