"""Module 2's "Where you live" text (hooks/local_context/): a nation's, the host's own, or the neutral one."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from pypdf import PdfReader

from conftest import build_site
from local_context import (MARKER, NATIONS, NEUTRAL, LocalContextError, LocalText, choose_local_text, fill_where_you_live,
                           nation_text_path, setting_line)

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"
MODULE_2 = "modules/02-why-it-matters/index.html"
HEADING = "How the law backs co-production where you live"
HEADING_ID = "how-the-law-backs-co-production-where-you-live"
PAGE = f"# Why it matters\n\nIntro.\n\n## {HEADING}\n\n{MARKER}\n\n## Key points\n\n- One.\n"
FOUR_VALUES = "england, wales, scotland or northern-ireland"


def choose(setting: object, project_dir: Path, line: int | None = None) -> LocalText:
    return choose_local_text(setting, project_dir=project_dir, config_name="site.yml", line=line)


@pytest.mark.parametrize("setting", [None, ""])
def test_with_no_setting_module_2_gets_the_neutral_text(tmp_path: Path, setting: object) -> None:
    chosen = choose(setting, tmp_path)
    assert chosen == LocalText(nation_text_path(NEUTRAL).read_text(encoding="utf-8"), NEUTRAL)


@pytest.mark.parametrize("nation", ["england", "wales", "scotland", "northern-ireland"])
def test_each_nation_gives_its_own_text(tmp_path: Path, nation: str) -> None:
    chosen = choose(nation, tmp_path)
    assert chosen.name == nation and not chosen.hosts_own
    assert chosen.text == (Path(__file__).resolve().parents[3] / "hooks/local_context/nations" / f"{nation}.md").read_text(encoding="utf-8")


def test_the_four_texts_differ_from_each_other_and_from_the_neutral_one(tmp_path: Path) -> None:
    texts = [choose(value, tmp_path).text for value in (*NATIONS, None)]
    assert len(set(texts)) == 5


@pytest.mark.parametrize(("setting", "nation"), [
    ("England", "england"), (" wales ", "wales"), ("SCOTLAND", "scotland"),
    ("Northern Ireland", "northern-ireland"), ("northern_ireland", "northern-ireland"),
])
def test_a_nation_written_another_way_still_counts(tmp_path: Path, setting: str, nation: str) -> None:
    assert choose(setting, tmp_path).name == nation


def test_a_hosts_own_file_is_read_from_the_config_files_folder(tmp_path: Path) -> None:
    (tmp_path / "local").mkdir()
    (tmp_path / "local/where-you-live.md").write_text("In Leeds, the council works with us.\n", encoding="utf-8")
    assert choose("local/where-you-live.md", tmp_path) == LocalText(
        "In Leeds, the council works with us.\n", "local/where-you-live.md", hosts_own=True)


@pytest.mark.parametrize("setting", ["englnd", "local/missing.md"])
def test_a_value_that_is_neither_a_nation_nor_a_file_names_the_config_its_line_and_the_four_values(
        tmp_path: Path, setting: str) -> None:
    with pytest.raises(LocalContextError) as error:
        choose(setting, tmp_path, line=12)
    message = str(error.value)
    assert message == (f"site.yml, line 12: 'extra.local_context' is \"{setting}\", which is not one of the four nations, "
                       "and there is no file of that name in the folder that holds site.yml. Write one of "
                       f"{FOUR_VALUES}. Or give the name of your own Markdown file, such as \"local/where-you-live.md\".")


@pytest.mark.parametrize("setting", [42, ["england"], True])
def test_a_value_that_is_not_words_says_what_it_must_be(tmp_path: Path, setting: object) -> None:
    with pytest.raises(LocalContextError, match=re.escape(
            f"site.yml: 'extra.local_context' must be one of {FOUR_VALUES}, or the name of a Markdown file")):
        choose(setting, tmp_path)


def test_a_file_that_is_not_utf8_says_how_to_fix_it(tmp_path: Path) -> None:
    (tmp_path / "latin.md").write_bytes("Caf\xe9".encode("latin-1"))
    with pytest.raises(LocalContextError, match=re.escape("'extra.local_context' names \"latin.md\", which is not UTF-8 text")):
        choose("latin.md", tmp_path)


def test_the_settings_line_is_found_and_a_commented_one_is_not() -> None:
    config = "site_name: x\nextra:\n  # local_context: \"local/where-you-live.md\"\n  local_context: englnd\n"
    assert setting_line(config) == 4
    assert setting_line("site_name: x\nextra:\n  # local_context: wales\n") is None


def test_a_shipped_text_replaces_the_marker_and_is_measured_like_the_course_text() -> None:
    filled = fill_where_you_live(PAGE, LocalText("In Wales, the law says this.\n", "wales"))
    assert f"## {HEADING}\n\n<div class=\"app-local-context\" data-local-context=\"wales\" markdown>\n\nIn Wales" in filled
    assert MARKER not in filled


def test_a_hosts_own_text_is_shown_as_written_and_not_measured() -> None:
    filled = fill_where_you_live(PAGE, LocalText("In Leeds, we do this.\n", "local/x.md", hosts_own=True))
    assert "<div class=\"app-local-context app-skip-readability\" markdown>\n\nIn Leeds, we do this." in filled


@pytest.mark.parametrize("text", ["", "  \n\n"])
def test_an_empty_file_of_the_hosts_leaves_the_whole_section_out(text: str) -> None:
    assert fill_where_you_live(PAGE, LocalText(text, "local/x.md", hosts_own=True)) == (
        "# Why it matters\n\nIntro.\n\n## Key points\n\n- One.\n")


def test_a_bad_value_stops_the_build_naming_mkdocs_yml_and_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import local_context_hook

    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: x\nextra:\n  local_context: Cornwall\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    config = SimpleNamespace(config_file_path=str(config_file), extra={"local_context": "Cornwall"})
    with pytest.raises(PluginError, match=re.escape(
            f"mkdocs.yml, line 3: 'extra.local_context' is \"Cornwall\", which is not one of the four nations")) as error:
        local_context_hook.on_config(config)
    assert FOUR_VALUES in str(error.value)


def test_the_course_shows_the_neutral_paragraph_by_default(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / MODULE_2).read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h2", id=HEADING_ID)
    assert heading is not None and heading.get_text(strip=True) == HEADING
    block = heading.find_next_sibling("div", class_="app-local-context")
    assert block is not None and block["data-local-context"] == NEUTRAL
    assert "app-skip-readability" not in block["class"], "the course's own words are measured"
    for bubble in block.select(".app-glossary-tip__bubble"):
        bubble.decompose()  # a glossary word's pop-up, which stands in the text after the word
    text = block.get_text(" ", strip=True)
    for law in ("Care Act 2014", "Social Services and Well-being (Wales) Act 2014", "Self-directed Support Act 2013",
                "co-production guide from its Department of Health"):
        assert law in text
    assert block.select_one("a[href$='sources/#the-law-in-the-four-nations-for-module-2']") is not None


def test_the_session_1_pack_follows_the_setting(site_dir: Path) -> None:
    # The packs are made from the pages the build collects, so they show the same text as module 2.
    reader = PdfReader(site_dir / "downloads/session-1-pack.pdf")
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert HEADING in text
    assert "Each nation of the UK has its own laws on care" in text


def test_a_host_who_names_a_file_sees_their_text_in_module_2(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "local-context" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / MODULE_2).read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h2", id=HEADING_ID)
    assert heading is not None
    local = heading.find_next_sibling("div", class_="app-local-context")
    assert "app-skip-readability" in local["class"]
    assert "Social Services and Well-being (Wales) Act 2014" in local.get_text(" ", strip=True)
    assert local.find_next_sibling("h2").get_text(strip=True) == "Key points"


# Each built into a small project (under a second each): the text, its glossary links to the course's
# own entries (anchors: warn) and its cited source. test_nations.py measures each text inside the real module 2.
@pytest.mark.parametrize(("nation", "opening", "address"), [
    ("england", "In England, the Care Act 2014 comes with official guidance for councils.", "www.thinklocalactpersonal.org.uk/"),
    ("wales", "In Wales, the law on social care rests on the Social Services and Well-being (Wales) Act 2014.", "law.gov.wales/"),
    ("scotland", "The NDTi review was written for a programme in Scotland, in about 2014.", "www.legislation.gov.uk/asp/2013/1/"),
    ("northern-ireland", "In Northern Ireland, the Department of Health launched a co-production guide", "www.health-ni.gov.uk/"),
], ids=NATIONS)
def test_a_host_who_picks_a_nation_sees_that_nations_text_in_module_2(tmp_path: Path, nation: str, opening: str,
                                                                      address: str) -> None:
    result = build_site(FIXTURES / "local-context-nation" / "mkdocs.yml", tmp_path / "site", extra_env={"LOCAL_CONTEXT": nation})
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "site" / MODULE_2).read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h2", id=HEADING_ID)
    block = heading.find_next_sibling("div", class_="app-local-context")
    assert block["data-local-context"] == nation
    assert block.get_text(" ", strip=True).startswith(opening)
    assert block.select("a[href*='glossary/#']"), "the text links its jargon to the glossary"
    source = block.select("p.app-skip-readability")
    assert len(source) == 1 and source[0].get_text(strip=True).startswith(("Source:", "Sources:"))
    assert any(code.get_text().startswith(address) for code in source[0].select("code"))
    assert block.find_next_sibling("h2").get_text(strip=True) == "Key points"
