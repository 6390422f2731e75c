"""Our own stylesheets and scripts made smaller for the built site, by well-kept minifiers from PyPI.

The source files in overrides/assets/ keep their comments for authors; the
copies a learner downloads lose comments and spare spaces (rcssmin, rjsmin),
which takes about a third off their size, gzip and all: it matters on a slow
rural line. Everything here takes text or a folder; `minify_hook.py` is the
MkDocs glue.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# Only our files (the app- prefix): Material's and the plugins' are minified already.
PATTERNS = {"assets/stylesheets/app-*.css": rcssmin.cssmin, "assets/javascripts/app-*.js": rjsmin.jsmin}


def minified(path: Path, text: str) -> str:
    """The text of one stylesheet or script, minified by the minifier for its kind."""
    minifier = rcssmin.cssmin if path.suffix == ".css" else rjsmin.jsmin
    return minifier(text)


def minify_site(site_dir: Path) -> list[tuple[str, int, int]]:
    """Minify our stylesheets and scripts in a built site, in place; return (file, bytes before, bytes after)."""
    changed = []
    for pattern in PATTERNS:
        for path in sorted(site_dir.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            smaller = minified(path, text)
            path.write_text(smaller, encoding="utf-8")
            changed.append((path.relative_to(site_dir).as_posix(), len(text.encode()), len(smaller.encode())))
    return changed
