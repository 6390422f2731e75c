"""The end-of-course check's parts (hooks/learner/course_check.py): the stated pass mark, the score part, and too few questions."""

from __future__ import annotations

from bs4 import BeautifulSoup

from learner.course_check import MIN_QUESTIONS, PASS_MARK, check_problems, pass_mark_html, score_html


def test_pass_mark_is_stated_with_the_number_of_questions() -> None:
    soup = BeautifulSoup(pass_mark_html(15, progress_url="../progress/"), "html.parser")
    assert soup.get_text().startswith(f"There are 15 questions. To pass, get {PASS_MARK} or more of them right.")
    assert soup.find("a", string="Your progress")["href"] == "../progress/"


def test_score_part_carries_the_pass_mark_and_works_without_javascript() -> None:
    soup = BeautifulSoup(score_html(15, progress_url="../progress/"), "html.parser")
    part = soup.select_one('[data-module="app-check"]')
    assert (part["data-pass-mark"], part["data-total"]) == (str(PASS_MARK), "15")
    # The button and the live region only show once the script starts; the words for no script show at once.
    assert soup.select_one(".js-check-tools").has_attr("hidden")
    assert soup.select_one(".js-check-tools button").get_text() == "See my score"
    assert soup.select_one(".js-check-result")["role"] == "status"
    assert not soup.select_one(".js-check-no-script").has_attr("hidden")


def test_a_check_with_too_few_questions_stops_the_build_naming_the_file() -> None:
    assert check_problems(MIN_QUESTIONS) == []
    problems = check_problems(MIN_QUESTIONS - 1)
    assert problems == [f"Doc file 'check.md': the check has {MIN_QUESTIONS - 1} questions, but it needs at least {MIN_QUESTIONS} "
                        f"(the pass mark is {PASS_MARK}). Add '!!! question' boxes, or change PASS_MARK and MIN_QUESTIONS in hooks/learner/course_check.py."]
