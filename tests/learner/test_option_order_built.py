"""The options' order in the built course: chosen by the build, the same as the blind print, with no pop-up to give them away."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR, built_pages
from learner.option_checks import MAX_COURSE_SHARE_LONGEST, MAX_COURSE_SHARE_ONE_POSITION, position_spread
from course.course_pages import option_orders
from learner.questions import read_pages

PAGES = read_pages(PROJECT_DIR / "mkdocs.yml", ["modules", "check.md"])


def built_html(site_dir: Path, src_path: str) -> str:
    """The built page of a Markdown file (the course uses folder addresses: modules/01-x/index.html)."""
    return (site_dir / src_path.removesuffix(".md") / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.src_path)
def test_the_website_shows_the_options_in_the_order_the_blind_print_gives(page, site_dir: Path) -> None:
    shown = option_orders(built_html(site_dir, page.src_path))
    assert shown == [[option.text for option in question.options] for question in page.questions]


def test_the_right_answers_are_spread_over_the_places_and_are_not_mostly_the_longest() -> None:
    facts = [question.facts(page.src_path) for page in PAGES for question in page.questions]
    single = [fact for fact in facts if fact.single_answer]
    spread = position_spread(facts)
    assert len(single) >= 30 and sum(spread.values()) == len(single)
    assert max(spread.values()) <= MAX_COURSE_SHARE_ONE_POSITION * len(single), spread
    # Every place is used, and none holds less than half its fair share (a quarter, with four options).
    assert min(spread.values()) >= 0.5 * len(single) / len(spread), spread
    assert sum(fact.right_is_longest() for fact in single) <= MAX_COURSE_SHARE_LONGEST * len(single)


def test_no_option_on_any_page_has_a_glossary_pop_up(site_dir: Path) -> None:
    with_tips = []
    for path in built_pages(site_dir):
        text = (site_dir / path).read_text(encoding="utf-8")
        if "app-quiz__option" not in text:
            continue
        soup = BeautifulSoup(text, "html.parser")
        with_tips += [path for option in soup.select(".app-quiz__option") if option.select(".app-glossary-tip, a")]
    assert with_tips == []
