"""Serve the built course on this computer as a web server would: text gzip-compressed, fingerprinted files kept.

    make serve
    .venv/bin/python tools/serve.py [--port 8000] [SITE_FOLDER]

Python's own `http.server` sends every file uncompressed, which makes the course
look about twice as slow as it is on a real server. This small server, on the
standard library alone (nothing to install, nothing fetched), sends pages,
stylesheets, scripts and the search index gzip-compressed when the browser asks
(`Accept-Encoding: gzip`), and the same Cache-Control as deploy/nginx.conf and
every other server's settings (all of them come from hooks/hosting/http_rules.py,
so they cannot drift apart), so the first command shows the course's real speed.
It listens on 127.0.0.1 only. tests/hosting/test_serve.py checks it.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import os
import sys
import urllib.parse
from functools import lru_cache, partial
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
# hooks/ is the import root of the course's own packages (ARCHITECTURE.md); `make serve` runs this file as it is.
sys.path.insert(0, str(PROJECT_DIR / "hooks"))

from hosting.http_rules import COMPRESSED_TYPES, cache_control  # noqa: E402


@lru_cache(maxsize=512)
def compressed(path: str, modified: float) -> bytes:
    """A file's bytes, gzip level 6 as nginx sends them (kept until the file changes)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class CourseHandler(http.server.SimpleHTTPRequestHandler):
    """http.server's file handler, plus gzip for text and the course's cache lifetimes."""

    def end_headers(self) -> None:
        # The rules match the address as nginx's $uri: without its query, %-escapes decoded.
        self.send_header("Cache-Control", cache_control(urllib.parse.unquote(self.path.split("?", 1)[0])))
        super().end_headers()

    def send_head(self):  # noqa: ANN201 - the standard library's signature
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and os.path.isfile(path) and kind in COMPRESSED_TYPES):
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
