"""The reading time under each page's title, handed on as a value to the steps after it ("Listen").

`readability_hook.py` writes the paragraph and records it in `SHOWN`; the learner
step reads `SHOWN` to put "Listen to this page" under it, rather than searching
the page for the paragraph's class.
"""

from __future__ import annotations

# Each page's reading-time paragraph in this build, by its Markdown file (src_uri).
SHOWN: dict[str, str] = {}


def reading_time_html(label: str) -> str:
    """The paragraph that shows a page's reading time."""
    return f'<p class="app-reading-time">{label}</p>'


def under_title(html: str, paragraph: str) -> str:
    """`paragraph` straight after the main heading, or at the top of a page without one."""
    head, found, tail = html.partition("</h1>")
    return head + found + paragraph + tail if found else paragraph + html
