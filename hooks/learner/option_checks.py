"""Clues a question's options must not give: the checks authors cannot easily make by eye.

A reader who has not taken the course should do no better than chance. The
commonest give-aways, from the item-writing guidelines in docs/authors/guide.md
(Haladyna, Downing and Rodriguez 2002), are an option much longer than the
others, the right one being the longest again and again, and the right one in
the same place. The build shuffles the options (option_order.py); these rules
catch the rest, for one question, one page and the whole course.
Lengths are counted in characters of the words a learner sees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# No option may be more than this many times as long as the shortest in its question.
MAX_LENGTH_RATIO = 2.0
# A right option is "the longest by a clear margin" when it is this much longer than every wrong one.
CLEAR_MARGIN = 1.2
# On one page, at most this share of single-answer questions may have such a right option.
MAX_PAGE_SHARE_CLEARLY_LONGEST = 1 / 3
# Across the course, the right option may be the longest in at most this share of single-answer questions, and
# the shortest in at most the same share (authors who learn the first rule tend to make the right option the shortest)...
MAX_COURSE_SHARE_LONGEST = 0.40
# ...and no position may hold more than this share of the right answers.
MAX_COURSE_SHARE_ONE_POSITION = 0.45
# Below this many single-answer questions the course-wide shares say more about chance than about the
# writing (a small test site with three questions), so the course-wide rules wait for this many.
MIN_QUESTIONS_FOR_COURSE_RULES = 12


@dataclass(frozen=True)
class OptionFacts:
    """What the checks need to know of one question, in the order its options are shown."""

    title: str
    where: str  # "Doc file 'modules/01-x.md', line 12"
    lengths: tuple[int, ...]
    rights: tuple[bool, ...]

    @property
    def single_answer(self) -> bool:
        return sum(self.rights) == 1

    @property
    def right_position(self) -> int:
        return self.rights.index(True)

    def _right_and_wrong_lengths(self) -> tuple[int, list[int]] | None:
        if not self.single_answer or len(self.lengths) < 2:
            return None
        wrong = [length for length, is_right in zip(self.lengths, self.rights) if not is_right]
        return self.lengths[self.right_position], wrong

    def right_is_longest(self, margin: float = 1.0) -> bool:
        """Whether the right option is longer than every wrong one (times the margin)."""
        lengths = self._right_and_wrong_lengths()
        return lengths is not None and lengths[0] > max(lengths[1]) * margin

    def right_is_shortest(self, margin: float = 1.0) -> bool:
        """Whether the right option is shorter than every wrong one (divided by the margin)."""
        lengths = self._right_and_wrong_lengths()
        return lengths is not None and lengths[0] * margin < min(lengths[1])


def _short(title: str) -> str:
    return title if len(title) <= 70 else title[:67].rstrip() + "…"


def question_problems(facts: OptionFacts) -> list[str]:
    """What is wrong with one question's options: one much longer than the shortest."""
    if len(facts.lengths) < 2:
        return []
    shortest, longest = min(facts.lengths), max(facts.lengths)
    if longest > MAX_LENGTH_RATIO * max(shortest, 1):
        return [f'{facts.where}: in the question "{_short(facts.title)}", one option has {longest} characters and another only '
                f"{shortest}. A much longer option stands out as the answer. Make the options about the same length "
                f"(the longest at most {MAX_LENGTH_RATIO:g} times the shortest): shorten the long one or add detail to the short one."]
    return []


def page_problems(questions: Sequence[OptionFacts], *, src_path: str) -> list[str]:
    """What is wrong across one page: the right option clearly the longest, or clearly the shortest, in too many questions."""
    single = [facts for facts in questions if facts.single_answer]
    problems = []
    for extreme, test, fix in (
            ("longest", lambda facts: facts.right_is_longest(CLEAR_MARGIN), "make a wrong option as long, or the right one shorter"),
            ("shortest", lambda facts: facts.right_is_shortest(CLEAR_MARGIN), "make a wrong option as short, or the right one longer")):
        found = [facts for facts in single if test(facts)]
        if len(found) <= MAX_PAGE_SHARE_CLEARLY_LONGEST * len(single):
            continue
        listed = "; ".join(f'{facts.where.split(", ")[-1]} "{_short(facts.title)}"' for facts in found)
        problems.append(f"Doc file '{src_path}': in {len(found)} of its {len(single)} one-answer questions the right option is "
                        f"clearly the {extreme} ({listed}). Learners learn to pick the {extreme}. Allow it in at most a third of them: "
                        f"{fix}.")
    return problems


def course_problems(questions: Iterable[OptionFacts]) -> list[str]:
    """What is wrong across the course: the right option the longest too often, or too often in one place."""
    single = [facts for facts in questions if facts.single_answer]
    if len(single) < MIN_QUESTIONS_FOR_COURSE_RULES:
        return []
    problems = []
    for extreme, found in (("longest", [facts for facts in single if facts.right_is_longest()]),
                           ("shortest", [facts for facts in single if facts.right_is_shortest()])):
        if len(found) > MAX_COURSE_SHARE_LONGEST * len(single):
            listed = "; ".join(f'{facts.where} "{_short(facts.title)}"' for facts in found)
            problems.append(f"In {len(found)} of the course's {len(single)} one-answer questions the right option is the {extreme} "
                            f"(at most {MAX_COURSE_SHARE_LONGEST:.0%} may be). Make a wrong option the {extreme} in some of these: {listed}.")
    positions = Counter(facts.right_position for facts in single)
    position, count = positions.most_common(1)[0]
    if count > MAX_COURSE_SHARE_ONE_POSITION * len(single):
        problems.append(f"The right answer is option {position + 1} in {count} of the course's {len(single)} one-answer questions "
                        f"(at most {MAX_COURSE_SHARE_ONE_POSITION:.0%} may be). The build chooses the order "
                        f"(hooks/learner/option_order.py), so this is a fault in the build: please report it.")
    return problems


def position_spread(questions: Iterable[OptionFacts]) -> dict[int, int]:
    """How many single-answer questions have their right option in each position (1 is first)."""
    counts = Counter(facts.right_position + 1 for facts in questions if facts.single_answer)
    return dict(sorted(counts.items()))
