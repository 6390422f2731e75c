"""How much time the readability hooks add to the build: the median of several strict builds with and without them.

Usage: .venv/bin/python tools/benchmark_build.py [--runs 5]

"Without" builds from a small config that inherits mkdocs.yml and sets
`extra.readability.enabled: false`; nothing else changes. Both kinds leave
the PDF packs out (PRINT_PACKS=off), because their rendering takes far
longer than everything else and would hide what the hooks cost; see
tools/benchmark_pdfs.py for the packs. The target: the hooks add at most 20%.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Inside the project folder, so the paths in mkdocs.yml resolve as they do for the real build.
WITHOUT_CONFIG = PROJECT_DIR / ".benchmark-without-readability.yml"


def one_build(config: Path) -> float:
    """Build once into a temporary folder; return the wall time in seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PRINT_PACKS": "off"}
    with tempfile.TemporaryDirectory(prefix="benchmark-build-") as temp:
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(Path(temp) / "site")],
                                cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"the build with {config.name} failed:\n{result.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (default 5)")
    runs = parser.parse_args().runs
    WITHOUT_CONFIG.write_text("INHERIT: mkdocs.yml\nextra:\n  readability:\n    enabled: false\n", encoding="utf-8")
    times: dict[str, list[float]] = {"with": [], "without": []}
    try:
        for _ in range(runs):
            # Alternate, so a busy moment on the machine hits both kinds alike.
            times["without"].append(one_build(WITHOUT_CONFIG))
            times["with"].append(one_build(PROJECT_DIR / "mkdocs.yml"))
    finally:
        WITHOUT_CONFIG.unlink(missing_ok=True)
    without, with_hooks = statistics.median(times["without"]), statistics.median(times["with"])
    added = (with_hooks - without) / without * 100
    print(f"{runs} strict builds of each kind, PDF packs left out, on {os.cpu_count()} processors (median wall time):")
    print(f"  without the readability hooks: {without:6.2f} s")
    print(f"  with the readability hooks:    {with_hooks:6.2f} s  ({added:+.0f}%; target: at most +20%)")
    for kind in ("without", "with"):
        print(f"  each build {kind}: " + ", ".join(f"{seconds:.2f}" for seconds in times[kind]))


if __name__ == "__main__":
    main()
