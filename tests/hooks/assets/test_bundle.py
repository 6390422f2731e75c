"""One stylesheet and one script of ours per page, minified and fingerprinted (hooks/assets/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from assets import BUNDLE_PATH, BundleError, Bundler, bundle_name, bundle_text
from conftest import PROJECT_DIR, built_pages

OVERRIDES = PROJECT_DIR / "overrides"


def write(folder: Path, relative: str, text: str) -> None:
    (folder / relative).parent.mkdir(parents=True, exist_ok=True)
    (folder / relative).write_text(text, encoding="utf-8")


# --- The bundler, on texts and a small theme folder ---------------------------------------

def test_stylesheets_are_minified_and_kept_in_the_order_given() -> None:
    first, second = "/* For authors. */\n.app-a {\n  color: red;\n}\n", ".app-b { color: blue; }"
    assert bundle_text("css", [first, second]) == ".app-a{color:red}\n.app-b{color:blue}\n"
    assert bundle_text("css", [second, first]) == ".app-b{color:blue}\n.app-a{color:red}\n"


def test_each_script_runs_on_its_own_so_one_that_throws_does_not_stop_the_next() -> None:
    text = bundle_text("js", ["// A comment.\nwindow.ran = [];\nthrow new Error('first');", "window.ran.push('second');"])
    assert "A comment" not in text
    assert text.index("window.ran=[]") < text.index("window.ran.push('second')")
    assert text.count("try{") == 2 and text.count("setTimeout(function(){throw error})") == 2


def test_same_texts_give_the_same_name_and_a_change_gives_a_new_one() -> None:
    name = bundle_name("css", bundle_text("css", ["p { margin: 0; }"]))
    assert re.fullmatch(r"assets/stylesheets/app\.[0-9a-f]{8}\.min\.css", name) and BUNDLE_PATH.search(name)
    assert bundle_name("css", bundle_text("css", ["p { margin: 0; }"])) == name
    assert bundle_name("css", bundle_text("css", ["p { margin: 1px; }"])) != name
    assert bundle_name("js", "var x;").endswith(".min.js")


def test_the_bundler_reads_our_folder_before_the_themes_and_remembers_each_bundle(tmp_path: Path) -> None:
    ours, theme = tmp_path / "overrides", tmp_path / "material"
    write(ours, "assets/stylesheets/app-a.css", "a { color: red; }")
    write(theme, "assets/stylesheets/app-a.css", "a { color: blue; }")
    write(theme, "assets/stylesheets/app-b.css", "b { color: green; }")
    bundler = Bundler([ours, theme])
    bundle = bundler.bundle("css", ["app-a", "app-b"])
    assert bundle.text == "a{color:red}\nb{color:green}\n"
    assert bundle.sources == ("assets/stylesheets/app-a.css", "assets/stylesheets/app-b.css")
    assert bundler.bundle("css", ["app-a", "app-b"]) is bundle
    assert bundler.bundle("css", ["app-b", "app-a"]).path != bundle.path


def test_a_missing_source_is_named_with_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(BundleError) as raised:
        Bundler([tmp_path]).bundle("js", ["app-gone"])
    assert str(raised.value) == (
        "overrides/main.html lists 'app-gone', but there is no file 'assets/javascripts/app-gone.js' under overrides/. "
        "Add the file as overrides/assets/javascripts/app-gone.js, or take 'app-gone' out of the list in overrides/main.html."
    )


def test_writing_puts_the_bundles_in_the_site_without_the_separate_copies(tmp_path: Path) -> None:
    theme, site = tmp_path / "overrides", tmp_path / "site"
    write(theme, "assets/javascripts/app-a.js", "var a = 1;")
    for name in ("app-a.js", "app-scorm.js"):
        write(site, f"assets/javascripts/{name}", "var copy = 1;")
    write(site, "assets/stylesheets/app-fonts-offline.css", "/* the offline copy's, unused here */")
    bundler = Bundler([theme])
    bundle = bundler.bundle("js", ["app-a"])
    assert bundler.write(site) == [bundle]
    assert (site / bundle.path).read_text(encoding="utf-8") == bundle.text
    assert sorted(path.name for path in (site / "assets/javascripts").iterdir()) == sorted([Path(bundle.path).name, "app-scorm.js"])
    assert not (site / "assets/stylesheets/app-fonts-offline.css").exists(), "a source only the offline copy bundles"


# --- The session build ----------------------------------------------------------------------

def our_links(soup: BeautifulSoup) -> tuple[list[str], list[str]]:
    """The stylesheets and scripts of ours a page loads (Material's, print-site's and the CSP step's are not ours)."""
    sheets = [link["href"] for link in soup.select('link[rel="stylesheet"]') if "/app" in link["href"]]
    scripts = [script["src"] for script in soup.select("script[src]") if "/app" in script["src"]]
    return sheets, scripts


def test_every_page_loads_one_stylesheet_and_one_script_of_ours_that_exist(site_dir: Path) -> None:
    problems, bundles = [], set()
    for path in built_pages(site_dir):
        soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
        sheets, scripts = our_links(soup)
        if len(sheets) != 1 or len(scripts) != 1:
            problems.append(f"{path}: {sheets} {scripts}")
            continue
        for address in (sheets[0], scripts[0]):
            # 404.html is served at any depth, so its addresses start from the site's root.
            target = (site_dir / address.lstrip("/") if address.startswith("/") else (site_dir / path).parent / address).resolve()
            relative = target.relative_to(site_dir.resolve()).as_posix()
            if not BUNDLE_PATH.fullmatch(relative) or not target.is_file():
                problems.append(f"{path}: {address}")
            bundles.add(relative)
    assert problems == []
    # No stale separate copies: only the SCORM bridge (added to the SCORM package only) is left.
    separate = sorted(path.name for folder in ("stylesheets", "javascripts") for path in (site_dir / "assets" / folder).glob("app-*"))
    assert separate == ["app-scorm.js"]
    assert {path.relative_to(site_dir).as_posix() for path in site_dir.glob("assets/*/app.*")} == bundles


@pytest.mark.parametrize(("page", "extra"), [
    ("index.html", []),
    ("check/index.html", ["app-check.css", "app-check.js"]),
    ("activities/jargon-buster/index.html", ["app-cards.css", "app-forms.css"]),
    ("trainers/feedback-form/index.html", ["app-forms.css"]),
])
def test_each_bundle_holds_its_pages_files_in_the_templates_order(site_dir: Path, page: str, extra: list[str]) -> None:
    from assets import KINDS

    soup = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
    sheets, scripts = our_links(soup)
    for kind, address in (("css", sheets[0]), ("js", scripts[0])):
        text = ((site_dir / page).parent / address).read_text(encoding="utf-8")
        folder = OVERRIDES / KINDS[kind].folder
        positions = {source.name: text.find(KINDS[kind].minify(source.read_text(encoding="utf-8")).strip())
                     for source in folder.glob(f"app-*{KINDS[kind].suffix}") if source.name != "app-scorm.js"}
        optional = {"app-check.css", "app-check.js", "app-cards.css", "app-forms.css", "app-fonts-offline.css"}
        found = {name for name, at in positions.items() if at >= 0}
        assert found == set(positions) - (optional - set(extra)), (page, kind)
        if kind == "css":
            assert positions["app-fonts.css"] == 0 and max(positions.values()) == positions["app-print.css"], "print rules last"
        else:
            assert positions["app-learner-data.js"] < positions["app-storage.js"] < positions["app-progress.js"]


def test_print_sites_script_only_on_the_whole_course_page(site_dir: Path) -> None:
    loading = [path for path in built_pages(site_dir)
               if BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser").select('script[src$="print-site.js"]')]
    assert loading == ["print_page/index.html"]

