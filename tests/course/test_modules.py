"""Every module page has all the parts the course promises, in the authors' guide's order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course.course_pages import (ACTIVITIES, MODULE_CLOSING, MODULE_OPENING, MODULES, admonitions_in, built_h2, module_numbers,
                                 questions_in, read_page, section_after, soup_of)


@pytest.mark.parametrize("path", MODULES)
def test_module_front_matter(path: str) -> None:
    meta = read_page(path).meta
    assert isinstance(meta.get("module"), int), f"{path}: front matter needs 'module' as a whole number"
    assert meta.get("session") in (1, 2), f"{path}: front matter 'session' must be 1 or 2, not {meta.get('session')!r}"
    assert isinstance(meta.get("time"), int) and meta["time"] > 0, f"{path}: front matter needs 'time' in minutes, as a whole number"
    assert str(meta.get("title", "")).startswith(f"Module {meta['module']}:"), f"{path}: title should start 'Module {meta['module']}:'"


def test_modules_are_numbered_one_to_ten_without_gaps() -> None:
    numbers = sorted(read_page(path).meta.get("module") for path in MODULES)
    assert numbers == list(range(1, len(MODULES) + 1)), f"module numbers in front matter: {numbers}"


@pytest.mark.parametrize("path", MODULES)
def test_module_says_how_long_it_takes(path: str) -> None:
    page = read_page(path)
    first_paragraph = page.body.split("\n# ", 1)[-1].split("\n\n")[1].strip()
    expected = f"This module takes about {page.meta['time']} minutes."
    assert first_paragraph == expected, f"{path}: the line under the h1 should be {expected!r}, not {first_paragraph!r}"


@pytest.mark.parametrize("path", MODULES)
def test_module_has_all_parts_in_order(path: str, site_dir: Path) -> None:
    page = read_page(path)
    headings = [h.get_text(" ", strip=True) for h in soup_of(site_dir, page.built_path).select("article h2")]
    assert headings[: len(MODULE_OPENING)] == MODULE_OPENING, f"{path}: must open with {MODULE_OPENING}, has {headings[:1]}"
    assert headings[-len(MODULE_CLOSING):] == MODULE_CLOSING, f"{path}: must end with {MODULE_CLOSING}, has {headings[-len(MODULE_CLOSING):]}"
    body = headings[len(MODULE_OPENING): -len(MODULE_CLOSING)]
    assert len(body) >= 2, f"{path}: the body needs short sections under their own headings, found {body}"
    assert not set(body) & set(MODULE_OPENING + MODULE_CLOSING), f"{path}: a part heading is used twice: {body}"


@pytest.mark.parametrize("path", MODULES)
def test_module_has_three_to_five_outcomes(path: str, site_dir: Path) -> None:
    soup = soup_of(site_dir, read_page(path).built_path)
    heading = built_h2(soup, "In this module you will")
    assert heading is not None, f"{path}: no 'In this module you will' heading"
    items = [li for element in section_after(heading) if element.name == "ul" for li in element.find_all("li", recursive=False)]
    assert 3 <= len(items) <= 5, f"{path}: 'In this module you will' has {len(items)} points; it needs 3 to 5"


@pytest.mark.parametrize("path", MODULES)
def test_module_has_key_points_and_sources(path: str, site_dir: Path) -> None:
    soup = soup_of(site_dir, read_page(path).built_path)
    for part in ("Key points", "Sources"):
        heading = built_h2(soup, part)
        assert heading is not None, f"{path}: no '{part}' heading"
        items = [li for element in section_after(heading) if element.name == "ul" for li in element.find_all("li")]
        assert items, f"{path}: '{part}' has no list items"


@pytest.mark.parametrize("path", MODULES)
def test_module_has_one_reflection_and_two_to_four_questions(path: str) -> None:
    sections = read_page(path).sections()
    reflections = admonitions_in(sections.get("Think about it", ""), "reflect")
    assert reflections == 1, f"{path}: 'Think about it' needs one '!!! reflect' box, has {reflections}"
    questions = questions_in(sections.get("Check your understanding", ""))
    assert 2 <= len(questions) <= 4, f"{path}: 'Check your understanding' needs 2 to 4 '!!! question' boxes, has {len(questions)}"


@pytest.mark.parametrize("path", MODULES)
def test_module_lists_its_activities(path: str) -> None:
    page = read_page(path)
    listed = set(re.findall(r"\(\.\./activities/([\w-]+\.md)\)", page.sections().get("Activities for this module", "")))
    assert listed, f"{path}: 'Activities for this module' links to no activity"
    missing_pages = sorted(name for name in listed if f"activities/{name}" not in ACTIVITIES)
    assert not missing_pages, f"{path}: links to activities that do not exist: {missing_pages}"
    belonging = {Path(activity).name for activity in ACTIVITIES if read_page(activity).meta.get("module") == page.meta["module"]}
    assert belonging <= listed, f"{path}: does not list its own activities {sorted(belonging - listed)}"


@pytest.mark.parametrize("path", MODULES)
def test_module_links_to_the_next_module(path: str, site_dir: Path) -> None:
    page = read_page(path)
    heading = built_h2(soup_of(site_dir, page.built_path), "What comes next")
    assert heading is not None, f"{path}: no 'What comes next' heading"
    links = [a["href"] for element in section_after(heading) for a in element.select("a[href]")]
    following = module_numbers().get(page.meta["module"] + 1)
    if following is None:
        assert links, f"{path}: the last module should still point learners somewhere next"
    else:
        assert any(href.rstrip("/").endswith(following.url_stem.rstrip("/")) for href in links), (
            f"{path}: 'What comes next' should link to {following.path}, links: {links}")
