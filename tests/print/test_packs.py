"""The built PDF packs, opened with pdfplumber and pypdf: large print, page numbers, contents, trainer notes, tagging."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT_DIR
from print.conftest import LEARNER_PACKS, PACKS_BY_SLUG, PACKS_TO_CHECK
from learner.questions import read_pages
from print.pdf_facts import normalise

ALL_PACKS = PACKS_TO_CHECK
A4_POINTS = (595.28, 841.89)
MODULE_PACKS = {"learners-handbook": range(1, 11), "session-1-pack": range(1, 6), "session-2-pack": range(6, 11)}
ACTIVITY_PACKS = ["activity-handouts", "trainers-guide", "session-1-pack", "session-2-pack"]
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def trainer_sentences(markdown_file: Path) -> list[str]:
    """The first sentence of each `!!! trainer` box in a Markdown file, as plain words."""
    lines = markdown_file.read_text(encoding="utf-8").splitlines()
    sentences = []
    for number, line in enumerate(lines):
        if not line.startswith("!!! trainer"):
            continue
        body = []
        for following in lines[number + 1:]:
            if following.strip() and not following.startswith("    "):
                break
            if body and not following.strip():
                break
            if following.strip():
                body.append(following.strip())
        text = normalise(_MD_LINK.sub(r"\1", " ".join(body)).replace("**", ""))
        sentences.append(re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0])
    return sentences


def trainer_boxes(folder: str) -> dict[str, list[str]]:
    return {path.name: found for path in sorted((PROJECT_DIR / "docs" / folder).glob("*.md")) if (found := trainer_sentences(path))}


def whole_text(facts) -> str:
    """The pack's words in reading order, without each page's footer ("Page 3 of 40"), so a sentence
    that runs over a page break reads as one."""
    return normalise(" ".join(_FOOTER.sub("", page.text) for page in facts.pages))


_FOOTER = re.compile(r"\s*Page \d+ of \d+\s*$")


def module_titles(site_dir: Path, numbers: range) -> list[str]:
    """The main heading of each module page in the built site, in module order."""
    titles = []
    for number in numbers:
        page = next(site_dir.glob(f"modules/{number:02d}-*/index.html"))
        titles.append(normalise(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article h1").get_text()))
    return titles


def _poster_titles() -> list[str]:
    """The titles of the wall sheets (`!!! card poster "…"`), which print on A4 turned sideways."""
    return [normalise(title) for page in sorted((PROJECT_DIR / "docs").rglob("*.md"))
            for title in re.findall(r'^!!! card poster "(.+)"', page.read_text(encoding="utf-8"), flags=re.M)]


@pytest.mark.parametrize("slug", ALL_PACKS)
def test_every_page_is_a4_portrait(slug: str, pack_facts) -> None:
    """Every page is A4 portrait, except the cards pack's wall sheets, which are A4 landscape (two join to make A3)."""
    facts = pack_facts(slug)
    posters = _poster_titles() if slug == "cards-to-cut-out" else []
    portrait, landscape = A4_POINTS, (A4_POINTS[1], A4_POINTS[0])

    def is_size(page, size) -> bool:
        return abs(page.width - size[0]) <= 1 and abs(page.height - size[1]) <= 1

    sideways = [index + 1 for index, page in enumerate(facts.pages)
                if is_size(page, landscape) and any(title in normalise(page.text) for title in posters)]
    wrong = [index + 1 for index, page in enumerate(facts.pages) if not is_size(page, portrait) and index + 1 not in sideways]
    assert len(facts.pages) > 3
    assert not wrong, f"{slug}: pages that are not A4 portrait: {wrong}"
    assert len(sideways) == len(posters), f"{slug}: the wall sheets {posters} are on pages {sideways}, one each"


@pytest.mark.parametrize("slug", ALL_PACKS)
def test_text_is_large_print(slug: str, pack_facts) -> None:
    facts = pack_facts(slug)
    sizes = sum((page.char_sizes for page in facts.pages), start=type(facts.pages[0].char_sizes)())
    total = sum(sizes.values())
    large = sum(count for size, count in sizes.items() if size >= 16)
    smallest = min(sizes)
    assert total > 1000, f"{slug}: hardly any real text ({total} characters)"
    assert large / total >= 0.95, f"{slug}: only {large / total:.1%} of characters are 16pt or more; sizes {sorted(sizes.items())}"
    assert smallest >= 14, f"{slug}: the smallest text is {smallest}pt (nothing may be under 14pt)"


@pytest.mark.parametrize("slug", ALL_PACKS)
def test_text_is_in_the_sites_typeface(slug: str, pack_facts) -> None:
    fonts = sum((page.fonts for page in pack_facts(slug).pages), start=type(pack_facts(slug).pages[0].fonts)())
    others = {name: count for name, count in fonts.items() if not name.startswith("Atkinson-Hyperlegible")}
    assert "Atkinson-Hyperlegible" in fonts and "Atkinson-Hyperlegible-Bold" in fonts, fonts
    assert not others, f"{slug}: text in other typefaces: {others}"


@pytest.mark.parametrize("slug", ALL_PACKS)
def test_every_page_after_the_cover_has_its_number(slug: str, pack_facts) -> None:
    facts = pack_facts(slug)
    total = len(facts.pages)
    missing = [index + 1 for index, page in enumerate(facts.pages[1:], start=1) if f"Page {index + 1} of {total}" not in page.footer]
    assert not missing, f"{slug}: pages with no page number at the foot: {missing}"
    assert "Page 1" not in facts.pages[0].footer, f"{slug}: the cover should have no page number"


@pytest.mark.parametrize("slug", ALL_PACKS)
def test_no_heading_is_left_at_the_foot_of_a_page(slug: str, pack_facts) -> None:
    facts = pack_facts(slug)
    body_size = facts.pages[len(facts.pages) // 2].char_sizes.most_common(1)[0][0]
    stranded = [index + 1 for index, page in enumerate(facts.pages[1:-1], start=1) if page.last_line_size > body_size + 1]
    assert not stranded, f"{slug}: pages that end with a heading: {stranded}"


@pytest.mark.parametrize("slug", ALL_PACKS)
def test_contents_page_numbers_match_where_each_section_starts(slug: str, pack_facts) -> None:
    facts = pack_facts(slug)
    entries = facts.contents_entries()
    assert len(entries) >= 4, f"{slug}: too few contents entries: {entries}"
    problems = []
    for title, number in entries:
        text = normalise(facts.pages[number - 1].text)
        if title not in text:
            problems.append(f"'{title}' is listed on page {number}, but that page does not show it")
        bookmarked = [b.page_index + 1 for b in facts.bookmarks if b.title == title]
        if bookmarked and number not in bookmarked:
            problems.append(f"'{title}' is listed on page {number}, but its heading is on page {bookmarked}")
    assert not problems, f"{slug}:\n" + "\n".join(problems)


@pytest.mark.parametrize("slug", list(MODULE_PACKS))
def test_each_module_starts_on_a_new_page_and_is_in_the_outline(slug: str, pack_facts, site_dir: Path) -> None:
    facts = pack_facts(slug)
    parts = {b.title for b in facts.bookmarks if b.depth == 0}
    problems = []
    for number, title in zip(MODULE_PACKS[slug], module_titles(site_dir, MODULE_PACKS[slug])):
        heading = f"Module {number}: {title}"
        found = [b for b in facts.bookmarks if b.title == heading]
        if not found:
            problems.append(f"'{heading}' is not in the outline")
            continue
        page_text = normalise(facts.pages[found[0].page_index].text)
        starts = page_text.startswith(heading) or any(page_text.startswith(f"{part} {heading}") for part in parts)
        if not starts:
            problems.append(f"'{heading}' does not start its page, which begins: {page_text[:80]!r}")
    assert not problems, f"{slug}:\n" + "\n".join(problems)


@pytest.mark.parametrize("slug", ACTIVITY_PACKS)
def test_each_activity_starts_on_a_new_page(slug: str, pack_facts) -> None:
    facts = pack_facts(slug)
    activities = [b for b in facts.bookmarks if b.title.startswith("Activity: ")]
    assert len(activities) >= 4, f"{slug}: too few activities in the outline"
    late = [b.title for b in activities if not normalise(facts.pages[b.page_index].text).split(" Activity: ")[0].startswith(("Activity: ", "Activities"))]
    assert not late, f"{slug}: activities that do not start their page: {late}"


def test_there_are_trainer_notes_to_check() -> None:
    """Proves the next two tests check something: the course has trainer boxes in activities and modules."""
    assert len(trainer_boxes("activities")) >= 10
    assert trainer_boxes("modules")


@pytest.mark.parametrize("slug", LEARNER_PACKS)
def test_learner_packs_leave_out_the_trainer_notes(slug: str, pack_facts) -> None:
    text = whole_text(pack_facts(slug))
    found = [f"{name}: {sentence}" for folder in ("activities", "modules")
             for name, sentences in trainer_boxes(folder).items() for sentence in sentences if sentence in text]
    assert not found, f"{slug} holds trainer-only notes:\n" + "\n".join(found)


def test_trainers_guide_keeps_every_activity_trainer_note(pack_facts) -> None:
    text = whole_text(pack_facts("trainers-guide"))
    missing = [f"{name}: {sentence}" for name, sentences in trainer_boxes("activities").items() for sentence in sentences if sentence not in text]
    assert not missing, "the trainer's guide is missing:\n" + "\n".join(missing)


@pytest.mark.parametrize("slug", ALL_PACKS)
def test_pdf_is_tagged_with_title_and_language(slug: str, pack_facts) -> None:
    reader = pack_facts(slug).reader
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, f"{slug}: not a tagged PDF"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == PACKS_BY_SLUG[slug].title
    assert root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") == True  # noqa: E712


def test_handbook_has_answers_at_the_back_and_lines_to_write_on(pack_facts) -> None:
    facts = pack_facts("learners-handbook")
    last_part = [b for b in facts.bookmarks if b.depth == 0][-1]
    assert last_part.title == 'Answers to "Check your understanding"'
    answers = normalise(" ".join(page.text for page in facts.pages[last_part.page_index:]))
    body = whole_text(facts)
    # Each module's "Why" is only in the answers; in the module there is a pointer to it.
    assert answers.count("Why:") >= 20
    assert body.count("Why:") == answers.count("Why:")
    assert body.count("Write your answer on the lines.") == 10
    assert body.count("You can check your answer with the answers at the back") >= 20


def test_handbook_prints_the_check_with_its_answers_at_the_back(pack_facts) -> None:
    facts = pack_facts("learners-handbook")
    top = [b.title for b in facts.bookmarks if b.depth == 0]
    assert "Check what you have learnt" in top, top
    assert top.index("Session 2: Doing co-production") < top.index("Check what you have learnt") < top.index("Case studies")
    check_start = facts.page_index_of_bookmark("Check what you have learnt")
    check_end = facts.page_index_of_bookmark("Case studies")
    answers_start = facts.page_index_of_bookmark('Answers to "Check your understanding"')
    check_text = normalise(" ".join(page.text for page in facts.pages[check_start:check_end]))
    answers = normalise(" ".join(page.text for page in facts.pages[answers_start:]))
    assert check_text.count("You can check your answer with the answers at the back") >= 15
    assert "Why:" not in check_text, "the check's reasons belong at the back, with the answers"
    assert "See my score" not in whole_text(facts)
    # The check's answers have their own heading at the back, with the reason for the first question.
    back = answers[answers.index("Check what you have learnt"):]
    [check] = read_pages(PROJECT_DIR / "mkdocs.yml", ["check.md"])
    first_why = " ".join(BeautifulSoup(check.questions[0].why_html, "html.parser").get_text(" ").split())
    assert normalise(first_why.removeprefix("Why:").strip())[:60] in back


def test_on_paper_each_check_question_lists_its_options_in_the_websites_order(pack_facts) -> None:
    text = whole_text(pack_facts("learners-handbook"))
    [check] = read_pages(PROJECT_DIR / "mkdocs.yml", ["check.md"])
    # The title's start: a long title may break across lines in ways the text extraction joins differently.
    starts = [text.index(normalise(question.title_text)[:40]) for question in check.questions]
    for question, start, end in zip(check.questions, starts, [*starts[1:], len(text)]):
        # Each option's first place after its question, found on its own, so a different order shows.
        places = [text.index(normalise(option.text), start, end) for option in question.options]
        assert places == sorted(places), question.title_text
