"""MkDocs glue for the glossary: one file, docs/glossary.yml, makes the glossary page."""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from glossary_page import GLOSSARY_MARKER, fill_glossary_page
from readability.glossary import Term
from site_glossary import load_site_glossary

log = logging.getLogger("mkdocs.hooks.glossary")

GLOSSARY_PAGE = "glossary.md"
_terms: list[Term] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Load and validate the glossary once per build."""
    global _terms
    _terms = load_site_glossary(config)
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Put the glossary entries on the glossary page."""
    if page.file.src_uri != GLOSSARY_PAGE:
        return None
    if GLOSSARY_MARKER not in markdown:
        raise PluginError(f"Doc file '{GLOSSARY_PAGE}': the line {GLOSSARY_MARKER} is missing. Put it where the entries should go.")
    return fill_glossary_page(markdown, _terms)
