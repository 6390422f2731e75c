"""deploy/nginx.conf, run for real: Debian's nginx serves the fresh build on 127.0.0.1 with that file.

nginx runs in a temporary prefix with its own pid file, logs and temp folders, on
free ports, and is stopped at the end. Only the lines a self-hoster changes are
changed: `listen` (to loopback ports), `server_name`, `root` and the certificate,
which the test makes itself. deploy/security-headers.conf is put where the file's
`include` line looks for it, as a self-hoster does. The root is a folder of links
to the build, plus a certificate authority's challenge file and a hidden file.
"""

from __future__ import annotations

import gzip
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CHROMIUM, PROJECT_DIR, search_the_course
from assets import BUNDLE_PATH
from hosting.content_security_policy import nginx_policy, site_policy

sys.path.insert(0, str(PROJECT_DIR / "tools"))
from local_nginx import NGINX, free_port, make_certificate, nginx_main_config  # noqa: E402

DEPLOY_CONF = PROJECT_DIR / "deploy" / "nginx.conf"
DEPLOY_HEADERS = PROJECT_DIR / "deploy" / "security-headers.conf"
HEADERS_INCLUDE = "include snippets/co-production-course-security-headers.conf"
ACME_TOKEN = "course-test-token_0123456789"


def make_webroot(site_dir: Path, webroot: Path) -> None:
    """The built site (as links, so the shared build is untouched), a challenge file and a hidden file."""
    webroot.mkdir()
    for entry in site_dir.iterdir():
        (webroot / entry.name).symlink_to(entry)
    challenge = webroot / ".well-known" / "acme-challenge" / ACME_TOKEN
    challenge.parent.mkdir(parents=True)
    challenge.write_text(f"{ACME_TOKEN}.key-authorisation", encoding="utf-8")
    (webroot / ".git").mkdir()
    (webroot / ".git" / "config").write_text("[core]\n", encoding="utf-8")


@dataclass(frozen=True)
class Nginx:
    """nginx running deploy/nginx.conf on loopback."""

    https_url: str
    http_url: str
    certificate: Path
    check_output: str  # what `nginx -t` said


# urllib trusts the test's own certificate (added by the fixture) and follows no redirects.
_TRUSTED = ssl.create_default_context()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib's signature
        return None


@pytest.fixture(scope="module")
def nginx(site_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site served by nginx with deploy/nginx.conf, over HTTPS, with HTTP beside it."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed. Run: apt-get install nginx (tools/install_system_packages.sh does it)", pytrace=False)
    prefix = tmp_path_factory.mktemp("nginx")
    http_port, https_port = free_port(), free_port()
    temp = prefix / "temp"
    temp.mkdir()
    certificate, key = make_certificate(prefix)
    _TRUSTED.load_verify_locations(certificate)
    make_webroot(site_dir, prefix / "webroot")
    # Where the include line looks: relative to the folder of the main configuration file.
    (prefix / "snippets").mkdir()
    shutil.copy(DEPLOY_HEADERS, prefix / "snippets" / "co-production-course-security-headers.conf")
    (prefix / "nginx.conf").write_text(
        nginx_main_config(DEPLOY_CONF.read_text(encoding="utf-8"), prefix=prefix, webroot=prefix / "webroot",
                          http_port=http_port, https_port=https_port, certificate=certificate, key=key,
                          access_log=f"{prefix}/access.log"), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx -t refused deploy/nginx.conf:\n{check.stderr}"
    server = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    for port in (http_port, https_port):
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    pytest.fail(f"nginx did not start: {server.stderr.read().decode() if server.stderr else ''}", pytrace=False)
                time.sleep(0.1)
    yield Nginx(f"https://127.0.0.1:{https_port}/", f"http://127.0.0.1:{http_port}/", certificate, check.stderr)
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture(scope="module")
def nginx_url(nginx: Nginx) -> str:
    """The course's address over HTTPS."""
    return nginx.https_url


def fetch(url: str, *, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body, without following any redirect or decompressing.

    HTTPS is checked against the test's own certificate, as a browser checks a real one.
    """
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=_TRUSTED), _NoRedirects)
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


# Our bundles' names carry a hash of their contents (hooks/assets/), so tests name them by
# these stand-ins and find the real name in the built start page.
OUR_STYLESHEET, OUR_SCRIPT = "<our stylesheet>", "<our script>"


def site_path(site_dir: Path, path: str) -> str:
    """`path`, or the start page's bundle of ours for a stand-in."""
    if path not in (OUR_STYLESHEET, OUR_SCRIPT):
        return path
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    found = [link for link in re.findall(r'(?:href|src)="([^"]+)"', html) if BUNDLE_PATH.search(link)]
    wanted = ".css" if path == OUR_STYLESHEET else ".js"
    return next(link for link in found if link.endswith(wanted))


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


# --- Headers, compression, caching and the 404 page -------------------------------------

SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


@pytest.mark.parametrize("path", ["", "modules/01-what-co-production-means/", OUR_STYLESHEET, "no-such-page/"])
def test_security_headers_on_pages_files_and_errors(nginx_url: str, site_dir: Path, path: str) -> None:
    status, headers, _ = fetch(nginx_url + site_path(site_dir, path))
    assert status == (404 if path.startswith("no-such") else 200)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name
    assert headers.get("content-security-policy") == site_policy(site_dir).policy
    assert "camera=()" in headers.get("permissions-policy", "")
    assert "server" not in headers or "/" not in headers["server"]  # no version number


@pytest.mark.parametrize("path", ["", OUR_STYLESHEET, OUR_SCRIPT, "search/search_index.json"])
def test_text_is_sent_gzip_compressed(nginx_url: str, site_dir: Path, path: str) -> None:
    status, headers, body = fetch(nginx_url + site_path(site_dir, path), gzip_ok=True)
    assert status == 200
    assert headers.get("content-encoding") == "gzip"
    assert len(gzip.decompress(body)) > len(body)


def test_fonts_are_not_compressed_again(nginx_url: str) -> None:
    _, headers, _ = fetch(nginx_url + "assets/fonts/atkinson-hyperlegible-regular.woff2", gzip_ok=True)
    assert headers.get("content-type") == "font/woff2"
    assert "content-encoding" not in headers


def test_cache_lifetimes(nginx_url: str, site_dir: Path) -> None:
    """Fingerprinted files (a new version has a new name) are kept for a year; pages and other files revalidate."""
    immutable = "public, max-age=31536000, immutable"
    material = [path.relative_to(site_dir).as_posix() for pattern in ("assets/javascripts/bundle.*.min.js",
                "assets/stylesheets/main.*.min.css", "assets/javascripts/workers/search.*.min.js") for path in site_dir.glob(pattern)]
    ours = [site_path(site_dir, OUR_STYLESHEET), site_path(site_dir, OUR_SCRIPT)]
    assert len(material) == 3 and all(BUNDLE_PATH.search(path) for path in ours)
    for path in material + ours:
        assert fetch(nginx_url + path)[1]["cache-control"] == immutable, path
    assert fetch(nginx_url)[1]["cache-control"] == "no-cache"
    assert fetch(nginx_url + "modules/01-what-co-production-means/")[1]["cache-control"] == "no-cache"
    assert fetch(nginx_url + "search/search_index.json")[1]["cache-control"] == "no-cache"
    assert "max-age=2592000" in fetch(nginx_url + "assets/fonts/atkinson-hyperlegible-bold.woff2")[1]["cache-control"]


def test_missing_page_gets_the_course_404_page(nginx_url: str) -> None:
    status, headers, body = fetch(nginx_url + "modules/no-such-module/")
    assert status == 404
    assert headers["content-type"].startswith("text/html")
    text = body.decode("utf-8")
    assert "Co-production with older people" in text
    assert 'class="md-header' in text  # the course's own page, not nginx's


def test_hidden_files_are_not_served(nginx_url: str) -> None:
    """The webroot really has a .git/config (make_webroot), so a 404 means it was refused."""
    assert fetch(nginx_url + ".git/config")[0] == 404


# --- HTTPS, the redirect, and certificate renewal -----------------------------------------

def test_nginx_accepts_the_file_with_a_real_certificate(nginx: Nginx) -> None:
    """`nginx -t` passed in the fixture, with the HTTPS server on and the test's certificate."""
    assert "syntax is ok" in nginx.check_output and "test is successful" in nginx.check_output
    # nginx 1.25.1 and later warn that `listen ... http2` is old-fashioned; the file keeps it for Debian 12's nginx 1.22.
    warnings = [line for line in nginx.check_output.splitlines() if "[warn]" in line and '"http2" directive' not in line]
    assert warnings == [], nginx.check_output


def test_https_serves_the_course_with_a_certificate_that_checks_out(nginx: Nginx) -> None:
    """A real TLS handshake on loopback, verified against the certificate, as a browser does."""
    host, port = nginx.https_url.removeprefix("https://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as raw, \
            _TRUSTED.wrap_socket(raw, server_hostname=host) as tls:
        assert tls.version() in ("TLSv1.2", "TLSv1.3")
    status, headers, body = fetch(nginx.https_url)
    assert status == 200
    assert "<h1" in body.decode("utf-8")
    assert headers["strict-transport-security"] == "max-age=31536000"


def test_https_refuses_old_tls(nginx: Nginx) -> None:
    """TLS 1.0 and 1.1 are switched off (ssl_protocols)."""
    old = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    old.load_verify_locations(nginx.certificate)
    old.minimum_version = ssl.TLSVersion.TLSv1
    old.maximum_version = ssl.TLSVersion.TLSv1_1
    host, port = nginx.https_url.removeprefix("https://").rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as raw, pytest.raises(ssl.SSLError):
        old.wrap_socket(raw, server_hostname=host)


@pytest.mark.parametrize("path", ["", "modules/01-what-co-production-means/?from=email", "no-such-page/"])
def test_http_sends_everyone_to_https(nginx: Nginx, path: str) -> None:
    status, headers, _ = fetch(nginx.http_url + path)
    assert status == 301
    assert headers["location"] == "https://127.0.0.1/" + path  # the real port 443, from the Host header's name


@pytest.mark.parametrize("url", ["http_url", "https_url"])
def test_certificate_authority_challenge_is_served(nginx: Nginx, url: str) -> None:
    """certbot --webroot puts a file under /.well-known/acme-challenge/ and the authority fetches it over HTTP."""
    status, headers, body = fetch(getattr(nginx, url) + f".well-known/acme-challenge/{ACME_TOKEN}")
    assert status == 200, "renewing the certificate would fail: /.well-known/ is not served"
    assert body.decode("utf-8") == f"{ACME_TOKEN}.key-authorisation"
    assert headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("url", ["http_url", "https_url"])
def test_missing_challenge_file_is_not_found(nginx: Nginx, url: str) -> None:
    assert fetch(getattr(nginx, url) + ".well-known/acme-challenge/no-such-token")[0] == 404


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
    ("https_url", "", 200),                                            # location /
    ("https_url", "assets/fonts/atkinson-hyperlegible-bold.woff2", 200),  # location /, a file
    ("https_url", "no-such-page/", 404),                               # location /, the 404 page
    ("https_url", ".git/config", 404),                                 # location ~ /\.
    ("https_url", f".well-known/acme-challenge/{ACME_TOKEN}", 200),    # location ^~ /.well-known/
    ("http_url", "modules/", 301),                                     # location / (the redirect)
    ("http_url", f".well-known/acme-challenge/{ACME_TOKEN}", 200),     # location ^~ /.well-known/
    ("http_url", ".well-known/no-such-file", 404),                     # location ^~ /.well-known/, missing
]


@pytest.mark.parametrize(("url", "path", "status"), EVERY_LOCATION)
def test_every_location_sends_every_header(nginx: Nginx, url: str, path: str, status: int) -> None:
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


# --- In Chromium: no policy violations, no failed requests -------------------------------

# Listens for violations from the very start of each page, before any script of ours runs.
_RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sourceFile || "") + ":" + event.lineNumber);
});
"""

PAGES = ["", "modules/01-what-co-production-means/", "modules/04-seven-principles/", "glossary/", "case-studies/",
         "activities/planning-an-accessible-meeting/", "progress/", "notes/", "help/", "about/", "print_page/", "no-such-page/"]


def _is_missing_page_notice(message) -> bool:
    """Chromium's own note that the page we asked for on purpose is missing (the 404 test)."""
    return message.text.startswith("Failed to load resource") and "no-such-page" in message.location.get("url", "")


@pytest.fixture(scope="module")
def nginx_tab(browser, nginx_url: str):
    """One Chromium tab on the nginx-served site, recording console errors and failed requests."""
    # The certificate is the test's own, which Chromium does not know.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, ignore_https_errors=True)
    context.add_init_script(_RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("console", lambda message: message.type in ("error", "warning") and not _is_missing_page_notice(message)
           and tab.problems.append(f"console {message.type}: {message.text}"))
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("requestfailed", lambda request: tab.problems.append(f"failed request: {request.url} {request.failure}"))
    tab.on("response", lambda response: response.status >= 400 and not response.url.endswith("no-such-page/")
           and tab.problems.append(f"HTTP {response.status}: {response.url}"))
    yield tab
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_no_policy_violations_or_failed_requests(nginx_tab, nginx_url: str, path: str) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}", pytrace=False)
    nginx_tab.problems.clear()
    nginx_tab.goto(nginx_url + path, wait_until="load")
    nginx_tab.wait_for_load_state("networkidle")
    violations = nginx_tab.evaluate("window.__cspViolations")
    assert violations == [], violations
    assert nginx_tab.problems == [], nginx_tab.problems
    assert nginx_tab.locator("h1").count() == 1


def test_search_works_under_the_policy(nginx_tab, nginx_url: str) -> None:
    """Search runs in a Web Worker and fetches its index: both must be allowed."""
    nginx_tab.problems.clear()
    nginx_tab.goto(nginx_url, wait_until="load")
    results = search_the_course(nginx_tab, "power")
    assert results.count() > 0
    assert nginx_tab.evaluate("window.__cspViolations") == []
    assert nginx_tab.problems == [], nginx_tab.problems
