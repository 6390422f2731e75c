"""mkdocs-print-site-plugin's combined page: one main heading, no skipped levels, no empty links."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from print_packs.combined_page import tidy_combined_page

COMBINED = """<article><div id="print-site-page">
<section class="print-page" id="index"><h1 id="index-start">Start</h1><h2>About</h2></section>
<section class="print-page md-section" id="section-2"><h1>Session 1<a class="headerlink" href="#section-2" title="Permanent link"></a></h1>
<section class="print-page" id="m1"><h1>Module 1</h1><h2>Key points</h2><h3>Detail</h3>
<div role="region" aria-label="Table: Start">x</div></section>
<section class="print-page" id="m2"><h1>Module 2</h1><div role="region" aria-label="Table: Start">y</div></section></section>
<section class="print-page md-section" id="section-3"><h1>Your learning</h1></section>
</div></article>"""


def test_one_main_heading_and_levels_follow_the_nesting() -> None:
    soup = BeautifulSoup(tidy_combined_page(COMBINED, "The whole course"), "html.parser")
    assert [(h.name, h.get_text()) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])] == [
        ("h1", "The whole course"), ("h2", "Start"), ("h3", "About"), ("h2", "Session 1"),
        ("h3", "Module 1"), ("h4", "Key points"), ("h5", "Detail"), ("h3", "Module 2"),
    ]
    assert [region["aria-label"] for region in soup.select("[role=region]")] == ["Table: Start", "Table: Start, in Module 2"]
    assert not soup.select("a.headerlink"), "empty permanent links have no name for screen readers"
    assert soup.find(id="section-3") is None, "sections with no pages are left out"


def test_built_combined_page_has_every_module_and_one_h1(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "print_page" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("article h1")) == 1
    assert soup.title.get_text().startswith("The whole course on one page")
    assert len(soup.select("#print-site-page section[id^=modules-]")) == 10
    # The pages' finished HTML, as the site shows it (interactive questions, not the raw task lists).
    assert soup.select("#print-site-page fieldset") and not soup.select("#print-site-page ul.task-list")
