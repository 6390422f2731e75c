"""Apache's form of the rules in http_rules.py: the `.htaccess` file the build writes at the top of the site.

Shared hosting that runs Apache usually lets a site change only this file. It
needs `AllowOverride All` for the site's folder (most hosts have it; Debian's own
default for /var/www does not) and the modules headers, mime, dir, alias and
filter, with deflate for compression: README.md, "Running your own copy".
tests/hosting/test_apache.py runs Debian's apache2 with this file and checks it
as tests/hosting/test_nginx.py checks nginx.
"""

from __future__ import annotations

from hosting.http_rules import CACHE_RULES, COMPRESSED_TYPES, DEFAULT_CACHE_CONTROL, security_headers

FILE_NAME = ".htaccess"


def _quoted(value: str) -> str:
    """A value in double quotes for an Apache directive (none of ours holds a quote or a backslash)."""
    if '"' in value or "\\" in value:
        raise ValueError(f"an Apache header value cannot hold quotes or backslashes here: {value}")
    return f'"{value}"'


def _if(pattern: str) -> str:
    """An ap_expr condition: the request's path matches `pattern`, case-insensitively (m#…#i, as nginx's ~*)."""
    if "#" in pattern or '"' in pattern:
        raise ValueError(f"a cache rule's pattern cannot hold '#' or '\"' in .htaccess: {pattern}")
    return f'"%{{REQUEST_URI}} =~ m#{pattern}#i"'


def htaccess(base_path: str = "/", site_name: str = "the course") -> str:
    """The whole .htaccess for a site whose pages are under `base_path` ('/' or '/course/')."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    headers = "\n".join(f"Header always set {name} {_quoted(value)}" for name, value in security_headers())
    cache = [f"Header always set Cache-Control {_quoted(DEFAULT_CACHE_CONTROL)}"]
    for index, rule in enumerate(CACHE_RULES):
        keyword = "If" if index == 0 else "ElseIf"
        cache += [f"# {rule.files[:1].upper()}{rule.files[1:]}.",
                  f"<{keyword} {_if(rule.pattern)}>",
                  f"    Header always set Cache-Control {_quoted(rule.cache_control)}",
                  f"</{keyword}>"]
    cache_lines = "\n".join(cache)
    return f"""\
# Apache settings for {site_name}, written by the build (hooks/hosting/htaccess.py) from the
# same rules as deploy/nginx.conf (hooks/hosting/http_rules.py). Change the rules there and
# build again, rather than changing this file.
#
# Needs AllowOverride All for this folder, and Apache's modules headers, mime, dir, alias and
# filter, with deflate for compression. If a line is not allowed, Apache answers every request
# with "500 Internal Server Error" and its error log names the line.

# Pages: index.html for a folder's address, no folder listings, and the course's own
# "page not found" page.
DirectoryIndex index.html
Options -Indexes -MultiViews
AddDefaultCharset utf-8
AddType font/woff2 .woff2
ErrorDocument 404 {base}404.html

# Files whose names start with a dot are never part of the course, except /.well-known/
# (files such as security.txt, and certificate authorities' checks).
RedirectMatch 404 "/\\.(?!well-known(/|$))"
# A file there without an extension (a certificate authority's token) is plain text.
<If "%{{REQUEST_URI}} =~ m#/\\.well-known/(.*/)?[^/.]+$#">
    ForceType text/plain
</If>

# The headers every response carries, errors included (always).
{headers}

# How long browsers may keep each file: the first rule that matches, else checked each time.
{cache_lines}

# Compress text before sending it (fonts, images and PDFs are compressed already).
<IfModule mod_deflate.c>
    AddOutputFilterByType DEFLATE {" ".join(COMPRESSED_TYPES)}
</IfModule>
"""
