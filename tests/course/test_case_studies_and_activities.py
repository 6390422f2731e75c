"""Every case study and activity page has its headings; every activity says its time and its module."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from course.course_pages import (ACTIVITIES, CASE_STUDIES, CASE_STUDY_HEADINGS, activity_headings_for, admonitions_in, module_numbers,
                                 read_page, soup_of)


def built_headings(site_dir: Path, path: str) -> list[str]:
    return [h.get_text(" ", strip=True) for h in soup_of(site_dir, read_page(path).built_path).select("article h2")]


@pytest.mark.parametrize("path", CASE_STUDIES)
def test_case_study_has_its_headings_in_order(path: str, site_dir: Path) -> None:
    headings = built_headings(site_dir, path)
    assert headings == CASE_STUDY_HEADINGS, f"{path}: headings should be {CASE_STUDY_HEADINGS}, are {headings}"


@pytest.mark.parametrize("path", CASE_STUDIES)
def test_case_study_goes_with_modules_that_exist(path: str) -> None:
    modules = read_page(path).meta.get("modules")
    assert isinstance(modules, list) and modules, f"{path}: front matter needs 'modules', a list like [7, 8]"
    unknown = [number for number in modules if number not in module_numbers()]
    assert not unknown, f"{path}: front matter names modules that do not exist: {unknown}"


@pytest.mark.parametrize("path", ACTIVITIES)
def test_activity_has_its_headings_in_order(path: str, site_dir: Path) -> None:
    headings = built_headings(site_dir, path)
    expected = activity_headings_for(headings)
    assert headings == expected, f"{path}: headings should be {expected}, are {headings}"


@pytest.mark.parametrize("path", ACTIVITIES)
def test_activity_markdown_has_its_headings_in_order(path: str) -> None:
    headings = read_page(path).h2_headings()
    expected = activity_headings_for(headings)
    assert headings == expected, f"{path}: the '##' headings should be {expected}, are {headings}"


@pytest.mark.parametrize("path", ACTIVITIES)
def test_activity_links_to_the_shared_access_advice_and_adds_its_own(path: str) -> None:
    section = read_page(path).sections().get("Making it accessible", "")
    assert "](../trainers/adapting-for-access-needs.md)" in section, (
        f"{path}: 'Making it accessible' should link to ../trainers/adapting-for-access-needs.md, where the advice every activity shares lives")
    notes = [part for part in re.split(r"^### .*$", section, flags=re.MULTILINE)[1:] if part.strip()]
    assert notes, f"{path}: 'Making it accessible' needs at least one '###' need (such as '### Sight') with a note for this activity"


@pytest.mark.parametrize("path", ACTIVITIES)
def test_activity_front_matter_has_time_module_session_and_group_size(path: str) -> None:
    meta = read_page(path).meta
    time = meta.get("time")
    assert isinstance(time, int) and not isinstance(time, bool) and time > 0, f"{path}: 'time' must be whole minutes, not {time!r}"
    module = meta.get("module")
    assert module in module_numbers(), f"{path}: 'module' must be the number of a module that exists, not {module!r}"
    assert meta.get("session") == module_numbers()[module].meta.get("session"), (
        f"{path}: 'session' is {meta.get('session')!r}, but module {module} is in session {module_numbers()[module].meta.get('session')}")
    assert isinstance(meta.get("group_size"), str) and meta["group_size"].strip(), f"{path}: 'group_size' must say how many people"


@pytest.mark.parametrize("path", ACTIVITIES)
def test_activity_time_needed_matches_its_front_matter(path: str) -> None:
    page = read_page(path)
    text = page.sections().get("Time needed", "")
    assert f"{page.meta.get('time')} minutes" in text, f"{path}: 'Time needed' should say '{page.meta.get('time')} minutes': {text.strip()!r}"


@pytest.mark.parametrize("path", ACTIVITIES)
def test_activity_has_one_trainer_box_in_its_trainer_notes(path: str) -> None:
    boxes = admonitions_in(read_page(path).sections().get("Notes for the trainer", ""), "trainer")
    assert boxes == 1, f"{path}: 'Notes for the trainer' needs one '!!! trainer' box, has {boxes}"


@pytest.mark.parametrize("path", ACTIVITIES)
def test_activity_is_listed_with_its_time_and_module_on_the_activities_page(path: str) -> None:
    meta = read_page(path).meta
    rows = [line for line in read_page("activities/index.md").body.splitlines() if f"]({Path(path).name})" in line]
    assert len(rows) == 1, f"activities/index.md should list {path} once in its table, found {len(rows)} rows"
    cells = [cell.strip() for cell in rows[0].strip().strip("|").split("|")]
    assert cells[1:4] == [str(meta.get("time")), str(meta.get("module")), str(meta.get("session"))], (
        f"activities/index.md lists {path} as {cells[1:4]} (minutes, module, session); its front matter says "
        f"{[meta.get('time'), meta.get('module'), meta.get('session')]}")


def card_texts(markdown: str) -> list[str]:
    """The text inside each `!!! card` box, one string per card."""
    cards: list[list[str]] = []
    current: list[str] | None = None
    for line in markdown.splitlines():
        if re.match(r"^!!! card\b", line):
            current = []
            cards.append(current)
        elif current is not None and line.startswith("    "):
            current.append(line.strip())
        elif current is not None and line.strip():
            current = None
    return [" ".join(card).strip() for card in cards]


def test_card_sort_has_at_least_twelve_short_scenarios() -> None:
    path = "activities/consultation-involvement-or-co-production.md"
    cards = card_texts(read_page(path).sections().get("Cards to cut out", ""))
    assert len(cards) >= 12, f"{path}: the card sort needs at least 12 '!!! card' boxes under 'Cards to cut out', has {len(cards)}"
    long_cards = [card for card in cards if len(card.split()) > 20]
    assert not long_cards, f"{path}: cards should be short (20 words or fewer): {long_cards}"
