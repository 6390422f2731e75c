"""LinkChecker over the served site: no broken internal links or anchors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

LINKCHECKER_CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).with_name("linkchecker")


def external_links(site_dir: Path) -> dict[str, set[str]]:
    """Every link to another website, with the pages it is on."""
    found: dict[str, set[str]] = {}
    for page in site_dir.rglob("*.html"):
        if page.parent.name == "print_page":
            continue
        for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[href]"):
            if urlsplit(link["href"]).scheme in ("http", "https"):
                found.setdefault(link["href"], set()).add(page.relative_to(site_dir).as_posix())
    return found


@pytest.fixture(scope="session")
def link_check(site_url: str, tmp_path_factory: pytest.TempPathFactory):
    """LinkChecker, started in the background: it spends most of its time waiting, so other tests run meanwhile."""
    command = [str(LINKCHECKER), "--config", str(LINKCHECKER_CONFIG), "--no-warnings", "--no-status", site_url]
    if os.environ.get("CHECK_EXTERNAL_LINKS") == "1":
        command.insert(1, "--check-extern")
    output = tmp_path_factory.mktemp("linkchecker")
    process = subprocess.Popen(command, cwd=output, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    yield process
    if process.poll() is None:
        process.kill()


@pytest.mark.run_first
def test_link_check_starts(link_check: subprocess.Popen) -> None:
    assert link_check.poll() in (None, 0), link_check.stderr.read() if link_check.stderr else ""


@pytest.mark.run_last
def test_no_broken_internal_links_or_anchors(link_check: subprocess.Popen) -> None:
    stdout, stderr = link_check.communicate(timeout=1200)
    summary = [line for line in stdout.splitlines() if "links in" in line]
    assert link_check.returncode == 0, stdout[-6000:] + stderr[-2000:]
    assert summary and " 0 errors found" in summary[0], stdout[-3000:]
    checked = int(summary[0].split("That's it. ")[1].split(" links")[0])
    assert checked > 300, summary[0]


def test_external_links_are_listed_and_well_formed(site_dir: Path) -> None:
    links = external_links(site_dir)
    listing = site_dir.parent / "external-links.txt"
    listing.write_text("".join(f"{url}\t{', '.join(sorted(pages))}\n" for url, pages in sorted(links.items())), encoding="utf-8")
    assert links, "the course cites outside sources, so there should be some outside links"
    bad = [url for url in links if not urlsplit(url).netloc or " " in url]
    assert not bad, bad
