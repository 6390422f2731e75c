"""Material's script with the search index fetched only when search opens, and its palette.css left out (hooks/assets/material_script.py)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup

from assets import MaterialScriptError, lazy_search_index, without_palette_stylesheet
from assets.material_script import HIGHLIGHT_WAITS_FOR_INDEX, HTTP_LOADS_AT_ONCE, lazy_script_name, material_script_path
from conftest import built_pages

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
MATERIAL_SCRIPTS = sorted((MATERIAL_TEMPLATES / "assets" / "javascripts").glob("bundle.*.min.js"))


def test_materials_script_changes_in_exactly_two_places() -> None:
    assert len(MATERIAL_SCRIPTS) == 1
    original = MATERIAL_SCRIPTS[0].read_text(encoding="utf-8")
    changed = lazy_search_index(original, str(MATERIAL_SCRIPTS[0]))
    assert len(HTTP_LOADS_AT_ONCE.findall(original)) == 1 and HTTP_LOADS_AT_ONCE.findall(changed) == []
    assert len(HIGHLIGHT_WAITS_FOR_INDEX.findall(original)) == 1 and HIGHLIGHT_WAITS_FOR_INDEX.findall(changed) == []
    assert "sourceMappingURL" not in changed
    # Nothing else differs: undo the two changes and drop the source map line, and it is Material's text.
    undone = re.sub(r'\(!1\)(\s*,\s*[\w$]+\("search"\)\))', r'(location.protocol!=="file:")\1', changed, count=1)
    undone = re.sub(r'\(new URL\(location\.href\)\.searchParams\.get\("h"\)\?([\w$]+):[\w$]+\(\[\]\)\)', r"\1", undone, count=1)
    assert undone.rstrip("\n") == re.sub(r"\n?//# sourceMappingURL=\S+\s*$", "", original).rstrip("\n")


def test_a_changed_material_stops_the_build_with_a_message_naming_the_file() -> None:
    with pytest.raises(MaterialScriptError, match=r"bundle\.x\.js: expected Material's search worker .* found 0"):
        lazy_search_index('fetch("search/search_index.json")', "bundle.x.js")
    twice = 'L($(location.protocol!=="file:"),Je("search"));L($(location.protocol!=="file:"),Je("search"))'
    with pytest.raises(MaterialScriptError, match="found 2"):
        lazy_search_index(twice, "bundle.y.js")
    no_highlighting = 'L($(location.protocol!=="file:"),Je("search"))'
    with pytest.raises(MaterialScriptError, match=r"bundle\.z\.js: expected Material's search highlighting .* found 0"):
        lazy_search_index(no_highlighting, "bundle.z.js")


def test_the_copy_is_named_by_its_contents_as_materials_files_are() -> None:
    assert re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js", lazy_script_name("a"))
    assert lazy_script_name("a") != lazy_script_name("b")
    html = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    assert material_script_path(html) == "assets/javascripts/bundle.a5f9d56c.min.js"
    with pytest.raises(MaterialScriptError, match="found none"):
        material_script_path("<script></script>")


def test_the_palette_stylesheet_is_taken_out_of_the_styles_block() -> None:
    block = ('\n  <link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">\n'
             '  \n  <link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css">\n  <style>x</style>')
    left = without_palette_stylesheet(block)
    assert "palette." not in left and "main.57a0d79d.min.css" in left and "<style>x</style>" in left
    with pytest.raises(MaterialScriptError, match="found 0"):
        without_palette_stylesheet(left)


def test_every_built_page_loads_the_copy_which_is_in_the_site(site_dir: Path) -> None:
    original = MATERIAL_SCRIPTS[0].name
    copies = sorted(path.name for path in (site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(copies) == 1 and copies[0] != original, copies
    text = (site_dir / "assets" / "javascripts" / copies[0]).read_text(encoding="utf-8")
    assert text == lazy_search_index(MATERIAL_SCRIPTS[0].read_text(encoding="utf-8"), original)
    wrong = []
    for path in built_pages(site_dir):
        soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
        if not soup.select_one("script#__config"):
            continue
        sources = [script["src"] for script in soup.select('script[src*="/bundle."]')]
        if len(sources) != 1 or not sources[0].endswith(copies[0]):
            wrong.append(f"{path}: {sources}")
    assert wrong == []
