"""Every question has a right answer and a reason; every page names its sources; the course is long enough."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.course_pages import DOCS_DIR, built_h2, nav_pages, questions_in, read_page, section_after, soup_of

# A nav entry without a file is reported by test_navigation.py, so it is left out here rather than stopping collection.
PAGES_WITH_QUESTIONS = [path for path in nav_pages() if (DOCS_DIR / path).is_file() and "!!! question" in read_page(path).body]
COURSE_TEXT_FOLDERS = ("modules/", "case-studies/", "activities/", "trainers/")
MINIMUM_COURSE_WORDS = 15_000
# How the authors' guide ("Naming the sources") begins the reference to each of the five source texts.
SOURCE_TEXTS = ("Time to Shine (Leeds)", "Time to Shine, \"Coproduction", "Whitehead, L.", "O'Donoghue, V.", "Bown, H. (about 2014)")


@pytest.mark.parametrize("path", PAGES_WITH_QUESTIONS)
def test_every_question_has_a_right_answer_and_a_why(path: str) -> None:
    problems = []
    for question in questions_in(read_page(path).body):
        if question.right < 1:
            problems.append(f"line {question.line}, {question.title!r}: no right answer ('- [x]')")
        if question.right + question.wrong < 2:
            problems.append(f"line {question.line}, {question.title!r}: needs at least two answers to choose from")
        if not question.has_why:
            problems.append(f"line {question.line}, {question.title!r}: no '**Why:**' paragraph")
    assert not problems, f"{path} (Markdown, after the front matter):\n" + "\n".join(problems)


@pytest.mark.parametrize("path", nav_pages())
def test_every_page_names_its_sources(path: str, site_dir: Path) -> None:
    heading = built_h2(soup_of(site_dir, read_page(path).built_path), "Sources")
    assert heading is not None, f"{path}: no 'Sources' heading"
    assert heading.find_next_siblings("h2") == [], f"{path}: 'Sources' should be the last section"
    text = " ".join(element.get_text(" ", strip=True) for element in section_after(heading))
    assert text, f"{path}: 'Sources' is empty"
    if path.startswith(COURSE_TEXT_FOLDERS):
        items = [li.get_text(" ", strip=True) for element in section_after(heading) for li in element.select("li")]
        named = [item for item in items if any(item.startswith(source) for source in SOURCE_TEXTS)]
        assert named, f"{path}: 'Sources' should list at least one of the five source texts, as the authors' guide writes them: {items}"


def readability_report(site_dir: Path) -> dict:
    return json.loads((site_dir / "readability.json").read_text(encoding="utf-8"))


def test_course_has_at_least_15000_words(site_dir: Path) -> None:
    pages = readability_report(site_dir)["pages"]
    course_words = sum(page["words"] for page in pages if page["path"].startswith(COURSE_TEXT_FOLDERS))
    assert course_words >= MINIMUM_COURSE_WORDS, (
        f"modules, case studies, activities and trainer's pages hold {course_words} words; the course needs {MINIMUM_COURSE_WORDS}")


def test_every_nav_page_is_in_the_readability_report(site_dir: Path) -> None:
    reported = {page["path"] for page in readability_report(site_dir)["pages"]}
    missing = [path for path in nav_pages() if path not in reported]
    assert not missing, f"readability.json does not measure these pages, so their words are not counted: {missing}"


def test_no_ten_words_in_a_row_stand_on_two_course_pages() -> None:
    # The same rule the build's readability hook warns about, read from the Markdown so no build is needed.
    from readability.check import front_matter_lines
    from readability.repeats import reading_words, repeat_message, repeated_runs

    pages: dict[str, list[tuple[str, int]]] = {}
    for file in sorted(DOCS_DIR.rglob("*.md")):
        path = file.relative_to(DOCS_DIR).as_posix()
        if path.startswith("authors/") or path == "glossary.md":
            continue
        source = file.read_text(encoding="utf-8")
        skip = front_matter_lines(source)
        pages[path] = reading_words("\n".join(source.splitlines()[skip:]), first_line=skip + 1)
    runs = repeated_runs(pages)
    assert not runs, f"{len(runs)} runs of ten or more words stand on two pages:\n" + "\n".join(repeat_message(run) for run in runs)
