"""Real web servers serving the session's build on loopback ports, for tests/hosting/: nginx with deploy/, Apache with the built .htaccess.

Each runs in a temporary prefix with its own pid file and logs, on free ports, and
is stopped at the end. The webroot is the built site plus a certificate
authority's challenge file and a hidden file (`make_webroot`), so the tests can
check that /.well-known/ is served and dot-files are refused.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from assets import BUNDLE_PATH
from conftest import PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "tools"))
from local_apache import APACHE, apache_main_config, readable_copy  # noqa: E402
from local_nginx import NGINX, free_port, make_certificate, nginx_main_config  # noqa: E402

DEPLOY_CONF = PROJECT_DIR / "deploy" / "nginx.conf"
DEPLOY_HEADERS = PROJECT_DIR / "deploy" / "security-headers.conf"
ACME_TOKEN = "course-test-token_0123456789"

# urllib trusts the test's own certificate (added when nginx starts) and follows no redirects.
TRUSTED = ssl.create_default_context()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib's signature
        return None


def fetch(url: str, *, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body, without following any redirect or decompressing.

    HTTPS is checked against the test's own certificate, as a browser checks a real one.
    """
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=TRUSTED), _NoRedirects)
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


def add_test_files(webroot: Path) -> None:
    """A certificate authority's challenge file and a hidden file, as a live server has them."""
    challenge = webroot / ".well-known" / "acme-challenge" / ACME_TOKEN
    challenge.parent.mkdir(parents=True)
    challenge.write_text(f"{ACME_TOKEN}.key-authorisation", encoding="utf-8")
    (webroot / ".git").mkdir()
    (webroot / ".git" / "config").write_text("[core]\n", encoding="utf-8")


def make_webroot(site_dir: Path, webroot: Path) -> None:
    """The built site (as links, so the shared build is untouched), a challenge file and a hidden file."""
    webroot.mkdir()
    for entry in site_dir.iterdir():
        (webroot / entry.name).symlink_to(entry)
    add_test_files(webroot)


def wait_for_ports(server: subprocess.Popen, ports: list[int], name: str, timeout: float = 10) -> None:
    """Return once the server accepts connections on every port; raise with its error output if it stops or takes too long."""
    deadline = time.monotonic() + timeout
    for port in ports:
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    output = server.stderr.read().decode() if server.stderr else ""
                    raise RuntimeError(f"{name} did not start: {output}") from None
                time.sleep(0.1)


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@dataclass(frozen=True)
class Served:
    """A web server serving the course: its address (and nginx's HTTP one), and what its configuration check said."""

    name: str
    url: str
    check_output: str
    http_url: str = ""
    certificate: Path | None = None


_certificates: list[tuple[Path, Path]] = []


def _test_certificate(folder: Path) -> tuple[Path, Path]:
    """The session's one certificate for localhost, trusted by `fetch`. One only: OpenSSL finds a trusted
    certificate by its name, and a second self-signed "localhost" would be checked against the first."""
    if not _certificates:
        _certificates.append(make_certificate(folder))
        TRUSTED.load_verify_locations(_certificates[0][0])
    return _certificates[0]


class ServerMissing(RuntimeError):
    """The web server's program is not installed."""


@contextlib.contextmanager
def nginx_serving(site_dir: Path, prefix: Path) -> Iterator[Served]:
    """deploy/nginx.conf run by Debian's nginx over HTTPS, with HTTP beside it, only the lines a self-hoster changes changed."""
    if not Path(NGINX).exists():
        raise ServerMissing("nginx is not installed. Run: apt-get install nginx (tools/install_system_packages.sh does it)")
    http_port, https_port = free_port(), free_port()
    (prefix / "temp").mkdir()
    certificate, key = _test_certificate(prefix)
    make_webroot(site_dir, prefix / "webroot")
    # Where the include line looks: relative to the folder of the main configuration file.
    (prefix / "snippets").mkdir()
    shutil.copy(DEPLOY_HEADERS, prefix / "snippets" / "co-production-course-security-headers.conf")
    (prefix / "nginx.conf").write_text(
        nginx_main_config(DEPLOY_CONF.read_text(encoding="utf-8"), prefix=prefix, webroot=prefix / "webroot",
                          http_port=http_port, https_port=https_port, certificate=certificate, key=key,
                          access_log=f"{prefix}/access.log"), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t refused deploy/nginx.conf:\n{check.stderr}")
    server = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_for_ports(server, [http_port, https_port], "nginx")
    try:
        yield Served("nginx", f"https://127.0.0.1:{https_port}/", check.stderr, f"http://127.0.0.1:{http_port}/", certificate)
    finally:
        _stop(server)


@contextlib.contextmanager
def apache_serving(site_dir: Path, prefix: Path) -> Iterator[Served]:
    """Debian's apache2 serving the built site with its own .htaccess (tools/local_apache.py), `apache2 -t` first."""
    if not Path(APACHE).exists():
        raise ServerMissing("apache2 is not installed. Run: apt-get install apache2 (tools/install_system_packages.sh does it)")
    if not (site_dir / ".htaccess").is_file():
        raise RuntimeError("the build wrote no .htaccess (hooks/host_files_hook.py)")
    port = free_port()
    # Apache's workers may run as www-data (tools/local_apache.py), who cannot enter pytest's private folders.
    webroot_parent = Path(tempfile.mkdtemp(prefix="course-apache-"))
    webroot_parent.chmod(0o755)
    try:
        webroot = webroot_parent / "webroot"
        readable_copy(site_dir, webroot)
        add_test_files(webroot)
        for path in [webroot / ".well-known", webroot / ".git", *(webroot / ".well-known").rglob("*"), *(webroot / ".git").rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        config = prefix / "apache2.conf"
        config.write_text(apache_main_config(prefix=prefix, webroot=webroot, port=port), encoding="utf-8")
        check = subprocess.run([APACHE, "-t", "-f", str(config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"apache2 -t refused the configuration:\n{check.stderr}")
        server = subprocess.Popen([APACHE, "-f", str(config), "-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for_ports(server, [port], "apache2")
        try:
            yield Served("apache", f"http://127.0.0.1:{port}/", check.stderr + check.stdout)
        finally:
            _stop(server)
            log = prefix / "error.log"
            errors = [line for line in log.read_text(encoding="utf-8").splitlines()
                      if ":error]" in line and "client denied by server configuration" not in line] if log.is_file() else []
            if errors:
                raise RuntimeError("Apache's error log has errors (a line of .htaccess it cannot use?):\n" + "\n".join(errors))
    finally:
        shutil.rmtree(webroot_parent, ignore_errors=True)


# --- In Chromium: no policy violations, no failed requests -------------------------------

# Listens for violations from the very start of each page, before any script of ours runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sourceFile || "") + ":" + event.lineNumber);
});
"""

# One page of each kind, the whole-course page and the missing page.
PAGES = ["", "modules/01-what-co-production-means/", "modules/04-seven-principles/", "glossary/", "case-studies/",
         "activities/planning-an-accessible-meeting/", "progress/", "notes/", "help/", "about/", "print_page/", "no-such-page/"]


def _is_missing_page_notice(message) -> bool:
    """Chromium's own note that the page we asked for on purpose is missing (the 404 test)."""
    return message.text.startswith("Failed to load resource") and "no-such-page" in message.location.get("url", "")


def recording_tab(browser, **context_options):
    """A Chromium tab that records policy violations, console errors and failed requests in `tab.problems`."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, **context_options)
    context.add_init_script(RECORD_VIOLATIONS)
    tab = context.new_page()
    tab.problems = []  # type: ignore[attr-defined]
    tab.on("console", lambda message: message.type in ("error", "warning") and not _is_missing_page_notice(message)
           and tab.problems.append(f"console {message.type}: {message.text}"))
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("requestfailed", lambda request: tab.problems.append(f"failed request: {request.url} {request.failure}"))
    tab.on("response", lambda response: response.status >= 400 and not response.url.endswith("no-such-page/")
           and tab.problems.append(f"HTTP {response.status}: {response.url}"))
    return tab


def load_and_collect_problems(tab, url: str) -> tuple[list[str], list[str]]:
    """Open `url` and wait until nothing more loads; return the policy violations and the other problems."""
    tab.problems.clear()
    tab.goto(url, wait_until="load")
    tab.wait_for_load_state("networkidle")
    return tab.evaluate("window.__cspViolations"), list(tab.problems)
