"""MkDocs glue for the Content-Security-Policy; the work is done in content_security_policy.py.

After the build, moves each inline script and style of the whole-course print page
that is not the same on every page into a file of its own, so the fixed policy in
`deploy/nginx.conf` (which allows the site-wide ones by hash) holds on every page.
Inline code in any other page is reported as a warning naming its Markdown file,
so `--strict` stops the build; it is left inline, where the policy blocks it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from hosting.content_security_policy import MOVABLE_PAGES, externalise_inline_code, inline_code_problems, site_wide_hashes

log = logging.getLogger("mkdocs.hooks.content_security_policy")

_source_of: dict[str, str] = {}


def on_files(files: Files, *, config: MkDocsConfig) -> Files | None:
    """Remember which Markdown file each built page comes from, to name it in messages."""
    _source_of.clear()
    _source_of.update({file.dest_uri: file.src_uri for file in files.documentation_pages()})
    return None


# After the plugins and hooks that write pages in their own post-build step (print-site
# writes print_page/ then), and before the offline copy (-75) is made.
@event_priority(-70)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Move the print page's own inline code into files under assets/inline/; warn about inline code on any other page."""
    site = Path(config.site_dir)
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    keep = site_wide_hashes(list(pages.values()))
    for page, text in pages.items():
        relative = page.relative_to(site).as_posix()
        if relative not in MOVABLE_PAGES:
            source = f"Doc file '{_source_of[relative]}'" if relative in _source_of else f"Built page '{relative}'"
            for problem in inline_code_problems(text, keep):
                log.warning("%s: %s, which the Content-Security-Policy blocks. Take it out of the page: scripts and "
                            "styles belong in files under overrides/assets/ (see docs/authors/guide.md).", source, problem)
            continue
        changed, new_files = externalise_inline_code(text, relative, keep)
        if not new_files:
            continue
        for file_path, content in new_files.items():
            target = site / file_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        page.write_text(changed, encoding="utf-8")
        log.debug("%s: moved %d inline script(s) or style(s) into %s", page.relative_to(site), len(new_files), ", ".join(new_files))
