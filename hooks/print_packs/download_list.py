"""The list of packs on the "Print and download" page: a link to each PDF with its pages and size."""

from __future__ import annotations

import html as html_lib

from print_packs.packs import Pack

MARKER = "<!-- print-packs -->"


def file_size(size: int) -> str:
    """A file size in words a reader knows: '850 KB', '1.2 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def download_item(pack: Pack, href: str, pages: int | None, size: int | None) -> str:
    """One pack's list item: its name and facts as the link, then what it holds."""
    facts = ["PDF"]
    if pages:
        facts.append(f"{pages} pages")
    if size:
        facts.append(file_size(size))
    name = html_lib.escape(pack.title, quote=False)
    return (f'<li class="app-downloads__item"><a href="{html_lib.escape(href)}" download>'
            f'{name} ({", ".join(facts)})</a><br>{html_lib.escape(pack.description, quote=False)}</li>')


def download_list(items: list[str], combined_page_href: str | None = None) -> str:
    """The whole list of packs, and a link to the whole course on one web page if there is one."""
    combined = (f'<p>To print the whole course from your web browser instead, open '
                f'<a href="{html_lib.escape(combined_page_href)}">the whole course on one page</a>.</p>'
                if combined_page_href else "")
    return f'<ul class="app-downloads">{"".join(items)}</ul>{combined}'
