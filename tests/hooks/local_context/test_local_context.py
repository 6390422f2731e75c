"""The host's own "Where you live" text (hooks/local_context/): shown when set, invisible when not."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import build_site
from local_context import MARKER, LocalContextError, fill_where_you_live, read_local_text

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"
PAGE = f"# Why it matters\n\nIntro.\n\n## Where you live\n\n{MARKER}\n\n## Key points\n\n- One.\n"


def test_with_no_text_the_whole_section_is_left_out() -> None:
    assert fill_where_you_live(PAGE, "") == "# Why it matters\n\nIntro.\n\n## Key points\n\n- One.\n"
    assert fill_where_you_live(PAGE, "  \n\n") == fill_where_you_live(PAGE, "")


def test_the_hosts_text_replaces_the_marker_under_its_heading() -> None:
    filled = fill_where_you_live(PAGE, "In Wales, the law says this.\n")
    assert "## Where you live\n\n<div class=\"app-local-context app-skip-readability\" markdown>" in filled
    assert "In Wales, the law says this." in filled and MARKER not in filled


def test_an_unset_setting_reads_nothing(tmp_path: Path) -> None:
    assert read_local_text(None, project_dir=tmp_path, config_name="mkdocs.yml") == ""


@pytest.mark.parametrize(("setting", "expected"), [
    ("missing.md", "In site.yml, 'extra.local_context' names \"missing.md\", but we cannot read"),
    (42, "In site.yml, 'extra.local_context' must be the name of a Markdown file"),
])
def test_a_bad_setting_says_what_to_fix_naming_the_config_file(tmp_path: Path, setting: object, expected: str) -> None:
    with pytest.raises(LocalContextError, match="^" + expected.replace("(", r"\(").replace(".", r"\.")):
        read_local_text(setting, project_dir=tmp_path, config_name="site.yml")


def test_the_course_shows_no_where_you_live_section_by_default(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "modules/02-why-it-matters/index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find(id="where-you-live") is None
    assert "Where you live" not in soup.get_text()


def test_a_host_who_sets_it_sees_their_text_in_module_2(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "local-context" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site/modules/02-why-it-matters/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h2", id="where-you-live")
    assert heading is not None
    local = heading.find_next_sibling("div", class_="app-local-context")
    assert "Social Services and Well-being (Wales) Act 2014" in local.get_text(" ", strip=True)
    assert local.find_next_sibling("h2").get_text(strip=True) == "Key points"
