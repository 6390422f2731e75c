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
    keywords: tuple[str, ...] = field(default=("co-production", "older people", "large print"))

    @property
    def filename(self) -> str:
        """The PDF's file name in `downloads/`."""
        return f"{self.slug}.pdf"


MODULES = ("modules/*.md",)
ACTIVITIES = ("activities/*.md",)
ACTIVITY_INDEX = ("activities/index.md",)

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
    ),
    Pack(
        slug="activity-handouts",
        title="Activity handouts",
        description="Each activity on its own pages, without the trainer's notes, so you can print just what a session needs.",
        parts=(
            Part("Activities for session 1", ACTIVITIES, session=1, exclude=ACTIVITY_INDEX),
            Part("Activities for session 2", ACTIVITIES, session=2, exclude=ACTIVITY_INDEX),
        ),
    ),
    Pack(
        slug="trainers-guide",
        title="Trainer's guide",
        description="For trainers: the trainer's guide, the two session plans, and every activity with its notes for the trainer.",
        parts=(
            Part("Running the course", ("trainers/*.md",)),
            Part("Activities", ACTIVITIES),
        ),
        for_trainers=True,
    ),
)


def pages_in_parts(pack: Pack, pages: list[SourcePage]) -> list[tuple[Part, list[SourcePage]]]:
    """Each part of `pack` with its pages, in the order of `pages` (the menu order); empty parts left out."""
    grouped = [(part, [page for page in pages if part.matches(page)]) for part in pack.parts]
    return [(part, chosen) for part, chosen in grouped if chosen]
