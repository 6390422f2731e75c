"""One HTML document per pack: cover, contents, the pages in their parts, and the answers at the back."""

from __future__ import annotations

import datetime as dt
import html as html_lib
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Tag

from print_packs.cards import CardSet, CardSource, card_set_html, card_sets
from print_packs.clean import (
    Question, answers_html, fragment, paper_questions, paper_reflections, remove_screen_only, remove_trainer_notes,
)
from print_packs.contents import ContentsEntry, contents_html
from print_packs.handouts import keep_only_handouts
from print_packs.links import page_key, prefix_ids, rewrite_links, unwrap_dangling_links
from print_packs.packs import Pack, SourcePage, pages_in_parts
from print_packs.paper_tables import linearise_wide_tables, mark_write_in_columns
from print_packs.talk_notes import keep_only_talk_notes

ANSWERS_ID = "app-pack-answers"
# Glossary links are words explained at the back of the handbook: a page number
# after each would clutter every module, so on paper they are plain words.
PLAIN_PAGES = frozenset({"glossary/", "glossary.html"})
_LABELS = {"modules/": "Module {module}: ", "activities/": "Activity: ", "case-studies/": "Case study: "}


@dataclass(frozen=True)
class Cover:
    """What the cover page says besides the pack's name."""

    course: str
    organisation: str
    version: str
    date: str


@dataclass(frozen=True)
class PackDocument:
    """A pack as one HTML document, with what it holds (for checks and the build log)."""

    pack: Pack
    html: str
    contents: list[ContentsEntry]
    trainer_notes_removed: int
    questions: int
    missing_anchors: list[str]
    card_sets: tuple[CardSet, ...] = ()


def page_heading(page: SourcePage, h1_text: str) -> str:
    """The heading a page gets in a pack: its main heading, with "Module 4: " or "Activity: " in front."""
    for folder, label in _LABELS.items():
        if page.src_uri.startswith(folder) and not page.src_uri.endswith("index.md"):
            try:
                prefix = label.format(**page.meta)
            except (KeyError, IndexError):
                prefix = ""
            return h1_text if h1_text.startswith(prefix) else prefix + h1_text
    return h1_text


def shift_headings(root: Tag, by: int) -> None:
    """Move every heading in `root` down `by` levels (h1 becomes h2 when by=1), never past h6."""
    if by <= 0:
        return
    for heading in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        heading.name = f"h{min(6, int(heading.name[1]) + by)}"


def _escape(text: str) -> str:
    return html_lib.escape(text, quote=False)


def cover_html(pack: Pack, cover: Cover) -> str:
    """The cover page: course title, pack name, who runs the course, version and date."""
    return (
        '<section class="app-pack__cover">'
        f'<p class="app-pack__cover-course">{_escape(cover.course)}</p>'
        f'<h1 class="app-pack__cover-title">{_escape(pack.title)}</h1>'
        f'<p class="app-pack__cover-description">{_escape(pack.description)}</p>'
        '<dl class="app-pack__cover-details">'
        f"<dt>Run by</dt><dd>{_escape(cover.organisation)}</dd>"
        f"<dt>Version</dt><dd>{_escape(cover.version)}</dd>"
        f"<dt>Date</dt><dd>{_escape(cover.date)}</dd>"
        "</dl>"
        + ('<p class="app-pack__cover-note">This pack is for trainers. It holds notes that learners do not need.</p>'
           if pack.for_trainers else "")
        + "</section>"
    )


def prepare_page(page: SourcePage, pack: Pack, *, keys: dict[str, str], level_shift: int,
                 part_title: str | None = None, talk_notes_only: bool = False) -> tuple[str, str, list[Question], int]:
    """One page made ready for paper: returns its section HTML, its heading, its questions and trainer notes removed.

    A page whose heading is the same as its part's title (the part's introduction, such as
    "Case studies") is printed under the part's title without a heading of its own.
    """
    key = keys[page.url]
    soup = fragment(page.html)
    remove_screen_only(soup)
    if pack.handouts_only and is_activity(page):
        keep_only_handouts(soup)
    if talk_notes_only:
        keep_only_talk_notes(soup)
    removed = 0 if pack.for_trainers else remove_trainer_notes(soup)
    rewrite_links(soup, from_url=page.url, keys=keys, plain_pages=PLAIN_PAGES)
    prefix_ids(soup, key)
    answers_anchor = f"{ANSWERS_ID}-{key}" if pack.answers_at_back else None
    questions = paper_questions(soup, answers_anchor=answers_anchor)
    paper_reflections(soup)
    linearise_wide_tables(soup)
    mark_write_in_columns(soup)
    main_heading = soup.find("h1")
    heading = page_heading(page, " ".join(main_heading.get_text(" ", strip=True).split()) if main_heading else page.title)
    if main_heading is not None:
        main_heading.clear()
        main_heading.append(heading)
        main_heading.extract()
    shift_headings(soup, level_shift)
    if is_part_introduction(heading, part_title):
        section = f'<section class="app-pack__page app-pack__page--part-introduction" id="{key}">{soup}</section>'
    else:
        tag = f"h{1 + level_shift}"
        section = (f'<section class="app-pack__page" id="{key}">'
                   f'<{tag} class="app-pack__page-title">{_escape(heading)}</{tag}>{soup}</section>')
    return section, heading, questions, removed


def is_activity(page: SourcePage) -> bool:
    """Whether a page is one activity (not the activities' index)."""
    return page.src_uri.startswith("activities/") and not page.src_uri.endswith("index.md")


def is_part_introduction(heading: str, part_title: str | None) -> bool:
    """Whether a page's heading only repeats its part's title."""
    return part_title is not None and heading.casefold().strip() == part_title.casefold().strip()


def part_id(index: int) -> str:
    """The id of a pack's part."""
    return f"app-pack-part-{index}"


CARDS_HOW_TO_ID = "app-cards-how-to"
CARDS_HOW_TO = (
    f'<section class="app-pack__page" id="{CARDS_HOW_TO_ID}"><h1 class="app-pack__page-title">How to use these cards</h1>'
    "<p>Print these pages on A4 at actual size (100%), never \"fit to page\". Thin card or thick paper lasts longest.</p>"
    "<p>Cut along the dashed lines. Each card names its activity at the foot, so keep each set in its own envelope "
    "with the activity's name on it.</p>"
    "<p>A card with no words is a spare. Use it for a card of your own, or for one that gets lost.</p>"
    "<p>The activity pages in the trainer's guide say when to hand out each set.</p></section>"
)


def _cards_body(pack: Pack, pages: list[SourcePage], four_to_a_sheet: frozenset[str]) -> tuple[list[str], list[ContentsEntry], tuple[CardSet, ...]]:
    """The cards pack's sections: how to use the cards, then each activity's sheets."""
    chosen = [page for _, in_part in pages_in_parts(pack, pages) for page in in_part]
    sources = []
    for page in chosen:
        main_heading = fragment(page.html).find("h1")
        activity = " ".join(main_heading.get_text(" ", strip=True).split()) if main_heading else page.title
        sources.append(CardSource(page.src_uri, f"cards-{page_key(page.url)}", activity, page.html))
    sets = tuple(card_sets(sources, four_to_a_sheet))
    body = [CARDS_HOW_TO] + [card_set_html(card_set, heading_tag="h1") for card_set in sets]
    contents = [ContentsEntry("How to use these cards", CARDS_HOW_TO_ID)]
    contents += [ContentsEntry(f"Cards for: {card_set.activity}", card_set.anchor) for card_set in sets]
    return body, contents, sets


def assemble_pack(pack: Pack, pages: list[SourcePage], cover: Cover, *, stylesheet_links: list[str] = (),
                  four_to_a_sheet: frozenset[str] = frozenset()) -> PackDocument:
    """The whole pack as one HTML document, ready for the PDF engine.

    `four_to_a_sheet` names the card sets (by anchor) to lay out four to a sheet, not six.
    """
    if pack.cards_only:
        body, contents, sets = _cards_body(pack, pages, four_to_a_sheet)
        return _document(pack, cover, body, contents, stylesheet_links, removed=0, question_count=0, sets=sets)
    parts = pages_in_parts(pack, pages)
    keys = {page.url: page_key(page.url) for _, chosen in parts for page in chosen}
    body: list[str] = []
    contents: list[ContentsEntry] = []
    answer_groups: list[tuple[str, str, list[Question]]] = []
    removed = 0
    question_count = 0
    for index, (part, chosen) in enumerate(parts, start=1):
        sections = []
        entries = []
        for page in chosen:
            section, heading, questions, trainer_notes = prepare_page(
                page, pack, keys=keys, level_shift=0 if part.title is None else 1, part_title=part.title,
                talk_notes_only=part.talk_notes_only)
            sections.append(section)
            if not is_part_introduction(heading, part.title):
                entries.append(ContentsEntry(heading, keys[page.url]))
            removed += trainer_notes
            question_count += len(questions)
            if questions and pack.answers_at_back:
                answer_groups.append((f"{ANSWERS_ID}-{keys[page.url]}", heading, questions))
        if part.title is None:
            body.extend(sections)
            contents.extend(entries)
        else:
            body.append(f'<section class="app-pack__part" id="{part_id(index)}">'
                        f'<h1 class="app-pack__part-title">{_escape(part.title)}</h1>{"".join(sections)}</section>')
            contents.append(ContentsEntry(part.title, part_id(index), entries))
    if answer_groups:
        body.append(answers_html(answer_groups, anchor=ANSWERS_ID))
        contents.append(ContentsEntry('Answers to "Check your understanding"', ANSWERS_ID))
    return _document(pack, cover, body, contents, stylesheet_links, removed=removed, question_count=question_count)


def _document(pack: Pack, cover: Cover, body: list[str], contents: list[ContentsEntry], stylesheet_links: list[str], *,
              removed: int, question_count: int, sets: tuple[CardSet, ...] = ()) -> PackDocument:
    """Cover, contents and body as one HTML document, with links that lead nowhere made plain."""
    links = "".join(f'<link rel="stylesheet" href="{html_lib.escape(href)}">' for href in stylesheet_links)
    document = (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{_escape(pack.title)}</title>"
        f'<meta name="author" content="{html_lib.escape(cover.organisation)}">'
        f'<meta name="description" content="{html_lib.escape(pack.description)}">'
        f'<meta name="keywords" content="{html_lib.escape(", ".join(pack.keywords))}">'
        f'<meta name="generator" content="{html_lib.escape(cover.course)}">'
        f"{links}</head>"
        f'<body class="app-pack app-pack--{pack.slug}">'
        f"{cover_html(pack, cover)}{contents_html(contents)}<main>{''.join(body)}</main></body></html>"
    )
    soup = BeautifulSoup(document, "html.parser")
    missing = unwrap_dangling_links(soup)
    return PackDocument(pack, str(soup), contents, removed, question_count, missing, sets)


def pack_cover(*, course: str, organisation: str, version: Any, epoch: str | None, today: dt.date) -> Cover:
    """The cover's facts: the organisation (or the course's name), the version, and the build's date.

    `epoch` is SOURCE_DATE_EPOCH, which makes the date repeatable. Raises ValueError
    (naming the setting) when `extra.course_version` is not a version.
    """
    if isinstance(version, bool) or not isinstance(version, (str, int, float)) or not str(version).strip():
        raise ValueError(f"extra.course_version should be a version such as \"1.0\" (it is printed on each PDF pack's "
                         f"cover), not {version!r}")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch and epoch.isdigit() else today
    return Cover(course=course, organisation=organisation or course, version=str(version).strip(),
                 date=f"{day.day} {day:%B %Y}")
