"""Every module page has all the parts the course promises, in the authors' guide's order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course.course_pages import (ACTIVITIES, GOING_FURTHER_PREFIX, MODULE_CLOSING, MODULE_OPENING, MODULE_STORY_PREFIX, MODULES,
                                 OLDER_PERSON_HEADING, built_h2, module_numbers, questions_in, read_page,
                                 section_after, soup_of)


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


ONE_TIME = re.compile(r"^About (?P<total>\d+) minutes: (?P<reading>\d+) to read, (?P<rest>\d+) for the questions "
                      r"and the 'Think about it' box$")


@pytest.mark.parametrize("path", MODULES)
def test_module_shows_one_honest_time(path: str, site_dir: Path) -> None:
    page = read_page(path)
    assert "takes about" not in page.body, f"{path}: the time is shown by the build, from front matter 'time'; take out the sentence"
    soup = soup_of(site_dir, page.built_path)
    labels = [p.get_text() for p in soup.select("article .app-reading-time")]
    assert len(labels) == 1, f"{path}: the built page should show one time under the title, shows {labels}"
    match = ONE_TIME.match(labels[0])
    assert match, f"{path}: the time under the title reads {labels[0]!r}"
    total, reading, rest = (int(match.group(name)) for name in ("total", "reading", "rest"))
    assert total == page.meta["time"] and reading + rest == total and reading > 0 and rest > 0
    assert "minutes to read" not in soup.select_one("article").get_text()


def test_start_page_states_the_true_range_of_module_times(site_dir: Path) -> None:
    times = [int(ONE_TIME.match(soup_of(site_dir, read_page(path).built_path).select_one(".app-reading-time").get_text())
                 .group("total")) for path in MODULES]
    text = " ".join(soup_of(site_dir, "index.html").select_one("article").get_text().split())
    stated = re.search(r"Each module takes between (\d+) and (\d+) minutes", text)
    assert stated, "the start page should say 'Each module takes between N and M minutes'"
    low, high = int(stated.group(1)), int(stated.group(2))
    assert low <= min(times) and max(times) <= high, f"the start page says {low} to {high} minutes; the modules take {sorted(times)}"
    # True and useful: no more than 5 minutes looser than the real range at either end.
    assert min(times) - low <= 5 and high - max(times) <= 5, f"the start page says {low} to {high}; the modules take {min(times)} to {max(times)}"


@pytest.mark.parametrize("path", MODULES)
def test_module_has_all_parts_in_order(path: str, site_dir: Path) -> None:
    page = read_page(path)
    headings = [h.get_text(" ", strip=True) for h in soup_of(site_dir, page.built_path).select("article h2")]
    assert headings and headings[0].startswith(MODULE_STORY_PREFIX), f"{path}: must open with a story ('A story...'), opens with {headings[:1]}"
    assert headings[1: 1 + len(MODULE_OPENING)] == MODULE_OPENING, f"{path}: after the story must come {MODULE_OPENING}, has {headings[1:3]}"
    closing = [heading for heading in headings if not heading.startswith(GOING_FURTHER_PREFIX)]
    assert closing[-len(MODULE_CLOSING):] == MODULE_CLOSING, f"{path}: must end with {MODULE_CLOSING}, has {closing[-len(MODULE_CLOSING):]}"
    further = [index for index, heading in enumerate(headings) if heading.startswith(GOING_FURTHER_PREFIX)]
    for index in further:
        assert headings[index - 1] == "Check your understanding", f"{path}: 'Going further' belongs after the questions"
    assert headings.count(OLDER_PERSON_HEADING) == 1, f"{path}: needs one section headed exactly {OLDER_PERSON_HEADING!r}"
    assert headings.index(OLDER_PERSON_HEADING) == headings.index("Key points") - 1, (
        f"{path}: {OLDER_PERSON_HEADING!r} comes just before 'Key points'")
    body = headings[1 + len(MODULE_OPENING): headings.index(OLDER_PERSON_HEADING)]
    assert len(body) >= 2, f"{path}: the body needs short sections under their own headings, found {body}"


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


REFLECT_BOX = re.compile(r'^!!! reflect(?P<classes>(?: [\w-]+)*) "(?P<question>[^"]+)"\s*$')


@pytest.mark.parametrize("path", MODULES)
def test_module_has_one_reflection_for_both_audiences(path: str) -> None:
    lines = read_page(path).sections().get("Think about it", "").splitlines()
    boxes = [(number, REFLECT_BOX.match(line)) for number, line in enumerate(lines) if line.startswith("!!! reflect")]
    assert len(boxes) == 1, f"{path}: 'Think about it' needs one '!!! reflect' box, has {len(boxes)}"
    number, match = boxes[0]
    assert match, f"{path}: write the box as !!! reflect note-<id> \"Question?\", not {lines[number]!r}"
    assert any(name.startswith("note-") for name in match.group("classes").split()), f"{path}: the reflect box needs a note id (note-...)"
    body = []
    for line in lines[number + 1:]:
        if line.strip() and not line.startswith("    "):
            break
        body.append(line.strip())
    paragraphs = [line for line in body if line]
    for opening in ("If you work for an organisation:", "If you are an older person:"):
        assert any(paragraph.startswith(opening) for paragraph in paragraphs), f"{path}: the reflect box needs a prompt starting {opening!r}"


@pytest.mark.parametrize("path", MODULES)
def test_module_has_three_to_five_questions_with_three_options(path: str) -> None:
    questions = questions_in(read_page(path).sections().get("Check your understanding", ""))
    assert 3 <= len(questions) <= 5, f"{path}: 'Check your understanding' needs 3 to 5 '!!! question' boxes, has {len(questions)}"
    for question in questions:
        assert question.right + question.wrong >= 3, f"{path}, line {question.line}: {question.title!r} needs at least 3 options"
        assert question.right >= 1 and question.has_why, f"{path}, line {question.line}: {question.title!r} needs a right answer and a Why"


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
