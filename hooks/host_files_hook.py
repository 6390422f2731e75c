"""MkDocs glue for the files other web hosts read; the work is done in hosting/htaccess.py, static_headers.py and meta_policy.py.

After the build, writes `.htaccess` (Apache) and `_headers` (Netlify, Cloudflare Pages)
at the top of the site, from the same rules as deploy/nginx.conf
(hosting/http_rules.py), and with `extra.hosting.csp_meta: true` puts the
Content-Security-Policy into every page. The offline copy gets none of them: it is
opened from a disk, where no server reads them and a policy of 'self' would block
the course's own files.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hosting.htaccess import FILE_NAME as HTACCESS, htaccess
from hosting.http_rules import meta_policy
from hosting.meta_policy import NoCharsetElement, with_meta_policy
from hosting.offline_copy import OFFLINE_FLAG
from hosting.settings import HostingSettingsError, load_hosting_settings
from hosting.static_headers import FILE_NAME as HEADERS_FILE, TooManyRules, headers_file

log = logging.getLogger("mkdocs.hooks.host_files")


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    """Check `extra.hosting` once; a wrong setting stops the build, naming it."""
    try:
        config.extra["hosting"] = load_hosting_settings(config.extra.get("hosting"), config.config_file_path)
    except HostingSettingsError as error:
        raise PluginError(str(error)) from None
    return config


# After the Content-Security-Policy step (-70) has moved the print page's inline code into files,
# so every page is final, and before the offline copy (-75).
@event_priority(-72)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Write .htaccess and _headers into the site, and the policy into each page if extra.hosting.csp_meta asks."""
    if config.extra.get(OFFLINE_FLAG):
        return
    site = Path(config.site_dir)
    base = urlsplit(config.site_url or "").path or "/"
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    try:
        (site / HTACCESS).write_text(htaccess(base, config.site_name), encoding="utf-8")
        (site / HEADERS_FILE).write_text(headers_file([f for f in files if f not in (HTACCESS, HEADERS_FILE)], base),
                                         encoding="utf-8")
    except (OSError, TooManyRules) as error:
        raise PluginError(f"Could not write the web hosts' settings ({HTACCESS}, {HEADERS_FILE}): {error}") from None
    if not config.extra["hosting"].csp_meta:
        return
    policy = meta_policy()
    pages = [site / name for name in files if name.endswith(".html")]
    for page in pages:
        try:
            page.write_text(with_meta_policy(page.read_text(encoding="utf-8"), policy), encoding="utf-8")
        except NoCharsetElement as error:
            raise PluginError(f"Built page '{page.relative_to(site).as_posix()}': {error} "
                              "(extra.hosting.csp_meta is on).") from None
    log.info("Content-Security-Policy put into %d pages (extra.hosting.csp_meta), without frame-ancestors, "
             "which browsers ignore in a page.", len(pages))
