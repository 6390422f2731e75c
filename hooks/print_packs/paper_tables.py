"""Tables made usable in large print on A4. The screen keeps the tables as they are.

- A table of five or more columns leaves one or two words per line at 18pt, and an
  empty row (a plan to fill in) shrinks to nothing you could write in. RNIB's advice
  for large print is to avoid such tables, so on paper each row becomes a box of
  "Heading: value" lines, and each empty cell gets lines to write on.
- In a narrower table, a column left empty for people to fill in (a "Why" column, say)
  is marked, so the print stylesheet can give it room to write in.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from print_packs.clean import ruled_lines, words_in

MIN_COLUMNS = 5
# A cell holding only a dash means "nothing here": on paper the line is left out.
DASHES = {"-", "–", "—"}
LINES_PER_EMPTY_CELL = 2


def _cells(row: Tag) -> list[Tag]:
    return row.find_all(["th", "td"])


def _head_cells(table: Tag) -> list[Tag]:
    head_row = table.select_one("thead tr") or table.find("tr")
    return _cells(head_row) if head_row else []


def _body_rows(table: Tag) -> list[Tag]:
    rows = table.select("tbody tr")
    return rows if rows else table.find_all("tr")[1:]


def _row_block(soup: BeautifulSoup, headings: list[str], row: Tag) -> Tag:
    cells = _cells(row)
    blank_row = all(words_in(cell) == "" for cell in cells)
    block = soup.new_tag("div", attrs={"class": "app-pack__table-row" + (" app-pack__table-row--blank" if blank_row else "")})
    for heading, cell in zip(headings, cells):
        words = words_in(cell)
        if words in DASHES:
            continue
        line = soup.new_tag("p", attrs={"class": "app-pack__table-cell"})
        label = soup.new_tag("strong")
        label.string = f"{heading}:"
        line.append(label)
        block.append(line)
        if words:
            line.append(" ")
            for child in list(cell.contents):
                line.append(child.extract())
        else:
            block.append(BeautifulSoup(ruled_lines(LINES_PER_EMPTY_CELL), "html.parser"))
    return block


def linearise_wide_tables(root: Tag, min_columns: int = MIN_COLUMNS) -> int:
    """Turn each table of `min_columns` or more columns into labelled blocks; return how many."""
    soup = root if isinstance(root, BeautifulSoup) else BeautifulSoup("", "html.parser")
    changed = 0
    for table in root.find_all("table"):
        headings = [words_in(cell) for cell in _head_cells(table)]
        if len(headings) < min_columns or not all(headings):
            continue
        caption = table.find("caption")
        wrapper = soup.new_tag("div", attrs={"class": "app-pack__table-rows"})
        if caption is not None:
            title = soup.new_tag("p", attrs={"class": "app-pack__table-caption"})
            strong = soup.new_tag("strong")
            strong.string = words_in(caption)
            title.append(strong)
            wrapper.append(title)
        for row in _body_rows(table):
            wrapper.append(_row_block(soup, headings, row))
        table.replace_with(wrapper)
        changed += 1
    return changed


WRITE_IN = "app-pack__write-in"


def mark_write_in_columns(root: Tag) -> int:
    """Mark each column that is empty in every body row as space to write in; return how many."""
    marked = 0
    for table in root.find_all("table"):
        rows = [_cells(row) for row in _body_rows(table)]
        if not rows:
            continue
        for column, head_cell in enumerate(_head_cells(table)):
            cells = [row[column] for row in rows if len(row) > column]
            if len(cells) == len(rows) and all(words_in(cell) == "" for cell in cells):
                for cell in (head_cell, *cells):
                    cell["class"] = [*cell.get("class", []), WRITE_IN]
                marked += 1
    return marked
