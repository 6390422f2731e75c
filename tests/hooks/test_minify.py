"""Our stylesheets and scripts are minified in the built site (hooks/minify/), and still work."""

from __future__ import annotations

from pathlib import Path

from minify import minified, minify_site

PROJECT_DIR = Path(__file__).resolve().parents[2]


def test_comments_and_spare_spaces_go_and_the_code_stays() -> None:
    css = "/* A comment for authors. */\n.app-x {\n  color: red;\n}\n"
    js = "/* Why we do this. */\nfunction add(a, b) {\n  // the sum\n  return a + b;\n}\n"
    assert minified(Path("app-x.css"), css) == ".app-x{color:red}"
    assert minified(Path("app-x.js"), js) == "function add(a,b){return a+b;}"


def test_only_our_files_are_changed(tmp_path: Path) -> None:
    (tmp_path / "assets/stylesheets").mkdir(parents=True)
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "assets/stylesheets/app-a.css").write_text("/* c */ p { margin: 0; }", encoding="utf-8")
    (tmp_path / "assets/stylesheets/main.css").write_text("/* Material's */ p { margin: 0; }", encoding="utf-8")
    (tmp_path / "assets/javascripts/app-b.js").write_text("// c\nvar x = 1;\n", encoding="utf-8")
    changed = minify_site(tmp_path)
    assert [name for name, _, _ in changed] == ["assets/stylesheets/app-a.css", "assets/javascripts/app-b.js"]
    assert (tmp_path / "assets/stylesheets/app-a.css").read_text(encoding="utf-8") == "p{margin:0}"
    assert (tmp_path / "assets/stylesheets/main.css").read_text(encoding="utf-8").startswith("/* Material's */")
    assert all(after < before for _, before, after in changed)


def test_the_built_site_has_our_files_minified_and_smaller_than_their_sources(site_dir: Path) -> None:
    for built in site_dir.glob("assets/*/app-*.*"):
        source = PROJECT_DIR / "overrides" / built.relative_to(site_dir)
        assert source.exists(), built
        assert not built.read_text(encoding="utf-8").lstrip().startswith("/*"), built
        assert built.stat().st_size < source.stat().st_size, built
