"""Large print for the back of a room: no slide holds more than about six lines; the rest go on slides of their own."""

from __future__ import annotations

import math
from dataclasses import replace

from slides.content import Slide, Table

TITLE_POINTS = 40
TEXT_POINTS = 28
MAX_LINES = 6
# Characters on one line of 28pt text across the slide's text box (12.3 inches of Arial, with room to spare).
LINE_CHARACTERS = 52
# Characters on one line of a table cell, per inch of its column.
CHARACTERS_PER_INCH = 4.2
TEXT_WIDTH_INCHES = 12.3


def lines_of(text: str, characters: int = LINE_CHARACTERS) -> int:
    """How many lines a paragraph takes at 28pt in a box `characters` wide."""
    lines = 0
    line = 0
    for word in text.split():
        if line and line + 1 + len(word) > characters:
            lines += 1
            line = len(word)
        else:
            line += (1 if line else 0) + len(word)
    return lines + (1 if line else 0) or 1


def column_widths(table: Table, width: float = TEXT_WIDTH_INCHES) -> list[float]:
    """Columns in inches, filling the width: each wide enough for its longest word, the rest shared by how much each holds."""
    columns = len(table.header)
    cells = [[table.header[index], *(row[index] for row in table.rows if index < len(row))] for index in range(columns)]
    least = [(max(len(word) for cell in column for word in (cell.split() or [""])) + 1) / CHARACTERS_PER_INCH for column in cells]
    weights = [max(len(cell) for cell in column) ** 0.5 for column in cells]
    spare = max(0.0, width - sum(least))
    return [minimum + spare * weight / sum(weights) for minimum, weight in zip(least, weights)]


def row_lines(cells: tuple[str, ...], widths: list[float]) -> int:
    """How many lines a table row takes: its tallest cell."""
    return max(lines_of(cell, max(8, int(width * CHARACTERS_PER_INCH))) for cell, width in zip(cells, widths))


def _chunks(sizes: list[int], limit: int = MAX_LINES) -> list[list[int]]:
    """Indexes grouped so each group's sizes add to no more than `limit` (an item too big goes alone)."""
    groups: list[list[int]] = [[]]
    used = 0
    for index, size in enumerate(sizes):
        if groups[-1] and used + size > limit:
            groups.append([])
            used = 0
        groups[-1].append(index)
        used += size
    return [group for group in groups if group]


def _numbered(slide: Slide, parts: list[Slide]) -> list[Slide]:
    if len(parts) == 1:
        return parts
    return [replace(part, title=f"{slide.title} ({number} of {len(parts)})") for number, part in enumerate(parts, start=1)]


def split(slide: Slide) -> list[Slide]:
    """A slide as one or more slides of at most about six lines, titled "… (1 of 2)" when it takes more than one."""
    if slide.table is not None:
        widths = column_widths(slide.table)
        header = row_lines(slide.table.header, widths)
        sizes = [row_lines(row, widths) for row in slide.table.rows]
        groups = _chunks(sizes, MAX_LINES - header)
        return _numbered(slide, [replace(slide, table=Table(slide.table.header, tuple(slide.table.rows[i] for i in group)))
                                 for group in groups])
    groups = _chunks([lines_of(line) for line in slide.lines])
    if not groups:
        return [slide]
    return _numbered(slide, [replace(slide, lines=tuple(slide.lines[i] for i in group)) for group in groups])


def lay_out(slides: list[Slide]) -> list[Slide]:
    """Every slide split to fit, with titles made unique ("…, again" is the plan's; a second copy gets a number)."""
    laid_out = [part for slide in slides for part in split(slide)]
    seen: dict[str, int] = {}
    unique = []
    for slide in laid_out:
        count = seen.get(slide.title, 0) + 1
        seen[slide.title] = count
        unique.append(slide if count == 1 else replace(slide, title=f"{slide.title} ({count})"))
    return unique


def estimated_lines(slide: Slide) -> int:
    """How many lines of text a laid-out slide holds, as the split counts them."""
    if slide.table is not None:
        widths = column_widths(slide.table)
        return row_lines(slide.table.header, widths) + sum(row_lines(row, widths) for row in slide.table.rows)
    return sum(lines_of(line) for line in slide.lines)
