"""A module page cut down to its talk notes, for the "Talk notes" parts of the trainer's guide.

Each module has one `!!! trainer "Talk notes for the trainer"` box: the points,
what to show and what to ask the room in its short talk. The session plans'
"Short talk" rows link to the module; in the trainer's guide those links lead
to the module's talk notes, printed in session order. The slides read the same
boxes (hooks/slides/), so paper, slides and web page say the same thing.
"""

from __future__ import annotations

from bs4 import Tag

from print_packs.handouts import keep_heading_and

TALK_NOTES_TITLE = "Talk notes for the trainer"
_BOXES = "div.admonition.trainer"


def talk_notes_boxes(root: Tag) -> list[Tag]:
    """The page's talk-notes boxes (a trainer box titled "Talk notes for the trainer"), in order."""
    boxes = []
    for box in root.select(_BOXES):
        title = box.select_one(".admonition-title")
        if title is not None and " ".join(title.get_text(" ", strip=True).split()) == TALK_NOTES_TITLE:
            boxes.append(box)
    return boxes


def keep_only_talk_notes(root: Tag) -> int:
    """Reduce a page to its main heading and its talk notes, in order; return how many boxes it had."""
    boxes = talk_notes_boxes(root)
    keep_heading_and(root, boxes)
    return len(boxes)
