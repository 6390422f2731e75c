"""tools/compare_builds.py: same by content where two builds of one commit differ, and every real change listed."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

from conftest import PROJECT_DIR

_spec = importlib.util.spec_from_file_location("compare_builds", PROJECT_DIR / "tools" / "compare_builds.py")
compare_builds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compare_builds)


def _zip(path: Path, members: dict[str, bytes], year: int) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (year, 1, 1, 0, 0, 0)), data)


def _site(root: Path, page: str, lastmod: str, year: int) -> Path:
    (root / "a").mkdir(parents=True)
    (root / "a" / "index.html").write_text(page, encoding="utf-8")
    (root / "sitemap.xml").write_text(f"<url><loc>a/</loc><lastmod>{lastmod}</lastmod></url>", encoding="utf-8")
    _zip(root / "course.zip", {"a/index.html": page.encode()}, year)
    return root


def test_dates_and_zip_timestamps_are_not_differences(tmp_path: Path) -> None:
    before = _site(tmp_path / "before", "<p>Same</p>", "2026-01-01", 2020)
    after = _site(tmp_path / "after", "<p>Same</p>", "2026-02-02", 2024)
    assert compare_builds.compare(before, after) == []


def test_a_changed_page_is_listed_in_the_site_and_in_the_zip(tmp_path: Path) -> None:
    before = _site(tmp_path / "before", "<p>Same</p>", "2026-01-01", 2020)
    after = _site(tmp_path / "after", "<p>Changed</p>", "2026-01-01", 2020)
    (after / "new.css").write_text("p{}", encoding="utf-8")
    assert compare_builds.compare(before, after) == [
        f"new.css: only in {after}", "a/index.html: differs", "course.zip!a/index.html: differs"]


def test_an_epubs_random_id_and_time_are_not_differences_but_its_words_are(tmp_path: Path) -> None:
    def opf(uuid: str, when: str, title: str) -> bytes:
        return (f'<dc:identifier>urn:uuid:{uuid}</dc:identifier><dc:title>{title}</dc:title>'
                f'<meta property="dcterms:modified">{when}</meta>').encode()

    before = opf("cdf1ba48-3437-4195-a0a9-4a9d3868ee8f", "2026-11-29T18:09:18Z", "Pack")
    assert compare_builds.differences("a.opf", before, opf("d67e024c-34e4-4ae8-8464-0eb1b25eb0f2", "2026-11-29T18:13:32Z", "Pack")) == []
    assert compare_builds.differences("a.opf", before, opf("cdf1ba48-3437-4195-a0a9-4a9d3868ee8f", "2026-11-29T18:09:18Z", "Book")) == [
        "a.opf: differs"]


def test_the_engine_in_a_pages_generator_tag_is_not_a_difference_but_the_page_is() -> None:
    """A MkDocs build and a ProperDocs build of one commit differ only there (tests/hosting/test_engines.py)."""
    def page(generator: str, words: str, soup_order: bool = False) -> bytes:
        tag = (f'<meta content="{generator}" name="generator"/>' if soup_order else f'<meta name="generator" content="{generator}">')
        return f"<head>{tag}</head><p>{words}</p>".encode()

    mkdocs, properdocs = "mkdocs-1.6.1, mkdocs-material-9.8.1", "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"
    assert compare_builds.differences("a/index.html", page(mkdocs, "Same"), page(properdocs, "Same")) == []
    assert compare_builds.differences("print_page/index.html", page(mkdocs, "Same", True), page(properdocs, "Same", True)) == []
    assert compare_builds.differences("a/index.html", page(mkdocs, "Same"), page(properdocs, "Changed")) == ["a/index.html: differs"]


def test_the_size_a_page_shows_for_a_download_is_not_a_difference_but_its_name_is() -> None:
    """The SCORM zip holds pages with the engine's generator tag, so ProperDocs' zip can show 4.5 MB and MkDocs' 4.4 MB.

    The zip itself is still compared member by member; the page's other words are still compared.
    """
    def page(size: str, name: str = "course-scorm12.zip") -> bytes:
        return f'<p><a href="{name}">The course (a zip file<span data-size-of="downloads/{name}">, {size}</span>)</a></p>'.encode()

    assert compare_builds.differences("print/index.html", page("4.4 MB"), page("4.5 MB")) == []
    assert compare_builds.differences("print/index.html", page("4.4 MB"), page("4.4 MB", "other.zip")) == [
        "print/index.html: differs"]
