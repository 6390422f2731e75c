"""MkDocs glue for the organisation's details; the work is done in organisation.py.

List this hook before the hooks that read `config.extra["organisation"]` in their
own `on_config` (the PDF covers, the certificate): it replaces the raw settings
with checked ones, so a wrong setting stops the build here, with its name.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from extra_settings import config_name
from organisation.settings import (
    BRANDED_SCHEME, Organisation, OrganisationError, brand_contrast, brand_stylesheet, contrast_problem, fill_markers,
    load_organisation, missing_safeguarding_warning, scheme_colours,
)

log = logging.getLogger("mkdocs.hooks.organisation")

BRAND_STYLESHEET = "assets/stylesheets/app-brand.css"
COLOURS_STYLESHEET = "assets/stylesheets/app-colours.css"

_organisation: Organisation


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Check `extra.organisation` once, and the brand colour's contrast against the light scheme's colours."""
    global _organisation
    try:
        _organisation = load_organisation(config.extra.get("organisation"), Path(config.docs_dir), config.config_file_path)
    except OrganisationError as error:
        raise PluginError(str(error)) from None
    if _organisation.brand_colour:
        colours_file = Path(config.theme.custom_dir or "overrides") / COLOURS_STYLESHEET
        try:
            colours = scheme_colours(colours_file.read_text(encoding="utf-8")).get(BRANDED_SCHEME, {})
            problem = contrast_problem(_organisation.brand_colour, brand_contrast(_organisation.brand_colour, colours))
        except (OSError, OrganisationError) as error:
            raise PluginError(f"{colours_file}: cannot check the brand colour: {error}") from None
        if problem:
            raise PluginError(f"{config_name(config.config_file_path)}: {problem}")
        if BRAND_STYLESHEET not in config.extra_css:
            config.extra_css.append(BRAND_STYLESHEET)
    if warning := missing_safeguarding_warning(_organisation):
        log.warning(f"{config_name(config.config_file_path)}: {warning}")
    config.extra["organisation"] = _organisation.as_extra()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Add the stylesheet that puts the brand colour on the header."""
    if _organisation.brand_colour:
        files.append(File.generated(config, BRAND_STYLESHEET, content=brand_stylesheet(_organisation.brand_colour)))
    return files


# After the readability and glossary hooks: the organisation's own words are not
# course text, so they are not held to the plain-English rules.
@event_priority(-50)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    """Fill in "this course is run by" and the contact details where a page asks for them."""
    return fill_markers(html, _organisation)
