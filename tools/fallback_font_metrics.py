"""Work out the fallback fonts' overrides for app-fonts.css from the font files themselves.

Run when the typeface or the course text changes a lot:

    .venv/bin/python tools/fallback_font_metrics.py [--liberation DIR]

Until Atkinson Hyperlegible arrives, the text can show in a font every system has (Arial,
or Liberation Sans or DejaVu Sans on Linux), made to take the same room:

- `size-adjust` scales the fallback so a line of the course's own text is as wide in it as in
  Atkinson Hyperlegible: the ratio of the two fonts' average advance widths, each character
  weighted by how often it comes in the course's Markdown (docs/);
- `ascent-override`, `descent-override` and `line-gap-override` give it Atkinson
  Hyperlegible's vertical metrics (from its hhea table, which Chromium uses on Linux and
  macOS; the font's OS/2 win metrics are the same), divided by that size-adjust, since the
  browser scales them by it.

Liberation Sans has Arial's metrics (it was made to), so its numbers serve for Arial too.
It is not installed here; `--liberation` names a folder with LiberationSans-Regular.ttf and
LiberationSans-Bold.ttf (Debian's fonts-liberation2, unpacked with `apt-get download` and
`dpkg-deb -x`). tests/hooks/assets/test_fallback_fonts.py checks the numbers in app-fonts.css.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
ATKINSON_DIR = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages" / "fontpkg_atkinson_hyperlegible" / "files"
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
WEIGHTS = {"regular": 400, "bold": 700}
FILES = {
    "atkinson": {"regular": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf"},
    "liberation": {"regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf"},
    "dejavu": {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"},
}


@dataclass(frozen=True)
class Overrides:
    """One fallback face's @font-face descriptors, as percentages."""

    size_adjust: float
    ascent: float
    descent: float
    line_gap: float


def course_text(docs: Path) -> str:
    """The words of the course's pages, without front matter, markers, link targets or Markdown signs."""
    parts = []
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        text = re.sub(r"\]\([^)]*\)", "]", text)
        text = re.sub(r"\{[^}]*\}|[#*_`>|\[\]]", "", text)
        parts.append(text)
    return re.sub(r"\s+", " ", "\n".join(parts))


def character_weights(text: str) -> dict[str, float]:
    """How often each character comes, as a share of all characters."""
    counts = collections.Counter(text)
    total = sum(counts.values())
    return {character: count / total for character, count in counts.items()}


def average_width(font: TTFont, weights: dict[str, float]) -> float:
    """The font's average advance width in em, over characters weighted as in the course text.

    Characters the font lacks are left out, and the weights of the rest are scaled to add up to 1.
    """
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    units = font["head"].unitsPerEm
    present = {character: share for character, share in weights.items() if ord(character) in cmap}
    total = sum(present.values())
    return sum(metrics[cmap[ord(character)]][0] * share for character, share in present.items()) / units / total


def overrides(web: TTFont, fallback: TTFont, weights: dict[str, float]) -> Overrides:
    """The descriptors that make `fallback` take the room `web` takes."""
    size = average_width(web, weights) / average_width(fallback, weights)
    hhea, units = web["hhea"], web["head"].unitsPerEm
    return Overrides(size_adjust=round(size * 100, 2), ascent=round(hhea.ascent / units / size * 100, 2),
                     descent=round(-hhea.descent / units / size * 100, 2), line_gap=round(hhea.lineGap / units / size * 100, 2))


def all_overrides(liberation: Path | None, docs: Path = ROOT / "docs") -> dict[tuple[str, str], Overrides]:
    """Every fallback's overrides by (fallback, weight): "dejavu" always, "liberation" when its folder is given."""
    weights = character_weights(course_text(docs))
    folders = {"dejavu": DEJAVU_DIR, **({"liberation": liberation} if liberation else {})}
    result = {}
    for name, folder in folders.items():
        for weight in WEIGHTS:
            web = TTFont(ATKINSON_DIR / FILES["atkinson"][weight])
            result[(name, weight)] = overrides(web, TTFont(folder / FILES[name][weight]), weights)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liberation", type=Path, help="folder with LiberationSans-Regular.ttf and -Bold.ttf")
    args = parser.parse_args()
    for (name, weight), found in all_overrides(args.liberation).items():
        print(f"{name} {weight}: size-adjust: {found.size_adjust}%; ascent-override: {found.ascent}%; "
              f"descent-override: {found.descent}%; line-gap-override: {found.line_gap}%;")


if __name__ == "__main__":
    main()
