"""What goes on a session's slides, read from the built pages: the plan's rows and the parts they name."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from print_packs.clean import OPTION_LETTERS, QUESTION_BOX, REFLECT_BOX, read_question, remove_screen_only
from print_packs.packs import SourcePage
from print_packs.talk_notes import talk_notes_boxes

QUESTIONS_PAGE = "trainers/questions-in-the-room.md"
PLAN_COLUMNS = ("Start", "Minutes", "What happens")
_STARTS = re.compile(r'the question that starts "([^"]+)"')


@dataclass(frozen=True)
class Table:
    """A table to show: its header row and its body rows, as plain words."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Slide:
    """One slide's title, its text (paragraphs, or one table) and the trainer's speaker notes."""

    title: str
    lines: tuple[str, ...] = ()
    table: Table | None = None
    notes: str = ""


@dataclass
class Deck:
    """A session's slides, in order, with the deck's title and what it was made from."""

    session: int
    title: str
    slides: list[Slide] = field(default_factory=list)


class SlidesError(ValueError):
    """The pages do not give what a slide needs; the message names the Markdown file and how to fix it."""


def _words(element: Tag) -> str:
    """An element's words as one line: inline tags joined without a space before punctuation."""
    return " ".join(element.get_text().split())


def _soup(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    remove_screen_only(soup)
    return soup


def _page_for(href: str, from_page: SourcePage, by_url: dict[str, SourcePage]) -> tuple[SourcePage | None, str]:
    """The collected page a link leads to, and the link's #fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    base = from_page.url if from_page.url.endswith("/") or not from_page.url else posixpath.dirname(from_page.url) + "/"
    path = posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else from_page.url.rstrip("/")
    path = path.removesuffix("index.html").removesuffix(".html").strip("/")
    path = "" if path == "." else path
    return by_url.get(path), parts.fragment


def _main_heading(page: SourcePage) -> str:
    heading = BeautifulSoup(page.html, "html.parser").find("h1")
    return " ".join(heading.get_text(" ", strip=True).split()) if heading else page.title


def _section(soup: BeautifulSoup, anchor: str) -> tuple[str, list[Tag]]:
    """A heading's words and the elements under it, up to the next heading of its level or higher."""
    heading = soup.find(id=anchor)
    if heading is None or heading.name not in ("h2", "h3", "h4"):
        return "", []
    level = int(heading.name[1])
    elements = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2", "h3", "h4") and int(sibling.name[1]) <= level:
            break
        elements.append(sibling)
    return _words(heading), elements


def table_of(element: Tag) -> Table | None:
    """A table's header and rows as plain words; None when it has no header row."""
    table = element if element.name == "table" else element.find("table")
    if table is None:
        return None
    header = [_words(cell) for cell in table.select("thead th")]
    if not header:
        return None
    rows = tuple(tuple(_words(cell) for cell in row.find_all(["td", "th"])) for row in table.select("tbody tr"))
    return Table(tuple(header), rows)


def _list_items(element: Tag) -> list[str]:
    return [_words(item) for item in element.find_all("li", recursive=False)]


def _talk_parts(box: Tag) -> dict[str, Tag]:
    """The talk notes' paragraphs and lists, by their bold label: "Time", "Points to make", "What to show", "Ask the room"."""
    parts: dict[str, Tag] = {}
    label = None
    for child in box.find_all(["p", "ol", "ul"], recursive=False):
        strong = child.find("strong") if child.name == "p" else None
        if strong is not None and child.contents and child.contents[0] == strong:
            label = strong.get_text(strip=True).rstrip(":")
            parts[label] = child
        elif label is not None and child.name in ("ol", "ul"):
            parts[label + " list"] = child
    return parts


def _after_label(paragraph: Tag) -> str:
    text = _words(paragraph)
    return text.split(":", 1)[1].strip() if ":" in text else text


def talk_slides(module: SourcePage, minutes: str, by_url: dict[str, SourcePage]) -> list[Slide]:
    """A short talk: its title, what to show (the tables, lists or stories its "What to show" links to) and its question."""
    soup = _soup(module.html)
    boxes = talk_notes_boxes(soup)
    if not boxes:
        raise SlidesError(f"Doc file '{module.src_uri}': the session plan gives it a short talk, but it has no "
                          '!!! trainer "Talk notes for the trainer" box for the slides. Add one.')
    box = boxes[0]
    notes = _words(box)
    parts = _talk_parts(box)
    heading = f"Module {module.meta.get('module', '')}: {_main_heading(module)}".replace("Module : ", "")
    points = _list_items(parts["Points to make list"]) if "Points to make list" in parts else []
    slides = [Slide(heading, (f"A short talk: {minutes} minutes.", *points), notes=notes)]
    show = parts.get("What to show")
    if show is not None:
        links = [link for link in show.find_all("a", href=True)]
        if not links:
            slides.append(Slide(f"{heading}: what to show", (_after_label(show),), notes=notes))
        for link in links:
            target, anchor = _page_for(str(link["href"]), module, by_url)
            if target is None or not anchor:
                raise SlidesError(f"Doc file '{module.src_uri}': the talk notes' \"What to show\" links to "
                                  f"\"{link['href']}\", which is not a section of a course page. Link to a heading, "
                                  "such as (#key-points).")
            slides.extend(_shown_section(target, anchor, notes))
    ask = parts.get("Ask the room")
    if ask is not None:
        slides.append(Slide(f"{heading}: ask the room", (_after_label(ask),), notes=notes))
    return slides


def _shown_section(page: SourcePage, anchor: str, notes: str) -> list[Slide]:
    """A section named by "What to show": its table, else its list, else its story (on the slide by title, read from the notes)."""
    soup = _soup(page.html)
    title, elements = _section(soup, anchor)
    if not title:
        raise SlidesError(f"Doc file '{page.src_uri}': the talk notes' \"What to show\" links to #{anchor}, "
                          "which is not a heading on the page. Link to one of its ## headings.")
    for element in elements:
        table = table_of(element)
        if table is not None:
            return [Slide(title, table=table, notes=notes)]
    for element in elements:
        if element.name in ("ul", "ol"):
            return [Slide(title, tuple(_list_items(element)), notes=notes)]
    story = " ".join(_words(element) for element in elements if element.name in ("p", "blockquote"))
    return [Slide(title, ("Read the story aloud. The words are in the speaker notes.",), notes=story)]


def _numbered_after(soup: BeautifulSoup, heading_words: str) -> list[str]:
    for heading in soup.find_all("h2"):
        if _words(heading) == heading_words:
            following = heading.find_next_sibling(["ol", "ul", "h2"])
            if following is not None and following.name != "h2":
                return _list_items(following)
    return []


def activity_slides(activity: SourcePage, minutes: str) -> list[Slide]:
    """An activity: its title and time, its steps, and its questions for the debrief; the trainer's notes as notes."""
    soup = _soup(activity.html)
    title = f"Activity: {_main_heading(activity)}"
    steps = _numbered_after(soup, "Step by step")
    if not steps:
        raise SlidesError(f"Doc file '{activity.src_uri}': the slides show an activity's steps, but it has no "
                          "\"## Step by step\" list. Add one.")
    trainer = " ".join(_words(box) for box in soup.select("div.admonition.trainer"))
    slides = [Slide(title, (f"{minutes} minutes.", *[f"{number}. {step}" for number, step in enumerate(steps, start=1)]),
                    notes=trainer)]
    debrief = _numbered_after(soup, "Questions for the debrief")
    if debrief:
        slides.append(Slide(f"{title}: questions to talk about", tuple(debrief), notes=trainer))
    return slides


def question_slides(module: SourcePage, starts: str, number: int, count: int, again: bool) -> list[Slide]:
    """A question in the room: the question, then its lettered answers; the right answer and why in the notes."""
    soup = _soup(module.html)
    for box in soup.select(QUESTION_BOX):
        question = read_question(box)
        if question.title.startswith(starts):
            title = f"Question {number} of {count}" + (", again" if again else "")
            why = _words(BeautifulSoup(question.why_html, "html.parser"))
            notes = f"Right: {'; '.join(question.right_answers)}. {why}"
            options = tuple(f"{OPTION_LETTERS[index]}. {text}" for index, (text, _) in enumerate(question.options))
            return [Slide(title, (question.title,), notes=notes),
                    Slide(f"{title}: hold up your letter", options, notes=notes)]
    raise SlidesError(f"Doc file '{QUESTIONS_PAGE}': it names the question that starts \"{starts}\" in "
                      f"'{module.src_uri}', which has no question starting so. Change the words to match the module.")


def session_questions(questions_page: SourcePage, session: int, by_url: dict[str, SourcePage]) -> list[tuple[SourcePage, str]]:
    """The questions "Questions in the room" names for a session: (module page, the words it starts with)."""
    soup = _soup(questions_page.html)
    heading = next((h3 for h3 in soup.find_all("h3") if _words(h3).startswith(f"Session {session}")), None)
    if heading is None:
        raise SlidesError(f"Doc file '{QUESTIONS_PAGE}': no \"### Session {session}\" heading names its questions.")
    found = []
    listing = heading.find_next_sibling(["ul", "h3", "h2"])
    for item in listing.find_all("li", recursive=False) if listing is not None and listing.name == "ul" else []:
        link = item.find("a", href=True)
        match = _STARTS.search(_words(item).replace("\u201c", '"').replace("\u201d", '"'))
        page = _page_for(str(link["href"]), questions_page, by_url)[0] if link is not None else None
        if page is None or match is None:
            raise SlidesError(f"Doc file '{QUESTIONS_PAGE}': \"{_words(item)[:60]}\" should link to a module and say "
                              "'the question that starts \"…\"'.")
        found.append((page, match.group(1)))
    return found


def reflection_slide(page: SourcePage, anchor: str) -> Slide:
    """A "Think about it" box: its question on the slide, and its two prompts."""
    soup = _soup(page.html)
    _, elements = _section(soup, anchor)
    for element in elements:
        box = element if "reflect" in element.get("class", []) else element.select_one(REFLECT_BOX)
        if box is None:
            continue
        title_tag = box.select_one(".admonition-title")
        question = _words(title_tag) if title_tag is not None else ""
        prompts = [_words(p) for p in box.find_all("p", recursive=False) if p is not title_tag]
        heading = f"Module {page.meta.get('module', '')}: think about it"
        return Slide(heading, (question,), notes=" ".join(prompts))
    raise SlidesError(f"Doc file '{page.src_uri}': a session plan links to #{anchor} for a \"Think about it\" box, "
                      "but there is none under that heading.")


@dataclass(frozen=True)
class PlanRow:
    """A plan table's row as built: start, minutes, what happens (words, and its cell for links), and the activity cell."""

    start: str
    minutes: str
    what: str
    what_cell: Tag
    activity_cell: Tag | None


def plan_rows(plan: SourcePage) -> list[PlanRow]:
    """The rows of the plan's timings table (Start, Minutes, What happens), as built."""
    soup = _soup(plan.html)
    for table in soup.find_all("table"):
        header = [_words(cell) for cell in table.select("thead th")]
        if all(column in header for column in PLAN_COLUMNS):
            place = {name: header.index(name) for name in header}
            rows = []
            for row in table.select("tbody tr"):
                cells = row.find_all(["td", "th"])
                activity = cells[place["Activity"]] if "Activity" in place else None
                rows.append(PlanRow(_words(cells[place["Start"]]), _words(cells[place["Minutes"]]),
                                    _words(cells[place["What happens"]]), cells[place["What happens"]], activity))
            return rows
    raise SlidesError(f"Doc file '{plan.src_uri}': no table with the columns Start, Minutes and What happens for the slides.")


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".")


def _sentences(text: str) -> list[str]:
    return [sentence for sentence in re.split(r"(?<=[.!?])\s+", text) if sentence]


def session_deck(plan: SourcePage, pages: list[SourcePage], organisation: str) -> Deck:
    """Every slide of a session, in the plan's order."""
    by_url = {page.url.strip("/"): page for page in pages}
    session = int(plan.meta.get("session", 0))
    title = _main_heading(plan).removeprefix(f"Session {session} plan: ")
    deck = Deck(session, f"Session {session}: {title}")
    start, finish = plan.meta.get("start", ""), plan.meta.get("finish", "")
    deck.slides.append(Slide(deck.title, (f"{organisation}", f"{start} to {finish}"),
                             notes=f"Session {session} of the course, run by {organisation}."))
    questions_shown = 0
    questions_page = next((page for page in pages if page.src_uri == QUESTIONS_PAGE), None)
    for row in plan_rows(plan):
        lowered = row.what.lower()
        if lowered.startswith("spare time"):
            continue
        links = [(str(link["href"]), _page_for(str(link["href"]), plan, by_url)) for link in row.what_cell.find_all("a", href=True)]
        activity_link = row.activity_cell.find("a", href=True) if row.activity_cell is not None else None
        if lowered.startswith("break"):
            deck.slides.append(Slide(f"Break: back at {_end(row)}", ("Drinks and something to eat.", f"We start again at {_end(row)}."),
                                     notes=row.what))
            continue
        talked = False
        for href, (target, anchor) in links:
            if target is None:
                continue
            if target.src_uri.startswith("modules/") and anchor in ("", "talk-notes") and "talk" in lowered:
                deck.slides.extend(talk_slides(target, row.minutes, by_url))
                talked = True
        if activity_link is not None:
            activity, _ = _page_for(str(activity_link["href"]), plan, by_url)
            if activity is not None:
                deck.slides.extend(activity_slides(activity, row.minutes))
                continue
        if not talked:
            deck.slides.append(Slide(_first_sentence(row.what)[:60], tuple(_sentences(row.what)[1:]) or (row.what,),
                                     notes=f"{row.start}, {row.minutes} minutes. {row.what}"))
        for href, (target, anchor) in links:
            if target is None:
                continue
            if target.src_uri.startswith("modules/") and anchor.startswith("think-about-it"):
                deck.slides.append(reflection_slide(target, anchor))
            if target.src_uri == QUESTIONS_PAGE and questions_page is not None:
                named = session_questions(questions_page, session, by_url)
                for number, (module, starts) in enumerate(named, start=1):
                    deck.slides.extend(question_slides(module, starts, number, len(named), again=questions_shown > 0))
                questions_shown += 1
    deck.slides.append(Slide("Thank you", (f"Thank you for coming to session {session}.", organisation),
                             notes="Thank everyone, and say how to get in touch."))
    return deck


def _end(row: PlanRow) -> str:
    hours, minutes = (int(part) for part in row.start.split(":"))
    total = hours * 60 + minutes + int(row.minutes)
    return f"{total // 60}:{total % 60:02d}"
