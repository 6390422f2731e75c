"""The "Cards to cut out" pack: every `!!! card` on the activity pages, four or six to an A4 sheet.

Authors write each card once, on its activity page, under "## Cards to cut out":

    !!! card "Story 5"
        A panel of older people sets the rules for a fund and decides who gets money.

Each card becomes a box with dashed cut lines, its words at 24pt and its
activity's name in smaller print, so sets cut out together do not get mixed.
An activity's cards go six to a sheet (two across, three down); when any card's
words run past its cut lines there, the build lays that set out again four to a
sheet (two by two), and a card too long even for that is a warning naming its
file. The web page shows the same cards as boxes (app-cards.css); app-print.css
lays out the sheets.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from print_packs.render import OVERFLOW_ATTRIBUTE as CARD_ID_ATTRIBUTE

CARD = "div.admonition.card"
CARD_CLASS = "app-cards__card"


@dataclass(frozen=True)
class Card:
    """One card: its title, its words as HTML, and its words as plain text."""

    title: str
    body_html: str
    text: str


@dataclass(frozen=True)
class CardSet:
    """One activity's cards: the activity's name, its Markdown file, the id its first sheet gets, and cards per sheet."""

    activity: str
    src_uri: str
    anchor: str
    cards: tuple[Card, ...]
    per_sheet: int = 6

    def card_id(self, index: int) -> str:
        """A card's id in the pack, which the PDF engine reports when the card's words do not fit."""
        return f"{self.anchor}-{index + 1}"

    def card_named(self, card_id: str) -> Card | None:
        """The card with this id, or None if it is not in this set."""
        prefix = f"{self.anchor}-"
        if not card_id.startswith(prefix) or not card_id[len(prefix):].isdigit():
            return None
        index = int(card_id[len(prefix):]) - 1
        return self.cards[index] if 0 <= index < len(self.cards) else None

    def sheets(self) -> list[tuple[Card, ...]]:
        """The cards cut into sheets of `per_sheet`."""
        size = self.per_sheet
        return [self.cards[start:start + size] for start in range(0, len(self.cards), size)]


def _words(element: Tag) -> str:
    return " ".join(element.get_text(" ", strip=True).split())


def cards_in(page_html: str) -> list[Card]:
    """Every card on a page, in order: links become plain words, since a card is paper."""
    soup = BeautifulSoup(page_html, "html.parser")
    cards = []
    for box in soup.select(CARD):
        title_element = box.select_one("p.admonition-title")
        title = _words(title_element) if title_element else ""
        if title_element is not None:
            title_element.decompose()
        for link in box.find_all("a"):
            link.unwrap()
        body = "".join(str(child) for child in box.contents).strip()
        cards.append(Card(title, body, _words(box)))
    return cards


def _escape(text: str) -> str:
    return html_lib.escape(text, quote=False)


def card_html(card: Card, activity: str, card_id: str = "") -> str:
    """One card: its title, its words, and its activity in small print at the foot."""
    title = f'<p class="app-cards__title">{_escape(card.title)}</p>' if card.title else ""
    # A card whose title is one letter (the A, B and C cards for voting) shows it large, to hold up in a room.
    kind = f"{CARD_CLASS} {CARD_CLASS}--letter" if len(card.title) == 1 and card.title.isalpha() else CARD_CLASS
    return (f'<div class="{kind}" {CARD_ID_ATTRIBUTE}="{html_lib.escape(card_id)}">{title}<div class="app-cards__text">{card.body_html}</div>'
            f'<p class="app-cards__activity">{_escape(activity)}</p></div>')


def spare_card_html(activity: str) -> str:
    """A card with no words, to fill the last sheet: a spare, or one a group writes itself."""
    return (f'<div class="app-cards__card app-cards__card--spare">'
            f'<p class="app-cards__activity">{_escape(activity)}</p></div>')


def card_set_html(card_set: CardSet, heading_tag: str = "h2") -> str:
    """An activity's sheets: the first with a heading (for the contents and bookmarks), then one per page."""
    sheets = card_set.sheets()
    parts = []
    first_index = 0
    for number, cards in enumerate(sheets, start=1):
        label = f"Cards for: {_escape(card_set.activity)}" + (f" (sheet {number} of {len(sheets)})" if number > 1 else "")
        heading = (f'<{heading_tag} class="app-cards__heading" id="{html_lib.escape(card_set.anchor)}">{label}</{heading_tag}>'
                   if number == 1 else f'<p class="app-cards__heading">{label}</p>')
        spares = card_set.per_sheet - len(cards)
        grid = "".join(card_html(card, card_set.activity, card_set.card_id(first_index + offset)) for offset, card in enumerate(cards))
        grid += spare_card_html(card_set.activity) * spares
        first_index += len(cards)
        parts.append(f'<section class="app-cards__sheet app-cards__sheet--{card_set.per_sheet}">{heading}'
                     f'<div class="app-cards__grid">{grid}</div></section>')
    return "".join(parts)


@dataclass(frozen=True)
class CardSource:
    """An activity page to take cards from."""

    src_uri: str
    anchor: str
    activity: str
    html: str


def card_sets(pages: list[CardSource], four_to_a_sheet: frozenset[str] = frozenset()) -> list[CardSet]:
    """Each page's cards as a set, six to a sheet unless its anchor is in `four_to_a_sheet`; pages with no cards left out."""
    return [CardSet(page.activity, page.src_uri, page.anchor, tuple(found), 4 if page.anchor in four_to_a_sheet else 6)
            for page in pages if (found := cards_in(page.html))]


def too_long_message(card_set: CardSet, card: Card) -> str:
    """The build's message for a card whose words do not fit even a quarter of a sheet at 24pt."""
    return (f"Doc file '{card_set.src_uri}': the card \"{card.title or card.text[:30]}\" has too many words to fit a "
            f"quarter of an A4 sheet at 24pt ({len(card.text.split())} words). Shorten it, or split it into two cards.")


def sets_to_lay_out_four_to_a_sheet(sets: tuple[CardSet, ...], overflowing: tuple[str, ...]) -> frozenset[str]:
    """The anchors of six-to-a-sheet sets with a card whose words ran past its cut lines."""
    return frozenset(card_set.anchor for card_set in sets if card_set.per_sheet == 6
                     and any(card_set.card_named(card_id) is not None for card_id in overflowing))


def too_long_messages(sets: tuple[CardSet, ...], overflowing: tuple[str, ...]) -> list[str]:
    """A message for each card that does not fit even four to a sheet, naming its file."""
    messages = []
    for card_id in overflowing:
        for card_set in sets:
            card = card_set.card_named(card_id)
            if card is not None and card_set.per_sheet == 4:
                messages.append(too_long_message(card_set, card))
    return messages
