"""Front matter parsed and checked by the build, with the file and line (hooks/front_matter/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT_DIR, build_site
from front_matter.checks import front_matter_problems, session_problems

DOCS = PROJECT_DIR / "docs"
MODULE = "modules/04-seven-principles.md"
GOOD_MODULE = '---\ntitle: "Module 4: The seven principles"\nmodule: 4\nsession: 1\ntime: 35\n---\n\n# The seven principles\n'


def problems_of(src: str, source: str) -> list[str]:
    return front_matter_problems(src, source)[1]


def test_the_course_front_matter_passes() -> None:
    pages = {}
    for path in sorted(DOCS.rglob("*.md")):
        src = path.relative_to(DOCS).as_posix()
        meta, problems = front_matter_problems(src, path.read_text(encoding="utf-8"))
        assert problems == [], problems
        pages[src] = meta
    assert session_problems(pages) == []
    assert pages[MODULE]["module"] == 4


def test_front_matter_that_is_not_yaml_names_the_line() -> None:
    source = GOOD_MODULE.replace('title: "Module 4: The seven principles"', "title: Module 4: The seven principles")
    [problem] = problems_of(MODULE, source)
    assert problem.startswith(f"Doc file '{MODULE}', line 2: the front matter is not valid YAML (mapping values are not allowed here)."), problem
    assert 'put quotes round a value that holds a colon' in problem


@pytest.mark.parametrize("change, expected", [
    (("module: 4", "module: four"), "line 3: 'module' must be a whole number from 1 to 10, not 'four'."),
    (("module: 4", "module: 11"), "line 3: 'module' must be a whole number from 1 to 10, not 11."),
    (("module: 4", "module: 5"), "line 3: 'module' is 5, but the file name says module 4. Make them the same."),
    (("session: 1", "session: 3"), "line 4: 'session' must be 1 or 2, not 3."),
    (("session: 1", "session: true"), "line 4: 'session' must be 1 or 2, not True."),
    (("time: 35", "time: 0"), "line 5: 'time' must be how many minutes the page takes, as a whole number like 30, not 0."),
    (("time: 35", "time: 35.5"), "line 5: 'time' must be how many minutes the page takes, as a whole number like 30, not 35.5."),
    (("time: 35", "time: half an hour"), "not 'half an hour'."),
    (("time: 35\n", ""), "line 1: the front matter needs 'time'. Add a line such as time: 30."),
    (('"Module 4: The', '"The'), "line 2: the title must start 'Module 4:'"),
])
def test_wrong_module_fields_name_the_file_and_line(change: tuple[str, str], expected: str) -> None:
    problems = problems_of(MODULE, GOOD_MODULE.replace(*change))
    assert len(problems) == 1 and problems[0].startswith(f"Doc file '{MODULE}', ") and expected in problems[0], problems


def test_activity_and_case_study_fields() -> None:
    activity = '---\ntitle: "Activity: Jargon buster"\ntime: 20\nmodule: 3\nsession: 1\n---\n'
    assert problems_of("activities/jargon-buster.md", activity) == [
        "Doc file 'activities/jargon-buster.md', line 1: an activity needs 'group_size', saying how many people, "
        'like group_size: "4 to 20 people".']
    assert "'modules' must be a list of module numbers from 1 to 10, like modules: [3, 5], not [3, 12]." in \
        problems_of("case-studies/x.md", "---\nmodules: [3, 12]\n---\n")[0]


def test_an_activity_in_another_session_than_its_module() -> None:
    pages = {"modules/03-jargon.md": {"module": 3, "session": 1}, "activities/jargon-buster.md": {"module": 3, "session": 2}}
    assert session_problems(pages) == [
        "Doc file 'activities/jargon-buster.md': 'session' is 2, but module 3 is in session 1. Make them the same."]


def test_front_matter_that_is_not_yaml_fails_the_build(tmp_path: Path) -> None:
    result = build_site(PROJECT_DIR / "tests" / "fixtures" / "bad-front-matter" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("Doc file 'modules/03-jargon-in-plain-words.md', line 3: the front matter is not valid YAML "
            "(mapping values are not allowed here).") in result.stderr, result.stderr
