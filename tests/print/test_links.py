"""Unit tests for print_packs.links: where links point, page references, plain text and unique ids."""

from __future__ import annotations

import pytest

from print_packs.clean import fragment
from print_packs.links import page_key, prefix_ids, resolve_link, rewrite_links, unwrap_dangling_links


@pytest.mark.parametrize("href, from_url, expected", [
    ("../05-is-it-really-co-production/", "modules/04-seven-principles/", ("modules/05-is-it-really-co-production/", "")),
    ("../../glossary/#co-production", "modules/04-seven-principles/", ("glossary/", "co-production")),
    ("#key-points", "modules/04-seven-principles/", ("modules/04-seven-principles/", "key-points")),
    ("activities/", "", ("activities/", "")),
    ("../index.html", "modules/a.html", ("", "")),
    ("b.html#x", "modules/a.html", ("modules/b.html", "x")),
    ("https://www.example.org/", "modules/a/", None),
])
def test_resolve_link(href: str, from_url: str, expected) -> None:
    assert resolve_link(href, from_url) == expected


def test_page_key_matches_print_site() -> None:
    assert page_key("modules/04-seven-principles/") == "modules-04-seven-principles"
    assert page_key("") == "index"


KEYS = {"modules/04-seven-principles/": "modules-04-seven-principles", "case-studies/hampshire/": "case-studies-hampshire", "glossary/": "glossary"}


def rewritten(html: str, plain: frozenset[str] = frozenset({"glossary/"})) -> str:
    soup = fragment(html)
    rewrite_links(soup, from_url="modules/04-seven-principles/", keys=KEYS, plain_pages=plain)
    return str(soup)


def test_link_to_a_page_in_the_pack_becomes_a_page_reference() -> None:
    html = rewritten('<p>Read <a href="../../case-studies/hampshire/">Hampshire</a>.</p>')
    assert html == '<p>Read <a class="app-pack__page-ref" href="#case-studies-hampshire">Hampshire</a>.</p>'


def test_link_to_a_heading_keeps_its_fragment() -> None:
    html = rewritten('<a href="#key-points">Key points</a>')
    assert 'href="#modules-04-seven-principles-key-points"' in html


def test_link_to_a_page_not_in_the_pack_becomes_plain_text() -> None:
    assert rewritten('<p>Try <a href="../../activities/jargon-buster/">the jargon buster</a>.</p>') == "<p>Try the jargon buster.</p>"


def test_glossary_links_become_plain_words() -> None:
    html = rewritten('<p>We call it <a href="../../glossary/#co-production" aria-describedby="tip">co-production</a>.</p>')
    assert html == "<p>We call it co-production.</p>"


def test_glossary_links_can_be_page_references_when_asked() -> None:
    assert 'href="#glossary-co-production"' in rewritten('<a href="../../glossary/#co-production">x</a>', plain=frozenset())


def test_outside_link_keeps_its_address_for_print() -> None:
    html = rewritten('<a href="https://www.ndti.org.uk/">NDTi</a>')
    assert html == '<a class="app-pack__outside-link" href="https://www.ndti.org.uk/">NDTi</a>'


def test_prefix_ids_keeps_labels_and_descriptions_tied() -> None:
    soup = fragment('<h2 id="a">A</h2><input id="q1"><label for="q1">One</label><p aria-describedby="a q1">x</p>')
    prefix_ids(soup, "page")
    assert soup.h2["id"] == "page-a"
    assert soup.label["for"] == "page-q1"
    assert soup.p["aria-describedby"] == "page-a page-q1"


def test_dangling_anchor_links_become_plain_text() -> None:
    soup = fragment('<h2 id="here">Here</h2><a href="#here">ok</a> <a href="#gone">gone</a>')
    assert unwrap_dangling_links(soup) == ["gone"]
    assert str(soup) == '<h2 id="here">Here</h2><a href="#here">ok</a> gone'
