"""Unit tests for slides.layout: long slides split into numbered slides of at most six lines, titles unique."""

from __future__ import annotations

from slides.content import Slide, Table
from slides.layout import MAX_LINES, estimated_lines, lay_out, lines_of, split


def test_lines_of_counts_wrapped_lines() -> None:
    assert lines_of("short") == 1
    assert lines_of("word " * 30, characters=20) == 8


def test_a_long_slide_splits_into_numbered_slides_that_fit() -> None:
    slide = Slide("Steps", tuple(f"{number}. " + "do this thing " * 6 for number in range(1, 8)), notes="n")
    parts = split(slide)
    assert [part.title for part in parts] == [f"Steps ({number} of {len(parts)})" for number in range(1, len(parts) + 1)]
    assert all(estimated_lines(part) <= MAX_LINES for part in parts)
    assert [line for part in parts for line in part.lines] == list(slide.lines)
    assert all(part.notes == "n" for part in parts)


def test_a_short_slide_keeps_its_title() -> None:
    assert split(Slide("Welcome", ("Hello.",))) == [Slide("Welcome", ("Hello.",))]


def test_a_table_keeps_its_header_on_each_slide() -> None:
    table = Table(("Way", "Who decides"), tuple((f"Way {n}", "The organisation decides, mostly, " * 3) for n in range(4)))
    parts = split(Slide("Ways", table=table))
    assert len(parts) > 1
    assert all(part.table.header == table.header for part in parts)
    assert [row for part in parts for row in part.table.rows] == list(table.rows)
    assert all(estimated_lines(part) <= MAX_LINES for part in parts)


def test_lay_out_makes_repeated_titles_unique() -> None:
    titles = [slide.title for slide in lay_out([Slide("Close", ("a",)), Slide("Close", ("b",))])]
    assert titles == ["Close", "Close (2)"]
