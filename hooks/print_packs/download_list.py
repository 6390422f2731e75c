"""The list of packs on the "Print and download" page: a link to each PDF with its pages and size."""

from __future__ import annotations

import html as html_lib
import re

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


# On the offline copy's page (and so in the SCORM package, made from it), which holds every file but this one.
SCORM_NOT_IN_THIS_COPY = ("For organisations, the course for a learning platform such as Moodle (a SCORM package) "
                          "is on the course website. It is not in this copy.")


def download_list(items: list[str], combined_page_href: str | None = None, note: str | None = None) -> str:
    """The whole list of packs, a note under it if there is one, and a link to the whole course on one web page if there is one."""
    combined = (f'<p>To print the whole course from your web browser instead, open '
                f'<a href="{html_lib.escape(combined_page_href)}">the whole course on one page</a>.</p>'
                if combined_page_href else "")
    below = f'<p class="app-downloads__note">{html_lib.escape(note, quote=False)}</p>' if note else ""
    return f'<ul class="app-downloads">{"".join(items)}</ul>{below}{combined}'


SIZE_SLOT = "data-size-of"


def other_download_item(title: str, format_words: str, href: str, site_path: str, who_for: str) -> str:
    """A download that is not a PDF pack: its name, its format in words and, once the file is made, its size.

    The file may be made after this page is written (the SCORM package comes from the offline copy, the
    last step of the build): `fill_sizes` puts its size in the slot afterwards.
    """
    slot = f'<span {SIZE_SLOT}="{html_lib.escape(site_path)}"></span>'
    return (f'<li class="app-downloads__item"><a href="{html_lib.escape(href)}" download>'
            f'{html_lib.escape(title, quote=False)} ({html_lib.escape(format_words, quote=False)}{slot})</a><br>'
            f'{html_lib.escape(who_for, quote=False)}</li>')


def fill_sizes(html: str, size_of) -> str:
    """Each size slot filled with ", 12.3 MB" from `size_of(site_path)` (None leaves the slot empty)."""
    def fill(match: "re.Match[str]") -> str:
        size = size_of(html_lib.unescape(match.group(1)))
        return match.group(0) if size is None else f'<span {SIZE_SLOT}="{match.group(1)}">, {file_size(size)}</span>'

    return re.sub(rf'<span {SIZE_SLOT}="([^"]*)"></span>', fill, html)
