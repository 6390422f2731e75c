"""An activity page cut down to what participants hold: its title and its `div.app-handout`.

Authors write each activity's handout once, on the activity page, under
"## Your handout" in `<div class="app-handout" markdown>`. The trainer's guide
prints the whole page; a learner's pack prints only the handout, so nothing
meant for the trainer (Purpose, Time needed, Group size, steps, access notes,
trainer boxes, cards) reaches participants.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

HANDOUT = "div.app-handout"
NO_HANDOUT = "This activity has no handout to print. Your trainer will explain what to do."


def keep_heading_and(root: Tag, parts: list[Tag]) -> None:
    """Empty a page but for its main heading (`h1`) and `parts`, in that order.

    Both cut-down pages use it: a learner's handouts (here) and the trainer's talk notes (talk_notes.py)."""
    heading = root.find("h1")
    for part in parts:
        part.extract()
    if heading is not None:
        heading.extract()
    for child in list(root.contents):
        child.extract()
    if heading is not None:
        root.append(heading)
    for part in parts:
        root.append(part)


def keep_only_handouts(root: BeautifulSoup) -> int:
    """Reduce a page to its main heading and its handouts, in order; return how many handouts it had.

    A page with no handout keeps its heading and one plain sentence, so the pack's
    contents still list it and nobody is handed the trainer's page by mistake.
    """
    handouts = [handout for handout in root.select(HANDOUT) if handout.find_parent("div", class_="app-handout") is None]
    keep_heading_and(root, handouts)
    if not handouts:
        note = root.new_tag("p", attrs={"class": "app-pack__no-handout"})
        note.string = NO_HANDOUT
        root.append(note)
    return len(handouts)

