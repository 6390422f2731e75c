"""Unit tests for hooks/hosting/content_security_policy.py: finding inline code, hashing it, and moving it into files."""

from __future__ import annotations

import pytest

from pathlib import Path

from conftest import PROJECT_DIR, build_site
from hosting.content_security_policy import (
    MOVABLE_PAGES,
    externalise_inline_code,
    inline_code,
    inline_code_problems,
    nginx_policy,
    only_waits_for_load,
    policy,
    site_wide_hashes,
    source_hash,
    with_policy,
)


def test_source_hash_matches_the_csp_specification_example() -> None:
    # sha256 of no bytes, base64: the value every CSP tool gives for an empty script.
    assert source_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert source_hash("alert(1)") != source_hash("alert(1) ")  # every character counts


def test_inline_code_finds_what_a_policy_must_allow_and_skips_data_and_files() -> None:
    found = inline_code(
        '<script>var a = 1 && 2;</script>'
        '<script id="__config" type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script>'
        '<style>p { color: red }</style>'
        '<p style="color: blue" onclick="go()">Hi</p><a href="javascript:go()">go</a>'
    )
    assert found.scripts == ["var a = 1 && 2;"]
    assert found.style_elements == ["p { color: red }"]
    assert found.style_attributes == ["color: blue"]
    assert found.event_handlers == ["<p onclick=...>"]
    assert found.javascript_urls == ["javascript:go()"]


def test_policy_lists_hashes_sorted_and_nothing_unsafe() -> None:
    text = policy({"'sha256-b'", "'sha256-a'"})
    assert "script-src 'self' 'sha256-a' 'sha256-b';" in text
    assert "default-src 'none'" in text and "frame-ancestors 'none'" in text
    assert "unsafe" not in text


def test_site_wide_hashes_keeps_only_what_every_page_has() -> None:
    pages = ["<script>shared()</script><script>one()</script>", "<script>shared()</script><style>p{}</style>"]
    assert site_wide_hashes(pages) == {source_hash("shared()")}
    assert site_wide_hashes([]) == set()


def test_externalise_moves_page_only_code_into_files_and_keeps_the_rest() -> None:
    page = ("<head><script>shared()</script><script>document.addEventListener('DOMContentLoaded', function () { go(); })</script>"
            "<script>now()</script><script type=\"application/json\">{}</script></head><body><style>h1 { margin: 0 }</style></body>")
    changed, files = externalise_inline_code(page, "print_page/index.html", {source_hash("shared()")})
    assert "<script>shared()</script>" in changed
    assert '<script type="application/json">{}</script>' in changed
    assert len(files) == 3 and set(files.values()) == {
        "document.addEventListener('DOMContentLoaded', function () { go(); })", "now()", "h1 { margin: 0 }"}
    for target, text in files.items():
        assert target.startswith("assets/inline/")
        address = "../" + target
        if target.endswith(".css"):
            assert f'<link rel="stylesheet" href="{address}">' in changed
        elif "DOMContentLoaded" in text:
            assert f'<script src="{address}" defer></script>' in changed
        else:
            assert f'<script src="{address}"></script>' in changed
    assert inline_code(changed).scripts == ["shared()"]
    assert changed.index('<link rel="stylesheet"') < changed.index("</head>"), "a <link> belongs in the head (H59.1)"
    assert changed.endswith("<body></body>")


def test_a_style_from_the_head_keeps_its_place_among_the_stylesheets() -> None:
    page = '<head><style>p{}</style><link rel="stylesheet" href="later.css"></head><body></body>'
    changed, files = externalise_inline_code(page, "print_page/index.html", set())
    assert changed.index("assets/inline/") < changed.index("later.css")


def test_externalise_names_files_by_content_so_pages_share_them() -> None:
    _, first = externalise_inline_code("<script>x()</script>", "a/index.html", set())
    _, second = externalise_inline_code("<script>x()</script>", "index.html", set())
    assert first.keys() == second.keys()


@pytest.mark.parametrize(
    ("script", "waits"),
    [
        ("document.addEventListener('DOMContentLoaded', function () { go(); })", True),
        ('window.addEventListener("load", () => { say(")"); });', True),
        ('document.addEventListener("load", go); now()', False),
        ("now(); document.addEventListener('load', go)", False),
        ("go()", False),
    ],
)
def test_only_waits_for_load(script: str, waits: bool) -> None:
    assert only_waits_for_load(script) is waits


def test_nginx_policy_round_trip() -> None:
    conf = 'server {\n    add_header Content-Security-Policy "default-src \'none\'" always;\n}\n'
    assert nginx_policy(conf) == "default-src 'none'"
    updated = with_policy(conf, "default-src 'self'")
    assert nginx_policy(updated) == "default-src 'self'"
    assert updated.endswith("always;\n}\n")
    with pytest.raises(ValueError):
        with_policy("server {}", "x")


def test_only_the_print_page_has_its_inline_code_moved() -> None:
    assert MOVABLE_PAGES == {"print_page/index.html", "print_page.html"}


def test_inline_code_problems_lists_scripts_styles_and_handlers_not_on_every_page() -> None:
    page = ('<script>shared()</script><script>steal()</script><style>h1 { color: red }</style>'
            '<button onclick="go()">Go</button><a href="javascript:go()">Go</a><script type="application/json">{}</script>')
    assert inline_code_problems(page, {source_hash("shared()")}) == [
        'it has an inline <script> ("steal()")', 'it has an inline <style> ("h1 { color: red }")',
        "it has an event-handler attribute <button onclick=...>", 'it has a javascript: link ("javascript:go()")']
    assert inline_code_problems("<script>shared()</script>", {source_hash("shared()")}) == []


def test_a_script_typed_into_a_page_fails_the_strict_build_naming_the_file(tmp_path: Path) -> None:
    result = build_site(PROJECT_DIR / "tests" / "fixtures" / "inline-script" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("""Doc file 'typed-script.md': it has an inline <script> ("document.title = "changed";"), which the """
            "Content-Security-Policy blocks.") in result.stderr, result.stderr
    assert "Doc file 'typed-script.md': it has an event-handler attribute <button onclick=...>" in result.stderr
    assert "Doc file 'index.md'" not in result.stderr
    assert not (tmp_path / "site" / "assets" / "inline").exists()
