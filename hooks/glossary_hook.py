"""MkDocs adapter for the glossary: one file, docs/glossary.yml, makes the glossary page (the `glossary` package)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from glossary import GLOSSARY_PAGE, glossary_path
from glossary.model import GlossaryError, Term, load_glossary
from glossary.page import GLOSSARY_MARKER, fill_glossary_page

_terms: list[Term] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Load and validate the glossary once per build."""
    global _terms
    try:
        _terms = load_glossary(glossary_path(config.docs_dir, config.extra))
    except GlossaryError as error:
        raise PluginError(str(error)) from None
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Put the glossary entries on the glossary page."""
    if page.file.src_uri != GLOSSARY_PAGE:
        return None
    if GLOSSARY_MARKER not in markdown:
        raise PluginError(f"Doc file '{GLOSSARY_PAGE}': the line {GLOSSARY_MARKER} is missing. Put it where the entries should go.")
    return fill_glossary_page(markdown, _terms)
