"""How heavy a page is: the bytes of everything it loads, as a web server would send them (gzip).

Used by tools/benchmark_page_weight.py and tests/hosting/test_page_weight.py. It
takes the files a browser asked for and returns sizes; the browser part is theirs.
"""

from __future__ import annotations

import gzip
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

BUDGET_KIB = 150
# The budget covers what a page needs to show and work: its HTML, CSS, JavaScript
# and fonts. The search index (data) is fetched only when a learner first opens
# search (hooks/assets/material_script.py), so a page load has none; if one
# fetches it, it is measured and shown too.
BUDGETED_KINDS = ("html", "css", "js", "fonts")
# The whole course on one page, for printing from a browser: its HTML is every
# page's text, so it is reported but not held to the per-page budget.
NOT_BUDGETED_PAGES = ("print_page/",)
KIND_BY_SUFFIX = {
    ".html": "html", ".css": "css", ".js": "js", ".woff2": "fonts", ".woff": "fonts", ".ttf": "fonts",
    ".json": "data", ".svg": "images", ".png": "images", ".jpg": "images", ".jpeg": "images", ".webp": "images",
    ".ico": "images", ".gif": "images",
}
KINDS = ("html", "css", "js", "fonts", "data", "images", "other")


@lru_cache(maxsize=4096)
def sent_size(path: Path) -> int:
    """The bytes a server sends for a file: gzip level 6 for text, as it is for fonts and images."""
    data = path.read_bytes()
    if path.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"):
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


def file_for_url(url: str, site_dir: Path, base_url: str) -> Path | None:
    """The file in a built site that a URL on its local server names, or None if it is not the site's."""
    if not url.startswith(base_url):
        return None
    path = unquote(urlsplit(url).path[len(urlsplit(base_url).path):])
    target = site_dir / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def kind_of(path: Path) -> str:
    return KIND_BY_SUFFIX.get(path.suffix.lower(), "other")


@dataclass
class PageWeight:
    """One page and the bytes, by kind, of everything it loaded."""

    page: str
    by_kind: dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in KINDS})
    files: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Everything the page loaded."""
        return sum(self.by_kind.values())

    @property
    def budgeted(self) -> int:
        """What the budget covers: HTML, CSS, JavaScript and fonts."""
        return sum(self.by_kind[kind] for kind in BUDGETED_KINDS)

    @property
    def held_to_budget(self) -> bool:
        return self.page not in NOT_BUDGETED_PAGES

    @property
    def over_budget(self) -> bool:
        return self.held_to_budget and kib(self.budgeted) > BUDGET_KIB


def page_weight(page: str, loaded_urls: list[str], site_dir: Path, base_url: str) -> PageWeight:
    """Add up what a page loaded, once per file; URLs from anywhere else are listed in `outside`."""
    weight = PageWeight(page)
    for url in dict.fromkeys(loaded_urls):
        if urlsplit(url).scheme in ("data", "blob", "about"):
            continue
        path = file_for_url(url, site_dir, base_url)
        if path is None:
            weight.outside.append(url)
            continue
        if not path.is_file():
            weight.missing.append(url)
            continue
        relative = path.relative_to(site_dir).as_posix()
        if relative in weight.files:
            continue
        weight.files.append(relative)
        weight.by_kind[kind_of(path)] += sent_size(path)
    return weight


def kib(size: int) -> float:
    return size / 1024


def summary(weights: list[PageWeight], measure: str = "budgeted") -> dict[str, float]:
    """The largest, median and smallest page weights ("budgeted" or "total"), in KiB, of the pages held to the budget."""
    sizes = [kib(getattr(weight, measure)) for weight in weights if weight.held_to_budget]
    return {"largest": max(sizes), "median": statistics.median(sizes), "smallest": min(sizes)}


def table(weights: list[PageWeight]) -> str:
    """A plain-text table of every page, heaviest first, in KiB."""
    header = f"{'page':<52} " + " ".join(f"{kind:>6}" for kind in KINDS) + f" {'budget':>7} {'all':>6}"
    lines = [header, "-" * len(header)]
    for weight in sorted(weights, key=lambda w: w.budgeted, reverse=True):
        cells = " ".join(f"{kib(weight.by_kind[kind]):6.1f}" for kind in KINDS)
        flag = "  OVER BUDGET" if weight.over_budget else ("  (not held to the budget)" if not weight.held_to_budget else "")
        lines.append(f"{weight.page[:52]:<52} {cells} {kib(weight.budgeted):7.1f} {kib(weight.total):6.1f}{flag}")
    return "\n".join(lines)
