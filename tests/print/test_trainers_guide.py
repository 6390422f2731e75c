"""The trainer's guide holds every trainer page, forms and guidance; a form printed from its web page has room to write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT_DIR
from print.pdf_facts import normalise
from print_packs.packs import TRAINER_FORMS, TRAINER_GUIDANCE

TRAINER_FILES = sorted(path.name for path in (PROJECT_DIR / "docs" / "trainers").glob("*.md"))
# The forms and guidance issue 12 asks for, in the order the guide prints them.
FORMS = ["sign-in-sheet", "ground-rules", "before-and-after", "feedback-form", "expenses-form", "certificate-of-attendance"]
GUIDANCE = ["safeguarding", "recruiting-participants", "paying-for-time-and-expenses", "co-delivering", "adapting-for-access-needs"]
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def main_heading(path: Path) -> str:
    """A Markdown page's `# ` heading as plain words."""
    heading = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# "))
    return normalise(_LINK.sub(r"\1", heading[2:]).replace("**", ""))


def test_the_guide_orders_the_forms_and_guidance_issue_12_asks_for() -> None:
    assert [pattern.removeprefix("trainers/").removesuffix(".md") for pattern in TRAINER_FORMS] == FORMS
    assert [pattern.removeprefix("trainers/").removesuffix(".md") for pattern in TRAINER_GUIDANCE] == GUIDANCE


@pytest.mark.parametrize("name", TRAINER_FILES)
def test_every_trainer_page_is_in_the_trainers_guide(name: str, pack_facts) -> None:
    text = normalise(" ".join(page.text for page in pack_facts("trainers-guide").pages))
    heading = main_heading(PROJECT_DIR / "docs" / "trainers" / name)
    assert heading in text, f"trainers/{name}: its heading \"{heading}\" is not in the trainer's guide"


def test_a_table_to_fill_in_prints_from_its_web_page_with_room_to_write(page, site_url: str) -> None:
    """Browser print: empty cells are tall enough to write in, ruled in black, and no column is cut off."""
    page.emulate_media(media="print")
    page.goto(site_url + "activities/seven-principles-traffic-light/")
    table = page.get_by_role("table").filter(has=page.get_by_role("columnheader", name="Principle")).first
    table.wait_for()
    cells = table.locator("td:empty")
    assert cells.count() >= 4
    facts = cells.first.evaluate("""cell => {
        const style = getComputedStyle(cell);
        const wrap = cell.closest('.app-table') || cell.closest('table').parentElement;
        return {height: cell.getBoundingClientRect().height, border: style.borderTopStyle, colour: style.borderTopColor,
                clipped: wrap.scrollWidth > wrap.clientWidth + 1};
    }""")
    assert facts["height"] >= 1.5 / 2.54 * 96, f"an empty cell is {facts['height']:.0f}px tall: too little to write in"
    assert facts["border"] == "solid" and facts["colour"] == "rgb(0, 0, 0)"
    assert not facts["clipped"], "the table is wider than the paper and its wrapper cuts it off"
