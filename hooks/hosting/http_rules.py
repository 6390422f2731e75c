"""The course's HTTP rules in one place: the headers every response carries, how long browsers keep each file, what is compressed.

Every web server's settings come from here, so they cannot drift apart:

- `deploy/security-headers.conf` and the Cache-Control map at the top of
  `deploy/nginx.conf` are written from these rules by `tools/hosting_files.py --write`
  (`nginx_files.py`), and tests/hosting/test_hosting_files.py fails when the files
  in deploy/ differ from what it would write;
- the build writes `.htaccess` for Apache (`htaccess.py`) and `_headers` for static
  hosts such as Netlify and Cloudflare Pages (`static_headers.py`) into the site,
  and, with `extra.hosting.csp_meta: true`, the policy into each page (`meta_policy.py`);
- `tools/serve.py` (the `make serve` server) takes its Cache-Control from `cache_control`.

The Content-Security-Policy itself is worked out from the built pages
(`content_security_policy.py`) and kept in `content-security-policy.txt` beside this
file: `tools/content_security_policy.py SITE --write` updates it after a Material upgrade.
Everything here is plain data and functions of strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POLICY_FILE = Path(__file__).with_name("content-security-policy.txt")


@dataclass(frozen=True)
class CacheRule:
    """Browsers may keep the files whose address matches `pattern` as `cache_control` says."""

    # A regular expression on the address's path (without its query), matched case-insensitively.
    # Written so that Python, nginx and Apache (all PCRE-like) read it the same way: no '#', no '"'.
    pattern: str
    cache_control: str
    files: str  # which files, in words, for the comments of the files written from these rules


# Files with a fingerprint (a hash of their contents) in their names can be kept for a year: a new
# version has a new name. They are Material's own (bundle.a5f9d56c.min.js) and ours, one stylesheet
# and one script per page (app.1a2b3c4d.min.css, made by hooks/assets/). Everything else is checked
# with the server each time ("no-cache" still lets the browser reuse its copy when the server says it
# has not changed), so learners see an update at once. The first rule that matches wins.
IMMUTABLE = "public, max-age=31536000, immutable"
DEFAULT_CACHE_CONTROL = "no-cache"
CACHE_RULES: tuple[CacheRule, ...] = (
    CacheRule(r"\.[0-9a-f]{8}\.min\.(css|js)$", IMMUTABLE, "files with a fingerprint in their names: a year"),
    CacheRule(r"/assets/javascripts/lunr/", "public, max-age=604800", "the search's language files: a week"),
    CacheRule(r"\.woff2$", "public, max-age=2592000", "fonts: 30 days"),
    CacheRule(r"\.(png|jpe?g|gif|svg|webp|ico)$", "public, max-age=86400", "images: a day"),
)

# The headers every response carries, errors and redirects included, in the order the files list them.
SECURITY_HEADERS_WITHOUT_POLICY: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Permissions-Policy", "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
                           "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), "
                           "screen-wake-lock=(), usb=(), xr-spatial-tracking=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    # Browsers use HTTPS for this address for a year after their first visit, even if someone types
    # http://. Browsers ignore it over plain HTTP, so it is safe to send there too.
    ("Strict-Transport-Security", "max-age=31536000"),
)

# Text worth compressing: pages, styles, scripts and the search index. Fonts, images and PDFs are
# compressed already. (nginx always compresses text/html, so its gzip_types leaves it out.)
COMPRESSED_TYPES: tuple[str, ...] = (
    "text/html", "text/plain", "text/css", "text/xml", "application/xml", "application/json", "application/javascript",
    "text/javascript", "image/svg+xml", "application/rss+xml", "application/manifest+json",
)

# Directives a policy given in a <meta http-equiv> element cannot use: browsers ignore them there
# (CSP Level 3, "The meta element": https://www.w3.org/TR/CSP3/#meta-element).
NOT_IN_META = ("frame-ancestors", "report-uri", "report-to", "sandbox")


@lru_cache(maxsize=1)
def content_security_policy() -> str:
    """The Content-Security-Policy the course sends, from content-security-policy.txt."""
    return " ".join(POLICY_FILE.read_text(encoding="utf-8").split())


def security_headers() -> tuple[tuple[str, str], ...]:
    """Every header every response carries except Cache-Control, the policy first."""
    return (("Content-Security-Policy", content_security_policy()), *SECURITY_HEADERS_WITHOUT_POLICY)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def cache_rule_for(path: str) -> CacheRule | None:
    """The first cache rule whose pattern matches an address's path, or None for the default."""
    return next((rule for rule in CACHE_RULES if _compiled(rule.pattern).search(path)), None)


def cache_control(path: str) -> str:
    """The Cache-Control for an address's path (as nginx's $uri: no query, %-escapes decoded)."""
    rule = cache_rule_for(path)
    return rule.cache_control if rule else DEFAULT_CACHE_CONTROL


def meta_policy(policy: str | None = None) -> str:
    """The policy as a page can carry it in <meta http-equiv>: without the directives browsers ignore there."""
    kept = [part.strip() for part in (policy or content_security_policy()).split(";")
            if part.strip() and part.split()[0] not in NOT_IN_META]
    return "; ".join(kept)
