"""The .pptx file: large print, the course's colours, text in the layout's placeholders, the talk notes as speaker notes.

Written with python-pptx from python-pptx's own default template (its layouts are
PowerPoint's: "Title Slide", "Title and Content", "Title Only"), so PowerPoint's
accessibility checker finds each slide's title in its title placeholder, the text in
the body placeholder, in reading order, and tables with a header row.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from slides.content import Deck, Slide
from slides.layout import TEXT_POINTS, TITLE_POINTS, TEXT_WIDTH_INCHES, column_widths

# The course's light scheme (overrides/assets/stylesheets/app-colours.css): text, header and page colours.
TEXT_COLOUR = "0b0c0c"
TITLE_COLOUR = "0b2e59"
BACKGROUND = "ffffff"
HEADER_TEXT = "ffffff"
FONT = "Arial"
LANGUAGE = "en-GB"
# Layouts of python-pptx's default template, by their names.
TITLE_SLIDE, TITLE_AND_CONTENT, TITLE_ONLY = "Title Slide", "Title and Content", "Title Only"
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_HEIGHT = Inches(1.7)


@dataclass(frozen=True)
class Colours:
    """The deck's colours as six hex digits: titles and table headers take the brand colour in a branded build."""

    text: str = TEXT_COLOUR
    title: str = TITLE_COLOUR
    background: str = BACKGROUND


def _layout(presentation: Presentation, name: str):
    return next(layout for layout in presentation.slide_layouts if layout.name == name)


def _style(paragraph, points: int, colour: str, *, bold: bool = False) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(points)
        run.font.name = FONT
        run.font.bold = bold
        run.font.color.rgb = RGBColor.from_string(colour)
        run.font._rPr.set("lang", LANGUAGE)


def _fill_text(frame, lines: tuple[str, ...], points: int, colour: str, *, bold: bool = False, bullets: bool = False) -> None:
    """Put `lines` in a text frame, one paragraph each, in large print that never shrinks."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.clear()
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(8)
        if not bullets:
            # No bullet: the course's lists already carry their own numbers or are single points.
            properties = paragraph._p.get_or_add_pPr()
            properties.set("marL", "0")
            properties.set("indent", "0")
            properties.insert(0, properties.makeelement(qn("a:buNone"), {}))
        _style(paragraph, points, colour, bold=bold)


def _place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = left, top, width, height


def _title(slide, text: str, colours: Colours) -> None:
    title = slide.shapes.title
    _place(title, MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, TITLE_HEIGHT)
    _fill_text(title.text_frame, (text,), TITLE_POINTS, colours.title, bold=True)


def _body_top() -> Emu:
    return Inches(0.3) + TITLE_HEIGHT + Inches(0.1)


def _add_table(slide, slide_content: Slide, colours: Colours) -> None:
    table_data = slide_content.table
    widths = column_widths(table_data, TEXT_WIDTH_INCHES)
    rows = len(table_data.rows) + 1
    frame = slide.shapes.add_table(rows, len(table_data.header), MARGIN, _body_top(), WIDTH - 2 * MARGIN, Inches(0.6) * rows)
    frame.name = f"Table: {slide_content.title}"
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    for index, width in enumerate(widths):
        table.columns[index].width = Inches(width)
    for row_index, cells in enumerate((table_data.header, *table_data.rows)):
        for column, words in enumerate(cells):
            cell = table.cell(row_index, column)
            header = row_index == 0
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(colours.title if header else colours.background)
            _fill_text(cell.text_frame, (words,), TEXT_POINTS, HEADER_TEXT if header else colours.text, bold=header)


def add_slide(presentation: Presentation, content: Slide, colours: Colours, *, first: bool = False) -> None:
    """One slide: title placeholder, then the text in the body placeholder (or a table), then the speaker notes."""
    if first:
        slide = presentation.slides.add_slide(_layout(presentation, TITLE_SLIDE))
        _title(slide, content.title, colours)
        subtitle = slide.placeholders[1]
        _place(subtitle, MARGIN, _body_top() + Inches(0.5), WIDTH - 2 * MARGIN, Inches(3))
        _fill_text(subtitle.text_frame, content.lines, TEXT_POINTS, colours.text)
    elif content.table is not None:
        slide = presentation.slides.add_slide(_layout(presentation, TITLE_ONLY))
        _title(slide, content.title, colours)
        _add_table(slide, content, colours)
    else:
        slide = presentation.slides.add_slide(_layout(presentation, TITLE_AND_CONTENT))
        _title(slide, content.title, colours)
        body = slide.placeholders[1]
        _place(body, MARGIN, _body_top(), WIDTH - 2 * MARGIN, HEIGHT - _body_top() - Inches(0.3))
        _fill_text(body.text_frame, content.lines, TEXT_POINTS, colours.text)
    background = slide.background.fill
    background.solid()
    background.fore_color.rgb = RGBColor.from_string(colours.background)
    if content.notes:
        slide.notes_slide.notes_text_frame.text = content.notes


def deck_bytes(deck: Deck, slides: list[Slide], *, organisation: str, colours: Colours = Colours()) -> bytes:
    """The deck as a .pptx file's bytes: 16:9, one slide for each of `slides` (laid out already)."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    for index, slide in enumerate(slides):
        add_slide(presentation, slide, colours, first=index == 0)
    properties = presentation.core_properties
    properties.title = deck.title
    properties.author = organisation
    properties.subject = "Slides for the course Co-production with older people"
    properties.language = LANGUAGE
    properties.keywords = "co-production; older people; large print; slides"
    # Fixed dates, here and on every part of the file, so the same course makes the same file
    # (tests/hosting/test_engines.py compares a MkDocs build with a ProperDocs build byte for byte).
    properties.revision = 1
    properties.created = properties.modified = FIXED_DATE
    properties.last_modified_by = organisation
    buffer = io.BytesIO()
    presentation.save(buffer)
    return steady_zip(buffer.getvalue())


FIXED_DATE = datetime.datetime(2026, 1, 1)


def steady_zip(data: bytes) -> bytes:
    """The same zip with every part dated 1 January 1980, zip's first date, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for member in old.infolist():
            steady = zipfile.ZipInfo(member.filename, date_time=(1980, 1, 1, 0, 0, 0))
            steady.compress_type = zipfile.ZIP_DEFLATED
            steady.external_attr = member.external_attr
            new.writestr(steady, old.read(member))
    return out.getvalue()
