"""The slides for each session: one PowerPoint deck and one PDF a session, made from the course's own pages.

`content.py` reads a session plan's table (from the pages `course_pages.COLLECTED`
holds) and, row by row, the parts it names: the module's talk notes ("What to show",
"Ask the room"), the activity's steps and timings, the questions named on
"Questions in the room" and any "Think about it" box a row links to. `layout.py`
splits what does not fit large print (about six lines a slide) across slides with
titles like "… (2 of 2)". `deck.py` writes the .pptx with python-pptx, and
`pdf.py` has LibreOffice Impress turn every deck into a PDF in one run. No `mkdocs`
import: `slides_hook.py` is the thin MkDocs glue.
"""

from __future__ import annotations

# Where the decks go under the site's folder, and their names, one per session plan.
FOLDER = "downloads/slides"


def deck_stem(session: int) -> str:
    """A session's deck's file name without its ending: "session-1-slides"."""
    return f"session-{session}-slides"
