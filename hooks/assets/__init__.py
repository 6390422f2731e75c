"""One stylesheet and one script of ours per page, minified, with a fingerprint in the name.

The source files in overrides/assets/ stay one per component, with their comments,
for authors; overrides/main.html lists which of them each page needs, in order.
A learner's browser gets them as one file of each kind, made smaller by
well-kept minifiers from PyPI (rcssmin, rjsmin): one request each instead of
about twenty, so the text shows sooner on a slow line. The name carries a hash
of the contents (`app.1a2b3c4d.min.css`), so a web server can let browsers keep
it for a year (deploy/nginx.conf): a changed file gets a new name.

Everything here takes names, texts and folders and returns text and names;
`assets_hook.py` is the MkDocs glue.
"""

from assets.material_script import LazyScript, MaterialScriptError, lazy_search_index, without_palette_stylesheet
from assets.bundle import BUNDLE_PATH, KINDS, Bundle, BundleError, Bundler, bundle_name, bundle_text, find_source, minify_in_place

__all__ = ["LazyScript", "MaterialScriptError", "lazy_search_index", "without_palette_stylesheet", "BUNDLE_PATH", "KINDS", "Bundle", "BundleError", "Bundler", "bundle_name", "bundle_text", "find_source", "minify_in_place"]
