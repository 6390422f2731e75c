"""Check a session plan's table: the parts add up to the session, follow on, and keep a break and spare time."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import yaml

# The least spare time a plan keeps, for late community transport or a long discussion (issue 12).
MINIMUM_SPARE_MINUTES = 10
MINIMUM_BREAK_MINUTES = 10
REQUIRED_COLUMNS = ("Start", "Minutes", "What happens")

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_SEPARATOR_CELL = re.compile(r"^:?-+:?$")


@dataclass(frozen=True)
class PlanRow:
    """One row of the plan table: its line in the file, start time, minutes and what happens."""

    line: int
    start: str
    minutes: str
    what: str


@dataclass(frozen=True)
class Problem:
    """Something wrong with a plan, at a line of its Markdown file (1 for the front matter)."""

    line: int
    message: str


def clock_minutes(clock: str) -> int | None:
    """Minutes after midnight of a time like "10:05", or None if it is not one."""
    match = _CLOCK.match(clock.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def clock_text(minutes: int) -> str:
    """A time of day as the plans write it: "10:05"."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def is_plan(source: str) -> bool:
    """Whether a page's Markdown is a session plan: front matter with `start` and `finish`."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return False
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return False
    return isinstance(meta, dict) and "start" in meta and "finish" in meta


def plan_rows(source: str) -> tuple[list[PlanRow], bool]:
    """The rows of the first table whose header has Start, Minutes and What happens; and whether one was found."""
    lines = source.splitlines()
    for index, line in enumerate(lines[:-1]):
        if not line.lstrip().startswith("|"):
            continue
        headers = _cells(line)
        if not all(column in headers for column in REQUIRED_COLUMNS):
            continue
        if not all(_SEPARATOR_CELL.match(cell) for cell in _cells(lines[index + 1])):
            continue
        position = {column: headers.index(column) for column in REQUIRED_COLUMNS}
        rows = []
        for number, row_line in enumerate(lines[index + 2:], start=index + 3):
            if not row_line.lstrip().startswith("|"):
                break
            cells = _cells(row_line) + [""] * len(headers)
            rows.append(PlanRow(number, cells[position["Start"]], cells[position["Minutes"]], cells[position["What happens"]]))
        return rows, True
    return [], False


def _plain(text: str) -> str:
    """Cell text without Markdown links and bold: "[Break](x.md)" -> "Break"."""
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("**", "").strip()


def check_plan(source: str) -> list[Problem]:
    """Every problem with a plan's timings, in the order of the file; none means the plan adds up."""
    match = _FRONT_MATTER.match(source)
    meta = yaml.safe_load(match.group(1)) if match else {}
    start = clock_minutes(str(meta.get("start", "")))
    finish = clock_minutes(str(meta.get("finish", "")))
    problems: list[Problem] = []
    if start is None or finish is None or finish <= start:
        return [Problem(1, f"front matter 'start: \"{meta.get('start')}\"' and 'finish: \"{meta.get('finish')}\"' "
                           "should be times like \"10:00\" and \"13:00\", finishing after the start")]
    rows, found = plan_rows(source)
    if not found or not rows:
        return [Problem(1, "no plan table: add a table with the columns "
                           "'Start | Minutes | What happens | Module | Activity' and a row for each part")]
    clock = start
    total = 0
    for row in rows:
        what = _plain(row.what)
        label = f"the part \"{what[:40]}\""
        if not row.minutes.isdigit() or int(row.minutes) == 0:
            problems.append(Problem(row.line, f"{label} has Minutes \"{row.minutes}\": write a whole number of minutes, like 15"))
            return problems
        row_start = clock_minutes(row.start)
        if row_start != clock:
            problems.append(Problem(row.line, f"{label} starts at \"{row.start}\", but the part before it ends at "
                                              f"{clock_text(clock)}: make its Start {clock_text(clock)}"))
        clock += int(row.minutes)
        total += int(row.minutes)
    length = finish - start
    if total != length:
        problems.append(Problem(rows[-1].line, f"the parts add up to {total} minutes, but {clock_text(start)} to "
                                               f"{clock_text(finish)} is {length} minutes: make them add up "
                                               f"({'cut' if total > length else 'add'} {abs(total - length)} minutes)"))
    breaks = [row for row in rows if _plain(row.what).lower().startswith("break")]
    if not breaks:
        problems.append(Problem(rows[0].line, "the plan has no break: add a row whose What happens starts with "
                                              f"\"Break\", of {MINIMUM_BREAK_MINUTES} minutes or more"))
    for row in breaks:
        if int(row.minutes) < MINIMUM_BREAK_MINUTES:
            problems.append(Problem(row.line, f"the break is {row.minutes} minutes: give it {MINIMUM_BREAK_MINUTES} or more"))
    problems.extend(part_problems(rows))
    spare = sum(int(row.minutes) for row in rows if _plain(row.what).lower().startswith("spare time"))
    if spare < MINIMUM_SPARE_MINUTES:
        problems.append(Problem(rows[-1].line, f"the plan keeps {spare} minutes of spare time: add a row whose What happens "
                                               f"starts with \"Spare time\", of {MINIMUM_SPARE_MINUTES} minutes or more in all, "
                                               "so a late start does not cut the close"))
    return problems


# A part of a row with its own time, in brackets: "(6 minutes, about 2 each)".
_PART_MINUTES = re.compile(r"\((\d+) minutes?\b[^()]*\)")
# The rows whose parts must each give their time: they hold several things, and their time is
# the one a late start squeezes (issue 23: the welcome back and the close did not fit).
ROWS_WITH_PARTS = ("welcome", "close")


def part_problems(rows: list[PlanRow]) -> list[Problem]:
    """A row's parts, each with its minutes in brackets, must fit the row; the welcome and the close must give them."""
    problems = []
    for row in rows:
        what = _plain(row.what)
        parts = [int(minutes) for minutes in _PART_MINUTES.findall(what)]
        label = f"the part \"{what[:40]}\""
        if not parts and what.lower().startswith(ROWS_WITH_PARTS):
            problems.append(Problem(row.line, f"{label} does not say how long each of its parts takes: after each part, "
                                              "write its minutes in brackets, like \"(5 minutes)\", so the build can check they fit"))
        elif parts and row.minutes.isdigit() and sum(parts) > int(row.minutes):
            problems.append(Problem(row.line, f"{label} has {row.minutes} minutes, but its parts take {sum(parts)} "
                                              f"({' + '.join(map(str, parts))}): give it {sum(parts)} minutes, or cut a part"))
    return problems


# A file named in a plan's "What to print", as the build names it under downloads/: `session-1-pack.pdf`.
_FILE_NAME = re.compile(r"`([^`]+\.(?:pdf|docx|epub|pptx))`")
PRINT_HEADING = "## What to print"


def print_list_problems(source: str, made: frozenset[str]) -> list[Problem]:
    """Each line of the plan's "What to print" names a file the build makes (`made`: paths under downloads/)."""
    lines = source.splitlines()
    try:
        start = next(index for index, line in enumerate(lines) if line.strip() == PRINT_HEADING)
    except StopIteration:
        return [Problem(1, f"the plan has no \"{PRINT_HEADING}\" section: add one that names each file to print, "
                           "like `session-1-pack.pdf`")]
    problems = []
    bullets = 0
    for number, line in enumerate(lines[start + 1:], start=start + 2):
        if line.startswith("## "):
            break
        if not line.lstrip().startswith(("- ", "* ")):
            continue
        bullets += 1
        names = _FILE_NAME.findall(line)
        if not names:
            problems.append(Problem(number, "this line of \"What to print\" names no file: name what to print as the "
                                            "Print and download page does, like `session-1-pack.pdf` or `forms/feedback-form.docx`"))
        for name in names:
            if name not in made:
                close = difflib.get_close_matches(name, sorted(made), n=3, cutoff=0.7)
                hint = f" Did you mean {' or '.join(f'`{candidate}`' for candidate in close)}?" if close else ""
                problems.append(Problem(number, f"\"What to print\" names `{name}`, which the build does not make.{hint}"))
    if not bullets:
        problems.append(Problem(start + 1, f"\"{PRINT_HEADING}\" lists nothing: add a line for each file to print"))
    return problems
