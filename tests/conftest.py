"""Shared fixtures: one strict build per test session, a local web server, and Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

# pytester runs tiny test files for the tests of our pytest plugins; skips_fail_in_ci makes
# a skipped test fail when CI=true, so a green run in CI means every check ran.
pytest_plugins = ["pytester", "skips_fail_in_ci"]

PROJECT_DIR = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags that keep Chromium from calling home: this machine has no network,
# and the site must make no outside requests anyway.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-quic", "--no-first-run", "--disable-default-apps"]
COLOUR_SCHEMES = ("default", "slate", "high-contrast")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run `run_first` tests first and `run_last` tests last (the link check starts early and is read at the end)."""
    first = [item for item in items if item.get_closest_marker("run_first")]
    last = [item for item in items if item.get_closest_marker("run_last")]
    middle = [item for item in items if item not in first and item not in last]
    items[:] = first + middle + last


# The engines the course builds with (Makefile's ENGINE): MkDocs, and ProperDocs, its maintained continuation.
ENGINES = ("mkdocs", "properdocs")


def _build_command(config_file: Path, site_dir: Path, *, network: bool, strict: bool, engine: str = "mkdocs") -> list[str]:
    """`mkdocs build --strict` (never with -q, which hides warnings), inside `unshare -rn` when network is False."""
    if engine not in ENGINES:
        raise ValueError(f"no engine called {engine!r}: the engines are {', '.join(ENGINES)}")
    command = [sys.executable, "-m", engine, "build", "--strict" if strict else "--no-strict", "-f", str(config_file), "-d", str(site_dir)]
    return command if network else ["unshare", "-rn", *command]


def _build_env(extra_env: dict[str, str] | None) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}


def build_site(config_file: Path, site_dir: Path, *, extra_env: dict[str, str] | None = None, network: bool = True,
               strict: bool = True, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` (or another of the ENGINES) and return the result."""
    command = _build_command(config_file, site_dir, network=network, strict=strict, engine=engine)
    return subprocess.run(command, cwd=config_file.parent, capture_output=True, text=True, env=_build_env(extra_env), timeout=600)


class BackgroundBuild:
    """`mkdocs build --strict` started now and read later, so a second whole-course build runs while
    other tests do (most of them wait on Chromium, leaving a processor core free).

    Its output goes to files, not pipes: a build that says more than a pipe holds would stop, waiting to be read.
    """

    def __init__(self, config_file: Path, site_dir: Path, *, engine: str = "mkdocs", niceness: int = 0) -> None:
        """`niceness` above 0 runs the build at a lower priority (`nice`), so it takes only the time other tests leave."""
        self.site_dir = site_dir
        self._output = site_dir.parent / (site_dir.name + "-output.txt")
        self._errors = site_dir.parent / (site_dir.name + "-errors.txt")
        command = _build_command(config_file, site_dir, network=True, strict=True, engine=engine)
        if niceness:
            command = ["nice", "-n", str(niceness), *command]
        with self._output.open("w") as stdout, self._errors.open("w") as stderr:
            self._process = subprocess.Popen(command, cwd=config_file.parent, stdout=stdout, stderr=stderr, env=_build_env(None))

    def poll(self) -> int | None:
        """The build's exit code, or None while it is still running."""
        return self._process.poll()

    def result(self, timeout: float = 600) -> subprocess.CompletedProcess[str]:
        """Wait for the build to end and return what it said, as build_site does."""
        returncode = self._process.wait(timeout=timeout)
        return subprocess.CompletedProcess(self._process.args, returncode, self._output.read_text(encoding="utf-8"),
                                           self._errors.read_text(encoding="utf-8"))

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()


def network_namespaces_work() -> bool:
    """Whether this machine can switch the network off for one command (`unshare -rn`)."""
    return shutil.which("unshare") is not None and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@dataclass(frozen=True)
class SessionBuild:
    """How the one session build went: where it is, whether the network was on, and what mkdocs said."""

    site: Path
    network: bool
    messages: str


@pytest.fixture(scope="session")
def session_build(tmp_path_factory: pytest.TempPathFactory) -> SessionBuild:
    """The whole course, built once with --strict into a temporary folder.

    With the network switched off (`unshare -rn`) wherever the machine allows it, so the
    one build also proves nothing is downloaded at build time (tests/site/test_offline_build.py).
    """
    target = tmp_path_factory.mktemp("site")
    network = not network_namespaces_work()
    result = build_site(PROJECT_DIR / "mkdocs.yml", target, network=network)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return SessionBuild(site=target, network=network, messages=result.stderr)


@pytest.fixture(scope="session")
def site_dir(session_build: SessionBuild) -> Path:
    """The whole course, built once with --strict (see session_build)."""
    return session_build.site


def built_pages(site: Path) -> list[str]:
    """The site-relative path of every HTML page in a built site."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


@pytest.fixture(scope="session")
def page_paths(site_dir: Path) -> list[str]:
    """Every built HTML page, for example 'modules/01-what-co-production-means/index.html'."""
    return built_pages(site_dir)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass


@pytest.fixture(scope="session")
def site_url(site_dir: Path):
    """The built site served over HTTP on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def page_url(base: str, path: str) -> str:
    """The served address of a built page, with clean URLs ('a/index.html' -> 'a/')."""
    return base + (path[: -len("index.html")] if path.endswith("index.html") else path)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (its own browser download cannot work here)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}. Run: apt-get install chromium", pytrace=False)
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


def search_the_course(tab, words: str, timeout: float = 15_000):
    """Type into the search box as a person does and return the results once the first shows.

    Material reads the box on each key released (keyup), never on fill(), and runs the
    last query once its index has loaded, so no waiting is needed before typing.
    """
    box = tab.get_by_role("textbox", name="Search the course")
    box.click()
    box.press_sequentially(words, delay=50)
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=timeout)
    return results


@pytest.fixture(scope="session")
def course_visit(browser, site_url: str, page_paths: list[str]):
    """One pass over every page: axe, paragraph measures, italics and requests (see every_page_visit.py)."""
    from every_page_visit import visit_every_page

    return visit_every_page(browser, site_url, page_paths)


# Material keeps the chosen colour scheme in localStorage under "<site path>.__palette".
_REMEMBER_SCHEME = """
localStorage.setItem("/.__palette", JSON.stringify({
  index: %d, color: {media: "", scheme: "%s", primary: "custom", accent: "custom"}}));
"""


def context_with_scheme(browser, scheme: str, **options):
    """A browser context where the learner has already chosen `scheme`, as Material remembers it."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})
    context.add_init_script(_REMEMBER_SCHEME % (COLOUR_SCHEMES.index(scheme), scheme))
    return context


@pytest.fixture
def page(browser):
    """A fresh browser tab at a desktop size, closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    yield tab
    context.close()
