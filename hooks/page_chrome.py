"""Small changes to page HTML that make the site easier to use with a keyboard."""

from __future__ import annotations

import re

_FIRST_H1 = re.compile(r"<h1(?![^>]*\btabindex=)([^>]*)>")


def focusable_heading(html: str) -> str:
    """Let the "Skip to content" link move keyboard focus to the page's main heading."""
    return _FIRST_H1.sub(r'<h1\1 tabindex="-1">', html, count=1)
