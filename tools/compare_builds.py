"""Compare two built sites and list every file that differs: proof that a refactor changed nothing anyone sees.

    .venv/bin/python tools/compare_builds.py BEFORE_SITE AFTER_SITE

Text files (HTML, CSS, JS, XML, JSON, SVG) must be the same byte for byte. Files
that differ between two builds of the same commit are compared by content:
sitemap.xml(.gz) without its `<lastmod>` dates, PDFs by their text (`pdftotext
-layout`) and page count, and zip, Word and EPUB files member by member (same
names, same contents by these rules), ignoring the members' timestamps and
the times and random ids pandoc writes into them. Pages may differ in their
generator tag (`<meta name="generator">`), so that a MkDocs build and a
ProperDocs build of the same commit compare as the same, and in the size a
page shows for a download (`<span data-size-of="...">, 4.4 MB</span>`): the
download itself is compared on its own, by the rules above, and a zip that holds
pages with a longer generator tag can be a rounding step bigger.
Exits 1 and lists the files when any differ.
"""

from __future__ import annotations

import argparse
import gzip
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

_LASTMOD = re.compile(rb"<lastmod>[^<]*</lastmod>")
# What pandoc writes afresh in every Word and EPUB file: the time it was written, and the EPUB's random id.
_TIMESTAMPED = re.compile(rb"<dcterms:(?:created|modified)[^>]*>[^<]*</dcterms:(?:created|modified)>"
                          rb"|<meta property=\"dcterms:modified\">[^<]*</meta>|urn:uuid:[0-9a-f-]{36}")
_ZIPPED = (".zip", ".docx", ".epub")
# Names the engine that built the page ("mkdocs-1.6.1, …" or "mkdocs-ProperDocs 1.6.7, …"); no reader sees it.
# BeautifulSoup writes the print page's tag with its attributes the other way round.
_GENERATOR = re.compile(rb'<meta (?:name="generator" content="[^"]*"|content="[^"]*" name="generator")\s*/?>')
# The size a page shows beside a download, filled in by hooks/print_packs/download_list.py.
_SHOWN_SIZE = re.compile(rb'(<span data-size-of="[^"]*">)[^<]*(</span>)')


def _page_without_engine(html: bytes) -> bytes:
    """The page without what depends on the engine that built it: its generator tag, and the sizes of downloads."""
    return _SHOWN_SIZE.sub(rb"\1\2", _GENERATOR.sub(b"", html))


def pdf_text(data: bytes) -> str:
    """The PDF's text, page by page, as pdftotext lays it out."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(data)
        handle.flush()
        return subprocess.run(["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True).stdout.decode()


def differences(name: str, before: bytes, after: bytes) -> list[str]:
    """How file `name` differs between the builds; [] when it is the same by the rules above."""
    if before == after:
        return []
    lower = name.lower()
    if lower.endswith("sitemap.xml.gz"):
        return differences(name[:-3], gzip.decompress(before), gzip.decompress(after))
    if lower.endswith("sitemap.xml"):
        return [] if _LASTMOD.sub(b"", before) == _LASTMOD.sub(b"", after) else [f"{name}: differs beyond its dates"]
    if lower.endswith(".pdf"):
        return [] if pdf_text(before) == pdf_text(after) else [f"{name}: its text differs"]
    if lower.endswith(_ZIPPED):
        return zip_differences(name, before, after)
    if _TIMESTAMPED.search(before) and _TIMESTAMPED.sub(b"", before) == _TIMESTAMPED.sub(b"", after):
        return []
    if lower.endswith(".html") and _page_without_engine(before) == _page_without_engine(after):
        return []
    return [f"{name}: differs"]


def zip_differences(name: str, before: bytes, after: bytes) -> list[str]:
    """Member by member: the same names, and each member the same by `differences`."""
    with zipfile.ZipFile(io.BytesIO(before)) as old, zipfile.ZipFile(io.BytesIO(after)) as new:
        old_names, new_names = old.namelist(), new.namelist()
        problems = [f"{name}: member {member} only before" for member in sorted(set(old_names) - set(new_names))]
        problems += [f"{name}: member {member} only after" for member in sorted(set(new_names) - set(old_names))]
        for member in sorted(set(old_names) & set(new_names)):
            problems += differences(f"{name}!{member}", old.read(member), new.read(member))
    return problems


def compare(before: Path, after: Path) -> list[str]:
    """Every difference between two built sites."""
    old = {path.relative_to(before).as_posix() for path in before.rglob("*") if path.is_file()}
    new = {path.relative_to(after).as_posix() for path in after.rglob("*") if path.is_file()}
    problems = [f"{name}: only in {before}" for name in sorted(old - new)]
    problems += [f"{name}: only in {after}" for name in sorted(new - old)]
    for name in sorted(old & new):
        problems += differences(name, (before / name).read_bytes(), (after / name).read_bytes())
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print each difference; exit 1 when there is any."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    arguments = parser.parse_args(argv)
    problems = compare(arguments.before, arguments.after)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} difference(s)" if problems else "The same.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
