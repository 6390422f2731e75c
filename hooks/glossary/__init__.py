"""The course glossary: one file (docs/glossary.yml) makes the glossary page, the pop-ups and the jargon check.

`model.py` reads the file into `Term`s, `page.py` writes the glossary page and
`tips.py` adds the pop-ups; `glossary_hook.py` beside this package is the thin
MkDocs adapter. The readability check reads the same terms through `glossary_path`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The page the entries are written into, and the file they come from (in docs/).
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_FILE = "glossary.yml"


def glossary_path(docs_dir: str | Path, extra: dict[str, Any]) -> Path:
    """The glossary file every feature reads: `extra.readability.glossary_file` if set, else docs/glossary.yml."""
    settings = extra.get("readability")
    name = settings.get("glossary_file") if isinstance(settings, dict) else None
    return Path(docs_dir) / (name if isinstance(name, str) and name else GLOSSARY_FILE)
