"""A module's core reading: the words a learner must read, without the parts they may skip.

Core reading is the module page without the trainer's notes (`!!! trainer`), the
question boxes (`!!! question`), the "Think about it" boxes (`!!! reflect`), and
the sections headed "Check your understanding", "Think about it", "Going further…",
"Activities for this module", "What comes next" and "Sources". The build reports
each module's core words and warns (so `--strict` stops) when one is over
`extra.readability.core_words_limit`.

Measure files without building: `python -m readability --core-words docs/modules/*.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import words

# Sections a learner may skip: a heading starting with one of these, up to the next heading as high or higher.
SKIPPED_SECTIONS = (
    "check your understanding",
    "think about it",
    "going further",
    "activities for this module",
    "what comes next",
    "sources",
)
# Boxes a learner may skip, wherever they stand.
SKIPPED_BOXES = frozenset({"trainer", "question", "reflect"})

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_BOX = re.compile(r"^([ \t]*)(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)")
_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_TARGET = re.compile(r"(\]\([^)]*\))|(\]\[[^\]]*\])")
_ATTRIBUTES = re.compile(r"\{[ \t]*[:#.][^}]*\}")
_TAG = re.compile(r"<[^>]+>")
_BOX_LINE = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*")


@dataclass(frozen=True)
class CoreReading:
    """A module's core words, and its words in all."""

    core_words: int
    total_words: int


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def core_markdown(markdown: str) -> str:
    """The page's Markdown with the skippable sections and boxes taken out."""
    kept: list[str] = []
    skip_level: int | None = None  # inside a skipped section whose heading has this level
    box_indent: int | None = None  # inside a skipped box opened at this indent
    in_fence = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        if box_indent is not None:
            if not line.strip() or _indent(line) > box_indent:
                continue
            box_indent = None
        if heading:
            level = len(heading.group(1))
            if skip_level is not None and level <= skip_level:
                skip_level = None
            if skip_level is None and heading.group(2).strip().lower().startswith(SKIPPED_SECTIONS):
                skip_level = level
        if skip_level is not None:
            continue
        box = None if in_fence else _BOX.match(line)
        if box and box.group(2).lower() in SKIPPED_BOXES:
            box_indent = _indent(line)
            continue
        kept.append(line)
    return "\n".join(kept)


def count_words(markdown: str) -> int:
    """The words a reader reads in Markdown: link text but not link targets, no tags, comments or attributes."""
    text = _COMMENT.sub(" ", markdown)
    text = _LINK_TARGET.sub("]", text)
    text = _ATTRIBUTES.sub(" ", text)
    text = _TAG.sub(" ", text)
    # A box's type word ("!!! note") is not read; its quoted title is.
    text = "\n".join(_BOX_LINE.sub(" ", line) for line in text.splitlines())
    return len(words(text))


def core_reading(markdown: str) -> CoreReading:
    """Count a module page's core words and all its words (front matter already removed)."""
    return CoreReading(core_words=count_words(core_markdown(markdown)), total_words=count_words(markdown))


def core_words_message(path: str, reading: CoreReading, limit: int | None) -> str:
    """The build's one line for a module, for example "Doc file 'modules/01-x.md': 1150 words of core reading (1900 in all; limit 1200)"."""
    limit_text = f"; limit {limit}" if limit is not None else ""
    return f"Doc file '{path}': {reading.core_words} words of core reading ({reading.total_words} in all{limit_text})"


def core_words_problem(path: str, reading: CoreReading, limit: int | None) -> str | None:
    """What to do when a module's core reading is over the limit (None when it is within it)."""
    if limit is None or reading.core_words <= limit:
        return None
    return (f"Doc file '{path}': core reading is {reading.core_words} words, over the limit of {limit} "
            f"(extra.readability.core_words_limit in mkdocs.yml) by {reading.core_words - limit}. Cut words, or move "
            f"material no question needs into a section headed \"Going further\", which is not core reading.")
