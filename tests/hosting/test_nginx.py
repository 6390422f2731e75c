"""deploy/nginx.conf, run for real: Debian's nginx serves the fresh build on 127.0.0.1 with that file.

nginx runs in a temporary prefix with its own pid file, logs and temp folders, on
a free port, and is stopped at the end. Only `listen`, `server_name` and `root`
are changed, the lines a self-hoster changes.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import CHROMIUM, PROJECT_DIR, search_the_course
from content_security_policy import nginx_policy, site_policy

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY_CONF = PROJECT_DIR / "deploy" / "nginx.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def local_server_block(conf_text: str, site_dir: Path, port: int) -> str:
    """deploy/nginx.conf with the lines a self-hoster changes pointed at this machine."""
    text = re.sub(r"^\s*listen\s+[^;]+;\s*\n", "", conf_text, flags=re.MULTILINE)
    text, roots = re.subn(r"^(\s*)root\s+[^;]+;", rf"\1root {site_dir};", text, flags=re.MULTILINE)
    text, names = re.subn(r"^(\s*)server_name\s+[^;]+;", rf"\1server_name localhost;\n\1listen 127.0.0.1:{port};", text,
                          flags=re.MULTILINE)
    assert roots == 1 and names == 1, "deploy/nginx.conf must have one root line and one server_name line"
    return text


@pytest.fixture(scope="module")
def nginx_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site served by nginx with deploy/nginx.conf."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed. Run: apt-get install nginx (tools/install_system_packages.sh does it)", pytrace=False)
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    (prefix / "temp").mkdir()
    # As root, nginx's workers would otherwise run as "nobody", who cannot read pytest's private temporary folders.
    user = "user root;" if os.geteuid() == 0 else ""
    temp = prefix / "temp"
    (prefix / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{local_server_block(DEPLOY_CONF.read_text(encoding="utf-8"), site_dir, port)}
}}
""", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx -t refused deploy/nginx.conf:\n{check.stderr}"
    server = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"nginx did not start: {server.stderr.read().decode() if server.stderr else ''}", pytrace=False)
            time.sleep(0.1)
    yield url
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(url: str, *, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body, without following any redirect or decompressing."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


# --- The policy in the file matches the site --------------------------------------------

def test_policy_in_deploy_conf_is_what_the_built_site_needs(site_dir: Path) -> None:
    needed = site_policy(site_dir)
    assert needed.problems == (), "inline code that no hash can allow:\n" + "\n".join(needed.problems)
    sent = nginx_policy(DEPLOY_CONF.read_text(encoding="utf-8"))
    assert sent == needed.policy, (
        "deploy/nginx.conf's Content-Security-Policy does not match the built site. "
        "Run: .venv/bin/python tools/content_security_policy.py SITE_DIR --write"
    )


def test_policy_allows_only_the_site_itself() -> None:
    policy = nginx_policy(DEPLOY_CONF.read_text(encoding="utf-8"))
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


@pytest.mark.parametrize("path", ["", "modules/01-what-co-production-means/", "assets/stylesheets/app-colours.css", "no-such-page/"])
def test_security_headers_on_pages_files_and_errors(nginx_url: str, site_dir: Path, path: str) -> None:
    status, headers, _ = fetch(nginx_url + path)
    assert status == (404 if path.startswith("no-such") else 200)
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name) == value, name
    assert headers.get("content-security-policy") == site_policy(site_dir).policy
    assert "camera=()" in headers.get("permissions-policy", "")
    assert "server" not in headers or "/" not in headers["server"]  # no version number


@pytest.mark.parametrize("path", ["", "assets/stylesheets/app-typography.css", "search/search_index.json"])
def test_text_is_sent_gzip_compressed(nginx_url: str, path: str) -> None:
    status, headers, body = fetch(nginx_url + path, gzip_ok=True)
    assert status == 200
    assert headers.get("content-encoding") == "gzip"
    assert len(gzip.decompress(body)) > len(body)


def test_fonts_are_not_compressed_again(nginx_url: str) -> None:
    _, headers, _ = fetch(nginx_url + "assets/fonts/atkinson-hyperlegible-regular.woff2", gzip_ok=True)
    assert headers.get("content-type") == "font/woff2"
    assert "content-encoding" not in headers


def test_cache_lifetimes(nginx_url: str, site_dir: Path) -> None:
    bundle = next(site_dir.glob("assets/javascripts/bundle.*.min.js")).relative_to(site_dir).as_posix()
    assert fetch(nginx_url + bundle)[1]["cache-control"] == "public, max-age=31536000, immutable"
    assert fetch(nginx_url)[1]["cache-control"] == "no-cache"
    assert fetch(nginx_url + "assets/stylesheets/app-colours.css")[1]["cache-control"] == "no-cache"
    assert "max-age=2592000" in fetch(nginx_url + "assets/fonts/atkinson-hyperlegible-bold.woff2")[1]["cache-control"]


def test_missing_page_gets_the_course_404_page(nginx_url: str) -> None:
    status, headers, body = fetch(nginx_url + "modules/no-such-module/")
    assert status == 404
    assert headers["content-type"].startswith("text/html")
    text = body.decode("utf-8")
    assert "Co-production with older people" in text
    assert 'class="md-header' in text  # the course's own page, not nginx's


def test_hidden_files_are_not_served(nginx_url: str) -> None:
    assert fetch(nginx_url + ".git/config")[0] == 404


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
    context = browser.new_context(viewport={"width": 1280, "height": 800})
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
