"""MkDocs glue for our bundled stylesheet and script; the work is in the `assets` package.

overrides/main.html asks for each page's bundle with `{{ asset_bundle("css", sheets) | url }}`;
the bundles are written into the site once every page, the whole-course page too, is made.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from assets import BundleError, Bundler, MaterialScriptError, minify_in_place, without_palette_stylesheet

log = logging.getLogger("mkdocs.hooks.assets")

# The print-site plugin adds its script to every page; overrides/main.html loads it on its page only.
PRINT_SITE_SCRIPT = "js/print-site.js"

_bundler = Bundler([])
# Material links palette.css only when theme.palette is set (the course sets it; small test courses may not).
_has_palette = True


# After the plugins' own on_config (print-site adds its script there).
@event_priority(-50)
def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Start this build's bundles afresh, and take print-site's script off the list every page loads."""
    global _bundler, _has_palette
    _bundler = Bundler([Path(folder) for folder in config.theme.dirs])
    _has_palette = bool(config.theme.get("palette"))
    config.extra_javascript = [script for script in config.extra_javascript if str(script) != PRINT_SITE_SCRIPT]
    return config


# In each template's context rather than as a Jinja global: print-site renders its whole-course
# page with a fresh Jinja environment of its own, but with the context it kept from 404.html.
def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """Let a page's template ask for a bundle: `asset_bundle("css", ["app-fonts", ...])` gives its site path."""
    context["asset_bundle"] = asset_bundle
    context["material_script"] = material_script
    context["material_styles"] = material_styles
    return context


def on_template_context(context: TemplateContext, *, template_name: str, config: MkDocsConfig) -> TemplateContext:
    """The same for the templates that are not pages (404.html, whose context print-site reuses)."""
    context["asset_bundle"] = asset_bundle
    context["material_script"] = material_script
    context["material_styles"] = material_styles
    return context


def asset_bundle(kind: str, names: list[str]) -> str:
    """The site path of the bundle of these files, made once per build."""
    try:
        return _bundler.bundle(kind, names).path
    except BundleError as error:
        raise PluginError(str(error)) from None


def material_script(html: str) -> str:
    """The `scripts` block's HTML with Material's script swapped for the copy that fetches the search
    index only when a learner opens search (assets/material_script.py)."""
    try:
        return _bundler.material_script(html)
    except BundleError as error:
        raise PluginError(str(error)) from None


def material_styles(html: str) -> str:
    """The `styles` block's HTML without Material's palette.css, which sets nothing our schemes use."""
    try:
        return without_palette_stylesheet(html) if _has_palette else html
    except MaterialScriptError as error:
        raise PluginError(str(error)) from None


# After print-site makes the whole-course page in its own post-build step (priority 0), which asks
# for a bundle of its own; before the Content-Security-Policy step (-70) and the offline copy (-75).
@event_priority(-60)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the bundles into the site, without the separate files they were made from."""
    site = Path(config.site_dir)
    written = _bundler.write(site)
    leftovers = minify_in_place(site)
    log.info("Bundled our stylesheets and scripts into %d files, one of each kind per page (%.1f KiB in all); "
             "minified %d more.", len(written), sum(len(bundle.text.encode()) for bundle in written) / 1024, len(leftovers))
