"""Find runs of words that stand on two course pages: each story and quotation is told once.

The second edition tells each story in full in one place and links to it
elsewhere, so a run of ten or more identical words on two pages is a sign that
text was copied. Headings and the `## Sources` list (where the same citation
rightly stands on many pages) are left out; quotations are not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

RUN_LENGTH = 10

_WORD = re.compile(r"[a-z0-9£%]+(?:['’][a-z]+)*|\|")
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_SOURCES = re.compile(r"^\s{0,3}##\s+Sources\b", re.IGNORECASE)
_SECTION = re.compile(r"^\s{0,3}##\s")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*(?:\"(?P<title>.*)\")?\s*$")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
# A link to another course page reads as that page's title, which is a heading: it breaks a run.
_PAGE_LINK = re.compile(r"\[[^\]]*\]\((?![a-z]+:)[^)]*\)")
_BREAK = "|"
_ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
# A line that is only a bold label, such as "**Points to make:**", is a heading in all but name.
_LABEL = re.compile(r"^\s*\*\*[^*]+\*\*\s*$")
_TASK_BOX = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Place:
    """Where a run stands: the Markdown file and its line."""

    src_path: str
    line: int


@dataclass(frozen=True)
class RepeatedRun:
    """A run of words found on two pages."""

    words: str
    first: Place
    second: Place

    @property
    def length(self) -> int:
        """How many words the run has."""
        return len(self.words.split())


def reading_words(markdown: str, *, first_line: int = 1) -> list[tuple[str, int]]:
    """The words a reader reads in a page's Markdown, lower-cased, each with its line number.

    `markdown` is the page without its front matter; `first_line` is the line it starts on in the file.
    """
    words: list[tuple[str, int]] = []
    in_fence = in_sources = False
    lines = _HTML_COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), markdown).splitlines()
    # A table's header row is its headings: left out, like the page's headings.
    table_headers = {index - 1 for index, line in enumerate(lines) if index and _TABLE_RULE.match(line)}
    for index, line in enumerate(lines):
        number = first_line + index
        if index in table_headers or _TABLE_RULE.match(line):
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if _SECTION.match(line):
            in_sources = bool(_SOURCES.match(line))
        if in_sources:
            continue
        if _HEADING.match(line) or _LABEL.match(line):
            words.append((_BREAK, number))
            continue
        admonition = _ADMONITION.match(line)
        if admonition:
            # A box's title is read, but it stands alone, like a heading.
            line = f"{_BREAK} {admonition.group('title') or ''} {_BREAK}"
        line = _PAGE_LINK.sub(f" {_BREAK} ", _TASK_BOX.sub(" ", line if admonition else line.replace("|", " ")))
        line = _ATTRIBUTES.sub(" ", _LINK_TARGET.sub("]", _TAG.sub(" ", line)))
        words.extend((word, number) for word in _WORD.findall(line.lower().replace("’", "'")))
    return words


def repeated_runs(pages: dict[str, list[tuple[str, int]]], *, length: int = RUN_LENGTH) -> list[RepeatedRun]:
    """Every longest run of `length` or more words that two different pages share, once per pair of places."""
    index: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
    for src_path, words in pages.items():
        plain = [word for word, _ in words]
        for start in range(len(plain) - length + 1):
            window = tuple(plain[start:start + length])
            if _BREAK not in window:
                index[window].append((src_path, start))

    # Pairs of starting positions on two pages, grouped so that neighbouring
    # windows (the same run, one word on) join into one longer run.
    matches: set[tuple[str, int, str, int]] = set()
    for places in index.values():
        for i, (path_a, start_a) in enumerate(places):
            for path_b, start_b in places[i + 1:]:
                if path_a != path_b:
                    first, second = sorted([(path_a, start_a), (path_b, start_b)])
                    matches.add((*first, *second))

    runs: list[RepeatedRun] = []
    for path_a, start_a, path_b, start_b in sorted(matches):
        if (path_a, start_a - 1, path_b, start_b - 1) in matches:
            continue  # Inside a run that started one word earlier.
        extra = 0
        while (path_a, start_a + extra + 1, path_b, start_b + extra + 1) in matches:
            extra += 1
        words_a = pages[path_a]
        text = " ".join(word for word, _ in words_a[start_a:start_a + length + extra])
        runs.append(RepeatedRun(text, Place(path_a, words_a[start_a][1]), Place(path_b, pages[path_b][start_b][1])))
    return runs


def repeat_message(run: RepeatedRun) -> str:
    """A message naming both files and lines, and what to do."""
    return (
        f"Doc file '{run.second.src_path}', line {run.second.line}: {run.length} words in a row also stand in "
        f"'{run.first.src_path}', line {run.first.line}: \"{run.words}\". Tell each story or quotation once, "
        "where it belongs, and link to it from the other page, or say it in new words."
    )
