"""A whole build with a wrong session plan fails under --strict, naming the file and the rows."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT_DIR, build_site

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "session-plan-wrong" / "mkdocs.yml"


def test_a_wrong_plan_fails_the_strict_build_naming_the_file_and_lines(tmp_path: Path) -> None:
    result = build_site(FIXTURE, tmp_path / "site")
    assert result.returncode != 0, result.stderr
    assert ("Doc file 'trainers/session-1-plan.md', line 16: the part \"Close\" starts at \"12:55\", "
            "but the part before it ends at 12:50: make its Start 12:50") in result.stderr, result.stderr
    assert ("Doc file 'trainers/session-1-plan.md', line 16: the parts add up to 175 minutes, "
            "but 10:00 to 13:00 is 180 minutes") in result.stderr
    assert "Doc file 'trainers/session-1-plan.md', line 16: the plan keeps 0 minutes of spare time" in result.stderr
    assert ("Doc file 'trainers/session-1-plan.md', line 12: the part \"Welcome (3 minutes). Agree the ground ru\" has "
            "5 minutes, but its parts take 7 (3 + 4)") in result.stderr
    assert ("Doc file 'trainers/session-1-plan.md', line 16: the part \"Close\" does not say how long each of its parts "
            "takes") in result.stderr
    assert ("Doc file 'trainers/session-1-plan.md', line 21: \"What to print\" names `session-one-handbook.pdf`, "
            "which the build does not make.") in result.stderr
    assert "Doc file 'trainers/session-1-plan.md', line 22: this line of \"What to print\" names no file" in result.stderr
    assert "line 20" not in result.stderr
    assert "index.md" not in result.stderr.replace("trainers/session-1-plan.md", "")
