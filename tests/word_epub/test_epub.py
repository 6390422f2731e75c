"""The EPUB e-books: EPUBCheck finds nothing, Ace by DAISY finds nothing serious, and they carry their accessibility metadata."""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from ebooks.epub import STYLESHEET, add_accessibility_metadata, toc_role
from ebooks.prepare import reflowable_html
from word_epub.conftest import ACE, EPUB_FILES, EPUBCHECK_JAR, ORGANISATION, TITLES

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def cannot_run(reason: str) -> None:
    """Fail under CI (a green run must mean every check ran); skip on a machine that is still being set up."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def package_document(path: Path) -> BeautifulSoup:
    with zipfile.ZipFile(path) as archive:
        name = next(name for name in archive.namelist() if name.endswith(".opf"))
        return BeautifulSoup(archive.read(name), "xml")


def test_accessibility_metadata_is_added_once_with_the_language() -> None:
    opf = '<package version="3.0" xmlns="http://www.idpf.org/2007/opf"><metadata><dc:title>T</dc:title></metadata></package>'
    once = add_accessibility_metadata(opf)
    assert add_accessibility_metadata(once) == once
    assert '<package xml:lang="en-GB" version="3.0"' in once
    assert once.count('property="schema:accessibilityHazard">none<') == 1


def test_table_of_contents_gets_its_role() -> None:
    assert toc_role('<nav epub:type="toc" id="toc">') == '<nav epub:type="toc" role="doc-toc" id="toc">'


def test_stylesheet_has_no_fixed_font_sizes() -> None:
    css = STYLESHEET.read_text(encoding="utf-8")
    sizes = re.findall(r"font-size\s*:\s*([^;}]+)", css)
    assert sizes and all(re.fullmatch(r"[\d.]+(em|rem|%)", size.strip()) for size in sizes), sizes
    assert not re.search(r"\d(px|pt|pc|cm|mm|in)\b", re.sub(r"border[^;]*;", "", css))


def test_answers_link_back_to_each_question() -> None:
    pack = ('<main><section id="page"><h2>Page</h2><p class="app-pack__answers-link"><a href="#app-pack-answers-page">the answers</a></p>'
            '<p class="app-pack__answers-link"><a href="#app-pack-answers-page">the answers</a></p></section>'
            '<section id="app-pack-answers"><h1>Answers</h1><section class="app-pack__answers-group" id="app-pack-answers-page"><h2>Page</h2>'
            '<div class="app-pack__answer">one</div><div class="app-pack__answer"><p class="app-pack__question-title"><strong>Who decides?</strong></p></div></section></section></main>')
    soup = BeautifulSoup(reflowable_html(pack), "html.parser")
    assert [a["href"] for a in soup.select(".app-pack__back-link a")] == ["#page-question-1", "#page-question-2"]
    assert soup.select(".app-pack__back-link a")[1].get_text() == "Back to the question: Who decides?"
    assert soup.select_one("#page-question-2 a")["href"] == "#app-pack-answers-page"
    # Sections become headings with their ids, so pandoc starts chapters at main headings.
    assert soup.find("section") is None and soup.find("h1")["id"] == "app-pack-answers"


@pytest.fixture(scope="module")
def epubcheck_reports(downloads: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[dict, str]]:
    """EPUBCheck's JSON report and printed output for each e-book, the checks run side by side (each takes a Java start-up)."""
    if not EPUBCHECK_JAR.is_file():
        cannot_run(f"EPUBCheck is not installed at {EPUBCHECK_JAR}. Run: apt-get install epubcheck")
    folder = tmp_path_factory.mktemp("epubcheck")
    # -XX:TieredStopAtLevel=1: Java's quick compiler only, which halves the time of a short run like this.
    running = {name: subprocess.Popen(["java", "-XX:TieredStopAtLevel=1", "-jar", str(EPUBCHECK_JAR), "--json", str(folder / f"{name}.json"),
                                       str(downloads / name)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for name in EPUB_FILES}
    reports = {}
    for name, process in running.items():
        output, _ = process.communicate(timeout=600)
        report_file = folder / f"{name}.json"
        assert report_file.is_file(), f"EPUBCheck wrote no report for {name}:\n{output}"
        reports[name] = (json.loads(report_file.read_text(encoding="utf-8")), output)
    return reports


@pytest.mark.parametrize("name", EPUB_FILES)
def test_epubcheck_finds_no_errors_or_warnings(epubcheck_reports: dict[str, tuple[dict, str]], name: str) -> None:
    report, output = epubcheck_reports[name]
    checker = report["checker"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), output
    problems = [f"{message['severity']} {message['ID']}: {message['message']}"
                for message in report["messages"] if message["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", EPUB_FILES)
def test_epub_metadata(downloads: Path, name: str) -> None:
    opf = package_document(downloads / name)
    assert opf.find("package")["xml:lang"] == "en-GB"
    assert opf.find("dc:language").get_text() == "en-GB"
    assert opf.find("dc:title").get_text() == TITLES[Path(name).stem]
    assert opf.find("dc:creator").get_text() == ORGANISATION
    values = {}
    for meta in opf.find_all("meta", property=re.compile("^schema:")):
        values.setdefault(meta["property"], set()).add(meta.get_text())
    assert values["schema:accessMode"] == {"textual"}
    assert values["schema:accessModeSufficient"] == {"textual"}
    assert {"tableOfContents", "readingOrder", "structuralNavigation", "alternativeText"} <= values["schema:accessibilityFeature"]
    assert values["schema:accessibilityHazard"] == {"none"}
    assert values["schema:accessibilitySummary"]


def test_handbook_navigation_and_answers_both_ways(downloads: Path) -> None:
    with zipfile.ZipFile(downloads / "learners-handbook.epub") as archive:
        names = archive.namelist()
        nav = BeautifulSoup(archive.read(next(n for n in names if n.endswith("nav.xhtml"))), "html.parser")
        chapters = {n: BeautifulSoup(archive.read(n), "html.parser") for n in names if "/text/ch" in n}
    titles = [a.get_text(" ", strip=True) for a in nav.select('nav[epub\\:type="toc"] a')]
    assert any(title.startswith("Session 1") for title in titles) and any("Answers" in title for title in titles), titles
    assert len(chapters) > 3, "each main heading should start a chapter of its own"
    to_answers = [a for soup in chapters.values() for a in soup.select("a[href*='app-pack-answers-']")]
    back = [a for soup in chapters.values() for a in soup.select("a[href*='-question-']")]
    assert to_answers and len(back) == len(to_answers)
    ids = {element["id"] for soup in chapters.values() for element in soup.find_all(id=True)}
    assert all(a["href"].split("#")[1] in ids for a in back + to_answers)
    assert any(archive_name.endswith(".css") for archive_name in names), "the EPUB has no stylesheet"


def test_ace_finds_no_serious_or_critical_problems(downloads: Path, tmp_path: Path) -> None:
    if not ACE.exists():
        cannot_run(f"Ace by DAISY is not installed ({ACE}). Run: make setup (npm ci --ignore-scripts)")
    if not Path(CHROMIUM).exists():
        cannot_run(f"Chromium is not installed at {CHROMIUM}. Run: apt-get install chromium")
    # Ace drives Chromium through puppeteer; Debian's Chromium, as puppeteer's own download cannot work offline.
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": CHROMIUM}
    result = subprocess.run([str(ACE), "--force", "--silent", "--outdir", str(tmp_path), str(downloads / "learners-handbook.epub")],
                            capture_output=True, text=True, timeout=600, env=env)
    report_file = tmp_path / "report.json"
    assert report_file.is_file(), f"Ace did not write a report:\n{result.stdout}\n{result.stderr}"
    report = json.loads(report_file.read_text(encoding="utf-8"))
    problems = [f"{test['earl:test']['earl:impact']} {test['earl:test']['dct:title']} in {subject['earl:testSubject']['url']}: "
                f"{test['earl:result'].get('dct:description', '')}"
                for subject in report["assertions"] for test in subject["assertions"]
                if test["earl:test"]["earl:impact"] in ("serious", "critical")]
    assert not problems, "\n".join(problems)
