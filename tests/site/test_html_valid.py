"""Every built page is valid HTML, as the W3C's Nu HTML Checker (vnu) sees it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT_DIR

VNU_JAR = PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(files: list[Path], root: Path) -> list[str]:
    """Run vnu once over `files` and return each error as "file, line N: message"."""
    if shutil.which("java") is None:
        pytest.fail("Java is not installed, so vnu cannot run. Run: sh tools/install_system_packages.sh", pytrace=False)
    if not VNU_JAR.is_file():
        pytest.fail(f"vnu is not installed ({VNU_JAR} is missing). Run: make setup (or npm ci --ignore-scripts)", pytrace=False)
    # --stdout: vnu writes its report to stderr unless told otherwise; Java's own complaints stay there.
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu gave no report (exit code {result.returncode}):\n{result.stdout}\n{result.stderr}", pytrace=False)
    errors = []
    for message in messages:
        if message.get("type") == "info":
            continue
        url = message.get("url", "")
        name = Path(url.removeprefix("file:")).relative_to(root).as_posix() if url.startswith(f"file:{root}") else url
        errors.append(f"{name}, line {message.get('lastLine', '?')}: {message.get('message', '').strip()}")
    return errors


def test_every_page_passes_vnu(site_dir: Path, page_paths: list[str]) -> None:
    errors = vnu_errors([site_dir / path for path in page_paths], site_dir)
    assert not errors, f"{len(errors)} HTML errors found by vnu:\n" + "\n".join(errors)
