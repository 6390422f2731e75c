"""Serve the built course on this computer as a web server would: text gzip-compressed, fingerprinted files kept.

    make serve
    .venv/bin/python tools/serve.py [--port 8000] [SITE_FOLDER]

Python's own `http.server` sends every file uncompressed, which makes the course
look about twice as slow as it is on a real server. This small server, on the
standard library alone (nothing to install, nothing fetched), sends pages,
stylesheets, scripts and the search index gzip-compressed when the browser asks
(`Accept-Encoding: gzip`), and the same Cache-Control as deploy/nginx.conf (it
reads that file's `map $uri $course_cache_control`, so the two cannot drift
apart), so the first command shows the course's real speed.
It listens on 127.0.0.1 only. tests/hosting/test_serve.py checks it.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import os
import re
import sys
import urllib.parse
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
NGINX_CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
_CACHE_MAP = re.compile(r"^map \$uri \$course_cache_control \{\n(?P<body>.*?)^\}", re.DOTALL | re.MULTILINE)
_MAP_ENTRY = re.compile(r'^\s*(?:(?P<default>default)|"(?P<operator>~\*?)(?P<pattern>[^"]+)")\s+"(?P<value>[^"]*)";\s*$')


@dataclass(frozen=True)
class CacheRules:
    """deploy/nginx.conf's Cache-Control for each address: the first pattern that matches, else the default."""

    default: str
    patterns: tuple[tuple[re.Pattern[str], str], ...]

    def for_path(self, path: str) -> str:
        return next((value for pattern, value in self.patterns if pattern.search(path)), self.default)


def cache_rules(nginx_conf: str, where: str = "deploy/nginx.conf") -> CacheRules:
    """Read the `map $uri $course_cache_control { … }` block: `default` and `"~…"`/`"~*…"` lines, in order."""
    found = _CACHE_MAP.search(nginx_conf)
    if not found:
        raise ValueError(f"{where} has no 'map $uri $course_cache_control {{ … }}' block. Put it back as it is in the "
                         "course's repository: tools/serve.py and nginx take their Cache-Control from it.")
    first_line = nginx_conf.count("\n", 0, found.start("body")) + 1
    default, patterns = None, []
    for number, line in enumerate(found.group("body").splitlines(), start=first_line):
        if not line.strip() or line.strip().startswith("#"):
            continue
        entry = _MAP_ENTRY.match(line)
        if not entry:
            raise ValueError(f'{where}, line {number}: tools/serve.py reads only `default "…";` and `"~pattern" "…";` '
                             f"lines in the Cache-Control map, not: {line.strip()}")
        if entry.group("default"):
            default = entry.group("value")
        else:
            flags = re.IGNORECASE if entry.group("operator") == "~*" else 0
            patterns.append((re.compile(entry.group("pattern"), flags), entry.group("value")))
    if default is None:
        raise ValueError(f'{where}, line {first_line - 1}: the Cache-Control map has no `default "…";` line.')
    return CacheRules(default, tuple(patterns))


@lru_cache(maxsize=512)
def compressed(path: str, modified: float) -> bytes:
    """A file's bytes, gzip level 6 as nginx sends them (kept until the file changes)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class CourseHandler(http.server.SimpleHTTPRequestHandler):
    """http.server's file handler, plus gzip for text and nginx's cache lifetimes."""

    cache = CacheRules("no-cache", ())

    def end_headers(self) -> None:
        # nginx matches the map against $uri: the address without its query, %-escapes decoded.
        self.send_header("Cache-Control", self.cache.for_path(urllib.parse.unquote(self.path.split("?", 1)[0])))
        super().end_headers()

    def send_head(self):  # noqa: ANN201 - the standard library's signature
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and os.path.isfile(path) and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        modified = os.stat(path).st_mtime
        body = compressed(path, modified)
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(modified, usegmt=True))
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass


class _Body:
    """The compressed bytes, as the file object `send_head` returns for do_GET to copy (and do_HEAD to close)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", default="site", type=Path, help="the built course (default: site)")
    parser.add_argument("--port", type=int, default=8000, help="the port (0 for any free one; default: 8000)")
    options = parser.parse_args(argv)
    if not (options.site / "index.html").is_file():
        print(f"{options.site}/index.html not found: build the course first (make build).", file=sys.stderr)
        return 1
    try:
        CourseHandler.cache = cache_rules(NGINX_CONF.read_text(encoding="utf-8"), str(NGINX_CONF))
    except (OSError, ValueError) as error:
        print(f"Could not read the cache rules: {error}", file=sys.stderr)
        return 1
    server = http.server.ThreadingHTTPServer(("127.0.0.1", options.port), partial(CourseHandler, directory=str(options.site)))
    print(f"The course is at http://127.0.0.1:{server.server_address[1]}/  (press Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
