"""The Markdown pages named on a command line: files as given, folders searched (A to Z) for `.md` files.

Both reviewers' commands use it: `python -m readability` and `python -m learner.questions`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def markdown_files(paths: Iterable[Path]) -> list[Path]:
    """Each named file, and every `.md` file under each named folder, in the order named; raise on a missing path."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.md")))
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder. Name a Markdown file or a folder under docs/.")
    return files
