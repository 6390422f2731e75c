"""Running Debian's pandoc: found once, called with arguments, its errors turned into plain messages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

INSTALL_HINT = ("The Word and EPUB files need pandoc, which is not installed. "
                "Install it with: apt-get install pandoc (or run: make setup)")
TIMEOUT_SECONDS = 300


class PandocMissing(RuntimeError):
    """pandoc is not installed."""


class PandocFailed(RuntimeError):
    """pandoc stopped with an error; the message gives the file and pandoc's own words."""


def find_pandoc() -> str:
    """The path of the pandoc program, or PandocMissing with the command to install it."""
    found = shutil.which("pandoc")
    if found is None:
        raise PandocMissing(INSTALL_HINT)
    return found


def run_pandoc(arguments: list[str], *, source: str | None = None, target: Path | None = None) -> str:
    """Run pandoc with `arguments`, `source` on its standard input; return what it printed.

    Raises PandocFailed naming `target` (the file it was making) and pandoc's message.
    """
    command = [find_pandoc(), *arguments]
    try:
        result = subprocess.run(command, input=source, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise PandocFailed(f"pandoc took more than {TIMEOUT_SECONDS} seconds to make '{target}'") from None
    if result.returncode != 0:
        raise PandocFailed(f"pandoc could not make '{target}': {result.stderr.strip() or 'exit status ' + str(result.returncode)}")
    return result.stdout
