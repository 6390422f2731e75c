"""The "Cards to cut out" pack: every `!!! card` on the activity pages, four or six to an A4 sheet.

Authors write each card once, on its activity page, under "## Cards to cut out":

    !!! card "Story 5"
        A panel of older people sets the rules for a fund and decides who gets money.

Each card becomes a box with dashed cut lines, its words at 24pt and its
activity's name in smaller print, so sets cut out together do not get mixed.
An activity's cards go six to a sheet (two across, three down); when any card's
words run past its cut lines there, the build lays that set out again four to a
sheet (two by two), and a card too long even for that is a warning naming its
file.

Two other kinds of card make sets of their own: `!!! card name-card "Panel member"`,
a folded name card (four to a sheet, its name printed twice, one upside down, so it
reads from both sides of the table when folded), and `!!! card poster "…"`, one
large-print sheet of A4 turned sideways; two such sheets, one above the other, make
an A3 chart for the wall. The web page shows the same cards as boxes (app-cards.css); app-print.css
lays out the sheets.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from print_packs.render import OVERFLOW_ATTRIBUTE as CARD_ID_ATTRIBUTE

CARD = "div.admonition.card"
CARD_CLASS = "app-cards__card"


# The kinds of card a box can be (the word after "card" in `!!! card name-card "…"`), and cards per sheet.
NAME_CARD = "name-card"
POSTER = "poster"
PER_SHEET = {"": 6, NAME_CARD: 4, POSTER: 1}
KIND_LABELS = {"": "", NAME_CARD: " (name cards)", POSTER: " (large sheets)"}


@dataclass(frozen=True)
class Card:
    """One card: its title, its words as HTML, its words as plain text, and its kind ("", name-card or poster)."""

    title: str
    body_html: str
    text: str
    kind: str = ""


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
        classes = box.get("class", [])
        kind = next((name for name in (NAME_CARD, POSTER) if name in classes), "")
        cards.append(Card(title, body, _words(box), kind))
    return cards


def _escape(text: str) -> str:
    return html_lib.escape(text, quote=False)


def card_html(card: Card, activity: str, card_id: str = "") -> str:
    """One card: its title, its words, and its activity in small print at the foot."""
    title = f'<p class="app-cards__title">{_escape(card.title)}</p>' if card.title else ""
    # A card whose title is one letter (the A, B and C cards for voting) shows it large, to hold up in a room.
    kind = f"{CARD_CLASS} {CARD_CLASS}--letter" if len(card.title) == 1 and card.title.isalpha() else CARD_CLASS
    if card.kind == NAME_CARD:
        # Folded along the middle, the upper copy (turned over) faces the other side of the table.
        kind = f"{CARD_CLASS} {CARD_CLASS}--name"
        title = (f'<p class="app-cards__title app-cards__title--upside-down" aria-hidden="true">{_escape(card.title)}</p>'
                 f'<p class="app-cards__fold">Fold along this line</p>{title}')
    elif card.kind == POSTER:
        kind = f"{CARD_CLASS} {CARD_CLASS}--poster"
    # A name card shows only its name: how to fold it is said on the sheet's web page and by the fold line.
    text = "" if card.kind == NAME_CARD else f'<div class="app-cards__text">{card.body_html}</div>'
    return (f'<div class="{kind}" {CARD_ID_ATTRIBUTE}="{html_lib.escape(card_id)}">{title}{text}'
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
        # A large sheet or a name card is never a spare: a blank one would only waste card.
        spares = card_set.per_sheet - len(cards) if not any(card.kind for card in cards) else 0
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
    """Each page's cards as a set of each kind: plain cards six to a sheet (four if the set's anchor is in
    `four_to_a_sheet`), then name cards four to a sheet, then large sheets one to a sheet; pages with no cards left out."""
    sets = []
    for page in pages:
        found = cards_in(page.html)
        for kind in PER_SHEET:
            cards = tuple(card for card in found if card.kind == kind)
            if not cards:
                continue
            anchor = page.anchor + (f"-{kind}" if kind else "")
            per_sheet = 4 if not kind and anchor in four_to_a_sheet else PER_SHEET[kind]
            sets.append(CardSet(page.activity + KIND_LABELS[kind], page.src_uri, anchor, cards, per_sheet))
    return sets


def too_long_message(card_set: CardSet, card: Card) -> str:
    """The build's message for a card whose words do not fit even a quarter of a sheet at 24pt."""
    room = "an A4 sheet" if card_set.per_sheet == 1 else "a quarter of an A4 sheet"
    return (f"Doc file '{card_set.src_uri}': the card \"{card.title or card.text[:30]}\" has too many words to fit "
            f"{room} at 24pt ({len(card.text.split())} words). Shorten it, or split it into two cards.")


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
            if card is not None and card_set.per_sheet in (4, 1):
                messages.append(too_long_message(card_set, card))
    return messages
