"""Each page's front matter: parsed, and its module, session and time checked.

`checks.py` is pure; `front_matter_hook.py` beside this package is the thin MkDocs adapter.
"""
