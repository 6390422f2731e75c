"""The Word and EPUB files on the "Print and download" page: each with its format in words, its size and who it is for."""

from __future__ import annotations

import html as html_lib

from ebooks.documents import Ebook
from print_packs.download_list import file_size

MARKER = "<!-- print-word-and-epub -->"
GROUPS = (
    ("pack", "Word documents and e-books of the packs",
     "A Word document is for anyone who wants to choose their own text size, font and colours, or use a screen "
     "reader. An EPUB e-book is for reading on an e-reader, phone or tablet, where the words fit the screen."),
    ("handout", "Each handout as a Word document",
     "For trainers who want to change a handout before printing it, such as adding their own venue or questions."),
    ("form", "Each form as a Word document",
     "For trainers who want to adapt a form before printing it, such as adding their own logo, venue or dates."),
)
OFFLINE_NOTE = ("<p>The Word documents and EPUB e-books are on the course website. This copy for use without "
                "internet does not include them.</p>")


def item(ebook: Ebook, href: str, size: int | None) -> str:
    """One file's list item: its name, format in words and size as the link, then what it holds."""
    facts = [ebook.format_in_words] + ([file_size(size)] if size else [])
    return (f'<li class="app-downloads__item"><a href="{html_lib.escape(href)}" download>'
            f'{html_lib.escape(ebook.pack.title, quote=False)} ({", ".join(facts)})</a>'
            f"<br>{html_lib.escape(ebook.pack.description, quote=False)}</li>")


def ebook_list(items: list[tuple[Ebook, str, int | None]], *, heading_level: int = 3) -> str:
    """The files grouped under a heading each, with one sentence on who each group is for."""
    sections = []
    for group, heading, who_for in GROUPS:
        in_group = [item(ebook, href, size) for ebook, href, size in items if ebook.group == group]
        if in_group:
            tag = f"h{heading_level}"
            sections.append(f"<{tag}>{html_lib.escape(heading, quote=False)}</{tag}><p>{html_lib.escape(who_for, quote=False)}</p>"
                            f'<ul class="app-downloads">{"".join(in_group)}</ul>')
    return "".join(sections)
