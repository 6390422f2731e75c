"""The two session plans: their timings add up, they have a break, and each part names a real module and activity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from course.course_pages import DOCS_DIR, SESSION_PLANS, minutes_of, module_numbers, read_page, soup_of
from session_plans.check import check_plan

_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


def plan_rows(soup: BeautifulSoup) -> list[dict[str, object]]:
    """The rows of the plan table (the one with Start and Minutes columns), as dicts of cell text and links."""
    for table in soup.select("article table"):
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        if "Start" in headers and "Minutes" in headers:
            rows = []
            for tr in table.select("tbody tr"):
                cells = tr.find_all("td")
                row: dict[str, object] = {header: cell.get_text(" ", strip=True) for header, cell in zip(headers, cells)}
                row["links"] = {header: [a["href"] for a in cell.select("a[href]")] for header, cell in zip(headers, cells)}
                rows.append(row)
            return rows
    return []


@pytest.mark.parametrize("path", SESSION_PLANS)
def test_plan_says_its_start_and_finish(path: str) -> None:
    page = read_page(path)
    start, finish = str(page.meta.get("start", "")), str(page.meta.get("finish", ""))
    assert _CLOCK.match(start) and _CLOCK.match(finish), f"{path}: front matter needs 'start' and 'finish' like \"10:00\""
    assert minutes_of(finish) > minutes_of(start), f"{path}: finishes ({finish}) before it starts ({start})"
    assert f"from {start} to {finish}" in page.body, f"{path}: the page text should tell the trainer it runs from {start} to {finish}"


@pytest.mark.parametrize("path", SESSION_PLANS)
def test_plan_timings_add_up_to_the_session_length(path: str, site_dir: Path) -> None:
    page = read_page(path)
    rows = plan_rows(soup_of(site_dir, page.built_path))
    assert rows, f"{path}: no plan table with 'Start' and 'Minutes' columns"
    start, finish = minutes_of(str(page.meta["start"])), minutes_of(str(page.meta["finish"]))
    total = sum(int(str(row["Minutes"])) for row in rows)
    assert total == finish - start, f"{path}: the parts add up to {total} minutes, but {page.meta['start']} to {page.meta['finish']} is {finish - start}"
    clock = start
    for row in rows:
        assert minutes_of(str(row["Start"])) == clock, f"{path}: the part '{row['What happens']}' should start at {clock // 60}:{clock % 60:02d}, not {row['Start']}"
        clock += int(str(row["Minutes"]))


@pytest.mark.parametrize("path", SESSION_PLANS)
def test_plan_has_a_break(path: str, site_dir: Path) -> None:
    rows = plan_rows(soup_of(site_dir, read_page(path).built_path))
    breaks = [row for row in rows if str(row["What happens"]).lower().startswith("break")]
    assert breaks, f"{path}: the plan has no break"
    assert all(int(str(row["Minutes"])) >= 10 for row in breaks), f"{path}: a break should be at least 10 minutes"


@pytest.mark.parametrize("path", SESSION_PLANS)
def test_plan_parts_name_modules_and_activities_of_this_session(path: str, site_dir: Path) -> None:
    page = read_page(path)
    session = page.meta.get("session")
    modules = module_numbers()
    in_session = {number for number, module in modules.items() if module.meta.get("session") == session}
    taught: set[int] = set()
    for row in plan_rows(soup_of(site_dir, page.built_path)):
        module_cell = str(row["Module"])
        if not module_cell.isdigit():
            continue
        number = int(module_cell)
        assert number in in_session, f"{path}: part '{row['What happens']}' names module {number}, which is not in session {session}"
        taught.add(number)
        for href in row["links"]["Activity"]:  # type: ignore[index]
            name = href.rstrip("/").rsplit("/", 1)[-1]
            activity = read_page(f"activities/{name}.md")
            assert activity.meta.get("module") == number, f"{path}: activity {name} belongs to module {activity.meta.get('module')}, not {number}"
            assert activity.meta.get("time") == int(str(row["Minutes"])), (
                f"{path}: gives {name} {row['Minutes']} minutes, but the activity takes {activity.meta.get('time')}")
    assert taught == in_session, f"{path}: the plan leaves out modules {sorted(in_session - taught)} of session {session}"


@pytest.mark.parametrize("path", SESSION_PLANS)
def test_plan_passes_the_builds_timing_check_with_spare_time(path: str) -> None:
    """The same check the build runs (hooks/session_plans/): adds up, follows on, a break, 10 minutes spare."""
    problems = check_plan((DOCS_DIR / path).read_text(encoding="utf-8"))
    assert problems == [], f"{path}: " + "; ".join(f"line {problem.line}: {problem.message}" for problem in problems)


_TALK_ROW = re.compile(r"^\|\s*\d{1,2}:\d{2}\s*\|\s*(\d+)\s*\|[^|]*\]\(\.\./modules/([\w-]+\.md)\)[^|]*\|\s*\d+\s*\|\s*—\s*\|\s*$")
_TALK_TIME = re.compile(r'^!!! trainer "Talk notes for the trainer"\n(?:    .*\n|\n)*?    \*\*Time:\*\* (\d+) minutes?\.', re.MULTILINE)


_PART_MINUTES = re.compile(r"\((\d+) minutes?\b[^()]*\)")


def talk_rows(path: str) -> list[tuple[str, int]]:
    """Each talk row of a plan's Markdown table: the module file it links to and the talk's minutes.

    A row that gives its parts their minutes in brackets ("… talk notes (5 minutes). Then …") starts with the talk.
    """
    rows = []
    for line in read_page(path).body.splitlines():
        match = _TALK_ROW.match(line)
        if match:
            parts = _PART_MINUTES.findall(line)
            rows.append((f"modules/{match.group(2)}", int(parts[0]) if parts else int(match.group(1))))
    return rows


@pytest.mark.parametrize("path", SESSION_PLANS)
def test_each_module_talk_notes_give_the_time_its_plan_gives_the_talk(path: str) -> None:
    rows = talk_rows(path)
    assert rows, f"{path}: no talk rows (a row linking to a module, with '—' as its activity) in the plan table"
    for module, minutes in rows:
        found = _TALK_TIME.search(read_page(module).body)
        assert found, f"{module}: the 'Talk notes for the trainer' box needs a '**Time:** N minutes.' line"
        assert int(found.group(1)) == minutes, (
            f"{module}: the talk notes say '**Time:** {found.group(1)} minutes.', but {path} gives the talk {minutes} minutes")
