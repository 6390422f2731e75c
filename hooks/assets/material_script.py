"""Material's own script, changed in one place: the search index is fetched when a learner searches.

Material 9.x (9.8.1 here) fetches `search/search_index.json`, the whole course's text (about
110 KB gzip), on every first visit, although most learners never search. Two parts of its
script subscribe to the index as soon as a page loads:

1. its search worker, which starts with

       merge(of(location.protocol !== "file:"), watchToggle("search")).pipe(filter(Boolean), switchMap(() => index$))

   so from `file://` (the offline copy) it already waits until the search toggle (`#__search`)
   first opens: clicking the search box or the header's search button, pressing "/", "s" or
   "f", or tabbing into the box (Material turns the toggle on when the box gets focus). The
   copy writes that test as `false` (`!1`), so the website takes the same path;
2. its search highlighting (`search.highlight`), which combines the index with the page's
   `?h=` query, `combineLatest([index$, location$.pipe(...has "h"...)])`. Only a page opened
   from a search result has `?h=`, and the learner has searched by then; the copy gives
   the other pages `combineLatest([])` (nothing, at once) in place of the index.

Material documents no setting for either, so the build makes a copy of Material's script with
those two changes. Everything else is Material's, unchanged: the worker, lunr, the results and
their order, "Initializing search" while the index arrives (a query typed before it has
arrived runs when it is ready), and the highlighting on the page a result opens.

The copy is named, as Material names its own, by a hash of its contents
(`bundle.1a2b3c4d.min.js`), so web servers still keep it for a year. Its source map is
Material's, which no longer matches, so the copy points to none.

If an update to Material changes either line, the build stops and says so: see ARCHITECTURE.md,
"Material-specific markup we depend on".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

# The start of Material's search worker, as its minifier writes it: `L($(location.protocol!=="file:"),Je("search"))`.
# The names of `merge`, `of` and `watchToggle` change from one release to the next; the test and the toggle's name do not.
HTTP_LOADS_AT_ONCE = re.compile(r'(\b[\w$]+\(\s*[\w$]+\()location\.protocol\s*!==\s*"file:"(\)\s*,\s*[\w$]+\("search"\)\))')

# Material's search highlighting: `function Ai(e,{index$:t,location$:r}){return z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])`.
HIGHLIGHT_WAITS_FOR_INDEX = re.compile(
    r'(\{index\$:([\w$]+),location\$:[\w$]+\}\)\{return ([\w$]+)\(\[)\2'
    r'(,[\w$]+\.pipe\([\w$]+\([\w$]+\(\)\),[\w$]+\(([\w$]+)=>!!\5\.searchParams\.get\("h"\)\)\)\]\))')

# Material's script in a page, as its template writes it (`assets/javascripts/bundle.a5f9d56c.min.js`).
MATERIAL_SCRIPT = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js")

# Material's palette stylesheet in the `styles` block, as its template writes it.
PALETTE_STYLESHEET = re.compile(r'[ \t]*<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]{8}\.min\.css">[ \t]*\n?')

SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


class MaterialScriptError(ValueError):
    """Material's script is not as this module expects; the message names the file and says what to do."""


@dataclass(frozen=True)
class LazyScript:
    """The changed copy of Material's script: its site path and its text, and the path it replaces."""

    path: str
    text: str
    replaces: str


def lazy_search_index(text: str, source: str) -> str:
    """Material's script `text` (read from `source`), with the search index fetched only when search opens."""
    found = HTTP_LOADS_AT_ONCE.findall(text)
    if len(found) != 1:
        raise MaterialScriptError(
            f"{source}: expected Material's search worker to start with one "
            f"'merge(of(location.protocol!==\"file:\"), watchToggle(\"search\"))', found {len(found)}. "
            "Material has changed how it loads the search index: see hooks/assets/material_script.py and "
            "ARCHITECTURE.md (\"Material-specific markup we depend on\"), or pin the Material release in "
            "requirements.txt that the build was written for.")
    changed = HTTP_LOADS_AT_ONCE.sub(lambda match: match.group(1) + "!1" + match.group(2), text)
    found = HIGHLIGHT_WAITS_FOR_INDEX.findall(changed)
    if len(found) != 1:
        raise MaterialScriptError(
            f"{source}: expected Material's search highlighting to start with one "
            f"'combineLatest([index$, location$...searchParams.get(\"h\")])', found {len(found)}. "
            "Material has changed how it highlights search terms: see hooks/assets/material_script.py and "
            "ARCHITECTURE.md (\"Material-specific markup we depend on\"), or pin the Material release in "
            "requirements.txt that the build was written for.")
    changed = HIGHLIGHT_WAITS_FOR_INDEX.sub(
        lambda match: f'{match.group(1)}(new URL(location.href).searchParams.get("h")?{match.group(2)}:{match.group(3)}([])){match.group(4)}',
        changed)
    return SOURCE_MAP.sub("", changed) + "\n"


def lazy_script_name(text: str) -> str:
    """The copy's site path, with the first 8 hex digits of its SHA-256, as Material names its files."""
    return f"assets/javascripts/bundle.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}.min.js"


def material_script_path(html: str) -> str:
    """The site path of Material's script in the HTML of a template's `scripts` block."""
    found = sorted(set(MATERIAL_SCRIPT.findall(html)))
    if len(found) != 1:
        raise MaterialScriptError(
            f"overrides/main.html: expected Material's one script (assets/javascripts/bundle.*.min.js) in its "
            f"`scripts` block, found {found or 'none'}. Check the block still calls super().")
    return found[0]


def without_palette_stylesheet(html: str) -> str:
    """The HTML of the `styles` block without Material's palette.css.

    With `primary: custom` and `accent: custom` none of its colour rules apply, and
    app-colours.css sets every variable it sets for our schemes (the slate scheme's shadows
    included). So it is 3.3 KB a first visit loads for nothing; tests/site/test_browser_speed.py
    puts it back in each scheme and checks that nothing on the page looks different.
    """
    found = PALETTE_STYLESHEET.findall(html)
    if len(found) != 1:
        raise MaterialScriptError(
            "overrides/main.html: expected Material's one palette stylesheet "
            f"(assets/stylesheets/palette.*.min.css) in its `styles` block, found {len(found)}. "
            "Check the block still calls super() and that theme.palette is set in mkdocs.yml.")
    return PALETTE_STYLESHEET.sub("", html)
