"""The offline copy: the whole course as a zip that works from a memory stick, with no web server.

How it is made, and why this way:

* A second MkDocs build of the same `mkdocs.yml`, in a Python process of its own
  (`python -m hosting.offline_copy`), into a temporary folder. MkDocs keeps hook modules
  and the packages they import loaded between builds in one process, so a second
  build there would share the first one's state and print each warning again. It differs from the online build in three settings:
  `use_directory_urls: false` (so every link names an `.html` file that a
  browser can open from `file://`), Material's built-in `offline` plugin
  switched on (it writes the search index as a script, `search/search_index.js`,
  which a page may load from `file://` where it may not fetch JSON), and
  `extra.offline_copy: true`, which other hooks read to skip their slow work:
  the PDF hook does not render the packs again, we copy the first build's PDFs.
* The offline plugin points browsers at the iframe-worker shim on unpkg.com,
  which a memory stick with no internet cannot reach. Browsers refuse to start
  a Web Worker (which Material's search runs in) from `file://`; the shim runs
  it in a hidden iframe instead. We ship the shim (MIT licence, 1.4 KB) in
  `hooks/vendor/iframe-worker/` and point `extra.polyfills` at our copy, which
  also stops the plugin adding the unpkg address.
* The online site keeps its clean URLs: only the zip holds `.html` addresses.

Everything here takes paths and settings and returns results; `offline_copy_hook.py`
calls it once the first build is written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# The engine that builds the site (mkdocs or properdocs) builds its offline copy too. Under
# ProperDocs, `import mkdocs…` must be answered by ProperDocs' modules, as its own command sets up
# (properdocs/replacement.py), before the imports below: the hooks run on its objects.
ENGINE_VARIABLE = "COURSE_ENGINE"
if __name__ == "__main__" and os.environ.get(ENGINE_VARIABLE) == "properdocs":
    import properdocs.replacement  # noqa: F401

from mkdocs.commands.build import build  # noqa: E402 - after the engine is chosen
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402

OFFLINE_FLAG = "offline_copy"
ZIP_PATH = "downloads/course-offline.zip"
# The folder that holds every feature package (hooks/), the root of their imports.
HOOKS_ROOT = Path(__file__).resolve().parent.parent
SHIM_DIR = HOOKS_ROOT / "vendor" / "iframe-worker"
# Where the shim goes in the offline copy. Its address must contain "iframe-worker":
# that is how the offline plugin sees that a shim is already there.
SHIM_PATH = "assets/vendor/iframe-worker/shim.js"
# Files the offline copy does not need: source maps for developers, and files for
# search engines and our authors.
_LEFT_OUT = re.compile(r"(\.map|sitemap\.xml(\.gz)?|readability\.json|^404\.html)$")

READ_ME = """\
{site_name}

How to open the course
----------------------
Double-click the file called index.html in this folder.
The course opens in your web browser. You do not need the internet.

Keep all the files in this folder together. If you copy the course,
copy the whole folder, for example onto a memory stick.

Your progress and notes are kept by your web browser on this computer.
"""


DOWNLOAD_MARKER = "<!-- offline-copy-download -->"


def download_html(zip_address: str, in_offline_copy: bool) -> str:
    """The download link that replaces DOWNLOAD_MARKER; in the offline copy itself, a note that this is it."""
    if in_offline_copy:
        return '<p class="app-offline-download">You are using the copy for use without internet now.</p>'
    return (f'<p class="app-offline-download"><a href="{zip_address}" download>'
            "Download the course to use without internet</a> (a zip file).</p>")


class OfflineCopyError(RuntimeError):
    """The offline copy could not be built; the message says why."""


@dataclass(frozen=True)
class OfflineCopy:
    """What was made: the zip, how many files it holds, and how long it took."""

    zip_file: Path
    file_count: int
    seconds: float


def folder_name(site_name: str) -> str:
    """The zip's top folder: the site's name in lower case, words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", site_name.lower())
    return "-".join(words) or "course"


def offline_config(config_file: str, site_dir: Path, strict: bool | None = None) -> MkDocsConfig:
    """The settings for the offline build: the same mkdocs.yml, with `.html` links and the offline plugin on."""
    config = load_config(config_file, site_dir=str(site_dir), use_directory_urls=False, strict=strict)
    config.extra[OFFLINE_FLAG] = True
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_PATH]
    if "material/offline" not in config.plugins:
        # Added here it would come after print-site, which must stay last.
        raise OfflineCopyError(
            "mkdocs.yml has no 'offline' plugin. Add it to 'plugins:', before 'print-site', as "
            "'- offline:' with 'enabled: false' under it: the offline build turns it on."
        )
    config.plugins["material/offline"].config.enabled = True
    return config


def build_offline_site(config_file: str, target: Path, strict: bool | None = None) -> None:
    """Build the course for `file://` into `target`, with the Web Worker shim added."""
    config = offline_config(config_file, target, strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    shim_target = target / SHIM_PATH
    shim_target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM_DIR / "shim.js", shim_target)
    shutil.copyfile(SHIM_DIR / "LICENSE", shim_target.parent / "LICENSE")


# What the offline copy takes from the first build's downloads/: the PDF packs, the Word and EPUB
# files (handouts/ and forms/ too) and the slides (slides/). Not the zips: the SCORM package is made from this copy.
COPIED_DOWNLOADS = ("*.pdf", "*.docx", "*.epub", "*.pptx")


def first_build_downloads(online_site: Path, patterns: Sequence[str] = COPIED_DOWNLOADS) -> dict[str, int]:
    """The first build's files the offline copy takes, by path under downloads/, with their sizes."""
    source = online_site / "downloads"
    found = {path.relative_to(source).as_posix(): path.stat().st_size
             for pattern in patterns for path in (source.rglob(pattern) if source.is_dir() else [])}
    return dict(sorted(found.items()))


def copy_downloads(online_site: Path, offline_site: Path, patterns: Sequence[str] = COPIED_DOWNLOADS) -> list[Path]:
    """Copy the first build's PDF, Word and EPUB files into the offline copy, so its download links work."""
    copied = []
    for name in first_build_downloads(online_site, patterns):
        target = offline_site / "downloads" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(online_site / "downloads" / name, target)
        copied.append(target)
    return copied


def write_zip(offline_site: Path, zip_file: Path, top_folder: str, site_name: str) -> int:
    """Zip the offline site under one top folder, with a short read-me; return how many files it holds."""
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(zip_file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr(f"{top_folder}/README.txt", READ_ME.format(site_name=site_name))
        for path in sorted(offline_site.rglob("*")):
            relative = path.relative_to(offline_site).as_posix()
            if path.is_dir() or _LEFT_OUT.search(relative):
                continue
            # PDFs, fonts, Word and EPUB files are compressed already: storing them saves time, not space.
            kind = (zipfile.ZIP_STORED if path.suffix in (".pdf", ".woff2", ".png", ".jpg", ".zip", ".docx", ".epub")
                    else zipfile.ZIP_DEFLATED)
            archive.write(path, f"{top_folder}/{relative}", compress_type=kind)
            count += 1
    return count + 1


RENDERED_PACKS_VARIABLE = "COURSE_RENDERED_PACKS"
EBOOKS_VARIABLE = "COURSE_FIRST_BUILD_EBOOKS"


def engine_name() -> str:
    """'properdocs' when ProperDocs runs this build (it answers `import mkdocs`), else 'mkdocs'."""
    return MkDocsConfig.__module__.split(".")[0]


_LOG_LINE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+(?P<message>.*)$")


def build_messages(output: str) -> list[str]:
    """The warnings and errors in a MkDocs build's log output, each with its continuation lines."""
    messages: list[str] = []
    current: list[str] | None = None
    for line in output.splitlines():
        match = _LOG_LINE.match(line)
        if match:
            current = [match.group("message")]
            messages.append("")
        elif re.match(r"^(INFO|DEBUG)\s+-", line) or current is None:
            current = None
            continue
        else:
            current.append(line)
        messages[-1] = "\n".join(current).rstrip()
    return messages


def build_in_own_process(config_file: str, target: Path, strict: bool, online_site: Path | None = None) -> tuple[int, str]:
    """Run `build_offline_site` in a new Python process; return its exit status and its log output.

    `online_site`: the first build, whose Word and EPUB files the offline copy's page lists.
    """
    # Loaded already when the PDF hook is in the build; MkDocs takes the hooks' folder off sys.path after loading them.
    render = sys.modules.get("print_packs.render")
    rendered = getattr(render, "LAST_RENDERED", {})
    # `python -m hosting.offline_copy` with the hooks folder as the import root, as MkDocs and pytest have it.
    command = [sys.executable, "-m", "hosting.offline_copy", config_file, str(target), "--strict" if strict else "--no-strict"]
    # The packs the first build wrote, so the offline copy's download page lists their pages and sizes.
    packs = {slug: {"path": str(pack.path), "pages": pack.pages, "size": pack.size} for slug, pack in rendered.items()}
    ebook_files = {name: size for name, size in (first_build_downloads(online_site) if online_site else {}).items()
                   if not name.endswith(".pdf")}
    env = {**os.environ, RENDERED_PACKS_VARIABLE: json.dumps(packs), EBOOKS_VARIABLE: json.dumps(ebook_files),
           ENGINE_VARIABLE: engine_name(), "PYTHONPATH": os.pathsep.join(
        [str(HOOKS_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    result = subprocess.run(command, cwd=Path(config_file).parent, capture_output=True, text=True, timeout=1800, env=env)
    return result.returncode, result.stderr + result.stdout


def make_offline_copy(config: MkDocsConfig, then: Sequence[Callable[[Path], None]] = ()) -> tuple[OfflineCopy, list[str]]:
    """Build the offline copy of the course that `config` describes and zip it into its site's downloads.

    Each of `then` is called with the offline copy's folder once it is zipped, before the folder
    is deleted: other packages of the same files (the SCORM package) are made from it.
    Returns what was made and the messages of the offline build's log (warnings and errors).
    """
    if not config.config_file_path:
        raise OfflineCopyError("the offline copy needs the path of mkdocs.yml, and this build has none")
    started = time.perf_counter()
    online_site = Path(config.site_dir)
    with tempfile.TemporaryDirectory(prefix="course-offline-") as temp:
        offline_site = Path(temp) / "site"
        status, output = build_in_own_process(config.config_file_path, offline_site, bool(config.strict), online_site)
        messages = build_messages(output)
        if status != 0:
            raise OfflineBuildFailed(messages or [output.strip()[-2000:]])
        copy_downloads(online_site, offline_site)
        zip_file = online_site / ZIP_PATH
        count = write_zip(offline_site, zip_file, folder_name(config.site_name), config.site_name)
        copy = OfflineCopy(zip_file, count, time.perf_counter() - started)
        for make in then:
            make(offline_site)
    return copy, messages


class OfflineBuildFailed(OfflineCopyError):
    """The offline build itself stopped; `messages` are its warnings and errors."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("its build stopped")
        self.messages = messages


def _main(argv: list[str]) -> int:
    """`python -m hosting.offline_copy CONFIG_FILE TARGET --strict|--no-strict`: the offline build, in a process of its own."""
    import logging

    from mkdocs.__main__ import ColorFormatter
    from mkdocs.exceptions import MkDocsException

    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    # The engine's own logger: ProperDocs logs under "properdocs" and counts warnings there for --strict,
    # so the hooks' "mkdocs.…" loggers hand their records on to it, as its own command arranges.
    engine_log = logging.getLogger(engine_name())
    if engine_log.name != "mkdocs":
        logging.getLogger("mkdocs").parent = engine_log
    engine_log.addHandler(handler)
    engine_log.setLevel(logging.INFO)
    config_file, target, strict = argv[0], Path(argv[1]), argv[2] == "--strict"
    from print_packs.render import LAST_RENDERED, RenderedPack

    for slug, pack in json.loads(os.environ.get(RENDERED_PACKS_VARIABLE) or "{}").items():
        LAST_RENDERED[slug] = RenderedPack(Path(pack["path"]), pack["pages"], pack["size"])
    from ebooks.make import FIRST_BUILD_FILES

    FIRST_BUILD_FILES.update(json.loads(os.environ.get(EBOOKS_VARIABLE) or "{}"))
    try:
        build_offline_site(config_file, target, strict)
    except MkDocsException as error:
        engine_log.error(str(error))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
