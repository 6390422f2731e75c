"""Anchors and links inside a pack: ids made unique, course links made into page references or plain text."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

# The same keys as mkdocs-print-site-plugin's combined page, so a section has one id everywhere.
from mkdocs_print_site_plugin.urls import get_page_key

PAGE_REF_CLASS = "app-pack__page-ref"
OUTSIDE_LINK_CLASS = "app-pack__outside-link"
_OUTSIDE_SCHEMES = ("http", "https", "mailto", "tel")

__all__ = ["get_page_key", "page_key", "resolve_link", "prefix_ids", "rewrite_links", "unwrap_dangling_links"]


def page_key(url: str) -> str:
    """The anchor id of a page in a pack, from its site address ('modules/a/' -> 'modules-a')."""
    return get_page_key(url)


def _normalise_page_url(path: str) -> str:
    """A site path in MkDocs' own form: 'a/b/' for directory URLs, 'a/b.html' otherwise, '' for the home page."""
    path = path.lstrip("/")
    if path in ("", ".", "index.html"):
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def resolve_link(href: str, from_url: str) -> tuple[str, str] | None:
    """The site page address and fragment a relative link points at, or None for outside links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return _normalise_page_url(from_url), unquote(parts.fragment)
    base = "/" + from_url
    if not base.endswith("/"):
        base = posixpath.dirname(base) + "/"
    joined = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    if parts.path.endswith("/") and not joined.endswith("/"):
        joined += "/"
    return _normalise_page_url(joined), unquote(parts.fragment)


def prefix_ids(root: Tag, key: str) -> None:
    """Prefix every id (and every `for`, `aria-*` reference to one) in `root` with the page key, so ids stay unique."""
    for element in root.find_all(id=True):
        element["id"] = f"{key}-{element['id']}"
    for element in root.find_all(attrs={"for": True}):
        element["for"] = f"{key}-{element['for']}"
    for attribute in ("aria-describedby", "aria-labelledby", "aria-controls"):
        for element in root.find_all(attrs={attribute: True}):
            element[attribute] = " ".join(f"{key}-{ref}" for ref in str(element[attribute]).split())


def rewrite_links(root: Tag, *, from_url: str, keys: dict[str, str], plain_pages: frozenset[str] = frozenset()) -> None:
    """Turn links in `root` (a page at `from_url`) into page references, plain text or shown addresses.

    `keys` maps the address of every page in the pack to its anchor key. Links
    to those pages become `#key` or `#key-fragment` links with the page-reference
    class (the print CSS adds "page N"); links to other course pages, and to
    `plain_pages`, become plain text; outside links keep their address for the
    print CSS to show.
    """
    for link in root.find_all("a", href=True):
        href = str(link["href"]).strip()
        if urlsplit(href).scheme in _OUTSIDE_SCHEMES:
            link["class"] = [*link.get("class", []), OUTSIDE_LINK_CLASS]
            continue
        target = resolve_link(href, from_url)
        if target is None or target[0] in plain_pages or target[0] not in keys:
            link.unwrap()
            continue
        page_url, fragment = target
        key = keys[page_url]
        link["href"] = f"#{key}-{fragment}" if fragment else f"#{key}"
        link["class"] = [*link.get("class", []), PAGE_REF_CLASS]
        for attribute in ("aria-describedby", "title", "target", "rel"):
            if link.has_attr(attribute):
                del link[attribute]


def unwrap_dangling_links(soup: BeautifulSoup) -> list[str]:
    """Make any `#anchor` link whose target is not in the document plain text; return the anchors that were missing."""
    ids = {str(element["id"]) for element in soup.find_all(id=True)}
    missing = []
    for link in soup.find_all("a", href=True):
        href = str(link["href"])
        if href.startswith("#") and href[1:] not in ids:
            missing.append(href[1:])
            link.unwrap()
    return missing
