"""`make serve` (tools/serve.py) sends the course compressed, as a real server does: a real server on a loopback port."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from assets import BUNDLE_PATH
from conftest import PROJECT_DIR

from hosting.http_rules import cache_control


@pytest.fixture(scope="module")
def serve_url(site_dir: Path):
    """tools/serve.py serving the session build on a free port, as `make serve` runs it; stopped at the end."""
    server = subprocess.Popen([sys.executable, str(PROJECT_DIR / "tools" / "serve.py"), "--port", "0", str(site_dir)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()  # printed once the server is listening
        found = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert found, f"tools/serve.py did not start: {line}{server.stderr.read() if server.poll() is not None else ''}"
        yield found.group(0)
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(url: str, *, gzip_ok: bool) -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return {name.lower(): value for name, value in response.headers.items()}, response.read()


def test_a_page_comes_back_gzip_compressed_when_asked(serve_url: str, site_dir: Path) -> None:
    headers, body = get(serve_url + "modules/01-what-co-production-means/", gzip_ok=True)
    assert headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    page = (site_dir / "modules/01-what-co-production-means/index.html").read_bytes()
    assert gzip.decompress(body) == page and len(body) < len(page) / 3


def test_uncompressed_for_a_browser_that_does_not_ask(serve_url: str, site_dir: Path) -> None:
    headers, body = get(serve_url, gzip_ok=False)
    assert "content-encoding" not in headers
    assert body == (site_dir / "index.html").read_bytes()


def test_our_bundles_come_compressed_and_kept_like_nginx_keeps_them(serve_url: str, site_dir: Path) -> None:
    bundles = [path.relative_to(site_dir).as_posix() for path in site_dir.glob("assets/*/app.*")]
    assert bundles and all(BUNDLE_PATH.search(path) for path in bundles)
    for path in bundles:
        headers, body = get(serve_url + path, gzip_ok=True)
        assert headers["content-encoding"] == "gzip", path
        assert headers["cache-control"] == "public, max-age=31536000, immutable", path
        assert gzip.decompress(body) == (site_dir / path).read_bytes()
    assert get(serve_url, gzip_ok=True)[0]["cache-control"] == "no-cache"


def test_fonts_are_not_compressed_again(serve_url: str) -> None:
    headers, _ = get(serve_url + "assets/fonts/atkinson-hyperlegible-regular.woff2", gzip_ok=True)
    assert "content-encoding" not in headers


def test_every_kind_of_file_is_kept_as_long_as_every_server_keeps_it(serve_url: str, site_dir: Path) -> None:
    """The rules are hooks/hosting/http_rules.py's, which deploy/nginx.conf's map is written from (test_hosting_files.py)."""
    lunr = next(site_dir.glob("assets/javascripts/lunr/min/*.js")).relative_to(site_dir).as_posix()
    expected = {
        "assets/fonts/atkinson-hyperlegible-regular.woff2": "public, max-age=2592000",
        "assets/images/favicon.svg": "public, max-age=86400",
        lunr: "public, max-age=604800",
        "search/search_index.json": "no-cache",
        "glossary/": "no-cache",
    }
    for path, kept in expected.items():
        assert cache_control("/" + path) == kept, f"hooks/hosting/http_rules.py's rule for {path}"
        assert get(serve_url + path, gzip_ok=True)[0]["cache-control"] == kept, path
