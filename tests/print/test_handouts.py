"""Handouts that are handouts: learners' packs give each activity's title and handout, nothing for the trainer."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR
from print.conftest import PACKS_BY_SLUG
from print.pdf_facts import normalise
from print_packs.assemble import Cover, assemble_pack
from print_packs.clean import fragment
from print_packs.handouts import NO_HANDOUT, keep_only_handouts
from print_packs.packs import Pack, Part, SourcePage

ACTIVITY_HTML = (
    '<h1 id="panel">The commissioning panel</h1><h2>Purpose</h2><p>To feel what sharing power is like.</p>'
    "<h2>Time needed</h2><p>40 minutes.</p><h2>Group size</h2><p>8 to 20 people.</p>"
    '<div class="admonition trainer"><p class="admonition-title">Notes for the trainer</p><p>Watch the staff player.</p></div>'
    '<h2 id="your-handout">Your handout</h2><div class="app-handout"><p><strong>What to do:</strong> Score each bid.</p>'
    "<table><thead><tr><th>Bid</th><th>Money we give</th></tr></thead><tbody><tr><td>A</td><td></td></tr></tbody></table></div>"
    '<h2>Cards to cut out</h2><div class="admonition card"><p class="admonition-title">Bid A</p><p>A café.</p></div>'
)
TRAINER_WORDS = ("Purpose", "Time needed", "Group size", "Watch the staff player", "Notes for the trainer", "Cards to cut out", "A café")
HANDOUT_SLUGS = ["activity-handouts", "session-1-pack", "session-2-pack"]
ACTIVITY_FILES = sorted(path.name for path in (PROJECT_DIR / "docs" / "activities").glob("*.md") if path.name != "index.md")


def test_keep_only_handouts_leaves_the_title_and_the_handout() -> None:
    soup = fragment(ACTIVITY_HTML)
    assert keep_only_handouts(soup) == 1
    text = soup.get_text(" ", strip=True)
    assert soup.h1.get_text() == "The commissioning panel"
    assert "What to do: Score each bid." in text and soup.select_one("div.app-handout table") is not None
    assert [word for word in TRAINER_WORDS if word in text] == []


def test_a_page_without_a_handout_keeps_its_title_and_says_so() -> None:
    soup = fragment("<h1>Jargon buster</h1><h2>Purpose</h2><p>Plain words.</p>")
    assert keep_only_handouts(soup) == 0
    assert soup.get_text(" ", strip=True) == f"Jargon buster {NO_HANDOUT}"


def test_learner_packs_take_handouts_and_the_trainers_guide_takes_whole_pages() -> None:
    pages = [SourcePage("activities/panel.md", "activities/panel/", "Panel", {"session": 2}, ACTIVITY_HTML)]
    parts = (Part("Activities", ("activities/*.md",)),)
    cover = Cover("The course", "Our group", "1.0", "1 March 2026")
    handouts = fragment(assemble_pack(Pack("h", "Handouts", "For you.", parts, handouts_only=True), pages, cover).html)
    guide = fragment(assemble_pack(Pack("g", "Guide", "For trainers.", parts, for_trainers=True), pages, cover).html)
    handout_text = handouts.select_one("main").get_text(" ", strip=True)
    assert "Activity: The commissioning panel" in handout_text and "Score each bid." in handout_text
    assert [word for word in TRAINER_WORDS if word in handout_text] == []
    assert all(word in guide.select_one("main").get_text(" ", strip=True) for word in TRAINER_WORDS)


def test_every_learner_pack_with_activities_takes_handouts_only() -> None:
    assert [slug for slug, pack in PACKS_BY_SLUG.items() if pack.handouts_only] == ["session-1-pack", "session-2-pack", "activity-handouts"]
    assert not PACKS_BY_SLUG["trainers-guide"].handouts_only


@pytest.mark.parametrize("slug", HANDOUT_SLUGS)
def test_no_trainer_headings_in_the_built_handouts(slug: str, pack_facts) -> None:
    facts = pack_facts(slug)
    activity_pages = [page.text for bookmark in facts.bookmarks if bookmark.title.startswith("Activity: ")
                      for page in [facts.pages[bookmark.page_index]]]
    assert activity_pages, f"{slug}: no activities found by their bookmarks"
    text = normalise(" ".join(page.text for page in facts.pages))
    found = [words for words in ("Group size", "Time needed", "Purpose", "Notes for the trainer", "Step by step",
                                 "Making it accessible", "Variations for online groups") if words in text]
    assert found == [], f"{slug} holds the trainer's headings: {found}"


@pytest.mark.parametrize("name", ACTIVITY_FILES)
def test_each_activity_handout_is_in_the_handouts_pack(name: str, site_dir: Path, pack_facts) -> None:
    built = BeautifulSoup((site_dir / "activities" / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8"), "html.parser")
    title = normalise(built.select_one("article h1").get_text(" ", strip=True))
    text = normalise(" ".join(page.text for page in pack_facts("activity-handouts").pages))
    assert f"Activity: {title}" in text or title in text, f"{name}: its title is not in the handouts pack"
    handout = built.select_one("article div.app-handout")
    if handout is None:
        assert NO_HANDOUT in text, f"{name} has no handout, and the pack does not say so"
        return
    opening = " ".join(normalise(handout.get_text(" ", strip=True)).split()[:8])
    assert opening in text, f"{name}: its handout (\"{opening} …\") is not in the handouts pack"
