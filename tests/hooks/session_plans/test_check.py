"""The session plans' arithmetic, on small plans written here: right, short, out of step, no break, no spare time."""

from __future__ import annotations

import pytest

from session_plans.check import check_plan, is_plan, plan_rows

HEAD = '---\ntitle: "Plan"\nsession: 1\nstart: "10:00"\nfinish: "11:00"\n---\n\n# Plan\n\n'
TABLE = "| Start | Minutes | What happens | Module | Activity |\n|---|---|---|---|---|\n"


def plan(*rows: str, head: str = HEAD) -> str:
    return head + TABLE + "".join(f"{row}\n" for row in rows) + "\nAfter the table.\n"


GOOD = plan(
    "| 10:00 | 15 | Welcome | — | — |",
    "| 10:15 | 20 | Short talk: [Module 1](../modules/01.md) | 1 | — |",
    "| 10:35 | 10 | Break, with drinks | — | — |",
    "| 10:45 | 10 | Spare time: use it where the day runs late. | — | — |",
    "| 10:55 | 5 | Close | — | — |",
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
        "| 10:00 | 25 | Welcome | — | — |",
        "| 10:25 | 5 | Break | — | — |",
        "| 10:30 | 10 | Spare time | — | — |",
        "| 10:40 | 20 | Close | — | — |",
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
