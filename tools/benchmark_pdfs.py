"""How much time the PDF packs add to the build: the median of several strict builds with and without them.

Usage: .venv/bin/python tools/benchmark_pdfs.py [--runs 5]

Each build goes into its own temporary folder (never site/). "Without" sets
PRINT_PACKS=off, which leaves the packs out and changes nothing else.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
_PDF_LINE = re.compile(r"PDF packs: \d+ written to \S+ in ([\d.]+) seconds")


def one_build(with_pdfs: bool) -> tuple[float, float | None]:
    """Build once; return the wall time and the time the hook reports for the packs."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRINT_PACKS": "on" if with_pdfs else "off"}
    with tempfile.TemporaryDirectory(prefix="benchmark-pdfs-") as temp:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(Path(temp) / "site")],
                                cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stderr[-2000:]}")
    match = _PDF_LINE.search(result.stderr)
    return elapsed, float(match.group(1)) if match else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (default 5)")
    runs = parser.parse_args().runs
    results: dict[bool, list[tuple[float, float | None]]] = {True: [], False: []}
    for _ in range(runs):
        # Alternate, so a busy moment on the machine hits both kinds alike.
        for with_pdfs in (False, True):
            results[with_pdfs].append(one_build(with_pdfs))
    without = statistics.median(wall for wall, _ in results[False])
    with_packs = statistics.median(wall for wall, _ in results[True])
    pdf_only = statistics.median(pdf for _, pdf in results[True] if pdf is not None)
    print(f"{runs} builds of each kind on {os.cpu_count()} processors (median wall time):")
    print(f"  without the PDF packs: {without:6.1f} s")
    print(f"  with the PDF packs:    {with_packs:6.1f} s  (+{with_packs - without:.1f} s)")
    print(f"  the packs alone, as the hook reports: {pdf_only:.1f} s")
    for label, kind in (("without", False), ("with", True)):
        print(f"  each build {label}: " + ", ".join(f"{wall:.1f}" for wall, _ in results[kind]))


if __name__ == "__main__":
    main()
