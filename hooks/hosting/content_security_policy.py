"""The Content-Security-Policy for the built site: only its own files, plus its inline scripts by hash.

Material puts three small scripts inside every page (the storage scope, the
saved colour scheme, and opening a tab named in the address). They must run
before the page is drawn, so they stay inline. A policy of `script-src 'self'`
alone would block them, and `'unsafe-inline'` would let any injected script run
too. So the policy in `deploy/nginx.conf` lists the sha256 hash of each (CSP
level 2, in every current browser). Our override of
`partials/javascripts/base.html` keeps those scripts the same on every page, so
their hashes change only when Material is upgraded.

Any other inline script or `<style>`, one that is not the same on every page
(the print-site plugin writes both into `print_page/`, and they change with the
course's headings), is moved into a file of its own under `assets/inline/`
after the build, which `'self'` allows. So the committed policy holds however
the course's pages change. `tests/hosting/test_nginx.py` checks the policy
against a fresh build, and `tools/content_security_policy.py --write` updates
it after a Material upgrade.

Everything here takes HTML or text and returns results.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser runs; anything else (application/json, for example) is data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_INLINE_BLOCK = re.compile(r"<(script|style)(\s[^>]*)?>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_TYPE_ATTRIBUTE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC_ATTRIBUTE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
INLINE_DIR = "assets/inline"
# The only pages whose own inline code is moved into files: the whole course on one
# page, which the print-site plugin writes with a script and a style of its own (with
# and without directory URLs). Inline code in any other page is an error: a `<script>`
# typed into a Markdown file must not become a file the policy trusts.
MOVABLE_PAGES = frozenset({"print_page/index.html", "print_page.html"})
# A script that only waits for the page to load can be deferred: deferred scripts run
# before DOMContentLoaded fires, so its code runs at the same moment, and the page
# is not held up while the file downloads.
_WAITS_FOR_LOAD = re.compile(r"""^\s*(?:document|window)\.addEventListener\(\s*["'](?:DOMContentLoaded|load)["']\s*,""")


def only_waits_for_load(script: str) -> bool:
    """True when a script is one `addEventListener("DOMContentLoaded" or "load", ...)` call and nothing else."""
    start = _WAITS_FOR_LOAD.match(script)
    if not start:
        return False
    depth, quote, index = 1, None, start.end()
    while index < len(script) and depth:
        char = script[index]
        if quote:
            quote = None if char == quote and script[index - 1] != "\\" else quote
        elif char in "'\"`":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        index += 1
    return depth == 0 and script[index:].strip() in ("", ";")
_NGINX_CSP = re.compile(r'add_header\s+Content-Security-Policy\s+"([^"]*)"')

# Every directive: 'none' by default, then only what the course uses.
# img-src needs data: because Material draws its icons with SVG data URLs in its CSS.
BASE_DIRECTIVES = (
    ("default-src", "'none'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("form-action", "'self'"),
    ("base-uri", "'none'"),
    ("object-src", "'none'"),
    ("frame-ancestors", "'none'"),
)


@dataclass
class InlineCode:
    """What a page has inside its HTML that a strict policy must know about."""

    scripts: list[str] = field(default_factory=list)
    style_elements: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)
    event_handlers: list[str] = field(default_factory=list)
    javascript_urls: list[str] = field(default_factory=list)


class _InlineCodeParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = InlineCode()
        self._collecting: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name.startswith("on"):
                self.found.event_handlers.append(f"<{tag} {name}=...>")
            if name == "style":
                self.found.style_attributes.append(value)
            if name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                self.found.javascript_urls.append(value)
        if tag == "script" and "src" not in attributes and attributes.get("type", "").lower() in _SCRIPT_TYPES:
            self._collecting, self._text = "script", []
        elif tag == "style":
            self._collecting, self._text = "style", []

    def handle_data(self, data: str) -> None:
        if self._collecting:
            self._text.append(data)

    def handle_entityref(self, name: str) -> None:
        if self._collecting:
            self._text.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self._collecting:
            self._text.append(f"&#{name};")

    def handle_endtag(self, tag: str) -> None:
        if self._collecting and tag == self._collecting:
            (self.found.scripts if tag == "script" else self.found.style_elements).append("".join(self._text))
            self._collecting = None


def inline_code(page_html: str) -> InlineCode:
    """The inline scripts, styles and event handlers in one page's HTML."""
    parser = _InlineCodeParser()
    parser.feed(page_html)
    parser.close()
    return parser.found


def source_hash(text: str) -> str:
    """The CSP source for an inline script or style: 'sha256-' and the base64 of its UTF-8 text's hash."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(script_hashes: list[str] | set[str], style_hashes: list[str] | set[str] = ()) -> str:
    """The whole policy, one line, with the hashes sorted so it is the same from build to build."""
    parts = []
    for directive, sources in BASE_DIRECTIVES:
        if directive == "script-src" and script_hashes:
            sources = " ".join([sources, *sorted(set(script_hashes))])
        if directive == "style-src" and style_hashes:
            sources = " ".join([sources, *sorted(set(style_hashes))])
        parts.append(f"{directive} {sources}")
    return "; ".join(parts)


@dataclass(frozen=True)
class SitePolicy:
    """The policy a built site needs, and what in it no hash can allow."""

    policy: str
    script_hashes: frozenset[str]
    problems: tuple[str, ...]


def site_policy(site_dir: Path) -> SitePolicy:
    """Read every built page and work out the policy it needs, listing inline code that hashes cannot allow."""
    script_hashes: set[str] = set()
    style_hashes: set[str] = set()
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        found = inline_code(page.read_text(encoding="utf-8"))
        name = page.relative_to(site_dir).as_posix()
        script_hashes.update(source_hash(script) for script in found.scripts)
        style_hashes.update(source_hash(style) for style in found.style_elements)
        problems += [f"{name}: event handler attribute {handler} (move it into a script file)" for handler in found.event_handlers]
        problems += [f"{name}: style attribute style=\"{style}\" (use a class in a stylesheet)" for style in found.style_attributes]
        problems += [f"{name}: javascript: address {url!r} (use a button and a script file)" for url in found.javascript_urls]
    return SitePolicy(policy(script_hashes, style_hashes), frozenset(script_hashes), tuple(problems))


def nginx_policy(conf_text: str) -> str | None:
    """The Content-Security-Policy that an nginx configuration sends, or None if it sends none."""
    match = _NGINX_CSP.search(conf_text)
    return match.group(1) if match else None


def with_policy(conf_text: str, new_policy: str) -> str:
    """The nginx configuration with its Content-Security-Policy replaced by `new_policy`."""
    if not _NGINX_CSP.search(conf_text):
        raise ValueError("the nginx configuration has no 'add_header Content-Security-Policy \"...\"' line to update")
    return _NGINX_CSP.sub(lambda match: match.group(0).replace(match.group(1), new_policy), conf_text, count=1)


def site_wide_hashes(pages_html: list[str]) -> set[str]:
    """The hashes of the inline scripts and styles that every one of these pages has."""
    shared: set[str] | None = None
    for page_html in pages_html:
        found = inline_code(page_html)
        hashes = {source_hash(text) for text in [*found.scripts, *found.style_elements]}
        shared = hashes if shared is None else shared & hashes
    return shared or set()


def externalise_inline_code(page_html: str, page_path: str, keep: set[str]) -> tuple[str, dict[str, str]]:
    """Move each inline script and style whose hash is not in `keep` into its own file.

    Returns the changed HTML and the new files, by site-relative path. A script
    file at the same place in the page runs at the same moment as the inline
    script did (deferred only when it just waits for the page to load), and a
    stylesheet link cascades as the style element did: one from the head stays
    where it was, and one from the body goes at the end of the head, after every
    other stylesheet as before, since a <link> belongs in the head (HTML_CodeSniffer H59.1).
    """
    new_files: dict[str, str] = {}
    head_end = page_html.lower().find("</head>")
    moved_to_head: list[str] = []

    def move(match: re.Match[str]) -> str:
        tag, attributes, text = match.group(1).lower(), match.group(2) or "", match.group(3)
        if tag == "script":
            script_type = _TYPE_ATTRIBUTE.search(attributes)
            if _SRC_ATTRIBUTE.search(attributes) or (script_type and script_type.group(1).lower() not in _SCRIPT_TYPES):
                return match.group(0)
        if source_hash(text) in keep or not text.strip():
            return match.group(0)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        target = f"{INLINE_DIR}/{digest}.{'js' if tag == 'script' else 'css'}"
        new_files[target] = text
        address = posixpath.relpath(target, posixpath.dirname(page_path) or ".")
        if tag == "script":
            defer = " defer" if only_waits_for_load(text) else ""
            return f'<script src="{address}"{defer}></script>'
        link = f'<link rel="stylesheet" href="{address}">'
        if 0 <= head_end < match.start():
            moved_to_head.append(link)
            return ""
        return link

    changed = _INLINE_BLOCK.sub(move, page_html)
    if moved_to_head:
        end = changed.lower().find("</head>")
        changed = changed[:end] + "".join(moved_to_head) + changed[end:]
    return changed, new_files


def inline_code_problems(page_html: str, keep: set[str]) -> list[str]:
    """The inline code in a page that the policy would block: scripts and styles not on every page, event handlers, `javascript:` links."""
    found = inline_code(page_html)
    problems = [f"it has an inline <script> ({_excerpt(text)})" for text in found.scripts
                if text.strip() and source_hash(text) not in keep]
    problems += [f"it has an inline <style> ({_excerpt(text)})" for text in found.style_elements
                 if text.strip() and source_hash(text) not in keep]
    problems += [f"it has an event-handler attribute {handler}" for handler in found.event_handlers]
    problems += [f"it has a javascript: link ({_excerpt(url)})" for url in found.javascript_urls]
    return problems


def _excerpt(text: str, length: int = 60) -> str:
    words = " ".join(text.split())
    return f'"{words[:length]}…"' if len(words) > length else f'"{words}"'
