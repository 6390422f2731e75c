"""MkDocs glue for the Content-Security-Policy; the work is done in content_security_policy.py.

After the build, moves each inline script and style that is not the same on every
page into a file of its own, so the fixed policy in `deploy/nginx.conf` (which
allows the site-wide ones by hash) holds on every page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from content_security_policy import externalise_inline_code, site_wide_hashes

log = logging.getLogger("mkdocs.hooks.content_security_policy")


# After the plugins and hooks that write pages in their own post-build step (print-site
# writes print_page/ then), and before the offline copy (-75) is made.
@event_priority(-70)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Move inline code that only some pages have into files under assets/inline/."""
    site = Path(config.site_dir)
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    keep = site_wide_hashes(list(pages.values()))
    for page, text in pages.items():
        changed, new_files = externalise_inline_code(text, page.relative_to(site).as_posix(), keep)
        if not new_files:
            continue
        for relative, content in new_files.items():
            target = site / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        page.write_text(changed, encoding="utf-8")
        log.debug("%s: moved %d inline script(s) or style(s) into %s", page.relative_to(site), len(new_files), ", ".join(new_files))
