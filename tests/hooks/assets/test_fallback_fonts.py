"""The fallback fonts' overrides in app-fonts.css are the ones the font files give (tools/fallback_font_metrics.py)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_DIR

sys.path.insert(0, str(PROJECT_DIR / "tools"))
import fallback_font_metrics as metrics  # noqa: E402

STYLESHEETS = PROJECT_DIR / "overrides" / "assets" / "stylesheets"
FONTS_CSS = STYLESHEETS / "app-fonts.css"
FALLBACK_CSS = STYLESHEETS / "app-fonts-fallback.css"
FAMILIES = {"dejavu": "Atkinson Hyperlegible DejaVu Fallback", "liberation": "Atkinson Hyperlegible Fallback"}
# Liberation Sans is not installed on every machine (it changes which fonts Chromium falls back to);
# point LIBERATION_FONTS at a folder holding LiberationSans-Regular.ttf and -Bold.ttf to check its numbers too.
LIBERATION = Path(os.environ.get("LIBERATION_FONTS", "/usr/share/fonts/truetype/liberation2"))


def faces_in_css() -> dict[tuple[str, str], dict[str, str]]:
    """Each @font-face of app-fonts.css by (family, weight), as its descriptors."""
    faces = {}
    text = FONTS_CSS.read_text(encoding="utf-8") + FALLBACK_CSS.read_text(encoding="utf-8")
    for body in re.findall(r"@font-face\s*\{([^}]*)\}", text):
        descriptors = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body))
        faces[(descriptors["font-family"].strip('"'), descriptors["font-weight"])] = descriptors
    return faces


def check(name: str, liberation: Path | None) -> None:
    faces = faces_in_css()
    for (fallback, weight), found in metrics.all_overrides(liberation).items():
        if fallback != name:
            continue
        face = faces[(FAMILIES[name], str(metrics.WEIGHTS[weight]))]
        # The character weights come from docs/, which authors change, so the numbers may drift a
        # little: within 0.2 percentage points (under half a pixel on a 200px line) they still match.
        for descriptor, value in (("size-adjust", found.size_adjust), ("ascent-override", found.ascent),
                                  ("descent-override", found.descent), ("line-gap-override", found.line_gap)):
            assert abs(float(face[descriptor].rstrip("%")) - value) <= 0.2, (
                f"app-fonts.css: {FAMILIES[name]} {weight} has {descriptor}: {face[descriptor]}, the fonts give {value}%: "
                "run tools/fallback_font_metrics.py and copy its numbers")


def test_dejavu_sans_overrides_come_from_the_font_files() -> None:
    check("dejavu", None)


@pytest.mark.skipif(not (LIBERATION / "LiberationSans-Regular.ttf").is_file(), reason="Liberation Sans is not here: set LIBERATION_FONTS")
def test_liberation_sans_and_arial_overrides_come_from_the_font_files() -> None:
    check("liberation", LIBERATION)


def test_the_web_font_is_optional_and_only_the_fallbacks_use_local_fonts() -> None:
    faces = faces_in_css()
    for weight in ("400", "700"):
        assert faces[("Atkinson Hyperlegible", weight)]["font-display"] == "optional"  # app-fonts.css says why not swap
        assert "local(" not in faces[("Atkinson Hyperlegible", weight)]["src"]
    for family in FAMILIES.values():
        for weight in ("400", "700"):
            assert faces[(family, weight)]["src"].startswith("local(")
    stack = re.search(r"--md-text-font:\s*([^;]+);", FONTS_CSS.read_text(encoding="utf-8")).group(1)
    assert stack == '"Atkinson Hyperlegible", "Atkinson Hyperlegible Fallback", "Atkinson Hyperlegible DejaVu Fallback"'


def test_the_average_width_weights_each_character_by_how_often_the_course_uses_it() -> None:
    weights = metrics.character_weights("aab")
    assert weights == {"a": 2 / 3, "b": 1 / 3}
    text = metrics.course_text(PROJECT_DIR / "docs")
    assert "---" not in text[:10] and "<!--" not in text and len(text) > 100_000
