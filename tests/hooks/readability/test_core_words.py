"""A module's core reading: which parts count, the build's line for each module, and the limit that stops it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT_DIR, build_site
from readability.check import ReadabilityError
from readability.__main__ import main
from readability.core_words import core_markdown, core_reading, core_words_problem, count_words
from readability.settings import load_settings

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "readability-core-words"

MODULE = """\
# Why it matters

We start with a story. Sam, 81, joined a panel in [her town](../glossary.md#panel){ .app-term }.

!!! trainer "Talk notes for the trainer"

    Ask the group who has sat on a panel. Let people answer in pairs first.

    Give them ten minutes.

She said what she thought. The council changed its plan.

!!! note "What the law says"

    Councils must involve people.

## If you are an older person taking part

You can ask what happened to your idea.

??? question "What did Sam do?"

    - [x] She spoke up.
    - [ ] She stayed at home.

## Think about it

!!! reflect note-m2 "When did you last speak up?"

    Write a line or two.

## Going further: the studies

Four studies found the same thing. Here are their long names and dates.

### One of the studies

A study of panels in two towns, with a table.

## Key points

- Panels can change plans.

## Activities for this module

- [Panel role play](../activities/panel.md)

## What comes next

Module 3 turns to words.

## Sources

- A review of panels, read in full.
"""


def test_core_reading_leaves_out_the_parts_a_learner_may_skip() -> None:
    core = core_markdown(MODULE)
    for kept in ("We start with a story.", "What the law says", "Councils must involve people.",
                 "You can ask what happened", "Panels can change plans."):
        assert kept in core
    for skipped in ("Talk notes", "ten minutes", "What did Sam do", "She stayed at home", "Write a line or two",
                    "Four studies", "One of the studies", "Panel role play", "Module 3 turns", "A review of panels"):
        assert skipped not in core


def test_words_are_counted_as_read_not_as_written() -> None:
    # Link text counts, its target and attribute list do not; a box's type word does not, its title does.
    assert count_words("Sam joined a panel in [her town](../glossary.md#panel){ .app-term }.") == 7
    assert count_words('!!! note "What the law says"\n\n    Councils must involve people.') == 8
    assert count_words("<!-- app:where-you-live -->\nOne two three.") == 3


def test_core_and_total_words_of_a_module() -> None:
    reading = core_reading(MODULE)
    # Title 3, story 13 and 10, note box 8, older-person heading 8 and text 8, key points 2 and 4.
    assert reading.core_words == 3 + 13 + 10 + 8 + 8 + 8 + 2 + 4 == 56
    assert reading.total_words > reading.core_words + 80


def test_the_limit_names_the_file_and_the_way_out() -> None:
    reading = core_reading(MODULE)
    assert core_words_problem("modules/02-why.md", reading, 56) is None
    assert core_words_problem("modules/02-why.md", reading, None) is None
    problem = core_words_problem("modules/02-why.md", reading, 55)
    assert problem == ("Doc file 'modules/02-why.md': core reading is 56 words, over the limit of 55 "
                       "(extra.readability.core_words_limit in mkdocs.yml) by 1. Cut words, or move material no "
                       "question needs into a section headed \"Going further\", which is not core reading.")


@pytest.mark.parametrize("value", [0, -5, True, "1200", 1200.5])
def test_a_wrong_limit_is_explained(value: object) -> None:
    with pytest.raises(ReadabilityError) as caught:
        load_settings({"core_words_limit": value}, "course.yml")
    assert "'extra.readability.core_words_limit' must be a whole number" in str(caught.value)


def test_the_course_sets_a_limit_of_1200() -> None:
    from mkdocs.config import load_config

    settings = load_settings(load_config(str(PROJECT_DIR / "mkdocs.yml"))["extra"]["readability"])
    assert settings.core_words_limit == 1200


def test_the_command_prints_each_module_and_fails_over_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    modules = sorted(str(path) for path in (FIXTURE / "docs" / "modules").glob("*.md"))
    assert main(["--core-words", *modules, "-f", str(FIXTURE / "mkdocs.yml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "Doc file 'modules/01-short.md': 15 words of core reading (116 in all; limit 40)",
        "Doc file 'modules/02-long.md': core reading is 54 words, over the limit of 40 (extra.readability.core_words_limit "
        "in mkdocs.yml) by 14. Cut words, or move material no question needs into a section headed \"Going further\", "
        "which is not core reading.",
        "2 files: 69 words of core reading in all, 34 on average",
    ]
    assert main(["--core-words", modules[1], "-f", str(FIXTURE / "mkdocs.yml"), "--limit", "54"]) == 0


def test_the_strict_build_reports_each_module_and_stops_over_the_limit(tmp_path: Path) -> None:
    result = build_site(FIXTURE / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "INFO    -  Doc file 'modules/01-short.md': 15 words of core reading (116 in all; limit 40)" in result.stderr
    assert ("WARNING -  Doc file 'modules/02-long.md': core reading is 54 words, over the limit of 40 "
            "(extra.readability.core_words_limit in mkdocs.yml) by 14.") in result.stderr, result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    # Pages that are not modules have no core reading.
    assert "'index.md': " not in result.stderr


def test_without_strict_the_report_keeps_each_modules_core_words(tmp_path: Path) -> None:
    import json

    result = build_site(FIXTURE / "mkdocs.yml", tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "site" / "readability.json").read_text(encoding="utf-8"))
    core = {page["path"]: page["core_words"] for page in report["pages"]}
    assert core == {"index.md": None, "modules/01-short.md": 15, "modules/02-long.md": 54}
