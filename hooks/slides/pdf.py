"""The slides as PDF, by LibreOffice Impress run headless: every deck in one run, one page per slide."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL = "apt-get install libreoffice-impress (or run tools/install_system_packages.sh)"
# LibreOffice takes about 10 to 20 seconds to start and convert both decks on a busy machine.
TIMEOUT_SECONDS = 600


class OfficeMissing(RuntimeError):
    """LibreOffice (soffice) is not installed."""


class ConversionFailed(RuntimeError):
    """LibreOffice did not make a PDF for every deck."""


def find_soffice() -> str:
    """The path of LibreOffice's `soffice`, or OfficeMissing saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise OfficeMissing(f"The slides' PDFs need LibreOffice Impress, which is not installed. Install it: {INSTALL}.")
    return found


def convert_to_pdf(decks: list[Path], target_dir: Path, *, soffice: str | None = None) -> list[Path]:
    """Turn each .pptx into a PDF beside it in `target_dir` with one LibreOffice run; return the PDFs' paths."""
    if not decks:
        return []
    soffice = soffice or find_soffice()
    target_dir.mkdir(parents=True, exist_ok=True)
    # A profile of its own, so a LibreOffice the user has open (or another build) does not block this one.
    with tempfile.TemporaryDirectory(prefix="course-slides-office-") as profile:
        command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nolockcheck",
                   "--convert-to", "pdf:impress_pdf_Export", "--outdir", str(target_dir), *map(str, decks)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                                    env={**os.environ, "HOME": profile})
        except subprocess.TimeoutExpired:
            raise ConversionFailed(f"LibreOffice took over {TIMEOUT_SECONDS} seconds to make the slides' PDFs.") from None
    pdfs = [target_dir / (deck.stem + ".pdf") for deck in decks]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    if result.returncode != 0 or missing:
        raise ConversionFailed(f"LibreOffice did not make {', '.join(missing) or 'the PDFs'} (exit {result.returncode}): "
                               f"{(result.stderr or result.stdout).strip()[:300]}")
    return pdfs
