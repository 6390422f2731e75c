"""Page weight: what each page of the course loads, gzip-compressed, against a stock Material build of the same pages.

    make benchmark-weight
    PYTHONPATH=hooks:tests .venv/bin/python tools/benchmark_page_weight.py [--site BUILT_SITE] [--stock-site BUILT_STOCK_SITE]

It builds the course (or uses --site), and a stock Material for MkDocs build of
the same docs/ and nav with no overrides and no hooks. It serves each on
127.0.0.1, opens every page in Chromium with an empty cache, and adds up every
file the page loads (HTML, CSS, JavaScript, fonts, the search index its script
fetches, images), each counted as nginx would send it (gzip level 6 for text).
It prints a table, the largest pages, and the ratio to stock Material, and exits
with 1 if any page is over the budget: 150 KiB of HTML, CSS, JavaScript and fonts
(the search index, fetched in the background after the page shows, is listed
as "data" and in the "all" column). This is a measurement, not a
timed test: sizes do not depend on how fast the machine is.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

from hosting.page_weight import BUDGET_KIB, PageWeight, kib, page_weight, summary, table

PROJECT_DIR = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-default-apps"]
# The settings a stock site shares with ours, so both have the same pages and the same Markdown.
SHARED_SETTINGS = ("site_name", "nav", "markdown_extensions", "exclude_docs", "not_in_nav")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def build(config_file: Path, site_dir: Path, strict: bool) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        command.insert(4, "--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=config_file.parent, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"Build of {config_file} failed:\n{result.stderr[-3000:]}")


class _TagIgnoringLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV and the like), which a stock build does not need."""


_TagIgnoringLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def stock_config(folder: Path) -> Path:
    """A mkdocs.yml for stock Material: our docs, nav and Markdown settings; no overrides, hooks or custom fonts."""
    ours = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagIgnoringLoader)
    config = {key: ours[key] for key in SHARED_SETTINGS if key in ours}
    # Stock Material has no en-GB translation of its own words ("en" is the nearest).
    # font: false, as issue 13 measured it: no Google Fonts request (offline it would fail at once, 0 bytes).
    config.update({"docs_dir": str(PROJECT_DIR / "docs"), "theme": {"name": "material", "language": "en", "font": False},
                   "plugins": ["search"], "validation": {"links": {"not_found": "info", "anchors": "info"}}})
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def pages_of(site_dir: Path) -> list[str]:
    """Every page's address on the server, leaving out the 404 page and the authors' pages."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith(("authors/",)):
            continue
        pages.append(relative[: -len("index.html")])
    return pages


def measure(site_dir: Path, browser) -> list[PageWeight]:
    """Open every page with an empty cache and weigh what it loaded."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights = []
    try:
        for page in pages_of(site_dir):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            urls: list[str] = []
            context.on("request", lambda request: urls.append(request.url))
            tab = context.new_page()
            tab.goto(base + page, wait_until="load")
            tab.wait_for_load_state("networkidle")
            weights.append(page_weight(page or "(start page)", urls, site_dir, base))
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return weights


def built_sites(site: Path | None, stock_site: Path | None, temp: Path) -> tuple[Path, Path]:
    """The course and stock Material: the folders given (--site, --stock-site), or each built afresh into temp."""
    if site is None:
        site = temp / "course"
        print("Building the course (strict) ...", flush=True)
        build(PROJECT_DIR / "mkdocs.yml", site, strict=True)
    if stock_site is None:
        stock_site = temp / "stock"
        print("Building stock Material with the same pages ...", flush=True)
        build(stock_config(temp), stock_site, strict=False)
    return site, stock_site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built course (skips building it)")
    parser.add_argument("--stock-site", type=Path, help="an already built stock Material site")
    arguments = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="page-weight-") as temp:
        site, stock_site = built_sites(arguments.site, arguments.stock_site, Path(temp))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            ours = measure(site, browser)
            stock = measure(stock_site, browser)
            browser.close()

    print(f"\nPage weight of the course, KiB sent (gzip for text); budget {BUDGET_KIB} KiB of HTML, CSS, JS and fonts a page\n")
    print(table(ours))
    print("\nLargest pages (HTML, CSS, JS and fonts):")
    for weight in sorted(ours, key=lambda w: w.budgeted, reverse=True)[:5]:
        note = "" if weight.held_to_budget else "  (the whole course on one page, for printing: not held to the budget)"
        print(f"  {kib(weight.budgeted):6.1f} KiB  {weight.page}{note}")
    print(f"\n{'':34}{'course':>10}{'stock Material':>16}")
    for kind_of_total, label in (("budgeted", "HTML+CSS+JS+fonts"), ("total", "all, with search index")):
        ours_summary, stock_summary = summary(ours, kind_of_total), summary(stock, kind_of_total)
        for key in ("largest", "median"):
            print(f"{key + ' page, ' + label:34}{ours_summary[key]:10.1f}{stock_summary[key]:16.1f}")
    print(f"Pages measured: {len(ours)} (stock: {len(stock)})")
    for kind_of_total in ("budgeted", "total"):
        stock_by_page = {weight.page: getattr(weight, kind_of_total) for weight in stock}
        ratios = [getattr(weight, kind_of_total) / stock_by_page[weight.page] for weight in ours if stock_by_page.get(weight.page)]
        if ratios:
            print(f"Course / stock Material, same page, {kind_of_total}: median {statistics.median(ratios):.2f}, "
                  f"largest {max(ratios):.2f}, smallest {min(ratios):.2f}")
    outside = sorted({url for weight in stock for url in weight.outside})
    if outside:
        print("Stock Material also asks other sites for (not counted, and failing with no internet):")
        for url in outside[:5]:
            print(f"  {url}")
    ours_outside = sorted({url for weight in ours for url in weight.outside})
    if ours_outside:
        print("The course asked other sites for:", *ours_outside, sep="\n  ")
    missing = sorted({url for weight in ours for url in weight.missing})
    if missing:
        print("Pages asked for files the site does not have:", *missing, sep="\n  ")
    over = [weight for weight in ours if weight.over_budget]
    print(f"\n{len(over)} page(s) over the budget of {BUDGET_KIB} KiB." if over else f"\nEvery page is within {BUDGET_KIB} KiB.")
    return 1 if over or ours_outside or missing else 0


if __name__ == "__main__":
    sys.exit(main())
