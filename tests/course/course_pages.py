"""Read the course's Markdown pages and mkdocs.yml, so the course tests can be parametrized per page.

Everything here reads the source files at collection time (no build needed), so each test
can be parametrized explicitly with the page it checks and a failure names that page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

PROJECT_DIR = Path(__file__).resolve().parents[2]
DOCS_DIR = PROJECT_DIR / "docs"

# The exact `##` headings, in order, that docs/authors/guide.md asks for.
CASE_STUDY_HEADINGS = ["Where and who", "What they did", "What changed", "What we can learn", "Questions to discuss", "Sources"]
ACTIVITY_HEADINGS = ["Purpose", "Time needed", "Group size", "What you need", "Step by step", "Questions for the debrief",
                     "Notes for the trainer", "How many trainers it needs", "Making it accessible",
                     "Variations for online groups", "Your handout", "Cards to cut out", "Sources"]
# Only activities that use cards have this heading; where it is, it stands in its place above.
OPTIONAL_ACTIVITY_HEADINGS = {"Cards to cut out"}


def activity_headings_for(headings: list[str]) -> list[str]:
    """The headings an activity page should have, in order, keeping an optional one only if the page has it."""
    return [heading for heading in ACTIVITY_HEADINGS if heading not in OPTIONAL_ACTIVITY_HEADINGS or heading in headings]


# A module (second edition) opens with a story ("A story: ..."), then these headings; its own body sections
# follow, then "If you are an older person taking part" and the closing headings in this order, with an
# optional "Going further: ..." section after the questions.
MODULE_STORY_PREFIX = "A story"
MODULE_OPENING = ["In this module you will", "The principles this module is about"]
OLDER_PERSON_HEADING = "If you are an older person taking part"
MODULE_CLOSING = ["Key points", "Think about it", "Check your understanding", "Activities for this module", "What comes next", "Sources"]
GOING_FURTHER_PREFIX = "Going further"

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_QUESTION = re.compile(r'^!!! question "(.*)"\s*$')


@dataclass
class Page:
    """One Markdown page: its path under docs/, front matter and body."""

    path: str
    meta: dict = field(default_factory=dict)
    body: str = ""

    @property
    def built_path(self) -> str:
        """Where MkDocs writes the page with directory URLs ('modules/x.md' -> 'modules/x/index.html')."""
        stem = self.path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return stem + ".html"
        return stem + "/index.html"

    @property
    def url_stem(self) -> str:
        """The last part of the page's URL, as links to it end ('modules/x.md' -> 'x/')."""
        return Path(self.path).stem + "/"

    def sections(self) -> dict[str, str]:
        """The text under each `##` heading, keyed by the heading."""
        found: dict[str, list[str]] = {}
        current: list[str] | None = None
        in_fence = False
        for line in self.body.splitlines():
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            if not in_fence and line.startswith("## "):
                current = found.setdefault(line[3:].strip(), [])
                continue
            if current is not None:
                current.append(line)
        return {heading: "\n".join(lines) for heading, lines in found.items()}

    def h2_headings(self) -> list[str]:
        """The `##` headings in the Markdown, in order."""
        return list(self.sections())


def read_page(path: str) -> Page:
    """Read docs/<path> and split its YAML front matter from its body."""
    text = (DOCS_DIR / path).read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if not match:
        return Page(path, {}, text)
    return Page(path, yaml.safe_load(match.group(1)) or {}, text[match.end():])


def _flatten_nav(items: object) -> list[str]:
    """Every page path in a MkDocs `nav:` value, in order (external links left out)."""
    pages: list[str] = []
    if isinstance(items, str):
        if not re.match(r"^[a-z]+://", items):
            pages.append(items)
    elif isinstance(items, list):
        for item in items:
            pages.extend(_flatten_nav(item))
    elif isinstance(items, dict):
        for value in items.values():
            pages.extend(_flatten_nav(value))
    return pages


def nav_pages() -> list[str]:
    """Every page named in mkdocs.yml's nav, as a path under docs/."""
    config = yaml.safe_load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"))
    return _flatten_nav(config.get("nav", []))


def pages_in(folder: str) -> list[str]:
    """The Markdown pages in a docs/ folder, without the folder's index page."""
    return sorted(f"{folder}/{path.name}" for path in (DOCS_DIR / folder).glob("*.md") if path.name != "index.md")


MODULES = pages_in("modules")
CASE_STUDIES = pages_in("case-studies")
ACTIVITIES = pages_in("activities")
SESSION_PLANS = sorted(path for path in pages_in("trainers") if "session-" in path)


def module_numbers() -> dict[int, Page]:
    """Each module page by the number in its front matter."""
    pages = [read_page(path) for path in MODULES]
    return {page.meta["module"]: page for page in pages if isinstance(page.meta.get("module"), int)}


@dataclass
class Question:
    """One `!!! question` box in a page's Markdown."""

    title: str
    line: int
    right: int
    wrong: int
    has_why: bool


def questions_in(markdown: str) -> list[Question]:
    """Every `!!! question "..."` box: its answers and whether it explains the right answer."""
    lines = markdown.splitlines()
    found: list[Question] = []
    in_fence = False
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _QUESTION.match(line)
        if not match:
            continue
        body: list[str] = []
        for following in lines[number + 1:]:
            if following.strip() and not following.startswith("    "):
                break
            body.append(following.strip())
        found.append(Question(
            title=match.group(1),
            line=number + 1,
            right=sum(1 for item in body if item.startswith("- [x] ")),
            wrong=sum(1 for item in body if item.startswith("- [ ] ")),
            has_why=any(item.startswith("**Why:**") and len(item) > len("**Why:**") for item in body),
        ))
    return found


def admonitions_in(markdown: str, kind: str) -> int:
    """How many `!!! <kind>` boxes a piece of Markdown holds."""
    return sum(1 for line in markdown.splitlines() if re.match(rf"^\s*!!! {re.escape(kind)}\b", line))


def soup_of(site_dir: Path, built_path: str) -> BeautifulSoup:
    """The built page, parsed."""
    return BeautifulSoup((site_dir / built_path).read_text(encoding="utf-8"), "html.parser")


def section_after(heading: Tag) -> list[Tag]:
    """The elements after an h2, up to the next h1 or h2."""
    elements: list[Tag] = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2"):
            break
        elements.append(sibling)
    return elements


def built_h2(soup: BeautifulSoup, text: str) -> Tag | None:
    """The article's h2 whose text is exactly `text`."""
    for heading in soup.select("article h2"):
        if heading.get_text(" ", strip=True) == text:
            return heading
    return None


def minutes_of(clock: str) -> int:
    """'10:05' -> 605."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def option_orders(page_html: str) -> list[list[str]]:
    """For each question on a built page, its options' words (without the letter) in the order a learner sees them."""
    soup = BeautifulSoup(page_html, "html.parser")
    for letter in soup.select(".app-quiz__letter"):
        letter.decompose()
    return [[" ".join(label.get_text(" ").split()) for label in box.select(".app-quiz__label")]
            for box in soup.select("div.app-quiz")]
