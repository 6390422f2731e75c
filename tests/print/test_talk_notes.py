"""The talk notes on paper: each module's talk notes in the trainer's guide, in session order, and nowhere else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR
from print.pdf_facts import normalise
from print_packs.assemble import Cover, assemble_pack
from print_packs.packs import PACKS, TALK_NOTES_PARTS, SourcePage
from print_packs.talk_notes import TALK_NOTES_TITLE, keep_only_talk_notes

MODULE_FILES = sorted((PROJECT_DIR / "docs" / "modules").glob("*.md"))
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
PAGE = (
    '<h1>Module A</h1><p>Learner text.</p>'
    '<div class="admonition trainer"><p class="admonition-title">Talk notes for the trainer</p><p>Say this.</p></div>'
    '<div class="admonition trainer"><p class="admonition-title">For the trainer</p><p>Another note.</p></div>'
    '<div class="admonition question"><p class="admonition-title">A question?</p></div>'
)


def test_keep_only_talk_notes_leaves_the_heading_and_the_talk_notes() -> None:
    soup = BeautifulSoup(PAGE, "html.parser")
    assert keep_only_talk_notes(soup) == 1
    assert [element.name for element in soup.find_all(recursive=False)] == ["h1", "div"]
    assert soup.get_text(" ", strip=True) == "Module A Talk notes for the trainer Say this."


def test_the_trainers_guide_puts_each_sessions_talk_notes_after_the_plans_and_before_the_activities() -> None:
    guide = next(pack for pack in PACKS if pack.slug == "trainers-guide")
    pages = [
        SourcePage("trainers/index.md", "trainers/", "Guide", {}, "<h1>Guide</h1><p>Read me.</p>"),
        SourcePage("modules/01-a.md", "modules/01-a/", "A", {"module": 1, "session": 1}, PAGE),
        SourcePage("modules/06-b.md", "modules/06-b/", "B", {"module": 6, "session": 2}, PAGE.replace("Module A", "Module B")),
        SourcePage("activities/x.md", "activities/x/", "X", {"session": 1}, "<h1>X</h1><p>Steps.</p>"),
    ]
    document = assemble_pack(guide, pages, Cover("Course", "Org", "1.0", "1 January 2027"))
    assert [entry.title for entry in document.contents] == [
        "Running the course", TALK_NOTES_PARTS[1], TALK_NOTES_PARTS[2], "Activities"]
    text = BeautifulSoup(document.html, "html.parser").get_text(" ", strip=True)
    assert "Say this." in text and "Learner text." not in text and "Another note." not in text


def part_page(pages: list[str], title: str) -> int:
    """The index of the page a part starts on: it starts with the part's title (the contents' line has dots after it)."""
    return next(index for index, text in enumerate(pages) if text.startswith(title) and not text[len(title):].startswith("."))


def module_facts(path: Path) -> tuple[int, str, str]:
    """A module's number, main heading and the first of its talk notes' points, as plain words."""
    text = path.read_text(encoding="utf-8")
    module = int(re.search(r"^module: (\d+)$", text, re.MULTILINE).group(1))
    heading = next(line[2:] for line in text.splitlines() if line.startswith("# "))
    box = text.split(f'!!! trainer "{TALK_NOTES_TITLE}"', 1)[1]
    point = re.search(r"^    1\. (.+)$", box, re.MULTILINE).group(1)
    return module, normalise(_LINK.sub(r"\1", heading)), normalise(_LINK.sub(r"\1", point).replace("**", ""))


def test_every_module_has_talk_notes() -> None:
    assert len(MODULE_FILES) == 10
    for path in MODULE_FILES:
        assert f'!!! trainer "{TALK_NOTES_TITLE}"' in path.read_text(encoding="utf-8"), f"{path.name} has no talk notes"


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda path: path.name)
def test_each_modules_talk_notes_are_in_the_trainers_guide_pdf(path: Path, pack_facts) -> None:
    module, heading, point = module_facts(path)
    pages = [normalise(page.text) for page in pack_facts("trainers-guide").pages]
    session = 1 if module <= 5 else 2
    part_start = part_page(pages, TALK_NOTES_PARTS[session])
    found = [index for index, text in enumerate(pages) if index >= part_start and f"Module {module}: {heading}" in text]
    assert found, f"{path.name}: \"Module {module}: {heading}\" is not in the trainer's guide's {TALK_NOTES_PARTS[session]}"
    # The notes start on the module's page in that part: its first point is on that page or the next.
    near = " ".join(pages[found[0]:found[0] + 2])
    assert point[:60] in near, f"{path.name}: its talk notes' first point is not under its heading in the trainer's guide"


def test_the_talk_notes_come_in_session_order_in_the_trainers_guide_pdf(pack_facts) -> None:
    pages = [normalise(page.text) for page in pack_facts("trainers-guide").pages]
    part_start = part_page(pages, TALK_NOTES_PARTS[1])
    notes = " ".join(pages[part_start:])
    positions = [notes.index(module_facts(path)[2][:60]) for path in MODULE_FILES]
    assert positions == sorted(positions), "the talk notes are not in module order"
