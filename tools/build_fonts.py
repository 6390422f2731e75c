"""Make the site's WOFF2 fonts from the Atkinson Hyperlegible TTFs in fontpkg-atkinson-hyperlegible.

Run once when the font package changes: `.venv/bin/python tools/build_fonts.py`.
Only the regular and bold weights are made (the course never uses italics),
subset to the Latin characters British English and Welsh names need, and
without hinting instructions, so each file is about 9.5 KB rather than 18 KB.
Both files are preloaded on every page, so their size is part of how soon a
learner on a slow line sees the first words. Hinting sharpens small text on
older Windows screens; the course's text is 20px or larger, where the
difference is slight (Google Fonts serves unhinted files to most systems). A
character outside the subset still shows, in the fallback font.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import fontpkg_atkinson_hyperlegible as package
from fontTools import subset

FONT_DIR = Path(package.__file__).parent / "files"
OUT_DIR = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"
# Basic Latin, Latin-1 (accents of English, Irish, Scots Gaelic, French and German names and
# Welsh â ê î ô û), Welsh Ŵ ŵ Ŷ ŷ, and typographic punctuation: quotes, dashes, ellipsis,
# bullet, pound and euro signs, arrows, tick.
UNICODES = "U+0020-007E,U+00A0-00FF,U+0174-0177,U+2013-2014,U+2018-201E,U+2022,U+2026,U+20AC,U+2122,U+2190-2193,U+2713"
# The hinting tables, dropped (see above).
HINTING_TABLES = ["cvt ", "fpgm", "prep", "gasp", "hdmx", "VDMX", "LTSH"]


def main() -> None:
    """Write the subset WOFF2 files and the licence next to them."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["kern", "liga"]
        options.hinting = False
        options.drop_tables += HINTING_TABLES
        font = subset.load_font(str(FONT_DIR / f"AtkinsonHyperlegible-{weight}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        target = OUT_DIR / f"atkinson-hyperlegible-{weight.lower()}.woff2"
        subset.save_font(font, str(target), options)
        print(f"{target.name}: {target.stat().st_size} bytes")
    shutil.copy(Path(package.__file__).parent / "LICENSE", OUT_DIR / "OFL.txt")


if __name__ == "__main__":
    main()
