"""The course builds with the network switched off: nothing is downloaded at build time."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT_DIR, build_site


def network_namespaces_work() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not network_namespaces_work(), reason="this machine cannot switch the network off with `unshare -rn`")
def test_strict_build_passes_with_the_network_off(tmp_path: Path) -> None:
    result = build_site(PROJECT_DIR / "mkdocs.yml", tmp_path / "site", network=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").exists()
    assert "WARNING" not in result.stderr, result.stderr[-3000:]


def test_network_really_is_off_inside_unshare() -> None:
    """Proves the test above means something: inside `unshare -rn` even loopback has no address."""
    if not network_namespaces_work():
        pytest.skip("no `unshare -rn` on this machine")
    probe = "import socket; socket.create_connection(('127.0.0.1', 9), timeout=2)"
    result = subprocess.run(["unshare", "-rn", "python3", "-c", probe], capture_output=True, text=True)
    assert result.returncode != 0
