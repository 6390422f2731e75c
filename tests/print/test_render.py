"""The PDF engine: one clear line when it is missing, and a tagged PDF when it is there."""

from __future__ import annotations

import builtins
import logging
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

import print_packs.render as render
import print_packs_hook


def break_import(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise error
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(__import__("sys").modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


@pytest.mark.parametrize("error", [
    ImportError("No module named 'weasyprint'"),
    OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory"),
])
def test_missing_engine_gives_one_line_with_the_install_command(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    break_import(monkeypatch, error)
    with pytest.raises(render.EngineMissing) as caught:
        render.load_engine()
    message = str(caught.value)
    assert "\n" not in message
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in message and "make setup" in message


def test_build_stops_with_that_line(monkeypatch: pytest.MonkeyPatch) -> None:
    break_import(monkeypatch, OSError("cannot load library 'libpango-1.0-0'"))
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "extra": {}})
    with pytest.raises(PluginError) as caught:
        print_packs_hook.on_config(config)
    assert str(caught.value).startswith("The PDF packs need WeasyPrint and the Pango library")
    assert "\n" not in str(caught.value)


def test_offline_copy_does_not_need_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    break_import(monkeypatch, ImportError("No module named 'weasyprint'"))
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "extra": {"offline_copy": True}})
    assert print_packs_hook.on_config(config) is None


def test_engine_loads_here() -> None:
    """Proves the tests above mean something: on this machine the real engine is there."""
    assert render.load_engine().__name__ == "weasyprint"


def test_render_writes_a_tagged_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    html = '<html lang="en-GB"><head><title>A pack</title></head><body><h1>Hello</h1><p>Large print.</p></body></html>'
    rendered, warnings = render.render_pdf(html, tmp_path / "a.pdf", base_url=str(tmp_path), stylesheets=[])
    reader = PdfReader(rendered.path)
    assert rendered.pages == len(reader.pages) == 1
    assert rendered.size == (tmp_path / "a.pdf").stat().st_size
    assert reader.metadata.title == "A pack" and reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert warnings == []


@pytest.mark.parametrize("version", [["1.0"], "", True])
def test_course_version_must_be_a_version(version) -> None:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "extra": {"course_version": version}})
    with pytest.raises(PluginError, match="extra.course_version"):
        print_packs_hook.pack_cover_for(config)


def test_cover_falls_back_to_the_site_name_without_an_organisation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772323200")
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test course", "extra": {"course_version": 2}})
    cover = print_packs_hook.pack_cover_for(config)
    assert (cover.organisation, cover.version, cover.date) == ("Test course", "2", "1 March 2026")
