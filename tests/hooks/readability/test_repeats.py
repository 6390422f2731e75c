"""Runs of ten or more words that stand on two pages (readability/repeats.py)."""

from __future__ import annotations

import pytest

from readability.repeats import Place, RepeatedRun, reading_words, repeat_message, repeated_runs

STORY = "Older people on the panel read every bid and chose eleven projects to fund together."


def words_of(markdown: str, first_line: int = 1) -> list[str]:
    """The words read, without the marks where a heading or a box's title breaks a run."""
    return [word for word, _ in reading_words(markdown, first_line=first_line) if word != "|"]


def test_reading_words_gives_each_word_its_line_in_the_file() -> None:
    assert reading_words("One two.\n\nThree.", first_line=5) == [("one", 5), ("two", 5), ("three", 7)]


def test_headings_code_table_headers_and_the_sources_list_are_left_out() -> None:
    markdown = (
        "# A heading\n\nKept words.\n\n```\ncode words\n```\n\n| Start | Minutes |\n|---|---|\n| 10:00 | 5 |\n\n"
        "## Sources\n\n- Bown, H. (about 2014) a citation.\n\n## What comes next\n\nAfter."
    )
    assert words_of(markdown) == ["kept", "words", "10", "00", "5", "after"]


def test_admonition_titles_and_link_words_are_read_but_not_link_targets() -> None:
    markdown = '!!! question "Who decides?"\n    - [x] The [panel](https://example.org/panel) decides.'
    assert words_of(markdown) == ["who", "decides", "the", "panel", "decides"]


def test_a_run_on_two_pages_is_found_once_with_both_lines() -> None:
    pages = {
        "modules/07.md": reading_words(f"Intro.\n\n{STORY}", first_line=10),
        "modules/08.md": reading_words(f"{STORY}\n\nMore.", first_line=3),
    }
    runs = repeated_runs(pages)
    assert runs == [RepeatedRun(" ".join(words_of(STORY)), Place("modules/07.md", 12), Place("modules/08.md", 3))]
    assert runs[0].length == 15


def test_nine_words_in_a_row_are_not_a_run() -> None:
    nine = "one two three four five six seven eight nine"
    pages = {"a.md": reading_words(f"{nine} ten."), "b.md": reading_words(f"{nine} eleven.")}
    assert repeated_runs(pages) == []


def test_the_same_words_twice_on_one_page_are_not_reported() -> None:
    assert repeated_runs({"a.md": reading_words(f"{STORY}\n\n{STORY}")}) == []


@pytest.mark.parametrize("between", ["## A heading", "**Points to make:**", '!!! trainer "Talk notes"'])
def test_a_heading_a_bold_label_or_a_box_title_breaks_a_run(between: str) -> None:
    before, after = "one two three four five six", "seven eight nine ten eleven twelve"
    pages = {"a.md": reading_words(f"{before}\n\n{between}\n\n{after}"), "b.md": reading_words(f"{before}\n\n{between}\n\n{after}")}
    assert repeated_runs(pages) == []
    joined = {"a.md": reading_words(f"{before}\n\n{after}"), "b.md": reading_words(f"{before}\n\n{after}")}
    assert len(repeated_runs(joined)) == 1


def test_a_link_to_another_page_breaks_a_run() -> None:
    link = "Read [Module 2: Why co-production matters for older people in Leeds](../modules/02.md) next week please."
    pages = {"a.md": reading_words(link), "b.md": reading_words(link)}
    assert repeated_runs(pages) == []


def test_the_message_names_both_files_and_lines_and_says_what_to_do() -> None:
    run = RepeatedRun(" ".join(["word"] * 10), Place("modules/07.md", 12), Place("modules/08.md", 3))
    assert repeat_message(run).startswith(
        "Doc file 'modules/08.md', line 3: 10 words in a row also stand in 'modules/07.md', line 12: \"word word"
    )
    assert "Tell each story or quotation once" in repeat_message(run)
