"""The policy inside each page (`extra.hosting.csp_meta: true`), for hosts that send no headers, loaded in Chromium.

The session's build is copied with each page changed exactly as the setting changes
it (hosting.meta_policy.with_meta_policy, the function the build calls), and served
by a plain server that sends no headers at all, as GitHub Pages or a file share
would. test_host_files.py checks that the setting makes the build call it.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from hosting.http_rules import meta_policy
from hosting.meta_policy import with_meta_policy
from web_servers import PAGES, load_and_collect_problems, recording_tab

# A script typed into a page, which the policy must block: proof that the policy in the page is in force.
PROBE = '<script>window.__probeRan = true;</script>'


class _NoHeaders(http.server.SimpleHTTPRequestHandler):
    """Files only: no security headers, no Cache-Control, and 404.html for a missing page, as a static host does."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass


@pytest.fixture(scope="module")
def no_headers_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the build with the policy in every page, served with no headers."""
    root = tmp_path_factory.mktemp("no-headers") / "site"
    shutil.copytree(site_dir, root, ignore=shutil.ignore_patterns("*.pdf", "*.zip", "*.docx", "*.epub"))
    policy = meta_policy()
    for page in root.rglob("*.html"):
        page.write_text(with_meta_policy(page.read_text(encoding="utf-8"), policy), encoding="utf-8")
    probe = (root / "index.html").read_text(encoding="utf-8").replace("</head>", PROBE + "</head>", 1)
    (root / "csp-probe.html").write_text(probe, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NoHeaders, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def no_headers_tab(browser):
    tab = recording_tab(browser)
    yield tab
    tab.context.close()


@pytest.mark.parametrize("path", PAGES)
def test_page_with_the_policy_inside_loads_with_no_violations_or_failed_requests(no_headers_tab, no_headers_url: str,
                                                                                 path: str) -> None:
    violations, problems = load_and_collect_problems(no_headers_tab, no_headers_url + path)
    assert violations == [], violations
    assert problems == [], problems
    assert no_headers_tab.get_by_role("heading", level=1).count() == 1


def test_the_policy_inside_the_page_is_in_force(no_headers_tab, no_headers_url: str) -> None:
    """A script typed into the page is blocked and reported, so the checks above mean something."""
    violations, _ = load_and_collect_problems(no_headers_tab, no_headers_url + "csp-probe.html")
    assert no_headers_tab.evaluate("window.__probeRan === undefined")
    assert any(violation.startswith("script-src") for violation in violations), violations
