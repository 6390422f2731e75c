"""Which course pages go into which printable pack, and in what order."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourcePage:
    """One built course page: where it came from, its address, title, front matter and finished HTML."""

    src_uri: str
    url: str
    title: str
    meta: dict[str, Any]
    html: str


@dataclass(frozen=True)
class Part:
    """A titled group of pages in a pack; `title=None` puts the pages at the top level."""

    title: str | None
    patterns: tuple[str, ...]
    session: int | None = None
    exclude: tuple[str, ...] = ()
    # Module pages give only their heading and talk notes (print_packs/talk_notes.py): for the trainer's guide.
    talk_notes_only: bool = False

    def rank(self, page: SourcePage) -> int:
        """The position of the first pattern `page` matches: a part lists its pages in the order of its patterns."""
        return next((index for index, pattern in enumerate(self.patterns) if fnmatch.fnmatch(page.src_uri, pattern)), len(self.patterns))

    def matches(self, page: SourcePage) -> bool:
        """Whether `page` belongs in this part."""
        if any(fnmatch.fnmatch(page.src_uri, pattern) for pattern in self.exclude):
            return False
        if not any(fnmatch.fnmatch(page.src_uri, pattern) for pattern in self.patterns):
            return False
        return self.session is None or page.meta.get("session") == self.session


@dataclass(frozen=True)
class Pack:
    """A printable pack: its file, its name, who it is for and its parts."""

    slug: str
    title: str
    description: str
    parts: tuple[Part, ...]
    for_trainers: bool = False
    answers_at_back: bool = False
    # Activity pages give only their title and handout (print_packs/handouts.py): for participants.
    handouts_only: bool = False
    # Only the `!!! card` boxes of the pages, laid out as sheets to cut (print_packs/cards.py).
    cards_only: bool = False
    keywords: tuple[str, ...] = field(default=("co-production", "older people", "large print"))

    @property
    def filename(self) -> str:
        """The PDF's file name in `downloads/`."""
        return f"{self.slug}.pdf"


MODULES = ("modules/*.md",)
ACTIVITIES = ("activities/*.md",)
ACTIVITY_INDEX = ("activities/index.md",)
# The trainers' page with the A, B, C and D cards for voting on a question in the room.
QUESTIONS_IN_THE_ROOM = "trainers/questions-in-the-room.md"
# The trainer's pages in the order a trainer uses them: the guide, the plans, the forms
# to print for the day, then the guidance to read before it. A new page not named here
# goes last (the final "trainers/*.md").
TRAINER_GUIDE_AND_PLANS = ("trainers/index.md", "trainers/session-*-plan.md", QUESTIONS_IN_THE_ROOM)
TRAINER_FORMS = tuple(f"trainers/{name}.md" for name in (
    "sign-in-sheet", "ground-rules", "before-and-after", "feedback-form", "expenses-form", "certificate-of-attendance"))
TRAINER_GUIDANCE = tuple(f"trainers/{name}.md" for name in (
    "safeguarding", "recruiting-participants", "paying-for-time-and-expenses", "co-delivering", "adapting-for-access-needs"))
# The trainer's guide's parts that hold each session's talk notes, in the order the plans use them.
TALK_NOTES_PARTS = {1: "Talk notes for session 1", 2: "Talk notes for session 2"}
TRAINER_PAGES = (*TRAINER_GUIDE_AND_PLANS, *TRAINER_FORMS, *TRAINER_GUIDANCE, "trainers/*.md")

PACKS: tuple[Pack, ...] = (
    Pack(
        slug="learners-handbook",
        title="Learner's handbook",
        description="All ten modules, the end-of-course check, the case studies, the glossary and the sources. "
        "The answers to the questions are at the back, and there are lines to write on.",
        parts=(
            Part(None, ("index.md",)),
            Part("Session 1: Understanding co-production", MODULES, session=1),
            Part("Session 2: Doing co-production", MODULES, session=2),
            Part(None, ("check.md",)),
            Part("Case studies", ("case-studies/*.md",)),
            Part(None, ("glossary.md",)),
            Part(None, ("sources.md",)),
        ),
        answers_at_back=True,
    ),
    Pack(
        slug="session-1-pack",
        title="Session 1 pack",
        description="For learners at session 1: modules 1 to 5, the handouts for the session's activities, and the glossary.",
        parts=(
            Part("Session 1: Understanding co-production", MODULES, session=1),
            Part("Activities for session 1", ACTIVITIES, session=1, exclude=ACTIVITY_INDEX),
            Part(None, ("glossary.md",)),
        ),
        answers_at_back=True,
        handouts_only=True,
    ),
    Pack(
        slug="session-2-pack",
        title="Session 2 pack",
        description="For learners at session 2: modules 6 to 10, the handouts for the session's activities, and the glossary.",
        parts=(
            Part("Session 2: Doing co-production", MODULES, session=2),
            Part("Activities for session 2", ACTIVITIES, session=2, exclude=ACTIVITY_INDEX),
            Part(None, ("glossary.md",)),
        ),
        answers_at_back=True,
        handouts_only=True,
    ),
    Pack(
        slug="activity-handouts",
        title="Activity handouts",
        description="Each activity's handout on its own pages: the task and the sheet to fill in, for the people taking part.",
        parts=(
            Part("Activities for session 1", ACTIVITIES, session=1, exclude=ACTIVITY_INDEX),
            Part("Activities for session 2", ACTIVITIES, session=2, exclude=ACTIVITY_INDEX),
        ),
        handouts_only=True,
    ),
    Pack(
        slug="cards-to-cut-out",
        title="Cards to cut out",
        description="Every card the activities use, four or six to a sheet with dashed lines to cut along. "
        "Each card names its activity, so sets do not get mixed.",
        parts=(Part("Cards to cut out", (*ACTIVITIES, QUESTIONS_IN_THE_ROOM), exclude=ACTIVITY_INDEX),),
        cards_only=True,
    ),
    Pack(
        slug="trainers-guide",
        title="Trainer's guide",
        description="For trainers: the trainer's guide, the two session plans, the forms to print, the guidance, "
        "the talk notes for each session's short talks, and every activity with its notes for the trainer.",
        parts=(
            Part("Running the course", TRAINER_PAGES),
            Part(TALK_NOTES_PARTS[1], MODULES, session=1, talk_notes_only=True),
            Part(TALK_NOTES_PARTS[2], MODULES, session=2, talk_notes_only=True),
            Part("Activities", ACTIVITIES),
        ),
        for_trainers=True,
    ),
)


def pages_in_parts(pack: Pack, pages: list[SourcePage]) -> list[tuple[Part, list[SourcePage]]]:
    """Each part of `pack` with its pages, in the order of the part's patterns, then of `pages` (the menu order); empty parts left out."""
    grouped = [(part, sorted((page for page in pages if part.matches(page)), key=part.rank)) for part in pack.parts]
    return [(part, chosen) for part, chosen in grouped if chosen]
