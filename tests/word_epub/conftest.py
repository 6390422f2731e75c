"""Fixtures for the Word and EPUB files: the expected files, from the course's own pages, and the session's one build."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import PROJECT_DIR
from ebooks.documents import EPUB_PACKS, FORMS_FOLDER, HANDOUTS_FOLDER, WORD_PACKS
from print_packs.packs import PACKS, TRAINER_FORMS

TITLES = {pack.slug: pack.title for pack in PACKS}
# Every activity with a handout, and every trainer's form, gets a Word document of its own.
HANDOUT_FILES = sorted(f"{HANDOUTS_FOLDER}/{path.stem}.docx" for path in (PROJECT_DIR / "docs" / "activities").glob("*.md")
                       if 'class="app-handout"' in path.read_text(encoding="utf-8"))
FORM_FILES = [f"{FORMS_FOLDER}/{Path(uri).stem}.docx" for uri in TRAINER_FORMS if (PROJECT_DIR / "docs" / uri).is_file()]
WORD_FILES = [f"{slug}.docx" for slug in WORD_PACKS] + HANDOUT_FILES + FORM_FILES
EPUB_FILES = [f"{slug}.epub" for slug in EPUB_PACKS]
EPUBCHECK_JAR = Path("/usr/share/java/epubcheck.jar")
# The organisation named in the course's own mkdocs.yml, which every file must carry.
ORGANISATION = yaml.load((PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["extra"]["organisation"]["name"]
ACE = PROJECT_DIR / "node_modules" / ".bin" / "ace-puppeteer"


@pytest.fixture(scope="session")
def downloads(site_dir: Path) -> Path:
    return site_dir / "downloads"

