"""deploy/nginx.conf, run for real: Debian's nginx serves the fresh build on 127.0.0.1 with that file.

nginx runs in a temporary prefix with its own pid file, logs and temp folders, on
free ports, and is stopped at the end (tests/web_servers.py). Only the lines a
self-hoster changes are changed: `listen` (to loopback ports), `server_name`,
`root` and the certificate, which the test makes itself. deploy/security-headers.conf
is put where the file's `include` line looks for it, as a self-hoster does.

What every server must do (headers, compression, cache lifetimes, the 404 page,
dot-files, /.well-known/, Chromium) is checked for nginx and Apache alike in
test_web_servers.py; here is what is nginx's own: the policy in its file, HTTPS,
the redirect, and the rule by which nginx drops headers.
"""

from __future__ import annotations

import re
import socket
import ssl
from pathlib import Path

import pytest

from conftest import search_the_course
from hosting.content_security_policy import nginx_policy, site_policy
from web_servers import (ACME_TOKEN, DEPLOY_CONF, DEPLOY_HEADERS, TRUSTED, Served, ServerMissing, fetch,
                         load_and_collect_problems, nginx_serving, recording_tab)

HEADERS_INCLUDE = "include snippets/co-production-course-security-headers.conf"


@pytest.fixture(scope="module")
def nginx(site_dir, tmp_path_factory: pytest.TempPathFactory):
    """The built site served by nginx with deploy/nginx.conf, over HTTPS, with HTTP beside it."""
    try:
        with nginx_serving(site_dir, tmp_path_factory.mktemp("nginx")) as served:
            yield served
    except ServerMissing as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="module")
def nginx_url(nginx: Served) -> str:
    """The course's address over HTTPS."""
    return nginx.url


# --- The policy in the file matches the site --------------------------------------------

def test_policy_in_deploy_conf_is_what_the_built_site_needs(site_dir: Path) -> None:
    needed = site_policy(site_dir)
    assert needed.problems == (), "inline code that no hash can allow:\n" + "\n".join(needed.problems)
    sent = nginx_policy(DEPLOY_HEADERS.read_text(encoding="utf-8"))
    assert sent == needed.policy, (
        "deploy/security-headers.conf's Content-Security-Policy does not match the built site. "
        "Run: PYTHONPATH=hooks .venv/bin/python tools/content_security_policy.py SITE_DIR --write"
    )


def test_policy_allows_only_the_site_itself() -> None:
    policy = nginx_policy(DEPLOY_HEADERS.read_text(encoding="utf-8"))
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    for directive, sources in directives.items():
        assert "unsafe-eval" not in sources and "unsafe-inline" not in sources, directive
        assert "http:" not in sources and "https:" not in sources and "*" not in sources, directive
    assert re.fullmatch(r"'self'( 'sha256-[A-Za-z0-9+/=]+')+", directives["script-src"])


# --- HTTPS, the redirect, and certificate renewal -----------------------------------------

def test_nginx_accepts_the_file_with_a_real_certificate(nginx: Served) -> None:
    """`nginx -t` passed in the fixture, with the HTTPS server on and the test's certificate."""
    assert "syntax is ok" in nginx.check_output and "test is successful" in nginx.check_output
    # nginx 1.25.1 and later warn that `listen ... http2` is old-fashioned; the file keeps it for Debian 12's nginx 1.22.
    warnings = [line for line in nginx.check_output.splitlines() if "[warn]" in line and '"http2" directive' not in line]
    assert warnings == [], nginx.check_output


def test_https_serves_the_course_with_a_certificate_that_checks_out(nginx: Served) -> None:
    """A real TLS handshake on loopback, verified against the certificate, as a browser does."""
    host, port = nginx.url.removeprefix("https://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as raw, \
            TRUSTED.wrap_socket(raw, server_hostname=host) as tls:
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
    status, headers, body = fetch(nginx.url)
    assert status == 200
    assert "<h1" in body.decode("utf-8")
    assert headers["strict-transport-security"] == "max-age=31536000"


def test_https_refuses_old_tls(nginx: Served) -> None:
    """TLS 1.0 and 1.1 are switched off (ssl_protocols)."""
    old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    old.load_verify_locations(nginx.certificate)
    old.minimum_version = ssl.TLSVersion.TLSv1
    old.maximum_version = ssl.TLSVersion.TLSv1_1
    host, port = nginx.url.removeprefix("https://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as raw, pytest.raises(ssl.SSLError):
        old.wrap_socket(raw, server_hostname=host)


@pytest.mark.parametrize("path", ["", "modules/01-what-co-production-means/?from=email", "no-such-page/"])
def test_http_sends_everyone_to_https(nginx: Served, path: str) -> None:
    status, headers, _ = fetch(nginx.http_url + path)
    assert status == 301
    assert headers["location"] == "https://127.0.0.1/" + path  # the real port 443, from the Host header's name


def test_certificate_authority_challenge_is_served_over_plain_http(nginx: Served) -> None:
    """Certificate authorities check over HTTP, which otherwise sends everyone to HTTPS."""
    status, headers, body = fetch(nginx.http_url + f".well-known/acme-challenge/{ACME_TOKEN}")
    assert status == 200, "renewing the certificate would fail: /.well-known/ is not served over HTTP"
    assert body.decode("utf-8") == f"{ACME_TOKEN}.key-authorisation"
    assert headers["content-type"].startswith("text/plain")
    assert fetch(nginx.http_url + ".well-known/acme-challenge/no-such-token")[0] == 404


# --- Every location sends every header ---------------------------------------------------

def headers_in_file() -> dict[str, str | None]:
    """Each header deploy/security-headers.conf sends (lower-case name), with its value (None if it is computed)."""
    found = re.findall(r'^\s*add_header\s+(\S+)\s+("([^"]*)"|\S+)\s+always;', DEPLOY_HEADERS.read_text(encoding="utf-8"),
                       flags=re.MULTILINE)
    return {name.lower(): (quoted if value.startswith('"') else None) for name, value, quoted in found}


def test_headers_file_has_the_security_headers() -> None:
    names = set(headers_in_file())
    assert {"content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy",
            "permissions-policy", "strict-transport-security", "cache-control"} <= names


# One request for each location of each server, including error pages and the redirect.
EVERY_LOCATION = [
    ("url", "", 200),                                            # location /
    ("url", "assets/fonts/atkinson-hyperlegible-bold.woff2", 200),  # location /, a file
    ("url", "no-such-page/", 404),                               # location /, the 404 page
    ("url", ".git/config", 404),                                 # location ~ /\.
    ("url", f".well-known/acme-challenge/{ACME_TOKEN}", 200),    # location ^~ /.well-known/
    ("http_url", "modules/", 301),                                     # location / (the redirect)
    ("http_url", f".well-known/acme-challenge/{ACME_TOKEN}", 200),     # location ^~ /.well-known/
    ("http_url", ".well-known/no-such-file", 404),                     # location ^~ /.well-known/, missing
]


@pytest.mark.parametrize(("url", "path", "status"), EVERY_LOCATION)
def test_every_location_sends_every_header(nginx: Served, url: str, path: str, status: int) -> None:
    got_status, headers, _ = fetch(getattr(nginx, url) + path)
    assert got_status == status
    missing = [name for name in headers_in_file() if name not in headers]
    assert not missing, f"{url} {path!r} is missing {missing}"
    for name, value in headers_in_file().items():
        if value is not None:
            assert headers[name] == value, name


def _blocks(conf_text: str) -> dict:
    """nginx configuration text as a tree: {"name", "directives", "children"}, with comments removed."""
    root: dict = {"name": "", "directives": [], "children": []}
    stack, statement, quote = [root], "", None
    lines = []
    for line in conf_text.splitlines():  # a '#' outside quotes starts a comment
        kept, in_quote = "", None
        for char in line:
            if char in "\"'" and in_quote in (None, char):
                in_quote = None if in_quote else char
            elif char == "#" and in_quote is None:
                break
            kept += char
        lines.append(kept)
    for char in "\n".join(lines):
        if char in "\"'" and quote in (None, char):
            quote = None if quote else char
        if quote is None and char == "{":
            block = {"name": " ".join(statement.split()), "directives": [], "children": []}
            stack[-1]["children"].append(block)
            stack.append(block)
            statement = ""
        elif quote is None and char == "}":
            stack.pop()
            statement = ""
        elif quote is None and char == ";":
            stack[-1]["directives"].append(" ".join(statement.split()))
            statement = ""
        else:
            statement += char
    return root


def header_problems(conf_text: str) -> list[str]:
    """Where nginx's inheritance rule would drop the course's headers, in words."""
    problems = []

    def check_locations(block: dict, server: str) -> None:
        for child in block["children"]:
            if child["name"].startswith("location"):
                adds = [d for d in child["directives"] if d.startswith("add_header ")]
                if adds and HEADERS_INCLUDE not in child["directives"]:
                    problems.append(f"{server}, '{child['name']}': has its own add_header, so nginx drops the course's "
                                    f"headers there. Add '{HEADERS_INCLUDE};' to it.")
                check_locations(child, server)

    servers = [block for block in _blocks(conf_text)["children"] if block["name"] == "server"]
    if not servers:
        problems.append("no server block")
    for server in servers:
        name = next((d for d in server["directives"] if d.startswith("listen ")), "a server")
        if HEADERS_INCLUDE not in server["directives"]:
            problems.append(f"server with '{name}': does not have '{HEADERS_INCLUDE};'.")
        problems += [f"server with '{name}': '{' '.join(d.split()[:2])}' belongs in deploy/security-headers.conf, "
                     "so that every location sends it." for d in server["directives"] if d.startswith("add_header ")]
        check_locations(server, f"server with '{name}'")
    return problems


def test_every_server_and_location_keeps_the_headers() -> None:
    """nginx drops the server's headers in a location with an add_header of its own, silently."""
    assert header_problems(DEPLOY_CONF.read_text(encoding="utf-8")) == []


def test_a_location_with_its_own_header_but_no_include_is_caught() -> None:
    """The check above can fail: the mistake it guards against, made on purpose."""
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    broken = conf.replace("    location / {\n        try_files", '    location / {\n        add_header X-Robots-Tag "noindex";\n        try_files', 1)
    assert broken != conf
    problems = header_problems(broken)
    assert len(problems) == 1 and "'location /': has its own add_header" in problems[0], problems
    fixed = broken.replace('add_header X-Robots-Tag "noindex";', f'{HEADERS_INCLUDE};\n        add_header X-Robots-Tag "noindex";')
    assert header_problems(fixed) == []
    assert header_problems(conf.replace(f"    {HEADERS_INCLUDE};\n", "", 1))[0].startswith("server with 'listen 80'")


# --- In Chromium: search under the policy (every page's load: test_web_servers.py) ------------

@pytest.fixture(scope="module")
def nginx_tab(browser, nginx_url: str):
    """One Chromium tab on the nginx-served site, recording console errors and failed requests."""
    # The certificate is the test's own, which Chromium does not know.
    tab = recording_tab(browser, ignore_https_errors=True)
    yield tab
    tab.context.close()


def test_search_works_under_the_policy(nginx_tab, nginx_url: str) -> None:
    """Search runs in a Web Worker and fetches its index: both must be allowed."""
    violations, problems = load_and_collect_problems(nginx_tab, nginx_url)
    assert violations == [] and problems == [], violations + problems
    results = search_the_course(nginx_tab, "power")
    assert results.count() > 0
    assert nginx_tab.evaluate("window.__cspViolations") == []
    assert nginx_tab.problems == [], nginx_tab.problems
