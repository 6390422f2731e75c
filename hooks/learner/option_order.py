"""The order a question's options are shown in: chosen by the build, the same on every build.

Authors tend to write the right answer last, or longest. So the build, not the
author, decides the order, on screen and on paper alike (the packs and the
SCORM package are made from the same page HTML):

- the wrong options are shuffled by a random generator seeded with the
  question's id, so the order is the same on every build and on every machine
  (a SHA-256 digest, not Python's `hash()`, which changes from run to run);
- the right option of each single-answer question goes to a position drawn
  from a shuffled "bag" of positions for its page: every position is used once
  before any is used twice. So on every page, and across the course, the right
  answer falls in each position about equally, and position tells a learner nothing.

Questions with several right answers are simply shuffled.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence


def seeded_random(*parts: str) -> random.Random:
    """A random generator that gives the same numbers for the same words, on any machine and any run."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


class PositionBag:
    """Where the right options go on one page: each position once before any position twice."""

    def __init__(self, page_id: str) -> None:
        self.page_id = page_id
        self._left: dict[int, list[int]] = {}
        self._rounds: dict[int, int] = {}

    def next_position(self, option_count: int) -> int:
        """The position (0 is first) for the next single-answer question with this many options."""
        left = self._left.setdefault(option_count, [])
        if not left:
            round_number = self._rounds.get(option_count, 0)
            self._rounds[option_count] = round_number + 1
            positions = list(range(option_count))
            seeded_random(self.page_id, str(option_count), str(round_number)).shuffle(positions)
            left.extend(positions)
        return left.pop(0)


def shown_order(question_id: str, rights: Sequence[bool], bag: PositionBag) -> list[int]:
    """The authored options' indexes (0 is the first written) in the order the learner sees them."""
    order = list(range(len(rights)))
    seeded_random(question_id).shuffle(order)
    if sum(rights) != 1:
        return order
    right = list(rights).index(True)
    order.remove(right)
    order.insert(bag.next_position(len(rights)), right)
    return order
