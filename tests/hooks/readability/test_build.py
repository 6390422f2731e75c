"""Whole builds of small fixture sites: the readability hook fails, passes and explains as it should."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import build_site

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures"


def test_bad_page_fails_the_strict_build_naming_file_and_line(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "readability-bad-page" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert ("Doc file 'bad.md', line 9: sentence has 31 words (limit 25): \"We asked the people who came to the meeting"
            in result.stderr), result.stderr
    assert "Doc file 'bad.md', line 11: \"utilise\" has a plainer alternative: use \"use\"." in result.stderr
    assert "index.md" not in result.stderr.split("Aborted")[0].replace("Building documentation", "")


def test_bad_page_is_only_a_warning_without_strict(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "readability-bad-page" / "mkdocs.yml", tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" in result.stderr and "line 9: sentence has 31 words" in result.stderr
    report = json.loads((tmp_path / "site" / "readability.json").read_text(encoding="utf-8"))
    bad = next(page for page in report["pages"] if page["path"] == "bad.md")
    assert bad["longest_sentence_words"] == 31
    assert {(f["kind"], f["line"]) for f in bad["findings"]} >= {("long-sentence", 9), ("plain-word", 11)}


def test_exception_with_a_reason_passes(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "readability-reasoned-exception" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "site" / "readability.json").read_text(encoding="utf-8"))
    assert report["pages"][0]["exception_reason"] == "The full title of the Act is one long name."


def test_exception_without_a_reason_is_an_error(tmp_path: Path) -> None:
    result = build_site(FIXTURES / "readability-exception-without-reason" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "Doc file 'index.md', line 2: a readability exception needs a reason." in result.stderr, result.stderr


def test_reading_time_is_shown_under_the_title(site_dir: Path) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site_dir / "about/index.html").read_text(encoding="utf-8"), "html.parser")
    label = soup.select_one("h1 + .app-reading-time")
    assert label is not None and label.get_text().startswith("About ") and label.get_text().endswith(" to read")
    module = BeautifulSoup((site_dir / "modules/04-seven-principles/index.html").read_text(encoding="utf-8"), "html.parser")
    label = module.select_one("h1 + .app-reading-time")
    assert label is not None and label.get_text().endswith(" for the questions and the 'Think about it' box")


def test_course_report_covers_every_checked_page(site_dir: Path) -> None:
    report = json.loads((site_dir / "readability.json").read_text(encoding="utf-8"))
    paths = {page["path"] for page in report["pages"]}
    assert "modules/01-what-co-production-means.md" in paths and not any(p.startswith("authors/") for p in paths)
    assert all(page["flesch_reading_ease"] >= 60 for page in report["pages"] if page["words"])
    assert report["course"]["average_flesch_reading_ease"] >= 70
    authors = (site_dir / "authors/readability/index.html").read_text(encoding="utf-8")
    assert "<svg" in authors and "modules/01-what-co-production-means.md" in authors
