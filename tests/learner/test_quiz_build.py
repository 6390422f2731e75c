"""A malformed question stops a real `mkdocs build --strict`, naming the file and line."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT_DIR, build_site

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "malformed-question"


def test_build_stops_at_a_question_with_no_right_answer(tmp_path: Path) -> None:
    result = build_site(FIXTURE / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("Doc file 'modules/01-broken.md', line 9: the question \"Which answer is right?\" has no right answer. "
            'Mark each right answer with "- [x]".') in result.stderr + result.stdout
