"""The SCORM 1.2 package (site/downloads/course-scorm12.zip): its manifest, and the course inside a learning platform.

The learning platform (LMS) is played by scorm-again (npm, pinned in package.json), a
real SCORM 1.2 runtime: a test page served on 127.0.0.1 creates `window.API` and
opens the package's first page in a frame, as Moodle does.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from assets import BUNDLE_PATH
from conftest import PROJECT_DIR
from course.course_pages import option_orders
from scorm.manifest import ADLCP, IMSCP, SCHEMA_FILES, Item, course_outline, manifest_xml, module_pages
from scorm.package import ZIP_PATH

RUNTIME = PROJECT_DIR / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
MODULE_FILES = sorted(f"modules/{path.stem}.html" for path in (PROJECT_DIR / "docs" / "modules").glob("*.md"))
NS = {"cp": IMSCP, "adlcp": ADLCP}


@pytest.fixture(scope="module")
def scorm_zip(site_dir: Path) -> zipfile.ZipFile:
    zip_file = site_dir / ZIP_PATH
    assert zip_file.is_file(), f"the build made no {ZIP_PATH}"
    with zipfile.ZipFile(zip_file) as archive:
        assert archive.testzip() is None
        yield archive


@pytest.fixture(scope="module")
def manifest(scorm_zip: zipfile.ZipFile) -> ET.Element:
    return ET.fromstring(scorm_zip.read("imsmanifest.xml"))


def test_manifest_is_scorm_1_2_with_its_schema_files(manifest: ET.Element, scorm_zip: zipfile.ZipFile) -> None:
    assert manifest.tag == f"{{{IMSCP}}}manifest"
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    names = set(scorm_zip.namelist())
    for schema in SCHEMA_FILES:
        assert schema in names
        assert scorm_zip.read(schema) == (PROJECT_DIR / "hooks" / "vendor" / "scorm12" / schema).read_bytes()
    named = manifest.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()[1::2]
    assert set(named) <= names


def test_every_resource_file_is_in_the_zip(manifest: ET.Element, scorm_zip: zipfile.ZipFile) -> None:
    names = set(scorm_zip.namelist())
    resources = {resource.get("identifier"): resource for resource in manifest.iterfind("cp:resources/cp:resource", NS)}
    hrefs = [resource.get("href") for resource in resources.values() if resource.get("href")]
    hrefs += [file.get("href") for file in manifest.iterfind("cp:resources/cp:resource/cp:file", NS)]
    assert [href for href in hrefs if href not in names] == []
    # Every file of the package is in the manifest, so an LMS that copies only listed files misses nothing.
    listed = {file.get("href") for file in manifest.iterfind("cp:resources/cp:resource/cp:file", NS)}
    assert names - listed == {"imsmanifest.xml"}
    references = [item.get("identifierref") for item in manifest.iter(f"{{{IMSCP}}}item") if item.get("identifierref")]
    references += [dependency.get("identifierref") for dependency in manifest.iter(f"{{{IMSCP}}}dependency")]
    assert [reference for reference in references if reference not in resources] == []


def test_one_item_per_module_and_the_start_page_first(manifest: ET.Element) -> None:
    resources = {resource.get("identifier"): resource for resource in manifest.iterfind("cp:resources/cp:resource", NS)}
    organisation = manifest.find("cp:organizations/cp:organization", NS)
    assert manifest.find("cp:organizations", NS).get("default") == organisation.get("identifier")
    pages = [resources[item.get("identifierref")] for item in organisation.iter(f"{{{IMSCP}}}item") if item.get("identifierref")]
    hrefs = [page.get("href") for page in pages]
    assert hrefs[0] == "index.html"
    assert [href for href in hrefs if href.startswith("modules/")] == MODULE_FILES and len(MODULE_FILES) == 10
    assert any(href.startswith("case-studies/") for href in hrefs) and any(href.startswith("activities/") for href in hrefs)
    assert not any(href.startswith("trainers/") for href in hrefs)
    assert {page.get(f"{{{ADLCP}}}scormtype") for page in pages} == {"sco"}
    titles = [item.findtext("cp:title", namespaces=NS) for item in organisation.iter(f"{{{IMSCP}}}item")]
    assert "1. What co-production means" in titles and all(titles)


def test_the_end_of_course_check_gets_an_item_when_it_exists() -> None:
    nav = [{"Start here": "index.md"}, {"Session 1": [{"1. One": "modules/01-one.md"}]},
           {"For trainers": ["trainers/index.md"]}, {"Check what you have learnt": "check.md"}]
    outline = course_outline(nav, lambda src: f"Title of {src}")
    assert outline == [Item("Start here", "index.html"), Item("Session 1", children=[Item("1. One", "modules/01-one.html")]),
                       Item("Check what you have learnt", "check.html")]
    assert module_pages(nav) == ["modules/01-one.html"]
    root = ET.fromstring(manifest_xml("Course", "1.0", outline, ["index.html", "modules/01-one.html", "check.html", "a.css"]))
    assert [resource.get("href") for resource in root.iterfind("cp:resources/cp:resource", NS)] == [
        "index.html", "modules/01-one.html", "check.html", None]


def test_every_page_loads_the_bridge_after_the_course_scripts(scorm_zip: zipfile.ZipFile) -> None:
    pages = [name for name in scorm_zip.namelist() if name.endswith(".html")]
    assert len(pages) > 40
    problems = []
    for name in pages:
        soup = BeautifulSoup(scorm_zip.read(name).decode("utf-8"), "html.parser", parse_only=SoupStrainer("script"))
        sources = [script.get("src", "") for script in soup.find_all("script", src=True)]
        bridge = [source for source in sources if source.endswith("assets/javascripts/app-scorm.js")]
        storage = [index for index, source in enumerate(sources) if BUNDLE_PATH.search(source)]  # our bundle
        expected = "../" * name.count("/") + "assets/javascripts/app-scorm.js"
        if bridge != [expected] or not storage or sources.index(expected) < storage[0]:
            problems.append(f"{name}: {bridge}")
    assert problems == []


def test_the_first_page_says_notes_stay_in_the_browser(scorm_zip: zipfile.ZipFile) -> None:
    soup = BeautifulSoup(scorm_zip.read("index.html").decode("utf-8"), "html.parser")
    note = soup.select_one("article .app-scorm-note")
    assert note is not None
    assert "Your notes and your answers to the questions stay in this web browser" in note.get_text()
    assert note.find_previous("h1") is not None


def test_print_page_lists_the_package_with_its_size(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one('article a[href$="course-scorm12.zip"]')
    assert link is not None
    assert (site_dir / "print" / link["href"]).resolve() == (site_dir / ZIP_PATH).resolve()
    assert re.fullmatch(r"The course for your learning platform \(SCORM 1\.2 package, a zip file, [\d.]+ (KB|MB)\)", link.get_text())
    assert "Moodle" in link.find_parent("li").get_text()
    website_pages = [path for path in site_dir.rglob("*.html") if "app-scorm.js" in path.read_text(encoding="utf-8")]
    assert website_pages == [], "the website's own pages must not load the SCORM bridge"


# --- In Chromium, inside a learning platform played by scorm-again --------------------------

LMS_PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Test learning platform</title>
<script src="scorm12.min.js"></script>
<script>
  window.lmsCalls = [];
  // What an LMS does to start a course: make the API, give it what it stored last time, open the first page.
  window.launch = function (stored) {
    window.API = new Scorm12API({ logLevel: 5 });
    if (stored) window.API.loadFromJSON(stored);
    ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
      window.API.on(name, function () { window.lmsCalls.push(name); });
    });
    var frame = document.createElement("iframe");
    frame.title = "Course";
    frame.src = "course/index.html";
    frame.style.cssText = "width: 100%; height: 700px";
    document.body.appendChild(frame);
  };
  window.cmi = function () { return window.API.renderCMIToJSONObject().cmi; };
</script></head><body><h1>Test learning platform</h1></body></html>
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass


@pytest.fixture(scope="module")
def lms_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The test LMS page, scorm-again, and the unzipped package under course/, served on 127.0.0.1."""
    if not RUNTIME.is_file():
        pytest.fail(f"scorm-again is not installed ({RUNTIME} is missing). Run: make setup", pytrace=False)
    folder = tmp_path_factory.mktemp("lms")
    (folder / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    shutil.copyfile(RUNTIME, folder / "scorm12.min.js")
    with zipfile.ZipFile(site_dir / ZIP_PATH) as archive:
        archive.extractall(folder / "course")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _lms_tab(browser, base: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("request", lambda request: request.url.startswith(base) or request.url.startswith("data:")
           or tab.problems.append(f"outside request: {request.url}"))
    tab.goto(base + "lms.html")
    return context, tab


def _wait_for(tab, path: str, value: str) -> None:
    """Wait until the LMS holds `value` at `path` (such as 'core.lesson_status')."""
    tab.wait_for_function("([path, value]) => path.split('.').reduce((v, k) => v && v[k], window.cmi()) === value",
                          arg=[path, value], timeout=15_000)


CHECK_KEY = "coproduction-course:v2:check"


def test_the_lms_receives_status_location_and_score_and_the_learner_resumes(browser, lms_url: str) -> None:
    context, tab = _lms_tab(browser, lms_url)
    tab.evaluate("window.launch(null)")
    course = tab.frame_locator("iframe[title=Course]")
    course.get_by_text("Your notes and your answers to the questions stay in this web browser").wait_for()
    _wait_for(tab, "core.lesson_status", "incomplete")
    _wait_for(tab, "core.lesson_location", "index.html")

    # Module 1 from the course menu, marked done: the LMS hears where the learner is, and nothing is complete yet.
    course.get_by_role("navigation", name="Course contents").get_by_role("link", name=re.compile(r"What co-production means")).first.click()
    _wait_for(tab, "core.lesson_location", MODULE_FILES[0])
    course.get_by_role("button", name="Mark as done").click()
    frame = next(frame for frame in tab.frames if frame.url.endswith(MODULE_FILES[0]))
    frame.wait_for_function("() => JSON.parse(localStorage.getItem('coproduction-course:v2:progress')).done['modules/01-what-co-production-means']")
    assert tab.evaluate("window.cmi().core.lesson_status") == "incomplete"

    # Modules 2 to 9 done in an earlier visit (stored in this browser); module 10 done now, by its button.
    frame.evaluate("""(ids) => AppStorage.update("progress", (saved) => { ids.forEach((id) => { saved.done[id] = 1; }); })""",
                   [name[:-len(".html")] for name in MODULE_FILES[1:9]])
    assert tab.evaluate("window.cmi().core.lesson_status") == "incomplete"
    course.get_by_role("navigation", name="Course contents").get_by_role("link", name=re.compile(r"Keeping it going")).first.click()
    _wait_for(tab, "core.lesson_location", MODULE_FILES[9])
    course.get_by_role("button", name="Mark as done").click()
    _wait_for(tab, "core.lesson_status", "completed")
    # Moving between pages kept one session open: one LMSInitialize that started it, no LMSFinish yet.
    assert "LMSFinish" not in tab.evaluate("window.lmsCalls")

    # The end-of-course check stores its result ('check' = {score, total, passed}), as the check page will.
    frame = next(frame for frame in tab.frames if frame.url.endswith(MODULE_FILES[9]))
    frame.evaluate("""(key) => {
        localStorage.setItem(key, JSON.stringify({ score: 8, total: 10, passed: true }));
        document.dispatchEvent(new CustomEvent("app:storage-changed", { detail: { name: "check" } }));
    }""", CHECK_KEY)
    _wait_for(tab, "core.lesson_status", "passed")
    assert tab.evaluate("window.cmi().core.score.raw") == "80"

    # The learner leaves: the course commits and finishes, and asks to be resumed.
    tab.evaluate("document.querySelector('iframe').remove()")
    tab.wait_for_function("() => window.lmsCalls.includes('LMSFinish')")
    stored = tab.evaluate("window.cmi()")
    assert stored["core"]["exit"] == "suspend"
    assert (stored["core"]["lesson_status"], stored["core"]["score"]["raw"], stored["core"]["lesson_location"]) == (
        "passed", "80", MODULE_FILES[9])
    assert tab.problems == [], tab.problems
    context.close()

    # Next week, on another computer (nothing stored in its browser): the LMS gives back what it stored.
    context, tab = _lms_tab(browser, lms_url)
    stored["core"].update(entry="resume", session_time="00:00:00")
    tab.evaluate("(stored) => window.launch(stored)", stored)
    course = tab.frame_locator("iframe[title=Course]")
    tab.wait_for_function("(path) => document.querySelector('iframe').contentWindow.location.pathname.endsWith(path)",
                          arg=MODULE_FILES[9], timeout=15_000)
    assert "keeping it going" in course.get_by_role("heading", level=1).first.inner_text().lower()
    # This browser has no ticks, but what the LMS recorded is never taken back.
    _wait_for(tab, "core.lesson_location", MODULE_FILES[9])
    assert tab.evaluate("window.cmi().core.lesson_status") == "passed"
    assert tab.problems == [], tab.problems
    context.close()


def test_outside_an_lms_the_package_is_a_plain_course(browser, lms_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(lms_url + "course/" + MODULE_FILES[0])
    tab.get_by_role("button", name="Mark as done").click()
    assert tab.get_by_role("button", name="Mark as done").get_attribute("aria-pressed") == "true"
    assert tab.url.endswith(MODULE_FILES[0]) and errors == []
    context.close()


@pytest.mark.parametrize("page", ["check", "modules/04-seven-principles"])
def test_options_come_in_the_websites_order_in_the_package(scorm_zip: zipfile.ZipFile, site_dir: Path, page: str) -> None:
    website = option_orders((site_dir / page / "index.html").read_text(encoding="utf-8"))
    assert website and option_orders(scorm_zip.read(f"{page}.html").decode("utf-8")) == website
