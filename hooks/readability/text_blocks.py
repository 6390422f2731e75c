"""Turn rendered page HTML into the blocks of text a reader reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

# Elements whose text is never measured: code, quotations of real people
# (kept as said), scripts, and parts that only screen furniture uses.
SKIPPED_TAGS = frozenset({"pre", "code", "kbd", "samp", "blockquote", "script", "style", "svg", "nav", "button", "textarea", "template", "math"})
SKIPPED_CLASSES = frozenset({"headerlink", "app-skip-readability", "app-reading-time", "arithmatex", "md-source-file"})

# Elements that start a new block, so that list items, headings and table
# cells without a full stop are never merged into one long "sentence".
BLOCK_TAGS = frozenset({
    "p", "li", "dt", "dd", "td", "th", "caption", "figcaption", "summary", "legend",
    "h1", "h2", "h3", "h4", "h5", "h6", "div", "details", "section", "article",
    "ul", "ol", "dl", "table", "tr", "thead", "tbody", "figure", "label", "fieldset", "br", "hr",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class Segment:
    """A run of text and the link it sits in, if any."""

    text: str
    link: str | None = None


@dataclass
class Block:
    """One block of reading text: a paragraph, list item, heading or table cell."""

    kind: str
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(segment.text for segment in self.segments).split())

    @property
    def is_heading(self) -> bool:
        return self.kind in HEADING_TAGS


def _is_skipped(tag: Tag) -> bool:
    if tag.name in SKIPPED_TAGS:
        return True
    classes = set(tag.get("class") or [])
    if classes & SKIPPED_CLASSES:
        return True
    return tag.get("hidden") is not None or tag.get("aria-hidden") == "true"


def reading_blocks(html: str) -> list[Block]:
    """Return the page's reading text as blocks, in document order."""
    soup = BeautifulSoup(html, "html.parser")
    blocks: list[Block] = []
    # A stack of open blocks: text after a nested list belongs to the outer item.
    stack: list[Block] = [Block("p")]

    def flush() -> None:
        current = stack[-1]
        if current.text:
            blocks.append(Block(current.kind, list(current.segments)))
        current.segments.clear()

    def walk(node: Tag, link: str | None) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is not NavigableString:  # comments, CDATA, doctype
                    continue
                stack[-1].segments.append(Segment(str(child), link))
                continue
            if not isinstance(child, Tag) or _is_skipped(child):
                continue
            child_link = child.get("href") if child.name == "a" else link
            if child.name in BLOCK_TAGS:
                flush()
                kind = child.name
                if "admonition-title" in (child.get("class") or []):
                    kind = "title"
                stack.append(Block(kind))
                walk(child, child_link)
                flush()
                stack.pop()
            else:
                walk(child, child_link)

    walk(soup, None)
    flush()
    return blocks
