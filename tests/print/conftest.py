"""Fixtures for the PDF packs: each pack from the session's one build, read once."""

from __future__ import annotations

import functools
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from conftest import PROJECT_DIR
from print.pdf_facts import PackFacts, PdfPage, read_pack, read_pages
from print_packs.packs import PACKS, Pack

PACKS_BY_SLUG = {pack.slug: pack for pack in PACKS}
LEARNER_PACKS = [pack.slug for pack in PACKS if not pack.for_trainers]
# Activity pages with `!!! card` boxes, which the "Cards to cut out" pack is made of.
CARD_FILES = sorted(path.name for path in (PROJECT_DIR / "docs" / "activities").glob("*.md")
                    if "\n!!! card " in path.read_text(encoding="utf-8"))
# The checks every pack must pass (pages, contents, large print) need a pack with something
# in it: the cards pack joins them once the activities have cards. Until then
# test_cards.py::test_the_course_has_cards_to_cut_out fails, so leaving it out hides nothing.
PACKS_TO_CHECK = [slug for slug, pack in PACKS_BY_SLUG.items() if not pack.cards_only or CARD_FILES]


@functools.lru_cache(maxsize=None)
def _read(path: str) -> PackFacts:
    return read_pack(Path(path), _pages_of_every_pack(str(Path(path).parent)).get(Path(path).name))


@functools.lru_cache(maxsize=None)
def _pages_of_every_pack(downloads: str) -> dict[str, list[PdfPage]]:
    """Every pack's pages, read the first time any pack is asked for, two at a time.

    pdfplumber takes about a minute over all the packs on one processor core, and nothing else runs
    meanwhile, so two processes share them. Started fresh ("spawn"), not forked: this process runs
    threads (the test web server, Playwright) that a forked copy must not inherit.
    """
    paths = [Path(downloads) / PACKS_BY_SLUG[slug].filename for slug in PACKS_TO_CHECK]
    paths = sorted((path for path in paths if path.is_file()), key=lambda path: path.stat().st_size, reverse=True)
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("spawn")) as pool:
        return dict(zip((path.name for path in paths), pool.map(read_pages, paths)))


@pytest.fixture(scope="session")
def downloads(site_dir: Path) -> Path:
    return site_dir / "downloads"


@pytest.fixture
def pack_facts(downloads: Path):
    """A function: a pack's slug in, its PDF's facts out (each PDF is read once per session)."""

    def facts(slug: str) -> PackFacts:
        path = downloads / PACKS_BY_SLUG[slug].filename
        assert path.is_file(), f"{path.name} was not built"
        return _read(str(path))

    return facts


def pack(slug: str) -> Pack:
    return PACKS_BY_SLUG[slug]
