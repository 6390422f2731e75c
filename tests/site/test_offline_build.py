"""The course builds with the network switched off: nothing is downloaded at build time."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from conftest import SessionBuild, network_namespaces_work


@pytest.mark.skipif(not network_namespaces_work(), reason="this machine cannot switch the network off with `unshare -rn`")
def test_strict_build_passes_with_the_network_off(session_build: SessionBuild) -> None:
    """The session's one build (tests/conftest.py) ran inside `unshare -rn`, with every output, and said nothing."""
    assert not session_build.network, "the session build ran with the network on, though `unshare -rn` works here"
    assert (session_build.site / "index.html").exists()
    assert (session_build.site / "downloads" / "course-offline.zip").exists(), "the offline copy was not built"
    assert "WARNING" not in session_build.messages, session_build.messages[-3000:]


# Connects to a port on loopback and prints the error's name (ECONNREFUSED, ENETUNREACH...) or CONNECTED.
_CONNECT_PROBE = """
import errno, socket, sys
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5).close()
    print("CONNECTED")
except OSError as error:
    print(errno.errorcode.get(error.errno, repr(error)))
"""


def connection_error(port: int, *, network: bool) -> str:
    """The error a connection to 127.0.0.1:port meets, with the network on or inside `unshare -rn`."""
    command = [sys.executable, "-c", _CONNECT_PROBE, str(port)]
    result = subprocess.run(command if network else ["unshare", "-rn", *command], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_network_really_is_off_inside_unshare() -> None:
    """Proves the build test means something: inside `unshare -rn` even loopback is unreachable.

    Any failed connection would not do: with the network on, a closed port fails too. So the same
    probe runs on both sides of the switch, at a port bound (but not listening) here, which refuses.
    """
    if not network_namespaces_work():
        pytest.skip("no `unshare -rn` on this machine")
    with socket.socket() as closed_port:
        closed_port.bind(("127.0.0.1", 0))
        port = closed_port.getsockname()[1]
        outside = connection_error(port, network=True)
        inside = connection_error(port, network=False)
    assert outside == "ECONNREFUSED", f"with the network on, the probe should be refused, not {outside}"
    assert inside == "ENETUNREACH", f"inside `unshare -rn` the network should be unreachable, not {inside}"
