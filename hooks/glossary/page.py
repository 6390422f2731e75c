"""Write the glossary page's Markdown from the glossary entries."""

from __future__ import annotations

from glossary.model import Term

GLOSSARY_MARKER = "<!-- glossary-entries -->"


def glossary_markdown(terms: list[Term]) -> str:
    """One `##` heading per term, A to Z, each with its meaning and its other forms."""
    parts = []
    for term in sorted(terms, key=lambda t: t.term.lower()):
        parts.append(f"## {term.term} {{#{term.id}}}\n\n{term.meaning}\n")
    return "\n".join(parts)


def fill_glossary_page(markdown: str, terms: list[Term]) -> str:
    """Replace the marker on the glossary page with the entries."""
    return markdown.replace(GLOSSARY_MARKER, glossary_markdown(terms))
