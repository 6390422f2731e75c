"""Keyboard and screen-reader details of every page, made on Material's markup.

`changes.py` is pure; `page_chrome_hook.py` beside this package is the thin MkDocs adapter.
"""
