"""The course's pages as the output steps see them: the menu order, each page's finished HTML, the cover.

`print_packs_hook.py` fills `COLLECTED` once per build (the menu order in `on_nav`,
each page's HTML last of all the page hooks, the cover facts in `on_env`); the PDF
packs and the Word and EPUB files both read it. `in_menu_order` is the one rule for "in the menu's order".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from print_packs.assemble import Cover
from print_packs.packs import SourcePage


def in_menu_order(src_uris: Iterable[str], menu: Sequence[str]) -> list[str]:
    """The pages in the menu's order; pages left out of the menu come after them, A to Z."""
    position: dict[str, int] = {}
    for index, uri in enumerate(menu):
        position[uri] = index
    return sorted(src_uris, key=lambda uri: (position.get(uri, len(position)), uri))


class CollectedPages:
    """Every page's finished HTML and the menu's order, gathered once per build."""

    def __init__(self) -> None:
        self.menu: list[str] = []
        self.pages: dict[str, SourcePage] = {}
        # What every pack's and file's cover says, worked out once per build.
        self.cover: Cover | None = None
        # Whether this build makes no packs (mkdocs serve, PRINT_PACKS=off, the offline copy's build),
        # or no hook collects them: print_packs.packs_skipped, decided once in print_packs_hook.py.
        self.skipped = True

    def clear(self) -> None:
        """Forget the last build (`mkdocs serve` builds again in the same process)."""
        self.menu.clear()
        self.pages.clear()
        self.cover = None
        self.skipped = True

    def in_order(self) -> list[SourcePage]:
        """The pages in the menu's order; pages left out of the menu still count (a pack's pattern may name them)."""
        return [self.pages[uri] for uri in in_menu_order(self.pages, self.menu)]


COLLECTED = CollectedPages()
