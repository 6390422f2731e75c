"""MkDocs glue for minifying our stylesheets and scripts; the work is in the `minify` package."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from minify import minify_site

log = logging.getLogger("mkdocs.hooks.minify")


# Before the other after-build steps (the offline copy, the SCORM package), so every copy gets the small files.
@event_priority(100)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Minify our app-*.css and app-*.js in the built site."""
    changed = minify_site(Path(config.site_dir))
    before, after = sum(size for _, size, _ in changed), sum(size for _, _, size in changed)
    log.info("Minified %d stylesheets and scripts: %.1f KiB to %.1f KiB", len(changed), before / 1024, after / 1024)
