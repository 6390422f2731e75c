"""hooks/learner/questions.py: the questions printed for a blind reader, the key, and the reader's score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from learner.questions import answer_key, main, read_pages

PAGE = '''---
title: "Module 1: A test"
---

# A test

!!! question "Joan is asked to fill in a survey. What is this?"
    - [ ] Involvement, as she took part.
    - [x] Consultation, as she was asked.
    - [ ] Co-production, as it was her view.

    **Why:** Being asked is consultation.

!!! question "Which two share the work?"
    Read both before you choose.

    - [x] Planning it together.
    - [x] Running it together.
    - [ ] Asking at the very end.

    **Why:** Both share the work.
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "modules").mkdir(parents=True)
    (tmp_path / "docs" / "modules" / "01-a-test.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "docs" / "check.md").write_text("# Check\n\nNo questions yet.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nmarkdown_extensions:\n  - toc:\n      permalink: false\n"
                                         "  - admonition\n  - pymdownx.tasklist\n", encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_blind_print_numbers_the_options_as_shown_and_gives_no_answers(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--blind", "-f", str(project)]) == 0
    printed = capsys.readouterr().out
    assert "## Module 1: A test" in printed
    assert "Q1. Joan is asked to fill in a survey. What is this?\n(Choose one answer.)\n   1. " in printed
    assert "Q2. Which two share the work?\nRead both before you choose.\n(Choose all the answers you think are right.)" in printed
    assert "Why" not in printed and "[x]" not in printed and "Being asked" not in printed
    [page] = read_pages(project, ["modules", "check.md"])
    shown = [option.text for option in page.questions[0].options]
    assert all(f"   {number}. {text}" in printed for number, text in enumerate(shown, start=1))


def test_key_gives_the_right_options_by_their_shown_numbers(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--key", "-f", str(project)]) == 0
    key = json.loads(capsys.readouterr().out)
    [page] = read_pages(project, ["modules"])
    right_text = [option.text for option in page.questions[0].options].index("Consultation, as she was asked.") + 1
    assert key["Q1"] == {"right": [right_text], "page": "modules/01-a-test.md", "id": "modules-01-a-test-question-1"}
    assert len(key["Q2"]["right"]) == 2


def test_score_counts_exact_answers_and_lists_the_sure_and_right(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = answer_key(read_pages(project, ["modules"]))
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"Q1": {"answer": key["Q1"]["right"], "sure": "sure"}, "Q2": key["Q2"]["right"][:1]}), encoding="utf-8")
    assert main(["--score", str(answers), "-f", str(project)]) == 0
    printed = capsys.readouterr().out
    # Guessing: one option in three for Q1, one set of options in seven (2**3 - 1) for Q2.
    assert printed.startswith("Right: 1 of 2 (50%); a reader guessing at random would get about 0.5 (24%).")
    assert "  modules/01-a-test.md: 1 of 2" in printed
    assert "Sure and right (rewrite these first): Q1" in printed


@pytest.mark.parametrize(("content", "message"), [
    ('{"Q1": [1],\n "Q2": }', "answers.json, line 2: not valid JSON"),
    ('{"Q9": [1]}', "the answers name questions that are not in the key: Q9"),
    ('{"Q1": "two"}', "an answer must be a number or a list of numbers"),
])
def test_a_bad_answers_file_is_named_with_what_to_fix(project: Path, tmp_path: Path, content: str, message: str,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(content, encoding="utf-8")
    assert main(["--score", str(answers), "-f", str(project)]) == 2
    assert message in capsys.readouterr().err
