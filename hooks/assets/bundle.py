"""Join a page's stylesheets (or scripts) in order, minify them, and name the result by its contents."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin

from assets.material_script import LazyScript, MaterialScriptError, lazy_script_name, lazy_search_index, material_script_path


@dataclass(frozen=True)
class Kind:
    """One kind of bundle: where its sources and the bundle live, its file ending and its minifier."""

    folder: str
    suffix: str
    minify: Callable[[str], str]


KINDS = {
    "css": Kind("assets/stylesheets", ".css", rcssmin.cssmin),
    "js": Kind("assets/javascripts", ".js", rjsmin.jsmin),
}


# A bundle's site path, as bundle_name makes it (tests, the page-weight tools and deploy/nginx.conf's map match it).
BUNDLE_PATH = re.compile(r"assets/(?:stylesheets/app\.[0-9a-f]{8}\.min\.css|javascripts/app\.[0-9a-f]{8}\.min\.js)$")


# Sources that only some builds put in their bundles: the offline copy's font rules
# (overrides/main.html adds them when `extra.offline_copy` is set).
ONLY_SOME_BUILDS = ("assets/stylesheets/app-fonts-offline.css",)


class BundleError(ValueError):
    """A bundle could not be made; the message names the file and says how to fix it."""


@dataclass(frozen=True)
class Bundle:
    """A finished bundle: its site path, its text, and the site paths of the sources in it."""

    path: str
    text: str
    sources: tuple[str, ...]


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise BundleError(f"Unknown kind of bundle '{kind}': use one of {', '.join(sorted(KINDS))}.")
    return KINDS[kind]


def _script_part(minified: str) -> str:
    # Each script ran on its own when each had its own file: one that throws at its start must
    # not stop those after it. The error is thrown again outside, so it still shows in the console.
    return f"try{{{minified}\n}}catch(error){{setTimeout(function(){{throw error}})}}"


def bundle_text(kind: str, texts: Sequence[str]) -> str:
    """The texts of one kind ("css" or "js"), each minified, joined in the order given."""
    minify = _kind(kind).minify
    parts = [minify(text) for text in texts]
    if kind == "js":
        parts = [_script_part(part) for part in parts]
    return "\n".join(parts) + "\n"


def bundle_name(kind: str, text: str) -> str:
    """The bundle's site path, with the first 8 hex digits of its SHA-256 (as Material names its own files)."""
    spec = _kind(kind)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{spec.folder}/app.{digest}.min{spec.suffix}"


def find_source(kind: str, name: str, theme_dirs: Sequence[Path]) -> Path:
    """The file for `name` (for example "app-quiz") in the first theme folder that has it."""
    relative = f"{_kind(kind).folder}/{name}{KINDS[kind].suffix}"
    for folder in theme_dirs:
        if (Path(folder) / relative).is_file():
            return Path(folder) / relative
    raise BundleError(
        f"overrides/main.html lists '{name}', but there is no file '{relative}' under overrides/. "
        f"Add the file as overrides/{relative}, or take '{name}' out of the list in overrides/main.html."
    )


class Bundler:
    """Makes each bundle once per build and remembers it, so the build can write it out."""

    def __init__(self, theme_dirs: Sequence[Path]) -> None:
        self.theme_dirs = [Path(folder) for folder in theme_dirs]
        self.bundles: dict[tuple[str, tuple[str, ...]], Bundle] = {}
        self.material: LazyScript | None = None

    def material_script(self, html: str) -> str:
        """The HTML of the `scripts` block, with Material's script swapped for the copy that fetches the
        search index only when search opens (material_script.py; made the first time it is asked for)."""
        try:
            original = material_script_path(html)
            if self.material is None or self.material.replaces != original:
                source = next((Path(folder) / original for folder in self.theme_dirs if (Path(folder) / original).is_file()), None)
                if source is None:
                    raise MaterialScriptError(f"overrides/main.html: Material's script '{original}' is in no theme folder. "
                                              "Reinstall mkdocs-material from requirements.txt.")
                text = lazy_search_index(source.read_text(encoding="utf-8"), str(source))
                self.material = LazyScript(lazy_script_name(text), text, original)
        except MaterialScriptError as error:
            raise BundleError(str(error)) from None
        return html.replace(original, self.material.path)

    def bundle(self, kind: str, names: Sequence[str]) -> Bundle:
        """The bundle of these sources, in this order (made the first time it is asked for)."""
        key = (kind, tuple(names))
        if key not in self.bundles:
            if not names:
                raise BundleError(f"An empty list of {kind} files to bundle: overrides/main.html must list at least one.")
            paths = [find_source(kind, name, self.theme_dirs) for name in names]
            try:
                texts = [path.read_text(encoding="utf-8") for path in paths]
            except (OSError, UnicodeDecodeError) as error:
                raise BundleError(f"Cannot read a file to bundle: {error}. Check that it is UTF-8 text.") from None
            text = bundle_text(kind, texts)
            sources = tuple(f"{KINDS[kind].folder}/{name}{KINDS[kind].suffix}" for name in names)
            self.bundles[key] = Bundle(bundle_name(kind, text), text, sources)
        return self.bundles[key]

    def write(self, site_dir: Path) -> list[Bundle]:
        """Write every bundle made so far into a built site, and remove the separate copies of their sources.

        The sources only some builds bundle (ONLY_SOME_BUILDS) go too: a build that did not use one has no use for it.
        """
        written = []
        for bundle in self.bundles.values():
            target = site_dir / bundle.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(bundle.text, encoding="utf-8")
            written.append(bundle)
        for source in {source for bundle in written for source in bundle.sources} | set(ONLY_SOME_BUILDS):
            (site_dir / source).unlink(missing_ok=True)
        if self.material is not None:
            (site_dir / self.material.path).write_text(self.material.text, encoding="utf-8")
            # No page loads Material's unchanged script, nor its source map, which no longer matches the copy.
            for unused in (self.material.replaces, self.material.replaces + ".map"):
                (site_dir / unused).unlink(missing_ok=True)
        return written


def minify_in_place(site_dir: Path) -> list[str]:
    """Minify our files that are in no bundle (app-scorm.js, a brand stylesheet) where they are; return their paths."""
    changed = []
    for kind, spec in KINDS.items():
        for path in sorted((site_dir / spec.folder).glob(f"app-*{spec.suffix}")):
            path.write_text(spec.minify(path.read_text(encoding="utf-8")), encoding="utf-8")
            changed.append(path.relative_to(site_dir).as_posix())
    return changed
