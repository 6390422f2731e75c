"""The offline copy (site/downloads/course-offline.zip), unzipped and opened from file:// as a learner would."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ENGINES, PROJECT_DIR, build_site, search_the_course
from hosting.offline_copy import ZIP_PATH, build_messages


@pytest.fixture(scope="module")
def offline_folder(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip unzipped into a new folder, as onto a memory stick; returns its one top folder."""
    zip_file = site_dir / ZIP_PATH
    assert zip_file.is_file(), f"the build made no {ZIP_PATH}"
    target = tmp_path_factory.mktemp("memory-stick")
    with zipfile.ZipFile(zip_file) as archive:
        assert archive.testzip() is None
        archive.extractall(target)
    folders = [path for path in target.iterdir()]
    assert len(folders) == 1 and folders[0].is_dir(), "the zip must hold one top folder"
    return folders[0]


def test_zip_has_a_top_folder_with_index_html_and_a_read_me(offline_folder: Path) -> None:
    assert offline_folder.name == "co-production-with-older-people"
    assert (offline_folder / "index.html").is_file()
    assert "Double-click the file called index.html" in (offline_folder / "README.txt").read_text(encoding="utf-8")
    assert (offline_folder / "search" / "search_index.js").is_file()
    assert (offline_folder / "assets" / "vendor" / "iframe-worker" / "shim.js").is_file()
    assert not (offline_folder / "downloads" / "course-offline.zip").exists()


def test_pages_use_html_addresses_and_the_online_site_keeps_clean_ones(offline_folder: Path, site_dir: Path) -> None:
    assert (offline_folder / "modules" / "01-what-co-production-means.html").is_file()
    assert (site_dir / "modules" / "01-what-co-production-means" / "index.html").is_file()
    assert not (site_dir / "modules" / "01-what-co-production-means.html").exists()


def _local_targets(page: Path, soup: BeautifulSoup):
    for element in soup.select("a[href], link[href], script[src], img[src]"):
        address = element.get("href") or element.get("src")
        parts = urlsplit(address)
        if parts.scheme or address.startswith(("#", "//")):
            continue
        yield address, (page.parent / unquote(parts.path)) if parts.path else page


def test_every_local_link_and_file_in_every_page_exists(offline_folder: Path) -> None:
    """From file:// a link to a folder shows a file listing, not the page, so every link must name a file."""
    problems = []
    pages = sorted(offline_folder.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for address, target in _local_targets(page, soup):
            if not target.is_file():
                problems.append(f"{page.relative_to(offline_folder)}: {address}")
    assert problems == [], "\n".join(problems[:30])


def test_nothing_is_loaded_from_the_internet(offline_folder: Path) -> None:
    for page in offline_folder.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        external = [tag.get("src") or tag.get("href") for tag in soup.select("script[src], link[rel=stylesheet], link[rel=preload], img[src]")
                    if urlsplit(tag.get("src") or tag.get("href")).scheme in ("http", "https")]
        assert external == [], f"{page.relative_to(offline_folder)} loads {external}"


def _downloads(folder: Path) -> list[str]:
    """Every file under a site's downloads/, by its path there."""
    return sorted(path.relative_to(folder / "downloads").as_posix() for path in (folder / "downloads").rglob("*") if path.is_file())


def test_the_pdf_word_and_epub_files_of_the_online_site_are_in_the_offline_copy(offline_folder: Path, site_dir: Path) -> None:
    # The slides (slides/*.pptx and their PDFs) too: tests/slides/test_decks.py checks them.
    online = [name for name in _downloads(site_dir) if name.endswith((".pdf", ".docx", ".epub", ".pptx"))]
    if not online:
        pytest.skip("this build made no PDF, Word or EPUB files to copy")
    assert {name.rsplit(".", 1)[1] for name in online} == {"pdf", "docx", "epub", "pptx"}
    assert _downloads(offline_folder) == online, "the zips stay on the website: the SCORM package is made from this copy"
    for name in online:
        assert (offline_folder / "downloads" / name).read_bytes() == (site_dir / "downloads" / name).read_bytes(), name


def test_the_offline_copys_print_and_download_page_lists_what_the_copy_holds(offline_folder: Path, site_dir: Path) -> None:
    """Each file in its downloads/ is linked, every download link leads to one, and it says where the SCORM package is."""
    article = BeautifulSoup((offline_folder / "print.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    linked = sorted(unquote(link["href"]).removeprefix("downloads/") for link in article.select("a[download]"))
    assert linked == _downloads(offline_folder)
    text = " ".join(article.get_text(" ").split())
    assert "does not include them" not in text, "the page must not say the Word and EPUB files are missing"
    if (site_dir / "downloads" / "course-scorm12.zip").is_file():
        assert "(a SCORM package) is on the course website. It is not in this copy." in text
    online = BeautifulSoup((site_dir / "print" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "It is not in this copy" not in online.get_text(), "the website's own page links the package instead"


# --- In Chromium, from file:// -----------------------------------------------------------

@pytest.fixture
def file_tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("requestfailed", lambda request: tab.problems.append(f"failed request: {request.url} {request.failure}"))
    tab.on("console", lambda message: message.type == "error" and tab.problems.append(f"console error: {message.text}"))
    yield tab
    context.close()


def test_learner_opens_index_html_follows_the_navigation_and_searches(file_tab, offline_folder: Path) -> None:
    file_tab.goto((offline_folder / "index.html").as_uri(), wait_until="load")
    assert file_tab.get_by_role("heading", level=1).first.inner_text().startswith("Start here")

    navigation = file_tab.get_by_role("navigation", name="Course contents")
    navigation.get_by_role("link", name=re.compile(r"What co-production means")).first.click()
    file_tab.wait_for_load_state("load")
    assert file_tab.url.endswith("/modules/01-what-co-production-means.html")
    assert "co-production" in file_tab.get_by_role("heading", level=1).first.inner_text().lower()

    # Then on to the next page by the "Next" link at the bottom.
    file_tab.get_by_role("link", name=re.compile(r"^Next")).first.click()
    file_tab.wait_for_load_state("load")
    assert file_tab.url.endswith("/modules/02-why-it-matters.html")

    results = search_the_course(file_tab, "loneliness")
    assert results.count() > 0
    first_link = results.first.locator("a").first
    href = first_link.get_attribute("href")
    assert href and ".html" in href
    first_link.click()
    file_tab.wait_for_load_state("load")
    assert file_tab.url.startswith("file://") and ".html" in file_tab.url
    assert file_tab.problems == [], file_tab.problems


def _finds_assets(tab) -> None:
    from playwright.sync_api import expect

    results = tab.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=15_000)
    expect(tab.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d+ pages? found"))
    assert "assets in the room" in " ".join(results.all_inner_texts()).lower()


def test_the_first_search_by_mouse_finds_assets_offline(file_tab, offline_folder: Path) -> None:
    """From file:// Material reads search/search_index.js when search first opens, as the website reads its JSON."""
    file_tab.goto((offline_folder / "glossary.html").as_uri(), wait_until="load")
    assert file_tab.evaluate("typeof __index") == "undefined", "the index was read before anyone searched"
    box = file_tab.get_by_role("textbox", name="Search the course")
    box.click()
    box.press_sequentially("assets", delay=50)
    _finds_assets(file_tab)
    assert file_tab.problems == [], file_tab.problems


def test_the_first_search_by_keyboard_finds_assets_offline(file_tab, offline_folder: Path) -> None:
    from playwright.sync_api import expect

    file_tab.goto((offline_folder / "index.html").as_uri(), wait_until="load")
    file_tab.keyboard.press("/")
    expect(file_tab.get_by_role("textbox", name="Search the course")).to_be_focused()
    file_tab.keyboard.type("assets", delay=50)
    _finds_assets(file_tab)
    assert file_tab.problems == [], file_tab.problems


def drawn_in(tab, selector: str) -> set[str]:
    """The typefaces Chromium drew the first matching element's text in (DevTools' "Rendered Fonts")."""
    session = tab.context.new_cdp_session(tab)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no {selector} on the page"
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    session.detach()
    return {font["familyName"] + (" (from the course)" if font["isCustomFont"] else "") for font in fonts}


def test_the_offline_copy_shows_in_the_courses_typeface(file_tab, offline_folder: Path) -> None:
    """From file:// the fonts' preload is refused; the offline copy waits for the font files instead (app-fonts-offline.css)."""
    file_tab.goto((offline_folder / "modules" / "01-what-co-production-means.html").as_uri(), wait_until="load")
    assert file_tab.evaluate("document.fonts.ready.then(fonts => fonts.status)") == "loaded"
    for selector in ("article h1", "article p", ".md-header .md-ellipsis"):
        assert drawn_in(file_tab, selector) == {"Atkinson Hyperlegible (from the course)"}, selector
    assert file_tab.problems == [], file_tab.problems


def test_pdf_links_open_files_that_exist(file_tab, offline_folder: Path) -> None:
    pages_with_pdf_links = []
    for page in sorted(offline_folder.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.select('a[href$=".pdf"]'):
            pages_with_pdf_links.append(page)
    if not pages_with_pdf_links:
        pytest.skip("no page links to a PDF pack in this build")
    page = pages_with_pdf_links[0]
    file_tab.goto(page.as_uri(), wait_until="load")
    links = file_tab.locator('article a[href$=".pdf"]')
    assert links.count() > 0
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href")
        target = (page.parent / unquote(href)).resolve()
        assert target.is_file() and target.read_bytes()[:5] == b"%PDF-", href


def test_help_page_links_to_the_zip_online_and_says_so_offline(site_dir: Path, offline_folder: Path) -> None:
    online = BeautifulSoup((site_dir / "help" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = online.select_one("article .app-offline-download a")
    assert link is not None and link.get_text() == "Download the course to use without internet"
    assert (site_dir / "help" / link["href"]).resolve() == (site_dir / ZIP_PATH).resolve()
    offline = BeautifulSoup((offline_folder / "help.html").read_text(encoding="utf-8"), "html.parser")
    assert offline.select_one("article .app-offline-download a") is None
    assert "without internet now" in offline.select_one("article .app-offline-download").get_text()


def test_build_messages_keeps_warnings_with_their_continuation_lines() -> None:
    output = ("INFO    -  Cleaning site directory\nWARNING -  Doc file 'a.md', line 3: too long.\n  more words\n"
              "INFO    -  Built\nERROR   -  Something broke\n")
    assert build_messages(output) == ["Doc file 'a.md', line 3: too long.\n  more words", "Something broke"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_offline_copy_prints_each_warning_once_and_is_not_blamed(tmp_path: Path, engine: str) -> None:
    """The offline build runs in a process of its own, on the same engine, so the page's one warning is printed once."""
    result = build_site(PROJECT_DIR / "tests" / "fixtures" / "offline-warning" / "mkdocs.yml", tmp_path / "site",
                        strict=False, engine=engine)
    assert result.returncode == 0, result.stderr[-3000:]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == ["WARNING -  Doc file 'index.md', line 3: sentence has 31 words (limit 25): "
                        "\"We asked the people who came to the meeting on Monday what they thought about t…\". Split it."]
    assert "offline copy's build" not in result.stderr
    assert (tmp_path / "site" / "downloads" / "course-offline.zip").is_file()


@pytest.mark.parametrize("engine", ENGINES)
def test_a_strict_build_with_a_warning_stops_before_the_offline_copy(tmp_path: Path, engine: str) -> None:
    """The warning is counted on either engine's logger, so the offline build is not started only to fail the same way."""
    result = build_site(PROJECT_DIR / "tests" / "fixtures" / "offline-warning" / "mkdocs.yml", tmp_path / "site",
                        strict=True, engine=engine)
    assert result.returncode != 0
    assert "Not making the offline copy: fix the warnings above first." in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
