"""One honest time for a module: its reading time plus time for its questions and its "Think about it" box.

A module's front matter `time` is the whole time it takes a learner on their own.
The build shows it under the title, split into reading and the rest
("About 35 minutes: 18 to read, 17 for the questions and the 'Think about it' box"),
and checks that it is close to what the page's length and questions add up to.
"""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup

from .metrics import reading_minutes

MINUTES_PER_QUESTION = 3
MINUTES_PER_THINK_BOX = 5
# How far the stated time may be from the worked-out one: authors round to a tidy number.
TOLERANCE_MINUTES = 2


@dataclass(frozen=True)
class ModuleTime:
    """What a module's time is made of."""

    stated: int
    reading: int
    questions: int
    think_boxes: int

    @property
    def expected(self) -> int:
        """The time the page's length and parts add up to."""
        return self.reading + MINUTES_PER_QUESTION * self.questions + MINUTES_PER_THINK_BOX * self.think_boxes

    @property
    def is_honest(self) -> bool:
        """Whether the stated time is within the tolerance of the worked-out one."""
        return abs(self.stated - self.expected) <= TOLERANCE_MINUTES


def count_boxes(html: str) -> tuple[int, int]:
    """How many "Check your understanding" questions and "Think about it" boxes a page's HTML has."""
    soup = BeautifulSoup(html, "html.parser")
    return len(soup.select("div.admonition.question")), len(soup.select("div.admonition.reflect"))


def module_time(html: str, *, stated: int, words: int, words_per_minute: int) -> ModuleTime:
    """A module's time, from its stated minutes, its word count and its boxes."""
    questions, think_boxes = count_boxes(html)
    return ModuleTime(stated=stated, reading=reading_minutes(words, words_per_minute), questions=questions,
                      think_boxes=think_boxes)


def module_time_label(time: ModuleTime) -> str:
    """The one line under a module's title, for example "About 35 minutes: 18 to read, 17 for the questions and the 'Think about it' box"."""
    rest = time.stated - time.reading
    return (f"About {time.stated} minutes: {time.reading} to read, {rest} for the questions "
            f"and the 'Think about it' box")


def module_time_problem(time: ModuleTime, *, words_per_minute: int) -> str | None:
    """What to change when the stated time is not within the tolerance of the worked-out one (None when it is)."""
    if time.is_honest:
        return None
    questions = "the question" if time.questions == 1 else f"each of the {time.questions} questions"
    boxes = "the 'Think about it' box" if time.think_boxes == 1 else f"each of the {time.think_boxes} 'Think about it' boxes"
    return (f"'time' is {time.stated}, but the module takes about {time.expected} minutes: {time.reading} to read "
            f"at {words_per_minute} words a minute, {MINUTES_PER_QUESTION} for {questions} and "
            f"{MINUTES_PER_THINK_BOX} for {boxes}. Change it to time: {time.expected} "
            f"(within {TOLERANCE_MINUTES} minutes of that is fine).")
