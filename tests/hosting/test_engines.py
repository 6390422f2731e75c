"""The course builds the same with ProperDocs as with MkDocs, so either engine can carry it (README.md, "When MkDocs or Material stop working").

ProperDocs (a continuation of MkDocs 1.6 by MkDocs's former maintainers) builds the
whole course once per test session, in the background and at a low priority (`nice`),
so it uses the processor time the browser tests leave free; it starts when the
session's MkDocs build has finished and is compared with it at the very end
(tools/compare_builds.py: every file, the zips member by member, the PDFs by their
text; only the generator tag may differ). A change that breaks one engine fails here.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from conftest import PROJECT_DIR, BackgroundBuild
from hosting.offline_copy import ZIP_PATH

sys.path.insert(0, str(PROJECT_DIR / "tools"))
from compare_builds import compare  # noqa: E402

GENERATOR = '<meta name="generator" content="mkdocs-ProperDocs '


@pytest.fixture(scope="session")
def properdocs_build(site_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """ProperDocs' build of the course, started once the session's MkDocs build (site_dir) is done."""
    build = BackgroundBuild(PROJECT_DIR / "mkdocs.yml", tmp_path_factory.mktemp("properdocs") / "site",
                            engine="properdocs", niceness=19)
    yield build
    build.stop()


@pytest.mark.run_first
def test_properdocs_build_starts(properdocs_build: BackgroundBuild) -> None:
    """Started early, read last; a build that fails at once is reported here."""
    assert properdocs_build.poll() in (None, 0), properdocs_build.result().stderr[-4000:]


@pytest.mark.run_last
def test_properdocs_builds_the_same_course_as_mkdocs(properdocs_build: BackgroundBuild, site_dir: Path) -> None:
    result = properdocs_build.result()
    assert result.returncode == 0, f"properdocs build --strict failed:\n{result.stderr[-4000:]}"
    site = properdocs_build.site_dir
    # It was ProperDocs that built it, the offline copy (a build of its own) included.
    assert GENERATOR in (site / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(site / ZIP_PATH) as archive:
        start = next(name for name in archive.namelist() if name.count("/") == 1 and name.endswith("/index.html"))
        assert GENERATOR in archive.read(start).decode("utf-8")
    problems = compare(site_dir, site)
    assert problems == [], "ProperDocs and MkDocs built different courses:\n" + "\n".join(problems[:40])
