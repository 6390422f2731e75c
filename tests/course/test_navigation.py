"""Every page in the menu exists, is built and has one main heading; every course page is in the menu."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.course_pages import ACTIVITIES, CASE_STUDIES, DOCS_DIR, MODULES, SESSION_PLANS, nav_pages, read_page, soup_of

NAV_PAGES = nav_pages()


@pytest.mark.parametrize("path", NAV_PAGES)
def test_nav_page_exists_and_has_one_h1(path: str, site_dir: Path) -> None:
    assert (DOCS_DIR / path).is_file(), f"mkdocs.yml names {path}, but docs/{path} does not exist"
    built = read_page(path).built_path
    assert (site_dir / built).is_file(), f"{path} was not built to {built}"
    headings = soup_of(site_dir, built).select("article h1")
    assert len(headings) == 1, f"{path} has {len(headings)} h1 headings in its article: {[h.get_text(strip=True) for h in headings]}"


@pytest.mark.parametrize("path", MODULES + CASE_STUDIES + ACTIVITIES + SESSION_PLANS)
def test_course_page_is_in_the_nav(path: str) -> None:
    assert path in NAV_PAGES, f"{path} is not in the nav in mkdocs.yml, so learners cannot find it"


@pytest.mark.parametrize("folder, at_least", [("modules", 10), ("case-studies", 10), ("activities", 10)])
def test_the_course_has_enough_pages(folder: str, at_least: int) -> None:
    pages = {"modules": MODULES, "case-studies": CASE_STUDIES, "activities": ACTIVITIES}[folder]
    assert len(pages) >= at_least, f"docs/{folder} has {len(pages)} pages; the course needs at least {at_least}"


@pytest.mark.parametrize("path", NAV_PAGES)
def test_every_table_has_column_headers(path: str, site_dir: Path) -> None:
    tables = soup_of(site_dir, read_page(path).built_path).select("article table")
    headless = [index for index, table in enumerate(tables, start=1) if not table.select("thead th")]
    assert not headless, f"{path}: table(s) {headless} have no column headers, so screen readers cannot name the cells"
