"""Issue 23: every card the plans use is printed: light cards, folded name cards, the scoring sheet, large sheets for the wall."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber

from conftest import PROJECT_DIR
from print.conftest import PACKS_BY_SLUG
from print.pdf_facts import normalise
from print_packs.cards import NAME_CARD, POSTER, CardSource, card_html, card_sets, cards_in

ACTIVITIES = PROJECT_DIR / "docs" / "activities"
A4_LANDSCAPE = (841.9, 595.3)


def _page(html: str) -> CardSource:
    return CardSource("activities/x.md", "cards-x", "X", html)


def test_name_cards_and_large_sheets_make_sets_of_their_own() -> None:
    html = ('<div class="admonition card"><p class="admonition-title">Story</p><p>Words.</p></div>'
            '<div class="admonition card name-card"><p class="admonition-title">Chair</p><p>Fold it.</p></div>'
            '<div class="admonition card poster"><p class="admonition-title">Chart</p><p>Big.</p></div>')
    assert [card.kind for card in cards_in(html)] == ["", NAME_CARD, POSTER]
    sets = card_sets([_page(html)])
    assert [(card_set.activity, card_set.anchor, card_set.per_sheet) for card_set in sets] == [
        ("X", "cards-x", 6), ("X (name cards)", "cards-x-name-card", 4), ("X (large sheets)", "cards-x-poster", 1)]
    name_card = card_html(sets[1].cards[0], "X")
    assert name_card.count("Chair") == 2 and "app-cards__title--upside-down" in name_card and "Fold it." not in name_card


def _pack_pages(site_dir: Path) -> list[tuple[str, float, float]]:
    with pdfplumber.open(site_dir / "downloads" / PACKS_BY_SLUG["cards-to-cut-out"].filename) as pdf:
        return [(normalise(page.extract_text() or ""), page.width, page.height) for page in pdf.pages]


def test_the_traffic_light_has_red_amber_and_green_cards_with_their_words(site_dir: Path) -> None:
    [sheet] = [text for text, _, _ in _pack_pages(site_dir)
               if text.startswith("Cards for: Checking ourselves against the seven principles Red")]
    for light, word in (("Red", "Not yet"), ("Amber", "Partly"), ("Green", "Yes, mostly")):
        assert light in sheet and word in sheet, (light, word)


def test_each_role_in_the_role_play_has_a_folded_name_card(site_dir: Path) -> None:
    text = (ACTIVITIES / "commissioning-panel.md").read_text(encoding="utf-8")
    roles = re.findall(r'^!!! card "Role card: (?:the )?([^"]+)"', text, re.MULTILINE)
    names = re.findall(r'^!!! card name-card "([^"]+)"', text, re.MULTILINE)
    assert len(roles) == 5
    for role in roles:
        assert any(role.lower().replace("bid group", "group") in name.lower() for name in names), f"no name card for {role}"
    sheets = " ".join(text for text, _, _ in _pack_pages(site_dir) if text.startswith("Cards for: The commissioning panel (name cards)"))
    assert all(name in sheets for name in names) and "Fold along this line" in sheets


def test_the_scoring_sheet_states_its_scale(site_dir: Path) -> None:
    [sheet] = [(text, width, height) for text, width, height in _pack_pages(site_dir)
               if text.startswith("Cards for: The commissioning panel (large sheets)")]
    assert "from 1 to 5" in sheet[0] and "Total out of 15" in sheet[0]
    assert all(f" {bid} " in sheet[0] for bid in "ABCD")
    handout = (ACTIVITIES / "commissioning-panel.md").read_text(encoding="utf-8").split("## Your handout", 1)[1]
    assert "score from 1 to 5" in handout and "out of 15" in handout


def test_the_principles_and_the_assets_chart_are_two_a4_sheets_that_join_to_a3(site_dir: Path) -> None:
    pages = _pack_pages(site_dir)
    for title in ("The seven principles", "Assets in the room"):
        sheets = [(width, height) for text, width, height in pages if f"{title} (sheet" in text and "large sheets" in text]
        assert len(sheets) == 2, title
        assert all(abs(width - A4_LANDSCAPE[0]) < 1 and abs(height - A4_LANDSCAPE[1]) < 1 for width, height in sheets)
    principles = " ".join(text for text, _, _ in pages if "The seven principles (sheet" in text)
    for number in range(1, 8):
        assert f"{number}. " in principles
    assert "It is clear how decisions are made" in principles
