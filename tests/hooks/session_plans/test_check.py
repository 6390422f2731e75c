"""The session plans' arithmetic, on small plans written here: right, short, out of step, no break, no spare time."""

from __future__ import annotations

import pytest

from session_plans.check import check_plan, is_plan, plan_rows, print_list_problems

HEAD = '---\ntitle: "Plan"\nsession: 1\nstart: "10:00"\nfinish: "11:00"\n---\n\n# Plan\n\n'
TABLE = "| Start | Minutes | What happens | Module | Activity |\n|---|---|---|---|---|\n"


def plan(*rows: str, head: str = HEAD) -> str:
    return head + TABLE + "".join(f"{row}\n" for row in rows) + "\nAfter the table.\n"


GOOD = plan(
    "| 10:00 | 15 | Welcome. Explain the day (5 minutes). Agree the ground rules (10 minutes). | — | — |",
    "| 10:15 | 20 | Short talk: [Module 1](../modules/01.md) | 1 | — |",
    "| 10:35 | 10 | Break, with drinks | — | — |",
    "| 10:45 | 10 | Spare time: use it where the day runs late. | — | — |",
    "| 10:55 | 5 | Close. Say thank you (2 minutes). | — | — |",
)


def messages(source: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in check_plan(source)]


def test_a_plan_that_adds_up_has_no_problems() -> None:
    assert is_plan(GOOD)
    assert [row.line for row in plan_rows(GOOD)[0]] == [12, 13, 14, 15, 16]
    assert messages(GOOD) == []


def test_minutes_that_do_not_fill_the_session_are_named_with_the_last_row() -> None:
    short = GOOD.replace("| 10:55 | 5 | Close", "| 10:55 | 2 | Close")
    assert messages(short) == [(16, "the parts add up to 57 minutes, but 10:00 to 11:00 is 60 minutes: "
                                    "make them add up (add 3 minutes)")]


def test_a_start_that_does_not_follow_on_is_named_with_its_row() -> None:
    wrong = GOOD.replace("| 10:35 | 10 | Break", "| 10:40 | 10 | Break")
    assert messages(wrong) == [(14, 'the part "Break, with drinks" starts at "10:40", but the part before it '
                                    "ends at 10:35: make its Start 10:35")]


def test_a_plan_without_a_break_fails() -> None:
    no_break = GOOD.replace("Break, with drinks", "Talk about drinks")
    assert [line for line, message in messages(no_break) if "no break" in message] == [12]


def test_a_short_break_fails() -> None:
    short_break = plan(
        "| 10:00 | 25 | Welcome (25 minutes) | — | — |",
        "| 10:25 | 5 | Break | — | — |",
        "| 10:30 | 10 | Spare time | — | — |",
        "| 10:40 | 20 | Close (20 minutes) | — | — |",
    )
    assert messages(short_break) == [(13, "the break is 5 minutes: give it 10 or more")]


@pytest.mark.parametrize("spare_row", ["| 10:45 | 10 | Questions | — | — |", "| 10:45 | 10 | Spare time | — | — |"])
def test_less_than_ten_minutes_of_spare_time_fails(spare_row: str) -> None:
    source = GOOD.replace("| 10:45 | 10 | Spare time: use it where the day runs late. | — | — |", spare_row)
    spare = "Spare time" in spare_row
    found = [(line, message) for line, message in messages(source) if "spare time" in message]
    assert found == ([] if spare else [(16, 'the plan keeps 0 minutes of spare time: add a row whose What happens starts '
                                            'with "Spare time", of 10 minutes or more in all, so a late start does not cut the close')])


def test_minutes_that_are_not_a_number_are_named() -> None:
    wrong = GOOD.replace("| 10:15 | 20 |", "| 10:15 | twenty |")
    assert messages(wrong) == [(13, 'the part "Short talk: Module 1" has Minutes "twenty": write a whole number of minutes, like 15')]


def test_a_plan_with_no_table_or_bad_times_says_what_to_add() -> None:
    assert "no plan table" in messages(HEAD + "No table here.\n")[0][1]
    bad_times = GOOD.replace('finish: "11:00"', 'finish: "9:00"')
    assert messages(bad_times)[0][0] == 1 and "finishing after the start" in messages(bad_times)[0][1]


def test_a_page_without_start_and_finish_is_not_a_plan() -> None:
    assert not is_plan('---\ntitle: "Guide"\n---\n\n# Guide\n')
    assert not is_plan("# No front matter\n")


def test_a_row_whose_parts_take_longer_than_the_row_is_named_with_its_line() -> None:
    source = GOOD.replace("Short talk: [Module 1](../modules/01.md)", "Short talk (15 minutes), then questions (10 minutes)")
    assert messages(source) == [(13, "the part \"Short talk (15 minutes), then questions \" has 20 minutes, "
                                     "but its parts take 25 (15 + 10): give it 25 minutes, or cut a part")]


@pytest.mark.parametrize("row, line", [("Welcome. Explain the day (5 minutes). Agree the ground rules (10 minutes).", 12),
                                       ("Close. Say thank you (2 minutes).", 16)])
def test_the_welcome_and_the_close_must_give_their_parts_minutes(row: str, line: int) -> None:
    words = row.split(".")[0]
    problems = messages(GOOD.replace(row, words))
    assert problems == [(line, f"the part \"{words}\" does not say how long each of its parts takes: after each part, "
                               "write its minutes in brackets, like \"(5 minutes)\", so the build can check they fit")]


def test_the_print_list_names_only_files_the_build_makes() -> None:
    source = ("# Plan\n\n## What to print\n\n- The pack (`session-1-pack.pdf`)\n- The slides (`slides/s.pptx`)\n"
              "- Cards you make\n- `sesion-1-pack.pdf`\n\n## Sources\n\n- `not-checked.pdf`\n")
    made = frozenset({"session-1-pack.pdf", "slides/session-1-slides.pptx"})
    assert [(problem.line, problem.message) for problem in print_list_problems(source, made)] == [
        (6, "\"What to print\" names `slides/s.pptx`, which the build does not make."),
        (7, "this line of \"What to print\" names no file: name what to print as the Print and download page does, "
            "like `session-1-pack.pdf` or `forms/feedback-form.docx`"),
        (8, "\"What to print\" names `sesion-1-pack.pdf`, which the build does not make. Did you mean `session-1-pack.pdf`?"),
    ]
    assert print_list_problems(source.replace("slides/s.pptx", "slides/session-1-slides.pptx").replace("- Cards you make\n", "")
                               .replace("sesion", "session"),
                               made) == []
    assert print_list_problems("# Plan\n", made)[0].message.startswith("the plan has no \"## What to print\" section")
