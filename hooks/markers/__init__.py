"""The comment markers authors put in pages (`<!-- organisation-contact -->`): the table and its checks.

`checks.py` is pure; `markers_hook.py` beside this package is the thin MkDocs adapter.
"""
