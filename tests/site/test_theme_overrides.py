"""Our copies of Material's partials stay Material's, apart from the change each one is there for."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import PROJECT_DIR

MATERIAL_PARTIALS = Path(material.__file__).parent / "templates" / "partials"
# The leading {#- … -#} comment: Material's says "automatically generated", ours says why we copied it.
_LEADING_COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)

# Each copied partial and the one change we make to Material's text.
COPIED_PARTIALS = {
    "nav-item.html": (' tabindex="{{ tabindex }}"', '{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}'),
}


@pytest.mark.parametrize("name", sorted(COPIED_PARTIALS))
def test_copied_partial_is_materials_with_only_our_change(name: str) -> None:
    ours = (PROJECT_DIR / "overrides" / "partials" / name).read_text(encoding="utf-8")
    theirs = (MATERIAL_PARTIALS / name).read_text(encoding="utf-8")
    old, new = COPIED_PARTIALS[name]
    assert old in theirs, f"Material's partials/{name} no longer has {old!r}: check whether our copy is still needed"
    assert _LEADING_COMMENT.sub("", ours, count=1) == _LEADING_COMMENT.sub("", theirs, count=1).replace(old, new), (
        f"overrides/partials/{name} differs from Material's copy by more than our change. Copy Material's "
        f"{MATERIAL_PARTIALS / name} again and make only the change {old!r} -> {new!r}, keeping our comment at the top.")
