"""Find the line in a Markdown file that a sentence from the rendered page came from."""

from __future__ import annotations

import bisect
import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
_MARKUP = re.compile(r"[*_`#>|\\]|^\s*(?:[-+*]|\d+\.)\s+(?:\[[ xX]\]\s*)?|^\s*!!!\s*\S+|^\s*\?\?\?\+?\s*\S+|<[^>]+>")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _normalise(text: str) -> str:
    return _NON_WORD.sub(" ", text.lower()).strip()


class SourceLines:
    """An index of a Markdown file's text, to map rendered sentences back to lines."""

    def __init__(self, markdown: str, first_line: int = 1) -> None:
        self.first_line = first_line
        pieces: list[str] = []
        self._starts: list[int] = []
        offset = 0
        for line in markdown.splitlines():
            plain = _MARKUP.sub(" ", _ATTRIBUTES.sub(" ", _REF_LINK.sub(r"\1", _LINK.sub(r"\1", line))))
            normal = _normalise(plain)
            self._starts.append(offset)
            pieces.append(normal)
            offset += len(normal) + 1
        self._text = " ".join(pieces)
        self._search_from = 0

    def line_of(self, text: str) -> int:
        """Return the 1-based line where the text starts (searching forward first), or the first line."""
        words = _normalise(text).split()
        for size in (8, 5, 3, 1):
            if len(words) < size and size != 1:
                continue
            needle = " ".join(words[:size])
            if not needle:
                break
            position = self._text.find(needle, self._search_from)
            if position < 0:
                position = self._text.find(needle)
            if position >= 0:
                self._search_from = position
                index = bisect.bisect_right(self._starts, position) - 1
                return self.first_line + max(index, 0)
        return self.first_line
