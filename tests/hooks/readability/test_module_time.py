"""One honest time per module: the label under the title, and the build's check of front matter `time`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site
from readability.module_time import ModuleTime, count_boxes, module_time, module_time_label, module_time_problem

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "module-time"
MODULE = "modules/01-a-short-module.md"
QUESTION = '<div class="admonition question"><p class="admonition-title">Q?</p></div>'
REFLECT = '<div class="admonition reflect note-x"><p class="admonition-title">R?</p></div>'


def test_boxes_are_counted_from_the_html() -> None:
    assert count_boxes("<p>Text</p>" + QUESTION * 4 + REFLECT) == (4, 1)


@pytest.mark.parametrize(("words", "questions", "stated", "honest"), [
    (2100, 4, 35, True),   # 18 to read + 12 + 5 = 35
    (2100, 4, 37, True),   # within 2 minutes
    (2100, 4, 38, False),  # 3 minutes over
    (1000, 5, 25, False),  # 9 + 15 + 5 = 29: 4 minutes under
])
def test_stated_time_must_be_within_two_minutes(words: int, questions: int, stated: int, honest: bool) -> None:
    time = module_time(QUESTION * questions + REFLECT, stated=stated, words=words, words_per_minute=120)
    assert time.is_honest is honest
    assert (module_time_problem(time, words_per_minute=120) is None) is honest


def test_problem_says_what_the_time_is_made_of_and_the_right_value() -> None:
    time = ModuleTime(stated=40, reading=16, questions=5, think_boxes=1)
    assert module_time_problem(time, words_per_minute=120) == (
        "'time' is 40, but the module takes about 36 minutes: 16 to read at 120 words a minute, 3 for each of the "
        "5 questions and 5 for the 'Think about it' box. Change it to time: 36 (within 2 minutes of that is fine).")


def test_label_splits_the_time_into_reading_and_the_rest() -> None:
    assert module_time_label(ModuleTime(stated=35, reading=18, questions=4, think_boxes=1)) == (
        "About 35 minutes: 18 to read, 17 for the questions and the 'Think about it' box")


def test_wrong_time_fails_the_build_naming_the_file_line_and_right_value(tmp_path: Path) -> None:
    result = build_site(FIXTURE / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert (f"Doc file '{MODULE}', line 5: 'time' is 20, but the module takes about 11 minutes: 3 to read at 120 words "
            "a minute, 3 for the question and 5 for the 'Think about it' box. Change it to time: 11") in result.stderr, result.stderr


def test_right_time_builds_and_shows_one_line_under_the_title(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    page = project / "docs" / MODULE
    page.write_text(page.read_text(encoding="utf-8").replace("time: 20", "time: 12"), encoding="utf-8")
    settings = project / "mkdocs.yml"
    hooks = FIXTURE.parents[2] / "hooks"
    settings.write_text(settings.read_text(encoding="utf-8").replace("../../../hooks/", f"{hooks}/"), encoding="utf-8")
    result = build_site(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "modules/01-a-short-module/index.html").read_text(encoding="utf-8"), "html.parser")
    assert [p.get_text() for p in soup.select(".app-reading-time")] == [
        "About 12 minutes: 3 to read, 9 for the questions and the 'Think about it' box"]
    start = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert start.select_one("h1 + .app-reading-time").get_text() == "About 1 minute to read"
