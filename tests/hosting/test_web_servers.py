"""The same checks on every web server the course ships settings for, each run for real on loopback.

nginx runs deploy/nginx.conf (tests/hosting/test_nginx.py checks what is nginx's own:
HTTPS, the redirect, the header inheritance rule); Apache runs the .htaccess the build
wrote, with the modules it needs loaded by a small main configuration of the test's own
(tools/local_apache.py). Both take their rules from hooks/hosting/http_rules.py, and
these tests hold them to the same answers: the headers, compression, how long each
file is kept, the 404 page, dot-files refused, /.well-known/ served, and no
policy violations in Chromium.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conftest import CHROMIUM
from hosting.content_security_policy import site_policy
from hosting.http_rules import IMMUTABLE, security_headers
from web_servers import (ACME_TOKEN, OUR_SCRIPT, OUR_STYLESHEET, PAGES, ServerMissing, apache_serving, fetch,
                         load_and_collect_problems, nginx_serving, recording_tab, site_path)
from assets import BUNDLE_PATH

SERVERS = {"nginx": nginx_serving, "apache": apache_serving}


@pytest.fixture(scope="module", params=list(SERVERS))
def server(request: pytest.FixtureRequest, site_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site served by nginx (deploy/) or Apache (the built .htaccess)."""
    try:
        with SERVERS[request.param](site_dir, tmp_path_factory.mktemp(request.param)) as served:
            yield served
    except ServerMissing as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def base_url(server) -> str:
    return server.url


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize("path", ["", "modules/01-what-co-production-means/", OUR_STYLESHEET, "no-such-page/"])
def test_security_headers_on_pages_files_and_errors(base_url: str, site_dir: Path, path: str) -> None:
    status, headers, _ = fetch(base_url + site_path(site_dir, path))
    assert status == (404 if path.startswith("no-such") else 200)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name
    assert headers.get("content-security-policy") == site_policy(site_dir).policy
    assert "camera=()" in headers.get("permissions-policy", "")
    assert "server" not in headers or "/" not in headers["server"]  # no version number


@pytest.mark.parametrize("path", ["", OUR_STYLESHEET, OUR_SCRIPT, "search/search_index.json"])
def test_text_is_sent_gzip_compressed(base_url: str, site_dir: Path, path: str) -> None:
    status, headers, body = fetch(base_url + site_path(site_dir, path), gzip_ok=True)
    assert status == 200
    assert headers.get("content-encoding") == "gzip"
    assert len(gzip.decompress(body)) > len(body)


def test_fonts_are_not_compressed_again(base_url: str) -> None:
    _, headers, _ = fetch(base_url + "assets/fonts/atkinson-hyperlegible-regular.woff2", gzip_ok=True)
    assert headers.get("content-type") == "font/woff2"
    assert "content-encoding" not in headers


def test_cache_lifetimes(base_url: str, site_dir: Path) -> None:
    """Fingerprinted files (a new version has a new name) are kept for a year; pages and other files revalidate."""
    material = [path.relative_to(site_dir).as_posix() for pattern in ("assets/javascripts/bundle.*.min.js",
                "assets/stylesheets/main.*.min.css", "assets/javascripts/workers/search.*.min.js") for path in site_dir.glob(pattern)]
    ours = [site_path(site_dir, OUR_STYLESHEET), site_path(site_dir, OUR_SCRIPT)]
    assert len(material) == 3 and all(BUNDLE_PATH.search(path) for path in ours)
    for path in material + ours:
        assert fetch(base_url + path)[1]["cache-control"] == IMMUTABLE, path
    lunr = next(site_dir.glob("assets/javascripts/lunr/min/*.js")).relative_to(site_dir).as_posix()
    expected = {"": "no-cache", "modules/01-what-co-production-means/": "no-cache", "search/search_index.json": "no-cache",
                "assets/fonts/atkinson-hyperlegible-bold.woff2": "public, max-age=2592000",
                "assets/images/favicon.svg": "public, max-age=86400", lunr: "public, max-age=604800"}
    for path, cache_control in expected.items():
        assert fetch(base_url + path)[1]["cache-control"] == cache_control, path


def test_missing_page_gets_the_course_404_page(base_url: str) -> None:
    status, headers, body = fetch(base_url + "modules/no-such-module/")
    assert status == 404
    assert headers["content-type"].startswith("text/html")
    text = body.decode("utf-8")
    assert "Co-production with older people" in text
    assert 'class="md-header' in text  # the course's own page, not the server's


@pytest.mark.parametrize("path", [".git/config", ".htaccess"])
def test_hidden_files_are_not_served(base_url: str, path: str) -> None:
    """The webroot really has a .git/config (web_servers.add_test_files) and the build's .htaccess, so this means refused."""
    status, _, body = fetch(base_url + path)
    assert status in (403, 404) and b"[core]" not in body and b"Header always" not in body
    if path == ".git/config":
        assert status == 404


def test_certificate_authority_challenge_is_served(base_url: str) -> None:
    """certbot --webroot puts a file under /.well-known/acme-challenge/ and the authority fetches it."""
    status, headers, body = fetch(base_url + f".well-known/acme-challenge/{ACME_TOKEN}")
    assert status == 200, "renewing the certificate would fail: /.well-known/ is not served"
    assert body.decode("utf-8") == f"{ACME_TOKEN}.key-authorisation"
    assert headers["content-type"].startswith("text/plain")


def test_missing_challenge_file_is_not_found(base_url: str) -> None:
    assert fetch(base_url + ".well-known/acme-challenge/no-such-token")[0] == 404


@pytest.mark.parametrize(("path", "status"), [
    ("", 200), ("assets/fonts/atkinson-hyperlegible-bold.woff2", 200), ("no-such-page/", 404), (".git/config", 404),
    (f".well-known/acme-challenge/{ACME_TOKEN}", 200), (".well-known/no-such-file", 404),
])
def test_every_response_sends_every_header(base_url: str, path: str, status: int) -> None:
    got_status, headers, _ = fetch(base_url + path)
    assert got_status == status
    for name, value in security_headers():
        assert headers.get(name.lower()) == value, f"{path!r}: {name}"
    assert "cache-control" in headers


# --- In Chromium: no policy violations, no failed requests -------------------------------

@pytest.fixture(scope="module")
def server_tab(browser, server):
    """One Chromium tab on the served site, recording policy violations, console errors and failed requests."""
    # nginx's certificate is the test's own, which Chromium does not know.
    tab = recording_tab(browser, ignore_https_errors=True)
    yield tab
    tab.context.close()


# Apache sends the same headers to every address (the tests above), so in Chromium one page of each way
# its answer is made is enough: a page, a page of the learner's tools, the whole-course page with its
# moved inline files, and the 404 page through ErrorDocument. nginx loads every kind of page.
PAGES_IN_CHROMIUM = {"nginx": PAGES, "apache": ["", "modules/01-what-co-production-means/", "progress/", "print_page/",
                                                "no-such-page/"]}


def test_pages_load_with_no_policy_violations_or_failed_requests(server_tab, server, base_url: str) -> None:
    """Each page in turn, in one tab (one server start per server); every page's problems are listed."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}", pytrace=False)
    found = []
    for path in PAGES_IN_CHROMIUM[server.name]:
        violations, problems = load_and_collect_problems(server_tab, base_url + path)
        headings = server_tab.get_by_role("heading", level=1).count()
        found += [f"{path or '/'}: {problem}" for problem in violations + problems]
        found += [f"{path or '/'}: {headings} main headings"] if headings != 1 else []
    assert found == [], "\n".join(found)
