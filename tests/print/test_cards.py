"""The "Cards to cut out" pack: cards read from the pages, laid out four or six to a sheet, measured in the PDF."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from conftest import PROJECT_DIR, build_site
from print.conftest import CARD_FILES, PACKS_BY_SLUG
from print.pdf_facts import normalise
from print_packs.cards import (
    CardSet, CardSource, card_set_html, card_sets, cards_in, sets_to_lay_out_four_to_a_sheet, too_long_messages,
)
from print_packs.clean import fragment
from print_packs.render import overflowing_boxes

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "cards-pack" / "mkdocs.yml"
STYLESHEETS = PROJECT_DIR / "overrides" / "assets" / "stylesheets"
ACTIVITIES = {"Sorting stories": 7, "Funding bids": 5}
CARD_HTML = ('<h1>Sorting</h1><div class="admonition card"><p class="admonition-title">Story 12</p>'
             '<p>Volunteers run a <a href="../glossary/#befriending">befriending service</a>.</p></div>'
             '<div class="admonition trainer"><p>Not a card.</p></div>')


def a_set(count: int, per_sheet: int = 6) -> CardSet:
    html = "".join(f'<div class="admonition card"><p class="admonition-title">Card {n}</p><p>Words {n}.</p></div>'
                   for n in range(1, count + 1))
    return card_sets([CardSource("activities/a.md", "cards-a", "Activity A", html)],
                     frozenset({"cards-a"}) if per_sheet == 4 else frozenset())[0]


# --- Reading and laying out, without a build --------------------------------------------

def test_cards_are_read_with_their_title_and_plain_words() -> None:
    [card] = cards_in(CARD_HTML)
    assert card.title == "Story 12"
    assert card.text == "Volunteers run a befriending service ."
    assert "<a" not in card.body_html and "befriending service" in card.body_html


def test_a_page_without_cards_gives_no_set() -> None:
    assert card_sets([CardSource("activities/b.md", "cards-b", "B", "<h1>B</h1><p>No cards.</p>")]) == []


@pytest.mark.parametrize(("count", "per_sheet", "sheets"), [(7, 6, 2), (6, 6, 1), (9, 4, 3), (4, 4, 1)])
def test_every_sheet_is_full_with_spares(count: int, per_sheet: int, sheets: int) -> None:
    soup = fragment(card_set_html(a_set(count, per_sheet)))
    found = soup.select("section.app-cards__sheet")
    assert len(found) == sheets
    assert [len(sheet.select(".app-cards__card")) for sheet in found] == [per_sheet] * sheets
    assert len(soup.select(".app-cards__card--spare")) == per_sheet * sheets - count
    assert [p.get_text() for p in soup.select(".app-cards__activity")] == ["Activity A"] * (per_sheet * sheets)
    assert [heading.name for heading in soup.select(".app-cards__heading[id]")] == ["h2"]


def test_a_set_that_overflows_six_to_a_sheet_goes_four_and_one_too_long_for_four_is_named() -> None:
    six, four = a_set(7), a_set(7, per_sheet=4)
    assert sets_to_lay_out_four_to_a_sheet((six,), ("cards-a-3",)) == {"cards-a"}
    assert sets_to_lay_out_four_to_a_sheet((six,), ("cards-other-3",)) == frozenset()
    assert too_long_messages((six,), ("cards-a-3",)) == []
    assert too_long_messages((four,), ("cards-a-3",)) == [
        "Doc file 'activities/a.md': the card \"Card 3\" has too many words to fit a quarter of an A4 sheet at 24pt "
        "(2 words). Shorten it, or split it into two cards."]


def test_the_engine_reports_a_card_whose_words_run_past_its_cut_lines() -> None:
    """WeasyPrint's layout, read through its page boxes (no public API): pinned, so checked here."""
    import weasyprint

    long_words = "A very long card. " * 30
    sheet = card_set_html(card_sets([CardSource("activities/a.md", "cards-a", "Activity A",
                                                f'<div class="admonition card"><p class="admonition-title">Short</p><p>Fits.</p></div>'
                                                f'<div class="admonition card"><p class="admonition-title">Long</p><p>{long_words}</p></div>')])[0])
    html = f'<html lang="en-GB"><body class="app-pack"><main>{sheet}</main></body></html>'
    styles = [weasyprint.CSS(filename=str(STYLESHEETS / name)) for name in ("app-fonts.css", "app-print.css")]
    document = weasyprint.HTML(string=html, base_url=str(STYLESHEETS)).render(stylesheets=styles)
    assert overflowing_boxes(document) == ["cards-a-2"]


def test_the_pack_is_listed_for_the_download_page_and_readme() -> None:
    pack = PACKS_BY_SLUG["cards-to-cut-out"]
    assert pack.filename == "cards-to-cut-out.pdf" and pack.title == "Cards to cut out" and pack.cards_only
    readme = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")
    assert "| Cards to cut out | `cards-to-cut-out.pdf` |" in readme


def test_the_web_page_shows_cards_as_boxes() -> None:
    css = (STYLESHEETS / "app-cards.css").read_text(encoding="utf-8")
    assert ".md-typeset .admonition.card" in css and "dashed" in css
    assert '"app-cards"' in (PROJECT_DIR / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "@page" not in css and "@media print" not in css


# --- The built pack of a small course (tests/fixtures/cards-pack) ---------------------------

@pytest.fixture(scope="module")
def cards_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("cards-site")
    result = build_site(FIXTURE, target)
    if result.returncode != 0:
        pytest.fail(f"the cards fixture build failed:\n{result.stderr[-4000:]}", pytrace=False)
    return target / "downloads" / "cards-to-cut-out.pdf"


def card_pages(pdf: pdfplumber.PDF) -> list[pdfplumber.page.Page]:
    return [page for page in pdf.pages if (page.extract_text() or "").startswith("Cards for: ")]


def test_each_sheet_holds_four_or_six_cards_each_naming_its_activity(cards_pdf: Path) -> None:
    with pdfplumber.open(cards_pdf) as pdf:
        sheets = []
        for page in card_pages(pdf):
            labels = Counter(" ".join(word["text"] for word in line) for line in _lines([w for w in page.extract_words(extra_attrs=["size"])
                                                                                        if round(w["size"]) == 16]))
            heading = (page.extract_text() or "").splitlines()[0]
            sheets.append((heading, dict(labels)))
    assert sheets == [
        ("Cards for: Sorting stories", {"Sorting stories Sorting stories": 3}),
        ("Cards for: Sorting stories (sheet 2 of 2)", {"Sorting stories Sorting stories": 3}),
        ("Cards for: Funding bids", {"Funding bids Funding bids": 2}),
        ("Cards for: Funding bids (sheet 2 of 2)", {"Funding bids Funding bids": 2}),
    ]


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines by their top edge."""
    lines: dict[int, list[dict]] = {}
    for word in words:
        lines.setdefault(round(word["top"]), []).append(word)
    return [sorted(line, key=lambda word: word["x0"]) for _, line in sorted(lines.items())]


def test_card_words_are_24pt_or_more_and_only_labels_headings_and_page_numbers_are_smaller(cards_pdf: Path) -> None:
    small_words_allowed = {"Cards", "for:", "(sheet", "of", "Page"} | {word for name in ACTIVITIES for word in name.split()}
    with pdfplumber.open(cards_pdf) as pdf:
        pages = card_pages(pdf)
        card_text_sizes = Counter()
        stray = []
        for page in pages:
            for word in page.extract_words(extra_attrs=["size"]):
                if word["size"] >= 24:
                    card_text_sizes[round(word["size"])] += 1
                elif not (word["text"] in small_words_allowed or re.fullmatch(r"\d+\)?", word["text"])
                          or word["text"].rstrip(")") in {"Stories", "Bids"}):
                    stray.append((word["text"], round(word["size"], 1)))
    assert stray == [], f"words under 24pt that are not a label, heading or page number: {stray}"
    assert card_text_sizes[24] > 100, card_text_sizes
    assert min(round(char["size"], 1) for page in pages for char in page.chars if char["text"].strip()) >= 16


def test_cut_lines_are_dashed(cards_pdf: Path) -> None:
    """WeasyPrint draws a dashed border as short filled bars with gaps: count them along each sheet's edges."""
    reader = PdfReader(cards_pdf)
    with pdfplumber.open(cards_pdf) as pdf:
        indexes = [page.page_number - 1 for page in card_pages(pdf)]
    for index in indexes:
        page = reader.pages[index]
        operations = ContentStream(page.get_contents(), reader).operations
        bars = [[float(value) for value in operands] for operands, operator in operations if operator == b"re"]
        # A dash: 1.5pt thick (2 CSS px) and a few points long.
        vertical = sorted((x, y) for x, y, width, height in bars if abs(width - 2) < 0.01 and 3 < height < 12)
        horizontal = sorted((y, x) for x, y, width, height in bars if abs(height - 2) < 0.01 and 3 < width < 12)
        assert len(vertical) > 60 and len(horizontal) > 40, f"page {index + 1}: {len(vertical)} upright and {len(horizontal)} flat dashes"
        columns = Counter(round(x) for x, _ in vertical)
        assert len([x for x, count in columns.items() if count > 20]) == 3, f"page {index + 1}: cut lines at x = {columns}"
        first_line = [y for x, y in vertical if round(x) == min(columns)]
        gaps = [later - earlier for earlier, later in zip(first_line, first_line[1:])]
        assert min(gaps) > 6.5, f"page {index + 1}: the dashes touch, so the line is solid"


def test_the_contents_lists_each_set_of_cards(cards_pdf: Path) -> None:
    with pdfplumber.open(cards_pdf) as pdf:
        contents = pdf.pages[1].extract_text()
    assert "How to use these cards" in contents
    assert all(f"Cards for: {name}" in contents for name in ACTIVITIES)


# --- The course's own cards pack ----------------------------------------------------------

def test_the_course_has_cards_to_cut_out() -> None:
    """Issue 12: the card sort, the power grid's projects and the panel's bids and role cards are cards."""
    assert len(CARD_FILES) >= 3, f"only these activity pages have '!!! card' boxes under '## Cards to cut out': {CARD_FILES}"


def _column_text(pdf_path: Path) -> str:
    """The pack's words read one column of cards at a time, so titles in side-by-side cards do not interleave."""
    columns = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            middle = page.width / 2
            for box in ((0, 0, middle, page.height), (middle, 0, page.width, page.height)):
                columns.append(page.crop(box).extract_text() or "")
            columns.append(page.extract_text() or "")  # the sheet's heading spans both columns
    return normalise(" ".join(columns))


def test_every_activity_with_cards_has_its_sheets_in_the_pack(site_dir: Path) -> None:
    from bs4 import BeautifulSoup

    text = _column_text(site_dir / "downloads" / PACKS_BY_SLUG["cards-to-cut-out"].filename)
    missing = []
    for name in CARD_FILES:
        built = BeautifulSoup((site_dir / "activities" / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8"), "html.parser")
        title = normalise(built.select_one("article h1").get_text(" ", strip=True))
        cards = built.select("article div.admonition.card")
        if f"Cards for: {title}" not in text or any(normalise(card.select_one(".admonition-title").get_text()) not in text for card in cards):
            missing.append(name)
    assert missing == [], f"activities whose cards are not all in the cards pack: {missing}"


def test_the_pack_has_voting_cards_a_to_d_in_letters_big_enough_to_see_across_a_room(site_dir: Path) -> None:
    """Issue 22: a room votes on a module's question by holding up a letter card."""
    with pdfplumber.open(site_dir / "downloads" / PACKS_BY_SLUG["cards-to-cut-out"].filename) as pdf:
        [sheet] = [page for page in pdf.pages if (page.extract_text() or "").startswith("Cards for: Questions in the room")]
        big = sorted(char["text"] for char in sheet.chars if char["size"] >= 100)
    assert big == ["A", "B", "C", "D"]
