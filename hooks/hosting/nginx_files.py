"""nginx's forms of the rules in http_rules.py: deploy/security-headers.conf and the Cache-Control map in deploy/nginx.conf.

`tools/hosting_files.py --write` writes them into deploy/; tests/hosting/test_hosting_files.py
fails when the files there differ from what these functions return.
"""

from __future__ import annotations

import re

from hosting.http_rules import CACHE_RULES, COMPRESSED_TYPES, DEFAULT_CACHE_CONTROL, security_headers

CACHE_MAP_START = "map $uri $course_cache_control {"
_CACHE_MAP = re.compile(r"^map \$uri \$course_cache_control \{\n.*?^\}\n", re.DOTALL | re.MULTILINE)
_GZIP_TYPES = re.compile(r"^(\s*)gzip_types\s[^;]*;", re.MULTILINE)

_HEADERS_INTRO = """\
# The headers the course sends with every response, in one file that deploy/nginx.conf includes.
#
# Written from hooks/hosting/http_rules.py by `tools/hosting_files.py --write`: change the rules
# there, not here, so that Apache's .htaccess and the static hosts' _headers (made by the build)
# say the same. tests/hosting/test_hosting_files.py fails when this file differs.
#
# Copy it to /etc/nginx/snippets/co-production-course-security-headers.conf (README.md,
# "Running your own copy").
#
# Why one included file: nginx drops every add_header of the server as soon as a
# location has an add_header of its own (the inheritance rule:
# https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header). So
# deploy/nginx.conf includes this file in each server, and a location that adds a
# header of its own must include it again. tests/hosting/test_nginx.py checks both.
# `always` sends the headers with redirects and error pages too.

# Pages and unfingerprinted files are checked with the server each time; fingerprinted
# files (Material's and our bundles) are kept for a year (the map at the top of deploy/nginx.conf).
add_header Cache-Control $course_cache_control always;

# The Content-Security-Policy lets pages use only this site's own files. The
# sha256 sources allow Material's three small inline scripts (see
# hooks/hosting/content_security_policy.py); `tools/content_security_policy.py --write`
# updates them after a Material upgrade. There is no 'unsafe-inline' and no 'unsafe-eval'.
"""


def security_headers_conf() -> str:
    """The whole of deploy/security-headers.conf."""
    lines = [f'add_header {name} "{value}" always;' for name, value in security_headers()]
    return _HEADERS_INTRO + "\n".join(lines) + "\n"


def cache_map() -> str:
    """nginx's `map $uri $course_cache_control { … }` block: the default, then each rule in order (first match wins)."""
    rows = [("default", DEFAULT_CACHE_CONTROL)] + [(f'"~*{rule.pattern}"', rule.cache_control) for rule in CACHE_RULES]
    width = max(len(key) for key, _ in rows) + 4
    body = "".join(f"    {key:<{width}}\"{value}\";\n" for key, value in rows)
    return f"{CACHE_MAP_START}\n{body}}}\n"


def gzip_types() -> str:
    """The types nginx compresses besides text/html, which it always compresses."""
    return " ".join(kind for kind in COMPRESSED_TYPES if kind != "text/html")


def with_rules(nginx_conf: str, where: str = "deploy/nginx.conf") -> str:
    """deploy/nginx.conf with its Cache-Control map and its gzip_types line written from the rules."""
    if not _CACHE_MAP.search(nginx_conf):
        raise ValueError(f"{where} has no '{CACHE_MAP_START} … }}' block to write the cache rules into. "
                         "Put it back at the top of the file, as it is in the course's repository.")
    if not _GZIP_TYPES.search(nginx_conf):
        raise ValueError(f"{where} has no 'gzip_types …;' line to write the compressed types into.")
    text = _CACHE_MAP.sub(lambda _: cache_map(), nginx_conf, count=1)
    return _GZIP_TYPES.sub(lambda match: f"{match.group(1)}gzip_types {gzip_types()};", text, count=1)
