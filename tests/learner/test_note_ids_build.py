"""A "Think about it" id used twice stops a real `mkdocs build --strict`, naming both files and lines."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT_DIR, build_site

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "duplicate-note-id"


def test_build_stops_at_a_note_id_used_twice(tmp_path: Path) -> None:
    result = build_site(FIXTURE / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("Doc file 'modules/02-second.md', line 7: the id 'note-same-words' is already used by the \"Think about it\" box "
            "in 'modules/01-first.md', line 5.") in result.stderr + result.stdout
