"""The session slides as built: opened with python-pptx, checked for large print and PowerPoint's accessibility
checks, made into PDFs by LibreOffice with one page per slide, and a few slides drawn as PNGs for a person to look at."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Pt
from pypdf import PdfReader

from conftest import PROJECT_DIR
from organisation.settings import DEFAULT_NAME, contrast_ratio
from slides import FOLDER, deck_stem
from slides.deck import BACKGROUND, TITLE_COLOUR
from slides.layout import MAX_LINES, TEXT_POINTS, TITLE_POINTS, lines_of

SESSIONS = (1, 2)
ARTEFACTS = PROJECT_DIR / "test-artefacts" / "slides"
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def deck_path(site_dir: Path, session: int, ending: str) -> Path:
    return site_dir / FOLDER / f"{deck_stem(session)}.{ending}"


@pytest.fixture(scope="module")
def decks(site_dir: Path) -> dict[int, Presentation]:
    return {session: Presentation(str(deck_path(site_dir, session, "pptx"))) for session in SESSIONS}


def title_of(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def runs_of(slide):
    """Every text run on the slide, with the shape that holds it and the fill behind it."""
    for shape in slide.shapes:
        if shape.has_text_frame:
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    yield shape, run, BACKGROUND
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    fill = str(cell.fill.fore_color.rgb)
                    for paragraph in cell.text_frame.paragraphs:
                        for run in paragraph.runs:
                            yield shape, run, fill


@pytest.mark.parametrize("session", SESSIONS)
def test_every_slide_has_a_title_of_its_own(session: int, decks) -> None:
    titles = [title_of(slide) for slide in decks[session].slides]
    assert len(titles) >= 20 and all(titles), "a slide has no title in its title placeholder"
    assert len(set(titles)) == len(titles), [title for title in titles if titles.count(title) > 1]


@pytest.mark.parametrize("session", SESSIONS)
def test_large_print_titles_40pt_and_text_28pt(session: int, decks) -> None:
    smallest_title, smallest_text = 1000.0, 1000.0
    for slide in decks[session].slides:
        for shape, run, _ in runs_of(slide):
            assert run.font.size is not None, f"{title_of(slide)}: a run takes its size from the template"
            if shape.is_placeholder and shape.placeholder_format.type in TITLE_TYPES:
                smallest_title = min(smallest_title, run.font.size.pt)
            else:
                smallest_text = min(smallest_text, run.font.size.pt)
    assert smallest_title >= TITLE_POINTS and smallest_text >= TEXT_POINTS, (smallest_title, smallest_text)
    assert TITLE_POINTS >= 40 and TEXT_POINTS >= 28


@pytest.mark.parametrize("session", SESSIONS)
def test_no_slide_holds_more_than_about_six_lines(session: int, decks) -> None:
    for slide in decks[session].slides:
        body = [shape for shape in slide.shapes if shape.is_placeholder and shape.placeholder_format.type not in TITLE_TYPES]
        lines = sum(lines_of(paragraph.text) for shape in body for paragraph in shape.text_frame.paragraphs if paragraph.text)
        rows = sum(len(shape.table.rows) for shape in slide.shapes if shape.has_table)
        assert lines <= MAX_LINES and rows <= MAX_LINES, f"{title_of(slide)}: {lines} lines, {rows} table rows"


@pytest.mark.parametrize("session", SESSIONS)
def test_text_contrast_is_7_to_1_or_more(session: int, decks) -> None:
    for slide in decks[session].slides:
        background = str(slide.background.fill.fore_color.rgb)
        assert background.lower() == BACKGROUND
        for _, run, fill in runs_of(slide):
            colour = str(run.font.color.rgb)
            assert contrast_ratio(f"#{colour}", f"#{fill}") >= 7, f"{title_of(slide)}: #{colour} on #{fill}"


@pytest.mark.parametrize("session", SESSIONS)
def test_text_is_in_placeholders_in_reading_order_and_tables_have_header_rows(session: int, decks) -> None:
    tables = 0
    for slide in decks[session].slides:
        shapes = list(slide.shapes)
        assert shapes[0].is_placeholder and shapes[0].placeholder_format.type in TITLE_TYPES, title_of(slide)
        for shape in shapes:
            assert shape.shape_type != MSO_SHAPE_TYPE.PICTURE or shape._element.xpath("./p:nvPicPr/p:cNvPr/@descr"), \
                f"{title_of(slide)}: a picture has no alternative text"
            if shape.has_table:
                tables += 1
                assert shape.table.first_row, f"{title_of(slide)}: the table has no header row"
                assert all(cell.text for cell in shape.table.rows[0].cells)
            elif shape.has_text_frame and shape.text_frame.text.strip():
                assert shape.is_placeholder, f"{title_of(slide)}: text in a text box, not a placeholder"
    assert tables >= (4 if session == 1 else 0)


@pytest.mark.parametrize("session", SESSIONS)
def test_the_talk_notes_are_the_speaker_notes(session: int, decks) -> None:
    modules = sorted((PROJECT_DIR / "docs" / "modules").glob("*.md"))[(session - 1) * 5:session * 5]
    slides = list(decks[session].slides)
    for path in modules:
        text = path.read_text(encoding="utf-8")
        ask = re.search(r'\*\*Ask the room:\*\* "([^"]+)"', text).group(1)
        found = [slide for slide in slides if ask in slide.shapes.title.text_frame.text + " " + " ".join(
            shape.text_frame.text for shape in slide.placeholders if shape.has_text_frame)]
        assert found, f"{path.name}: its \"Ask the room\" question is on no slide"
        notes = found[0].notes_slide.notes_text_frame.text if found[0].has_notes_slide else ""
        assert "Points to make" in notes and ask in notes, f"{path.name}: the slide's speaker notes are not its talk notes"
    assert all(slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip() for slide in slides)


def test_what_to_show_comes_from_the_modules_tables(decks) -> None:
    """Module 1's table of the three ways of working, as the module writes it."""
    text = (PROJECT_DIR / "docs" / "modules" / "01-what-co-production-means.md").read_text(encoding="utf-8")
    section = text.split("## How consultation, involvement and co-production differ", 1)[1]
    header = [cell.strip() for cell in section.split("\n|", 1)[1].split("\n", 1)[0].strip("|").split("|")]
    rows = [slide for slide in decks[1].slides
            if title_of(slide).startswith("How consultation, involvement and co-production differ")]
    assert rows, "module 1's table is on no slide"
    tables = [shape.table for slide in rows for shape in slide.shapes if shape.has_table]
    assert [cell.text for cell in tables[0].rows[0].cells] == header
    assert {table.rows[1].cells[0].text for table in tables} >= {"Consultation", "Involvement", "Co-production"}


@pytest.mark.parametrize("session", SESSIONS)
def test_the_questions_in_the_room_are_on_slides(session: int, decks) -> None:
    page = (PROJECT_DIR / "docs" / "trainers" / "questions-in-the-room.md").read_text(encoding="utf-8")
    part = page.split(f"### Session {session}", 1)[1].split("###", 1)[0]
    starts = re.findall(r'the question that starts "([^"]+)"', part)
    assert len(starts) == 3
    text = " ".join(shape.text_frame.text for slide in decks[session].slides for shape in slide.placeholders
                    if shape.has_text_frame)
    for words in starts:
        assert words in text, f"session {session}: the question that starts \"{words}\" is on no slide"


@pytest.mark.parametrize("session", SESSIONS)
def test_libreoffice_made_a_pdf_with_one_page_a_slide(session: int, site_dir: Path, decks) -> None:
    pdf = deck_path(site_dir, session, "pdf")
    assert pdf.is_file(), f"{pdf.name} was not made"
    assert len(PdfReader(str(pdf)).pages) == len(decks[session].slides)


@pytest.mark.parametrize("session", SESSIONS)
def test_a_few_slides_drawn_as_pictures_for_a_person_to_look_at(session: int, site_dir: Path, decks) -> None:
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is missing: run tools/install_system_packages.sh"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    titles = [title_of(slide) for slide in decks[session].slides]
    wanted = [1] + [index + 1 for index, slide in enumerate(decks[session].slides)
                    if any(shape.has_table for shape in slide.shapes)][:1] + [titles.index(next(
                        title for title in titles if title.startswith("Question 1 of 3"))) + 1]
    for number in wanted:
        stem = ARTEFACTS / f"session-{session}-slide-{number:02d}"
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", str(number), "-l", str(number), "-singlefile",
                        str(deck_path(site_dir, session, "pdf")), str(stem)], check=True, timeout=120)
        assert stem.with_suffix(".png").stat().st_size > 2000


def test_print_and_download_lists_both_decks_in_both_formats(site_dir: Path) -> None:
    from bs4 import BeautifulSoup
    soup = BeautifulSoup((site_dir / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {str(link["href"]) for link in soup.select("a[download]")}
    for session in SESSIONS:
        for ending in ("pptx", "pdf"):
            assert any(href.endswith(f"slides/{deck_stem(session)}.{ending}") for href in hrefs), (session, ending)


def test_the_title_slide_names_the_organisation_in_the_course_colours(decks) -> None:
    for session in SESSIONS:
        first = decks[session].slides[0]
        assert DEFAULT_NAME in first.placeholders[1].text_frame.text
        title_runs = [run for paragraph in first.shapes.title.text_frame.paragraphs for run in paragraph.runs]
        assert {str(run.font.color.rgb).lower() for run in title_runs} == {TITLE_COLOUR}


def test_the_offline_copy_holds_and_lists_the_slides(site_dir: Path) -> None:
    import zipfile

    from bs4 import BeautifulSoup
    with zipfile.ZipFile(site_dir / "downloads" / "course-offline.zip") as archive:
        names = archive.namelist()
        page = archive.read(next(name for name in names if name.endswith("/print.html"))).decode("utf-8")
    hrefs = {str(link["href"]) for link in BeautifulSoup(page, "html.parser").select("a[download]")}
    for session in SESSIONS:
        for ending in ("pptx", "pdf"):
            path = f"downloads/slides/{deck_stem(session)}.{ending}"
            assert any(name.endswith("/" + path) for name in names), f"the offline copy has no {path}"
            assert path in hrefs, f"the offline copy's Print and download page does not link {path}"
