"""Unit tests for the contents page: nested links to every part and page, numbered by the print CSS."""

from __future__ import annotations

from pathlib import Path

from conftest import PROJECT_DIR
from print_packs.assemble import Cover, assemble_pack
from print_packs.clean import fragment
from print_packs.contents import ContentsEntry, contents_html, flatten
from print_packs.packs import Pack, Part, SourcePage

PRINT_CSS = PROJECT_DIR / "overrides" / "assets" / "stylesheets" / "app-print.css"


def test_contents_links_each_entry_to_its_section() -> None:
    entries = [ContentsEntry("Session 1", "part-1", [ContentsEntry("Module 1: Start", "modules-01")]), ContentsEntry("Glossary", "glossary")]
    soup = fragment(contents_html(entries))
    assert soup.select_one("nav h1").get_text() == "Contents"
    links = [(a.get_text(), a["href"]) for a in soup.select("a.app-pack__contents-link")]
    assert links == [("Session 1", "#part-1"), ("Module 1: Start", "#modules-01"), ("Glossary", "#glossary")]
    assert soup.select_one("li ol li a")["href"] == "#modules-01", "pages are listed under their part"
    assert [entry.title for entry in flatten(entries)] == ["Session 1", "Module 1: Start", "Glossary"]


def test_print_css_numbers_contents_and_references_with_target_counter() -> None:
    css = PRINT_CSS.read_text(encoding="utf-8")
    assert "target-counter(attr(href url), page)" in css.split(".app-pack__contents-link::after")[1].split("}")[0]
    assert "target-counter(attr(href url), page)" in css.split("a.app-pack__page-ref::after")[1].split("}")[0]


def page(src: str, url: str, html: str, **meta) -> SourcePage:
    return SourcePage(src, url, "", meta, html)


def test_assembled_pack_has_cover_contents_parts_and_answers() -> None:
    pages = [
        page("index.md", "", '<h1 id="start">Start here</h1><p>See <a href="modules/01/">module 1</a>.</p>'),
        page("modules/01.md", "modules/01/", '<h1 id="one">What it means</h1><div class="admonition question">'
             '<p class="admonition-title">Q?</p><ul class="task-list"><li class="task-list-item"><label>'
             '<input checked type="checkbox"> Yes.</label></li></ul><p><strong>Why:</strong> Because.</p></div>'
             '<div class="admonition trainer"><p>Secret.</p></div>', module=1, session=1),
        page("modules/02.md", "modules/02/", "<h1>Later</h1>", module=2, session=2),
    ]
    pack = Pack("test", "Test pack", "A pack.", (Part(None, ("index.md",)), Part("Session 1", ("modules/*.md",), session=1)), answers_at_back=True)
    cover = Cover("The course", "Our group", "2.0", "1 March 2026")
    document = assemble_pack(pack, pages, cover)
    soup = fragment(document.html)
    assert soup.title.get_text() == "Test pack" and soup.html["lang"] == "en-GB"
    assert [dd.get_text() for dd in soup.select(".app-pack__cover dd")] == ["Our group", "2.0", "1 March 2026"]
    assert [a["href"] for a in soup.select(".app-pack__contents a")] == ["#index", "#app-pack-part-2", "#modules-01", "#app-pack-answers"]
    assert soup.select_one("#modules-01 h2").get_text() == "Module 1: What it means"
    assert soup.select_one("#index a")["href"] == "#modules-01"
    assert "Later" not in soup.get_text(), "session 2 pages stay out of a session 1 part"
    assert "Secret." not in soup.get_text() and document.trainer_notes_removed == 1
    assert soup.select_one("#app-pack-answers-modules-01") is not None


def test_a_parts_introduction_page_is_not_named_twice() -> None:
    """The case studies' own page is titled "Case studies", like the part it opens."""
    pages = [
        page("case-studies/index.md", "case-studies/", '<h1 id="cs">Case studies</h1><p>Ten stories.</p>'),
        page("case-studies/leeds.md", "case-studies/leeds/", "<h1>Leeds</h1><p>What happened.</p>"),
    ]
    pack = Pack("test", "Test pack", "A pack.", (Part("Case studies", ("case-studies/*.md",)),))
    soup = fragment(assemble_pack(pack, pages, Cover("The course", "Our group", "2.0", "1 March 2026")).html)
    headings = [heading.get_text() for heading in soup.select("main h1, main h2")]
    assert headings == ["Case studies", "Case study: Leeds"]
    assert [a.get_text(" ", strip=True) for a in soup.select(".app-pack__contents a")] == ["Case studies", "Case study: Leeds"]
    introduction = soup.select_one("#case-studies")
    assert introduction is not None and "Ten stories." in introduction.get_text(), "links to the page still land on its text"
