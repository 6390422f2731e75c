"""The slides on the "Print and download" page: each session's PowerPoint and PDF, with their sizes."""

from __future__ import annotations

import html as html_lib

from print_packs.download_list import file_size

MARKER = "<!-- print-slides -->"
OFFLINE_NOTE = "<p>The slides are on the course website.</p>"


def slide_list(items: list[tuple[str, int, str, int | None, str, int | None]]) -> str:
    """Each deck (title, slides, .pptx link and size, PDF link and size) as a list item with both files."""
    entries = []
    for title, count, pptx_href, pptx_size, pdf_href, pdf_size in items:
        pptx_facts = ", ".join(["PowerPoint", *([file_size(pptx_size)] if pptx_size else [])])
        pdf_facts = ", ".join(["PDF", *([file_size(pdf_size)] if pdf_size else [])])
        name = html_lib.escape(title.split(":", 1)[0] + " slides", quote=False)
        entries.append(
            f'<li class="app-downloads__item"><a href="{html_lib.escape(pptx_href)}" download>{name} ({pptx_facts})</a>'
            f' or <a href="{html_lib.escape(pdf_href)}" download>{name} ({pdf_facts})</a>'
            f'<br>{html_lib.escape(title, quote=False)}: {count} slides in large print, with the talk notes as '
            "speaker notes.</li>")
    return f'<ul class="app-downloads">{"".join(entries)}</ul>' if entries else OFFLINE_NOTE
