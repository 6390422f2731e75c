"""A pack's HTML made ready for a reflowable format: no cover or printed contents, no ruled lines, answers linked both ways.

The cover becomes the file's metadata (title, organisation, date), which Word
and e-readers show on the first page; Word's navigation pane and the EPUB's
navigation document replace the printed contents.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from print_packs.assemble import ANSWERS_ID

ANSWER_LINK = "p.app-pack__answers-link"
ANSWERS_GROUP = "section.app-pack__answers-group"
# On paper the reader writes on ruled lines; in Word or an e-book there are none.
PAPER_ONLY = (".app-pack__cover", "nav.app-pack__contents", ".app-pack__lines", ".app-pack__tick-box")
PAPER_WORDS = {"Write your answer on the lines. There are no wrong answers.":
               "Write or think about your answer. There are no wrong answers."}


def question_id(page_key: str, number: int) -> str:
    """The id of a page's `number`th link to the answers (1 for the first), which its answer links back to."""
    return f"{page_key}-question-{number}"


def reflowable_html(pack_html: str) -> str:
    """The pack's HTML for pandoc: paper-only parts out, admonition titles bold, each answer linked back to its question."""
    soup = BeautifulSoup(pack_html, "html.parser")
    for selector in PAPER_ONLY:
        for element in soup.select(selector):
            element.decompose()
    for paragraph in soup.find_all("p"):
        words = " ".join(paragraph.get_text(" ", strip=True).split())
        if words in PAPER_WORDS:
            paragraph.string = PAPER_WORDS[words]
    for title in soup.select("p.admonition-title"):
        if title.find("strong") is None:
            title.wrap(soup.new_tag("strong")).wrap(soup.new_tag("p")).unwrap()
    _link_answers_both_ways(soup)
    _flatten_sections(soup)
    return str(soup)


def _flatten_sections(soup: BeautifulSoup) -> None:
    """Give each section's id to its heading and drop the section, so pandoc sees the headings' real levels.

    pandoc starts a new EPUB chapter only at a main heading that is not inside a
    block, and a heading keeps its id (which links point at) where a section's is lost.
    A section with no heading of its own (a part's introduction) stays a block with its id.
    """
    for main in soup.find_all("main"):
        main.unwrap()
    for section in soup.find_all("section"):
        first = next((child for child in section.children if getattr(child, "name", None)), None)
        if first is not None and first.name in ("h1", "h2", "h3", "h4", "h5", "h6") and not first.get("id") and section.get("id"):
            first["id"] = section["id"]
            section.unwrap()
        else:
            section.name = "div"


def _link_answers_both_ways(soup: BeautifulSoup) -> None:
    """Give each "check your answer" paragraph an id, and each answer at the back a link back to it."""
    asked: dict[str, list[str]] = {}
    for paragraph in soup.select(ANSWER_LINK):
        link = paragraph.find("a", href=True)
        if link is None or not link["href"].startswith(f"#{ANSWERS_ID}-"):
            continue
        key = link["href"][len(f"#{ANSWERS_ID}-"):]
        ids = asked.setdefault(key, [])
        ids.append(question_id(key, len(ids) + 1))
        # pandoc keeps the id of a div (or a heading), not of a paragraph.
        paragraph.wrap(soup.new_tag("div", id=ids[-1]))
    for group in soup.select(ANSWERS_GROUP):
        key = str(group.get("id", ""))[len(f"{ANSWERS_ID}-"):]
        for answer, target in zip(group.select(".app-pack__answer"), asked.get(key, [])):
            back = soup.new_tag("p", attrs={"class": "app-pack__back-link"})
            link = soup.new_tag("a", href=f"#{target}")
            title = answer.select_one(".app-pack__question-title")
            # Each link says which question it goes back to: a list of links all called the same tells a screen reader user nothing.
            link.string = f"Back to the question: {title.get_text(' ', strip=True)}" if title else "Back to the question"
            back.append(link)
            answer.append(back)
