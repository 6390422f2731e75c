"""The course glossary for the MkDocs hooks: docs/glossary.yml, with its errors as build errors."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from readability.glossary import GlossaryError, Term, load_glossary

GLOSSARY_FILE = "glossary.yml"


def load_site_glossary(config: MkDocsConfig, file_name: str = GLOSSARY_FILE) -> list[Term]:
    """The glossary in the docs folder; a missing or broken file stops the build, saying where."""
    try:
        return load_glossary(Path(config.docs_dir) / file_name)
    except GlossaryError as error:
        raise PluginError(str(error)) from None
