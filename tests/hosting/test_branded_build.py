"""The whole course built under a test organisation's name (tests/fixtures/branded/mkdocs.yml)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pdfplumber
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR, BackgroundBuild, built_pages
from course.course_pages import option_orders

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "branded" / "mkdocs.yml"
ORGANISATION = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))["extra"]["organisation"]
NAME = ORGANISATION["name"]


@pytest.fixture(scope="session")
def branded_build(tmp_path_factory: pytest.TempPathFactory):
    """The branded build, started in the background when the session starts (test_branded_build_starts)."""
    build = BackgroundBuild(FIXTURE, tmp_path_factory.mktemp("branded") / "site")
    yield build
    build.stop()


@pytest.mark.run_first
def test_branded_build_starts(branded_build: BackgroundBuild) -> None:
    """Started first, so it runs beside the session's own build; a build that fails at once is reported here."""
    assert branded_build.poll() in (None, 0), branded_build.result().stderr[-4000:]


@pytest.fixture(scope="session")
def branded_site(branded_build: BackgroundBuild) -> Path:
    result = branded_build.result()
    if result.returncode != 0:
        pytest.fail(f"the branded build failed:\n{result.stderr[-4000:]}", pytrace=False)
    return branded_build.site_dir


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_the_default_name_is_not_the_test_name() -> None:
    """Proves the checks below mean something: the main mkdocs.yml has another name."""
    main = (PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8")
    assert NAME not in main


def test_every_page_footer_names_the_organisation(branded_site: Path) -> None:
    missing = []
    for path in built_pages(branded_site):
        footer = soup(branded_site, path).select_one("footer .app-footer-organisation")
        if footer is None or NAME not in footer.get_text():
            missing.append(path)
    assert missing == [], missing


def test_start_page_says_who_runs_the_course_and_the_next_course(branded_site: Path) -> None:
    block = soup(branded_site, "index.html").select_one("article .app-organisation")
    text = block.get_text(" ", strip=True)
    assert f"This course is run by {NAME}" in text
    assert ORGANISATION["next_course"]["dates"] in text
    assert ORGANISATION["next_course"]["venue"] in text


@pytest.mark.parametrize("path", ["about/index.html", "accessibility/index.html"])
def test_contact_details_on_about_and_accessibility_pages(branded_site: Path, path: str) -> None:
    article = soup(branded_site, path).select_one("article")
    assert article.select_one(f'a[href="mailto:{ORGANISATION["email"]}"]') is not None
    assert article.select_one('a[href="tel:+441134960123"]') is not None
    assert NAME in article.get_text()


def test_brand_colour_is_on_the_header(branded_site: Path) -> None:
    css = (branded_site / "assets" / "stylesheets" / "app-brand.css").read_text(encoding="utf-8")
    # The built file is minified (hooks/assets/), so spaces may be gone.
    assert f"--app-header-background:{ORGANISATION['brand_colour']}" in css.replace(" ", "")
    assert soup(branded_site, "index.html").select_one('link[href$="app-brand.css"]') is not None


def test_offline_copy_carries_the_name(branded_site: Path) -> None:
    with zipfile.ZipFile(branded_site / "downloads" / "course-offline.zip") as archive:
        index = next(name for name in archive.namelist() if name.count("/") == 1 and name.endswith("/index.html"))
        assert NAME in archive.read(index).decode("utf-8")


def test_pdf_packs_name_the_organisation(branded_site: Path) -> None:
    pdfs = sorted((branded_site / "downloads").glob("*.pdf"))
    if not pdfs:
        pytest.skip("this build made no PDF packs")
    for pdf in pdfs:
        with pdfplumber.open(pdf) as document:
            text = " ".join((page.extract_text() or "") for page in document.pages[:2])
        assert NAME in " ".join(text.split()), f"{pdf.name} does not name {NAME} on its cover"


@pytest.mark.parametrize("path", ["check/index.html", "modules/07-sharing-power-and-decisions/index.html"])
def test_options_come_in_the_same_order_as_in_the_sessions_own_build(branded_site: Path, site_dir: Path, path: str) -> None:
    """Another build, another folder, another organisation: the order the build chose is the same."""
    ours = option_orders((site_dir / path).read_text(encoding="utf-8"))
    assert ours and option_orders((branded_site / path).read_text(encoding="utf-8")) == ours


def test_the_slides_name_the_organisation_in_its_brand_colour(branded_site: Path) -> None:
    """Issue 23: a branded build's slides say who runs the course, with titles in the brand colour."""
    from pptx import Presentation

    for session in (1, 2):
        deck = Presentation(str(branded_site / "downloads" / "slides" / f"session-{session}-slides.pptx"))
        first = deck.slides[0]
        assert NAME in first.placeholders[1].text_frame.text
        colours = {str(run.font.color.rgb).lower() for slide in deck.slides
                   for paragraph in slide.shapes.title.text_frame.paragraphs for run in paragraph.runs}
        assert colours == {ORGANISATION["brand_colour"].lstrip("#").lower()}
        assert deck.core_properties.author == NAME
