"""hooks/learner/option_checks.py: options that give the answer away stop the build, naming the file, line and question."""

from __future__ import annotations

from learner.option_checks import OptionFacts, course_problems, page_problems, position_spread, question_problems


def facts(lengths: tuple[int, ...], right: int, *, line: int = 10, title: str = "Who decides?") -> OptionFacts:
    return OptionFacts(title=title, where=f"Doc file 'modules/01-a.md', line {line}", lengths=lengths,
                       rights=tuple(index == right for index in range(len(lengths))))


def test_an_option_more_than_twice_the_shortest_is_named_with_file_line_and_question() -> None:
    [problem] = question_problems(facts((20, 41, 30), right=1, line=12))
    assert problem.startswith("Doc file 'modules/01-a.md', line 12: in the question \"Who decides?\", one option has 41 characters and another only 20.")
    assert question_problems(facts((20, 40, 30), right=1)) == []


def test_a_page_may_have_the_right_option_clearly_longest_in_a_third_of_its_questions() -> None:
    clearly = facts((30, 40, 30), right=1, line=5, title="First?")
    not_clearly = facts((30, 35, 34), right=1, line=9)
    wrong_longest = facts((40, 30, 30), right=1, line=14)
    assert page_problems([clearly, not_clearly, wrong_longest], src_path="modules/01-a.md") == []
    [problem] = page_problems([clearly, facts((30, 40, 30), right=1, line=20, title="Second?"), wrong_longest], src_path="modules/01-a.md")
    assert problem.startswith("Doc file 'modules/01-a.md': in 2 of its 3 one-answer questions the right option is clearly the longest")
    assert 'line 5 "First?"' in problem and 'line 20 "Second?"' in problem


def test_several_right_answers_are_left_out_of_the_shares() -> None:
    several = OptionFacts("All?", "Doc file 'x.md', line 1", (10, 19, 10), (True, True, False))
    assert not several.single_answer and not several.right_is_longest()
    assert page_problems([several], src_path="x.md") == []


def test_across_the_course_the_right_option_is_the_longest_in_at_most_two_in_five() -> None:
    balanced = [facts((30, 31, 32), right=n % 3, line=n) for n in range(15)]
    assert course_problems(balanced) == []
    longest = [facts((30, 40, 31), right=1, line=n) for n in range(7)] + [facts((30, 30, 31), right=0, line=n) for n in range(8)]
    problems = course_problems(longest)
    assert any(problem.startswith("In 7 of the course's 15 one-answer questions the right option is the longest") for problem in problems)


def test_across_the_course_no_position_holds_more_than_45_percent_of_right_answers() -> None:
    same_place = [facts((30, 30, 30), right=0, line=n) for n in range(12)]
    [problem] = course_problems(same_place)
    assert problem.startswith("The right answer is option 1 in 12 of the course's 12 one-answer questions")
    assert position_spread(same_place) == {1: 12}


def test_a_small_site_is_too_small_for_the_course_wide_shares() -> None:
    assert course_problems([facts((30, 30, 30), right=0, line=n) for n in range(11)]) == []


def test_the_right_option_clearly_shortest_in_too_many_of_a_pages_questions_is_named_too() -> None:
    """Authors who learn not to make the right option the longest often make it the shortest (blind reader, round 2)."""
    shortest = [facts((40, 30, 40), right=1, line=line) for line in (5, 9)] + [facts((30, 31, 32), right=0, line=14)]
    [problem] = page_problems(shortest, src_path="modules/01-a.md")
    assert problem.startswith("Doc file 'modules/01-a.md': in 2 of its 3 one-answer questions the right option is clearly the shortest")
    assert "make a wrong option as short, or the right one longer" in problem


def test_across_the_course_the_right_option_is_the_shortest_in_at_most_two_in_five() -> None:
    shortest = [facts((40, 30, 41), right=1, line=n) for n in range(7)] + [facts((30, 31, 32), right=1, line=n) for n in range(8)]
    problems = course_problems(shortest)
    assert any(problem.startswith("In 7 of the course's 15 one-answer questions the right option is the shortest") for problem in problems)
    assert not any("the longest" in problem for problem in problems)
