"""Each text the course ships for "Where you live" (hooks/local_context/nations/), put into module 2 and measured
there with the build's own checks, so a host who picks any nation gets a build that passes.

The session's build shows only the neutral text, so each nation's text is checked here without a build:
the same plain-English limits, module time and repeats check that the build applies, on module 2 as it
would be with that text. test_local_context.py builds each one in a small project.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from glossary.model import load_glossary
from local_context import NATIONS, NEUTRAL, fill_where_you_live, nation_text_path, shipped_text
from readability.check import analyse_page, front_matter_lines
from readability.module_time import module_time
from readability.plain_words import load_plain_words
from readability.repeats import reading_words, repeat_message, repeated_runs
from readability.sentences import split_sentences
from readability.metrics import count_text
from readability.settings import load_settings, site_thresholds
from readability.text_blocks import reading_blocks

PROJECT_DIR = Path(__file__).resolve().parents[3]
DOCS_DIR = PROJECT_DIR / "docs"
MODULE_2 = "modules/02-why-it-matters.md"
TEXTS = (*NATIONS, NEUTRAL)
MIN_WORDS, MAX_WORDS = 80, 180


@cache
def site_config() -> dict:
    return yaml.safe_load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"))


def rendered(markdown_text: str) -> str:
    """Markdown to HTML with the course's own Markdown extensions, as MkDocs renders a page."""
    names, configs = [], {}
    for entry in site_config()["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if options:
            configs[name] = options
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(markdown_text)


@dataclass(frozen=True)
class FilledModule:
    """Module 2's Markdown (without front matter) with one text in place, and the lines that text takes."""

    body: str
    first_line: int
    text_lines: range
    stated_time: int


def filled_module_2(name: str) -> FilledModule:
    source = (DOCS_DIR / MODULE_2).read_text(encoding="utf-8")
    skip = front_matter_lines(source)
    body = fill_where_you_live("\n".join(source.splitlines()[skip:]) + "\n", shipped_text(name))
    lines = body.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith('<div class="app-local-context"'))
    end = next(index for index in range(start, len(lines)) if lines[index] == "</div>")
    first_line = skip + 1
    stated = yaml.safe_load(source.split("---")[1])["time"]
    return FilledModule(body, first_line, range(first_line + start, first_line + end + 1), stated)


def reading_text_blocks(name: str):
    """The blocks of the text a reader reads (its source line, marked as not measured, left out)."""
    return reading_blocks(rendered(nation_text_path(name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("nation", NATIONS)
def test_each_nations_text_is_80_to_180_words(nation: str) -> None:
    sentences = [sentence for block in reading_text_blocks(nation) for sentence in split_sentences(block.text)]
    words = count_text(sentences).words
    assert MIN_WORDS <= words <= MAX_WORDS, f"{nation_text_path(nation)}: {words} words (at least {MIN_WORDS}, at most {MAX_WORDS})"


def test_the_neutral_text_is_one_paragraph_that_names_all_four_nations() -> None:
    soup = BeautifulSoup(rendered(nation_text_path(NEUTRAL).read_text(encoding="utf-8")), "html.parser")
    paragraphs = soup.find_all(recursive=False)
    assert [tag.name for tag in paragraphs] == ["p"], f"{nation_text_path(NEUTRAL)}: one paragraph, found {paragraphs}"
    text = paragraphs[0].get_text(" ", strip=True)
    for nation in ("England", "Wales", "Scotland", "Northern Ireland"):
        assert nation in text
    assert "find out more" in text


@pytest.mark.parametrize("nation", NATIONS)
def test_each_nations_text_speaks_to_both_audiences(nation: str) -> None:
    paragraphs = [block.text for block in reading_text_blocks(nation) if block.kind == "p"]
    assert any(text.startswith("If you are an older person taking part") for text in paragraphs), nation
    assert any(text.startswith("If you work for") for text in paragraphs), nation


@pytest.mark.parametrize("nation", NATIONS)
def test_each_nations_text_ends_by_naming_its_sources_each_also_on_the_sources_page(nation: str) -> None:
    soup = BeautifulSoup(rendered(nation_text_path(nation).read_text(encoding="utf-8")), "html.parser")
    last = soup.find_all(recursive=False)[-1]
    assert last.name == "p" and "app-skip-readability" in last.get("class", []), (
        f"{nation_text_path(nation)}: end with a '**Source:**' paragraph and the line {{: .app-skip-readability }}")
    text = last.get_text(" ", strip=True)
    assert re.match(r"Sources?: ", text) and re.search(r'"[^"]+"', text) and re.search(r"\b(19|20)\d\d\b", text), (
        f"{nation_text_path(nation)}: the source needs its title in quotes, its publisher and its year: {text}")
    addresses = [code.get_text() for code in last.select("code")]
    assert addresses, f"{nation_text_path(nation)}: give each source's web address as `code`"
    sources_page = (DOCS_DIR / "sources.md").read_text(encoding="utf-8")
    missing = [address for address in addresses if f"`{address}`" not in sources_page]
    assert not missing, f"docs/sources.md should list every outside source, with its address: {missing}"


@pytest.mark.parametrize("name", TEXTS)
def test_each_texts_links_lead_to_a_glossary_entry_or_a_heading(name: str) -> None:
    glossary_ids = {term.id for term in load_glossary(DOCS_DIR / "glossary.yml")}
    sources_ids = {heading["id"] for heading in BeautifulSoup(rendered((DOCS_DIR / "sources.md").read_text(encoding="utf-8")
                                                                          .split("---", 2)[2]), "html.parser")
                   .select("[id]")}
    links = re.findall(r"\]\(([^)]+)\)", nation_text_path(name).read_text(encoding="utf-8"))
    assert links, name
    for link in links:
        page, _, anchor = link.partition("#")
        # Written from module 2, in docs/modules/.
        assert page in ("../glossary.md", "../sources.md"), f"{name}: link {link} (link only the glossary and sources pages)"
        assert anchor in (glossary_ids if page == "../glossary.md" else sources_ids), f"{name}: no such entry: {link}"


@pytest.mark.parametrize("name", TEXTS)
def test_module_2_with_each_text_meets_the_plain_english_limits(name: str) -> None:
    config = site_config()
    settings = load_settings(config["extra"].get("readability"), str(PROJECT_DIR / "mkdocs.yml"))
    thresholds = site_thresholds(settings)
    filled = filled_module_2(name)
    report = analyse_page(rendered(filled.body), filled.body, MODULE_2, thresholds, plain_words=load_plain_words(),
                          glossary=load_glossary(DOCS_DIR / "glossary.yml"), words_per_minute=settings.words_per_minute,
                          first_line=filled.first_line)
    # Every warning counts: a text can also move a word's first use (the one that needs its glossary link)
    # to later in the page. A warning inside the text names the text's file and line (its first line
    # comes two lines after the <div> that holds it); others name module 2 with the text in place.
    warnings = [f"{nation_text_path(name).relative_to(PROJECT_DIR)}, line {finding.line - filled.text_lines.start - 1}: "
                f"{finding.message}" if finding.line in filled.text_lines else
                f"{MODULE_2}, line {finding.line} of the page with {name}'s text in place: {finding.message}"
                for finding in report.warnings]
    assert not warnings, "\n".join(warnings)
    assert report.flesch_reading_ease >= thresholds.min_reading_ease, (name, report.flesch_reading_ease)
    assert report.average_sentence_words <= thresholds.max_average_sentence_words, (name, report.average_sentence_words)
    time = module_time(rendered(filled.body), stated=filled.stated_time, words=report.words,
                       words_per_minute=settings.words_per_minute)
    assert time.is_honest, f"{MODULE_2} with {name}: time {time.stated}, but it takes about {time.expected} minutes"


@pytest.mark.parametrize("name", TEXTS)
def test_no_ten_words_of_a_text_stand_on_another_page(name: str) -> None:
    # The build's repeats check (readability_hook.py) reads module 2 with the text in place.
    pages: dict[str, list[tuple[str, int]]] = {}
    for file in sorted(DOCS_DIR.rglob("*.md")):
        path = file.relative_to(DOCS_DIR).as_posix()
        if path.startswith("authors/") or path == "glossary.md":
            continue
        source = file.read_text(encoding="utf-8")
        skip = front_matter_lines(source)
        pages[path] = reading_words("\n".join(source.splitlines()[skip:]), first_line=skip + 1)
    filled = filled_module_2(name)
    pages[MODULE_2] = reading_words(filled.body, first_line=filled.first_line)
    runs = [run for run in repeated_runs(pages)
            if any(place.src_path == MODULE_2 and place.line in filled.text_lines for place in (run.first, run.second))]
    assert not runs, f"{nation_text_path(name)}:\n" + "\n".join(repeat_message(run) for run in runs)
