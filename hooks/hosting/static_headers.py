"""The `_headers` file static hosts read (Netlify, Cloudflare Pages and others), from the rules in http_rules.py.

The format: a path (with `*` for "anything from here on") on a line of its own, then
each header indented on the lines below it. A request gets the headers of every rule
whose path matches it. The hosts differ when two matching rules give the same header:
Netlify keeps the later one, Cloudflare Pages joins them with a comma. So no header is
given twice for one file: the security headers go on `/*`, and Cache-Control only on the
files whose rule is not the default, each by its exact path, or a folder's `/*` when every
file in that folder has the same rule. Every other file keeps the host's own Cache-Control,
which on both hosts makes the browser check with the server each time, as "no-cache" does.
Cloudflare Pages reads at most 100 rules, so more than that is an error.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from hosting.http_rules import CacheRule, cache_rule_for, security_headers

FILE_NAME = "_headers"
MOST_RULES = 100  # Cloudflare Pages' limit
_INTRO = """\
# Headers for static hosts that read a _headers file (Netlify, Cloudflare Pages), written
# by the build (hooks/hosting/static_headers.py) from the same rules as deploy/nginx.conf.
# Pages and files not named below keep the host's own Cache-Control, which already makes
# browsers check with the host each time.
"""


class TooManyRules(ValueError):
    """The site's files need more rules than Cloudflare Pages reads."""


def _rules_by_path(site_paths: list[str]) -> dict[str, CacheRule]:
    """Each path (or folder/*) that needs a Cache-Control of its own, with its rule, in a steady order."""
    rule_of = {path: cache_rule_for("/" + path) for path in site_paths}
    in_folder: dict[str, set[CacheRule | None]] = defaultdict(set)
    for path, rule in rule_of.items():
        folder = posixpath.dirname(path)
        while folder:
            in_folder[folder].add(rule)
            folder = posixpath.dirname(folder)
    chosen: dict[str, CacheRule] = {}
    for path in sorted(rule_of):
        rule = rule_of[path]
        if rule is None:
            continue
        # The highest folder whose files all have this rule, if any; else the file itself.
        folders = [folder for folder in _ancestors(path) if in_folder[folder] == {rule}]
        key = folders[0] + "/*" if folders else path
        chosen.setdefault(key, rule)
    return chosen


def _ancestors(path: str) -> list[str]:
    """'a/b/c.js' -> ['a', 'a/b']: the folders above a file, the highest first."""
    parts = path.split("/")[:-1]
    return ["/".join(parts[: index + 1]) for index in range(len(parts))]


def headers_file(site_paths: list[str], base_path: str = "/") -> str:
    """The whole `_headers` file for a site of these files (site-relative paths) served under `base_path`."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    blocks = [f"{base}*\n" + "".join(f"  {name}: {value}\n" for name, value in security_headers())]
    for path, rule in _rules_by_path(site_paths).items():
        blocks.append(f"{base}{path}\n  Cache-Control: {rule.cache_control}\n")
    if len(blocks) > MOST_RULES:
        raise TooManyRules(f"the site's files need {len(blocks)} rules in {FILE_NAME}, more than the {MOST_RULES} "
                           "Cloudflare Pages reads: give files with the same cache rule a folder of their own")
    return _INTRO + "\n".join(blocks)
